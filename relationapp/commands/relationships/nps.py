"""relationapp nps [--quarter 2026Q3] | nps add PERSON_ID SCORE: satisfaction and its follow-ups."""

from __future__ import annotations

from relationapp.commands.labels import TIER_LABELS, word
from relationapp.commands.output import print_json, print_table
from relationapp.text.catalogue import N_, _


def register(sub) -> None:
    nps = sub.add_parser("nps", help=N_("Net Promoter Score per quarter, pyramid tier and account manager; record scores"))
    nps.add_argument("--quarter", metavar="YYYYQN", help=N_("one quarter, e.g. 2026Q3 (default: the last 12 months)"))
    nps.add_argument("--json", action="store_true", help=N_("machine-readable output"))
    nps.set_defaults(handler=_report, parser_for_help=nps)
    verbs = nps.add_subparsers(dest="verb", metavar="VERB")

    add = verbs.add_parser("add", help=N_("record a score 0-10 for a person"))
    add.add_argument("person_id", type=int, metavar="PERSON_ID")
    add.add_argument("score", metavar="SCORE", help=N_("0 to 10"))
    add.add_argument("--comment")
    add.add_argument("--date", help=N_("when they answered (YYYY-MM-DD, default today)"))
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=_add)


_CATEGORY_WORDS = {"promoter": N_("promoter"), "passive": N_("passive"), "detractor": N_("detractor")}


def _report(args, db) -> int:
    from relationapp.services.relationships.nps import nps_report

    report = nps_report(db, quarter=args.quarter)
    if args.json:
        print_json(report)
        return 0
    overall = report.overall
    line = _("NPS {period}: {nps}").format(period=_quarter_words(report.period), nps=_(overall.text))
    if overall.responses:
        line += "  " + _("({scores} scores: {promoters} promoters, {passives} passives, {detractors} detractors)").format(
            scores=overall.responses, promoters=overall.promoters, passives=overall.passives,
            detractors=overall.detractors)
    print(line)
    for title, summaries, label in ((_("quarter"), report.by_quarter, _quarter_words),
                                    (_("pyramid tier"), report.by_tier, lambda code: word(TIER_LABELS, code)),
                                    (_("account manager"), report.by_manager, str)):
        print()
        print_table([title, _("NPS"), _("scores"), _("promoters"), _("passives"), _("detractors")],
                    [[label(s.label), _(s.text), s.responses, s.promoters, s.passives, s.detractors] for s in summaries])
    return 0


def _quarter_words(text: str) -> str:
    """"2026Q3" as "3e kwartaal 2026" / "Q3 2026"; a period that is not a quarter ("12 months to ...") as it is."""
    from relationapp.errors import ServiceError
    from relationapp.services.value.quarters import parse
    from relationapp.text import formatting

    try:
        return formatting.current().quarter(parse(text))
    except (ServiceError, ValueError):
        return _(text)


def _add(args, db) -> int:
    from relationapp.services.relationships.nps import record_score

    recorded = record_score(db, person_id=args.person_id, score=args.score, comment=args.comment, responded_on=args.date)
    if args.json:
        print_json({"response": recorded.response, "follow_ups": list(recorded.follow_ups)})
        return 0
    r = recorded.response
    from relationapp.text import formatting

    print(_("Recorded {person}: {score}/10 ({category}) on {day}.").format(
        person=r.person, score=r.score, category=_(_CATEGORY_WORDS.get(r.category, r.category)),
        day=formatting.current().date(r.responded_on)))
    for title in recorded.follow_ups:
        print(_("Follow-up added: {title}").format(title=title))
    return 0
