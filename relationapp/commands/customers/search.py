"""relationapp search TEXT [--json]: the window's Find anyone (Ctrl+K) on the command line."""

from __future__ import annotations

from relationapp.commands.labels import DUPLICATE_KINDS, word
from relationapp.commands.output import print_json, print_table
from relationapp.text.catalogue import N_, _


def register(sub) -> None:
    find = sub.add_parser("search", help=N_("find accounts and people by name, place, e-mail or phone (as Ctrl+K)"))
    find.add_argument("text", nargs="+", help=N_("the words to look for ('Yilmaz' finds Yılmaz)"))
    find.add_argument("--limit", type=int, default=20, help=N_("at most this many (default 20)"))
    find.add_argument("--archived", action="store_true", help=N_("archived accounts and people too"))
    find.add_argument("--json", action="store_true")
    find.set_defaults(handler=_search)


def _search(args, db) -> int:
    from relationapp.commands.cli import CliError
    from relationapp.services.customers.search import search

    text = " ".join(args.text).strip()
    if not text:
        raise CliError(_("Type something to look for."))
    if not 1 <= args.limit <= 1000:
        raise CliError(_("--limit must be between 1 and 1000."))
    hits = search(db, text=text, limit=args.limit, include_archived=args.archived)
    if args.json:
        print_json(hits)
        return 0
    if not hits:
        print(_("Nothing found for '{text}'.").format(text=text))
        return 0
    print_table([_("kind"), _("id"), _("name"), _("city or account")],
                [[word(DUPLICATE_KINDS, h.kind), h.id, h.name, h.detail or ""] for h in hits])
    return 0
