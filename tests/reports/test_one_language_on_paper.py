"""Every PDF in one language: the client and internal reviews, the portfolio report, the visit briefing and
the privacy PDF (what we hold on a person) of the demo firm, in Dutch and in English (text read back with pypdf)."""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from pypdf import PdfReader

from relationapp.reports.data_care.privacy_pdf import render_person_data
from relationapp.reports.reporting import data as report_data
from relationapp.reports.reporting.account_review import render_review
from relationapp.reports.reporting.portfolio import render_portfolio
from relationapp.reports.visits.briefing import briefing_pdf
from relationapp.services.common.settings import get_settings, update_settings
from relationapp.services.customers import accounts
from relationapp.services.data_care.privacy import PersonData, person_data
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
    for person_id in _people_with_most_on_record(db):
        papers[f"privacy {person_id}"] = render_person_data(person_data(db, person_id=person_id),
                                                            settings=get_settings(db), today=dt.date(2026, 11, 22))
    return papers


def _people_with_most_on_record(db) -> list[int]:
    """Demo people whose privacy PDF fills many sections: one who introduced a customer, one with a follow-up."""
    import sqlalchemy as sa

    from relationapp.data.models import FollowUp, ImportantDate, Referral

    with db.read() as session:
        referrer = session.execute(sa.select(Referral.referrer_person_id).where(Referral.referrer_person_id.is_not(None))
                                   .order_by(Referral.id).limit(1)).scalar_one()
        followed = session.execute(sa.select(FollowUp.person_id).join(ImportantDate, ImportantDate.person_id == FollowUp.person_id)
                                   .order_by(FollowUp.id).limit(1)).scalar_one()
    return sorted({referrer, followed})


def _referral_notes(db) -> list[str]:
    """The firm's notes on a referral (the privacy PDF prints them as typed)."""
    import sqlalchemy as sa

    with db.read() as session:
        return [v for (v,) in session.execute(sa.text("SELECT note FROM referral")) if v]


def _without_loosely(text: str, words: list[str]) -> str:
    """``without``, also where a narrow table cell broke one of the firm's words in two ("verd uurzamen")."""
    text = without(text, words)
    squeezed = {re.sub(r"\s+", "", w) for w in words if len(w) >= 4}
    for word in sorted(squeezed, key=len, reverse=True):
        pattern = r"\s*".join(re.escape(c) for c in word)
        text = re.sub(pattern, " ", text)
    return text


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_paper_speaks_one_language(language, demo_db):
    update_settings(demo_db, language=language)
    own = [" ".join(word.split()) for word in the_firms_own_words(demo_db) + _referral_notes(demo_db)]
    problems = {name: found for name, pdf in _papers(demo_db).items()
                if (found := foreign(_without_loosely(_text(pdf), own) if name.startswith("privacy") else without(_text(pdf), own),
                                     language))}
    assert problems == {}


@pytest.mark.parametrize("language, shown", [
    ("en", ["Do not contact yes", "Archived no", "Consent date 5 Mar 2026", "Birthday 14 December",
            "Made on Sunday 22 November 2026", "1 Dec 2026", "1.5 h", "€12.50", "3 days before", "Nothing."]),
    ("nl", ["Niet benaderen ja", "Gearchiveerd nee", "Datum toestemming 5 mrt 2026", "Verjaardag 14 december",
            "Gemaakt op zondag 22 november 2026", "1 dec 2026", "1,5 uur", "€ 12,50", "3 dagen vooraf", "Niets."]),
])
def test_privacy_pdf_words_yes_no_dates_and_money_as_the_firm_does(language, shown, db):
    update_settings(db, language=language, currency="EUR")
    data = PersonData(7, "Anna Smit", {
        "person": [{"id": 7, "name": "Anna Smit", "do_not_contact": True, "archived": False,
                    "consent_date": dt.date(2026, 3, 5), "birthday_day": 14, "birthday_month": 12,
                    "birthday_year": None, "preferred_channel": "phone", "dmu_role": "decision_maker"}],
        "important_dates": [{"id": 1, "person_id": 7, "kind": "wedding", "label": "Trouwdag", "month": 6, "day": 2,
                             "year": 2001, "notice_days": 3}],
        "interactions": [{"occurred_on": dt.date(2026, 12, 1), "kind": "visit", "subject": "Koffie",
                          "duration_minutes": 90, "gift_cost": Decimal("12.50"), "account": "Bakkerij"}],
        "follow_ups": [],
        "mentions": [{"table": "account", "record": 3, "field": "next_steps", "text": "Anna Smit bellen"}],
    })
    text = _text(render_person_data(data, settings=get_settings(db), today=dt.date(2026, 11, 22)))
    for piece in shown:
        assert piece in text
    assert not re.search(r"\d{4}-\d\d-\d\d", text)  # no ISO dates on paper
    assert "_" not in text  # no database keys as labels or values
    assert foreign(without(text, ["Anna Smit", "Trouwdag", "Koffie", "Bakkerij", "Anna Smit bellen"]), language) == []
