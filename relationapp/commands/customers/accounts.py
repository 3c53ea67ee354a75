"""relationapp accounts list|show"""

from __future__ import annotations

from relationapp.commands.cli import add_noun
from relationapp.commands.labels import ACCOUNT_KINDS, JOURNEY_LABELS, STAGES, word
from relationapp.commands.output import print_json, print_table
from relationapp.commands.whose import add_staff_options, staff_id
from relationapp.text.catalogue import N_, _


def register(sub) -> None:
    accounts, verbs = add_noun(sub, "accounts", help=N_("list and show accounts"))

    listing = verbs.add_parser("list", help=N_("list accounts"))
    listing.add_argument("--search", help=N_("part of a name, city or e-mail"))
    listing.add_argument("--stage", choices=("suspect", "prospect", "mql", "sql", "customer", "inactive"))
    listing.add_argument("--archived", action="store_true", help=N_("include archived accounts"))
    add_staff_options(listing, N_("one account manager's accounts (name, part of it, or id; default: yours, see 'I am' in the settings)"))
    listing.add_argument("--json", action="store_true", help=N_("machine-readable output"))
    listing.set_defaults(handler=_list)

    show = verbs.add_parser("show", help=N_("show one account"))
    show.add_argument("account", metavar="NAME_OR_ID")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_show)


def _list(args, db) -> int:
    from relationapp.services.customers.accounts import list_accounts

    rows = list_accounts(db, search=args.search, stage=args.stage, include_archived=args.archived,
                         owner_id=staff_id(db, args))
    if args.json:
        print_json([
            {"id": r.id, "name": r.name, "stage": r.stage, "city": r.city, "email": r.email,
             "phone": r.phone, "owner": r.owner, "last_touch": r.last_touch, "archived": r.archived}
            for r in rows
        ])
    else:
        print_table([_("id"), _("name"), _("stage"), _("city"), _("last touch")],
                    [[r.id, r.name, word(STAGES, r.stage), r.city, r.last_touch] for r in rows])
    return 0


# the fields of ``accounts show`` as a person reads them (--json keeps the keys); ids of linked
# records are left out where their name is shown
SHOWN_FIELDS = {
    "id": N_("Id"), "name": N_("Name"), "kind": N_("Kind"), "stage": N_("Stage"), "owner": N_("Account manager"),
    "street": N_("Street"), "postcode": N_("Postcode"), "city": N_("City"), "region": N_("Region"),
    "country": N_("Country"), "latitude": N_("Latitude"), "longitude": N_("Longitude"), "phone": N_("Phone"),
    "email": N_("E-mail"), "website": N_("Website"), "source": N_("Source"), "source_detail": N_("Source detail"),
    "brought_in_by_id": N_("Brought in by"), "customer_since": N_("Customer since"),
    "annual_budget": N_("Annual budget"), "cadence_days": N_("Cadence"), "journey_stage": N_("Journey stage"),
    "next_steps": N_("Next steps"), "notes": N_("Notes"), "archived": N_("Archived"),
}


def _shown_value(key: str, value) -> str:
    from relationapp.text import formatting

    fmt = formatting.current()
    if key == "kind":
        return word(ACCOUNT_KINDS, value)
    if key == "stage":
        return word(STAGES, value)
    if key == "journey_stage":
        return word(JOURNEY_LABELS, value)
    if key == "customer_since":
        return fmt.date(value)
    if key == "annual_budget":
        return fmt.money(value)
    if key == "cadence_days":
        return fmt.n("{count} day", "{count} days", value, count=fmt.number(value))
    if key == "brought_in_by_id":
        return f"#{value}"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return " ".join(str(value).splitlines())


def _show(args, db) -> int:
    from relationapp.services.customers.accounts import find_account

    account = find_account(db, name_or_id=args.account)
    if args.json:
        print_json(account)
        return 0
    from dataclasses import fields

    for key in (f.name for f in fields(account)):
        value = getattr(account, key)
        if value in (None, "") or value is False or (key not in SHOWN_FIELDS and key.endswith("_id")):
            continue
        label = _(SHOWN_FIELDS[key]) if key in SHOWN_FIELDS else key.replace("_", " ").capitalize()  # a newer field
        print(f"{label}: {_shown_value(key, value)}")
    return 0
