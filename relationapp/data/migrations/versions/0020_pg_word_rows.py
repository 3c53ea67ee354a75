"""PostgreSQL: the search's word matches planned for the words typed

Revision ID: 0020_pg_word_rows
Revises: 0019_staff_managers
Create Date: 2026-12-07

``relationapp_word_rows(typed, parity, wanted)``: the index rows (2 * id for
accounts, 2 * id + 1 for people; ``parity`` one kind only, NULL both) that hold
every typed word as a prefix of one of their words (a one-letter word whole),
as FTS5's match does on SQLite, the first ``wanted`` by row id (NULL: all of
them, unordered, a row perhaps twice: for an IN).

Until now the words came from ``relationapp_search_words`` inside the query, so
the planner never saw them: it planned one way for 'van' (a tenth of the index)
and for a rare surname alike, and read and sorted every match before its LIMIT.
Here the words are folded first and the query is written with them (EXECUTE:
planned for these words each time): the longest word drives, the others are
checked per row through the row-id index, and for a broad word the plan walks
the row ids in order and stops at the limit. SQLite: nothing (FTS5 does this).
"""
from alembic import op

revision = "0020_pg_word_rows"
down_revision = "0019_staff_managers"
branch_labels = None
depends_on = None

WORD_ROWS = r"""
CREATE FUNCTION relationapp_word_rows(typed text, parity integer, wanted integer)
RETURNS SETOF bigint LANGUAGE plpgsql STABLE PARALLEL SAFE AS $body$
DECLARE
  words text[];
  word text;
  query text;
  i integer;
BEGIN
  SELECT array_agg(w.word ORDER BY length(w.word) DESC, w.word) INTO words
    FROM (SELECT DISTINCT s.word FROM relationapp_search_words(typed) AS s WHERE s.n <= 8) AS w;
  IF words IS NULL THEN
    RETURN;
  END IF;
  -- all of them (wanted NULL: a list's broad filter, an IN) in any order, each row perhaps more than once
  query := CASE WHEN wanted IS NULL THEN 'SELECT m.row_id' ELSE 'SELECT DISTINCT m.row_id' END
           || ' FROM search_index AS m WHERE ' || relationapp_word_test('m.token', words[1]);
  IF parity IS NOT NULL THEN
    query := query || format(' AND m.row_id %% 2 = %s', parity);
  END IF;
  FOR i IN 2 .. cardinality(words) LOOP
    -- (token || ''): each other word is checked on the row's own few words, through the row-id index. A
    -- prefix range's rows are guessed far too few (1 for the 508 of 'gmail'), and the planner then read
    -- the other word's whole range once per row of the first: 54 ms for 'gmail.com' at L, 17 ms so.
    query := query || format(' AND EXISTS (SELECT 1 FROM search_index AS o%s WHERE o%s.row_id = m.row_id AND %s)',
                             i, i, relationapp_word_test(format('(o%s.token || %L)', i, ''), words[i]));
  END LOOP;
  IF wanted IS NOT NULL THEN
    query := query || format(' ORDER BY m.row_id LIMIT %s', wanted);
  END IF;
  RETURN QUERY EXECUTE query;
END $body$
"""

WORD_TEST = r"""
CREATE FUNCTION relationapp_word_test(token text, word text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $body$
  SELECT CASE WHEN length(word) > 1
              THEN format('%1$s >= %2$L AND %1$s < %3$L', token, word, word || chr(1114111))
              ELSE format('%1$s = %2$L', token, word) END
$body$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(WORD_TEST)
    op.execute(WORD_ROWS)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP FUNCTION IF EXISTS relationapp_word_rows(text, integer, integer)")
    op.execute("DROP FUNCTION IF EXISTS relationapp_word_test(text, text)")
