"""Changing an account's stage in its dialog records why; a lead is closed only with a reason."""

from __future__ import annotations

from relationapp.services.customers.accounts import get_account
from relationapp.services.customers.staff import create_staff
from relationapp.services.leads.register import register_lead
from relationapp.services.leads.stages import stage_history


def test_the_dialog_asks_why_once_the_stage_changes_and_closing_a_lead_needs_it(ctx, qtbot):
    from relationapp.ui.accounts.account_dialog import AccountDialog

    tom = create_staff(ctx.db, name="Tom Kramer")
    lead = register_lead(ctx.db, organisation="Fietsenwinkel De Ring")
    dialog = AccountDialog(ctx, lead.account_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.stage_reason.isVisible()  # nothing to explain yet
    dialog.stage.setCurrentIndex(dialog.stage.findData("inactive"))
    assert dialog.stage_reason.isVisible()
    dialog.brought_in_by.setCurrentIndex(dialog.brought_in_by.findData(tom.id))
    dialog.accept()
    assert dialog.isVisible() and "Say why this lead is closed" in dialog.error.text()
    assert dialog.focusWidget() is dialog.stage_reason
    assert get_account(ctx.db, account_id=lead.account_id).stage == "prospect"  # nothing written
    dialog.stage_reason.setText("Gekozen voor een concurrent")
    dialog.accept()
    assert not dialog.isVisible()
    account = get_account(ctx.db, account_id=lead.account_id)
    assert (account.stage, account.brought_in_by_id) == ("inactive", tom.id)
    assert stage_history(ctx.db, account_id=lead.account_id)[-1].reason == "Gekozen voor een concurrent"
