"""Issue #13, client review wording: no empty sections for the client, quarters in words, file names in words."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader

from relationapp.reports.reporting import data as report_data
from relationapp.reports.reporting.account_review import render_review
from relationapp.reports.reporting.batch import file_names
from relationapp.reports.reporting.file_names import (
    portfolio_file_name,
    review_file_name,
)
from relationapp.reports.reporting.portfolio import render_portfolio
from relationapp.services.common.settings import update_settings
from relationapp.services.customers.accounts import create_account
from relationapp.services.customers.people import create_person
from relationapp.services.touches.interactions import log_interaction
from relationapp.services.value.orders import create_order
from relationapp.services.value.quarters import Quarter, parse
from relationapp.text.formatting import Formatter

Q3 = parse("2026Q3")
NL, EN = Formatter.for_language("nl"), Formatter.for_language("en")


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)


def _review(db, account_id, audience):
    return _text(render_review(report_data.account_review(db, account_id=account_id, quarter=Q3, audience=audience)))


@pytest.fixture
def quiet_account(demo_db):
    """A customer with one person and an order in the quarter, and nothing else: no touches, steps, referrals, NPS."""
    account = create_account(demo_db, name="Stille Klant B.V.", stage="customer", city="Zwolle",
                             today=dt.date(2025, 1, 10))
    create_person(demo_db, name="Ria Stil", account_id=account.id, dmu_role="decision_maker")
    create_order(demo_db, account_id=account.id, ordered_on=dt.date(2026, 8, 14), amount="500.00")
    return account


# --- (a) the client review leaves out what is empty --------------------------------------------

HEADINGS = {
    "en": ["Touches in", "Time spent", "Satisfaction (NPS)", "Referrals", "Open follow-ups", "Agreed next steps"],
    "nl": ["Contactmomenten in", "Bestede tijd", "Tevredenheid (NPS)", "Aanbevelingen", "Openstaande", "Afgesproken"],
}
NOTHING = ["0 min", "0 touches", "0 contact", "None recorded", "Nog niets vastgelegd", "No answers", "Nog geen",
           "No referrals", "Nothing open", "Niets open", "No touches", "Geen contact"]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_client_review_leaves_out_empty_sections(demo_db, quiet_account, language):
    update_settings(demo_db, language=language)
    client = _review(demo_db, quiet_account.id, "client")
    for heading in HEADINGS[language]:
        assert heading not in client, heading
    for empty in NOTHING:
        assert empty not in client, empty
    assert "Ria Stil" in client and ("€500.00" in client or "€ 500,00" in client)
    assert "Touches" not in client and "Contacten" not in client  # nobody met: no column of zeros either


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_internal_review_still_says_none_but_never_zero_in_zero(demo_db, quiet_account, language):
    update_settings(demo_db, language=language)
    internal = _review(demo_db, quiet_account.id, "internal")
    assert "0 min in 0" not in internal and "in 0 touches" not in internal and "in 0 contacten" not in internal
    if language == "en":
        assert "Touches in Q3 2026 No touches in this quarter." in internal
        assert "None recorded yet." in internal and "Nothing open." in internal
    else:
        assert "Geen contacten in dit kwartaal." in internal
        assert "Nog niets vastgelegd." in internal


def test_a_client_review_with_touches_keeps_the_section(demo_db, quiet_account):
    update_settings(demo_db, language="en")
    log_interaction(demo_db, account_id=quiet_account.id, kind="visit", occurred_on=dt.date(2026, 8, 3),
                    duration_minutes=45, subject="Kennismaking")
    client = _review(demo_db, quiet_account.id, "client")
    assert "Touches in Q3 2026" in client and "Time spent 45 min in 1 touch." in client and "Kennismaking" in client


def test_a_client_review_of_touches_without_time_prints_no_zero_minutes(demo_db, quiet_account):
    update_settings(demo_db, language="en")
    log_interaction(demo_db, account_id=quiet_account.id, kind="email", occurred_on=dt.date(2026, 8, 3),
                    duration_minutes=0, subject="Offerte")
    client = _review(demo_db, quiet_account.id, "client")
    assert "Offerte" in client and "0 min" not in client and "Time spent" not in client


# --- (b) quarters in words ---------------------------------------------------------------------

def test_the_formatter_words_a_quarter():
    assert NL.quarter(Q3) == "3e kwartaal 2026" and EN.quarter(Q3) == "Q3 2026"
    assert NL.quarter(dt.date(2027, 2, 28)) == "1e kwartaal 2027" and EN.quarter(dt.date(2026, 12, 31)) == "Q4 2026"
    assert Formatter.for_language("en", page_size="Letter").quarter(Quarter(2026, 2)) == "Q2 2026"

    class Duck:
        year, number = 2025, 4

    assert NL.quarter(Duck()) == "4e kwartaal 2025"


@pytest.mark.parametrize("language, words, title", [
    ("nl", "3e kwartaal 2026", "Relatiereview 3e kwartaal 2026"),
    ("en", "Q3 2026", "Account review Q3 2026"),
])
@pytest.mark.parametrize("audience", ["client", "internal"])
def test_the_review_writes_the_quarter_in_words(demo_db, language, words, title, audience):
    update_settings(demo_db, language=language)
    text = _review(demo_db, 7, audience)  # a top customer of the demo firm: every section filled
    assert title in text and words in text
    assert not re.search(r"\b\d{4}Q\d\b", text)
    previous = "2e kwartaal 2026" if language == "nl" else "Q2 2026"
    assert previous in text  # the revenue table


@pytest.mark.parametrize("language, title, since", [
    ("nl", "Portefeuillerapport 3e kwartaal 2026", "2e kwartaal 2026"),
    ("en", "Portfolio report Q3 2026", "since Q2 2026"),
])
def test_the_portfolio_writes_the_quarter_in_words(demo_db, language, title, since):
    update_settings(demo_db, language=language)
    text = _text(render_portfolio(report_data.portfolio(demo_db, quarter=Q3)))
    assert title in text and since in text
    assert not re.search(r"\b\d{4}Q\d\b", text)


# --- (c) file names in words -------------------------------------------------------------------

FORBIDDEN = re.compile(r'[/\\:*?"<>|\x00-\x1f]')


def _valid(name: str) -> None:
    assert name.endswith(".pdf") and name[:-4]
    assert not FORBIDDEN.search(name), name
    assert not name.startswith(".") and not name[:-4].endswith((".", " ")), name
    assert len(name.encode("utf-8")) <= 200


@pytest.mark.parametrize("fmt, expected", [
    (NL, "Relatiereview Sanders Hotel B.V. 3e kwartaal 2026.pdf"),
    (EN, "Account review Sanders Hotel B.V. Q3 2026.pdf"),
])
def test_the_client_review_file_name_reads_as_a_title(fmt, expected):
    assert review_file_name(fmt, Q3, "Sanders Hotel B.V.", audience="client") == expected


def test_the_internal_copy_says_so_in_its_name():
    assert review_file_name(NL, Q3, "Sanders Hotel B.V.") == \
        "Relatiereview Sanders Hotel B.V. 3e kwartaal 2026 (Intern · vertrouwelijk).pdf"
    assert review_file_name(EN, Q3, "Sanders Hotel B.V.", audience="internal") == \
        "Account review Sanders Hotel B.V. Q3 2026 (Internal · confidential).pdf"


@pytest.mark.parametrize("fmt", [NL, EN], ids=["nl", "en"])
@pytest.mark.parametrize("audience", ["client", "internal"])
@pytest.mark.parametrize("name, kept", [
    ("Sanders Hotel B.V.", "Sanders Hotel B.V."),
    ("A/B: test?", "A-B test"),
    ("...", None),
    ("Öztürk & Zn.", "Öztürk & Zn."),
    ('De "Gouden" Leeuw <Bar>*', "De 'Gouden' Leeuw Bar"),
    ("Tab\tand\nnewline\u202e", "Tab and newline"),
    ("", None),
    (".hidden", ".hidden"),
    ("Łukasz Çelik Bakkerij 😀" * 20, "Łukasz Çelik Bakkerij 😀"),
])
def test_review_file_names_are_valid_and_readable(fmt, audience, name, kept):
    result = review_file_name(fmt, Q3, name, audience=audience)
    _valid(result)
    assert result.startswith("Relatiereview " if fmt is NL else "Account review ")
    assert fmt.quarter(Q3) in result
    if kept is not None:
        assert kept in result
    else:
        assert result.startswith(("Relatiereview 3e kwartaal 2026", "Account review Q3 2026"))


def test_portfolio_file_names():
    assert portfolio_file_name(NL, Q3) == "Portefeuillerapport 3e kwartaal 2026.pdf"
    assert portfolio_file_name(EN, Q3) == "Portfolio report Q3 2026.pdf"


def test_accounts_of_the_same_name_get_their_number_in_a_batch():
    names = file_names(EN, Q3, {3: "Bakkerij Jansen", 9: "BAKKERIJ JANSEN", 4: "Sanders Hotel B.V."}, audience="client")
    assert names == {3: "Account review Bakkerij Jansen Q3 2026 (3).pdf",
                     9: "Account review BAKKERIJ JANSEN Q3 2026 (9).pdf",
                     4: "Account review Sanders Hotel B.V. Q3 2026.pdf"}
