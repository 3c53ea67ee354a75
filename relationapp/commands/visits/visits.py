"""relationapp visits due|day|plan|route|log|remove|brief|ics: who is due, the planned day, its briefing and calendar.

Like the window, the due list and the day are the user's own ("I am" in the
settings) unless ``--staff`` names someone else or ``--everyone`` asks for all.
"""

from __future__ import annotations

import sys

from relationapp.commands.cli import add_noun
from relationapp.commands.labels import TIER_LABELS, VISIT_STATUSES, word
from relationapp.commands.output import print_json, print_table, to_jsonable
from relationapp.commands.whose import add_staff_options, staff_id
from relationapp.text.catalogue import N_, _, ngettext


def register(sub) -> None:
    visits, verbs = add_noun(sub, "visits", help=N_("visit planning: who is due, the day's briefing, calendar export"))

    due = verbs.add_parser("due", help=N_("customers due for a visit, highest value at stake first"))
    due.add_argument("--city", help=N_("one city (whole name)"))
    due.add_argument("--postcode", metavar="PREFIX", help=N_("postcodes starting with this (spaces ignored)"))
    due.add_argument("--region", help=N_("one region (whole name)"))
    add_staff_options(due, N_("one account manager's customers (name, part of it, or id; default: you, see 'I am' in the settings)"))
    due.add_argument("--days", type=int, default=0, metavar="N", help=N_("also those due within N days"))
    due.add_argument("--date", metavar="YYYY-MM-DD", help=N_("as if today were this day"))
    due.add_argument("--json", action="store_true", help=N_("machine-readable output"))
    due.set_defaults(handler=_due)

    day = verbs.add_parser("day", help=N_("the stops planned on a day"))
    day.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    add_staff_options(day)
    day.add_argument("--json", action="store_true")
    day.set_defaults(handler=_day)

    plan = verbs.add_parser("plan", help=N_("plan a visit to an account on a day (overlaps are warned about, not refused)"))
    plan.add_argument("account", metavar="NAME_OR_ID")
    plan.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    plan.add_argument("--time", metavar="HH:MM", help=N_("start (default: when the day's last stop ends, else 09:00)"))
    plan.add_argument("--minutes", type=int, default=60, help=N_("duration (default 60)"))
    plan.add_argument("--staff", "--owner", dest="staff", metavar="NAME", help=N_("who visits (default: the account manager)"))
    plan.add_argument("--json", action="store_true")
    plan.set_defaults(handler=_plan)

    route = verbs.add_parser("route", help=N_("order a planned day by route and time the stops from a start time and estimated drives"))
    route.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    route.add_argument("--start", metavar="HH:MM", help=N_("when the first stop starts (default 09:00)"))
    add_staff_options(route)
    route.add_argument("--json", action="store_true")
    route.set_defaults(handler=_route)

    log = verbs.add_parser("log", help=N_("record a planned visit as made (the plan fills in the interaction)"))
    log.add_argument("visit_id", type=int, metavar="VISIT_ID")
    log.add_argument("--notes")
    log.add_argument("--minutes", type=int, help=N_("how long it took (default: as planned)"))
    log.add_argument("--json", action="store_true")
    log.set_defaults(handler=_log)

    remove = verbs.add_parser("remove", help=N_("take a planned visit off its day"))
    remove.add_argument("visit_id", type=int, metavar="VISIT_ID")
    remove.set_defaults(handler=_remove)

    brief = verbs.add_parser("brief", help=N_("print the briefing for a planned day (PDF, one page per stop)"))
    brief.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    add_staff_options(brief)
    brief.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    brief.set_defaults(handler=_brief)

    ics = verbs.add_parser("ics", help=N_("export a planned day (or its week) to a calendar file"))
    ics.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    ics.add_argument("--week", action="store_true", help=N_("the whole week (Monday to Sunday) of that day"))
    add_staff_options(ics)
    ics.add_argument("--tz", metavar="ZONE", help=N_("pin times to a zone, e.g. Europe/Amsterdam (default: floating local times)"))
    ics.add_argument("-o", "--output", required=True, metavar="OUT.ics")
    ics.set_defaults(handler=_ics)


def _date(value: str | None):
    from relationapp.services.common.validation import parse_date

    return parse_date(value, field="date", label=_("Date"))


def _overdue(row) -> str:
    return _("never visited") if row.days_overdue is None else str(row.days_overdue)


def _due(args, db) -> int:
    from relationapp.services.visits.visits import due_for_visit

    rows = due_for_visit(db, city=args.city, postcode=args.postcode, region=args.region,
                         owner_id=staff_id(db, args), horizon_days=args.days, today=_date(args.date))
    if args.json:
        print_json(rows)
        return 0
    print_table(
        [_("id"), _("account"), _("city"), _("tier"), _("last visit"), _("overdue"), _("at stake"), _("owner"),
         _("planned")],
        [[r.account_id, r.name, r.city, word(TIER_LABELS, r.tier), r.last_visit or _("never"), _overdue(r), r.value_at_stake, r.owner,
          r.next_planned or ""] for r in rows],
    )
    return 0


def _day(args, db) -> int:
    from relationapp.services.visits.visits import day_plan

    return _print_plan(day_plan(db, day=_date(args.date), staff_id=staff_id(db, args)), args.json)


def _plan(args, db) -> int:
    from relationapp.services.customers.accounts import find_account
    from relationapp.services.customers.staff import find_staff
    from relationapp.services.visits.visits import add_stop

    account = find_account(db, name_or_id=args.account)
    return _print_plan(add_stop(db, account_id=account.id, day=_date(args.date), start_time=args.time,
                                duration_minutes=args.minutes, staff_id=find_staff(db, name_or_id=args.staff).id if args.staff else None),
                       args.json)


def _route(args, db) -> int:
    from relationapp.services.visits.visits import order_by_route

    return _print_plan(order_by_route(db, day=_date(args.date), staff_id=staff_id(db, args), start_time=args.start),
                       args.json)


def _log(args, db) -> int:
    from relationapp.services.visits.visits import log_visit

    logged = log_visit(db, visit_id=args.visit_id, notes=args.notes, duration_minutes=args.minutes)
    if args.json:
        print_json(logged)
    else:
        i = logged.interaction
        from relationapp.text import formatting

        values = dict(account=logged.stop.account, day=formatting.current().date(i.occurred_on),
                      minutes=i.duration_minutes, people=", ".join(i.people))
        if i.people:
            print(_("Logged the visit to {account} on {day} ({minutes} min, with {people}).").format(**values))
        else:
            print(_("Logged the visit to {account} on {day} ({minutes} min).").format(**values))
    return 0


def _remove(args, db) -> int:
    from relationapp.services.visits.visits import remove_stop

    plan = remove_stop(db, visit_id=args.visit_id)
    from relationapp.text import formatting

    print(ngettext("Removed; {count} stop left on {day}.", "Removed; {count} stops left on {day}.", len(plan.stops)).format(
        count=len(plan.stops), day=formatting.current().date(plan.day)), file=sys.stderr)
    return 0


def _print_plan(plan, as_json: bool) -> int:
    if as_json:
        print_json({"day": plan.day, "warnings": list(plan.warnings),
                    "stops": [{**to_jsonable(s), "address": s.address, "map_url": s.map_url,
                               "drive_minutes": leg.minutes if leg else None, "drive_km": leg.km if leg else None}
                              for s, leg in zip(plan.stops, plan.travel)]})
        return 0
    print_table(["#", _("visit id"), _("time"), _("min"), _("drive"), _("account"), _("by"), _("status"), _("address")],
                [[i + 1, s.id, f"{s.start_time:%H:%M}" if s.start_time else "", s.duration_minutes, _drive(leg), s.account,
                  s.staff, word(VISIT_STATUSES, s.status), s.address] for i, (s, leg) in enumerate(zip(plan.stops, plan.travel))])
    for warning in plan.warnings:
        print(_("warning: {warning}").format(warning=warning), file=sys.stderr)
    return 0


def _drive(leg) -> str:
    """The estimated drive from the stop before: "~25 min, 18 km"."""
    if leg is None:
        return ""
    if leg.km is None:
        return _("~{minutes} min").format(minutes=leg.minutes)
    return _("~{minutes} min, {km} km").format(minutes=leg.minutes, km=round(leg.km))


def _brief(args, db) -> int:
    from relationapp.reports.visits.briefing import write_briefing

    path = write_briefing(db, day=_date(args.date), path=args.output, staff_id=staff_id(db, args))
    print(_("Briefing written to {path}").format(path=path), file=sys.stderr)
    return 0


def _ics(args, db) -> int:
    from relationapp.reports.visits.visits_ics import write_visits_ics

    path = write_visits_ics(db, day=_date(args.date), week=args.week, path=args.output,
                            staff_id=staff_id(db, args), tz=args.tz)
    print(_("Calendar written to {path}").format(path=path), file=sys.stderr)
    return 0
