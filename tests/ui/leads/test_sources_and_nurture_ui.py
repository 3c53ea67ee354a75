"""The Leads page's Sources and Nurturing tabs: the figures are the service's, writes go through the runner."""

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt

from relationapp.services.customers.staff import list_lead_sources
from relationapp.services.leads.content import add_content, list_content
from relationapp.services.leads.nurture import add_track, due_content, enrol, list_tracks
from relationapp.services.leads.register import register_lead
from relationapp.services.leads.sources_report import sources_report
from relationapp.services.touches.interactions import list_interactions
from relationapp.text import formatting


def _shown(qtbot, view):
    view.show()
    qtbot.addWidget(view)
    qtbot.waitExposed(view)
    return view


def _sources(ctx, qtbot):
    from relationapp.ui.leads.sources_view import SourcesView

    view = SourcesView(ctx)
    with qtbot.waitSignal(view.shown):
        _shown(qtbot, view)  # the first showing asks for the report
    return view


def _cell(model, row, column):
    return model.data(model.index(row, column))


# --- Sources ------------------------------------------------------------------------------------


def test_sources_tab_answers_how_many_leads_with_the_services_figures(demo_ctx, qtbot, qtmodeltester):
    from relationapp.ui.leads.sources_view import VALUE_PER_LEAD

    view = _sources(demo_ctx, qtbot)
    today = dt.date.today()
    assert view.chosen_year() == today.year - 1  # last year by default
    report = sources_report(demo_ctx.db, year=today.year - 1, today=today)
    fmt = formatting.current()
    assert report.total.leads > 0
    assert f"How many leads did we have in {report.year}? {fmt.number(report.total.leads)}," in view.heading.text()
    for model in (view.source_model, view.colleague_model, view.campaign_model):
        qtmodeltester.check(model)
    assert view.source_model.rowCount() == len(report.sources) + 1  # and the total
    last = view.source_model.rowCount() - 1
    assert (_cell(view.source_model, last, 0), _cell(view.source_model, last, 1)) == ("Total", fmt.number(report.total.leads))
    best = report.sources[0]
    row = view.row_of_source(best.name)
    assert best.value_per_lead is not None
    assert _cell(view.source_model, row, VALUE_PER_LEAD) == fmt.money(best.value_per_lead, whole=True)
    assert view.colleague_model.rowCount() == len(report.colleagues)
    assert view.colleague_table.isColumnHidden(7)  # a colleague has no cost

    older = report.year - 1
    with qtbot.waitSignal(view.shown, check_params_cb=lambda shown: shown.year == older):
        view.year.setCurrentIndex(view.year.findData(older))
    assert str(older) in view.heading.text()
    assert _cell(view.source_model, view.source_model.rowCount() - 1, 1) == fmt.number(
        sources_report(demo_ctx.db, year=older, today=today).total.leads)


def test_an_answer_for_a_year_no_longer_asked_for_is_dropped(demo_ctx, qtbot):
    view = _sources(demo_ctx, qtbot)
    years = [view.year.itemData(i) for i in range(view.year.count())]
    first, second = years[-1], years[-2]
    with qtbot.waitSignal(view.shown, check_params_cb=lambda shown: shown.year == second):
        view.year.setCurrentIndex(view.year.findData(first))
        view.year.setCurrentIndex(view.year.findData(second))
    demo_ctx.tasks.wait()
    qtbot.wait(0)  # deliver whatever is still queued
    assert view.report.year == second and view.chosen_year() == second


def test_entering_a_cost_shows_the_cost_per_lead(demo_ctx, qtbot):
    from relationapp.ui.leads.sources_view import COST_PER_LEAD, CostDialog

    view = _sources(demo_ctx, qtbot)
    report = view.report
    uncosted = next(r for r in report.sources if r.cost is None and r.leads and r.id is not None)
    row = view.row_of_source(uncosted.name)
    assert _cell(view.source_model, row, COST_PER_LEAD) == "–"
    view.source_table.selectRow(row)

    dialog = CostDialog(demo_ctx, year=report.year, source_id=view.selected_source_id(), parent=view)
    qtbot.addWidget(dialog)
    assert dialog.source.currentData() == uncosted.id and dialog.year.value() == report.year
    qtbot.keyClicks(dialog.amount, "1200")
    with qtbot.waitSignal(view.shown):
        dialog.accept()  # one operation: its changes refresh the tab
    assert dialog.result() == 1
    expected = formatting.current().money(Decimal(1200) / uncosted.leads, whole=True)
    row = view.row_of_source(uncosted.name)
    assert _cell(view.source_model, row, COST_PER_LEAD) == expected


def test_a_bad_amount_is_shown_in_the_cost_dialog(ctx, qtbot):
    from relationapp.ui.leads.sources_view import CostDialog

    register_lead(ctx.db, organisation="Eerste", new_source="Website")
    dialog = CostDialog(ctx, year=dt.date.today().year, parent=None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.amount, "veel")
    dialog.accept()
    assert dialog.result() == 0 and dialog.error.text()
    qtbot.waitUntil(dialog.amount.hasFocus)
    assert [s.name for s in list_lead_sources(ctx.db)] == ["Website"]


def test_save_as_pdf_writes_the_report(demo_ctx, qtbot, tmp_path, monkeypatch):
    from relationapp.ui.leads import sources_view

    view = _sources(demo_ctx, qtbot)
    target = tmp_path / "bronnen.pdf"
    monkeypatch.setattr(sources_view.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    opened = []
    monkeypatch.setattr(sources_view, "open_path", opened.append)
    with qtbot.waitSignal(view.pdf_written) as written:
        view.pdf_button.click()
    assert written.args[0] == target and target.read_bytes().startswith(b"%PDF")
    assert opened == [target]


def test_the_leads_page_has_the_three_tabs(window, qtbot):
    window.show_page("leads")
    view = window.views["leads"]
    assert [view.tabs.tabText(i) for i in range(view.tabs.count())] == ["Leads", "Sources", "Nurturing"]
    with qtbot.waitSignal(view.sources.shown):
        view.tabs.setCurrentWidget(view.sources)
    view.tabs.setCurrentWidget(view.nurture)
    assert view.nurture.due_model.rowCount() > 0  # the demo firm has content due


# --- Nurturing ----------------------------------------------------------------------------------


def _nurtured(db):
    lead = register_lead(db, person="Anna Verhoeven", organisation="Bakkerij Verhoeven", email="anna@example.nl",
                         consent_on=dt.date(2026, 1, 15))
    first = add_content(db, title="Zo kies je een warmtepomp", kind="article", url="https://example.nl/warmtepomp")
    second = add_content(db, title="Subsidies 2026", kind="whitepaper")
    add_track(db, name="Oriëntatie", steps=[(first.id, 0), (second.id, 30)])
    enrol(db, account_id=lead.account_id, track="Oriëntatie")
    return lead


def _nurture(ctx, qtbot):
    from relationapp.ui.leads.nurture_view import NurtureView

    return _shown(qtbot, NurtureView(ctx))


def test_nurturing_lists_due_content_and_log_as_sent_writes_a_touch(ctx, qtbot, qtmodeltester, monkeypatch):
    from relationapp.ui.leads import nurture_view

    lead = _nurtured(ctx.db)
    view = _nurture(ctx, qtbot)
    for model in (view.due_model, view.content_model, view.track_model, view.step_model):
        qtmodeltester.check(model)
    assert view.due_model.rowCount() == 1
    texts = [_cell(view.due_model, 0, c) for c in range(view.due_model.columnCount())]
    assert texts[:5] == ["Anna Verhoeven", "Bakkerij Verhoeven", "Zo kies je een warmtepomp", "Article", "1"]
    assert view.track_model.rowCount() == 1 and view.step_model.rowCount() == 2
    assert _cell(view.step_model, 1, 1) == "30 days"
    opened = []
    monkeypatch.setattr(nurture_view, "open_url", opened.append)
    view.link_button.click()
    assert opened == ["https://example.nl/warmtepomp"]

    view.due_table.setFocus()
    qtbot.waitUntil(view.due_table.hasFocus)
    qtbot.keyClick(view.due_table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter
    assert due_content(ctx.db) == []
    assert view.due_model.rowCount() == 0 and not view.sent_button.isEnabled()
    [touch] = list_interactions(ctx.db, account_id=lead.account_id)
    assert (touch.kind, touch.subject, touch.person_ids) == ("content", "Zo kies je een warmtepomp", (lead.person_id,))


def test_log_as_sent_button_is_one_operation(ctx, qtbot):
    _nurtured(ctx.db)
    view = _nurture(ctx, qtbot)
    seen = []
    ctx.changed.connect(seen.append)
    view.sent_button.click()
    assert len(seen) == 1 and view.due_model.rowCount() == 0


def test_content_without_a_title_shows_the_message_next_to_the_field(ctx, qtbot):
    from relationapp.ui.leads.nurture_view import ContentDialog

    dialog = ContentDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("video"))
    qtbot.keyClicks(dialog.url, "https://example.nl/film")
    dialog.accept()
    assert dialog.result() == 0 and dialog.isVisible()
    assert "Title" in dialog.error.text() and dialog.error.isVisible()
    qtbot.waitUntil(dialog.title.hasFocus)
    assert list_content(ctx.db) == []
    qtbot.keyClicks(dialog.title, "Een dag met de monteur")
    dialog.accept()
    assert dialog.result() == 1
    [item] = list_content(ctx.db)
    assert (item.title, item.kind, item.url) == ("Een dag met de monteur", "video", "https://example.nl/film")


def test_a_new_track_with_a_negative_wait_is_refused(ctx, qtbot):
    from relationapp.ui.leads.nurture_view import TrackDialog

    first = add_content(ctx.db, title="Eerste")
    second = add_content(ctx.db, title="Tweede")
    dialog = TrackDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.name, "Traag")
    dialog.rows[0].content.setCurrentIndex(dialog.rows[0].content.findData(first.id))
    step = dialog.add_step()
    step.content.setCurrentIndex(step.content.findData(second.id))
    step.wait.setText("-3")
    qtbot.waitUntil(dialog.isActiveWindow)  # where the focus goes is seen in an active window
    dialog.accept()
    assert dialog.result() == 0 and dialog.isVisible()
    assert "Step 2" in dialog.steps_error.text() and "negative" in dialog.steps_error.text()
    assert dialog.steps_error.isVisible()
    qtbot.waitUntil(step.wait.hasFocus)  # the field it is about
    assert list_tracks(ctx.db) == []
    step.wait.setText("21")
    dialog.accept()
    assert dialog.result() == 1
    [track] = list_tracks(ctx.db)
    assert [(s.content_item_id, s.wait_days) for s in track.steps] == [(first.id, 0), (second.id, 21)]


def test_a_read_only_window_lists_due_content_without_stopping_enrolments(ctx, qtbot):
    import sqlalchemy as sa

    from relationapp.data.models import Account
    from relationapp.services.leads.nurture import get_enrolment, list_enrolments

    lead = _nurtured(ctx.db)
    [enrolment] = list_enrolments(ctx.db, account_id=lead.account_id)
    with ctx.db.write() as session:  # as if the stage had changed without the stage service
        session.execute(sa.update(Account).where(Account.id == lead.account_id).values(stage="customer"))
    ctx.read_only = True
    view = _nurture(ctx, qtbot)
    assert view.due_model.rowCount() == 0
    assert get_enrolment(ctx.db, enrolment_id=enrolment.id).stopped_on is None  # a read-only window writes nothing
    ctx.read_only = False
    view.refresh()
    assert get_enrolment(ctx.db, enrolment_id=enrolment.id).stop_reason == "customer"
