"""People <-> the address book on a real CardDAV server (Radicale on 127.0.0.1), both ways."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from relationapp.data.models import Account, ChangeLog, Person
from relationapp.exchange.dav.run import sync_now
from relationapp.services.customers.people import create_person, update_person
from relationapp.services.sync.store import DELETED_IN_APP, DELETED_ON_SERVER, resolve_conflict, settle_deletion, sync_status

PHONE_CARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:{uid}\r\nFN:{name}\r\nN:{family};{given};;;\r\n"
    "EMAIL;TYPE=INTERNET,PREF:{email}\r\nEMAIL;TYPE=INTERNET,HOME:thuis@example.nl\r\n"
    "TEL;TYPE=CELL:+31 6 1111 2222\r\nORG:Bakkerij Boon\r\nX-PHONE-ONLY:kept\r\n"
    "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQ==\r\nEND:VCARD\r\n"
)


def people(db) -> list[tuple]:
    with db.read() as session:
        return session.execute(sa.select(Person.name, Person.email, Person.phone, Person.archived)
                               .order_by(Person.name)).all()


def contacts(dav) -> dict[str, str]:
    return dav.items("contacts")


def test_first_sync_both_ways_without_duplicates(synced, dav):
    db = synced
    create_person(db, name="Anna de Boer", email="anna@example.nl", birthday_day=14, birthday_month=3)
    create_person(db, name="Piet Klaassen", email="piet@example.nl", birthday_day=2, birthday_month=1,
                  birthday_year=1970)
    dav.put("contacts", "phone-1.vcf", PHONE_CARD.format(uid="phone-1", name="Kees Boon", family="Boon",
                                                         given="Kees", email="kees@boon.nl"))
    # the same Piet on the phone already: matched by e-mail, never a second Piet
    dav.put("contacts", "phone-2.vcf", PHONE_CARD.format(uid="phone-2", name="Piet Klaassen", family="Klaassen",
                                                         given="Piet", email="piet@example.nl"))

    summary = sync_now(db)

    assert summary.ok, summary.failures
    assert [p[0] for p in people(db)] == ["Anna de Boer", "Kees Boon", "Piet Klaassen"]
    cards = contacts(dav)
    assert len(cards) == 3
    anna = next(text for text in cards.values() if "Anna de Boer" in text)
    assert "BDAY;X-APPLE-OMIT-YEAR=1604:1604-03-14" in anna  # iOS shows no year; DAVx5 reads it too
    assert "UID:relationapp-" in anna
    piet = cards["phone-2.vcf"]
    assert "1970-01-02" in piet and "X-PHONE-ONLY:kept" in piet and "PHOTO" in piet
    with db.read() as session:
        assert session.execute(sa.select(Account.name).join(Person, Person.account_id == Account.id)
                               .where(Person.name == "Kees Boon")).scalar() == "Bakkerij Boon"

    again = sync_now(db)
    assert again.ok and not any(k.changed_anything for k in again.kinds)
    assert contacts(dav) == cards


def test_a_sync_with_nothing_changed_writes_only_its_stamp(synced, dav):
    from relationapp.services.touches.follow_ups import create_follow_up

    db = synced
    from relationapp.services.customers.accounts import create_account

    account_id = create_account(db, name="Bakkerij Boon").id
    create_person(db, name="Anna de Boer", email="anna@example.nl", account_id=account_id)
    create_follow_up(db, account_id=account_id, title="Bellen", due_on=dt.date(2026, 12, 8))
    assert sync_now(db).ok
    with db.read() as session:
        last_seq = session.execute(sa.select(sa.func.max(ChangeLog.seq))).scalar()

    assert not any(k.changed_anything for k in sync_now(db).kinds)

    with db.read() as session:
        written = session.execute(sa.select(ChangeLog.tables).where(ChangeLog.seq > last_seq)).scalars().all()
    assert written == ["sync_account"]  # the last sync's time and result, nothing else


def test_an_edit_on_each_side_is_merged_field_by_field(synced, dav):
    db = synced
    person = create_person(db, name="Anna de Boer", email="anna@example.nl", job_title="Buyer")
    sync_now(db)
    (name, text), = contacts(dav).items()
    # the phone changes the phone number and adds what the app does not know
    phone_text = text.replace("END:VCARD", "TEL;TYPE=CELL:+31 6 9999 0000\r\nX-ABC:phone\r\nEND:VCARD")
    dav.put("contacts", name, phone_text)
    update_person(db, person_id=person.id, job_title="Head of buying")

    summary = sync_now(db)

    assert summary.ok
    assert people(db) == [("Anna de Boer", "anna@example.nl", "+31 6 9999 0000", False)]
    (same_name, merged), = contacts(dav).items()
    assert same_name == name
    assert "TITLE:Head of buying" in merged and "X-ABC:phone" in merged and "+31 6 9999 0000" in merged
    assert not sync_status(db).conflicts


@pytest.mark.parametrize("keep, expected", [("server", "anna@phone.nl"), ("app", "anna@app.nl")])
def test_a_real_conflict_waits_for_review_then_goes_both_ways(synced, dav, keep, expected):
    db = synced
    person = create_person(db, name="Anna de Boer", email="anna@example.nl")
    sync_now(db)
    (name, text), = contacts(dav).items()
    dav.put("contacts", name, text.replace("anna@example.nl", "anna@phone.nl"))
    update_person(db, person_id=person.id, email="anna@app.nl")

    sync_now(db)

    conflict, = sync_status(db).conflicts
    assert (conflict.field, conflict.app_value, conflict.server_value) == ("email", "anna@app.nl", "anna@phone.nl")
    assert conflict.what == "Anna de Boer"
    assert people(db)[0][1] == "anna@app.nl" and "anna@phone.nl" in contacts(dav)[name]  # each keeps its own

    resolve_conflict(db, conflict_id=conflict.id, keep=keep)
    sync_now(db)

    assert people(db)[0][1] == expected
    assert expected in contacts(dav)[name] and not sync_status(db).conflicts
    assert not any(k.changed_anything for k in sync_now(db).kinds)


def test_a_card_deleted_on_the_phone_waits_for_confirmation(synced, dav):
    db = synced
    create_person(db, name="Anna de Boer", email="anna@example.nl")
    sync_now(db)
    (name, _text), = contacts(dav).items()
    dav.delete("contacts", name)

    sync_now(db)

    assert people(db) == [("Anna de Boer", "anna@example.nl", None, False)]  # not gone without a word
    deletion, = sync_status(db).deletions
    assert (deletion.pending, deletion.what) == (DELETED_ON_SERVER, "Anna de Boer")
    settle_deletion(db, item_id=deletion.item_id, delete=True)
    assert people(db)[0][3] is True  # archived: the history stays
    assert not sync_status(db).deletions


def test_keeping_a_card_deleted_on_the_phone_writes_it_again(synced, dav):
    db = synced
    create_person(db, name="Anna de Boer", email="anna@example.nl")
    sync_now(db)
    (name, _text), = contacts(dav).items()
    dav.delete("contacts", name)
    sync_now(db)
    settle_deletion(db, item_id=sync_status(db).deletions[0].item_id, delete=False)

    sync_now(db)

    assert list(contacts(dav)) == [name] and len(people(db)) == 1


def test_a_person_deleted_in_the_app_stays_on_the_phone_until_confirmed(synced, dav):
    db = synced
    person = create_person(db, name="Anna de Boer", email="anna@example.nl")
    sync_now(db)
    update_person(db, person_id=person.id, archived=True)

    sync_now(db)

    assert len(contacts(dav)) == 1
    deletion, = sync_status(db).deletions
    assert deletion.pending == DELETED_IN_APP
    settle_deletion(db, item_id=deletion.item_id, delete=True)
    sync_now(db)
    assert contacts(dav) == {} and not sync_status(db).deletions


def test_a_wrong_password_is_one_line(synced, dav):
    summary = sync_now(synced, password="wrong")
    assert not summary.ok
    assert "refused the user name or password" in summary.failures[0]
    account = sync_status(synced).accounts[0]
    assert account.last_ok is False and "refused" in account.last_result


BROKEN = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:bad\r\nFN:Broken\r\nBDAY;VALUE=date:\r\n:::no name here\r\nEND:VCARD\r\n"


def test_a_card_that_breaks_the_grammar_is_left_and_the_rest_syncs(synced, dav):
    """Radicale refuses such a card on PUT; one another program left in its folder it skips (and logs)."""
    db = synced
    dav.put("contacts", "good.vcf", PHONE_CARD.format(uid="good", name="Kees Boon", family="Boon", given="Kees",
                                                      email="kees@boon.nl"))
    dav.put("contacts", "bad.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:bad\r\nFN:Broken\r\nEND:VCARD\r\n")
    (dav.root / "storage" / "collection-root" / dav.user / "contacts" / "bad.vcf").write_bytes(BROKEN.encode())

    summary = sync_now(db)

    assert summary.ok
    assert [p[0] for p in people(db)] == ["Kees Boon"]
    assert "Skip broken item 'bad.vcf'" in dav.log()
    assert (dav.root / "storage" / "collection-root" / dav.user / "contacts" / "bad.vcf").read_bytes() == BROKEN.encode()


def test_a_card_our_reader_cannot_read_is_one_line():
    from relationapp.exchange.dav.cards import CardUnreadable, fields_of_card

    with pytest.raises(CardUnreadable, match="no name here"):
        fields_of_card(BROKEN)


def test_a_person_erased_for_privacy_leaves_no_copy_in_the_sync(synced, dav):
    from relationapp.services.data_care.privacy import erase_person

    db = synced
    person = create_person(db, name="Anna de Boer", email="anna@example.nl")
    sync_now(db)
    erase_person(db, person_id=person.id)

    with db.read() as session:
        assert "Anna" not in str(session.execute(sa.text("SELECT base FROM sync_item")).all())
    sync_now(db)
    assert len(contacts(dav)) == 1 and people(db) == []  # the phone's card is the user's; not taken in again


def _anniversaries(db) -> list[tuple]:
    from relationapp.data.models import ImportantDate

    with db.read() as session:
        return session.execute(sa.select(Person.name, ImportantDate.day, ImportantDate.month, ImportantDate.year)
                               .join(Person, Person.id == ImportantDate.person_id)
                               .where(ImportantDate.kind == "anniversary").order_by(Person.name)).all()


def test_anniversaries_go_to_the_phone_in_both_forms_and_come_back_from_either(synced, dav):
    from relationapp.data.models import ImportantDate

    db = synced
    anna = create_person(db, name="Anna de Boer", email="anna@example.nl")
    with db.write() as session:
        session.add(ImportantDate(person_id=anna.id, kind="anniversary", label="Trouwdag", month=6, day=12))
    # a card from an iPhone: Apple's labelled date only
    dav.put("contacts", "phone-1.vcf", (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:phone-1\r\nFN:Kees Boon\r\nN:Boon;Kees;;;\r\nEMAIL:kees@boon.nl\r\n"
        "item3.X-ABDATE:2004-09-18\r\nitem3.X-ABLabel:_$!<Anniversary>!$_\r\nEND:VCARD\r\n"))

    assert sync_now(db).ok
    assert _anniversaries(db) == [("Anna de Boer", 12, 6, None), ("Kees Boon", 18, 9, 2004)]
    anna_card = next(text for name, text in contacts(dav).items() if "Anna de Boer" in text)
    assert "X-ANNIVERSARY:--0612" in anna_card  # Android (DAVx5), Evolution, Outlook
    assert "X-ABDATE;X-APPLE-OMIT-YEAR=1604:1604-06-12" in anna_card and "_$!<Anniversary>!$_" in anna_card  # iOS

    # the phone moves Kees's anniversary: the app follows, and the card keeps one anniversary in each form
    kees = contacts(dav)["phone-1.vcf"]
    dav.put("contacts", "phone-1.vcf", kees.replace("2004-09-18", "2004-09-19"))
    assert sync_now(db).ok
    assert ("Kees Boon", 19, 9, 2004) in _anniversaries(db)

    # the app clears Anna's: the phone's card loses both forms, nothing else
    with db.write() as session:
        session.execute(sa.delete(ImportantDate).where(ImportantDate.person_id == anna.id))
    assert sync_now(db).ok
    anna_card = next(text for text in contacts(dav).values() if "Anna de Boer" in text)
    assert "ANNIVERSARY" not in anna_card and "X-ABDATE" not in anna_card and "anna@example.nl" in anna_card
    again = sync_now(db)
    assert again.ok and not any(k.changed_anything for k in again.kinds)


ICLOUD_GROUP = ("BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//iOS 17.0//EN\r\nN:Klanten\r\nFN:Klanten\r\n"
                "X-ADDRESSBOOKSERVER-KIND:group\r\nX-ADDRESSBOOKSERVER-MEMBER:urn:uuid:ios-1\r\nUID:grp-1\r\n"
                "END:VCARD\r\n")
ICLOUD_COMPANY = ("BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nFN:Garage Smit\r\nORG:Garage Smit;\r\n"
                  "X-ABShowAs:COMPANY\r\nTEL;type=WORK:010-1234567\r\nUID:ios-co\r\nEND:VCARD\r\n")
GOOGLE_CARD = ("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Jansen;Marieke;;;\r\nFN:Marieke Jansen\r\n"
               "EMAIL;TYPE=INTERNET;TYPE=WORK:m.jansen@firma.nl\r\nBDAY:--0704\r\nUID:g-1\r\nEND:VCARD\r\n")


def test_an_icloud_group_is_nobody_and_a_company_card_is_an_account_both_left_as_they_are(synced, dav):
    db = synced
    create_person(db, name="Klanten", email="klanten@example.nl")  # a person who happens to share its name
    dav.put("contacts", "grp.vcf", ICLOUD_GROUP)
    dav.put("contacts", "co.vcf", ICLOUD_COMPANY)
    dav.put("contacts", "g.vcf", GOOGLE_CARD)

    summary = sync_now(db)

    assert summary.ok, summary.failures
    with db.read() as session:
        names = session.execute(sa.select(Person.name, Person.birthday_day, Person.birthday_month)
                                .order_by(Person.name)).all()
        garage = session.execute(sa.select(Account.phone).where(Account.name == "Garage Smit")).all()
    assert names == [("Klanten", None, None), ("Marieke Jansen", 4, 7)]
    assert garage == [("010-1234567",)]
    cards = contacts(dav)
    assert cards["grp.vcf"].count("X-ADDRESSBOOKSERVER-MEMBER") == 1 and "EMAIL" not in cards["grp.vcf"]
    assert "EMAIL" not in cards["co.vcf"]
    assert len(cards) == 4  # the person called Klanten got a card of their own
    assert not any(k.changed_anything for k in sync_now(db).kinds)
