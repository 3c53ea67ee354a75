"""Net Promoter Score: scores 0-10 per person, the NPS, and the rules that close the loop.

Promoters score 9-10, passives 7-8, detractors 0-6; NPS = % promoters -
% detractors, over every response in a period (a person who answers twice
counts twice, as in any survey). A detractor score makes a follow-up to call
back within a week; a promoter who introduced nobody in the last year makes a
prompt to ask for an introduction or a review.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterable

import sqlalchemy as sa

from relationapp.data.db import Database
from relationapp.data.models import (
    Account,
    FollowUp,
    NpsResponse,
    Person,
    Referral,
    Staff,
)
from relationapp.errors import ValidationError
from relationapp.services.common import validation
from relationapp.services.touches import follow_ups
from relationapp.services.value import quarters
from relationapp.services.value.pyramid import TIER_LABELS, compute_tiers, window
from relationapp.text import formatting
from relationapp.text.catalogue import N_, _

PROMOTER_MIN = 9
PASSIVE_MIN = 7
CALL_BACK_WITHIN_DAYS = 7
ASK_WITHIN_DAYS = 14
NO_SCORES = "no scores yet"


def category(score: int) -> str:
    if score >= PROMOTER_MIN:
        return "promoter"
    if score >= PASSIVE_MIN:
        return "passive"
    return "detractor"


@dataclass(frozen=True)
class NpsSummary:
    label: str  # what the numbers are about: a quarter, a tier, a manager
    responses: int
    promoters: int
    passives: int
    detractors: int
    nps: int | None  # None when nobody answered

    @property
    def text(self) -> str:
        """"+42", "-10", "0", or "no scores yet"."""
        if self.nps is None:
            return NO_SCORES
        return f"{self.nps:+d}" if self.nps else "0"


def summarize(scores: Iterable[int], *, label: str = "") -> NpsSummary:
    """The NPS of some scores (pure arithmetic, rounded half up to a whole number)."""
    counts = {"promoter": 0, "passive": 0, "detractor": 0}
    for score in scores:
        counts[category(score)] += 1
    n = sum(counts.values())
    nps = None
    if n:
        exact = Decimal(100 * (counts["promoter"] - counts["detractor"])) / n
        nps = int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return NpsSummary(label, n, counts["promoter"], counts["passive"], counts["detractor"], nps)


@dataclass(frozen=True)
class NpsResponseRow:
    id: int
    person_id: int
    person: str
    account_id: int | None
    account: str | None
    responded_on: dt.date
    score: int
    comment: str | None

    @property
    def category(self) -> str:
        return category(self.score)


@dataclass(frozen=True)
class RecordedScore:
    response: NpsResponseRow
    follow_ups: tuple[str, ...]  # titles of the follow-ups the score made


@dataclass(frozen=True)
class NpsReport:
    period: str  # "2026Q3" or "12 months to 2026-11-22"
    start: dt.date
    end: dt.date
    overall: NpsSummary
    by_quarter: tuple[NpsSummary, ...]  # oldest first, ending with the period's quarter
    by_tier: tuple[NpsSummary, ...]
    by_manager: tuple[NpsSummary, ...]


def parse_score(value) -> int:
    """A whole number 0-10, or ValidationError with a message for the form."""
    if isinstance(value, bool):
        value = None
    text = str(value).strip() if value is not None else ""
    if not text:
        raise ValidationError(_("Give a score from 0 to 10."), field="score")
    try:
        score = int(text)
    except ValueError:
        raise ValidationError(_("A score is a whole number from 0 to 10 (not '{text}').").format(text=text), field="score") from None
    if not 0 <= score <= 10:
        raise ValidationError(_("A score runs from 0 to 10; {score} is outside that.").format(score=score), field="score")
    return score


def record_score(
    db: Database,
    *,
    person_id: int,
    score,
    responded_on: dt.date | str | None = None,
    comment: str | None = None,
    today: dt.date | None = None,
) -> RecordedScore:
    """Record one answer; a detractor gets a call-back, a promoter may get an ask."""
    today = today or dt.date.today()
    clean_score = parse_score(score)
    day = validation.parse_date(responded_on or today, field="responded_on", label=_("Date"), required=True)
    if day > today:
        raise ValidationError(_("A score cannot be dated in the future."), field="responded_on")
    with db.write() as session:
        person = session.get(Person, person_id)
        if person is None:
            raise ValidationError(_("Person #{id} does not exist.").format(id=person_id), field="person_id")
        response = NpsResponse(person_id=person.id, account_id=person.account_id, responded_on=day,
                               score=clean_score, comment=validation.long_text(comment))
        session.add(response)
        session.flush()
        made = [t for t in (_call_back_detractor(session, response, person, today=today),
                            _ask_promoter(session, response, person, today=today)) if t]
        return RecordedScore(_rows(session, [response.id])[0], tuple(made))


def _owner(session, account_id: int | None) -> int | None:
    account = session.get(Account, account_id) if account_id else None
    return account.owner_id if account else None


def _call_back_detractor(session, response: NpsResponse, person: Person, *, today: dt.date) -> str | None:
    if category(response.score) != "detractor":
        return None
    if session.execute(sa.select(FollowUp.id).where(
        FollowUp.origin == "detractor", FollowUp.origin_ref == response.id
    )).first() is not None:
        return None
    note = _("Scored {score}/10 on {day}.").format(score=response.score,
                                                  day=formatting.current().date(response.responded_on))
    if response.comment:
        note += "\n" + _("Comment: {comment}").format(comment=response.comment)
    row = follow_ups.create_in_session(
        session, title=_("Call back {person}").format(person=person.name),
        # within a week of the answer; a score typed in late is due at once
        due_on=max(response.responded_on + dt.timedelta(days=CALL_BACK_WITHIN_DAYS), today),
        account_id=response.account_id, person_id=person.id, staff_id=_owner(session, response.account_id),
        notes=note, origin="detractor", origin_ref=response.id,
    )
    return row.title


def _ask_promoter(session, response: NpsResponse, person: Person, *, today: dt.date) -> str | None:
    if category(response.score) != "promoter":
        return None
    year_ago = today - dt.timedelta(days=365)
    introduced_lately = session.execute(sa.select(Referral.id).where(
        Referral.referrer_person_id == person.id, Referral.referred_on > year_ago
    )).first()
    asked_lately = session.execute(sa.select(FollowUp.id).where(
        FollowUp.origin == "promoter_ask", FollowUp.person_id == person.id, FollowUp.due_on > year_ago
    )).first()
    if introduced_lately or asked_lately:
        return None
    row = follow_ups.create_in_session(
        session, title=_("Ask {person} for an introduction or a review").format(person=person.name),
        due_on=today + dt.timedelta(days=ASK_WITHIN_DAYS),
        account_id=response.account_id, person_id=person.id, staff_id=_owner(session, response.account_id),
        notes=_("Scored {score}/10 on {day} and introduced nobody in the last year.").format(
            score=response.score, day=formatting.current().date(response.responded_on)),
        origin="promoter_ask", origin_ref=response.id,
    )
    return row.title


def list_responses(
    db: Database, *, account_id: int | None = None, person_id: int | None = None, limit: int | None = 200
) -> list[NpsResponseRow]:
    """Newest first."""
    query = sa.select(NpsResponse.id)
    if account_id is not None:
        query = query.where(NpsResponse.account_id == account_id)
    if person_id is not None:
        query = query.where(NpsResponse.person_id == person_id)
    query = query.order_by(NpsResponse.responded_on.desc(), NpsResponse.id.desc())
    if limit is not None:
        query = query.limit(limit)
    with db.read() as session:
        return _rows(session, list(session.execute(query).scalars()))


def latest_scores(session, *, account_ids=None, person_ids=None) -> dict[int, tuple[int, dt.date]]:
    """Each person's most recent score and its date (only these people, or the people of these accounts)."""
    out: dict[int, tuple[int, dt.date]] = {}
    query = sa.select(NpsResponse.person_id, NpsResponse.score, NpsResponse.responded_on)
    if person_ids is not None:
        query = query.where(NpsResponse.person_id.in_(list(person_ids)))
    if account_ids is not None:
        query = query.where(NpsResponse.person_id.in_(sa.select(Person.id).where(Person.account_id.in_(account_ids))))
    for person_id, score, day in session.execute(
        query.order_by(NpsResponse.person_id, NpsResponse.responded_on, NpsResponse.id)
    ):
        out[person_id] = (score, day)
    return out


def account_nps(db: Database, *, account_id: int, today: dt.date | None = None) -> NpsSummary:
    """The account's NPS over the last twelve months."""
    start = (today or dt.date.today()) - dt.timedelta(days=365)
    with db.read() as session:
        scores = session.execute(sa.select(NpsResponse.score).where(
            NpsResponse.account_id == account_id, NpsResponse.responded_on > start
        )).scalars()
        return summarize(scores, label=N_("last 12 months"))


def nps_report(db: Database, *, quarter: str | None = None, today: dt.date | None = None, quarters_shown: int = 8) -> NpsReport:
    """NPS for a quarter (or the twelve months up to today) overall, per pyramid tier
    (as of the period's end) and per account manager, with the trend per quarter."""
    today = today or dt.date.today()
    if quarter:
        start, end = quarters.parse_quarter(quarter)
        period = _quarter_label(start)
    else:
        start, end = window(today)
        period = _("12 months to {day}").format(day=formatting.current().date(today))
    shown = _quarters_up_to(end, quarters_shown)
    with db.read() as session:
        rows = session.execute(
            sa.select(NpsResponse.responded_on, NpsResponse.score, NpsResponse.account_id, Staff.name)
            .outerjoin(Account, Account.id == NpsResponse.account_id)
            .outerjoin(Staff, Staff.id == Account.owner_id)
            .where(NpsResponse.responded_on >= min(start, shown[0][1]), NpsResponse.responded_on <= end)
        ).all()
    tiers = compute_tiers(db, as_of=end)
    in_period = [r for r in rows if start <= r[0] <= end]
    by_tier: dict[str, list[int]] = {}
    by_manager: dict[str, list[int]] = {}
    for _day, score, account_id, manager in in_period:
        tier = tiers[account_id].tier if account_id in tiers else None
        by_tier.setdefault(TIER_LABELS.get(tier, N_("No account")), []).append(score)
        by_manager.setdefault(manager or N_("No account manager"), []).append(score)
    tier_order = list(TIER_LABELS.values()) + [N_("No account")]
    return NpsReport(
        period=period, start=start, end=end,
        overall=summarize((r[1] for r in in_period), label=period),
        by_quarter=tuple(summarize((r[1] for r in rows if first <= r[0] <= last), label=label) for label, first, last in shown),
        by_tier=tuple(summarize(by_tier[t], label=t) for t in tier_order if t in by_tier),
        by_manager=tuple(summarize(by_manager[m], label=m) for m in sorted(by_manager, key=str.lower)),
    )


def _quarter_label(day: dt.date) -> str:
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


def _quarters_up_to(day: dt.date, count: int) -> list[tuple[str, dt.date, dt.date]]:
    """(label, first day, last day) of ``count`` quarters, oldest first, ending with ``day``'s."""
    out = []
    for _n in range(count):
        label = _quarter_label(day)
        first, last = quarters.parse_quarter(label)
        out.append((label, first, last))
        day = first - dt.timedelta(days=1)
    return out[::-1]


def recent_quarter_labels(*, today: dt.date | None = None, count: int = 8) -> list[str]:
    """"2026Q4", "2026Q3", ... newest first, for a quarter picker."""
    return [label for label, _first, _last in reversed(_quarters_up_to(today or dt.date.today(), count))]


def _rows(session, ids: list[int]) -> list[NpsResponseRow]:
    if not ids:
        return []
    result = session.execute(
        sa.select(NpsResponse, Person.name, Account.name)
        .join(Person, Person.id == NpsResponse.person_id)
        .outerjoin(Account, Account.id == NpsResponse.account_id)
        .where(NpsResponse.id.in_(ids))
    ).all()
    by_id = {
        r.id: NpsResponseRow(id=r.id, person_id=r.person_id, person=person, account_id=r.account_id, account=account,
                             responded_on=r.responded_on, score=r.score, comment=r.comment)
        for r, person, account in result
    }
    return [by_id[i] for i in ids if i in by_id]
