"""The review list of unknown senders: add as person or lead, ignore, and what leaves it by itself."""

from __future__ import annotations

import datetime as dt

import pytest

from relationapp.errors import NotFound, ValidationError
from relationapp.exchange.mail.files import import_mail
from relationapp.services.mail import senders
from relationapp.services.touches.interactions import list_interactions
from tests.mail_samples import firm, mail

TODAY = dt.date(2026, 12, 1)


@pytest.fixture
def waiting(db, tmp_path):
    people = firm(db)
    (tmp_path / "a.eml").write_bytes(mail(sender="Jan de Vries <jan.de.vries@bouwbedrijf-noord.nl>",
                                          subject="Vraag", message_id="<a@x>"))
    (tmp_path / "b.eml").write_bytes(mail(sender="kees_van_dam@gmail.com", subject="Hoi", message_id="<b@x>"))
    import_mail(db, paths=[tmp_path / "a.eml", tmp_path / "b.eml"], today=TODAY)
    return people


def test_suggested_names_and_organisations(db, waiting):
    by_address = {s.address: s for s in senders.list_senders(db)}
    vries, dam = by_address["jan.de.vries@bouwbedrijf-noord.nl"], by_address["kees_van_dam@gmail.com"]
    assert (vries.suggested_name, vries.suggested_organisation) == ("Jan de Vries", "Bouwbedrijf Noord")
    assert (dam.suggested_name, dam.suggested_organisation) == ("Kees van Dam", None)


def test_add_as_person_on_an_account_then_their_mail_is_logged(db, waiting, tmp_path):
    person = senders.add_sender_as_person(db, address="Jan.de.Vries@bouwbedrijf-noord.nl",
                                          account_id=waiting["bakker"].id)

    assert (person.name, person.email, person.account) == ("Jan de Vries", "jan.de.vries@bouwbedrijf-noord.nl",
                                                           "Bakker BV")
    assert [s.address for s in senders.list_senders(db)] == ["kees_van_dam@gmail.com"]
    again = import_mail(db, paths=[tmp_path / "a.eml"], today=TODAY)  # the waiting mail, imported again
    assert again.logged == 1
    assert [t.subject for t in list_interactions(db, account_id=waiting["bakker"].id)] == ["Vraag"]


def test_add_as_lead_registers_account_and_person(db, waiting):
    lead = senders.add_sender_as_lead(db, address="jan.de.vries@bouwbedrijf-noord.nl",
                                      organisation="Bouwbedrijf Noord", new_source="E-mail")

    assert (lead.account, lead.person, lead.stage) == ("Bouwbedrijf Noord", "Jan de Vries", "prospect")
    assert senders.count_waiting(db) == 1


def test_ignore_and_review_again(db, waiting):
    senders.ignore_sender(db, address="kees_van_dam@gmail.com")
    assert [s.address for s in senders.list_senders(db, status="ignored")] == ["kees_van_dam@gmail.com"]
    assert senders.count_waiting(db) == 1

    senders.review_again(db, address="kees_van_dam@gmail.com")
    assert senders.count_waiting(db) == 2


def test_an_address_can_be_ignored_before_it_writes(db, waiting, tmp_path):
    senders.ignore_sender(db, address="Nieuwsbrief@Winkel-Keten.nl", today=TODAY)
    (tmp_path / "n.eml").write_bytes(mail(sender="nieuwsbrief@winkel-keten.nl", message_id="<n@x>"))

    summary = import_mail(db, paths=[tmp_path / "n.eml"], today=TODAY)

    assert (summary.unknown, summary.skipped) == (0, 1)
    with pytest.raises(ValidationError):
        senders.ignore_sender(db, address="not an address")


def test_an_address_given_to_someone_by_hand_leaves_the_list(db, waiting):
    from relationapp.services.customers.people import create_person

    create_person(db, name="Kees van Dam", email="Kees_van_Dam@gmail.com")

    assert [s.address for s in senders.list_senders(db)] == ["jan.de.vries@bouwbedrijf-noord.nl"]


def test_an_address_not_on_the_list(db, waiting):
    with pytest.raises(NotFound):
        senders.add_sender_as_person(db, address="wie@nergens.nl", account_id=waiting["bakker"].id)
