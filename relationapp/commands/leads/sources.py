"""relationapp sources report|cost|list: where the leads of a year came from, what they brought and cost.

``sources report --year 2025`` answers "how many leads did we have last year, and
where do our good customers come from?" (definitions: ``services.leads.sources_report``).
``--json`` keeps machine formats: money as "12.34" strings, shares as fractions
(0.25), medians in days, ``null`` for a figure that cannot be worked out.
"""

from __future__ import annotations

from relationapp.commands.cli import add_noun
from relationapp.commands.output import print_json, print_table
from relationapp.text.catalogue import N_, _


def register(sub) -> None:
    sources, verbs = add_noun(sub, "sources", help=N_("lead sources: how many leads each brought, their value and cost"))

    report = verbs.add_parser("report", help=N_("the leads of a year per source and per colleague who brought them in"))
    report.add_argument("--year", metavar="YYYY", help=N_("the year the leads were registered (default last year)"))
    report.add_argument("--json", action="store_true", help=N_("machine-readable output"))
    report.set_defaults(handler=_report)

    cost = verbs.add_parser("cost", help=N_("enter what a source (or one of its campaigns) cost in a year"))
    cost.add_argument("source_id", metavar="SOURCE_ID", help=N_("the lead source's id (see: sources list)"))
    cost.add_argument("--year", required=True, metavar="YYYY")
    cost.add_argument("--amount", required=True, help=N_("e.g. 1234.56; replaces an amount entered before"))
    cost.add_argument("--campaign", metavar="NAME", default="",
                      help=N_("one campaign, matched to the accounts' source detail (default: the whole source)"))
    cost.add_argument("--json", action="store_true", help=N_("machine-readable output"))
    cost.set_defaults(handler=_cost)

    listing = verbs.add_parser("list", help=N_("the lead sources with their ids"))
    listing.add_argument("--json", action="store_true", help=N_("machine-readable output"))
    listing.set_defaults(handler=_list)


def _fmt():
    from relationapp.text import formatting

    return formatting.current()


def _money(amount) -> str:
    return "" if amount is None else _fmt().money(amount)


def _pct(fraction) -> str:
    return "" if fraction is None else _fmt().percent(fraction)


def _days(days) -> str:
    return "" if days is None else _fmt().number(days, digits=0 if float(days).is_integer() else 1)


def _rows(figures, label) -> list[list]:
    return [[label(f), f.leads, _pct(f.qualified_share), _pct(f.customer_share), _money(f.revenue_12m),
             _money(f.revenue_lifetime), _money(f.value_per_lead), _money(f.cost), _money(f.cost_per_lead),
             _days(f.median_days_to_first_order)] for f in figures]


def _headers(first: str) -> list[str]:
    return [first, _("Leads"), _("Qualified"), _("Became customer"), _("Revenue first 12 months"),
            _("Lifetime revenue"), _("Value per lead"), _("Cost"), _("Cost per lead"), _("Median days to first order")]


def _report(args, db) -> int:
    import datetime as dt

    from relationapp.services.leads.sources_report import NOBODY_NAMED, UNKNOWN_SOURCE, sources_report

    year = args.year if args.year is not None else dt.date.today().year - 1
    report = sources_report(db, year=year)
    if args.json:
        print_json(report)
        return 0
    print(_("Leads of {year}: {count}").format(year=report.year, count=report.total.leads)
          + ("" if report.complete else " " + _("(the year is not over yet)")))
    print()
    total = [report.total]
    print_table(_headers(_("Source")), _rows(report.sources, lambda f: f.name or _(UNKNOWN_SOURCE))
                + _rows(total, lambda f: _("Total")))
    print()
    print_table(_headers(_("Brought in by")), _rows(report.colleagues, lambda f: f.name or _(NOBODY_NAMED)))
    if report.campaigns:
        print()
        print_table([_("Campaign"), _("Source"), _("Leads"), _("Customers"), _("Lifetime revenue"), _("Value per lead"),
                     _("Cost"), _("Cost per lead")],
                    [[c.name, c.source_name, c.leads, c.customers, _money(c.revenue_lifetime), _money(c.value_per_lead),
                      _money(c.cost), _money(c.cost_per_lead)] for c in report.campaigns])
    return 0


def _cost(args, db) -> int:
    from relationapp.services.leads.campaigns import set_campaign_cost

    row = set_campaign_cost(db, source_id=args.source_id, year=args.year, name=args.campaign, cost=args.amount)
    if args.json:
        print_json(row)
    elif row.name:
        print(_("Cost of {campaign} ({source}) in {year}: {amount}.").format(
            campaign=row.name, source=row.source_name, year=row.year, amount=_money(row.cost)))
    else:
        print(_("Cost of {source} in {year}: {amount}.").format(source=row.source_name, year=row.year,
                                                                 amount=_money(row.cost)))
    return 0


def _list(args, db) -> int:
    from relationapp.services.customers.staff import list_lead_sources
    from relationapp.services.leads.sources_report import SOURCE_KINDS

    rows = list_lead_sources(db)
    if args.json:
        print_json(rows)
    else:
        print_table([_("id"), _("name"), _("kind")],
                    [[s.id, s.name, _(SOURCE_KINDS.get(s.kind, s.kind))] for s in rows])
    return 0
