"""More than one sync account against a real server (Radicale, two users): the owner's phone and the firm's server."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from relationapp.data.models import Person
from relationapp.errors import ValidationError
from relationapp.exchange.dav.run import remove, set_up, sync_now
from relationapp.exchange.mail import password as passwords
from relationapp.services.customers.people import create_person
from relationapp.services.sync.store import sync_accounts, sync_status

CARD = ("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:{uid}\r\nFN:{name}\r\nN:{family};{given};;;\r\nEMAIL:{email}\r\n"
        "END:VCARD\r\n")


@pytest.fixture
def two_accounts(db, dav, memory_keyring):
    office = dav.other()
    set_up(db, name="phone", url=dav.url, user=dav.user, password=dav.password,
           address_book=f"{dav.user}/contacts/", tasks=f"{dav.user}/tasks/")
    set_up(db, name="office", url=dav.url, user=office.user, password=office.password,
           address_book=f"{office.user}/contacts/")
    return db, dav, office


def people(db) -> list[tuple]:
    with db.read() as session:
        return session.execute(sa.select(Person.name, Person.email, Person.phone).order_by(Person.name)).all()


def test_the_same_person_on_two_servers_is_one_person_and_one_card_on_each(two_accounts):
    db, phone, office = two_accounts
    create_person(db, name="Anna de Boer", email="anna@example.nl")
    phone.put("contacts", "kees.vcf", CARD.format(uid="kees", name="Kees Boon", family="Boon", given="Kees",
                                                  email="kees@boon.nl"))
    # the same Kees in the firm's address book already: matched there by e-mail, no second Kees anywhere
    office.put("contacts", "kees-office.vcf", CARD.format(uid="kees-office", name="Kees Boon", family="Boon",
                                                          given="Kees", email="kees@boon.nl"))

    run = sync_now(db)  # every account

    assert run.ok, run.failures
    assert [a.account for a in run.accounts] == ["phone", "office"]
    assert [p[0] for p in people(db)] == ["Anna de Boer", "Kees Boon"]
    assert len(phone.names("contacts")) == 2 and len(office.names("contacts")) == 2
    assert "kees-office.vcf" in office.names("contacts")

    # an edit on the firm's server reaches the app, and from there the phone's
    (anna_office,) = [n for n, t in office.items("contacts").items() if "Anna" in t]
    text = office.get("contacts", anna_office)
    office.put("contacts", anna_office, text.replace("END:VCARD", "TEL;TYPE=WORK:+31 10 123 4567\r\nEND:VCARD"))
    assert sync_now(db).ok
    assert sync_now(db, account="phone").ok
    assert people(db)[0] == ("Anna de Boer", "anna@example.nl", "+31 10 123 4567")
    assert any("+31 10 123 4567" in t for t in phone.items("contacts").values())
    assert len(people(db)) == 2 and len(phone.names("contacts")) == 2 and len(office.names("contacts")) == 2
    nothing = sync_now(db)
    assert nothing.ok and not any(k.changed_anything for k in nothing.kinds)


def test_each_account_has_its_password_its_last_sync_and_one_failing_leaves_the_other(two_accounts):
    db, phone, office = two_accounts
    create_person(db, name="Anna de Boer", email="anna@example.nl")
    passwords.store_password(host=f"{phone.host}:{phone.port}", user=office.user, password="changed-since",
                             service="relationapp-dav")

    run = sync_now(db)

    assert not run.ok
    assert run.failures == (f"office: Contacts: The server refused the user name or password for {office.user}.",)
    by_name = {a.name: a for a in sync_accounts(db)}
    assert by_name["phone"].last_ok and "Contacts: 1 out to the server" in by_name["phone"].last_result
    assert not by_name["office"].last_ok and "refused" in by_name["office"].last_result
    assert len(phone.names("contacts")) == 1 and office.names("contacts") == []


def test_one_collection_is_never_in_two_accounts_and_names_are_asked_for(two_accounts, dav):
    db, phone, _office = two_accounts
    with pytest.raises(ValidationError, match="synced by the sync account 'phone' already"):
        set_up(db, name="spare", url=dav.url, user=dav.user, password=dav.password,
               address_book=f"{dav.user}/contacts/")
    with pytest.raises(ValidationError, match="several sync accounts; choose one with --account: phone, office"):
        set_up(db, url=dav.url, user=dav.user, password=dav.password, address_book=f"{dav.user}/visits/")
    with pytest.raises(ValidationError, match="No sync account is called 'home'; there are: phone, office"):
        sync_now(db, account="home")
    with pytest.raises(ValidationError, match="for one sync account"):
        sync_now(db, password=dav.password)


def test_removing_an_account_keeps_the_cards_on_its_server_and_the_people_here(two_accounts):
    db, phone, office = two_accounts
    create_person(db, name="Anna de Boer", email="anna@example.nl")
    assert sync_now(db).ok

    removed = remove(db, name="office")

    assert (removed.name, removed.items) == ("office", 1)
    assert [a.name for a in sync_accounts(db)] == ["phone"]
    assert len(office.names("contacts")) == 1 and [p[0] for p in people(db)] == ["Anna de Boer"]
    assert sync_status(db).items == {"contacts": 1}  # the phone's item only
    assert passwords.load_password(host=f"{office.host}:{office.port}", user=office.user,
                                   service="relationapp-dav") is None
    assert passwords.load_password(host=f"{phone.host}:{phone.port}", user=phone.user,
                                   service="relationapp-dav") == phone.password
    with pytest.raises(ValidationError, match="No sync account is called 'office'"):
        remove(db, name="office")
    run = sync_now(db)  # the only one left
    assert run.ok and [a.account for a in run.accounts] == ["phone"]
