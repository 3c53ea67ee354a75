"""The account's timeline shows its stage changes (who, when, why) among the touches; they are history, read only."""

from __future__ import annotations

import datetime as dt

from relationapp.services.leads import stages
from relationapp.services.leads.register import register_lead
from relationapp.services.touches import interactions


def test_stage_changes_appear_on_the_timeline_newest_first_and_cannot_be_edited(ctx, qtbot, monkeypatch):
    from relationapp.ui.accounts.account_page import AccountPage

    lead = register_lead(ctx.db, organisation="Kok Zorggroep", today=dt.date(2026, 1, 5))
    interactions.log_interaction(ctx.db, account_id=lead.account_id, kind="call", occurred_on=dt.date(2026, 1, 20),
                                 subject="Eerste gesprek")
    stages.change_stage(ctx.db, account_id=lead.account_id, to_stage="mql", reason="Webinar gevolgd",
                        today=dt.date(2026, 2, 1))
    page = AccountPage(ctx)
    qtbot.addWidget(page)
    page.set_account(lead.account_id)
    model = page.timeline_model
    rows = [(r.occurred_on, r.kind, r.subject, r.notes) for r in model.rows]
    assert rows == [
        (dt.date(2026, 2, 1), "stage", "Prospect → Lead (marketing-qualified, cold)", "Webinar gevolgd"),
        (dt.date(2026, 1, 20), "call", "Eerste gesprek", None),
        (dt.date(2026, 1, 5), "stage", "Prospect", "Registered as a lead"),
    ]
    opened = []
    monkeypatch.setattr("relationapp.ui.touches.edit_interaction.EditInteractionDialog.exec",
                        lambda self: opened.append(self))
    page.edit_interaction(model.index(0, 0))
    assert opened == []  # a stage change opens no touch form
    page.edit_interaction(model.index(1, 0))
    assert len(opened) == 1
