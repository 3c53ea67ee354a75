"""full-text search over accounts and people, kept current by triggers

Revision ID: 0003_search_index
Revises: 0002_list_indexes
Create Date: 2026-11-22

An FTS5 table (SQLite only; other databases search with LIKE). Row ids are
2*id for accounts and 2*id+1 for people, so both live in one index.

PostgreSQL gets the same index as a token table kept by plpgsql triggers:
``search_index(row_id, token)``, one row per distinct word, folded as FTS5's
``unicode61 remove_diacritics 2`` folds it and as revision 0009 adds (ı, ł,
ø, ß ... written plainly), in the "C" collation so that a word prefix is an
index range (services/customers/search.py). The folding and the words are
IMMUTABLE SQL functions written out here (no extension needed):
``relationapp_search_fold(text)`` and ``relationapp_search_words(text)``, which
the search applies to the typed text too. Revisions 0009 and 0011 change
nothing there: the folding and the prefixes are in from the start.
"""
import unicodedata

from alembic import op

revision = "0003_search_index"
down_revision = "0002_list_indexes"
branch_labels = None
depends_on = None

ACCOUNT_TEXT = "NEW.name || ' ' || coalesce(NEW.city, '') || ' ' || coalesce(NEW.postcode, '') || ' ' || coalesce(NEW.email, '') || ' ' || coalesce(NEW.phone, '')"
PERSON_TEXT = "NEW.name || ' ' || coalesce(NEW.email, '') || ' ' || coalesce(NEW.phone, '') || ' ' || coalesce(NEW.job_title, '')"

STATEMENTS = [
    "CREATE VIRTUAL TABLE search_index USING fts5(text, tokenize = 'unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER search_account_insert AFTER INSERT ON account BEGIN "
    f"INSERT INTO search_index(rowid, text) VALUES (2 * NEW.id, {ACCOUNT_TEXT}); END",
    f"CREATE TRIGGER search_account_update AFTER UPDATE OF name, city, postcode, email, phone ON account BEGIN "
    f"DELETE FROM search_index WHERE rowid = 2 * OLD.id; "
    f"INSERT INTO search_index(rowid, text) VALUES (2 * NEW.id, {ACCOUNT_TEXT}); END",
    "CREATE TRIGGER search_account_delete AFTER DELETE ON account BEGIN "
    "DELETE FROM search_index WHERE rowid = 2 * OLD.id; END",
    f"CREATE TRIGGER search_person_insert AFTER INSERT ON person BEGIN "
    f"INSERT INTO search_index(rowid, text) VALUES (2 * NEW.id + 1, {PERSON_TEXT}); END",
    f"CREATE TRIGGER search_person_update AFTER UPDATE OF name, email, phone, job_title ON person BEGIN "
    f"DELETE FROM search_index WHERE rowid = 2 * OLD.id + 1; "
    f"INSERT INTO search_index(rowid, text) VALUES (2 * NEW.id + 1, {PERSON_TEXT}); END",
    "CREATE TRIGGER search_person_delete AFTER DELETE ON person BEGIN "
    "DELETE FROM search_index WHERE rowid = 2 * OLD.id + 1; END",
    # what is already there
    "INSERT INTO search_index(rowid, text) SELECT 2 * id, name || ' ' || coalesce(city, '') || ' ' || "
    "coalesce(postcode, '') || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '') FROM account",
    "INSERT INTO search_index(rowid, text) SELECT 2 * id + 1, name || ' ' || coalesce(email, '') || ' ' || "
    "coalesce(phone, '') || ' ' || coalesce(job_title, '') FROM person",
]


# --- PostgreSQL ------------------------------------------------------------------------------
# letters without a decomposition, written plainly (revision 0009's FOLDS, services/customers/search.py)
PG_PLAIN = {"ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae",
            "œ": "oe", "Œ": "oe", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "ħ": "h", "Ħ": "h"}
# what separates words: ASCII and Latin-1 punctuation, symbols and spaces, general punctuation, arrows,
# mathematical and other symbols, CJK and full-width punctuation (the same whatever the server's locale)
PG_SEPARATORS = r"[\x01-\x2f\x3a-\x40\x5b-\x60\x7b-\xbf\xd7\xf7\u2000-\u2bff\u3000-\u303f\ufe30-\ufe4f\uff00-\uff20]+"


def pg_letter_folds() -> list[tuple[str, str]]:
    """Every Latin letter with a diacritic (and those of PG_PLAIN) with the plain lower-case letters it is searched as."""
    pairs = []
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        letter = chr(code)
        if not letter.isalpha():
            continue
        plain = PG_PLAIN.get(letter) or "".join(c for c in unicodedata.normalize("NFKD", letter)
                                                if not unicodedata.combining(c)).lower()
        if plain != letter and plain.isascii() and plain.isalpha():
            pairs.append((letter, plain))
    return pairs


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def pg_fold_sql(expression: str) -> str:
    """``expression`` in lower case with its Latin letters plain: replace() for the letters that become two, one
    translate() for the rest, then lower() (only ASCII and non-Latin letters are left for it)."""
    pairs = pg_letter_folds()
    for letter, plain in pairs:
        if len(plain) > 1:
            expression = f"replace({expression}, {_quoted(letter)}, {_quoted(plain)})"
    single = [(letter, plain) for letter, plain in pairs if len(plain) == 1]
    return (f"lower(translate({expression}, {_quoted(''.join(a for a, _ in single))}, "
            f"{_quoted(''.join(b for _, b in single))}))")


def _pg_text(row: str, columns: tuple[str, ...]) -> str:
    return " || ' ' || ".join([f"{row}{columns[0]}", *(f"coalesce({row}{c}, '')" for c in columns[1:])])


PG_SOURCES = {  # table: (row id, the columns it is found by)
    "account": ("2 * {row}id", ("name", "city", "postcode", "email", "phone")),
    "person": ("2 * {row}id + 1", ("name", "email", "phone", "job_title")),
}


def pg_statements() -> list[str]:
    statements = [
        "CREATE TABLE search_index (token text COLLATE \"C\" NOT NULL, row_id bigint NOT NULL, "
        "PRIMARY KEY (token, row_id))",
        "CREATE INDEX ix_search_index_row_id ON search_index (row_id)",
        "CREATE FUNCTION relationapp_search_fold(words text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE "
        f"AS $$ SELECT {pg_fold_sql('words')} $$",
        "CREATE FUNCTION relationapp_search_words(words text) RETURNS TABLE (word text, n bigint) "
        "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ "
        f"SELECT w, n FROM regexp_split_to_table(relationapp_search_fold(words), {_quoted(PG_SEPARATORS)}) "
        "WITH ORDINALITY AS t(w, n) WHERE w <> '' $$",
    ]
    for table, (row_id, columns) in PG_SOURCES.items():
        old, new = row_id.format(row="OLD."), row_id.format(row="NEW.")
        statements += [
            f"CREATE FUNCTION search_index_{table}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF TG_OP <> 'INSERT' THEN DELETE FROM search_index WHERE row_id = {old}; END IF; "
            f"IF TG_OP <> 'DELETE' THEN INSERT INTO search_index (token, row_id) SELECT DISTINCT word, {new} "
            f"FROM relationapp_search_words({_pg_text('NEW.', columns)}); END IF; "
            "RETURN NULL; END $$",
            f"CREATE TRIGGER search_{table} AFTER INSERT OR DELETE OR UPDATE OF {', '.join(columns)} ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION search_index_{table}()",
            f"INSERT INTO search_index (token, row_id) SELECT DISTINCT w.word, {row_id.format(row='')} "
            f"FROM {table}, relationapp_search_words({_pg_text('', columns)}) AS w",
        ]
    return statements


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in pg_statements():
            op.execute(statement)
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in PG_SOURCES:
            op.execute(f"DROP TRIGGER IF EXISTS search_{table} ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS search_index_{table}()")
        op.execute("DROP TABLE IF EXISTS search_index")
        op.execute("DROP FUNCTION IF EXISTS relationapp_search_words(text)")
        op.execute("DROP FUNCTION IF EXISTS relationapp_search_fold(text)")
    if op.get_bind().dialect.name != "sqlite":
        return
    for trigger in ("account_insert", "account_update", "account_delete", "person_insert", "person_update", "person_delete"):
        op.execute(f"DROP TRIGGER IF EXISTS search_{trigger}")
    op.execute("DROP TABLE IF EXISTS search_index")
