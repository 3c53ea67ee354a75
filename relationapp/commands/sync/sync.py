"""relationapp sync [setup|accounts|remove|status|resolve|delete|keep]: two-way sync with the phone's contacts and
calendars, with one or more named sync accounts (``--account NAME``; without it: all of them)."""

from __future__ import annotations

import sys

from relationapp.commands.cli import CliError
from relationapp.commands.output import print_json, print_table
from relationapp.text.catalogue import N_, _

ACTIONS = ("now", "setup", "accounts", "remove", "collections", "status", "resolve", "delete", "keep")


def register(sub) -> None:
    sync = sub.add_parser("sync", help=N_("two-way sync with a CardDAV/CalDAV server (the phone's contacts and "
                                          "calendars)"))
    sync.add_argument("action", nargs="?", default="now", choices=ACTIONS,
                      help=N_("now (default): sync every sync account (or the one --account names); setup: a "
                              "sync account's server and what to sync; accounts: the sync accounts; remove "
                              "--account NAME: stop syncing with one (the server keeps its items); collections: the "
                              "address books and calendars on the server, to choose from; status: the last sync, "
                              "conflicts and deletions; resolve ID --keep app|server; delete ID / keep ID: a "
                              "deletion on one side, carried over or undone"))
    sync.add_argument("ident", nargs="?", type=int, metavar="ID", help=N_("the conflict or deletion"))
    sync.add_argument("--account", metavar="NAME",
                      help=N_("the sync account (e.g. phone, office); setup without it: the only account, or a "
                              "first one called 'default'"))
    sync.add_argument("--contacts", action="store_true", help=N_("only the contacts"))
    sync.add_argument("--calendar", action="store_true", help=N_("only the calendars"))
    sync.add_argument("--keep", choices=("app", "server"), help=N_("resolve: whose value stays"))
    sync.add_argument("--url", help=N_("setup: the server, e.g. https://dav.example.com/"))
    sync.add_argument("--user", help=N_("setup: the user name on the server"))
    sync.add_argument("--address-book", metavar="PATH", help=N_("setup: the address book (a path or URL)"))
    sync.add_argument("--tasks-calendar", metavar="PATH", help=N_("setup: the calendar for follow-ups (tasks)"))
    sync.add_argument("--visits-calendar", metavar="PATH", help=N_("setup: the calendar for planned visits"))
    sync.add_argument("--dates-calendar", metavar="PATH", help=N_("setup: the calendar for birthdays and "
                                                                  "anniversaries"))
    sync.add_argument("--password-stdin", action="store_true",
                      help=N_("read the password from standard input (setup keeps it in the system keyring)"))
    sync.add_argument("--json", action="store_true", help=N_("machine-readable output"))
    sync.set_defaults(handler=_handle)


def _read_password() -> str:
    from relationapp.commands.mail.mail import _read_password as read

    return read()


def _handle(args, db) -> int:
    return {"now": _now, "setup": _setup, "accounts": _accounts, "remove": _remove, "collections": _collections,
            "status": _status, "resolve": _resolve, "delete": _settle, "keep": _settle}[args.action](args, db)


def _now(args, db) -> int:
    from relationapp.exchange.dav.run import sync_now

    kinds = None
    if args.contacts or args.calendar:
        kinds = (("contacts",) if args.contacts else ()) + (("tasks", "visits", "dates") if args.calendar else ())
    password = _read_password() if args.password_stdin else None

    def progress(done: int, total: int, text: str) -> None:
        if not args.json and sys.stderr.isatty():
            print(f"\r{text} {done}/{total}", end="", file=sys.stderr)

    from relationapp.reports.visits.visits_ics import visit_descriptions

    summary = sync_now(db, account=args.account, kinds=kinds, password=password, progress=progress,
                       describe_visits=visit_descriptions)
    if args.json:
        print_json({"ok": summary.ok, "kinds": summary.kinds, "failures": summary.failures,
                    "accounts": [{"account": a.account, "ok": a.ok, "kinds": a.kinds, "failures": a.failures}
                                 for a in summary.accounts]})
    else:
        for kind in summary.kinds:
            for problem in kind.problems[:20]:
                print(problem, file=sys.stderr)
        print(summary.text())
    if not summary.ok:
        for line in summary.failures:
            print(line, file=sys.stderr)
        return 1
    return 0


def _setup(args, db) -> int:
    from relationapp.exchange.dav.run import set_up

    if not args.url or not args.user:
        raise CliError(_("sync setup needs --url and --user (and --password-stdin the first time)."))
    password = _read_password() if args.password_stdin else None
    info = set_up(db, name=args.account, url=args.url, user=args.user, password=password,
                  address_book=args.address_book, tasks=args.tasks_calendar, visits=args.visits_calendar,
                  dates=args.dates_calendar)
    if args.json:
        print_json(info)
    else:
        print(_("Sync account '{name}' set up with {url} as {user}: {kinds}.").format(
            name=info.name, url=info.url, user=info.user, kinds=", ".join(c.kind for c in info.collections)))
    return 0


def _when(account) -> str:
    return account.last_sync_at.strftime("%Y-%m-%d %H:%M") if account.last_sync_at else _("never")


def _accounts(args, db) -> int:
    from relationapp.services.sync.store import KIND_LABELS, sync_accounts

    accounts = sync_accounts(db)
    if args.json:
        print_json([{"name": a.name, "url": a.url, "user": a.user, "last_sync_at": a.last_sync_at,
                     "last_ok": a.last_ok, "last_result": a.last_result,
                     "collections": {c.kind: c.url for c in a.collections}} for a in accounts])
        return 0
    if not accounts:
        print(_("No sync is set up: relationapp sync setup --account NAME --url URL --user USER --password-stdin"))
        return 0
    print_table([_("Sync account"), _("Server"), _("User"), _("Syncs"), _("Last sync"), _("Result")],
                [[a.name, a.url, a.user, ", ".join(_(KIND_LABELS[c.kind]) for c in a.collections), _when(a),
                  a.last_result or "–"] for a in accounts])
    return 0


def _remove(args, db) -> int:
    from relationapp.exchange.dav.run import remove

    if not args.account:
        raise CliError(_("sync remove needs --account NAME (see relationapp sync accounts)."))
    removed = remove(db, name=args.account)
    print(_("Sync account '{name}' removed: the app no longer syncs with {url}. The {count} cards and events "
            "there stay on the server, and the people and follow-ups stay in the app.").format(
        name=removed.name, url=removed.url, count=removed.items))
    return 0


def _collections(args, db) -> int:
    from relationapp.exchange.dav.run import find_collections
    from relationapp.services.sync.store import KIND_LABELS, SYNC_KINDS

    password = _read_password() if args.password_stdin else None
    found = find_collections(db, account=args.account, url=args.url, user=args.user, password=password)
    if args.json:
        print_json([{"href": c.href, "name": c.name, "kind": c.kind, "components": c.components,
                     "holds": [k for k in SYNC_KINDS if c.holds(k)]} for c in found])
        return 0
    print_table([_("Path"), _("Name"), _("Can hold")],
                [[c.href, c.name, ", ".join(_(KIND_LABELS[k]) for k in SYNC_KINDS if c.holds(k))] for c in found])
    print(_("Choose one per kind with relationapp sync setup (its --help names the options)."), file=sys.stderr)
    return 0


def _status(args, db) -> int:
    from relationapp.services.sync.store import FIELD_LABELS, KIND_LABELS, sync_status

    status = sync_status(db)
    if args.json:
        print_json(status)
        return 0
    if not status.accounts:
        print(_("No sync is set up: relationapp sync setup --url URL --user USER --password-stdin"))
        return 0
    for account in status.accounts:
        print(_("{name}: {user} at {url}; last sync {when}: {result}").format(
            name=account.name, user=account.user, url=account.url, when=_when(account),
            result=account.last_result or "–"))
    if status.conflicts:
        print_table([_("Conflict"), _("Sync account"), _("Who or what"), _("Field"), _("In the app"), _("On the server")],
                    [[c.id, c.account, c.what, _(FIELD_LABELS.get(c.field, c.field)), c.app_value or "",
                      c.server_value or ""] for c in status.conflicts])
    if status.deletions:
        print_table([_("Deletion"), _("Sync account"), _("Kind"), _("Who or what"), _("Deleted")],
                    [[d.item_id, d.account, _(KIND_LABELS[d.kind]), d.what, _deleted_where(d.pending)]
                     for d in status.deletions])
    return 0


def _deleted_where(pending: str) -> str:
    from relationapp.services.sync import store

    return {store.DELETED_IN_APP: _("in the app"), store.DELETED_ON_SERVER: _("on the server"),
            store.CONFIRMED: _("confirmed, sent at the next sync")}.get(pending, pending)


def _resolve(args, db) -> int:
    from relationapp.services.sync.store import resolve_conflict

    if args.ident is None or not args.keep:
        raise CliError(_("sync resolve needs the conflict's ID and --keep app or --keep server."))
    resolve_conflict(db, conflict_id=args.ident, keep=args.keep)
    print(_("Conflict {id} resolved; the next sync carries it over.").format(id=args.ident))
    return 0


def _settle(args, db) -> int:
    from relationapp.services.sync.store import settle_deletion

    if args.ident is None:
        raise CliError(_("sync {action} needs the deletion's ID (see relationapp sync status).").format(
            action=args.action))
    settle_deletion(db, item_id=args.ident, delete=args.action == "delete")
    print(_("Deletion {id}: carried over at the next sync.").format(id=args.ident) if args.action == "delete"
          else _("Deletion {id} undone: it comes back at the next sync.").format(id=args.ident))
    return 0
