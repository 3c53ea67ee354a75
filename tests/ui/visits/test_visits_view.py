import datetime as dt
from decimal import Decimal

import pytest
from icalendar import Calendar
from PySide6.QtCore import QModelIndex, Qt, QTime

from relationapp.data.models import Order
from relationapp.services.common.settings import update_settings
from relationapp.services.customers.accounts import create_account
from relationapp.services.customers.people import create_person
from relationapp.services.customers.staff import create_staff
from relationapp.services.touches.interactions import list_interactions
from relationapp.services.visits import visits
from tests.ui.conftest import run_modal

TODAY = dt.date.today()
DAY = TODAY + dt.timedelta(days=7)


@pytest.fixture(autouse=True)
def _today_as_the_test_starts():
    """A run that passes midnight: the firm and the view's dates are made on the same day."""
    global TODAY, DAY
    TODAY = dt.date.today()
    DAY = TODAY + dt.timedelta(days=7)


@pytest.fixture
def firm(db):
    """Three customers due for a visit, on a west-east line, plus one elsewhere."""
    update_settings(db, language="en")
    staff = create_staff(db, name="Anna Manager")
    made = {}
    for name, revenue, lon, region in (("West <b>Bakery</b>", "30000", 4.0, "Utrecht"), ("East", "20000", 5.5, "Utrecht"),
                                       ("Middle", "10000", 4.7, "Utrecht"), ("Far Away", "5000", 6.5, "Groningen")):
        account = create_account(db, name=name, stage="customer", customer_since=dt.date(2020, 1, 1), city=name.split()[0],
                                 region=region, street="Dorpsstraat 1", latitude=52.0, longitude=lon, owner_id=staff.id)
        with db.write() as session:
            session.add(Order(account_id=account.id, ordered_on=TODAY - dt.timedelta(days=30), amount=Decimal(revenue)))
        made[name] = account
    create_person(db, name="Wim West", account_id=made["West <b>Bakery</b>"].id, dmu_role="decision_maker")
    return made


@pytest.fixture
def view(ctx, firm, qtbot):
    from relationapp.ui.visits.visits_view import VisitsView

    widget = VisitsView(ctx)
    qtbot.addWidget(widget)
    widget.resize(1400, 700)
    widget.show()
    qtbot.waitUntil(lambda: widget.due_model.rowCount() == 4)
    widget.day.set_date(DAY)
    return widget


def _accounts(view):
    return [s.account for s in view.stops_model.stops]


def _select_due(view, names):
    from PySide6.QtCore import QItemSelectionModel

    selection = view.due_table.selectionModel()
    selection.clearSelection()
    for row in range(view.due_model.rowCount()):
        if view.due_model.row_object(row).name in names:
            selection.select(view.due_model.index(row, 0),
                             QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def test_due_list_filters_and_models(view, qtbot, qtmodeltester):
    assert [view.due_model.row_object(r).name for r in range(4)] == ["West <b>Bakery</b>", "East", "Middle", "Far Away"]
    assert view.due_model.data(view.due_model.index(0, 0)) == "West <b>Bakery</b>"  # plain text, never markup
    qtmodeltester.check(view.due_model)
    with qtbot.waitSignal(view.due_loaded):
        view.region.setCurrentText("Groningen")
    assert [view.due_model.row_object(r).name for r in range(view.due_model.rowCount())] == ["Far Away"]


def test_plan_a_day_of_three_stops_reorder_and_export(view, qtbot, qtmodeltester, tmp_path, monkeypatch):
    _select_due(view, {"West <b>Bakery</b>", "East", "Middle"})
    view.add_button.click()
    assert _accounts(view) == ["West <b>Bakery</b>", "East", "Middle"]
    # one after the other, with the estimated drive between (about 135 and 75 minutes on this line)
    assert [s.start_time for s in view.stops_model.stops] == [dt.time(9), dt.time(12, 15), dt.time(14, 30)]
    qtmodeltester.check(view.stops_model)

    # drag the first stop below the last
    model = view.stops_model
    model.dropMimeData(model.mimeData([model.index(0, 0)]), Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert _accounts(view) == ["East", "Middle", "West <b>Bakery</b>"]
    assert [s.account for s in visits.day_plan(view.ctx.db, day=DAY).stops] == _accounts(view)  # saved
    view.stops_table.selectRow(2)
    view.up_button.click()
    assert _accounts(view) == ["East", "West <b>Bakery</b>", "Middle"]
    before = [(s.account, s.start_time) for s in view.stops_model.stops]
    assert [t for _, t in before] == [dt.time(12, 15), dt.time(9), dt.time(14, 30)]  # moved, times kept
    view.route_start.setTime(QTime(8, 30))
    view.route_button.click()  # from the first stop (East), nearest next, timed from 08:30
    assert _accounts(view) == ["East", "Middle", "West <b>Bakery</b>"]
    times = [s.start_time for s in view.stops_model.stops]
    assert times == [dt.time(8, 30), dt.time(10, 45), dt.time(12, 50)]  # 60 min each, then ~75 and ~65 min drives
    assert [view.stops_model.data(view.stops_model.index(r, model.DRIVE)) for r in range(3)] == [
        "", "~75 min, 71 km", "~65 min, 62 km"]
    assert not view.warnings.isVisible()
    view.ctx.undo()  # the order and the times before
    assert [(s.account, s.start_time) for s in view.stops_model.stops] == before
    view.route_button.click()
    assert _accounts(view) == ["East", "Middle", "West <b>Bakery</b>"]

    # a time edited in place that overlaps the previous stop warns, and still saves
    assert model.setData(model.index(1, model.TIME), "09:00")  # East is 08:30-09:30
    assert view.warnings.isVisible() and "overlaps" in view.warnings.text()
    # right after it is no overlap, but no time to drive there
    assert model.setData(model.index(1, model.TIME), "09:30")
    assert view.warnings.text() == "⚠ Middle starts 0 min after East ends; the drive takes about 75 min."

    target = tmp_path / "day.ics"
    monkeypatch.setattr("relationapp.ui.visits.visits_view.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(view.calendar_written, timeout=20000):
        view.ics_button.click()
    events = list(Calendar.from_ical(target.read_bytes()).walk("VEVENT"))
    assert [str(e["summary"]) for e in events] == ["Visit: East", "Visit: Middle", "Visit: West <b>Bakery</b>"]

    opened = []
    monkeypatch.setattr("relationapp.ui.visits.visits_view.open_file", opened.append)
    with qtbot.waitSignal(view.briefing_written, timeout=20000) as blocker:
        view.brief_button.click()
    assert blocker.args[0] is not None and opened == [blocker.args[0]]
    assert blocker.args[0].read_bytes().startswith(b"%PDF")

    view.stops_table.selectRow(0)
    view.remove_button.click()
    assert _accounts(view) == ["Middle", "West <b>Bakery</b>"]
    view.ctx.undo()
    assert sorted(_accounts(view)) == ["East", "Middle", "West <b>Bakery</b>"]


def test_log_visit_from_the_plan(view, qtbot, monkeypatch):
    west = view.due_model.row_object(0)
    visits.add_stop(view.ctx.db, account_id=west.account_id, day=TODAY, duration_minutes=75)
    view.day.set_date(TODAY)
    view.stops_table.selectRow(0)

    def fill(dialog):
        assert dialog.minutes.value() == 75 and dialog.date.value() == TODAY
        assert dialog.person_ids() == [p.id for p in visits.visit_prefill(view.ctx.db, visit_id=view.plan.stops[0].id).people]
        dialog.notes.setPlainText("Talked about the extension.")
        dialog.accept()

    run_modal(qtbot, view.log_button.click, fill)
    assert view.stops_model.stops[0].status == "done"
    touch = list_interactions(view.ctx.db, account_id=west.account_id)[0]
    assert (touch.kind, touch.duration_minutes, touch.notes) == ("visit", 75, "Talked about the extension.")
    assert touch.people == ("Wim West",)


def test_open_in_map(view, monkeypatch):
    opened = []
    monkeypatch.setattr("relationapp.ui.visits.visits_view.open_url", opened.append)
    view.due_table.selectRow(0)
    view.due_map_button.click()
    assert opened == ["https://www.openstreetmap.org/search?query=Dorpsstraat+1%2C+West"]


def test_planned_visits_show_on_the_account(ctx, firm, qtbot, qtmodeltester):
    from relationapp.ui.visits.visit_tabs import AccountVisitsTab

    tab = AccountVisitsTab(ctx)
    qtbot.addWidget(tab)
    east = firm["East"]
    tab.set_account(east.id)
    assert tab.model.rowCount() == 0
    tab.day.set_date(DAY)
    tab.plan_button.click()
    assert [s.planned_on for s in tab.model.rows] == [DAY]
    qtmodeltester.check(tab.model)


def test_visits_page_and_account_tab_in_the_main_window(window, qtbot):
    window.show_page("visits")
    view = window.views["visits"]
    qtbot.waitUntil(lambda: view.due_model.rowCount() > 0, timeout=20000)
    demo_day = visits.stops_between(window.ctx.db, first=dt.date(2026, 11, 22), last=dt.date(2026, 12, 31))[0].planned_on
    view.day.set_date(demo_day)
    assert view.stops_model.rowCount() >= 3  # the demo firm (built for 2026-11-22) plans visit days
    first = view.stops_model.stops[0]
    window.show_account(first.account_id)
    tab = next(t for t in window.account_page.extra_tabs if type(t).__name__ == "AccountVisitsTab")
    assert first.id in [s.id for s in tab.model.rows]


def _view(ctx, qtbot):
    from relationapp.ui.visits.visits_view import VisitsView

    widget = VisitsView(ctx)
    qtbot.addWidget(widget)
    widget.resize(1400, 700)
    with qtbot.waitSignal(widget.due_loaded):
        widget.show()
    return widget


def test_the_planner_opens_on_the_users_own_day(ctx, firm, qtbot):
    anna = create_staff(ctx.db, name="Bea Other")
    west = firm["West <b>Bakery</b>"]
    visits.add_stop(ctx.db, account_id=west.id, day=DAY)  # Anna Manager's, the account manager
    visits.add_stop(ctx.db, account_id=firm["East"].id, day=DAY, staff_id=anna.id)
    # not set: everyone's stops, and the page says how to make them one's own
    view = _view(ctx, qtbot)
    view.day.set_date(DAY)
    assert view.planner_staff.currentData() is None and len(view.stops_model.stops) == 2
    assert "I am" in view.whose.text()

    update_settings(ctx.db, current_staff_id=anna.id)
    mine = _view(ctx, qtbot)
    assert mine.day.value() == DAY  # the next day with one's own stops
    assert mine.planner_staff.currentText() == "Bea Other (me)" and mine.manager.currentText() == "Bea Other (me)"
    assert mine.due_model.rowCount() == 0 and "Nobody is due" in mine.due_summary.text()  # Bea has no accounts
    assert _accounts(mine) == ["East"]
    assert mine.whose.text() == "Your day (Bea Other)."
    mine.planner_staff.setCurrentIndex(0)
    assert len(mine.stops_model.stops) == 2 and mine.whose.text() == "Everyone's stops, not only yours."


def test_due_list_marks_planned_and_never_visited(view, qtbot):
    view.ctx.ops.call(visits.add_stop, view.ctx.db, account_id=view.due_model.row_object(1).account_id, day=DAY)
    qtbot.waitUntil(lambda: view.due_model.row_object(1).next_planned == DAY)
    headers = [view.due_model.headerData(c, Qt.Orientation.Horizontal) for c in range(view.due_model.columnCount())]
    planned, overdue = headers.index("Planned"), headers.index("Overdue")
    def cell(row, column):
        return view.due_model.data(view.due_model.index(row, column))

    assert cell(1, planned) == f"planned {DAY.day} {DAY:%b}" and cell(0, planned) == ""
    assert view.due_model.data(view.due_model.index(1, 0), Qt.ItemDataRole.ForegroundRole) is not None  # greyed
    assert cell(0, overdue) == "never visited"  # not the days since they became a customer
    assert "1 of them planned" in view.due_summary.text()


def test_briefing_is_saved_where_chosen_remembered_and_opened(view, qtbot, tmp_path, monkeypatch):
    from relationapp.services.common.settings import get_settings

    visits.add_stop(view.ctx.db, account_id=view.due_model.row_object(0).account_id, day=DAY)
    view.refresh_plan()
    folder = tmp_path / "Briefings"
    folder.mkdir()
    asked, opened = [], []

    def save_dialog(parent, title, start, filters):
        asked.append(start)
        return str(folder / "my day"), ""  # typed without .pdf

    monkeypatch.setattr("relationapp.ui.visits.visits_view.QFileDialog.getSaveFileName", save_dialog)
    monkeypatch.setattr("relationapp.ui.visits.visits_view.open_file", opened.append)
    with qtbot.waitSignal(view.briefing_written, timeout=20000) as blocker:
        view.brief_button.click()
    written = blocker.args[0]
    assert written == folder / "my day.pdf" and written.read_bytes().startswith(b"%PDF") and opened == [written]
    assert str(written) in view.saved.text()  # stays on the page, not a 5-second status message
    assert get_settings(view.ctx.db).briefing_folder == str(folder)
    with qtbot.waitSignal(view.briefing_written, timeout=20000):
        view.brief_button.click()
    assert asked[1] == str(folder / f"visit-briefing-{DAY.isoformat()}.pdf")  # the folder remembered

    # cancelled: nothing written, nothing opened
    monkeypatch.setattr("relationapp.ui.visits.visits_view.QFileDialog.getSaveFileName", lambda *a: ("", ""))
    view.brief_button.click()
    assert len(opened) == 2


def test_i_am_in_the_settings_dialog(ctx, firm, qtbot):
    from relationapp.services.customers.staff import current_staff
    from relationapp.ui.data.settings_view import SettingsForm

    form = SettingsForm(ctx)
    qtbot.addWidget(form)
    box = form.editors["current_staff_id"]
    assert [box.itemText(i) for i in range(box.count())] == ["not set (everyone's visits)", "Anna Manager"]
    box.setCurrentIndex(1)
    assert form.save()
    assert current_staff(ctx.db).name == "Anna Manager"


def test_the_two_panes_stack_on_a_narrow_window(ctx, qtbot):
    from PySide6.QtCore import Qt

    from relationapp.ui.visits.visits_view import VisitsView

    view = VisitsView(ctx)
    qtbot.addWidget(view)
    view.resize(1600, 800)
    view.show()
    qtbot.waitExposed(view)
    assert view.splitter.orientation() == Qt.Orientation.Horizontal
    view.resize(700, 800)
    qtbot.waitUntil(lambda: view.splitter.orientation() == Qt.Orientation.Vertical)
    assert view.minimumSizeHint().width() <= 700
    view.resize(1600, 800)
    qtbot.waitUntil(lambda: view.splitter.orientation() == Qt.Orientation.Horizontal)
