"""The demo firm on SQLite and on PostgreSQL: the same Today, pyramid, values, search results and review.

Both are built by the same code from the same seed, so every id, name and
amount is the same; what differs is the SQL each backend runs (FTS5 against
the token table, SQLite's triggers against their plpgsql twins, ISO text
dates against real dates). Any difference a user could see fails here.
"""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from relationapp.reports.reporting import data as report_data
from relationapp.reports.reporting.account_review import render_review
from relationapp.services.customers import accounts, people, search
from relationapp.services.today import attention
from relationapp.services.value import pyramid, value
from relationapp.services.value.quarters import parse

pytestmark = pytest.mark.pg

TODAY = dt.date(2026, 11, 22)
# a broad word, a rare one, folded letters, a prefix, one letter, a city, an e-mail part, two words
TYPED = ["van", "Yilmaz", "yılmaz", "Lukasz", "bakk", "b", "utrecht", "info", "jan de", "özt", "o'brien", "%_"]
FINDS_NOTHING = {"özt", "o'brien", "%_"}  # in the demo firm


@pytest.fixture
def firms(demo_db, pg_demo_db):
    return demo_db, pg_demo_db


def _both(firms, read):
    sqlite, pg = (read(db) for db in firms)
    return sqlite, pg


def test_today_the_pyramid_and_the_values_are_the_same(firms):
    sqlite, pg = _both(firms, lambda db: attention.agenda(db, today=TODAY))
    assert sqlite.needs_attention and sqlite.coming_up
    assert pg == sqlite
    sqlite, pg = _both(firms, lambda db: pyramid.pyramid_summary(db, as_of=TODAY))
    assert pg == sqlite
    sqlite, pg = _both(firms, lambda db: value.customer_values(db, as_of=TODAY))
    assert len(sqlite) > 10 and pg == sqlite


@pytest.mark.parametrize("typed", TYPED)
def test_search_and_the_list_filters_find_the_same(firms, typed):
    sqlite, pg = _both(firms, lambda db: search.search(db, text=typed, limit=40))
    assert pg == sqlite and (bool(sqlite) or typed in FINDS_NOTHING)
    sqlite, pg = _both(firms, lambda db: accounts.list_account_ids(db, search=typed))
    assert pg == sqlite
    sqlite, pg = _both(firms, lambda db: people.list_person_ids(db, search=typed))
    assert pg == sqlite


def test_the_lists_sort_the_same(firms):
    for descending in (False, True):
        sqlite, pg = _both(firms, lambda db: accounts.list_account_ids(db, sort="name", descending=descending))
        assert pg == sqlite
        sqlite, pg = _both(firms, lambda db: people.list_person_ids(db, descending=descending))
        assert pg == sqlite


def test_an_account_review_reads_the_same(firms):
    best = next(iter(pyramid.current_tiers(firms[0], as_of=TODAY)))  # the best customer
    quarter = parse("2026Q3")

    def text(db) -> str:
        review = report_data.account_review(db, account_id=best, quarter=quarter)
        return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(render_review(review))).pages)

    sqlite, pg = _both(firms, text)
    assert len(sqlite) > 200 and pg == sqlite
