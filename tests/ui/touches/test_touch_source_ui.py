"""Ctrl+L asks where a touch came from; correcting a touch shows and keeps it."""

from relationapp.services.customers.staff import list_lead_sources
from relationapp.services.leads.register import register_lead
from relationapp.services.touches import interactions


def test_the_log_dialog_saves_the_chosen_source_and_the_edit_dialog_shows_it(ctx, qtbot):
    from relationapp.ui.touches.edit_interaction import EditInteractionDialog
    from relationapp.ui.touches.log_interaction import LogInteractionDialog

    lead = register_lead(ctx.db, organisation="Vakhandel Bos", new_source="Vakbeurs Installatie")
    fair = list_lead_sources(ctx.db)[0]
    dialog = LogInteractionDialog(ctx, lead.account_id, kind="meeting")
    qtbot.addWidget(dialog)
    assert dialog.source.currentData() is None and dialog.source.currentText() == "—"  # nothing chosen by default
    dialog.source.setCurrentIndex(dialog.source.findData(fair.id))
    dialog.subject.setText("Gesprek op de stand")
    dialog.accept()
    assert dialog.result() == 1, dialog.error.text()
    (row,) = interactions.list_interactions(ctx.db, account_id=lead.account_id)
    assert (row.subject, row.source) == ("Gesprek op de stand", "Vakbeurs Installatie")

    edit = EditInteractionDialog(ctx, row.id)
    qtbot.addWidget(edit)
    assert edit.source.currentText() == "Vakbeurs Installatie"
    edit.source.setCurrentIndex(0)
    edit.accept()
    assert edit.result() == 1, edit.error.text()
    assert interactions.get_interaction(ctx.db, interaction_id=row.id).source is None
