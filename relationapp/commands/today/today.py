"""relationapp today [--date D] [--json]; relationapp calendar export FILE.ics"""

from __future__ import annotations

from relationapp.commands.cli import add_noun
from relationapp.commands.output import print_json, print_table
from relationapp.commands.whose import add_staff_options, staff_id
from relationapp.text.catalogue import N_, _, ngettext


def register(sub) -> None:
    today = sub.add_parser("today", help=N_("who needs attention today, follow-ups due, birthdays coming up"))
    today.add_argument("--date", metavar="YYYY-MM-DD", help=N_("the day to show (default: today)"))
    today.add_argument("--all", action="store_true", help=N_("every row, not the first 100 of each section"))
    add_staff_options(today, N_("one account manager's Today (name, part of it, or id; default: yours, see 'I am' in the settings)"))
    today.add_argument("--json", action="store_true", help=N_("machine-readable output"))
    today.set_defaults(handler=_today, parser_for_help=today)

    calendar, verbs = add_noun(sub, "calendar", help=N_("calendar export"))
    export = verbs.add_parser("export", help=N_("write follow-ups, birthdays and anniversaries to an .ics file"))
    export.add_argument("file", metavar="FILE.ics")
    export.set_defaults(handler=_export)


def _money(value) -> str:
    from relationapp.text import formatting

    return formatting.current().money(value)


# the same words as the Today page's header tooltip
VALUE_AT_STAKE = N_("value at stake = 12 months' revenue x days overdue / cadence days; "
                    "for an account that dropped a tier, the revenue it lost")


def _today(args, db) -> int:
    from relationapp.services.common import validation
    from relationapp.services.today.attention import agenda
    from relationapp.text import formatting

    day = validation.parse_date(args.date, field="date", label="--date")
    result = agenda(db, today=day, limit=None if args.all else 100, staff_id=staff_id(db, args))
    if args.json:
        print_json(result)
        return 0
    fmt = formatting.current()
    print(_("Today: {day}").format(day=fmt.date(result.today)))
    sections = (
        (_("Needs attention"), result.needs_attention, result.needs_attention_total,
         [_("account"), _("reason"), _("days overdue"), _("revenue 12m"), _("value at stake")],
         lambda r: [r.account, r.reason, fmt.number(r.days_overdue), _money(r.revenue_12m), _money(r.value)]),
        (_("Follow-ups due"), result.follow_ups_due, result.follow_ups_due_total,
         [_("account"), _("follow-up"), _("days overdue"), _("revenue 12m")],
         lambda r: [r.account or r.person or "", r.reason, fmt.number(r.days_overdue), _money(r.value)]),
        (_("Coming up"), result.coming_up, result.coming_up_total,
         [_("date"), _("account"), _("what")],
         lambda r: [fmt.date(r.on), r.account or "", r.reason]),
        (_("Prospects in focus"), result.prospects_in_focus, result.prospects_total,
         [_("account"), _("reason"), _("days overdue")],
         lambda r: [r.account, r.reason, fmt.number(r.days_overdue)]),
        (_("Content to send"), result.content_to_send, len(result.content_to_send),
         [_("person"), _("account"), _("content"), _("due")],
         lambda r: [r.person, r.account, r.title, fmt.date(r.due_on)]),
    )
    for title, rows, total, headers, cells in sections:
        if total == len(rows):
            shown = fmt.number(total)
        else:
            shown = _("{shown} of {total}").format(shown=fmt.number(len(rows)), total=fmt.number(total))
        print(f"\n{title} ({shown})")
        if rows:
            print_table(headers, [cells(r) for r in rows])
            if _("value at stake") in headers:
                print(f"({_(VALUE_AT_STAKE)})")
    return 0


def _export(args, db) -> int:
    import sys

    from relationapp.commands.cli import CliError
    from relationapp.exchange.ics import export_calendar
    from relationapp.text import formatting

    if not args.file.lower().endswith(".ics"):
        raise CliError(_("{file}: the calendar file name must end in .ics").format(file=args.file))
    try:
        count = export_calendar(db, path=args.file)
    except OSError as exc:
        raise CliError(_("Cannot write {file}: {problem}").format(file=args.file, problem=exc.strerror or exc)) from exc
    print(ngettext("Wrote {count} event to {file}", "Wrote {count} events to {file}", count).format(
        count=formatting.current().number(count), file=args.file), file=sys.stderr)
    return 0
