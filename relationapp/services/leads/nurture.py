"""Nurturing: a steady, easy-to-follow conversation with useful content, never a product pitch.

Only a few of the qualified leads are ready to buy now; the rest go back to
nurturing, never to the bin. A **track** is a series of steps, each a piece
of content (``services.leads.content``) and the days to wait before it; an
**enrolment** puts an account (all its contactable people, or one person of
it) on a track.

Rules, in one place:

- **Never the same content twice to a person** (``content_sent``, whatever
  the track): a step whose content a recipient already has is skipped for
  them; a step everyone has is skipped; when every remaining step is known
  the enrolment ends (stop reason "ended").
- **Recipients**: the enrolment's person, or else the account's people who
  are neither archived nor do-not-contact. A person who asked not to be
  contacted is never listed and cannot be sent to; an enrolment of such a
  person is stopped ("do_not_contact") when the due list meets it.
- **A lead that is ready stops being nurtured**: an account that becomes
  sales-qualified or a customer has its open enrolments stopped by the stage
  change (``stop_enrolments_in_session``); one that slipped through is never
  listed and is stopped when the due list meets it. Such an account cannot be
  enrolled.
- **One open enrolment per account and track**: enrolling again is refused
  with a message naming the day it started (so a mistake shows), not
  silently merged.
- **Pace**: a step is due ``wait_days`` after the previous one was completed
  (the first: after enrolling). With an account-wide enrolment the step is
  completed once every recipient who did not have it got it, so the whole
  buying team hears the same story; to nurture one person only, enrol that
  person.
- **Consent**: nurturing writes to leads, not customers, so only people who
  agreed to hear from us (a ``Person.consent_date``) get content; the others
  of an account are left out of the due list, and enrolling or sending to one
  is refused with the reason.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa

from relationapp.data.db import Database
from relationapp.data.models import (
    Account,
    ContentItem,
    NURTURE_STOP_REASONS,
    ContentSent,
    Interaction,
    NurtureEnrolment,
    NurtureStep,
    NurtureTrack,
    Person,
    Staff,
)
from relationapp.errors import NotFound, ValidationError
from relationapp.services.common import validation
from relationapp.text import formatting
from relationapp.text.catalogue import N_, _

# stages in which nurturing ends: the lead is ready, a person talks to them now
READY_STAGES = ("sql", "customer")
STOP_REASONS = NURTURE_STOP_REASONS
STOP_REASON_LABELS = {
    "sql": N_("became a sales-qualified lead"),
    "customer": N_("became a customer"),
    "do_not_contact": N_("asked not to be contacted"),
    "ended": N_("track completed"),
    "by_hand": N_("stopped by hand"),
}
MAX_WAIT_DAYS = 3660


@dataclass(frozen=True)
class StepRow:
    position: int
    content_item_id: int | None
    title: str | None
    kind: str | None
    wait_days: int


@dataclass(frozen=True)
class TrackRow:
    id: int
    name: str
    description: str | None
    steps: tuple[StepRow, ...]
    open_enrolments: int


@dataclass(frozen=True)
class EnrolmentRow:
    id: int
    track_id: int
    track: str
    account_id: int
    account: str
    person_id: int | None
    person: str | None
    started_on: dt.date
    next_position: int
    next_due_on: dt.date | None
    stopped_on: dt.date | None
    stop_reason: str | None
    reason: str | None


@dataclass(frozen=True)
class DueRow:
    enrolment_id: int
    track_id: int
    track: str
    account_id: int
    account: str
    person_id: int
    person: str
    email: str | None
    content_item_id: int
    title: str
    kind: str
    url: str | None
    step: int
    due_on: dt.date
    days_late: int


@dataclass(frozen=True)
class SentRow:
    enrolment_id: int
    interaction_id: int
    person_id: int
    content_item_id: int
    title: str
    sent_on: dt.date
    step: int
    next_position: int
    next_due_on: dt.date | None
    stopped_on: dt.date | None
    stop_reason: str | None


# --- tracks -----------------------------------------------------------------


def add_track(db: Database, *, name: str, description: str | None = None,
              steps: list[tuple[int, int]] | tuple[tuple[int, int], ...] = ()) -> TrackRow:
    """A track with its steps in order: ``steps`` is ``[(content_item_id, wait_days), ...]``.

    Refused, with nothing written: an empty or taken name, no steps, an
    unknown content item, a negative (or absurd) wait; the message names the step.
    """
    clean_name = validation.text(name, field="name", label=_("Name"), required=True, max_length=200)
    clean_description = validation.long_text(description, field="description", label=_("Description"))
    if not steps:
        raise ValidationError(_("A nurture track needs at least one step."), field="steps")
    cleaned: list[tuple[int, int]] = []
    for position, step in enumerate(steps, start=1):
        try:
            content_id, wait = step
        except (TypeError, ValueError):
            raise ValidationError(_("Step {position}: give the content and the days to wait.").format(
                position=position), field="steps") from None
        content_id = validation.whole_number(content_id, field="steps", label=_("Step {position}: content").format(
            position=position), minimum=1, required=True)
        wait = validation.whole_number(wait, field="steps", label=_("Step {position}: days to wait").format(
            position=position), required=True)
        if wait < 0:
            raise ValidationError(_("Step {position}: the days to wait cannot be negative ({days}).").format(
                position=position, days=wait), field="steps")
        if wait > MAX_WAIT_DAYS:
            raise ValidationError(_("Step {position}: at most {days} days to wait.").format(
                position=position, days=MAX_WAIT_DAYS), field="steps")
        cleaned.append((content_id, wait))
    with db.write() as session:
        if session.execute(sa.select(NurtureTrack.id).where(
                sa.func.lower(NurtureTrack.name) == clean_name.lower())).first() is not None:
            raise ValidationError(_("A nurture track named '{name}' already exists.").format(
                name=validation.shown(clean_name)), field="name")
        known = set(session.execute(sa.select(ContentItem.id).where(
            ContentItem.id.in_({c for c, _w in cleaned}))).scalars())
        for position, (content_id, _wait) in enumerate(cleaned, start=1):
            if content_id not in known:
                raise ValidationError(_("Step {position}: content #{id} does not exist.").format(
                    position=position, id=content_id), field="steps")
        track = NurtureTrack(name=clean_name, description=clean_description)
        session.add(track)
        session.flush()
        for position, (content_id, wait) in enumerate(cleaned, start=1):
            session.add(NurtureStep(track_id=track.id, position=position, content_item_id=content_id, wait_days=wait))
        session.flush()
        return _tracks(session, [track.id])[0]


def list_tracks(db: Database) -> list[TrackRow]:
    """Every track by name, with its steps and how many enrolments are open."""
    with db.read() as session:
        ids = list(session.execute(sa.select(NurtureTrack.id).order_by(sa.func.lower(NurtureTrack.name))).scalars())
        return _tracks(session, ids)


def track_by_name(db: Database, *, name: str) -> TrackRow:
    """The track of that name (any case); NotFound otherwise."""
    with db.read() as session:
        return _tracks(session, [_track_id(session, name)])[0]


def _track_id(session, track) -> int:
    """A track given by id (an int or its digits) or by name (any case)."""
    if isinstance(track, int) and not isinstance(track, bool):
        if session.get(NurtureTrack, track) is None:
            raise NotFound(_("Nurture track #{id} does not exist.").format(id=track))
        return track
    name = validation.text(track, field="track", label=_("Track"), required=True, max_length=200)
    found = session.execute(sa.select(NurtureTrack.id).where(
        sa.func.lower(NurtureTrack.name) == name.lower())).scalar()
    if found is None and name.isdigit() and session.get(NurtureTrack, int(name)) is not None:
        found = int(name)
    if found is None:
        raise NotFound(_("There is no nurture track named '{name}'.").format(name=validation.shown(name)))
    return found


def _tracks(session, ids: list[int]) -> list[TrackRow]:
    if not ids:
        return []
    steps: dict[int, list[StepRow]] = {}
    for track_id, position, content_id, title, kind, wait in session.execute(
        sa.select(NurtureStep.track_id, NurtureStep.position, NurtureStep.content_item_id, ContentItem.title,
                  ContentItem.kind, NurtureStep.wait_days)
        .outerjoin(ContentItem, ContentItem.id == NurtureStep.content_item_id)
        .where(NurtureStep.track_id.in_(ids))
        .order_by(NurtureStep.track_id, NurtureStep.position)
    ):
        steps.setdefault(track_id, []).append(StepRow(position, content_id, title, kind, wait))
    open_counts = dict(session.execute(
        sa.select(NurtureEnrolment.track_id, sa.func.count())
        .where(NurtureEnrolment.track_id.in_(ids), NurtureEnrolment.stopped_on.is_(None))
        .group_by(NurtureEnrolment.track_id)
    ).all())
    by_id = {t.id: t for t in session.execute(sa.select(NurtureTrack).where(NurtureTrack.id.in_(ids))).scalars()}
    return [TrackRow(id=i, name=by_id[i].name, description=by_id[i].description, steps=tuple(steps.get(i, ())),
                     open_enrolments=open_counts.get(i, 0)) for i in ids if i in by_id]


# --- enrolments -------------------------------------------------------------


def enrol(db: Database, *, account_id: int, track: int | str, person_id: int | None = None,
          reason: str | None = None, today: dt.date | None = None) -> EnrolmentRow:
    """Put an account (or one person of it) on a track; the first step is due after its wait.

    Refused: an account that is sales-qualified or a customer (a person talks
    to them now), an archived account, a person of another account, archived
    or do-not-contact, and an account with an open enrolment in that track.
    ``reason`` says why it is nurtured rather than sold to now ("budget next year").
    """
    day = validation.parse_date(today or dt.date.today(), field="today", label=_("Date"), required=True)
    clean_reason = validation.long_text(reason, field="reason", label=_("Reason"))
    with db.write() as session:
        track_id = _track_id(session, track)
        account = session.get(Account, account_id)
        if account is None:
            raise ValidationError(_("Account #{id} does not exist.").format(id=account_id), field="account_id")
        if account.stage in READY_STAGES:
            raise ValidationError(_("{account} is a sales-qualified lead or a customer: talk to them instead of "
                                    "nurturing them.").format(account=account.name), field="account_id")
        if account.archived:
            raise ValidationError(_("{account} is archived.").format(account=account.name), field="account_id")
        if person_id is not None:
            person = session.get(Person, person_id)
            if person is None:
                raise ValidationError(_("Person #{id} does not exist.").format(id=person_id), field="person_id")
            if person.account_id != account.id:
                raise ValidationError(_("{person} is not a person of {account}.").format(
                    person=person.name, account=account.name), field="person_id")
            _refuse_unreachable(person)
        existing = session.execute(sa.select(NurtureEnrolment.started_on).where(
            NurtureEnrolment.account_id == account.id, NurtureEnrolment.track_id == track_id,
            NurtureEnrolment.stopped_on.is_(None))).scalar()
        if existing is not None:
            raise ValidationError(_("{account} is already in this nurture track (since {day}).").format(
                account=account.name, day=formatting.current().date(existing)), field="track")
        first = session.execute(sa.select(NurtureStep.position, NurtureStep.wait_days)
                                .where(NurtureStep.track_id == track_id)
                                .order_by(NurtureStep.position).limit(1)).first()
        if first is None:
            raise ValidationError(_("This nurture track has no steps."), field="track")
        enrolment = NurtureEnrolment(track_id=track_id, account_id=account.id, person_id=person_id, started_on=day,
                                     next_position=first[0], next_due_on=day + dt.timedelta(days=first[1]),
                                     reason=clean_reason)
        session.add(enrolment)
        session.flush()
        return _enrolment(session, enrolment.id)


def _refuse_unreachable(person: Person) -> None:
    if person.do_not_contact:
        raise ValidationError(_("{person} asked not to be contacted.").format(person=person.name), field="person_id")
    if person.archived:
        raise ValidationError(_("{person} is archived.").format(person=person.name), field="person_id")
    if person.consent_date is None:
        raise ValidationError(_("{person} has not agreed to hear from us (no consent date): record their consent "
                                "first.").format(person=person.name), field="person_id")


def get_enrolment(db: Database, *, enrolment_id: int) -> EnrolmentRow:
    with db.read() as session:
        return _enrolment(session, enrolment_id)


def list_enrolments(db: Database, *, account_id: int, include_stopped: bool = True) -> list[EnrolmentRow]:
    """An account's enrolments, the latest started first."""
    query = sa.select(NurtureEnrolment.id).where(NurtureEnrolment.account_id == account_id)
    if not include_stopped:
        query = query.where(NurtureEnrolment.stopped_on.is_(None))
    with db.read() as session:
        ids = session.execute(query.order_by(NurtureEnrolment.started_on.desc(), NurtureEnrolment.id.desc())).scalars()
        return [_enrolment(session, i) for i in ids]


def stop_enrolment(db: Database, *, enrolment_id: int, today: dt.date | None = None) -> EnrolmentRow:
    """Stop one enrolment by hand (stop reason "by_hand"); an already stopped one stays as it was."""
    day = today or dt.date.today()
    with db.write() as session:
        enrolment = session.get(NurtureEnrolment, enrolment_id)
        if enrolment is None:
            raise NotFound(_("Nurture enrolment #{id} does not exist.").format(id=enrolment_id))
        if enrolment.stopped_on is None:
            enrolment.stopped_on, enrolment.stop_reason = day, "by_hand"
            session.add(enrolment)
            session.flush()
        return _enrolment(session, enrolment_id)


def stop_enrolments_in_session(session, *, account_id: int, reason: str, today: dt.date) -> int:
    """Stop every open enrolment of an account inside the caller's transaction (a stage change to
    "sql" or "customer" calls this); ``reason`` is one of ``STOP_REASONS``. Returns how many stopped."""
    validation.choice(reason, STOP_REASONS, field="reason", label=_("Reason"), required=True)
    result = session.execute(
        sa.update(NurtureEnrolment)
        .where(NurtureEnrolment.account_id == account_id, NurtureEnrolment.stopped_on.is_(None))
        .values(stopped_on=today, stop_reason=reason)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount or 0


def _enrolment(session, enrolment_id: int) -> EnrolmentRow:
    row = session.execute(
        sa.select(NurtureEnrolment, NurtureTrack.name, Account.name, Person.name)
        .join(NurtureTrack, NurtureTrack.id == NurtureEnrolment.track_id)
        .join(Account, Account.id == NurtureEnrolment.account_id)
        .outerjoin(Person, Person.id == NurtureEnrolment.person_id)
        .where(NurtureEnrolment.id == enrolment_id)
    ).first()
    if row is None:
        raise NotFound(_("Nurture enrolment #{id} does not exist.").format(id=enrolment_id))
    e, track, account, person = row
    return EnrolmentRow(id=e.id, track_id=e.track_id, track=track, account_id=e.account_id, account=account,
                        person_id=e.person_id, person=person, started_on=e.started_on, next_position=e.next_position,
                        next_due_on=e.next_due_on, stopped_on=e.stopped_on, stop_reason=e.stop_reason, reason=e.reason)


# --- what is due ------------------------------------------------------------

# The recipients of enrolment ``e``: people of its account, neither archived nor do-not-contact, and its
# person if it names one (ix_person_contact: do_not_contact, archived, account_id).
_RECIPIENT = ("{p}.do_not_contact = false AND {p}.archived = false AND {p}.consent_date IS NOT NULL "
              "AND {p}.account_id = e.account_id "
              "AND (e.person_id IS NULL OR {p}.id = e.person_id)")
# a step from the enrolment's next position on whose content some recipient does not have yet
_NEW_STEP = f"""
    SELECT min(s2.position) FROM nurture_step s2
    WHERE s2.track_id = e.track_id AND s2.position >= e.next_position AND s2.content_item_id IS NOT NULL
      AND EXISTS (SELECT 1 FROM person r WHERE {_RECIPIENT.format(p="r")}
                  AND NOT EXISTS (SELECT 1 FROM content_sent k
                                  WHERE k.person_id = r.id AND k.content_item_id = s2.content_item_id))
"""
# open and due, read along ix_nurture_enrolment_open_due in due order; most overdue first
_DUE_SQL = f"""
SELECT e.id, e.track_id, t.name, a.id, a.name, p.id, p.name, p.email, c.id, c.title, c.kind, c.url,
       s.position, e.next_due_on
FROM nurture_enrolment e
JOIN account a ON a.id = e.account_id
JOIN nurture_track t ON t.id = e.track_id
JOIN nurture_step s ON s.track_id = e.track_id AND s.position = ({_NEW_STEP})
JOIN content_item c ON c.id = s.content_item_id
JOIN person p ON {_RECIPIENT.format(p="p")}
WHERE e.stopped_on IS NULL AND e.next_due_on <= :today
  AND a.stage NOT IN ('sql', 'customer') AND a.archived = false {{owner}}
  AND NOT EXISTS (SELECT 1 FROM content_sent k WHERE k.person_id = p.id AND k.content_item_id = c.id)
ORDER BY e.next_due_on, e.id, p.id
LIMIT :limit
"""
# the due enrolments the list read up to its last one (included): which of those it passed over to stop, and why
_PASSED_SQL = f"""
SELECT e.id, a.stage, a.archived, q.do_not_contact,
       EXISTS (SELECT 1 FROM person r WHERE {_RECIPIENT.format(p="r")}) AS reachable,
       ({_NEW_STEP}) AS new_step
FROM nurture_enrolment e
JOIN account a ON a.id = e.account_id
LEFT JOIN person q ON q.id = e.person_id
WHERE e.stopped_on IS NULL AND e.next_due_on <= :today {{owner}} {{upto}}
"""

# how many due enrolments the list read (from the index alone without a staff filter)
_SCANNED_SQL = """
SELECT count(*) FROM nurture_enrolment e
WHERE e.stopped_on IS NULL AND e.next_due_on <= :today {owner} {upto}
"""


def due_content(db: Database, *, today: dt.date | None = None, staff_id: int | None = None,
                limit: int = 50, stop_passed: bool = True) -> list[DueRow]:
    """What to send now: one row per recipient of each open enrolment whose next new step is due,
    most overdue first (then by enrolment and person). ``staff_id`` keeps the accounts that staff
    member owns.

    Passed over and stopped on the way (in one short write, only when there is something to stop):
    enrolments of accounts that are sales-qualified or customers (reason = the stage), of a person who
    asked not to be contacted ("do_not_contact"), and those whose remaining steps every recipient
    already has ("ended"). An enrolment without anyone to send to (no people yet) waits.
    ``stop_passed=False`` only reads (Today, a read-only window): the list is the same, the stops wait.
    """
    day = validation.parse_date(today or dt.date.today(), field="today", label=_("Date"), required=True)
    limit = validation.whole_number(limit, field="limit", label=_("Limit"), minimum=1, maximum=10_000, required=True)
    params: dict = {"today": day.isoformat(), "limit": limit}  # dates are stored as ISO text
    owner = ""
    if staff_id is not None:
        # the owner's accounts as a list looked up per enrolment: the scan stays in due order on the index
        owner, params["staff"] = "AND e.account_id IN (SELECT id FROM account WHERE owner_id = :staff)", int(staff_id)
    with db.read() as session:
        found = session.execute(sa.text(_DUE_SQL.format(owner=owner)), params).all()
        rows = [DueRow(enrolment_id=r[0], track_id=r[1], track=r[2], account_id=r[3], account=r[4], person_id=r[5],
                       person=r[6], email=r[7], content_item_id=r[8], title=r[9], kind=r[10], url=r[11], step=r[12],
                       due_on=_date(r[13]), days_late=(day - _date(r[13])).days) for r in found]
        upto = ""
        if len(rows) == limit:  # the list stopped at its last enrolment: look no further than it
            last = rows[-1]
            upto = "AND (e.next_due_on < :last_due OR (e.next_due_on = :last_due AND e.id <= :last_id))"
            params.update(last_due=last.due_on.isoformat(), last_id=last.enrolment_id)
        listed = {r.enrolment_id for r in rows}
        to_stop: dict[str, list[int]] = {}
        scanned = session.execute(sa.text(_SCANNED_SQL.format(owner=owner, upto=upto)), params).scalar()
        passed = session.execute(sa.text(_PASSED_SQL.format(owner=owner, upto=upto)), params) if scanned > len(listed) else ()
        for eid, stage, archived, person_dnc, reachable, new_step in passed:
            if eid in listed:
                continue
            if stage in READY_STAGES:
                to_stop.setdefault(stage, []).append(eid)
            elif person_dnc:
                to_stop.setdefault("do_not_contact", []).append(eid)
            elif reachable and new_step is None and not archived:
                to_stop.setdefault("ended", []).append(eid)
    if to_stop and stop_passed:
        with db.write() as session:
            for reason, ids in to_stop.items():
                session.execute(sa.update(NurtureEnrolment)
                                .where(NurtureEnrolment.id.in_(ids), NurtureEnrolment.stopped_on.is_(None))
                                .values(stopped_on=day, stop_reason=reason)
                                .execution_options(synchronize_session=False))
    return rows


def _date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


# --- sending ----------------------------------------------------------------


def log_sent(db: Database, *, enrolment_id: int, person_id: int, today: dt.date | None = None,
             staff_id: int | None = None) -> SentRow:
    """Record that the enrolment's next content went to ``person_id``, in one transaction: the touch
    (an interaction of kind "content" with that person, the content's title as subject: the account's
    last touch moves and its planned contact closes), the ``content_sent`` row, and the enrolment's
    advance once every recipient has the step: the next step is due after its wait; without one the
    enrolment ends ("ended").

    The content is the step the due list shows for the enrolment: the first from its position on that
    some recipient does not have yet.
    Refused: a stopped enrolment, a sales-qualified or customer account, a person who is not a
    recipient (another account's, or not the enrolment's person), archived or do-not-contact, and a
    person who already has every remaining step, and a person without a consent date.
    """
    from relationapp.services.touches import interactions

    day = validation.parse_date(today or dt.date.today(), field="today", label=_("Date"), required=True)
    with db.write() as session:
        enrolment = session.get(NurtureEnrolment, enrolment_id)
        if enrolment is None:
            raise NotFound(_("Nurture enrolment #{id} does not exist.").format(id=enrolment_id))
        if enrolment.stopped_on is not None:
            raise ValidationError(_("This nurture enrolment was stopped on {day}.").format(
                day=formatting.current().date(enrolment.stopped_on)), field="enrolment_id")
        account = session.get(Account, enrolment.account_id)
        if account.stage in READY_STAGES:
            raise ValidationError(_("{account} is a sales-qualified lead or a customer: talk to them instead of "
                                    "nurturing them.").format(account=account.name), field="enrolment_id")
        person = session.get(Person, person_id)
        if person is None:
            raise ValidationError(_("Person #{id} does not exist.").format(id=person_id), field="person_id")
        _refuse_unreachable(person)
        if person.account_id != enrolment.account_id or (
                enrolment.person_id is not None and enrolment.person_id != person.id):
            raise ValidationError(_("{person} is not nurtured by this enrolment.").format(person=person.name),
                                  field="person_id")
        if staff_id is not None and session.get(Staff, staff_id) is None:
            raise ValidationError(_("Staff member #{id} does not exist.").format(id=staff_id), field="staff_id")
        position, content_id = _current_step(session, enrolment, person.id)
        item = session.get(ContentItem, content_id)
        touch = interactions.log_in_session(session, account_id=account.id, kind="content", occurred_on=day,
                                            person_ids=[person.id], staff_id=staff_id, subject=item.title)
        session.execute(sa.update(Interaction).where(Interaction.id == touch.id)
                        .values(content_item_id=item.id).execution_options(synchronize_session=False))
        session.add(ContentSent(person_id=person.id, content_item_id=item.id, sent_on=day, interaction_id=touch.id))
        session.flush()
        if not _others_waiting(session, enrolment, content_id):
            later = session.execute(sa.select(NurtureStep.position, NurtureStep.wait_days)
                                    .where(NurtureStep.track_id == enrolment.track_id,
                                           NurtureStep.position > position)
                                    .order_by(NurtureStep.position).limit(1)).first()
            if later is None:
                enrolment.next_position = position + 1
                enrolment.next_due_on = None
                enrolment.stopped_on, enrolment.stop_reason = day, "ended"
            else:
                enrolment.next_position = later[0]
                enrolment.next_due_on = day + dt.timedelta(days=later[1])
        elif position > enrolment.next_position:
            enrolment.next_position = position  # the steps before it are known to everyone
        session.add(enrolment)
        session.flush()
        return SentRow(enrolment_id=enrolment.id, interaction_id=touch.id, person_id=person.id,
                       content_item_id=item.id, title=item.title, sent_on=day, step=position,
                       next_position=enrolment.next_position, next_due_on=enrolment.next_due_on,
                       stopped_on=enrolment.stopped_on, stop_reason=enrolment.stop_reason)


def _recipients(session, enrolment: NurtureEnrolment):
    query = (sa.select(Person.id)
             .where(Person.do_not_contact.is_(False), Person.archived.is_(False),
                    Person.account_id == enrolment.account_id))
    if enrolment.person_id is not None:
        query = query.where(Person.id == enrolment.person_id)
    return query


def _current_step(session, enrolment: NurtureEnrolment, person_id: int) -> tuple[int, int]:
    """The step the due list shows for this enrolment (the first from its position on whose content a
    recipient lacks) as (position, content id); refused when this person has it or there is none."""
    recipients = [r for r in session.execute(_recipients(session, enrolment)).scalars()]
    steps = session.execute(sa.select(NurtureStep.position, NurtureStep.content_item_id)
                            .where(NurtureStep.track_id == enrolment.track_id,
                                   NurtureStep.position >= enrolment.next_position,
                                   NurtureStep.content_item_id.is_not(None))
                            .order_by(NurtureStep.position)).all()
    had = set(session.execute(sa.select(ContentSent.person_id, ContentSent.content_item_id)
                              .where(ContentSent.person_id.in_(recipients),
                                     ContentSent.content_item_id.in_({c for _p, c in steps}))).all())
    for position, content_id in steps:
        if any((r, content_id) not in had for r in recipients):
            if (person_id, content_id) in had:
                title = session.get(ContentItem, content_id).title
                raise ValidationError(_("{person} already has '{title}', the content this enrolment is at now.").format(
                    person=session.get(Person, person_id).name, title=validation.shown(title)), field="person_id")
            return position, content_id
    raise ValidationError(_("{person} already has every remaining piece of content of this track.").format(
        person=session.get(Person, person_id).name), field="person_id")


def _others_waiting(session, enrolment: NurtureEnrolment, content_id: int) -> bool:
    """Whether another recipient of the enrolment still lacks this content."""
    lacking = _recipients(session, enrolment).where(~sa.exists().where(ContentSent.person_id == Person.id,
                                                  ContentSent.content_item_id == content_id))
    return session.execute(lacking.limit(1)).first() is not None
