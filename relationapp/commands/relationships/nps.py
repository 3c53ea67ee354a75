"""relationapp nps [--quarter 2026Q3] | nps add PERSON_ID SCORE: satisfaction and its follow-ups."""

from __future__ import annotations

from relationapp.commands.output import print_json, print_table


def register(sub) -> None:
    nps = sub.add_parser("nps", help="Net Promoter Score per quarter, pyramid tier and account manager; record scores")
    nps.add_argument("--quarter", metavar="YYYYQN", help="one quarter, e.g. 2026Q3 (default: the last 12 months)")
    nps.add_argument("--json", action="store_true", help="machine-readable output")
    nps.set_defaults(handler=_report, parser_for_help=nps)
    verbs = nps.add_subparsers(dest="verb", metavar="VERB")

    add = verbs.add_parser("add", help="record a score 0-10 for a person")
    add.add_argument("person_id", type=int, metavar="PERSON_ID")
    add.add_argument("score", metavar="SCORE", help="0 to 10")
    add.add_argument("--comment")
    add.add_argument("--date", help="when they answered (YYYY-MM-DD, default today)")
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=_add)


def _report(args, db) -> int:
    from relationapp.services.relationships.nps import nps_report

    report = nps_report(db, quarter=args.quarter)
    if args.json:
        print_json(report)
        return 0
    overall = report.overall
    print(f"NPS {report.period}: {overall.text}"
          + (f"  ({overall.responses} scores: {overall.promoters} promoters, {overall.passives} passives, "
             f"{overall.detractors} detractors)" if overall.responses else ""))
    for title, summaries in (("quarter", report.by_quarter), ("pyramid tier", report.by_tier),
                             ("account manager", report.by_manager)):
        print()
        print_table([title, "NPS", "scores", "promoters", "passives", "detractors"],
                    [[s.label, s.text, s.responses, s.promoters, s.passives, s.detractors] for s in summaries])
    return 0


def _add(args, db) -> int:
    from relationapp.services.relationships.nps import record_score

    recorded = record_score(db, person_id=args.person_id, score=args.score, comment=args.comment, responded_on=args.date)
    if args.json:
        print_json({"response": recorded.response, "follow_ups": list(recorded.follow_ups)})
        return 0
    r = recorded.response
    print(f"Recorded {r.person}: {r.score}/10 ({r.category}) on {r.responded_on}.")
    for title in recorded.follow_ups:
        print(f"Follow-up added: {title}")
    return 0
