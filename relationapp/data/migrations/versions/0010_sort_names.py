"""Lists sort names as people read them: Böcker among the B, Łukasz among the L, not after Z

Revision ID: 0010_sort_names
Revises: 0009_search_folding
Create Date: 2026-12-03

``account.sort_name`` and ``person.sort_name`` are generated columns (virtual
on SQLite, so nothing is stored in the table and any SQLite client that
writes a name keeps them right): the name in lower case with the accents of
the Latin letters taken off and ı, ł, ø, ß, æ, œ, đ, ð, þ written plainly.
SQLite's ``lower()`` knows only ASCII, so each of the first ten letters is
looked up in a CASE of the accented letters (the rest is only lower-cased),
and only for names that hold a letter beyond ASCII (most do not, so an
import pays almost nothing). An index on (archived, sort_name) keeps
the lists' first page a seek. The models do not declare the columns
(``data.migrate.include_name`` leaves them out of the schema comparison):
nothing writes them.

PostgreSQL: a stored generated column (it has no virtual ones) of an
IMMUTABLE function, ``relationapp_sort_name(text)``, with the same key: the
first ten letters folded by the same table (replace() for the letters that
become two, translate() for the others and for A-Z), the rest in lower case
A-Z only (as SQLite's lower()), in the "C" collation (SQLite's BINARY order).
"""
import unicodedata

from alembic import op

revision = "0010_sort_names"
down_revision = "0009_search_folding"
branch_labels = None
depends_on = None

# letters without a decomposition, as services/customers/search.py FOLDS (a test keeps them equal)
PLAIN = {"ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae",
         "œ": "oe", "Œ": "oe", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "ħ": "h", "Ħ": "h"}


def _letters() -> list[tuple[str, str]]:
    """Every letter of Latin-1 and Latin Extended-A (and Romanian ș ț) with the plain lower-case letters it sorts as."""
    pairs = []
    for code in [*range(0xC0, 0x180), *range(0x218, 0x21C), 0x1E9E]:
        letter = chr(code)
        if not letter.isalpha():
            continue
        plain = PLAIN.get(letter) or "".join(c for c in unicodedata.normalize("NFKD", letter)
                                             if not unicodedata.combining(c)).lower()
        if plain != letter and plain.isascii() and plain.isalpha():
            pairs.append((letter, plain))
    return pairs


FOLDED_LETTERS = 10  # the first letters are folded one by one (SQLite's parser allows no deep nesting of replace())


def _letter_sql(column: str, position: int) -> str:
    letter = f"substr({column}, {position}, 1)"
    cases = " ".join(f"WHEN '{accented}' THEN '{plain}'" for accented, plain in _letters())
    return f"CASE {letter} {cases} ELSE lower({letter}) END"


def sort_key_sql(column: str) -> str:
    folded = " || ".join(_letter_sql(column, position) for position in range(1, FOLDED_LETTERS + 1))
    rest = f"lower(substr({column}, {FOLDED_LETTERS + 1}))"
    # GLOB's [^ -~] is any character outside printable ASCII: most names skip the folding
    return f"CASE WHEN {column} GLOB '*[^ -~]*' THEN {folded} || {rest} ELSE lower({column}) END"


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def pg_sort_key_sql(column: str) -> str:
    """PostgreSQL's spelling of ``sort_key_sql``: the same key for every name."""
    head = f"left({column}, {FOLDED_LETTERS})"
    for accented, plain in _letters():
        if len(plain) > 1:
            head = f"replace({head}, {_quoted(accented)}, {_quoted(plain)})"
    single = [(accented, plain) for accented, plain in _letters() if len(plain) == 1]
    head = (f"translate({head}, {_quoted(''.join(a for a, _ in single) + _UPPER)}, "
            f"{_quoted(''.join(p for _, p in single) + _UPPER.lower())})")
    return f"{head} || translate(substr({column}, {FOLDED_LETTERS + 1}), '{_UPPER}', '{_UPPER.lower()}')"


TABLES = ("account", "person")


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if not sqlite:
        op.execute("CREATE FUNCTION relationapp_sort_name(name text) RETURNS text LANGUAGE sql IMMUTABLE "
                   f"PARALLEL SAFE AS $$ SELECT {pg_sort_key_sql('name')} $$")
    for table in TABLES:
        if sqlite:
            op.execute(f"ALTER TABLE {table} ADD COLUMN sort_name TEXT GENERATED ALWAYS AS ({sort_key_sql('name')}) VIRTUAL")
        else:  # PostgreSQL knows only stored generated columns
            op.execute(f'ALTER TABLE {table} ADD COLUMN sort_name TEXT COLLATE "C" '
                       "GENERATED ALWAYS AS (relationapp_sort_name(name)) STORED")
        op.execute(f"CREATE INDEX ix_{table}_archived_sort_name ON {table} (archived, sort_name, id)")


def downgrade() -> None:
    for table in TABLES:
        op.execute(f"DROP INDEX ix_{table}_archived_sort_name")
        op.execute(f"ALTER TABLE {table} DROP COLUMN sort_name")
    if op.get_bind().dialect.name != "sqlite":
        op.execute("DROP FUNCTION IF EXISTS relationapp_sort_name(text)")
