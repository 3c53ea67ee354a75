"""Every PDF in one language: the client and internal reviews, the portfolio report and the visit briefing
of the demo firm, in Dutch and in English (text read back with pypdf)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from relationapp.reports.reporting import data as report_data
from relationapp.reports.reporting.account_review import render_review
from relationapp.reports.reporting.portfolio import render_portfolio
from relationapp.reports.visits.briefing import briefing_pdf
from relationapp.services.common.settings import update_settings
from relationapp.services.customers import accounts
from relationapp.services.value.quarters import parse
from relationapp.services.visits import visits
from tests.language import foreign, the_firms_own_words, without

Q3 = parse("2026Q3")


def _text(pdf: bytes) -> str:
    """All pages as one line: the firm's own texts may wrap across lines."""
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)


def _papers(db) -> dict[str, bytes]:
    customers = [a for a in accounts.list_accounts(db) if a.stage == "customer"][:2]
    papers = {}
    for a in customers:
        for audience in ("client", "internal"):
            review = report_data.account_review(db, account_id=a.id, quarter=Q3, audience=audience)
            papers[f"{audience} review {a.name}"] = render_review(review)
    papers["portfolio"] = render_portfolio(report_data.portfolio(db, quarter=Q3))
    day = visits.stops_between(db, first=dt.date(2026, 11, 22), last=dt.date(2026, 12, 31))[0].planned_on
    papers["briefing"] = briefing_pdf(db, day=day, today=dt.date(2026, 11, 22))
    return papers


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_paper_speaks_one_language(language, demo_db):
    update_settings(demo_db, language=language)
    own = [" ".join(word.split()) for word in the_firms_own_words(demo_db)]
    problems = {name: found for name, pdf in _papers(demo_db).items()
                if (found := foreign(without(_text(pdf), own), language))}
    assert problems == {}
