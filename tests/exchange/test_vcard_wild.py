"""vCards as Apple Contacts, Outlook (2.1) and Google write them, and our export read back."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from relationapp.errors import ValidationError
from relationapp.exchange.vcard import export_vcards, import_vcards, preview_vcards
from relationapp.services.data_care.opening import open_database
from tests.helpers import count, rows

CARDS = Path(__file__).parent / "cards"


def _copy(tmp_path, name: str) -> Path:
    target = tmp_path / name
    shutil.copy(CARDS / name, target)
    return target


def _points(db, name: str) -> list[tuple]:
    return rows(db, "SELECT c.kind, c.label, c.value FROM contact_point c JOIN person p ON p.id = c.person_id "
                    f"WHERE p.name = '{name}' ORDER BY c.position")


def _dates(db, name: str) -> list[tuple]:
    return rows(db, "SELECT d.kind, d.label, d.month, d.day, d.year FROM important_date d JOIN person p "
                    f"ON p.id = d.person_id WHERE p.name = '{name}' ORDER BY d.id")


def test_apple_contacts_export(db, tmp_path):
    result = import_vcards(db, path=_copy(tmp_path, "apple.vcf"))
    assert result.added == 2
    assert rows(db, "SELECT name, phone, email, birthday_day, birthday_month, birthday_year FROM person ORDER BY name") == [
        ("Kees de Boer", "06-11223344", None, 2, 11, None),  # X-APPLE-OMIT-YEAR on an ordinary date
        ("Marieke Janssen", "+31 6 2345 6789", "Marieke@Bakkerij-Janssen.nl", 14, 3, None),  # 1604 = no year
    ]
    assert _points(db, "Marieke Janssen") == [
        ("phone", "mobile", "+31 6 2345 6789"), ("phone", "work", "013-5801234"), ("phone", "home", "013-4567890"),
        ("email", "work", "marieke@bakkerij-janssen.nl"), ("email", "home", "marieke.j@ziggo.nl"),
        ("url", "other", "https://www.bakkerij-janssen.nl"),
        ("social", "LinkedIn", "https://www.linkedin.com/in/mariekejanssen"),
    ]
    assert _dates(db, "Marieke Janssen") == [("anniversary", "Anniversary", 6, 12, 2009),
                                              ("custom", "Zaak geopend", 9, 1, None)]
    # the company card is the account only, with its own number and address; not a person
    assert rows(db, "SELECT name, phone, email, city FROM account") == [
        ("Bakkerij Janssen", "013-5801234", "info@bakkerij-janssen.nl", "Tilburg")]
    assert rows(db, "SELECT a.name FROM person p JOIN account a ON a.id = p.account_id") == [("Bakkerij Janssen",)]


def test_outlook_2_1_with_quoted_printable_and_windows_1252(db, tmp_path):
    path = _copy(tmp_path, "outlook21.vcf")
    assert b"Ren\xe9" in path.read_bytes() and b"=\r\n" in path.read_bytes()
    import_vcards(db, path=path)
    assert rows(db, "SELECT name, phone, email, job_title, personal_notes, birthday_year FROM person") == [
        ("René Hendriks", "+31 6 5555 1212", "rene@hendriks-installatie.nl", "Accountmanager",
         "Café na de beurs, zie\nvolgende week", 1975)]
    assert rows(db, "SELECT name, street, postcode, city FROM account") == [
        ("Hendriks Installatie B.V.", "Stationsstraat 5", "5000 AB", "Tilburg")]
    # the mobile is kept next to the business number (and is the main one), the fax too, and the web page
    assert _points(db, "René Hendriks") == [
        ("phone", "work", "+31 13 580 1111"), ("phone", "mobile", "+31 6 5555 1212"),
        ("phone", "fax", "+31 13 580 1112"), ("email", "other", "rene@hendriks-installatie.nl"),
        ("url", "work", "http://www.hendriks-installatie.nl")]
    assert _dates(db, "René Hendriks") == [("anniversary", "Anniversary", 5, 20, 2015)]


def test_a_2_1_card_that_cannot_be_read_says_so(db, tmp_path):
    f = tmp_path / "kapot.vcf"
    f.write_bytes(b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Goed\r\nEND:VCARD\r\n"
                  b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Kapot\r\nNOTE:een regel\r\nzonder dubbele punt\r\nEND:VCARD\r\n")
    preview = preview_vcards(f)
    (problem,) = preview.problems
    assert problem.startswith("kapot.vcf card 2 (line 5)") and "vCard 2.1 (Outlook)" in problem
    with pytest.raises(ValidationError, match="vCard 2.1 \\(Outlook\\)"):
        import_vcards(db, path=f)
    assert count(db, "person") == 0
    assert import_vcards(db, path=f, skip_bad_cards=True).added == 1
    assert rows(db, "SELECT name FROM person") == [("Goed",)]


def test_google_export(db, tmp_path):
    import_vcards(db, path=_copy(tmp_path, "google.vcf"))
    assert rows(db, "SELECT name, phone, email, birthday_year FROM person") == [
        ("Sanne Visser", "+31 6 9876 5432", "sanne.visser@gmail.com", 1988)]
    assert ("email", "work", "s.visser@visser-advies.nl") in _points(db, "Sanne Visser")
    assert ("social", "LinkedIn", "https://www.linkedin.com/in/sannevisser") in _points(db, "Sanne Visser")
    assert _dates(db, "Sanne Visser") == [("anniversary", "Anniversary", 5, 14, 2016)]


def test_a_4_0_card_with_a_year_less_birthday_and_an_anniversary(db, tmp_path):
    import_vcards(db, path=_copy(tmp_path, "v40.vcf"))
    assert rows(db, "SELECT name, phone, birthday_day, birthday_month, birthday_year FROM person") == [
        ("Lotte Mulder", "+31-6-1111-2222", 15, 3, None)]
    assert _points(db, "Lotte Mulder")[:2] == [("phone", "mobile", "+31-6-1111-2222"), ("phone", "work", "+31-30-222-3333")]
    assert _dates(db, "Lotte Mulder") == [("anniversary", "Anniversary", 9, 18, 2010)]


def test_one_bad_card_is_named_with_its_field_and_the_rest_import_when_skipped(db, tmp_path):
    f = tmp_path / "mix.vcf"
    good = (CARDS / "apple.vcf").read_bytes()
    f.write_bytes(good + b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Foute Datum\r\nBDAY:1990-13-45\r\nEND:VCARD\r\n")
    preview = preview_vcards(f)
    (problem,) = preview.problems
    assert problem.startswith("mix.vcf card 4 (line ") and "Birthday" in problem
    with pytest.raises(ValidationError, match="card 4"):
        import_vcards(db, path=f)
    assert (count(db, "person"), count(db, "account"), count(db, "contact_point"), count(db, "important_date")) == (0, 0, 0, 0)
    result = import_vcards(db, path=f, skip_bad_cards=True)
    assert (result.added, result.skipped_bad) == (2, 1)
    assert rows(db, "SELECT name FROM account") == [("Bakkerij Janssen",)]


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_export_then_import_keeps_phones_with_types_and_dates(db, tmp_path, version):
    import_vcards(db, path=_copy(tmp_path, "apple.vcf"))
    import_vcards(db, path=_copy(tmp_path, "outlook21.vcf"))
    out = tmp_path / "out.vcf"
    export_vcards(db, out=out, version=version)
    text = out.read_text(encoding="utf-8")
    assert "TEL;TYPE=CELL,VOICE,PREF:+31 6 2345 6789" in text or "TEL;PREF=1;TYPE=CELL,VOICE:+31 6 2345 6789" in text
    assert "X-SOCIALPROFILE;TYPE=linkedin:https://www.linkedin.com/in/mariekejanssen" in text
    assert "X-ABLABEL:_$!<Anniversary>!$_" in text.upper().replace("<ANNIVERSARY>", "<Anniversary>") and "X-APPLE-OMIT-YEAR=1604:1604-09-01" in text
    assert "BDAY:--0314" in text
    other = open_database(str(tmp_path / "other.db"))
    try:
        import_vcards(other, path=out)
        query = "SELECT name, phone, email, birthday_day, birthday_month, birthday_year FROM person ORDER BY name"
        assert rows(other, query) == rows(db, query)
        for name in ("Marieke Janssen", "René Hendriks", "Kees de Boer"):
            assert _points(other, name) == _points(db, name)
            assert _dates(other, name) == _dates(db, name)
    finally:
        other.dispose()


@pytest.mark.parametrize("content", [
    b"BEGIN:VCARD\r\nVERSION:2.1\r\nNOTE;ENCODING=QUOTED-PRINTABLE:=\r\nEND:VCARD\r\n",
    b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;ENCODING=QUOTED-PRINTABLE;CHARSET=nonsense:=ZZ=E9\r\nEND:VCARD\r\n",
    b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:X\r\nX-ABDATE:kapot\r\nANNIVERSARY:--1399\r\nEND:VCARD\r\n",
    b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:X\r\nX-ABShowAs:COMPANY\r\nEND:VCARD\r\n",
    b"BEGIN:VCARD\r\nVERSION:3.0\r\nX-ABShowAs:COMPANY\r\nORG:;\r\nEND:VCARD\r\n",
    b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:X\r\nX-SOCIALPROFILE;x-user=:\r\nitem1.URL:\r\nEND:VCARD\r\n",
])
def test_odd_cards_never_crash(db, tmp_path, content):
    f = tmp_path / "odd.vcf"
    f.write_bytes(content)
    try:
        preview = preview_vcards(f)
    except ValidationError as exc:
        assert "odd.vcf" in str(exc)
        return
    for line in preview.problems + preview.notes:
        assert line.startswith("odd.vcf card 1")


def test_contact_groups_are_nobody_and_a_kind_org_card_is_an_account(db, tmp_path):
    # iCloud's export holds its groups as cards; vCard 4 (DAVx5, Nextcloud) marks groups and firms with KIND
    f = tmp_path / "icloud.vcf"
    f.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Klanten\r\nFN:Klanten\r\nX-ADDRESSBOOKSERVER-KIND:group\r\n"
                 "X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:ios-1\r\nUID:grp-1\r\nEND:VCARD\r\n"
                 "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:group\r\nFN:Leveranciers\r\nUID:grp-2\r\nEND:VCARD\r\n"
                 "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:org\r\nFN:Garage Smit\r\nORG:Garage Smit\r\n"
                 "TEL;TYPE=work:010-1234567\r\nEND:VCARD\r\n"
                 "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Boon;Kees;;;\r\nFN:Kees Boon\r\nUID:ios-1\r\nEND:VCARD\r\n",
                 encoding="utf-8")

    preview = preview_vcards(f)
    assert not preview.problems
    assert any("contact group" in note for card in preview.cards for note in card.notes)
    import_vcards(db, path=f)

    assert rows(db, "SELECT name FROM person ORDER BY name") == [("Kees Boon",)]
    assert rows(db, "SELECT name, phone FROM account WHERE name = 'Garage Smit'") == [("Garage Smit", "010-1234567")]
