import datetime as dt
import io
from decimal import Decimal

import pytest
from pypdf import PdfReader

from relationapp.data.models import ImportantDate, Order
from relationapp.errors import ValidationError
from relationapp.reports.visits.briefing import briefing_pdf, write_briefing
from relationapp.reports.visits.briefing_data import day_briefings, summary_text
from relationapp.services.common.settings import get_settings, update_settings
from relationapp.services.customers.accounts import create_account
from relationapp.services.customers.people import create_person
from relationapp.services.touches.follow_ups import create_follow_up
from relationapp.services.touches.interactions import log_interaction
from relationapp.services.visits import visits
from relationapp.text.formatting import Formatter

TODAY = dt.date(2026, 11, 2)
DAY = dt.date(2026, 11, 10)
MARKUP = '<b>Bold</b> & <img src="http://example.com/x.png"/> Co'


def _text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def planned(db):
    update_settings(db, language="en")
    markup = create_account(db, name=MARKUP, stage="customer", street="Kerkstraat 1", postcode="1011 AA",
                            city="Amsterdam", country="Nederland", annual_budget="50000", phone="020-1234567",
                            next_steps="Quote for the second site")
    plain = create_account(db, name="Łódź & Çelik Bakkerij", stage="customer")  # no address at all
    with db.write() as session:
        session.add(Order(account_id=markup.id, ordered_on=dt.date(2026, 5, 1), amount=Decimal("20000")))
        session.add(Order(account_id=markup.id, ordered_on=dt.date(2025, 5, 1), amount=Decimal("40000")))
        session.add(Order(account_id=plain.id, ordered_on=dt.date(2026, 5, 1), amount=Decimal("1000")))
    anna = create_person(db, name="Anna <i>Smit</i>", account_id=markup.id, job_title="Directeur",
                         dmu_role="decision_maker", birthday_day=14, birthday_month=11,
                         family_notes="Daughter Mila <script>alert(1)</script>")
    create_person(db, name="Piet Inkoop", account_id=markup.id, job_title="Inkoper", dmu_role="budget_holder")
    create_person(db, name="Geheim Persoon", account_id=markup.id, do_not_contact=True)
    with db.write() as session:
        session.add(ImportantDate(person_id=anna.id, account_id=markup.id, kind="child_birthday",
                                  label="Mila's birthday", month=11, day=3))
    log_interaction(db, account_id=markup.id, kind="call", occurred_on=TODAY - dt.timedelta(days=3),
                    subject="Call about <the> boiler", person_ids=[anna.id])
    create_follow_up(db, title="Send the maintenance report", due_on=TODAY, account_id=markup.id)
    visits.add_stop(db, account_id=markup.id, day=DAY, start_time="09:30", duration_minutes=45,
                    notes="Park behind the building")
    visits.add_stop(db, account_id=plain.id, day=DAY)
    return {"markup": markup, "plain": plain, "anna": anna}


def test_one_page_per_stop_with_names_roles_and_literal_markup(db, planned):
    pages = _text(briefing_pdf(db, day=DAY, today=TODAY))
    assert len(pages) == 2
    first = _flat(pages[0])
    for expected in (MARKUP, "Anna <i>Smit</i>", "Decision maker", "Directeur", "Piet Inkoop", "Budget holder",
                     "09:30", "10:15", "Kerkstraat 1, 1011 AA Amsterdam, Nederland", "Park behind the building",
                     "Call about <the> boiler", "Send the maintenance report",
                     "Daughter Mila <script>alert(1)</script>", "birthday on the 14th", "Mila's birthday on the 3rd",
                     "Revenue down 50%", "Wallet gap", "Quote for the second site"):
        assert expected in first, expected
    assert "Geheim Persoon" not in first  # do-not-contact: not someone to meet
    second = _flat(pages[1])
    assert "Łódź & Çelik Bakkerij" in second and "No address on file" in second


def test_nps_and_referral_talking_points(db, planned):
    nps = pytest.importorskip("relationapp.services.relationships.nps")
    nps.record_score(db, person_id=planned["anna"].id, score=10, responded_on=TODAY - dt.timedelta(days=200), today=TODAY)
    piet = next(p for p in visits.visit_prefill(db, visit_id=visits.day_plan(db, day=DAY).stops[0].id).people
                if p.name == "Piet Inkoop")
    nps.record_score(db, person_id=piet.id, score=3, responded_on=TODAY - dt.timedelta(days=20), today=TODAY)
    briefing = day_briefings(db, day=DAY, today=TODAY)[0]
    points = briefing.talking_points
    assert points[0].startswith("Detractor last quarter: Piet Inkoop scored 3/10")
    assert "Anna <i>Smit</i> is a promoter (10/10) without a referral: ask for an introduction." in points
    assert "ask for an introduction" in _flat(_text(briefing_pdf(db, day=DAY, today=TODAY))[0])


def test_summary_for_the_calendar(db, planned):
    summary = summary_text(day_briefings(db, day=DAY, today=TODAY)[0], Formatter.for_settings(get_settings(db)))
    assert "Meet: Anna <i>Smit</i> (Directeur, Decision maker)" in summary
    assert "Phone: 020-1234567" in summary
    assert "- Anna <i>Smit</i>'s birthday on the 14th." in summary


def test_empty_day_and_bad_folder_are_refused(db, planned, tmp_path):
    with pytest.raises(ValidationError, match="No visits planned"):
        briefing_pdf(db, day=DAY + dt.timedelta(days=1), today=TODAY)
    with pytest.raises(ValidationError, match="does not exist"):
        write_briefing(db, day=DAY, path=tmp_path / "missing" / "b.pdf", today=TODAY)
    out = tmp_path / "out"
    out.mkdir()
    target = write_briefing(db, day=DAY, path=out / "b.pdf", today=TODAY)
    assert target.read_bytes().startswith(b"%PDF")
    assert [p.name for p in out.iterdir()] == ["b.pdf"]  # no temporary file left behind


def test_demo_firm_briefing(demo_db):
    day = visits.stops_between(demo_db, first=dt.date(2026, 11, 22), last=dt.date(2026, 12, 31))[0].planned_on
    stops = visits.day_plan(demo_db, day=day).stops
    pages = _text(briefing_pdf(demo_db, day=day, today=dt.date(2026, 11, 22)))
    assert len(pages) == len(stops) >= 3
    for stop, page in zip(stops, pages):
        assert stop.account in _flat(page)


LONG_WORDS = ("Klimaatbeheersingsinstallatie", "Onderhoudscontractverlenging", "Inkoopcoördinator")


@pytest.fixture
def dutch_day(db):
    """A Dutch briefing whose narrow columns hold long words ("Evenement" in the Kind column)."""
    update_settings(db, language="nl")
    first = create_account(db, name="Noord BV", stage="customer", latitude=52.37, longitude=4.89, city="Amsterdam",
                           email="inkoop@klimaatbeheersingsinstallaties-noord.nl")
    second = create_account(db, name="Zuid BV", stage="customer", latitude=51.44, longitude=5.48, city="Eindhoven")
    person = create_person(db, name="Gerrit Wijnbergen", account_id=first.id, job_title=LONG_WORDS[2],
                           dmu_role="decision_maker", phone="06-12345678")
    for kind, subject in (("event", f"{LONG_WORDS[0]} beurs"), ("call", LONG_WORDS[1]), ("meeting", "Jaargesprek")):
        log_interaction(db, account_id=first.id, kind=kind, occurred_on=TODAY - dt.timedelta(days=5),
                        subject=subject, person_ids=[person.id])
    visits.add_stop(db, account_id=first.id, day=DAY)
    visits.add_stop(db, account_id=second.id, day=DAY)
    return {"first": first, "second": second}


def test_no_word_breaks_inside(db, dutch_day):
    pdf = briefing_pdf(db, day=DAY, today=TODAY)
    lines = [line for page in _text(pdf) for line in page.splitlines()]
    words = {"Evenement", "Telefoongesprek", "Gerrit", "Wijnbergen", "Beslisser", "06-12345678", "Jaargesprek",
             "inkoop@klimaatbeheersingsinstallaties-noord.nl", *LONG_WORDS}
    broken = [w for w in words if not any(w in line for line in lines)]
    assert broken == []


def test_route_in_maps_is_a_short_link_not_a_raw_address(db, dutch_day):
    update_settings(db, language="en")
    reader = PdfReader(io.BytesIO(briefing_pdf(db, day=DAY, today=TODAY)))
    first, second = (page.extract_text() for page in reader.pages)
    assert "Route in maps" in first and "Route in maps" in second
    assert "http" not in first + second and "openstreetmap" not in first + second

    def uris(page):
        return [a.get_object()["/A"]["/URI"] for a in page.get("/Annots", []) if "/A" in a.get_object()]

    assert uris(reader.pages[0]) == ["https://www.openstreetmap.org/?mlat=52.37000&mlon=4.89000#map=17/52.37000/4.89000"]
    # the second stop: directions by car from the first
    assert uris(reader.pages[1]) == ["https://www.openstreetmap.org/directions?engine=fossgis_osrm_car"
                                     "&route=52.37000%2C4.89000%3B51.44000%2C5.48000"]
