"""relationapp mail import|sync|setup|senders: e-mail logged as touches."""

from __future__ import annotations

import sys

from relationapp.commands.cli import CliError, add_noun
from relationapp.commands.output import print_json, print_table, to_jsonable
from relationapp.text.catalogue import N_, _

SHOWN = 20  # remarks and problems printed before "... and N more"


def register(sub) -> None:
    mail, verbs = add_noun(sub, "mail", help=N_("log e-mail as touches: .eml/.mbox files, or one IMAP folder"))

    imp = verbs.add_parser("import", help=N_("log the mails in .eml or .mbox files, or folders of them"))
    imp.add_argument("paths", nargs="+", metavar="PATH", help=N_("an .eml file, an .mbox file or a folder"))
    imp.add_argument("--account", metavar="ACCOUNT",
                     help=N_("log mail with nobody we know for this account (name or id)"))
    imp.add_argument("--dry-run", action="store_true", help=N_("only show what would be logged; write nothing"))
    imp.add_argument("--json", action="store_true", help=N_("machine-readable result"))
    imp.set_defaults(handler=_import)

    sync = verbs.add_parser("sync", help=N_("log the new mail of the IMAP folder set up with 'mail setup'"))
    sync.add_argument("--password-stdin", action="store_true",
                      help=N_("read the password from standard input for this run (not stored)"))
    sync.add_argument("--dry-run", action="store_true", help=N_("only show what would be logged; write nothing"))
    sync.add_argument("--json", action="store_true", help=N_("machine-readable result"))
    sync.set_defaults(handler=_sync)

    setup = verbs.add_parser("setup", help=N_("the IMAP server and folder to watch; the password goes to the "
                                              "system keyring"))
    setup.add_argument("--host", help=N_("the IMAP server, e.g. imap.example.com"))
    setup.add_argument("--port", type=int, help=N_("default: 993 with ssl, 143 with starttls or none"))
    setup.add_argument("--security", choices=("ssl", "starttls", "none"),
                       help=N_("ssl (default), starttls, or none (only for a server on this computer)"))
    setup.add_argument("--user", help=N_("the user name on the server (often the e-mail address)"))
    setup.add_argument("--folder", help=N_("the folder to watch (default: relationapp)"))
    setup.add_argument("--own-addresses", metavar="LIST",
                       help=N_("our own addresses and domains besides the staff's, e.g. 'info@firm.nl, @firm.nl'"))
    setup.add_argument("--every", type=int, metavar="MINUTES",
                       help=N_("the window checks the folder every so many minutes (0: only by hand)"))
    setup.add_argument("--password-stdin", action="store_true",
                       help=N_("read the password from standard input and keep it in the system keyring"))
    setup.add_argument("--show", action="store_true", help=N_("only show the settings"))
    setup.set_defaults(handler=_setup)

    senders = verbs.add_parser("senders", help=N_("the unknown senders to review: list, ignore, add as person or lead"))
    senders.add_argument("action", nargs="?", default="list", choices=("list", "ignored", "ignore", "review", "person", "lead"),
                         help=N_("list (default), ignored (the ignored addresses), ignore, review (take back an "
                                 "ignore), person, lead"))
    senders.add_argument("address", nargs="?", metavar="ADDRESS")
    senders.add_argument("--account", metavar="ACCOUNT", help=N_("person: the account they belong to (name or id)"))
    senders.add_argument("--name", help=N_("person or lead: the name (default: as the mail gave it)"))
    senders.add_argument("--organisation", help=N_("lead: the organisation (default: from the address's domain)"))
    senders.add_argument("--source", metavar="NAME_OR_ID", help=N_("lead: its source (a new name is added)"))
    senders.add_argument("--json", action="store_true", help=N_("machine-readable output"))
    senders.set_defaults(handler=_senders)


def _read_password() -> str:
    if sys.stdin is None or sys.stdin.closed:
        raise CliError(_("--password-stdin: nothing on standard input."))
    text = sys.stdin.readline().rstrip("\r\n")
    if not text:
        raise CliError(_("--password-stdin: the password is empty."))
    return text


def _lines(lines, *, shown: int = SHOWN) -> None:
    for line in lines[:shown]:
        print(line, file=sys.stderr)
    if len(lines) > shown:
        print(_("… and {count} more.").format(count=len(lines) - shown), file=sys.stderr)


def _report(summary, args) -> None:
    if args.json:
        print_json(summary)
        return
    _lines(list(summary.remarks) + list(summary.problems))
    for touch in summary.planned:
        arrow = "→" if touch.direction == "out" else "←"
        who = ", ".join(touch.people) or "–"
        print(f"{touch.occurred_on.isoformat()}  {arrow} {touch.account or '–'}: {who}  {touch.subject or ''}".rstrip())
    if summary.dry_run:
        line = _("Would log {logged} of {read} mails ({duplicates} seen before, {unknown} from unknown senders, "
                 "{skipped} left out); nothing was written.")
    else:
        line = _("{logged} of {read} mails logged as touches ({duplicates} seen before, {unknown} from unknown "
                 "senders, {skipped} left out).")
    print(line.format(logged=summary.logged, read=summary.read, duplicates=summary.duplicates,
                      unknown=summary.unknown, skipped=summary.skipped))
    if summary.new_senders:
        print(_("{count} new senders to review (their mail is logged when they are added): relationapp mail "
                "senders").format(count=summary.new_senders))


def _account_id(db, name_or_id: str | None) -> int | None:
    if name_or_id is None:
        return None
    from relationapp.services.customers.accounts import find_account

    return find_account(db, name_or_id=name_or_id).id


def _import(args, db) -> int:
    from relationapp.exchange.mail.files import import_mail

    summary = import_mail(db, paths=args.paths, account_id=_account_id(db, args.account), dry_run=args.dry_run)
    if summary.problems and not summary.read:  # nothing could be read at all: one line
        more = len(summary.problems) - 1
        raise CliError(summary.problems[0] + (" " + _("(and {count} more problems)").format(count=more) if more else ""))
    _report(summary, args)
    return 0


def _sync(args, db) -> int:
    from relationapp.exchange.mail.imap import sync_mail

    password = _read_password() if args.password_stdin else None
    summary = sync_mail(db, password=password, dry_run=args.dry_run)
    _report(summary, args)
    return 0


def _setup(args, db) -> int:
    from relationapp.exchange.mail.imap import MailServer
    from relationapp.exchange.mail.password import store_password
    from relationapp.services.common.settings import get_settings, update_settings

    changes = {key: value for key, value in (
        ("mail_host", args.host), ("mail_user", args.user), ("mail_folder", args.folder),
        ("mail_security", args.security), ("mail_port", args.port), ("mail_own_addresses", args.own_addresses),
        ("mail_sync_minutes", args.every)) if value is not None}
    if args.show and (changes or args.password_stdin):
        raise CliError(_("--show only shows the settings; leave out the others."))
    if args.security is not None and args.port is None:
        changes["mail_port"] = 993 if args.security == "ssl" else 143
    password = _read_password() if args.password_stdin else None
    settings = get_settings(db)
    server = MailServer.from_settings(_replaced(settings, changes))
    if changes or password is not None:
        server.check()
    if password is not None:  # into the keyring first: a computer without one changes nothing
        store_password(host=server.host, user=server.user, password=password)
    if changes:
        settings = update_settings(db, **changes)
        server = MailServer.from_settings(settings)
    print(_("IMAP server: {host}:{port} ({security}); user: {user}; folder: {folder}").format(
        host=server.host or "–", port=server.port, security=server.security, user=server.user or "–",
        folder=server.folder))
    if settings.mail_own_addresses:
        print(_("Our own addresses: {addresses}").format(addresses=settings.mail_own_addresses))
    if password is not None:
        print(_("The password is kept in the system keyring."))
    return 0


def _replaced(settings, changes: dict):
    import dataclasses

    return dataclasses.replace(settings, **changes)


def _senders(args, db) -> int:
    from relationapp.services.mail import senders

    action = args.action
    if action in ("list", "ignored"):
        rows = senders.list_senders(db, status="waiting" if action == "list" else "ignored")
        if args.json:
            print_json([{**to_jsonable(r), "suggested_name": r.suggested_name,
                         "suggested_organisation": r.suggested_organisation} for r in rows])
            return 0
        print_table([_("address"), _("name"), _("mails"), _("last mail"), _("last subject")],
                    [[r.address, r.name or "", r.messages, r.last_on, r.last_subject or ""] for r in rows])
        return 0
    if not args.address:
        raise CliError(_("Name the address: relationapp mail senders {action} ADDRESS").format(action=action))
    if action == "ignore":
        row = senders.ignore_sender(db, address=args.address)
        print(_("{address} is ignored: its mail is never logged nor asked about again.").format(address=row.address))
    elif action == "review":
        row = senders.review_again(db, address=args.address)
        print(_("{address} is on the review list again.").format(address=row.address))
    elif action == "person":
        if not args.account:
            raise CliError(_("Name the account: --account NAME_OR_ID (or add them as a lead)."))
        person = senders.add_sender_as_person(db, address=args.address, account_id=_account_id(db, args.account),
                                              name=args.name)
        print(_("{name} added to {account}; {count} waiting mails logged as touches.").format(
            name=person.name, account=person.account, count=person.logged))
    else:
        from relationapp.commands.leads.leads import _source  # the leads CLI's reading of --source

        row = senders.get_sender(db, address=args.address)
        source_id, new_source = _source(db, args.source)
        lead = senders.add_sender_as_lead(db, address=args.address, person=args.name,
                                          organisation=args.organisation or row.suggested_organisation,
                                          source_id=source_id, new_source=new_source)
        print(_("Lead #{id} registered: {account}; {count} waiting mails logged as touches.").format(
            id=lead.account_id, account=lead.account, count=lead.logged))
    return 0

