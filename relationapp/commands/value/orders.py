"""relationapp orders list|add|delete: an account's revenue lines (CSV import: relationapp import csv --kind orders)."""

from __future__ import annotations

from relationapp.commands.cli import add_noun
from relationapp.commands.output import print_json, print_table
from relationapp.text.catalogue import N_, _


def register(sub) -> None:
    orders, verbs = add_noun(sub, "orders", help=N_("list, type in and delete orders (revenue lines per account)"))

    listing = verbs.add_parser("list", help=N_("an account's orders, newest first"))
    listing.add_argument("--account", required=True, metavar="NAME_OR_ID")
    listing.add_argument("--json", action="store_true", help=N_("machine-readable output"))
    listing.set_defaults(handler=_list)

    add = verbs.add_parser("add", help=N_("type in one order (a negative amount is a credit note)"))
    add.add_argument("--account", required=True, metavar="NAME_OR_ID")
    add.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    add.add_argument("--amount", required=True, help=N_("e.g. 1234.56 or -50.00"))
    add.add_argument("--cost", metavar="AMOUNT", help=N_("cost of goods"))
    add.add_argument("--reference", help=N_("invoice number; unique per account"))
    add.add_argument("--description")
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=_add)

    delete = verbs.add_parser("delete", help=N_("delete one order"))
    delete.add_argument("order_id", type=int, metavar="ORDER_ID")
    delete.set_defaults(handler=_delete)


def _list(args, db) -> int:
    from relationapp.services.customers.accounts import find_account
    from relationapp.services.value.orders import list_orders

    rows = list_orders(db, account_id=find_account(db, name_or_id=args.account).id)
    if args.json:
        print_json(rows)
    else:
        print_table([_("id"), _("date"), _("amount"), _("cost of goods"), _("reference"), _("description")],
                    [[o.id, o.ordered_on, o.amount, o.cost_of_goods, o.reference, o.description] for o in rows])
    return 0


def _add(args, db) -> int:
    from relationapp.services.customers.accounts import find_account
    from relationapp.services.value.orders import create_order

    account = find_account(db, name_or_id=args.account)
    order = create_order(db, account_id=account.id, ordered_on=args.date, amount=args.amount, cost_of_goods=args.cost,
                         reference=args.reference, description=args.description)
    if args.json:
        print_json(order)
    else:
        from relationapp.text import formatting

        fmt = formatting.current()
        if order.is_credit_note:
            line = _("Credit note #{id} for {account}: {amount} on {day}.")
        else:
            line = _("Order #{id} for {account}: {amount} on {day}.")
        print(line.format(id=order.id, account=account.name, amount=fmt.money(order.amount), day=fmt.date(order.ordered_on)))
    return 0


def _delete(args, db) -> int:
    from relationapp.services.value.orders import delete_order

    delete_order(db, order_id=args.order_id)
    print(_("Order #{id} deleted.").format(id=args.order_id))
    return 0
