"""relationapp pyramid [snapshot|movement|dropped] and relationapp value [pareto|growth]: customer value."""

from __future__ import annotations

from relationapp.commands.labels import TIER_LABELS, word
from relationapp.commands.output import print_json, print_table
from relationapp.text.catalogue import N_, _, ngettext


def _date_arg(parser, help_text: str) -> None:
    parser.add_argument("--date", metavar="YYYY-MM-DD", help=help_text)
    parser.add_argument("--json", action="store_true", help=N_("machine-readable output"))


def register(sub) -> None:
    pyramid = sub.add_parser("pyramid", help=N_("the customer pyramid: tiers by revenue over 12 months, and their movement"))
    _date_arg(pyramid, N_("the last day of the 12 months (default today)"))
    pyramid.add_argument("--limit", type=int, metavar="N", help=N_("show at most N accounts per tier"))
    pyramid.set_defaults(handler=_pyramid, parser_for_help=pyramid)
    verbs = pyramid.add_subparsers(dest="verb", metavar="VERB")

    snapshot = verbs.add_parser("snapshot", help=N_("keep every account's tier at each quarter end, back to the first order"))
    snapshot.add_argument("--through", metavar="YYYY-MM-DD", help=N_("last date (default today)"))
    snapshot.add_argument("--replace", action="store_true", help=N_("recompute quarters already kept"))
    snapshot.add_argument("--json", action="store_true")
    snapshot.set_defaults(handler=_snapshot)

    moves = verbs.add_parser("movement", help=N_("from-tier x to-tier counts between two quarters, and who moved"))
    moves.add_argument("from_quarter", metavar="FROM", help=N_("e.g. 2025Q4"))
    moves.add_argument("to_quarter", metavar="TO", help=N_("e.g. 2026Q3"))
    moves.add_argument("--json", action="store_true")
    moves.set_defaults(handler=_movement)

    dropped = verbs.add_parser("dropped", help=N_("customers who dropped a tier since the previous quarter end"))
    _date_arg(dropped, N_("compare this day (default today) with the quarter end before it"))
    dropped.set_defaults(handler=_dropped)

    value = sub.add_parser("value", help=N_("value per customer: revenue, margin, profit after cost to serve, share of wallet"))
    _date_arg(value, N_("the last day of the 12 months (default today)"))
    value.add_argument("--limit", type=int, metavar="N", help=N_("show the N most profitable customers"))
    value.set_defaults(handler=_values, parser_for_help=value)
    value_verbs = value.add_subparsers(dest="verb", metavar="VERB")
    profit = value_verbs.add_parser("profit", help=N_("Pareto share of the best 20 %% and the whale curve of profit"))
    _date_arg(profit, N_("the last day of the 12 months (default today)"))
    profit.set_defaults(handler=_profit)
    growth = value_verbs.add_parser("growth", help=N_("customers ranked by wallet gap: budget minus our revenue"))
    _date_arg(growth, N_("the last day of the 12 months (default today)"))
    growth.add_argument("--limit", type=int, metavar="N")
    growth.set_defaults(handler=_growth)


def _day(text):
    from relationapp.services.common.validation import parse_date

    return parse_date(text, field="date", label=_("Date"))


def _money(amount) -> str:
    from relationapp.text import formatting

    return "" if amount is None else formatting.current().money(amount)


def _pct(value) -> str:
    from relationapp.text import formatting

    return "" if value is None else formatting.current().share(value)


def _pyramid(args, db) -> int:
    from relationapp.services.value.pyramid import pyramid_summary, tier_members

    summary = pyramid_summary(db, as_of=_day(args.date))
    members = {}
    for m in tier_members(db, as_of=summary.as_of):
        members.setdefault(m.tier, []).append(m)
    if args.json:
        print_json({
            "as_of": summary.as_of, "window_start": summary.window_start, "customers": summary.customers,
            "revenue": summary.revenue,
            "tiers": [
                {"tier": t.tier, "label": t.label, "count": t.count, "revenue": t.revenue, "revenue_share": t.revenue_share,
                 "accounts": [{"id": m.account_id, "name": m.name, "revenue_12m": m.revenue_12m, "rank": m.rank}
                              for m in members.get(t.tier, [])[:args.limit]]}
                for t in summary.tiers
            ],
        })
        return 0
    from relationapp.text import formatting

    fmt = formatting.current()
    print(_("Customer pyramid, revenue {start} to {end}: {customers} customers, {revenue}").format(
        start=fmt.date(summary.window_start), end=fmt.date(summary.as_of), customers=fmt.number(summary.customers),
        revenue=_money(summary.revenue)))
    for t in summary.tiers:
        print()
        line = ngettext("{tier}: {count} account, revenue {revenue}", "{tier}: {count} accounts, revenue {revenue}",
                        t.count).format(tier=_(t.label), count=fmt.number(t.count), revenue=_money(t.revenue))
        print(line + (f" ({_pct(t.revenue_share)})" if t.revenue_share is not None else ""))
        shown = members.get(t.tier, [])[:args.limit]
        for m in shown:
            print(f"  {m.name[:50]:<50} {_money(m.revenue_12m):>14}")
        if len(shown) < t.count:
            print("  " + _("... and {count} more").format(count=fmt.number(t.count - len(shown))))
    return 0


def _snapshot(args, db) -> int:
    from relationapp.services.value.pyramid import snapshot_quarters
    from relationapp.text import formatting

    result = snapshot_quarters(db, through=_day(args.through), replace=args.replace)
    if args.json:
        print_json({"quarter_ends": list(result.quarter_ends), "computed": list(result.computed), "rows": result.rows})
    elif not result.quarter_ends:
        print(_("No orders yet: nothing to keep."))
    else:
        print(_("Quarters {first} to {last}: {computed} computed now ({rows} account tiers), {kept} kept already.").format(
            first=formatting.current().quarter(result.quarter_ends[0]),
            last=formatting.current().quarter(result.quarter_ends[-1]),
            computed=len(result.computed), rows=result.rows, kept=len(result.quarter_ends) - len(result.computed)))
    return 0


def _movement(args, db) -> int:
    from relationapp.services.value.pyramid import MOVEMENT_LABELS, movement

    moves = movement(db, from_quarter=args.from_quarter, to_quarter=args.to_quarter)
    moved = lambda items: [  # noqa: E731
        {"id": m.account_id, "name": m.name, "from_tier": m.from_tier, "to_tier": m.to_tier,
         "revenue_before": m.revenue_before, "revenue_after": m.revenue_after} for m in items
    ]
    if args.json:
        print_json({
            "from_quarter_end": moves.from_end, "to_quarter_end": moves.to_end, "tiers": list(moves.tiers),
            "counts": {f: {t: moves.count(f, t) for t in moves.tiers} for f in moves.tiers},
            "moved_up": moved(moves.moved_up), "moved_down": moved(moves.moved_down),
        })
        return 0
    from relationapp.text import formatting

    fmt = formatting.current()
    label = lambda tier: _(MOVEMENT_LABELS[tier])  # noqa: E731
    print(_("Tiers on {first} (rows) and on {second} (columns)").format(
        first=fmt.date(moves.from_end), second=fmt.date(moves.to_end)))
    print_table([_("from \\ to")] + [label(t) for t in moves.tiers],
                [[label(f)] + list(row) for f, row in zip(moves.tiers, moves.counts)])
    for title, items in ((_("Moved up"), moves.moved_up), (_("Moved down"), moves.moved_down)):
        print()
        print(f"{title}: {len(items)}")
        for m in items:
            print(f"  {m.name[:40]:<40} {label(m.from_tier)} -> {label(m.to_tier)}  "
                  f"{_money(m.revenue_before)} -> {_money(m.revenue_after)}")
    return 0


def _dropped(args, db) -> int:
    from relationapp.services.value.pyramid import dropped_accounts

    dropped = dropped_accounts(db, as_of=_day(args.date))
    if args.json:
        print_json(dropped)
        return 0
    if not dropped:
        print(_("No customer dropped a tier since the last quarter end."))
        return 0
    print_table([_("id"), _("account"), _("was"), _("now"), _("revenue then"), _("revenue now")],
                [[d.account_id, d.name, _(TIER_LABELS[d.from_tier]), _(TIER_LABELS[d.to_tier]), _money(d.revenue_before),
                  _money(d.revenue_now)]
                 for d in dropped])
    return 0


_VALUE_HEADERS = [N_("id"), N_("customer"), N_("tier"), N_("revenue"), N_("margin"), N_("cost to serve"), N_("profit"),
                  N_("lifetime"), N_("budget"), N_("wallet"), N_("gap")]


def _value_rows(values) -> list[list]:
    return [[v.account_id, v.name, word(TIER_LABELS, v.tier), _money(v.revenue), _money(v.margin), _money(v.cost_to_serve), _money(v.profit),
             _money(v.lifetime_revenue), _money(v.annual_budget), _pct(v.share_of_wallet), _money(v.wallet_gap)] for v in values]


def _print_values(args, values) -> int:
    if args.json:
        print_json(values)
    else:
        print_table([_(h) for h in _VALUE_HEADERS], _value_rows(values))
    return 0


def _values(args, db) -> int:
    from relationapp.services.value.value import customer_values

    return _print_values(args, customer_values(db, as_of=_day(args.date))[:args.limit])


def _growth(args, db) -> int:
    from relationapp.services.value.value import growth_potential

    return _print_values(args, growth_potential(db, as_of=_day(args.date), limit=args.limit))


def _profit(args, db) -> int:
    from relationapp.services.value.value import value_overview

    overview = value_overview(db, as_of=_day(args.date))
    p, w = overview.pareto, overview.whale
    if args.json:
        data = {"pareto": p, "whale_curve": {k: v for k, v in vars(w).items() if k != "cumulative_profit"}}
        print_json(data)
        return 0
    print(_("The best {top} of {customers} customers ({share}) bring {revenue} of {total} revenue ({revenue_share}).").format(
        top=p.top_customers, customers=p.customers, share=_pct(p.share_pct), revenue=_money(p.top_revenue),
        total=_money(p.total_revenue), revenue_share=_pct(p.top_revenue_share) or _("no revenue")))
    values = dict(profit=_money(w.total_profit), peak=_money(w.peak_profit), customers=w.peak_customers,
                  share=_pct(w.peak_share), unprofitable=w.unprofitable_customers, back=_money(w.given_back))
    if w.peak_share:
        print(_("Profit after cost to serve: {profit}. It peaks at {peak} after the {customers} most profitable customers "
                "({share} of the total); the {unprofitable} unprofitable customers give {back} back.").format(**values))
    else:
        print(_("Profit after cost to serve: {profit}. It peaks at {peak} after the {customers} most profitable customers; "
                "the {unprofitable} unprofitable customers give {back} back.").format(**values))
    return 0
