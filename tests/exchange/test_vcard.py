"""vCards from phones, Outlook and Google, and our own export coming back unchanged."""

from __future__ import annotations

import base64

import pytest

from relationapp.errors import ValidationError
from relationapp.exchange.vcard import export_vcards, import_vcards, preview_vcards
from relationapp.services.customers.accounts import create_account
from relationapp.services.customers.people import create_person
from relationapp.services.customers.person_cards import person_cards
from relationapp.services.data_care.opening import open_database
from tests.helpers import count, rows

CARD_30 = """BEGIN:VCARD\r
VERSION:3.0\r
N:Çelik;Zoë;;;\r
FN:Zoë Çelik\r
ORG:Bakkerij Müller;Inkoop\r
TITLE:Hoofd inkoop\r
EMAIL;TYPE=INTERNET,WORK:zoe@muller.nl\r
EMAIL;TYPE=INTERNET,HOME,PREF:zoe@thuis.nl\r
TEL;TYPE=CELL:+31 6 1234 5678\r
TEL;TYPE=WORK:030-1234567\r
BDAY:--0314\r
ADR;TYPE=WORK:;;Oudegracht 1;Utrecht;;3511 AB;Nederland\r
NOTE:Houdt van fietsen\\, en van taart\r
END:VCARD\r
"""

CARD_40 = """BEGIN:VCARD
VERSION:4.0
FN:Åsa Öberg
N:Öberg;Åsa;;;
BDAY:19710314
EMAIL;PREF=1:asa@example.se
END:VCARD
"""


@pytest.mark.both_backends  # a [pg] smoke of the importer on a server
def test_a_3_0_card_with_everything(db, tmp_path):
    f = tmp_path / "zoe.vcf"
    f.write_text(CARD_30, encoding="utf-8")
    assert import_vcards(db, path=f).added == 1
    (person,) = person_cards(db)
    assert person.name == "Zoë Çelik"
    assert person.email == "zoe@thuis.nl"  # the preferred one
    assert person.phone == "+31 6 1234 5678"
    assert (person.organisation, person.job_title) == ("Bakkerij Müller", "Hoofd inkoop")
    assert (person.birthday_day, person.birthday_month, person.birthday_year) == (14, 3, None)
    assert (person.street, person.postcode, person.city, person.country) == ("Oudegracht 1", "3511 AB", "Utrecht", "Nederland")
    assert "Houdt van fietsen, en van taart" in person.notes
    assert "Also" not in person.notes  # every address and number is a contact point now
    assert rows(db, "SELECT kind, label, value FROM contact_point ORDER BY position") == [
        ("phone", "mobile", "+31 6 1234 5678"), ("phone", "work", "030-1234567"),
        ("email", "work", "zoe@muller.nl"), ("email", "home", "zoe@thuis.nl")]


@pytest.mark.both_backends  # a [pg] smoke of the importer on a server
def test_a_4_0_card_with_a_basic_birthday(db, tmp_path):
    f = tmp_path / "asa.vcf"
    f.write_text(CARD_40, encoding="utf-8")
    import_vcards(db, path=f)
    assert rows(db, "SELECT name, birthday_day, birthday_month, birthday_year, email FROM person") == [
        ("Åsa Öberg", 14, 3, 1971, "asa@example.se")]


@pytest.mark.parametrize("version", ["3.0", "4.0"])
@pytest.mark.both_backends  # a [pg] smoke of the importer on a server
def test_our_export_re_imports_to_the_same_data(db, tmp_path, version):
    smit = create_account(db, name="Smit & Zonen", street="Markt 2", postcode="1234 AB", city="Ede", country="NL")
    create_person(db, name="Jan de Vries", account_id=smit.id, email="jan@smit.nl", phone="06-11112222",
                  job_title="Directeur", birthday_day=29, birthday_month=2, birthday_year=1980,
                  personal_notes="Twee kinderen; houdt van zeilen,\nen van koffie")
    create_person(db, name="Élodie Brûlé", email="elodie@example.fr", birthday_day=1, birthday_month=12)
    out = tmp_path / "all.vcf"
    assert export_vcards(db, out=out, version=version).cards == 2
    assert (out.stat().st_mode & 0o077) == 0
    other = open_database(str(tmp_path / "other.db"))
    try:
        import_vcards(other, path=out)
        strip = lambda cards: sorted((c.__dict__ | {"id": 0}).items().__repr__() for c in cards)  # noqa: E731
        assert strip(person_cards(other)) == strip(person_cards(db))
        again = import_vcards(other, path=out)
        assert (again.added, again.existing) == (0, 2)
    finally:
        other.dispose()


def test_export_one_person_or_a_selection(db, tmp_path):
    ids = [create_person(db, name=f"Person {i}", email=f"p{i}@example.nl").id for i in range(3)]
    assert export_vcards(db, out=tmp_path / "one.vcf", person_ids=[ids[1]]).cards == 1
    assert "Person 1" in (tmp_path / "one.vcf").read_text(encoding="utf-8")
    assert export_vcards(db, out=tmp_path / "two.vcf", person_ids=ids[:2]).cards == 2


def test_a_big_photo_is_skipped_with_a_message(db, tmp_path):
    photo = base64.b64encode(b"\xff\xd8" + b"x" * 600_000).decode()
    folded = "\r\n ".join(photo[i:i + 74] for i in range(0, len(photo), 74))
    f = tmp_path / "photo.vcf"
    f.write_text(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Met Foto\r\nPHOTO;ENCODING=b;TYPE=JPEG:{folded}\r\nEND:VCARD\r\n",
                 encoding="utf-8")
    preview = preview_vcards(f)
    assert preview.problems == []
    assert any("photo.vcf card 1" in n and "skipped" in n for n in preview.notes)
    assert [p.name for p in preview.inputs] == ["Met Foto"]


def test_broken_line_folding_names_the_card_and_writes_nothing(db, tmp_path):
    f = tmp_path / "broken.vcf"
    f.write_text(CARD_40 + "BEGIN:VCARD\nVERSION:3.0\nFN:Kapot\nNOTE:a long note that was\nfolded without a space\n"
                 "END:VCARD\n", encoding="utf-8")
    with pytest.raises(ValidationError, match=r"broken.vcf card 2 \(line 8\): cannot be read") as err:
        import_vcards(db, path=f)
    assert "folded without a space" in str(err.value)
    assert count(db, "person") == 0
    assert import_vcards(db, path=f, skip_bad_cards=True).added == 1


@pytest.mark.parametrize("content, message", [
    (b"", "no vCards"),
    (b"\x00\x01\x02binary", "binary"),
    (b"BEGIN:VCARD\nVERSION:3.0\nFN:Half", "ends inside the card"),
    (b"BEGIN:VCARD\nVERSION:3.0\nEMAIL:a@b.nl\nEND:VCARD\n", "Name cannot be empty"),
    (b"BEGIN:VCARD\nVERSION:3.0\nFN:X\nEMAIL:not-an-address\nEND:VCARD\n", "not a valid e-mail"),
])
def test_hostile_vcards_get_a_clear_message(db, tmp_path, content, message):
    f = tmp_path / "bad.vcf"
    f.write_bytes(content)
    with pytest.raises(ValidationError, match=message) as err:
        import_vcards(db, path=f)
    assert "bad.vcf" in str(err.value)
    assert count(db, "person") == 0


def test_thousands_of_cards_stream(db, tmp_path):
    f = tmp_path / "many.vcf"
    with open(f, "w", encoding="utf-8") as fh:
        for i in range(3000):
            fh.write(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Persoon {i}\r\nEMAIL:p{i}@example.nl\r\nEND:VCARD\r\n")
    assert import_vcards(db, path=f).added == 3000


def test_a_text_birthday_is_left_out_with_a_note(db, tmp_path):
    f = tmp_path / "t.vcf"
    f.write_text("BEGIN:VCARD\nVERSION:4.0\nFN:Oude Jan\nBDAY;VALUE=text:circa 1800\nEND:VCARD\n", encoding="utf-8")
    preview = preview_vcards(f)
    assert preview.problems == []
    assert any("circa 1800" in n and "left out" in n for n in preview.notes)
    assert [p.birthday_month for p in preview.inputs] == [None]
