"""relationapp nurture due|tracks|track-add|enrol|sent and content list|add: useful content at a steady pace
for the leads that are not ready yet (never a product pitch, never the same item twice to a person)."""

from __future__ import annotations

from relationapp.commands.cli import CliError, add_noun
from relationapp.commands.output import print_json, print_table
from relationapp.text.catalogue import N_, _


def register(sub) -> None:
    _noun, verbs = add_noun(sub, "nurture", help=N_("nurture the leads that are not ready yet: tracks of useful content"))

    due = verbs.add_parser("due", help=N_("the content to send now, most overdue first"))
    due.add_argument("--date", metavar="YYYY-MM-DD", help=N_("the day to look from (default: today)"))
    due.add_argument("--staff", type=int, metavar="ID", help=N_("only the accounts this staff member owns"))
    due.add_argument("--limit", type=int, default=50, help=N_("at most this many rows (default: 50)"))
    due.add_argument("--json", action="store_true", help=N_("machine-readable output"))
    due.set_defaults(handler=_due)

    tracks = verbs.add_parser("tracks", help=N_("the nurture tracks with their steps"))
    tracks.add_argument("--json", action="store_true", help=N_("machine-readable output"))
    tracks.set_defaults(handler=_tracks)

    track_add = verbs.add_parser("track-add", help=N_("make a nurture track from content in the library"))
    track_add.add_argument("name", metavar="NAME")
    track_add.add_argument("--step", action="append", required=True, metavar="CONTENT_ID:DAYS",
                           help=N_("one step: the content and the days to wait before it; repeat in order"))
    track_add.add_argument("--description")
    track_add.add_argument("--json", action="store_true", help=N_("machine-readable output"))
    track_add.set_defaults(handler=_track_add)

    enrol = verbs.add_parser("enrol", help=N_("put an account (or one of its people) on a nurture track"))
    enrol.add_argument("account", metavar="ACCOUNT_NAME_OR_ID")
    enrol.add_argument("--track", required=True, metavar="NAME_OR_ID")
    enrol.add_argument("--person", type=int, metavar="ID", help=N_("only this person of the account"))
    enrol.add_argument("--reason", help=N_("why it is not ready yet, e.g. budget next year"))
    enrol.add_argument("--date", metavar="YYYY-MM-DD", help=N_("the day it starts (default: today)"))
    enrol.add_argument("--json", action="store_true", help=N_("machine-readable output"))
    enrol.set_defaults(handler=_enrol)

    sent = verbs.add_parser("sent", help=N_("record that the due content went to a person (a touch)"))
    sent.add_argument("enrolment_id", type=int, metavar="ENROLMENT_ID")
    sent.add_argument("--person", type=int, required=True, metavar="ID")
    sent.add_argument("--date", metavar="YYYY-MM-DD", help=N_("the day it was sent (default: today)"))
    sent.add_argument("--staff", type=int, metavar="ID", help=N_("who sent it"))
    sent.add_argument("--json", action="store_true", help=N_("machine-readable output"))
    sent.set_defaults(handler=_sent)

    _library, items = add_noun(sub, "content", help=N_("the library of useful content for nurturing"))

    listing = items.add_parser("list", help=N_("the content in the library, by title"))
    listing.add_argument("--kind", metavar="KIND", help=N_("article, video, whitepaper, webinar, case_study or other"))
    listing.add_argument("--search", help=N_("words in the title or topics"))
    listing.add_argument("--json", action="store_true", help=N_("machine-readable output"))
    listing.set_defaults(handler=_content_list)

    add = items.add_parser("add", help=N_("add one item to the library"))
    add.add_argument("title", metavar="TITLE")
    add.add_argument("--kind", default="article", metavar="KIND",
                     help=N_("article, video, whitepaper, webinar, case_study or other (default: article)"))
    add.add_argument("--url", help=N_("web address, https://..."))
    add.add_argument("--topics", help=N_("e.g. energy, cooling"))
    add.add_argument("--language", help=N_("e.g. nl or en"))
    add.add_argument("--json", action="store_true", help=N_("machine-readable output"))
    add.set_defaults(handler=_content_add)


def _day(value, label: str):
    from relationapp.services.common import validation

    return validation.parse_date(value, field="date", label=label)


def _due(args, db) -> int:
    from relationapp.commands.labels import word
    from relationapp.services.leads.content import CONTENT_KIND_LABELS
    from relationapp.services.leads.nurture import due_content

    rows = due_content(db, today=_day(args.date, _("Date")), staff_id=args.staff, limit=args.limit)
    if args.json:
        print_json(rows)
    else:
        print_table([_("enrolment"), _("account"), _("person"), _("content"), _("kind"), _("due"), _("days late"),
                     _("web address")],
                    [[r.enrolment_id, r.account, r.person, r.title, word(CONTENT_KIND_LABELS, r.kind), r.due_on,
                      r.days_late, r.url] for r in rows])
    return 0


def _tracks(args, db) -> int:
    from relationapp.services.leads.nurture import list_tracks

    rows = list_tracks(db)
    if args.json:
        print_json(rows)
    else:
        print_table([_("id"), _("name"), _("steps"), _("open enrolments"), _("content (days to wait)")],
                    [[t.id, t.name, len(t.steps), t.open_enrolments,
                      "; ".join(f"{s.title or '?'} ({s.wait_days})" for s in t.steps)] for t in rows])
    return 0


def _step(text: str) -> tuple[str, str]:
    content_id, sep, days = text.partition(":")
    if not sep or not content_id.strip() or not days.strip():
        raise CliError(_("--step must be CONTENT_ID:DAYS, e.g. 12:14 (not '{value}').").format(value=text))
    return content_id.strip(), days.strip()


def _track_add(args, db) -> int:
    from relationapp.services.leads.nurture import add_track

    track = add_track(db, name=args.name, description=args.description, steps=[_step(s) for s in args.step])
    if args.json:
        print_json(track)
    else:
        print(_("Nurture track #{id} '{name}' with {count} steps.").format(id=track.id, name=track.name,
                                                                         count=len(track.steps)))
    return 0


def _enrol(args, db) -> int:
    from relationapp.services.customers.accounts import find_account
    from relationapp.services.leads.nurture import enrol
    from relationapp.text import formatting

    account = find_account(db, name_or_id=args.account)
    enrolment = enrol(db, account_id=account.id, track=args.track, person_id=args.person, reason=args.reason,
                      today=_day(args.date, _("Date")))
    if args.json:
        print_json(enrolment)
    else:
        print(_("Enrolment #{id}: {account} in '{track}', first content due on {day}.").format(
            id=enrolment.id, account=enrolment.account, track=enrolment.track,
            day=formatting.current().date(enrolment.next_due_on)))
    return 0


def _sent(args, db) -> int:
    from relationapp.services.leads.nurture import log_sent
    from relationapp.text import formatting

    sent = log_sent(db, enrolment_id=args.enrolment_id, person_id=args.person, today=_day(args.date, _("Date")),
                    staff_id=args.staff)
    if args.json:
        print_json(sent)
        return 0
    print(_("Logged '{title}' as sent (touch #{touch}).").format(title=sent.title, touch=sent.interaction_id))
    if sent.stopped_on is not None:
        print(_("This was the last content of the track."))
    elif sent.next_due_on is not None:
        print(_("Next content due on {day}.").format(day=formatting.current().date(sent.next_due_on)))
    return 0


def _content_list(args, db) -> int:
    from relationapp.commands.labels import word
    from relationapp.services.leads.content import CONTENT_KIND_LABELS, list_content

    rows = list_content(db, search=args.search, kind=args.kind)
    if args.json:
        print_json(rows)
    else:
        print_table([_("id"), _("title"), _("kind"), _("topics"), _("language"), _("web address")],
                    [[c.id, c.title, word(CONTENT_KIND_LABELS, c.kind), c.topics, c.language, c.url]
                     for c in rows])
    return 0


def _content_add(args, db) -> int:
    from relationapp.services.leads.content import add_content

    item = add_content(db, title=args.title, kind=args.kind, url=args.url, topics=args.topics, language=args.language)
    if args.json:
        print_json(item)
    else:
        print(_("Content #{id} '{title}' added.").format(id=item.id, title=item.title))
    return 0
