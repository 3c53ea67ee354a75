"""Saving over a newer version: what only they changed is kept, and where both changed a field the form
shows both versions and the user keeps theirs or saves over them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from relationapp.data.db import Database
from relationapp.services.customers import accounts, people
from relationapp.services.customers.staff import create_staff
from relationapp.services.touches import interactions
from relationapp.ui.common import conflict_dialog
from tests.ui.conftest import run_modal


@pytest.fixture
def other(db):
    """Another window's session on the same database."""
    second = Database(db.url)
    yield second
    second.dispose()


@pytest.fixture
def open_account(ctx, other, qtbot):
    """An account opened in the form, then saved elsewhere with a new city and account manager."""
    from relationapp.ui.accounts.account_dialog import AccountDialog

    anna = create_staff(ctx.db, name="Anna Visser")
    made = accounts.create_account(ctx.db, name="Bakkerij Jansen", city="Utrecht")
    form = AccountDialog(ctx, made.id)
    qtbot.addWidget(form)
    accounts.update_account(other, account_id=made.id, expected_version=1, city="Amersfoort", owner_id=anna.id)
    form.city.setText("Zeist")
    form.notes.setPlainText("Wants a <b>quote</b>")
    return form, made.id


def _answer(qtbot, form, button_of):
    """Save the form; in the conflict dialog that opens, note what it shows and click a button."""
    seen = {}

    def handle(dialog):
        seen["differing"] = dialog.differing_rows()
        seen["cells"] = {dialog.table.item(r, 1).text(): (dialog.table.item(r, 2).text(), dialog.table.item(r, 3).text())
                         for r in range(dialog.table.rowCount())}
        qtbot.mouseClick(button_of(dialog), Qt.MouseButton.LeftButton)

    shown = run_modal(qtbot, form.accept, handle)
    assert isinstance(shown, conflict_dialog.ConflictDialog)
    return seen


def test_save_mine_over_theirs_where_both_changed_and_keep_their_other_changes(ctx, open_account, qtbot):
    form, account_id = open_account
    seen = _answer(qtbot, form, lambda dialog: dialog.save_mine)
    assert seen["differing"] == ["City"]  # the one field both changed; the account manager only they did
    assert seen["cells"]["City"] == ("Zeist", "Amersfoort")
    assert seen["cells"]["Account manager"] == ("—", "Anna Visser")  # by name, as the form shows it
    assert seen["cells"]["Notes"] == ("Wants a <b>quote</b>", "—")  # typed text is shown as typed
    assert seen["cells"]["Name"] == ("Bakkerij Jansen", "Bakkerij Jansen")
    stored = accounts.get_account(ctx.db, account_id=account_id)
    assert (stored.city, stored.notes, stored.owner, stored.version) == ("Zeist", "Wants a <b>quote</b>", "Anna Visser", 3)
    assert form.result() == form.DialogCode.Accepted


def test_changes_to_different_fields_are_saved_together_without_asking(ctx, other, qtbot, monkeypatch):
    from relationapp.ui.accounts.account_dialog import AccountDialog

    anna = create_staff(ctx.db, name="Anna Visser")
    made = accounts.create_account(ctx.db, name="Bakkerij Jansen", city="Utrecht", annual_budget="12000")
    form = AccountDialog(ctx, made.id)
    qtbot.addWidget(form)
    accounts.update_account(other, account_id=made.id, expected_version=1, owner_id=anna.id, annual_budget="15000",
                            customer_since=dt.date(2021, 3, 1))
    monkeypatch.setattr(conflict_dialog, "choose", lambda dialog: pytest.fail("nothing to choose"))
    said = []
    monkeypatch.setattr(ctx, "say", said.append)
    form.phone.setText("030 123 4567")
    form.accept()
    stored = accounts.get_account(ctx.db, account_id=made.id)
    assert (stored.phone, stored.owner, stored.annual_budget, stored.customer_since, stored.version) == (
        "030 123 4567", "Anna Visser", Decimal("15000"), dt.date(2021, 3, 1), 3)
    assert form.result() == form.DialogCode.Accepted
    assert said and "Account manager" in said[-1] and "Estimated annual budget" in said[-1]


def test_keep_theirs_reloads_the_form_and_the_next_save_goes_through(ctx, open_account, qtbot):
    form, account_id = open_account
    _answer(qtbot, form, lambda dialog: dialog.keep_theirs)
    assert form.result() != form.DialogCode.Accepted  # still open, with their version in it
    assert form.city.text() == "Amersfoort" and form.owner.currentText() == "Anna Visser"
    assert form.notes.toPlainText() == ""
    assert accounts.get_account(ctx.db, account_id=account_id).city == "Amersfoort"  # nothing of mine saved
    form.phone.setText("030 123 4567")
    form.accept()  # their version is the one loaded now: no conflict
    stored = accounts.get_account(ctx.db, account_id=account_id)
    assert (stored.city, stored.phone, stored.owner) == ("Amersfoort", "030 123 4567", "Anna Visser")


def test_back_to_my_form_keeps_what_was_typed_and_saves_nothing(ctx, open_account, qtbot):
    form, account_id = open_account
    _answer(qtbot, form, lambda dialog: dialog.back)
    assert form.city.text() == "Zeist" and form.notes.toPlainText() == "Wants a <b>quote</b>"
    assert not form.error.isHidden()
    assert accounts.get_account(ctx.db, account_id=account_id).city == "Amersfoort"


def test_a_person_form_shows_the_birthday_parts_and_keeps_working_after_saving(ctx, other, qtbot):
    from relationapp.ui.people.person_dialog import PersonDialog

    anna = people.create_person(ctx.db, name="Anna de Vries", birthday_day=14, birthday_month=3)
    form = PersonDialog(ctx, anna.id)
    qtbot.addWidget(form)
    people.update_person(other, person_id=anna.id, expected_version=1, birthday_day=15, job_title="Inkoper")
    form.bday.setValue(16)
    form.personal.setPlainText("Loves jazz")
    seen = _answer(qtbot, form, lambda dialog: dialog.save_mine)
    assert seen["differing"] == ["Birthday: day"]
    assert seen["cells"]["Birthday: day"] == ("16", "15")
    stored = people.get_person(ctx.db, person_id=anna.id)
    assert (stored.job_title, stored.birthday_day, stored.personal_notes, stored.version) == ("Inkoper", 16, "Loves jazz", 3)
    assert form.version == 3  # the form took the version its save returned


@pytest.fixture
def touch_form(ctx, qtbot):
    """A call with Anna, open in its edit form; Piet works at the same account."""
    from relationapp.ui.touches.edit_interaction import EditInteractionDialog

    account = accounts.create_account(ctx.db, name="Jansen")
    anna = people.create_person(ctx.db, name="Anna", account_id=account.id)
    piet = people.create_person(ctx.db, name="Piet", account_id=account.id)
    touch = interactions.log_interaction(ctx.db, account_id=account.id, kind="call", occurred_on=dt.date.today(),
                                         person_ids=[anna.id], subject="Quote")
    form = EditInteractionDialog(ctx, touch.id)
    qtbot.addWidget(form)
    return form, touch.id, anna.id, piet.id


def test_a_touch_form_names_who_was_there(touch_form, other, qtbot):
    form, touch_id, anna, piet = touch_form
    interactions.update_interaction(other, interaction_id=touch_id, expected_version=1, person_ids=[anna, piet],
                                    subject="Quote by mail")
    form.subject.setText("Quote sent")
    seen = _answer(qtbot, form, lambda dialog: dialog.keep_theirs)
    assert seen["differing"] == ["Subject"]
    assert seen["cells"]["With"] == ("Anna", "Anna, Piet")
    assert form.subject.text() == "Quote by mail" and sorted(form.person_ids()) == sorted([anna, piet])


def test_who_was_there_changed_elsewhere_is_ticked_in_the_form_and_saved_with_my_subject(ctx, touch_form, other,
                                                                                          monkeypatch):
    form, touch_id, anna, piet = touch_form
    interactions.update_interaction(other, interaction_id=touch_id, expected_version=1, person_ids=[anna, piet])
    monkeypatch.setattr(conflict_dialog, "choose", lambda dialog: pytest.fail("nothing to choose"))
    form.subject.setText("Quote sent")
    form.accept()
    stored = interactions.get_interaction(ctx.db, interaction_id=touch_id)
    assert (stored.subject, sorted(stored.person_ids)) == ("Quote sent", sorted([anna, piet]))


def test_a_bant_form_keeps_their_need_and_saves_after(ctx, other, qtbot):
    from relationapp.services.leads.qualification import get_bant, qualify
    from relationapp.ui.leads.bant_panel import BantDialog

    lead = accounts.create_account(ctx.db, name="Nieuw B.V.", stage="prospect")
    form = BantDialog(ctx, lead.id)
    qtbot.addWidget(form)
    qualify(other, account_id=lead.id, need="a heat pump", expected_version=0)
    form.need.setText("solar panels")
    seen = _answer(qtbot, form, lambda dialog: dialog.keep_theirs)
    assert seen["cells"]["Need"] == ("solar panels", "a heat pump")
    assert form.need.text() == "a heat pump"
    form.notes.setPlainText("call in March")
    form.accept()
    stored = get_bant(ctx.db, account_id=lead.id)
    assert (stored.need, stored.notes, stored.version) == ("a heat pump", "call in March", 2)


def test_a_change_elsewhere_to_nothing_the_form_holds_saves_without_asking(ctx, other, qtbot, monkeypatch):
    from relationapp.services.relationships.journey import set_journey_stage
    from relationapp.ui.accounts.account_dialog import AccountDialog

    made = accounts.create_account(ctx.db, name="Bakkerij Jansen", stage="customer")
    form = AccountDialog(ctx, made.id)
    qtbot.addWidget(form)
    set_journey_stage(other, account_id=made.id, stage="enjoy")  # not a field of the form
    monkeypatch.setattr(conflict_dialog, "choose", lambda dialog: pytest.fail("asked for nothing"))
    form.city.setText("Zeist")
    form.accept()
    stored = accounts.get_account(ctx.db, account_id=made.id)
    assert (stored.city, stored.journey_stage, stored.version) == ("Zeist", "enjoy", 3)
    assert form.result() == form.DialogCode.Accepted


def test_a_staff_form_saved_over_their_e_mail_keeps_their_new_hourly_cost(ctx, other, qtbot):
    from relationapp.services.customers import staff as staff_service
    from relationapp.ui.data.staff_panel import StaffDialog

    anna = create_staff(ctx.db, name="Anna Visser", hourly_cost="60")
    form = StaffDialog(ctx, anna)
    qtbot.addWidget(form)
    staff_service.update_staff(other, staff_id=anna.id, expected_version=anna.version, hourly_cost="75", email="a@visser.nl")
    form.email.setText("anna@example.nl")
    seen = _answer(qtbot, form, lambda dialog: dialog.save_mine)
    assert seen["differing"] == ["E-mail"]
    stored = staff_service.get_staff(ctx.db, staff_id=anna.id)
    assert (stored.email, stored.hourly_cost, stored.version) == ("anna@example.nl", Decimal("75"), 3)
