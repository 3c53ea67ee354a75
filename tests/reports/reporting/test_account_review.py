"""The quarterly account review PDF, read back with pypdf."""

import base64
import datetime as dt
import io
import urllib.request

import pytest
from pypdf import PdfReader

from relationapp.errors import NotFound, ValidationError
from relationapp.reports.common import fonts
from relationapp.reports.reporting import data as report_data
from relationapp.reports.reporting.account_review import (
    render_review,
    write_account_review,
)
from relationapp.services.common.settings import update_settings
from relationapp.services.customers.accounts import create_account
from relationapp.services.customers.people import create_person
from relationapp.services.touches.interactions import log_interaction
from relationapp.services.value.orders import create_order
from relationapp.services.value.quarters import parse

Q3 = parse("2026Q3")
PNG_1X1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="
MARKUP_NAME = '<b>Bold</b> & Co <img src="/etc/passwd"/>'
MARKUP_SUBJECT = '<a href="file:///etc/hosts">open me</a> &amp; <img src="http://example.com/x.png"/>'
PERSONAL = "Houdt van jazzmuziek (persoonlijk)"
FAMILY = "Dochter Saar, zoon Finn"
VISIT_NOTE = "Interne notitie: wil korting"


def _pages(pdf: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def _text(pdf: bytes) -> str:
    return " ".join(_pages(pdf))


@pytest.fixture
def account(demo_db):
    """A customer with a Unicode name, markup in its texts, orders with costs and a visit in 2026Q3."""
    a = create_account(demo_db, name="Łukasz Çelik Bakkerij 😀", stage="customer", city="Utrecht",
                       next_steps="Offerte <b>tweede</b> locatie & onderhoud 2027", notes="Interne accountnotitie",
                       today=dt.date(2025, 1, 10))
    lukasz = create_person(demo_db, name="Łukasz Çelik", account_id=a.id, dmu_role="decision_maker",
                           job_title="Eigenaar", personal_notes=PERSONAL, family_notes=FAMILY)
    ozlem = create_person(demo_db, name="Özlem Yılmaz", account_id=a.id, dmu_role="budget_holder")
    create_person(demo_db, name="IJsbrand van 't Hek", account_id=a.id, dmu_role="influencer",
                  personal_notes=MARKUP_NAME)
    create_order(demo_db, account_id=a.id, ordered_on=dt.date(2026, 8, 14), amount="12345.67", cost_of_goods="7000.00")
    create_order(demo_db, account_id=a.id, ordered_on=dt.date(2025, 8, 1), amount="9876.54", cost_of_goods="5000.00")
    log_interaction(demo_db, account_id=a.id, kind="visit", occurred_on=dt.date(2026, 8, 3), duration_minutes=90,
                    person_ids=[lukasz.id, ozlem.id], subject=MARKUP_SUBJECT, notes=VISIT_NOTE)
    return a


def _review(db, account_id, audience="internal"):
    return render_review(report_data.account_review(db, account_id=account_id, quarter=Q3, audience=audience))


def test_internal_review_shows_people_figures_and_quarter(demo_db, account):
    update_settings(demo_db, language="en")
    text = _text(_review(demo_db, account.id))
    assert "Account review Q3 2026" in text
    for name in ("Łukasz Çelik", "Özlem Yılmaz", "IJsbrand van 't Hek", "Decision maker", "Budget holder"):
        assert name in text
    assert "€12,345.67" in text and "€9,876.54" in text  # this quarter and the same quarter a year earlier
    assert "25%" in text  # the change against a year earlier
    assert PERSONAL in text and FAMILY in text and VISIT_NOTE in text
    assert "Cost of goods" in text and "Profit after cost to serve" in text
    assert "Offerte <b>tweede</b> locatie & onderhoud 2027" in text  # the agreed next steps, literally
    assert "1.5 h" in text  # time spent in the quarter


def test_dutch_formatting_of_money_and_dates(demo_db, account):
    text = _text(_review(demo_db, account.id))  # the demo firm writes Dutch
    assert "Relatiereview 3e kwartaal 2026" in text  # the catalogue's word for "account review"
    assert "€ 12.345,67" in text
    assert "1 jul 2026" in text and "30 sep 2026" in text


def test_unicode_names_and_emoji_survive(demo_db, account):
    text = _text(_review(demo_db, account.id))
    assert "Łukasz Çelik Bakkerij 😀" in text
    assert "IJsbrand van 't Hek" in text and "Özlem Yılmaz" in text


def test_an_emoji_outside_the_font_is_spelled_out():
    assert fonts.printable("Sanne 🦄👍🏽") == "Sanne [unicorn face][thumbs up sign]"
    assert fonts.printable("e\u0301") == "é"  # combining accents are composed first


def test_markup_prints_literally_and_nothing_is_opened(demo_db, account, monkeypatch):
    fonts.register()
    opened = []
    import reportlab.lib.utils as rl_utils

    monkeypatch.setattr(rl_utils, "open_for_read", lambda *a, **k: opened.append(a) or (_ for _ in ()).throw(AssertionError(a)))
    monkeypatch.setattr(urllib.request, "urlopen", lambda *a, **k: opened.append(a))
    text = _text(_review(demo_db, account.id))
    assert opened == []
    assert MARKUP_NAME in text
    assert "open me" in text and '<a href="file:///etc/hosts">' in text and "&amp;" in text


def test_client_version_leaves_out_notes_costs_and_other_customers(demo_db, account):
    from relationapp.services.relationships.referrals import record_referral
    from relationapp.services.touches.follow_ups import create_follow_up

    create_follow_up(demo_db, account_id=account.id, title="Offerte nabellen", due_on=dt.date(2026, 12, 1))
    create_follow_up(demo_db, account_id=account.id, title="Terugbellen: detractor", due_on=dt.date(2026, 12, 2),
                     origin="detractor")
    referrer = create_account(demo_db, name="Verwijzer Vastgoed B.V.", stage="customer")
    record_referral(demo_db, referred_account_id=account.id, referrer_account_id=referrer.id,
                    referred_on=dt.date(2025, 1, 5))
    internal = _text(_review(demo_db, account.id, "internal"))
    client = _text(_review(demo_db, account.id, "client"))
    assert "Verwijzer Vastgoed B.V." in internal
    assert "Inkoopwaarde" in internal and "€ -7.000,00" in internal
    for secret in (PERSONAL, FAMILY, VISIT_NOTE, "Interne accountnotitie", "Verwijzer Vastgoed B.V.",
                   "Inkoopwaarde", "7.000,00", "Winst", "Segment", MARKUP_NAME):
        assert secret not in client, secret
    assert "Terugbellen: detractor" in internal and "Terugbellen: detractor" not in client
    assert "Offerte nabellen" in client
    assert "Łukasz Çelik" in client and "€ 12.345,67" in client
    assert "Offerte <b>tweede</b> locatie & onderhoud 2027" in client


def test_page_x_of_y_on_every_page(demo_db, account):
    update_settings(demo_db, language="en")
    pages = _pages(_review(demo_db, account.id))
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text


def test_letter_paper_from_settings(demo_db, account):
    assert round(float(PdfReader(io.BytesIO(_review(demo_db, account.id))).pages[0].mediabox.height)) == 842  # A4
    update_settings(demo_db, page_size="Letter")
    box = PdfReader(io.BytesIO(_review(demo_db, account.id))).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_logo_from_settings_is_read_from_a_local_file_only(demo_db, account, tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(base64.b64decode(PNG_1X1))
    update_settings(demo_db, logo_path=str(logo))
    assert b"/Subtype /Image" in _review(demo_db, account.id)
    update_settings(demo_db, logo_path="http://example.com/logo.png")
    assert b"/Subtype /Image" not in _review(demo_db, account.id)


def test_write_is_all_or_nothing(demo_db, account, tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    target = out / "review.pdf"
    write_account_review(demo_db, account_id=account.id, quarter=Q3, path=target)
    first = target.read_bytes()
    assert first.startswith(b"%PDF")
    with pytest.raises(ValidationError, match="Cannot write"):
        write_account_review(demo_db, account_id=account.id, quarter=Q3, path=out / "missing" / "x.pdf")
    with pytest.raises(NotFound):
        write_account_review(demo_db, account_id=999999, quarter=Q3, path=out / "y.pdf")
    with pytest.raises(ValidationError):
        write_account_review(demo_db, account_id=account.id, quarter=Q3, path=target, audience="everyone")

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", disk_full)
    with pytest.raises(ValidationError, match="No space left"):
        write_account_review(demo_db, account_id=account.id, quarter=Q3, path=target)
    monkeypatch.undo()
    assert [p.name for p in out.iterdir()] == ["review.pdf"]  # no half-written or temporary file
    assert target.read_bytes() == first


def test_revenue_chart_covers_eight_quarters(demo_db, account):
    review = report_data.account_review(demo_db, account_id=account.id, quarter=Q3)
    assert [b.quarter for b in review.revenue] == ["2024Q4", "2025Q1", "2025Q2", "2025Q3", "2025Q4", "2026Q1", "2026Q2", "2026Q3"]
    assert str(review.revenue[-1].revenue) == "12345.67" and str(review.revenue[-1].year_earlier) == "9876.54"


def test_profit_and_share_of_wallet_agree_with_the_value_service(demo_db):
    from relationapp.services.value import value

    context = report_data.quarter_context(demo_db, quarter=Q3)
    customers = [aid for aid, tier in context.tiers.items() if tier in report_data.CUSTOMER_TIERS][:15]
    for account_id in customers:
        review = report_data.account_review(demo_db, account_id=account_id, quarter=Q3, context=context)
        assert review.value == value.account_value(demo_db, account_id=account_id, as_of=Q3.end)


def test_the_quarter_context_is_reused_until_the_database_changes(demo_db, account):
    first = report_data.quarter_context(demo_db, quarter=Q3)
    assert report_data.quarter_context(demo_db, quarter=Q3) is first
    log_interaction(demo_db, account_id=account.id, kind="call", occurred_on=dt.date(2026, 9, 1), duration_minutes=30)
    again = report_data.quarter_context(demo_db, quarter=Q3)
    assert again is not first and again.minutes[account.id] == first.minutes[account.id] + 30


def test_an_account_made_after_a_quarter_has_no_tier_in_it(demo_db):
    # made today (after Q3): not in Q3's pyramid, and a prospect in the quarter it was made in
    update_settings(demo_db, language="en")
    newcomer = create_account(demo_db, name="Nieuwkomer Installatietechniek", stage="prospect", city="Zwolle")
    review = report_data.account_review(demo_db, account_id=newcomer.id, quarter=Q3)
    assert review.tier is None and review.tier_before is None
    assert "– (last quarter: –)" in _text(render_review(review))
    this_quarter = parse(f"{dt.date.today().year}Q{(dt.date.today().month - 1) // 3 + 1}")
    review = report_data.account_review(demo_db, account_id=newcomer.id, quarter=this_quarter)
    assert review.tier == "prospect" and review.tier_before is None
    assert "Prospect (last quarter: –)" in _text(render_review(review))
