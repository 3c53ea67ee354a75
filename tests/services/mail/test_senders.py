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


def test_add_as_person_on_an_account_logs_their_waiting_mail(db, waiting, tmp_path):
    from relationapp.services.customers.people import get_person

    added = senders.add_sender_as_person(db, address="Jan.de.Vries@bouwbedrijf-noord.nl",
                                         account_id=waiting["bakker"].id, today=TODAY)

    person = get_person(db, person_id=added.person_id)
    assert (person.name, person.email, person.account) == ("Jan de Vries", "jan.de.vries@bouwbedrijf-noord.nl",
                                                           "Bakker BV")
    assert added.logged == 1
    (touch,) = list_interactions(db, account_id=waiting["bakker"].id)
    assert (touch.subject, touch.people, touch.direction, touch.kind) == ("Vraag", ("Jan de Vries",), "in", "email")
    assert [s.address for s in senders.list_senders(db)] == ["kees_van_dam@gmail.com"]
    again = import_mail(db, paths=[tmp_path / "a.eml"], today=TODAY)  # the same mail again: logged once
    assert (again.logged, again.duplicates) == (0, 1)


def test_add_as_lead_registers_account_and_person_and_logs_the_waiting_mail(db, waiting):
    added = senders.add_sender_as_lead(db, address="jan.de.vries@bouwbedrijf-noord.nl",
                                       organisation="Bouwbedrijf Noord", new_source="E-mail")

    assert (added.account, added.name, added.logged) == ("Bouwbedrijf Noord", "Jan de Vries", 1)
    assert [t.subject for t in list_interactions(db, account_id=added.account_id)] == ["Vraag"]
    assert senders.count_waiting(db) == 1


def test_the_same_unknown_mail_imported_again_is_counted_once(db, waiting, tmp_path):
    again = import_mail(db, paths=[tmp_path / "a.eml", tmp_path / "b.eml"], today=TODAY)

    assert (again.duplicates, again.unknown, again.new_senders) == (2, 0, 0)
    assert {s.address: s.messages for s in senders.list_senders(db)} == {
        "jan.de.vries@bouwbedrijf-noord.nl": 1, "kees_van_dam@gmail.com": 1}


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


def test_an_address_given_to_someone_by_hand_leaves_the_list_and_its_mail_is_logged_next_time(db, waiting,
                                                                                               tmp_path):
    from relationapp.services.customers.people import create_person

    kees = create_person(db, name="Kees van Dam", email="Kees_van_Dam@gmail.com", account_id=waiting["bakker"].id)
    assert [s.address for s in senders.list_senders(db)] == ["jan.de.vries@bouwbedrijf-noord.nl"]

    (tmp_path / "c.eml").write_bytes(mail(sender="iemand@anders.nl", message_id="<c@x>"))
    summary = import_mail(db, paths=[tmp_path / "c.eml"], today=TODAY)

    assert any("1 mails from kees_van_dam@gmail.com" in r for r in summary.remarks)
    (touch,) = list_interactions(db, person_id=kees.id)
    assert touch.subject == "Hoi"


def test_ignoring_keeps_the_waiting_mail_for_when_the_ignore_is_taken_back(db, waiting):
    senders.ignore_sender(db, address="kees_van_dam@gmail.com")
    senders.review_again(db, address="kees_van_dam@gmail.com")

    added = senders.add_sender_as_person(db, address="kees_van_dam@gmail.com", account_id=waiting["bakker"].id)

    assert added.logged == 1


def test_an_address_not_on_the_list(db, waiting):
    with pytest.raises(NotFound):
        senders.add_sender_as_person(db, address="wie@nergens.nl", account_id=waiting["bakker"].id)
