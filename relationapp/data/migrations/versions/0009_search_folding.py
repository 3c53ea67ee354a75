"""Find anyone folds the letters FTS5 keeps: "Yilmaz" finds Yılmaz, "Lukasz" finds Łukasz

Revision ID: 0009_search_folding
Revises: 0008_contacts_and_mail
Create Date: 2026-12-02

FTS5's ``remove_diacritics`` folds letters with a Unicode decomposition
(ö, é, ş) but not ı, ł, ø, ß, æ, œ, đ, ð, þ. The triggers now index a
folded copy of the text after it when the two differ (plain ``replace()``,
so any SQLite client can write to the file), and the search folds the typed
words the same way (``services.customers.search.fold``). The index is
rebuilt once (about 200,000 rows at scale L).

PostgreSQL: nothing to do; its index (revision 0003) folds these letters from the start.
"""
from alembic import op

revision = "0009_search_folding"
down_revision = "0008_contacts_and_mail"
branch_labels = None
depends_on = None

# the same pairs as services/customers/search.py FOLDS (a test keeps them equal)
FOLDS = (("ı", "i"), ("ł", "l"), ("Ł", "l"), ("ø", "o"), ("Ø", "o"), ("ß", "ss"), ("ẞ", "ss"), ("æ", "ae"),
         ("Æ", "ae"), ("œ", "oe"), ("Œ", "oe"), ("đ", "d"), ("Đ", "d"), ("ð", "d"), ("Ð", "d"), ("þ", "th"),
         ("Þ", "th"), ("ħ", "h"), ("Ħ", "h"))


def _folded(expression: str) -> str:
    for letter, plain in FOLDS:
        expression = f"replace({expression}, '{letter}', '{plain}')"
    return expression


def _with_folded(expression: str) -> str:
    folded = _folded(expression)
    return f"({expression}) || CASE WHEN {folded} <> ({expression}) THEN ' ' || {folded} ELSE '' END"


def _account(row: str) -> str:
    return (f"{row}name || ' ' || coalesce({row}city, '') || ' ' || coalesce({row}postcode, '') || ' ' || "
            f"coalesce({row}email, '') || ' ' || coalesce({row}phone, '')")


def _person(row: str) -> str:
    return (f"{row}name || ' ' || coalesce({row}email, '') || ' ' || coalesce({row}phone, '') || ' ' || "
            f"coalesce({row}job_title, '')")


TRIGGERS = ("account_insert", "account_update", "account_delete", "person_insert", "person_update", "person_delete")


def _create_triggers(text_of, *, rebuild: bool = True) -> None:
    account, person = text_of(_account("NEW.")), text_of(_person("NEW."))
    op.execute(f"CREATE TRIGGER search_account_insert AFTER INSERT ON account BEGIN "
               f"INSERT INTO search_index(rowid, text) VALUES (2 * NEW.id, {account}); END")
    op.execute(f"CREATE TRIGGER search_account_update AFTER UPDATE OF name, city, postcode, email, phone ON account "
               f"BEGIN DELETE FROM search_index WHERE rowid = 2 * OLD.id; "
               f"INSERT INTO search_index(rowid, text) VALUES (2 * NEW.id, {account}); END")
    op.execute("CREATE TRIGGER search_account_delete AFTER DELETE ON account BEGIN "
               "DELETE FROM search_index WHERE rowid = 2 * OLD.id; END")
    op.execute(f"CREATE TRIGGER search_person_insert AFTER INSERT ON person BEGIN "
               f"INSERT INTO search_index(rowid, text) VALUES (2 * NEW.id + 1, {person}); END")
    op.execute(f"CREATE TRIGGER search_person_update AFTER UPDATE OF name, email, phone, job_title ON person "
               f"BEGIN DELETE FROM search_index WHERE rowid = 2 * OLD.id + 1; "
               f"INSERT INTO search_index(rowid, text) VALUES (2 * NEW.id + 1, {person}); END")
    op.execute("CREATE TRIGGER search_person_delete AFTER DELETE ON person BEGIN "
               "DELETE FROM search_index WHERE rowid = 2 * OLD.id + 1; END")
    if not rebuild:  # the same text, made another way (revision 0022)
        return
    op.execute("DELETE FROM search_index")
    op.execute(f"INSERT INTO search_index(rowid, text) SELECT 2 * id, {text_of(_account(''))} FROM account")
    op.execute(f"INSERT INTO search_index(rowid, text) SELECT 2 * id + 1, {text_of(_person(''))} FROM person")


def _drop_triggers() -> None:
    for trigger in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS search_{trigger}")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    _drop_triggers()
    _create_triggers(_with_folded)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    _drop_triggers()
    _create_triggers(lambda expression: expression)
