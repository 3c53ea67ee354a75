"""relationapp duplicates [--json] [--merge SURVIVOR OTHER ...]"""

from __future__ import annotations

from relationapp.commands.labels import DUPLICATE_KINDS, DUPLICATE_REASONS, word
from relationapp.commands.output import print_json, print_table
from relationapp.text.catalogue import N_, _


def register(sub) -> None:
    dup = sub.add_parser("duplicates", help=N_("likely duplicate people and accounts; merge them"))
    dup.add_argument("--kind", choices=("person", "account"), help=N_("only people or only accounts"))
    dup.add_argument("--merge", nargs="+", type=int, metavar="ID",
                     help=N_("merge: the first id survives, the others move into it (needs --kind)"))
    dup.add_argument("--json", action="store_true")
    dup.set_defaults(handler=_duplicates)


def _duplicates(args, db) -> int:
    from relationapp.commands.cli import CliError
    from relationapp.services.customers import duplicates

    if args.merge:
        if not args.kind or len(args.merge) < 2:
            raise CliError(_("--merge needs --kind and at least two ids (the survivor first)."))
        merge = duplicates.merge_people if args.kind == "person" else duplicates.merge_accounts
        result = merge(db, survivor_id=args.merge[0], other_ids=args.merge[1:])
        if args.json:
            print_json(result)
        else:
            moved = ", ".join(f"{n} {t}" for t, n in sorted(result.moved.items())) or _("nothing")
            print(_("Merged {ids} into #{survivor}; moved {moved}.").format(
                ids=", ".join(f"#{i}" for i in result.merged_ids), survivor=result.survivor_id, moved=moved))
        return 0
    groups = duplicates.find_duplicates(db, kind=args.kind)
    if args.json:
        print_json(groups)
        return 0
    rows = [[n, word(DUPLICATE_KINDS, g.kind), word(DUPLICATE_REASONS, g.reason), r.id, r.name, r.city, r.email, r.phone]
            for n, g in enumerate(groups, start=1) for r in g.records]
    print_table([_("group"), _("kind"), _("why"), _("id"), _("name"), _("city"), _("email"), _("phone")], rows)
    return 0
