"""Referrals: who introduced which account, the revenue it brought, and the thank-you.

An account is introduced once (``referral.referred_account_id`` is unique), so
following "who introduced this account" upwards is a chain; a new referral is
refused when the referred account already sits on the referrer's chain (a
circle: A introduced B, B introduced A, or longer).

Revenue of a referred account is credited to its referrer: all of it
("lifetime") and the part ordered in the twelve months from the referral date
("first year"). When a referred account places its first order, a follow-up
"Thank <referrer>" appears (once per referral, through ``origin_ref``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import aliased

from relationapp.data.db import Database
from relationapp.data.models import (
    REFERRAL_OUTCOMES,
    Account,
    FollowUp,
    Interaction,
    InteractionPerson,
    Order,
    Person,
    Referral,
    cents_to_decimal,
    bump,
)
from relationapp.errors import NotFound, ValidationError
from relationapp.services.customers.sort_names import PERSON_SORT_NAME
from relationapp.services.common import validation
from relationapp.services.touches import follow_ups
from relationapp.text import formatting
from relationapp.text.catalogue import _
from relationapp.text.wording import OUTCOME_LABELS  # noqa: F401 - named here too (privacy export)

THANK_YOU_KINDS = ("card", "gift")
# How soon after the first order the thank-you is due.
THANK_WITHIN_DAYS = 7
# A first order older than this is not worth a late thank-you follow-up any
# more (e.g. history imported from accounting); the ledger still shows
# "not thanked".
THANKS_LOOKBACK_DAYS = 90


@dataclass(frozen=True)
class ReferralRow:
    id: int
    referrer_person_id: int | None
    referrer_person: str | None
    referrer_account_id: int | None
    referrer_account: str | None
    referred_account_id: int
    referred_account: str
    referred_on: dt.date
    outcome: str
    note: str | None
    thanked_on: dt.date | None
    first_order_on: dt.date | None
    credited_first_year: Decimal
    credited_lifetime: Decimal

    @property
    def referrer(self) -> str:
        """"Person (Account)", or whichever of the two is known."""
        if self.referrer_person and self.referrer_account:
            return f"{self.referrer_person} ({self.referrer_account})"
        return self.referrer_person or self.referrer_account or "unknown"


@dataclass(frozen=True)
class AccountReferrals:
    """What an account page shows: who introduced it, and whom it introduced."""

    introduced_by: ReferralRow | None
    introduced: tuple[ReferralRow, ...]


@dataclass(frozen=True)
class ReferrerCredit:
    referrer_person_id: int | None
    referrer_person: str | None
    referrer_account_id: int | None
    referrer_account: str | None
    introductions: int
    customers: int  # introduced accounts that ordered
    credited_first_year: Decimal
    credited_lifetime: Decimal


@dataclass(frozen=True)
class ReferralNode:
    """One account in the referral tree and the accounts it introduced."""

    account_id: int
    account: str
    referral_id: int | None  # how this account came in (None for a root)
    introduced_by: str | None  # the referrer person, when known
    credited_lifetime: Decimal
    children: tuple["ReferralNode", ...]


# --- recording ---------------------------------------------------------------


def record_referral(
    db: Database,
    *,
    referred_account_id: int,
    referrer_person_id: int | None = None,
    referrer_account_id: int | None = None,
    referred_on: dt.date | str | None = None,
    outcome: str = "introduced",
    note: str | None = None,
    today: dt.date | None = None,
) -> ReferralRow:
    """Record that a person (and through them their account) introduced an account.

    For "introduced by" on a new account, pass the introducer to
    ``accounts.create_account`` (one unit of work); this is for later, from the
    account page or the command line. Refuses a self-referral, a circle, and an
    account that was already introduced by someone.
    """
    fields = clean_referral(referrer_person_id=referrer_person_id, referrer_account_id=referrer_account_id,
                            referred_on=referred_on, outcome=outcome, note=note, today=today)
    with db.write() as session:
        return record_in_session(session, referred_account_id=referred_account_id, **fields)


def clean_referral(
    *,
    referrer_person_id: int | None = None,
    referrer_account_id: int | None = None,
    referred_on: dt.date | str | None = None,
    outcome: str = "introduced",
    note: str | None = None,
    today: dt.date | None = None,
) -> dict:
    """The checks that need no database; returns the keywords for ``record_in_session``."""
    today = today or dt.date.today()
    day = validation.parse_date(referred_on or today, field="referred_on", label=_("Referral date"), required=True)
    if day > today:
        raise ValidationError(_("A referral date cannot lie in the future."), field="referred_on")
    clean_outcome = validation.choice(outcome or "introduced", REFERRAL_OUTCOMES, field="outcome", label=_("Outcome"))
    if referrer_person_id is None and referrer_account_id is None:
        raise ValidationError(_("Choose who made the introduction."), field="referrer_person_id")
    return {"referrer_person_id": referrer_person_id, "referrer_account_id": referrer_account_id,
            "referred_on": day, "outcome": clean_outcome, "note": validation.long_text(note), "today": today}


def check_referrer(session, *, referrer_person_id: int | None, referrer_account_id: int | None) -> int | None:
    """The introducer exists (and the person belongs to the account given); returns the referrer account.

    For services that check the introducer before they write anything (a new account)."""
    return _referrer_account(session, referrer_person_id, referrer_account_id)


def record_in_session(
    session,
    *,
    referred_account_id: int,
    referrer_person_id: int | None,
    referrer_account_id: int | None,
    referred_on: dt.date,
    outcome: str,
    note: str | None,
    today: dt.date,
) -> ReferralRow:
    """The referral inside the caller's unit of work, from ``clean_referral``'s keywords.

    Raises ValidationError (the caller's transaction then rolls back) for an
    unknown introducer, a self-referral, a circle, or an account introduced already."""
    referred = session.get(Account, referred_account_id)
    if referred is None:
        raise ValidationError(_("Account #{id} does not exist.").format(id=referred_account_id), field="referred_account_id")
    referrer_account_id = _referrer_account(session, referrer_person_id, referrer_account_id)
    _check_not_introduced_yet(session, referred)
    _check_no_circle(session, referrer_account_id, referred)
    referral = Referral(
        referrer_person_id=referrer_person_id, referrer_account_id=referrer_account_id,
        referred_account_id=referred.id, referred_on=referred_on, outcome=outcome, note=note,
    )
    session.add(referral)
    session.flush()
    # a referral recorded after the account already ordered still gets its thank-you
    _ensure_thank_you(session, referral, today=today)
    return _rows(session, [referral.id])[0]


def _referrer_account(session, person_id: int | None, account_id: int | None) -> int | None:
    if person_id is not None:
        person = session.get(Person, person_id)
        if person is None:
            raise ValidationError(_("Person #{id} does not exist.").format(id=person_id), field="referrer_person_id")
        if account_id is not None and person.account_id is not None and account_id != person.account_id:
            raise ValidationError(_("{person} does not belong to that account.").format(person=person.name),
                                  field="referrer_account_id")
        account_id = account_id if account_id is not None else person.account_id
    if account_id is not None and session.get(Account, account_id) is None:
        raise ValidationError(_("Account #{id} does not exist.").format(id=account_id), field="referrer_account_id")
    return account_id


def _check_not_introduced_yet(session, referred: Account) -> None:
    existing = session.execute(
        sa.select(Referral.id).where(Referral.referred_account_id == referred.id)
    ).scalar_one_or_none()
    if existing is not None:
        who = _rows(session, [existing])[0].referrer
        raise ValidationError(
            _("{account} was already introduced by {who}; change or remove that referral first.").format(
                account=referred.name, who=who),
            field="referred_account_id",
        )


def _introducer_chain(session, account_id: int) -> list[int]:
    """The account, the account that introduced it, the one that introduced that ..."""
    chain: list[int] = []
    current: int | None = account_id
    while current is not None and current not in chain:
        chain.append(current)
        current = session.execute(
            sa.select(Referral.referrer_account_id).where(Referral.referred_account_id == current)
        ).scalar_one_or_none()
    return chain


def _check_no_circle(session, referrer_account_id: int | None, referred: Account) -> None:
    if referrer_account_id is None:
        return
    if referrer_account_id == referred.id:
        raise ValidationError(_("{account} cannot introduce itself.").format(account=referred.name), field="referrer_person_id")
    chain = _introducer_chain(session, referrer_account_id)
    if referred.id in chain:
        path = list(reversed(chain[: chain.index(referred.id) + 1]))  # referred -> ... -> referrer
        names = dict(session.execute(sa.select(Account.id, Account.name).where(Account.id.in_(path))).all())
        steps = ", ".join(_("{referrer} introduced {referred}").format(referrer=names.get(a, a), referred=names.get(b, b))
                          for a, b in zip(path, path[1:]))
        raise ValidationError(
            _("That would make a circle: {steps}, so {referrer} cannot have introduced {referred}. "
              "Nothing was saved.").format(steps=steps, referrer=names[referrer_account_id], referred=referred.name),
            field="referrer_person_id",
        )


def _get(session, referral_id: int) -> Referral:
    referral = session.get(Referral, referral_id)
    if referral is None:
        raise NotFound(_("Referral #{id} does not exist.").format(id=referral_id))
    return referral


# --- the thank-you -----------------------------------------------------------


def on_orders_added(session, account_ids, *, today: dt.date | None = None) -> list[int]:
    """Rule for the orders service, inside its unit of work after new orders.

    A referred account that now has its first order gets a "Thank <referrer>"
    follow-up (once per referral). Returns the ids of follow-ups made.
    """
    ids = list({int(a) for a in account_ids})
    if not ids:
        return []
    referrals = []
    for start in range(0, len(ids), 500):  # a big import: keep IN (...) lists short
        chunk = ids[start:start + 500]
        referrals += session.execute(sa.select(Referral).where(Referral.referred_account_id.in_(chunk))).scalars().all()
    made = [_ensure_thank_you(session, r, today=today or dt.date.today()) for r in referrals]
    return [m for m in made if m is not None]


def ensure_thank_you_follow_ups(db: Database, *, today: dt.date | None = None) -> list[int]:
    """The same rule over every referral; idempotent (the agenda may run it on refresh)."""
    with db.write() as session:
        referrals = session.execute(sa.select(Referral).where(Referral.thanked_on.is_(None))).scalars().all()
        made = [_ensure_thank_you(session, r, today=today or dt.date.today()) for r in referrals]
        return [m for m in made if m is not None]


def _ensure_thank_you(session, referral: Referral, *, today: dt.date) -> int | None:
    if referral.thanked_on is not None:
        return None
    first_order = _as_date(session.execute(
        sa.select(sa.func.min(Order.ordered_on)).where(Order.account_id == referral.referred_account_id)
    ).scalar())
    if first_order is None or first_order < today - dt.timedelta(days=THANKS_LOOKBACK_DAYS):
        return None
    already = session.execute(
        sa.select(FollowUp.id).where(FollowUp.origin == "referral_thanks", FollowUp.origin_ref == referral.id)
    ).first()
    if already is not None:
        return None
    if referral.outcome == "introduced":
        referral.outcome = "customer"  # an order is what "became a customer" means
        session.add(referral)
    referred = session.get(Account, referral.referred_account_id)
    person = session.get(Person, referral.referrer_person_id) if referral.referrer_person_id else None
    account = session.get(Account, referral.referrer_account_id) if referral.referrer_account_id else None
    who = person.name if person else (account.name if account else _("the referrer"))
    row = follow_ups.create_in_session(
        session,
        title=_("Thank {who} for introducing {account}").format(who=who, account=referred.name),
        due_on=max(first_order + dt.timedelta(days=THANK_WITHIN_DAYS), today),
        account_id=account.id if account else None,
        person_id=person.id if person else None,
        staff_id=account.owner_id if account else None,
        notes=suggest_personal_touch(session, person, referred_name=referred.name, first_order_on=first_order),
        origin="referral_thanks",
        origin_ref=referral.id,
    )
    return row.id


def suggest_personal_touch(session, person: Person | None, *, referred_name: str, first_order_on: dt.date) -> str:
    """A short note for the follow-up: what happened, and a touch that is not a repeat."""
    lines = [_("{account} placed its first order on {day}.").format(
        account=referred_name, day=formatting.current().date(first_order_on))]
    if person is None:
        lines.append(_("Suggested: a handwritten card to the person who made the introduction."))
        return "\n".join(lines)
    given = list(session.execute(
        sa.select(Interaction.gift_item)
        .join(InteractionPerson, InteractionPerson.interaction_id == Interaction.id)
        .where(InteractionPerson.person_id == person.id, Interaction.kind == "gift", Interaction.gift_item.is_not(None))
        .order_by(Interaction.occurred_on.desc())
    ).scalars())
    if given:
        lines.append(_("Suggested: a small gift they have not had yet (given before: {gifts}).").format(
            gifts=", ".join(dict.fromkeys(given))))
    else:
        lines.append(_("Suggested: a handwritten card, or a small gift."))
    if person.personal_notes:
        lines.append(_("Personal notes: {notes}").format(notes=person.personal_notes))
    if person.family_notes:
        lines.append(_("Family: {notes}").format(notes=person.family_notes))
    return "\n".join(lines)


def thank_referrer(
    db: Database,
    *,
    referral_id: int,
    kind: str = "card",
    gift_item: str | None = None,
    gift_cost: Decimal | str | None = None,
    notes: str | None = None,
    staff_id: int | None = None,
    thanked_on: dt.date | str | None = None,
    today: dt.date | None = None,
) -> ReferralRow:
    """Record the thank-you (a card or gift interaction with the referrer), mark the
    referral thanked and its "Thank ..." follow-up done."""
    from relationapp.services.touches.interactions import log_in_session

    today = today or dt.date.today()
    validation.choice(kind, THANK_YOU_KINDS, field="kind", label=_("Thank-you"), required=True)
    day = validation.parse_date(thanked_on or today, field="thanked_on", label=_("Date"), required=True)
    with db.write() as session:
        referral = _get(session, referral_id)
        if referral.referrer_account_id is None and referral.referrer_person_id is None:
            raise ValidationError(_("This referral has no referrer left to thank."), field="referral_id")
        referred = session.get(Account, referral.referred_account_id)
        log_in_session(
            session, account_id=referral.referrer_account_id, kind=kind, occurred_on=day,
            person_ids=[referral.referrer_person_id] if referral.referrer_person_id else [], staff_id=staff_id,
            subject=_("Thank you for introducing {account}").format(account=referred.name), notes=notes,
            gift_item=gift_item if kind == "gift" else None, gift_cost=gift_cost if kind == "gift" else None,
        )
        referral.thanked_on = day
        session.add(referral)
        session.execute(
            sa.update(FollowUp)
            .where(FollowUp.origin == "referral_thanks", FollowUp.origin_ref == referral_id, FollowUp.done_on.is_(None))
            .values(done_on=day, **bump(FollowUp))
        )
        session.flush()
        return _rows(session, [referral_id])[0]


def referral_for_follow_up(db: Database, *, follow_up_id: int) -> ReferralRow | None:
    """The referral a "Thank ..." follow-up was made for (None for any other follow-up)."""
    with db.read() as session:
        follow_up = session.get(FollowUp, follow_up_id)
        if follow_up is None or follow_up.origin != "referral_thanks" or follow_up.origin_ref is None:
            return None
        rows = _rows(session, [follow_up.origin_ref])
        return rows[0] if rows else None


# --- reading -----------------------------------------------------------------


def get_referral(db: Database, *, referral_id: int) -> ReferralRow:
    with db.read() as session:
        rows = _rows(session, [referral_id])
    if not rows:
        raise NotFound(_("Referral #{id} does not exist.").format(id=referral_id))
    return rows[0]


def referral_ledger(db: Database) -> list[ReferralRow]:
    """Every referral, newest first, with the revenue credited to its referrer."""
    with db.read() as session:
        ids = list(session.execute(
            sa.select(Referral.id).order_by(Referral.referred_on.desc(), Referral.id.desc())
        ).scalars())
        return _rows(session, ids)


def account_referrals(db: Database, *, account_id: int) -> AccountReferrals:
    with db.read() as session:
        by = session.execute(
            sa.select(Referral.id).where(Referral.referred_account_id == account_id)
        ).scalar_one_or_none()
        introduced = list(session.execute(
            sa.select(Referral.id).where(Referral.referrer_account_id == account_id)
            .order_by(Referral.referred_on.desc(), Referral.id.desc())
        ).scalars())
        return AccountReferrals(
            introduced_by=_rows(session, [by])[0] if by is not None else None,
            introduced=tuple(_rows(session, introduced)),
        )


def credit_by_referrer(db: Database, *, ledger: list[ReferralRow] | None = None) -> list[ReferrerCredit]:
    """Credited revenue per referrer (person, else account), highest lifetime first; from ``ledger``
    (``referral_ledger``'s rows) when the caller read it already (a page or report showing both)."""
    groups: dict[tuple, list[ReferralRow]] = {}
    for row in referral_ledger(db) if ledger is None else ledger:
        key = ("person", row.referrer_person_id) if row.referrer_person_id else ("account", row.referrer_account_id)
        groups.setdefault(key, []).append(row)
    out = [
        ReferrerCredit(
            referrer_person_id=rows[0].referrer_person_id, referrer_person=rows[0].referrer_person,
            referrer_account_id=rows[0].referrer_account_id, referrer_account=rows[0].referrer_account,
            introductions=len(rows), customers=sum(1 for r in rows if r.first_order_on is not None),
            credited_first_year=sum((r.credited_first_year for r in rows), Decimal("0.00")),
            credited_lifetime=sum((r.credited_lifetime for r in rows), Decimal("0.00")),
        )
        for rows in groups.values()
    ]
    out.sort(key=lambda c: (-c.credited_lifetime, -c.introductions, c.referrer_person or c.referrer_account or ""))
    return out


def referral_tree(db: Database) -> list[ReferralNode]:
    """Chains of introductions: roots are accounts that introduced others but came in
    another way; each node lists the accounts it introduced (A → B → C)."""
    rows = referral_ledger(db)
    by_referrer: dict[int | None, list[ReferralRow]] = {}
    referred_ids = set()
    for row in sorted(rows, key=lambda r: (r.referred_on, r.id)):
        by_referrer.setdefault(row.referrer_account_id, []).append(row)
        referred_ids.add(row.referred_account_id)

    def build(row: ReferralRow, seen: frozenset) -> ReferralNode:
        kids = () if row.referred_account_id in seen else tuple(
            build(child, seen | {row.referred_account_id}) for child in by_referrer.get(row.referred_account_id, [])
        )
        return ReferralNode(row.referred_account_id, row.referred_account, row.id, row.referrer_person,
                            row.credited_lifetime, kids)

    names = {r.referrer_account_id: r.referrer_account for r in rows if r.referrer_account_id is not None}
    roots = [
        ReferralNode(aid, names[aid], None, None, sum((c.credited_lifetime for c in rows if c.referrer_account_id == aid), Decimal("0.00")),
                     tuple(build(child, frozenset({aid})) for child in by_referrer[aid]))
        for aid in sorted(names, key=lambda a: names[a].lower())
        if aid not in referred_ids
    ]
    # introduced by a person without an account: the introduced account is the root
    roots += [build(row, frozenset()) for row in by_referrer.get(None, [])]
    return roots


def referrer_choices(db: Database, *, search: str = "", limit: int = 30) -> list[tuple[int, str]]:
    """(person id, "Name (Account)") for an "Introduced by" picker; active people only."""
    query = (
        sa.select(Person.id, Person.name, Account.name)
        .outerjoin(Account, Account.id == Person.account_id)
        .where(Person.archived == sa.false())
    )
    text = (search or "").strip()
    if text:
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = query.where(sa.or_(Person.name.ilike(pattern, escape="\\"), Account.name.ilike(pattern, escape="\\")))
    query = query.order_by(PERSON_SORT_NAME, Person.id).limit(limit)
    with db.read() as session:
        return [(pid, f"{name} ({account})" if account else name) for pid, name, account in session.execute(query)]


def _as_date(value) -> dt.date | None:
    """min()/max() over a date column can come back as ISO text from SQLite."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _add_year(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # Feb 29
        return dt.date(day.year + 1, 3, 1)


def _rows(session, ids: list[int]) -> list[ReferralRow]:
    if not ids:
        return []
    referrer_account = aliased(Account)
    referred_account = aliased(Account)
    result = session.execute(
        sa.select(Referral, Person.name, referrer_account.name, referred_account.name)
        .outerjoin(Person, Person.id == Referral.referrer_person_id)
        .outerjoin(referrer_account, referrer_account.id == Referral.referrer_account_id)
        .join(referred_account, referred_account.id == Referral.referred_account_id)
        .where(Referral.id.in_(ids))
    ).all()
    # every order of the referred accounts in one query (a handful each): the lifetime, the first order
    # and the first year after each introduction are summed here, not asked once per referral
    orders: dict[int, list[tuple[dt.date, int]]] = defaultdict(list)
    referred_ids = sorted({r[0].referred_account_id for r in result})
    for aid, day, cents in session.execute(
            sa.select(Order.account_id, Order.ordered_on, sa.type_coerce(Order.amount, sa.BigInteger))
            .where(Order.account_id.in_(referred_ids))):
        orders[aid].append((_as_date(day), int(cents or 0)))
    by_id = {}
    for referral, person, referrer, referred in result:
        aid = referral.referred_account_id
        placed = orders.get(aid, ())
        start, stop = referral.referred_on, _add_year(referral.referred_on)
        by_id[referral.id] = ReferralRow(
            id=referral.id, referrer_person_id=referral.referrer_person_id, referrer_person=person,
            referrer_account_id=referral.referrer_account_id, referrer_account=referrer,
            referred_account_id=aid, referred_account=referred, referred_on=referral.referred_on,
            outcome=referral.outcome, note=referral.note, thanked_on=referral.thanked_on,
            first_order_on=min((day for day, _ in placed), default=None),
            credited_first_year=cents_to_decimal(sum(c for day, c in placed if start <= day < stop)),
            credited_lifetime=cents_to_decimal(sum(c for _, c in placed)),
        )
    return [by_id[i] for i in ids if i in by_id]
