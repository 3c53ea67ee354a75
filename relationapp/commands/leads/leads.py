"""relationapp leads add|list|qualify|nurture|focus|close|stages: leads as people, qualified and nurtured."""

from __future__ import annotations

from relationapp.commands.cli import CliError, add_noun
from relationapp.commands.labels import STAGES, word
from relationapp.commands.output import print_json, print_table
from relationapp.text.catalogue import N_, _
from relationapp.text.wording import CLOSED_LEAD


def register(sub) -> None:
    leads, verbs = add_noun(sub, "leads", help=N_("register, qualify (BANT) and nurture leads"))

    add = verbs.add_parser("add", help=N_("register a lead: a person and/or an organisation, with its source"))
    add.add_argument("--person", metavar="NAME", help=N_("the person's name"))
    add.add_argument("--organisation", metavar="NAME", help=N_("the organisation (leave out for a private person)"))
    add.add_argument("--email")
    add.add_argument("--phone")
    add.add_argument("--source", metavar="NAME_OR_ID", help=N_("lead source (a new name is added to the list)"))
    add.add_argument("--source-detail", metavar="TEXT", help=N_("which fair, which campaign"))
    add.add_argument("--brought-in-by", metavar="STAFF", help=N_("the colleague who brought the lead in"))
    add.add_argument("--owner", metavar="STAFF", help=N_("account manager"))
    add.add_argument("--need", metavar="TEXT", help=N_("their first need, in a sentence"))
    add.add_argument("--stage", default="prospect", choices=("suspect", "prospect", "mql", "sql"))
    add.add_argument("--json", action="store_true", help=N_("machine-readable output"))
    add.set_defaults(handler=_add)

    listing = verbs.add_parser("list", help=N_("the leads, hottest first"))
    listing.add_argument("--stage", choices=("suspect", "prospect", "mql", "sql", "inactive"),
                         help=N_("only this stage (inactive: closed leads)"))
    listing.add_argument("--closed", action="store_true", help=N_("closed leads too, with their reason"))
    listing.add_argument("--owner", metavar="STAFF", help=N_("only this account manager's leads"))
    listing.add_argument("--json", action="store_true", help=N_("machine-readable output"))
    listing.set_defaults(handler=_list)

    qualify = verbs.add_parser("qualify", help=N_("record BANT: budget, authority, need, timeline"))
    qualify.add_argument("account", metavar="ACCOUNT", help=N_("name or id"))
    qualify.add_argument("--budget", metavar="AMOUNT")
    qualify.add_argument("--authority", metavar="PERSON", help=N_("a person of the account (name or id)"))
    qualify.add_argument("--need", metavar="TEXT")
    qualify.add_argument("--timeline", metavar="YYYY-MM-DD", help=N_("the day by which they want to decide"))
    qualify.add_argument("--json", action="store_true", help=N_("machine-readable output"))
    qualify.set_defaults(handler=_qualify)

    nurture = verbs.add_parser("nurture", help=N_("not ready now: back to nurturing, in a track"))
    nurture.add_argument("account", metavar="ACCOUNT", help=N_("name or id"))
    nurture.add_argument("--track", required=True, metavar="NAME", help=N_("nurture track (name or id)"))
    nurture.add_argument("--reason", required=True, help=N_("why not now (e.g. budget next year)"))
    nurture.set_defaults(handler=_nurture)

    focus = verbs.add_parser("focus", help=N_("put a lead in its manager's focus list (or take it out)"))
    focus.add_argument("account", metavar="ACCOUNT", help=N_("name or id"))
    focus.add_argument("--off", action="store_true", help=N_("take it out of the focus list"))
    focus.set_defaults(handler=_focus)

    close = verbs.add_parser("close", help=N_("close a lead that will not buy (it stays in the reports)"))
    close.add_argument("account", metavar="ACCOUNT", help=N_("name or id"))
    close.add_argument("--reason", required=True)
    close.set_defaults(handler=_close)

    history = verbs.add_parser("stages", help=N_("an account's stages: who, when, why, and the days in each"))
    history.add_argument("account", metavar="ACCOUNT", help=N_("name or id"))
    history.add_argument("--json", action="store_true", help=N_("machine-readable output"))
    history.set_defaults(handler=_stages)


def _account(db, name_or_id: str):
    from relationapp.services.customers.accounts import find_account

    return find_account(db, name_or_id=name_or_id)


def _staff_id(db, name_or_id: str | None) -> int | None:
    if name_or_id is None:
        return None
    from relationapp.services.customers.staff import find_staff

    return find_staff(db, name_or_id=name_or_id).id


def _source(db, name_or_id: str | None) -> tuple[int | None, str | None]:
    """(an existing source's id, or None with the new name to add)."""
    if name_or_id is None:
        return None, None
    from relationapp.services.customers.staff import list_lead_sources

    text = name_or_id.strip()
    for source in list_lead_sources(db):
        if str(source.id) == text or source.name.casefold() == text.casefold():
            return source.id, None
    if text.isdigit():
        raise CliError(_("Lead source #{id} does not exist.").format(id=text))
    return None, text


def _add(args, db) -> int:
    from relationapp.services.leads.register import register_lead

    source_id, new_source = _source(db, args.source)
    lead = register_lead(db, person=args.person, organisation=args.organisation, email=args.email, phone=args.phone,
                         source_id=source_id, new_source=new_source, source_detail=args.source_detail,
                         brought_in_by_id=_staff_id(db, args.brought_in_by), owner_id=_staff_id(db, args.owner),
                         need=args.need, stage=args.stage)
    if args.json:
        print_json(lead)
    else:
        from relationapp.services.common.settings import get_settings

        print(_("Lead #{id} registered: {account}.").format(id=lead.account_id, account=lead.account))
        print(_("What we call a lead: {definition}").format(definition=get_settings(db).lead_definition))
    return 0


def _list(args, db) -> int:
    from relationapp.services.leads.lead_list import list_leads

    rows = list_leads(db, stage=args.stage, owner_id=_staff_id(db, args.owner),
                      include_closed=args.closed or args.stage == "inactive")
    if args.json:
        print_json(rows)
        return 0
    print_table([_("id"), _("lead"), _("stage"), _("source"), _("brought in by"), _("BANT"), _("focus"),
                 _("last touch"), _("reason")],
                [[r.account_id, r.account, _(CLOSED_LEAD) if r.closed_reason else word(STAGES, r.stage), r.source or "", r.brought_in_by or "",
                  f"{r.bant_score}/4", "*" if r.in_focus else "", r.last_touch_on, r.closed_reason or ""]
                 for r in rows])
    return 0


def _person_id(db, account_id: int, name_or_id: str | None) -> int | None:
    if name_or_id is None:
        return None
    from relationapp.services.customers.people import people_of_account

    text = name_or_id.strip()
    people = people_of_account(db, account_id=account_id)
    match = [p for p in people if str(p.id) == text or p.name.casefold() == text.casefold()]
    if len(match) != 1:
        raise CliError(_("Authority: '{name}' is not one person of this account.").format(name=text))
    return match[0].id


def _qualify(args, db) -> int:
    from relationapp.services.leads.qualification import qualify, rule_text

    account = _account(db, args.account)
    given = {key: value for key, value in (("budget", args.budget), ("need", args.need),
                                            ("timeline_on", args.timeline)) if value is not None}
    if args.authority is not None:
        given["authority_person_id"] = _person_id(db, account.id, args.authority)
    done = qualify(db, account_id=account.id, **given)
    if args.json:
        print_json(done)
        return 0
    bant = done.bant
    yes, no = _("yes"), _("no")
    print(_("BANT for {account}: budget {b}, authority {a}, need {n}, timeline {t}: {score} of 4.").format(
        account=account.name, b=yes if bant.budget_met else no, a=yes if bant.authority_met else no,
        n=yes if bant.need_met else no, t=yes if bant.timeline_met else no, score=bant.score))
    print(rule_text(bant.required_score))
    if done.moved_to:
        print(_("Now: {stage}.").format(stage=word(STAGES, done.moved_to)))
    return 0


def _nurture(args, db) -> int:
    from relationapp.services.leads.qualification import not_ready

    account = _account(db, args.account)
    track = int(args.track) if args.track.isdigit() else args.track
    enrolment = not_ready(db, account_id=account.id, reason=args.reason, track=track)
    print(_("{account} goes back to nurturing ({track}).").format(account=account.name, track=enrolment.track
                                                                   if enrolment is not None else args.track))
    return 0


def _focus(args, db) -> int:
    from relationapp.services.leads.focus import set_focus

    account = _account(db, args.account)
    held = set_focus(db, account_id=account.id, in_focus=not args.off)
    line = _("{account} is out of focus.") if args.off else _("{account} is in focus.")
    print(line.format(account=account.name), _("In focus now: {count}.").format(count=len(held)))
    return 0


def _close(args, db) -> int:
    from relationapp.services.leads.stages import close_lead

    account = _account(db, args.account)
    close_lead(db, account_id=account.id, reason=args.reason)
    print(_("{account} is closed as a lead: {reason}").format(account=account.name, reason=args.reason))
    return 0


def _stages(args, db) -> int:
    from relationapp.services.leads.stages import stage_history

    history = stage_history(db, account_id=_account(db, args.account).id)
    if args.json:
        print_json(history)
        return 0
    print_table([_("stage"), _("since"), _("until"), _("days"), _("by"), _("reason")],
                [[word(STAGES, s.stage), s.since, s.until, s.days, s.by or "", s.reason or ""] for s in history])
    return 0
