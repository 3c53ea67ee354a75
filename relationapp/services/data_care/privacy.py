"""Privacy (AVG/GDPR): what we hold on one person, and forgetting them.

``person_data`` gathers everything about one person (for an access request).
``erase_person`` forgets them: the person and what is theirs alone (dates,
NPS answers, enrolments) go; interactions they took part in either stay as
account history without their name, or go too. Their name, e-mail and
phone are scrubbed from every text column (notes, subjects, follow-up
titles ...), full-text indexes are rebuilt, and the write runs with
``PRAGMA secure_delete=ON`` followed by a WAL checkpoint (TRUNCATE), so the
name is gone from the database file and its WAL, not just hidden.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sqlalchemy as sa

from relationapp.data.db import Database
from relationapp.data.models import (
    Account,
    FollowUp,
    ImportantDate,
    Interaction,
    InteractionPerson,
    NpsResponse,
    NurtureEnrolment,
    Person,
    Referral,
)
from relationapp.errors import NotFound, ValidationError
from relationapp.services.customers import search
from relationapp.services.data_care.everything import tables, to_text

REMOVED = "[removed]"


def find_person_id(db: Database, *, name_or_id: str) -> int:
    """A person by id or exact name (any case); refuses a name that several people share."""
    text = str(name_or_id).strip()
    with db.read() as session:
        if text.isdigit() and session.get(Person, int(text)) is not None:
            return int(text)
        ids = session.execute(sa.select(Person.id).where(sa.func.lower(Person.name) == text.lower())).scalars().all()
    if not ids:
        raise NotFound(f"No person called '{text}'.")
    if len(ids) > 1:
        raise ValidationError(f"{len(ids)} people are called '{text}'; use the id ({', '.join(map(str, ids))}).")
    return ids[0]


# --- what we hold --------------------------------------------------------------

@dataclass(frozen=True)
class PersonData:
    person_id: int
    name: str
    sections: dict[str, list[dict]]  # "person", "important_dates", "interactions", ... -> rows

    def as_json(self) -> dict:
        return {
            "person_id": self.person_id,
            "name": self.name,
            "sections": {k: [{c: to_text(v) for c, v in row.items()} for row in rows] for k, rows in self.sections.items()},
        }


def _rows(session, query) -> list[dict]:
    return [dict(r) for r in session.execute(query).mappings()]


def person_data(db: Database, *, person_id: int) -> PersonData:
    """Everything we hold on one person, section by section."""
    with db.read() as session:
        person = session.get(Person, person_id)
        if person is None:
            raise NotFound(f"Person #{person_id} does not exist.")
        me = {c.name: getattr(person, c.name) for c in Person.__table__.columns}
        me["account"] = session.get(Account, person.account_id).name if person.account_id else None
        touched = sa.select(InteractionPerson.interaction_id).where(InteractionPerson.person_id == person_id)
        sections = {
            "person": [me],
            "important_dates": _rows(session, sa.select(ImportantDate.__table__).where(ImportantDate.person_id == person_id)),
            "interactions": _rows(session, sa.select(
                Interaction.occurred_on, Interaction.kind, Interaction.subject, Interaction.notes,
                Interaction.duration_minutes, Interaction.gift_item, Account.name.label("account"))
                .outerjoin(Account, Account.id == Interaction.account_id)
                .where(Interaction.id.in_(touched)).order_by(Interaction.occurred_on)),
            "nps_responses": _rows(session, sa.select(NpsResponse.responded_on, NpsResponse.score, NpsResponse.comment)
                                   .where(NpsResponse.person_id == person_id).order_by(NpsResponse.responded_on)),
            "follow_ups": _rows(session, sa.select(FollowUp.due_on, FollowUp.title, FollowUp.notes, FollowUp.done_on)
                                .where(FollowUp.person_id == person_id).order_by(FollowUp.due_on)),
            "referrals_made": _rows(session, sa.select(Referral.referred_on, Account.name.label("introduced"),
                                                       Referral.outcome, Referral.thanked_on, Referral.note)
                                    .join(Account, Account.id == Referral.referred_account_id)
                                    .where(Referral.referrer_person_id == person_id)),
            "nurture_enrolments": _rows(session, sa.select(NurtureEnrolment.__table__)
                                        .where(NurtureEnrolment.person_id == person_id)),
        }
    return PersonData(person_id, me["name"], sections)


# --- forgetting them -----------------------------------------------------------

@dataclass(frozen=True)
class EraseResult:
    person_id: int
    interactions_kept: int
    interactions_deleted: int
    texts_scrubbed: int


def _needles(person: Person) -> list[str]:
    """What identifies them in free text: full name, e-mail, phone (longest first)."""
    out = [person.name, person.email, person.phone]
    return sorted({n.strip() for n in out if n and len(n.strip()) >= 3}, key=len, reverse=True)


# someone else may share the name: other records' own names and addresses are theirs, not a mention
_IDENTITY = {"name", "email", "phone"}


def _is_text(col: sa.Column) -> bool:
    kind = col.type
    return isinstance(kind, sa.String) or isinstance(getattr(kind, "impl_instance", None), sa.String)  # AutoString


def _scrub_texts(session, needles: list[str]) -> int:
    """Replace the needles (any case) in every text column of every table."""
    if not needles:
        return 0
    pattern = re.compile("|".join(re.escape(n) for n in needles), re.IGNORECASE)
    changed = 0
    for table in tables():
        pk = list(table.primary_key.columns)
        for col in table.columns:
            if not _is_text(col) or col.primary_key or col.foreign_keys or col.name in _IDENTITY:
                continue
            condition = sa.or_(*(sa.func.instr(sa.func.lower(col), n.lower()) > 0 for n in needles))
            for row in session.execute(sa.select(*pk, col).where(condition)).all():
                new = pattern.sub(REMOVED, row[-1])
                if new != row[-1]:
                    where = sa.and_(*(c == v for c, v in zip(pk, row[:-1])))
                    session.execute(sa.update(table).where(where).values({col.name: new}))
                    changed += 1
    return changed


def erase_person(db: Database, *, person_id: int, keep_interactions: bool = True) -> EraseResult:
    """Forget a person for good (see the module text). Cannot be undone (except from a backup)."""
    if not db.is_sqlite:
        raise ValidationError("Erasing with secure delete needs the SQLite database.")
    with db.write() as session:
        session.execute(sa.text("PRAGMA secure_delete=ON"))
        person = session.get(Person, person_id)
        if person is None:
            raise NotFound(f"Person #{person_id} does not exist.")
        needles = _needles(person)
        theirs = sa.select(InteractionPerson.interaction_id).where(InteractionPerson.person_id == person_id)
        others = sa.select(InteractionPerson.interaction_id).where(InteractionPerson.person_id != person_id)
        touched = session.execute(sa.select(sa.func.count()).select_from(theirs.subquery())).scalar_one()
        deleted = 0
        if not keep_interactions:
            # only the interactions with them alone: a meeting with colleagues stays for the others
            deleted = session.execute(
                sa.delete(Interaction).where(Interaction.id.in_(theirs), Interaction.id.not_in(others))
            ).rowcount or 0
        session.execute(sa.delete(InteractionPerson).where(InteractionPerson.person_id == person_id))
        session.execute(sa.update(FollowUp).where(FollowUp.person_id == person_id).values(person_id=None))
        own_account = session.get(Account, person.account_id) if person.account_id else None
        session.execute(sa.delete(Person.__table__).where(Person.id == person_id))
        if own_account is not None and own_account.kind == "private" and own_account.name == person.name:
            # a private customer's account carries their name: it keeps its history under no name
            session.execute(sa.update(Account).where(Account.id == own_account.id)
                            .values(name=REMOVED, email=None, phone=None, street=None))
        scrubbed = _scrub_texts(session, needles)
        search.purge_deleted_text(session)
    _checkpoint(db)
    return EraseResult(person_id, touched - deleted, deleted, scrubbed)


def _checkpoint(db: Database) -> None:
    """Move the WAL into the database file and truncate it: the old pages leave the WAL."""
    db.engine.dispose()  # idle pooled connections would keep old snapshots alive
    con = db.raw_connection()
    try:
        con.execute("PRAGMA secure_delete=ON")
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
