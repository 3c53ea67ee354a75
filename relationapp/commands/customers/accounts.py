"""relationapp accounts list|show"""

from __future__ import annotations

from relationapp.commands.cli import add_noun
from relationapp.commands.output import print_json, print_table, to_jsonable
from relationapp.text.catalogue import _


def register(sub) -> None:
    accounts, verbs = add_noun(sub, "accounts", help="list and show accounts")

    listing = verbs.add_parser("list", help="list accounts")
    listing.add_argument("--search", help="part of a name, city or e-mail")
    listing.add_argument("--stage", choices=("suspect", "prospect", "mql", "sql", "customer", "inactive"))
    listing.add_argument("--archived", action="store_true", help="include archived accounts")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(handler=_list)

    show = verbs.add_parser("show", help="show one account")
    show.add_argument("account", metavar="NAME_OR_ID")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_show)


def _list(args, db) -> int:
    from relationapp.services.customers.accounts import list_accounts

    rows = list_accounts(db, search=args.search, stage=args.stage, include_archived=args.archived)
    if args.json:
        print_json([
            {"id": r.id, "name": r.name, "stage": r.stage, "city": r.city, "email": r.email,
             "phone": r.phone, "owner": r.owner, "last_touch": r.last_touch, "archived": r.archived}
            for r in rows
        ])
    else:
        print_table([_("id"), _("name"), _("stage"), _("city"), _("last touch")],
                    [[r.id, r.name, r.stage, r.city, r.last_touch] for r in rows])
    return 0


def _show(args, db) -> int:
    from relationapp.services.customers.accounts import find_account

    account = find_account(db, name_or_id=args.account)
    if args.json:
        print_json(account)
    else:
        for key, value in to_jsonable(account).items():
            if value not in (None, ""):
                print(f"{key.replace('_', ' ')}: {value}")
    return 0
