"""Privacy (AVG/GDPR): what we hold on one person, and forgetting them.

``person_data`` gathers everything about one person (for an access request).
``erase_person`` forgets them: the person and what is theirs alone (dates,
NPS answers, enrolments) go; interactions they took part in either stay as
account history without their name, or go too. Their name, e-mail and
phone are scrubbed from every text column (notes, subjects, follow-up
titles ...; a phone in any common form: ``_national_number``); within their own account (its records, its people's notes, its
touches, follow-ups, referrals and NPS comments) their first name alone and
last name alone go too. ``find_mentions`` lists exactly what will be scrubbed
(for the user to confirm, and for the access request).

The name must leave the stored bytes, not just the rows. On SQLite the
full-text index is rebuilt, and the write runs with ``PRAGMA
secure_delete=ON`` followed by a WAL checkpoint (TRUNCATE), so the name is
gone from the database file and its WAL. On PostgreSQL a deleted or updated
row stays in its page as a dead version until the table is rewritten: the
search index's rows go with the person's (its triggers), and after the commit
every table the erase wrote (and the search index) is rewritten with
``VACUUM (FULL, ANALYZE)`` (new files, its indexes and TOAST too, and fresh
statistics, which sample values; each table is locked for the seconds that
takes). That needs the owner of the tables, which is
checked before anything is written. The server's write-ahead log keeps the
old rows until it recycles its segments (minutes to hours, the server's
``checkpoint_timeout`` and ``max_wal_size``); older backups still hold them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import sqlalchemy as sa

from relationapp.data.db import Database, recording_writes
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
    bump,
)
from relationapp.errors import NotFound, ValidationError
from relationapp.services.common.sql import holds_text
from relationapp.services.customers import search
from relationapp.services.data_care.everything import tables, to_text
from relationapp.text.catalogue import _

REMOVED = "[removed]"


def find_person_id(db: Database, *, name_or_id: str) -> int:
    """A person by id or exact name (any case); refuses a name that several people share."""
    text = str(name_or_id).strip()
    with db.read() as session:
        if text.isdigit() and session.get(Person, int(text)) is not None:
            return int(text)
        ids = session.execute(sa.select(Person.id).where(sa.func.lower(Person.name) == text.lower())).scalars().all()
    if not ids:
        raise NotFound(_("No person called '{name}'.").format(name=text))
    if len(ids) > 1:
        raise ValidationError(_("{count} people are called '{name}'; use the id ({ids}).").format(
            count=len(ids), name=text, ids=", ".join(map(str, ids))))
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
            raise NotFound(_("Person #{id} does not exist.").format(id=person_id))
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
            # every other record that mentions them (account notes, a colleague's notes, another account's touch ...)
            "mentions": [{"table": m.table, "record": m.record_id, "field": m.field, "text": m.text}
                         for m in _find(session, person)],
        }
    return PersonData(person_id, me["name"], sections)


# --- where they are mentioned ---------------------------------------------------

@dataclass(frozen=True)
class Mention:
    """One text field of one record that mentions the person."""

    table: str
    record_id: int | str  # the primary key ("a/b" for a key of several columns)
    field: str
    excerpt: str  # a short piece around the first mention
    text: str  # the whole field as it is now (for the access request)
    near: bool = False  # in their own account: first and last name alone count too
    key: tuple = ()  # the primary key values, in column order


# someone else may share the name: other records' own names and addresses are theirs, not a mention
_IDENTITY = {"name", "email", "phone"}
# name particles are words of their own in other text ("Jan van der Berg": "van", "der" stay)
_PARTICLES = {
    "van", "von", "der", "den", "des", "het", "ten", "ter", "tot", "uit", "vom", "zum", "zur", "del", "della",
    "dos", "das", "bin", "ibn", "ben", "mac", "les", "aan", "bij", "voor", "onder", "over", "op", "de", "da", "di",
}
_MIN_WORD = 3  # a first or last name of 2 letters or fewer is never matched on its own
_EXCERPT = 40  # characters either side of the mention


def _is_text(col: sa.Column) -> bool:
    kind = col.type
    return isinstance(kind, sa.String) or isinstance(getattr(kind, "impl_instance", None), sa.String)  # AutoString


def _identifiers(person: Person) -> list[str]:
    """What identifies them anywhere: full name, e-mail, phone."""
    return [n.strip() for n in (person.name, person.email, person.phone) if n and len(n.strip()) >= _MIN_WORD]


def _name_parts(name: str) -> list[str]:
    """First name alone, last name alone (with and without its particles), hyphenated parts."""
    words = name.split()
    if len(words) < 2:
        return []
    out = []
    surname = [w for w in words[1:] if w.casefold() not in _PARTICLES] or words[-1:]
    out.append(" ".join(words[1:]))  # "de Vries"
    for word in (words[0], surname[-1], *surname):
        word = word.strip(".,;:'\"()")
        out.append(word)
        out += [part for part in re.split(r"[-\u2010\u2011]", word) if part != word]
    return [w for w in out if len(w) >= _MIN_WORD and w.casefold() not in _PARTICLES]


def _letter(ch: str) -> str:
    """One character of a needle: an accented letter also matches its plain form ("Zoë", "Zoe")."""
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    if base and base != ch:
        return f"(?:{re.escape(ch)}|{re.escape(base)})"
    if ch.isspace():
        return r"\s+"
    return re.escape(ch)


# Phones compare on the national number: "+31 6 1234 5678", "0031 6 12345678",
# "06-12345678" and "0612345678" are one number. A leading +CC or 00CC of one of
# these country codes (with a "(0)" after it) or the national trunk prefix 0 is
# taken off; the rest (the national significant number) must appear with one of
# those prefixes in front. As in ``customers.matching.phone_key`` a number written
# nationally (06...) is taken to be in any of these countries.
_COUNTRY_CODES = ("352", "31", "32", "33", "41", "43", "44", "49")  # LU, NL, BE, FR, CH, AT, UK, DE
_PHONE_SEP = r"[\s\-./()]*"
_PHONE_SEPARATORS = (" ", "-", ".", "/", "(", ")")  # what the cheap SQL filter takes out


def _national_number(phone: str) -> tuple[str | None, str]:
    """(country code or None, the national significant number); ("", digits) when no prefix is known."""
    text = phone.strip()
    digits = re.sub(r"\D", "", text)
    international = None
    if text.startswith("+"):
        international = digits
    elif digits.startswith("00"):
        international = digits[2:]
    if international is not None:
        for code in _COUNTRY_CODES:
            if international.startswith(code):
                rest = international[len(code):]
                return code, rest[1:] if rest.startswith("0") else rest  # "+31 (0)6 ..."
        return "", digits
    if digits.startswith("0"):
        return None, digits[1:]
    return "", digits


def _phone_pattern(phone: str) -> str | None:
    digits = re.sub(r"\D", "", phone)
    if len(digits) < 6:
        return None
    code, national = _national_number(phone)
    if code == "" or len(national) < 6:  # an unknown country or no prefix: the digits as written
        return _PHONE_SEP.join(digits)
    codes = (code,) if code else _COUNTRY_CODES
    prefix = (r"(?:0|(?:\+|00)" + _PHONE_SEP + "(?:" + "|".join(codes) + ")" + _PHONE_SEP + "(?:0" + _PHONE_SEP + ")?)")
    return prefix + _PHONE_SEP + _PHONE_SEP.join(national)


def _pattern(needles: list[str], phone: str | None = None) -> re.Pattern | None:
    """Whole words only, any case (Unicode), longest first."""
    alternatives = ["".join(_letter(c) for c in n)
                    for n in sorted({n for n in needles if n}, key=len, reverse=True)]
    if phone:
        digits = _phone_pattern(phone)
        if digits:
            alternatives.append(digits)
    if not alternatives:
        return None
    return re.compile(r"(?<![\w@])(?:" + "|".join(alternatives) + r")(?![\w@])", re.IGNORECASE)


def _prefilter_runs(needles: list[str], phone: str | None) -> list[str] | None:
    """ASCII pieces every match contains (SQLite's lower() knows only ASCII); None: no cheap filter.

    The phone's piece (its last four digits) is looked for in the text with
    ``_PHONE_SEPARATORS`` taken out (``_cheap_filter``), so "06 12 34 56 78" passes too.
    """
    runs = []
    for needle in needles:
        pieces = re.findall(r"[A-Za-z0-9@._-]+", unicodedata.normalize("NFD", needle))
        if not pieces:
            return None
        runs.append(max(pieces, key=len).lower())
    if phone:
        digits = re.sub(r"\D", "", phone)
        if len(digits) >= 6:
            runs.append(digits[-4:])  # the last four digits, once the separators are out
    return sorted(set(runs))


def _without_separators(column):
    for sep in _PHONE_SEPARATORS:
        column = sa.func.replace(column, sep, "")
    return column


def _cheap_filter(columns, runs: list[str]):
    """Rows where some column holds some run (digits-only runs: with the phone separators out)."""
    conditions = []
    for c in columns:
        for r in runs:
            text = _without_separators(sa.func.lower(c)) if r.isdigit() else sa.func.lower(c)
            conditions.append(holds_text(text, r))
    return sa.or_(*conditions)


def _scope_conditions(table: sa.Table, person: Person):
    """Records of the person's own account (and its people and touches), as a WHERE clause or None."""
    account_id = person.account_id
    people = (sa.select(Person.id).where(Person.account_id == account_id) if account_id is not None
              else sa.select(Person.id).where(Person.id == person.id))
    theirs = sa.select(InteractionPerson.interaction_id).where(InteractionPerson.person_id.in_(people))
    touches = sa.union(sa.select(Interaction.id).where(Interaction.account_id == account_id), theirs) \
        if account_id is not None else theirs
    conditions = []
    if table is Account.__table__ and account_id is not None:
        conditions.append(table.c.id == account_id)
    if table is Person.__table__:
        conditions.append(sa.and_(table.c.id.in_(people), table.c.id != person.id))  # their own row goes
    if table is Interaction.__table__:
        conditions.append(table.c.id.in_(touches))
    for col in table.columns:
        for fk in col.foreign_keys:
            target = fk.column.table.name
            if target == "account" and account_id is not None:
                conditions.append(col == account_id)
            elif target == "person":
                conditions.append(col.in_(people))
            elif target == "interaction":
                conditions.append(col.in_(touches))
    return sa.or_(*conditions) if conditions else None


def _excerpt(text: str, match: re.Match) -> str:
    start, end = max(match.start() - _EXCERPT, 0), min(match.end() + _EXCERPT, len(text))
    piece = " ".join(text[start:end].split())
    return ("…" if start > 0 else "") + piece + ("…" if end < len(text) else "")


def _find(session, person: Person) -> list[Mention]:
    identifiers = _identifiers(person)
    everywhere = _pattern(identifiers, person.phone)
    nearby = _pattern(identifiers + _name_parts(person.name or ""), person.phone)
    runs = _prefilter_runs(identifiers, person.phone)
    found: dict[tuple, Mention] = {}
    for table in tables():
        pk = list(table.primary_key.columns)
        columns = [c for c in table.columns
                   if _is_text(c) and not c.primary_key and not c.foreign_keys and c.name not in _IDENTITY]
        if not pk or not columns:
            continue
        searches = []
        scope = _scope_conditions(table, person)
        if scope is not None and nearby is not None:
            searches.append((nearby, scope, True))
        if everywhere is not None:
            cheap = None if runs is None else _cheap_filter(columns, runs)
            searches.append((everywhere, cheap, False))
        for pattern, where, near in searches:
            query = sa.select(*pk, *columns)
            if where is not None:
                query = query.where(where)
            for row in session.execute(query):
                key = tuple(row[: len(pk)])
                if table is Person.__table__ and key == (person.id,):
                    continue
                for col, value in zip(columns, row[len(pk):]):
                    if not value or (table.name, key, col.name) in found:
                        continue
                    match = pattern.search(value)
                    if match:
                        record = key[0] if len(key) == 1 else "/".join(map(str, key))
                        found[(table.name, key, col.name)] = Mention(
                            table.name, record, col.name, _excerpt(value, match), value, near, key)
    return list(found.values())


def _patterns_for(person: Person) -> tuple[re.Pattern | None, re.Pattern | None]:
    identifiers = _identifiers(person)
    return (_pattern(identifiers, person.phone),
            _pattern(identifiers + _name_parts(person.name or ""), person.phone))


def find_mentions(db: Database, *, person_id: int) -> list[Mention]:
    """Every record that mentions the person, as erase would scrub it.

    Full name, e-mail and phone anywhere; first name alone and last name alone
    (whole words, any case; names of two letters or fewer and particles such
    as "de" never alone) in their own account: its notes, its people's notes,
    its touches, follow-ups, referrals and NPS comments.
    """
    with db.read() as session:
        person = session.get(Person, person_id)
        if person is None:
            raise NotFound(_("Person #{id} does not exist.").format(id=person_id))
        return _find(session, person)


# --- forgetting them -----------------------------------------------------------

@dataclass(frozen=True)
class EraseResult:
    person_id: int
    interactions_kept: int
    interactions_deleted: int
    texts_scrubbed: int


def _scrub(session, person: Person, mentions: list[Mention]) -> int:
    """Replace every mention in exactly the fields the finder listed."""
    everywhere, nearby = _patterns_for(person)
    by_name = {t.name: t for t in tables()}
    changed = 0
    for mention in mentions:
        pattern = nearby if mention.near else everywhere
        new = pattern.sub(REMOVED, mention.text) if pattern is not None else mention.text
        if new != mention.text:
            table = by_name[mention.table]
            where = sa.and_(*(c == v for c, v in zip(table.primary_key.columns, mention.key)))
            session.execute(sa.update(table).where(where).values({mention.field: new, **bump(table)}))
            changed += 1
    return changed


def erase_person(db: Database, *, person_id: int, keep_interactions: bool = True) -> EraseResult:
    """Forget a person for good (see the module text). Cannot be undone (except from a backup)."""
    if not db.is_sqlite:
        _check_may_rewrite(db)
    with recording_writes() as written, db.write() as session:
        if db.is_sqlite:
            session.execute(sa.text("PRAGMA secure_delete=ON"))
        person = session.get(Person, person_id)
        if person is None:
            raise NotFound(_("Person #{id} does not exist.").format(id=person_id))
        mentions = _find(session, person)  # before the links that define their account's touches go
        scrubbed = _scrub(session, person, mentions)
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
        session.execute(sa.update(FollowUp).where(FollowUp.person_id == person_id).values(person_id=None, **bump(FollowUp)))
        own_account = session.get(Account, person.account_id) if person.account_id else None
        _forget_synced_card(session, person_id)
        session.execute(sa.delete(Person.__table__).where(Person.id == person_id))
        if own_account is not None and own_account.kind == "private" and own_account.name == person.name:
            # a private customer's account carries their name: it keeps its history under no name
            session.execute(sa.update(Account).where(Account.id == own_account.id)
                            .values(name=REMOVED, email=None, phone=None, street=None, **bump(Account)))
        search.purge_deleted_text(session)
    if db.is_sqlite:
        _checkpoint(db)
    else:
        _rewrite_tables(db, written, deleted={"person", "interaction"} if deleted else {"person"})
    return EraseResult(person_id, touched - deleted, deleted, scrubbed)


def _forget_synced_card(session, person_id: int) -> None:
    """Their card on the phone is the user's own: it stays there, but our copy of its fields (the sync's
    base, a conflict's values) goes, and the card is no longer linked to anyone here."""
    from relationapp.data.models import SyncCollection, SyncConflict, SyncItem

    items = (sa.select(SyncItem.id).join(SyncCollection, SyncCollection.id == SyncItem.collection_id)
             .where(SyncCollection.kind == "contacts", SyncItem.local_id == person_id))
    session.execute(sa.delete(SyncConflict).where(SyncConflict.item_id.in_(items)))
    session.execute(sa.update(SyncItem).where(SyncItem.id.in_(items)).values(local_id=None, base=None, pending=None))


def _checkpoint(db: Database) -> None:
    """Move the WAL into the database file and truncate it: the old pages leave the WAL."""
    db.engine.dispose()  # idle pooled connections would keep old snapshots alive
    con = db.raw_connection()
    try:
        con.execute("PRAGMA secure_delete=ON")
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()


# the tables an erase may write (directly or through their triggers): the person's row and its links,
# every text column that can mention them, and the search index
def _erased_tables() -> list[str]:
    return [*(t.name for t in tables()), "search_index"]


_NOT_OURS = sa.text(
    "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname = ANY(:names) "
    "AND NOT pg_has_role(c.relowner, 'USAGE') "
    "AND NOT pg_has_role((SELECT datdba FROM pg_database WHERE datname = current_database()), 'USAGE') "
    "ORDER BY c.relname")


def _check_may_rewrite(db: Database) -> None:
    """PostgreSQL rewrites a table only for its owner (or the database's): refuse before anything is written."""
    with db.read() as session:
        foreign = session.execute(_NOT_OURS, {"names": _erased_tables()}).scalars().all()
    if foreign:
        raise ValidationError(_("Erasing rewrites the tables that held the name, which only their owner may do; "
                                "{user} does not own {tables}. Erase as the user that made the database.").format(
            user=sa.engine.make_url(db.url).username, tables=", ".join(foreign[:3])))


def _cascaded(deleted: set[str]) -> set[str]:
    """The tables the database itself wrote when rows of ``deleted`` went (ON DELETE CASCADE / SET NULL,
    unseen by ``recording_writes``: the person's contact points, dates, NPS answers ...), and so on down."""
    found, todo = set(), list(deleted)
    while todo:
        parent = todo.pop()
        for table in tables():
            for fk in table.foreign_keys:
                if fk.column.table.name != parent or table.name in found:
                    continue
                rule = (fk.ondelete or "").upper()
                if rule in ("CASCADE", "SET NULL"):
                    found.add(table.name)
                    if rule == "CASCADE":
                        todo.append(table.name)
    return found


def _rewrite_tables(db: Database, written: set[str], *, deleted: set[str]) -> None:
    """VACUUM FULL of the tables the erase wrote, itself or by cascade: their dead row versions (the old
    names, addresses, notes) leave the files."""
    names = sorted(({*written, "search_index"} | _cascaded(deleted)) & set(_erased_tables()))
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        for name in names:  # names of our own schema, not user text
            conn.exec_driver_sql(f'VACUUM (FULL, ANALYZE) "{name}"')
