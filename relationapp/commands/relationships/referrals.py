"""relationapp referrals [add|tree|ambassadors|thank]: who brought whom, and what it brought."""

from __future__ import annotations

from relationapp.commands.labels import OUTCOME_LABELS, word
from relationapp.commands.output import print_json, print_table
from relationapp.text.catalogue import N_, _


def register(sub) -> None:
    referrals = sub.add_parser("referrals", help=N_("the referral ledger with credited revenue; record and thank referrals"))
    referrals.add_argument("--json", action="store_true", help=N_("machine-readable output"))
    referrals.set_defaults(handler=_ledger, parser_for_help=referrals)
    verbs = referrals.add_subparsers(dest="verb", metavar="VERB")

    add = verbs.add_parser("add", help=N_("record who introduced an account"))
    add.add_argument("account", metavar="ACCOUNT", help=N_("the account that was introduced (name or id)"))
    add.add_argument("--by", dest="person_id", type=int, required=True, metavar="PERSON_ID", help=N_("the person who introduced it"))
    add.add_argument("--date", help=N_("when (YYYY-MM-DD, default today)"))
    add.add_argument("--outcome", choices=("introduced", "customer", "no_fit"), default="introduced")
    add.add_argument("--note")
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=_add)

    tree = verbs.add_parser("tree", help=N_("chains of introductions (A brought B, B brought C)"))
    tree.add_argument("--json", action="store_true")
    tree.set_defaults(handler=_tree)

    ambassadors = verbs.add_parser("ambassadors", help=N_("promoters who introduced accounts, by the revenue it brought"))
    ambassadors.add_argument("--json", action="store_true")
    ambassadors.set_defaults(handler=_ambassadors)

    thank = verbs.add_parser("thank", help=N_("record the thank-you to a referrer (a card or a gift)"))
    thank.add_argument("referral_id", type=int, metavar="REFERRAL_ID")
    thank.add_argument("--gift", metavar="ITEM", help=N_("the gift given (default: a card)"))
    thank.add_argument("--cost", help=N_("what the gift cost"))
    thank.add_argument("--date", help=N_("when (YYYY-MM-DD, default today)"))
    thank.add_argument("--note")
    thank.set_defaults(handler=_thank)


def _ledger(args, db) -> int:
    from relationapp.services.relationships.referrals import (
        credit_by_referrer,
        referral_ledger,
    )

    rows = referral_ledger(db)
    credits = credit_by_referrer(db)
    if args.json:
        print_json({"referrals": rows, "by_referrer": credits})
        return 0
    if not rows:
        print(_("No referrals recorded yet."))
        return 0
    print_table(
        [_("id"), _("date"), _("referrer"), _("introduced"), _("outcome"), _("first year"), _("lifetime"), _("thanked")],
        [[r.id, r.referred_on, r.referrer, r.referred_account, word(OUTCOME_LABELS, r.outcome), r.credited_first_year, r.credited_lifetime,
          r.thanked_on or (_("not yet") if r.first_order_on else "")] for r in rows],
    )
    print()
    print_table(
        [_("referrer"), _("introductions"), _("customers"), _("first year"), _("lifetime")],
        [[c.referrer_person or c.referrer_account, c.introductions, c.customers, c.credited_first_year, c.credited_lifetime]
         for c in credits],
    )
    return 0


def _add(args, db) -> int:
    from relationapp.services.customers.accounts import find_account
    from relationapp.services.relationships.referrals import record_referral

    account = find_account(db, name_or_id=args.account)
    row = record_referral(db, referred_account_id=account.id, referrer_person_id=args.person_id,
                          referred_on=args.date, outcome=args.outcome, note=args.note)
    if args.json:
        print_json(row)
    else:
        from relationapp.text import formatting

        print(_("Recorded: {referrer} introduced {account} on {day} (referral {id}).").format(
            referrer=row.referrer, account=row.referred_account, day=formatting.current().date(row.referred_on),
            id=row.id))
    return 0


def _tree(args, db) -> int:
    from relationapp.services.relationships.referrals import referral_tree

    roots = referral_tree(db)
    if args.json:
        print_json(roots)
        return 0

    def show(node, depth: int) -> None:
        via = "  " + _("(by {person})").format(person=node.introduced_by) if node.introduced_by else ""
        print(f"{'    ' * depth}{'└─ ' if depth else ''}{node.account}{via}")
        for child in node.children:
            show(child, depth + 1)

    for root in roots:
        show(root, 0)
    if not roots:
        print(_("No referrals recorded yet."))
    return 0


def _ambassadors(args, db) -> int:
    from relationapp.services.relationships.ambassadors import list_ambassadors

    rows = list_ambassadors(db)
    if args.json:
        print_json(rows)
    else:
        print_table([_("person"), _("account"), _("score"), _("introductions"), _("first year"), _("lifetime")],
                    [[r.person, r.account, r.latest_score, r.introductions, r.credited_first_year, r.credited_lifetime] for r in rows])
    return 0


def _thank(args, db) -> int:
    from relationapp.services.relationships.referrals import thank_referrer

    row = thank_referrer(db, referral_id=args.referral_id, kind="gift" if args.gift else "card",
                         gift_item=args.gift, gift_cost=args.cost, thanked_on=args.date, notes=args.note)
    from relationapp.text import formatting

    print(_("Thanked {referrer} on {day} for introducing {account}.").format(
        referrer=row.referrer, day=formatting.current().date(row.thanked_on), account=row.referred_account))
    return 0
