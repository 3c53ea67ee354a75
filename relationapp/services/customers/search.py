"""Find anyone: accounts and people by any word of their name, city, e-mail or phone.

SQLite uses the FTS5 table ``search_index`` (revision 0003, kept current by
triggers; each word matches as a prefix, diacritics ignored). PostgreSQL has
the same index as a table of words (revision 0003 too), folded by the same
rules: ``word_matches`` finds the rows holding every typed word as a prefix.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import sqlalchemy as sa

from relationapp.data.db import Database, SqliteStatement, ids_in_json
from relationapp.data.models import Account, Person


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "account" or "person"
    id: int
    name: str
    detail: str | None  # city for an account, account name for a person
    account_id: int | None  # the account to open for either kind


_WORD = re.compile(r"\w+", re.UNICODE)
# letters without a Unicode decomposition, which FTS5's remove_diacritics keeps: the index holds a folded
# copy of each text (revision 0009, the same pairs), and typed words are folded the same way
FOLDS = (("ı", "i"), ("ł", "l"), ("Ł", "l"), ("ø", "o"), ("Ø", "o"), ("ß", "ss"), ("ẞ", "ss"), ("æ", "ae"),
         ("Æ", "ae"), ("œ", "oe"), ("Œ", "oe"), ("đ", "d"), ("Đ", "d"), ("ð", "d"), ("Ð", "d"), ("þ", "th"),
         ("Þ", "th"), ("ħ", "h"), ("Ħ", "h"))
_FOLD = str.maketrans(dict(FOLDS))


def fold(text: str) -> str:
    return text.translate(_FOLD)


def match_expression(text: str) -> str | None:
    """User text as an FTS5 query: every word must match as a prefix; no operators.

    A one-letter word matches as a whole token ("B.V."): as a prefix it would
    read the posting lists of half the dictionary. Words are folded (``fold``):
    "Yılmaz" and "Yilmaz" both find the folded copy in the index.
    """
    words = _WORD.findall(fold(text))
    if not words:
        return None
    return " ".join(f'"{w}"*' if len(w) > 1 else f'"{w}"' for w in words[:8])


def word_matches(text: str, *, parity: int | None = None, wanted: int | None = None):
    """PostgreSQL: the index rows (2 * id for accounts, 2 * id + 1 for people) that match like FTS5's
    ``match_expression(text)`` does, as a subquery of one ``row_id`` column: ``parity`` of one kind only,
    the first ``wanted`` by row id. The words are folded and the query planned for them on the server
    (``relationapp_word_rows``, revision 0020): the planner saw no word when the folding was part of it."""
    rows = sa.func.relationapp_word_rows(sa.bindparam("q", text, type_=sa.Text),
                                         sa.cast(sa.literal(parity), sa.Integer),
                                         sa.cast(sa.literal(wanted), sa.Integer))
    found = rows.table_valued(sa.column("row_id", sa.BigInteger)).render_derived(name="found")
    return sa.select(found.c.row_id).subquery("matches")


# more index matches than this: walk the list's own index in display order (stopping at the page)
# instead of reading every match and sorting them all (SQLite; a count on PostgreSQL)
BROAD = 5000


def list_filter(model, text: str, *, dialect: str, like_columns, session=None, page: int | None = None):
    """The WHERE clause of a list's type-to-filter box, for accounts or people.

    Words of two letters or more use the search index (each word a prefix of
    a word in the name, city, e-mail or phone); a single letter means "names
    starting with it" (an index range); text without words ("%_") falls back
    to a literal substring match.

    With a ``session`` the index is asked first for up to ``BROAD`` matches:
    that few are handed over as the ids themselves (a sort of a few thousand
    at most); more mean a broad word ('van', 'info'), and the clause then
    keeps SQLite off the id index (``id + 0``) so that it walks the list's
    order and stops at the LIMIT instead of sorting every match.

    ``page`` (PostgreSQL): the query is the first ``page`` rows in the order of
    an index of the list (its name order). A word most rows hold then walks
    that order (``walks``, ``_pg_walk``); another word's matches are read in
    the list's own statement. Without it (a count, another order) the first
    ``BROAD`` matches are asked first, as on SQLite.
    """
    words = _WORD.findall(text)
    if dialect == "postgresql" and words and max(len(w) for w in words) > 1:
        parity = 0 if model is Account else 1
        every = model.id.in_(sa.select(word_matches(text, parity=parity).c.row_id // 2))
        if session is None:
            return every
        if page is not None:
            if walks(session, text, parity=parity, page=page, table=model.__tablename__):
                return _pg_walk(model, text, parity)
            return every
        few = session.execute(sa.select(word_matches(text, parity=parity, wanted=BROAD + 1).c.row_id // 2)
                              ).scalars().all()
        if len(few) > BROAD:
            return every
        # one array parameter: thousands of IN parameters cost more than the search
        return model.id == sa.any_(sa.bindparam("few_ids", few, type_=sa.ARRAY(sa.BigInteger)))
    if dialect == "sqlite" and words and max(len(w) for w in words) > 1:
        parity = 0 if model is Account else 1
        ids = sa.select(sa.literal_column("rowid / 2")).select_from(sa.table("search_index")).where(
            sa.text("search_index MATCH :expression").bindparams(expression=match_expression(text)),
            sa.literal_column("rowid % 2") == parity,
        )
        if session is None:
            return model.id.in_(ids)
        few = session.execute(ids.limit(BROAD + 1)).scalars().all()
        if len(few) > BROAD:
            return (model.id + 0).in_(ids)
        return model.id.in_(ids_in_json(json.dumps(few)))
    if len(text) == 1 and words:
        name, start = _name_key(model, dialect), _name_start(text, dialect)
        return sa.and_(name >= start, name < start + "\U0010ffff")
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return sa.or_(*(column.ilike(f"%{escaped}%", escape="\\") for column in like_columns))


# PostgreSQL: is the longest typed word so common among this kind that walking the list in its order finds a
# page sooner than reading and sorting every match? Walking asks about page / share rows, reading takes every
# match, at about the same cost per row: even at sqrt(page * rows) matches. Walk from twice that on, as the
# matches may cluster in the list's order ('van' accounts sort under V: walking them 110 ms, reading 40 ms;
# 'van' among people walked 9 ms, read 115 ms). The index holds a word once per row and field, near enough.
_PG_BROAD = sa.text("""
WITH cap AS MATERIALIZED (
  SELECT (2 * sqrt(CAST(:page AS bigint) * greatest(c.reltuples, 1)))::bigint + 1 AS n
  FROM pg_class AS c WHERE c.oid = CAST(:table AS regclass))
SELECT (SELECT count(*) FROM (
          SELECT 1 FROM search_index AS m,
               (SELECT s.word FROM relationapp_search_words(CAST(:q AS text)) AS s WHERE s.n <= 8
                ORDER BY length(s.word) DESC, s.word LIMIT 1) AS w
          WHERE m.token >= w.word
            AND m.token < w.word || CASE WHEN length(w.word) > 1 THEN chr(1114111) ELSE chr(1) END
            AND m.row_id % 2 = CAST(:parity AS integer)
          LIMIT (SELECT n FROM cap)) AS probe) >= (SELECT n FROM cap)
""")


def walks(session, text: str, *, parity: int, page: int, table: str) -> bool:
    """PostgreSQL: True when the first ``page`` rows of ``table`` that match ``text`` are found sooner by
    walking the list in its order than by reading every match (``_PG_BROAD``)."""
    return session.execute(_PG_BROAD, {"q": text, "parity": parity, "page": page, "table": table}).scalar_one()


def _pg_walk(model, text: str, parity: int):
    """Rows none of whose typed words is missing from their own index words (a one-letter word whole, the
    others as a prefix): checked per row through ``ix_search_index_row_id`` (row_id, token), so that the list
    walks its order and stops at its page (revision 0023)."""
    typed = sa.func.relationapp_search_words(sa.bindparam("walk_q", text, type_=sa.Text)).table_valued(
        sa.column("word", sa.Text), sa.column("n", sa.BigInteger)).alias("typed")
    own = sa.table("search_index", sa.column("row_id", sa.BigInteger), sa.column("token", sa.Text)).alias("own")
    end = typed.c.word + sa.case((sa.func.length(typed.c.word) > 1, sa.func.chr(1114111)), else_=sa.func.chr(1))
    has_word = sa.exists().where(own.c.row_id == model.id * 2 + parity, own.c.token >= typed.c.word,
                                 own.c.token < end).correlate_except(own)
    return ~sa.exists().select_from(typed).where(typed.c.n <= 8, ~has_word).correlate_except(typed)


def _name_key(model, dialect: str):
    """What a name prefix is compared with: the name (NOCASE on SQLite), or on PostgreSQL the name in lower case
    in the "C" order (SQLite's NOCASE is ASCII case folding in byte order)."""
    return model.name if dialect == "sqlite" else sa.func.lower(model.name).collate("C")


def _name_start(text: str, dialect: str) -> str:
    return text if dialect == "sqlite" else text.lower()


def _name_prefix(model, include_archived: bool, dialect: str = "sqlite"):
    """Names that start with the text, through the (archived, name) index."""
    name = _name_key(model, dialect)
    query = sa.select(model.id).where(name >= sa.bindparam("start"), name < sa.bindparam("stop"))
    if not include_archived:
        query = query.where(model.archived == sa.false())
    order = (name,) if dialect == "sqlite" else (name, model.id)  # SQLite's (archived, name) index ends in the id
    return query.order_by(*order).limit(sa.bindparam("limit"))


_ACCOUNT_ROWS = sa.select(Account.id, Account.name, Account.city, Account.archived)
_PERSON_ROWS = (sa.select(Person.id, Person.name, Person.account_id, Person.archived, Account.name.label("account"))
                .outerjoin(Account, Account.id == Person.account_id))
# SQLite: every statement compiled once and run on the plain sqlite3 connection, as building and
# compiling them cost many times SQLite's own work for a word that finds a handful of rows
_SQLITE = {
    "prefix": {(model, archived): SqliteStatement(_name_prefix(model, archived))
               for model in (Account, Person) for archived in (False, True)},
    "words": SqliteStatement(sa.select(sa.literal_column("rowid")).select_from(sa.table("search_index")).where(
        sa.text("search_index MATCH :q")).limit(sa.bindparam("n"))),
    "accounts": SqliteStatement(_ACCOUNT_ROWS.where(Account.id.in_(ids_in_json(sa.bindparam("ids"))))),
    "people": SqliteStatement(_PERSON_ROWS.where(Person.id.in_(ids_in_json(sa.bindparam("ids"))))),
}


def search(db: Database, *, text: str, limit: int = 20, include_archived: bool = False) -> list[SearchHit]:
    """Names starting with the text first (accounts, then people), then any word match.

    Ranking every FTS match (bm25) costs tens of milliseconds for a common
    word at 200,000 rows; a name-prefix look-up plus unranked word matches
    stays within a few.
    """
    text = (text or "").strip()
    if not text:
        return []
    bounds = {"start": text, "stop": text + "\U0010ffff", "limit": limit}
    wanted = limit * 2
    if db.is_sqlite:
        with db.sqlite_read() as con:
            account_ids = [r[0] for r in _SQLITE["prefix"][Account, include_archived].rows(con, **bounds)]
            person_ids = [r[0] for r in _SQLITE["prefix"][Person, include_archived].rows(con, **bounds)]
            expression = match_expression(text)
            rows = [] if expression is None else [r[0] for r in _SQLITE["words"].rows(con, q=expression, n=wanted * 2)]
            account_ids = _merged(account_ids, [r // 2 for r in rows if r % 2 == 0])
            person_ids = _merged(person_ids, [r // 2 for r in rows if r % 2 == 1])
            accounts = _SQLITE["accounts"].rows(con, ids=json.dumps(account_ids)) if account_ids else []
            people = _SQLITE["people"].rows(con, ids=json.dumps(person_ids)) if person_ids else []
        return _hits(account_ids, accounts, person_ids, people, limit, include_archived)
    start = _name_start(text, db.engine.dialect.name)
    bounds = {"start": start, "stop": start + "\U0010ffff", "limit": limit}
    matches = word_matches(text, wanted=wanted * 2)
    # the three id lists in one statement: on a server each statement is a round trip and a plan
    ids = sa.select(*(sa.func.array(query.scalar_subquery()) for query in (
        _name_prefix(Account, include_archived, "postgresql"), _name_prefix(Person, include_archived, "postgresql"),
        sa.select(matches.c.row_id))))
    with db.read() as session:
        account_ids, person_ids, rows = session.execute(ids, bounds).one()
        account_ids = _merged(account_ids, [r // 2 for r in rows if r % 2 == 0])
        person_ids = _merged(person_ids, [r // 2 for r in rows if r % 2 == 1])
        accounts = session.execute(_ACCOUNT_ROWS.where(Account.id.in_(account_ids))).all() if account_ids else []
        people = session.execute(_PERSON_ROWS.where(Person.id.in_(person_ids))).all() if person_ids else []
    return _hits(account_ids, accounts, person_ids, people, limit, include_archived)


def _merged(first: list[int], more) -> list[int]:
    """``first``, then the ids of ``more`` not in it, each once."""
    return list(dict.fromkeys([*first, *more]))


def _hits(account_ids: list[int], accounts, person_ids: list[int], people, limit: int,
          include_archived: bool) -> list[SearchHit]:
    """Hits in the order of the ids, from rows (id, name, city, archived) and (id, name, account id, archived, account)."""
    found = {r[0]: r for r in accounts}
    hits = [SearchHit("account", i, found[i][1], found[i][2], i)
            for i in account_ids if i in found and (include_archived or not found[i][3])][:limit]
    if person_ids:
        found = {r[0]: r for r in people}
        persons = [SearchHit("person", i, found[i][1], found[i][4], found[i][2])
                   for i in person_ids if i in found and (include_archived or not found[i][3])]
        # keep room for people when accounts alone would fill the list
        hits = hits[: max(limit - len(persons), limit // 2)] + persons
    return hits[:limit]


def purge_deleted_text(session) -> None:
    """Rewrite the index so deleted rows leave no trace in it (after a privacy erase).

    FTS5 keeps deleted terms in old segments until they are merged; with
    PRAGMA secure_delete on, the merge also zeroes the freed pages.
    """
    bind = session.get_bind()
    if bind.dialect.name == "sqlite":
        session.execute(sa.text("INSERT INTO search_index(search_index) VALUES ('optimize')"))
