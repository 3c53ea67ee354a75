"""Leads in the window: register one, list it, focus it, qualify it, close it only with a reason."""

import datetime as dt

from PySide6.QtCore import Qt

from relationapp.services.common import settings as settings_service
from relationapp.services.customers import people as people_service
from relationapp.services.customers.staff import list_lead_sources
from relationapp.services.leads.focus import focus_list
from relationapp.services.leads.lead_list import list_leads
from relationapp.services.leads.qualification import get_bant
from relationapp.services.leads.register import register_lead
from relationapp.services.leads.stages import change_stage, stage_history
from tests.ui.conftest import run_modal


def _lead(db, name="Bakkerij Verhoeven", **extra):
    return register_lead(db, person="Anna Verhoeven", organisation=name, need="Zonnepanelen op het dak",
                         today=extra.pop("today", None), **extra)


# --- the lead dialog ---------------------------------------------------------------------------


def test_lead_dialog_registers_a_lead_with_source_and_need(ctx, qtbot):
    from relationapp.ui.leads.lead_dialog import LeadDialog

    dialog = LeadDialog(ctx)
    qtbot.addWidget(dialog)
    assert ctx.settings.lead_definition in dialog.definition.text()
    qtbot.keyClicks(dialog.person, "Piet Jansen")
    qtbot.keyClicks(dialog.organisation, "Jansen Installatie")
    dialog.source.setEditText("Beurs Utrecht")  # not in the list: a new source
    qtbot.keyClicks(dialog.source_detail, "stand 12")
    qtbot.keyClicks(dialog.need, "Een nieuwe warmtepomp")
    seen = []
    ctx.changed.connect(seen.append)
    dialog.accept()
    assert dialog.result() == 1
    lead = dialog.result_value
    assert lead.account == "Jansen Installatie" and lead.person == "Piet Jansen"
    assert "Beurs Utrecht" in [s.name for s in list_lead_sources(ctx.db)]
    [row] = list_leads(ctx.db)
    assert (row.source, row.source_detail, row.stage) == ("Beurs Utrecht", "stand 12", "prospect")
    assert get_bant(ctx.db, account_id=lead.account_id).need == "Een nieuwe warmtepomp"
    assert seen  # one operation, broadcast


def test_lead_dialog_reuses_a_source_of_the_list(ctx, qtbot):
    from relationapp.ui.leads.lead_dialog import LeadDialog

    first = register_lead(ctx.db, organisation="Eerste", new_source="Website")
    dialog = LeadDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.organisation, "Tweede")
    dialog.source.setCurrentIndex(dialog.source.findText("Website"))
    assert dialog.source.chosen() == (first.source_id, None)
    dialog.accept()
    assert dialog.result_value.source_id == first.source_id


def test_lead_dialog_without_name_or_organisation_writes_nothing(ctx, qtbot):
    from relationapp.ui.leads.lead_dialog import LeadDialog

    dialog = LeadDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.email, "anna@example.nl")
    qtbot.keyClicks(dialog.need, "Iets")
    dialog.accept()
    assert dialog.result() == 0 and dialog.isVisible()
    assert "name or organisation" in dialog.error.text()
    assert dialog.error.isVisible()
    qtbot.waitUntil(lambda: dialog.person.hasFocus())  # the field it is about
    assert dialog.email.text() == "anna@example.nl"
    assert list_leads(ctx.db) == []


def test_ctrl_shift_l_opens_the_lead_dialog_from_the_main_window(window, qtbot):
    from relationapp.ui.leads.lead_dialog import LeadDialog

    window.show_page("accounts")

    def fill(dialog):
        assert isinstance(dialog, LeadDialog)
        qtbot.keyClicks(dialog.organisation, "Snelle Lead B.V.")
        dialog.accept()

    dialog = run_modal(qtbot, lambda: qtbot.keyClick(
        window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier), fill)
    assert dialog is not None
    assert "Snelle Lead B.V." in [r.account for r in list_leads(window.ctx.db)]


# --- the Leads page ----------------------------------------------------------------------------


def _page(ctx, qtbot):
    from relationapp.ui.leads.leads_view import LeadsView

    view = LeadsView(ctx)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_leads_page_lists_a_lead_and_its_model_is_sound(ctx, qtbot, qtmodeltester):
    lead = _lead(ctx.db)
    view = _page(ctx, qtbot)
    qtmodeltester.check(view.model)
    assert view.model.rowCount() == 1
    texts = [view.model.data(view.model.index(0, c)) for c in range(view.model.columnCount())]
    assert texts[0] == "Bakkerij Verhoeven"
    assert texts[1] == "Prospect"
    assert texts[6] == "1/4"  # the need of registration
    assert view.select(lead.account_id)


def test_focus_toggle_and_its_undo(ctx, qtbot):
    lead = _lead(ctx.db)
    view = _page(ctx, qtbot)
    view.select(lead.account_id)
    assert view.focus_button.text() == "In foc&us"
    view.focus_button.click()
    assert [f.account_id for f in focus_list(ctx.db)] == [lead.account_id]
    qtbot.waitUntil(lambda: view.model.data(view.model.index(0, 7)) == "✓")
    assert view.focus_button.text() == "Out of foc&us"
    assert ctx.undo()
    assert focus_list(ctx.db) == []
    qtbot.waitUntil(lambda: view.model.data(view.model.index(0, 7)) == "")
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    qtbot.keyClick(view.table, Qt.Key.Key_Space)  # the key does the same
    assert [f.account_id for f in focus_list(ctx.db)] == [lead.account_id]


def test_a_full_focus_list_shows_the_message(ctx, qtbot, answered_boxes):
    settings_service.update_settings(ctx.db, focus_limit=1)
    first, second = _lead(ctx.db, "Eerste"), _lead(ctx.db, "Tweede")
    view = _page(ctx, qtbot)
    view.select(first.account_id)
    view.toggle_focus()
    view.select(second.account_id)
    view.toggle_focus()
    [(title, text, text_format)] = answered_boxes.shown
    assert "already has 1 lead" in text and "in focus" in text
    assert text_format == Qt.TextFormat.PlainText
    assert [f.account_id for f in focus_list(ctx.db)] == [first.account_id]


def test_bant_dialog_moves_the_lead_to_sql_and_the_page_shows_it(ctx, qtbot, answered_boxes):
    from relationapp.ui.leads.bant_panel import BantDialog

    lead = _lead(ctx.db)
    people_service.update_person(ctx.db, person_id=lead.person_id, dmu_role="decision_maker")
    view = _page(ctx, qtbot)
    view.select(lead.account_id)

    def fill(dialog):
        assert isinstance(dialog, BantDialog)
        assert "✗" in dialog.letters.text()
        qtbot.keyClicks(dialog.budget, "12,500")
        dialog.authority.setCurrentIndex(dialog.authority.findData(lead.person_id))
        assert "(Decision maker)" in dialog.authority.currentText()
        assert dialog.score.text() == "BANT score 3/4"
        assert "3 of the four letters" in dialog.rule.text()
        dialog.accept()

    run_modal(qtbot, view.qualify_button.click, fill)
    bant = get_bant(ctx.db, account_id=lead.account_id)
    assert (bant.budget_amount, bant.score, bant.stage) == (12500, 3, "sql")
    assert answered_boxes.shown and "sales-qualified" in answered_boxes.shown[-1][1]
    qtbot.waitUntil(lambda: view.model.data(view.model.index(0, 1)) == "Lead (sales-qualified, hot)")
    assert view.model.data(view.model.index(0, 6)) == "3/4"


def test_bant_dialog_shows_a_bad_amount_next_to_the_field(ctx, qtbot):
    from relationapp.ui.leads.bant_panel import BantDialog

    lead = _lead(ctx.db)
    dialog = BantDialog(ctx, lead.account_id)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.budget, "veel")
    dialog.accept()
    assert dialog.result() == 0 and dialog.error.text()
    assert get_bant(ctx.db, account_id=lead.account_id).budget_amount is None


def test_closing_a_lead_without_a_reason_is_impossible(ctx, qtbot, answered_boxes):
    lead = _lead(ctx.db)
    view = _page(ctx, qtbot)
    view.select(lead.account_id)
    state = {}

    def try_without(dialog):
        dialog.accept()
        state["open"] = dialog.isVisible()
        state["error"] = dialog.error.text()
        qtbot.keyClicks(dialog.reason, "Kiest voor een concurrent")
        dialog.accept()

    run_modal(qtbot, view.close_button.click, try_without)
    assert state["open"] and "Say why this lead is closed" in state["error"]
    assert [b[0] for b in answered_boxes.shown] == ["Close lead"]  # asked once, with a reason
    assert [r.stage for r in list_leads(ctx.db, include_closed=True)] == ["inactive"]
    assert list_leads(ctx.db) == []
    view.show_closed.setChecked(True)
    assert view.model.data(view.model.index(0, 1)) == "Closed lead"
    assert view.model.data(view.model.index(0, 9)) == "Kiest voor een concurrent"


def test_not_ready_needs_a_reason_and_sends_the_lead_to_nurturing(ctx, qtbot):
    lead = _lead(ctx.db)
    view = _page(ctx, qtbot)
    view.select(lead.account_id)
    state = {}

    def fill(dialog):
        dialog.accept()
        state["refused"] = dialog.isVisible() and bool(dialog.error.text())
        qtbot.keyClicks(dialog.reason, "Budget pas volgend jaar")
        dialog.accept()

    run_modal(qtbot, view.not_ready_button.click, fill)
    assert state["refused"]
    bant = get_bant(ctx.db, account_id=lead.account_id)
    assert (bant.stage, bant.not_ready_reason) == ("mql", "Budget pas volgend jaar")


def test_leads_page_opens_the_account(window, qtbot):
    lead = _lead(window.ctx.db, "Open Mij")
    window.show_page("leads")
    view = window.views["leads"]
    qtbot.waitUntil(lambda: view.select(lead.account_id))
    view.open_button.click()
    assert window.stack.currentWidget() is window.account_page
    assert window.account_page.account.id == lead.account_id


# --- the Lead tab ------------------------------------------------------------------------------


def test_lead_tab_shows_bant_stage_history_days_and_path(ctx, qtbot):
    from relationapp.ui.leads.lead_tab import LeadTab

    today = dt.date.today()
    lead = _lead(ctx.db, today=today - dt.timedelta(days=30))
    change_stage(ctx.db, account_id=lead.account_id, to_stage="mql", reason="Webinar gevolgd",
                 today=today - dt.timedelta(days=10))
    tab = LeadTab(ctx)
    qtbot.addWidget(tab)
    tab.set_account(lead.account_id)
    assert "BANT score 1/4" in tab.bant_line.text() and "Need ✓" in tab.bant_line.text()
    assert tab.history_model.rowCount() == 2
    model = tab.history_model
    assert [model.data(model.index(r, 3)) for r in range(2)] == ["20", "10"]
    assert model.data(model.index(1, 5)) == "Webinar gevolgd"
    assert model.data(model.index(1, 2)) == "now"
    assert "Prospect: 20 days" in tab.stages_line.text()
    assert len(stage_history(ctx.db, account_id=lead.account_id)) == 2
    assert "no order yet" in tab.path_line.text()


def test_lead_tab_is_on_the_account_page(window, qtbot):
    lead = _lead(window.ctx.db, "Tab Lead")
    window.show_account(lead.account_id)
    page = window.account_page
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert "Lead" in titles
    from relationapp.ui.leads.lead_tab import LeadTab

    tab = next(t for t in page.extra_tabs if isinstance(t, LeadTab))
    page.tabs.setCurrentWidget(tab)
    assert tab.history_model.rowCount() == 1
    assert tab.qualify_button.isEnabled()
