"""The Today page as a user meets it: ranked sections, one-key actions, gift warning, tray, calendar."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from relationapp.data.models import Order
from relationapp.services.common.changes import Changes, Kind
from relationapp.services.customers import accounts, people
from relationapp.services.touches import follow_ups, interactions
from relationapp.text import formatting
from tests.ui.conftest import run_modal

TODAY = dt.date.today()  # the view shows the real today (taken again as each test starts: below)


@pytest.fixture(autouse=True)
def _today_as_the_test_starts():
    """A run that passes midnight: the firm and the view's agenda are made on the same day."""
    global TODAY
    TODAY = dt.date.today()


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


@pytest.fixture
def firm(ctx):
    db = ctx.db
    top = accounts.create_account(db, name="Top Holding", stage="customer", customer_since=ago(2000))
    small = accounts.create_account(db, name="Small Bakery", stage="customer", customer_since=ago(2000))
    with db.write() as session:
        session.add(Order(account_id=top.id, ordered_on=ago(20), amount=Decimal("90000.00")))
        session.add(Order(account_id=small.id, ordered_on=ago(20), amount=Decimal("900.00")))
    interactions.log_interaction(db, account_id=top.id, kind="call", occurred_on=ago(50))
    interactions.log_interaction(db, account_id=small.id, kind="call", occurred_on=ago(400))
    anna = people.create_person(db, name="Anna <b>Top</b>", account_id=top.id,
                                birthday_day=(TODAY + dt.timedelta(days=3)).day,
                                birthday_month=(TODAY + dt.timedelta(days=3)).month)
    return dict(ctx=ctx, top=top, small=small, anna=anna)


@pytest.fixture
def today_view(firm, qtbot):
    from relationapp.ui.today.today_view import TodayView

    view = TodayView(firm["ctx"])
    qtbot.addWidget(view)
    view.resize(1100, 800)
    view.show()
    qtbot.waitUntil(lambda: view.agenda is not None)
    return view


def names(view, section: str) -> list[str]:
    model = view.sections[section].model
    return [model.row_object(i).account for i in range(model.rowCount())]


def test_sections_rank_customers_by_value_and_pass_the_model_tester(today_view, firm, qtbot, qtmodeltester):
    assert names(today_view, "attention") == ["Top Holding", "Small Bakery"]
    assert today_view.sections["attention"].heading.text() == "Needs attention (2)"
    coming = today_view.sections["coming_up"].model
    assert coming.data(coming.index(0, 2)) == "Birthday: Anna <b>Top</b>"  # literal text, never markup
    assert today_view.summary.text().startswith("2 customers need you")
    for section in today_view.sections.values():
        qtmodeltester.check(section.model)
    interactions.log_interaction(firm["ctx"].db, account_id=firm["top"].id, kind="visit", occurred_on=ago(1),
                                 duration_minutes=90)
    firm["ctx"].broadcast(Changes.of(Kind.INTERACTIONS))
    qtbot.waitUntil(lambda: today_view.balance_label.text() == "1.5 h customers · 0.0 h prospects")
    assert "Top: 1.5 h (100.0%)" in today_view.balance_bar.toolTip()


def test_log_a_touch_with_the_keyboard_and_the_row_leaves(today_view, firm, qtbot):
    table = today_view.sections["attention"].table
    table.setFocus()
    assert names(today_view, "attention")[table.currentIndex().row()] == "Top Holding"

    def fill(dialog):
        assert dialog.account.account_id() == firm["top"].id  # prefilled from the row
        qtbot.keyClicks(dialog.focusWidget(), "Called about the new contract")
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)  # Enter saves

    dialog = run_modal(qtbot, lambda: qtbot.keyClick(table, Qt.Key.Key_L), fill)
    assert dialog is not None
    qtbot.waitUntil(lambda: names(today_view, "attention") == ["Small Bakery"])
    logged = interactions.list_interactions(firm["ctx"].db, account_id=firm["top"].id, limit=1)[0]
    assert (logged.subject, logged.occurred_on) == ("Called about the new contract", TODAY)


def test_called_today_key_logs_without_a_form_and_undo_brings_it_back(today_view, firm, qtbot):
    table = today_view.sections["attention"].table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: names(today_view, "attention") == ["Small Bakery"])
    assert firm["ctx"].undo()
    qtbot.waitUntil(lambda: names(today_view, "attention") == ["Top Holding", "Small Bakery"])


def test_snooze_a_week_takes_the_account_off_today(today_view, firm, qtbot):
    table = today_view.sections["attention"].table
    table.selectRow(1)
    today_view.snooze("attention", TODAY + dt.timedelta(days=7))
    qtbot.waitUntil(lambda: names(today_view, "attention") == ["Top Holding"])
    planned = follow_ups.list_follow_ups(firm["ctx"].db)
    assert [(f.title, f.due_on) for f in planned] == [("Get in touch with Small Bakery", TODAY + dt.timedelta(days=7))]


def test_mark_a_follow_up_done_with_the_keyboard(firm, qtbot):
    from relationapp.ui.today.today_view import TodayView

    follow_ups.create_follow_up(firm["ctx"].db, title="Send the quote", due_on=ago(2), account_id=firm["small"].id)
    view = TodayView(firm["ctx"])
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.sections["follow_ups"].model.rowCount() == 1)
    table = view.sections["follow_ups"].table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: view.sections["follow_ups"].model.rowCount() == 0)
    assert view.sections["follow_ups"].empty.text() == "Nothing due."


def test_the_log_form_warns_before_giving_the_same_gift_twice(firm, qtbot):
    from relationapp.ui.touches.log_interaction import LogInteractionDialog

    ctx, top, anna = firm["ctx"], firm["top"], firm["anna"]
    interactions.log_interaction(ctx.db, account_id=top.id, kind="gift", occurred_on=ago(300), person_ids=[anna.id],
                                 gift_item="Fles wijn", gift_cost="30.00")
    dialog = LogInteractionDialog(ctx, top.id, kind="gift", person_ids=[anna.id])
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.gift_item, "fles Wijn")
    dialog.accept()
    assert dialog.result() == 0  # still open, nothing saved
    assert "given before" in dialog.error.text() and formatting.current().date(ago(300)) in dialog.error.text()
    assert len(interactions.list_interactions(ctx.db, account_id=top.id)) == 2
    dialog.accept()  # the second Save gives it anyway
    assert dialog.result() == 1
    assert interactions.list_interactions(ctx.db, account_id=top.id, limit=1)[0].gift_item == "fles Wijn"


def test_tray_message_once_a_day_and_nothing_breaks_without_a_tray(today_view, monkeypatch):
    from PySide6.QtWidgets import QSystemTrayIcon

    from relationapp.ui.today.today_view import DailyReminder

    if not QSystemTrayIcon.isSystemTrayAvailable():
        assert today_view.reminder.tray is None
        assert today_view.reminder.announce(today_view.agenda) is False
    shown = []
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(QSystemTrayIcon, "showMessage", lambda self, title, text, *args: shown.append(text))
    reminder = DailyReminder(today_view)
    assert reminder.announce(today_view.agenda) is True
    assert reminder.announce(today_view.agenda) is False  # once a day
    assert shown == [today_view.summary.text()]


def test_export_calendar_menu_action(window, tmp_path, monkeypatch, qtbot):
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "agenda"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    action = next(a for a in window.menus["File"].actions() if a.text() == "Export &calendar…")
    action.trigger()
    window.ctx.tasks.wait()
    qtbot.waitUntil(lambda: (tmp_path / "agenda.ics").exists())
    assert (tmp_path / "agenda.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_today_is_the_first_page_of_the_window(window, qtbot):
    from relationapp.ui.today.today_view import TodayView

    view = window.views["today"]
    assert isinstance(view, TodayView)
    qtbot.waitUntil(lambda: view.agenda is not None)
    assert view.sections["attention"].model.rowCount() > 0
    assert view.sections["prospects"].model.rowCount() <= 10


def test_closing_the_page_while_the_agenda_is_computed_breaks_nothing(firm, qtbot):
    from relationapp.ui.today.today_view import TodayView

    view = TodayView(firm["ctx"])  # starts computing at once
    view.deleteLater()
    qtbot.waitUntil(lambda: firm["ctx"].tasks.pool.activeThreadCount() == 0)
    firm["ctx"].tasks.wait()
    qtbot.wait(50)  # the result arrives for a page that is gone


def test_new_orders_rerank_the_list(today_view, firm, qtbot):
    with firm["ctx"].db.write() as session:  # as the orders import would
        session.add(Order(account_id=firm["small"].id, ordered_on=ago(5), amount=Decimal("5000000.00")))
    firm["ctx"].broadcast(Changes.of(Kind.ORDERS))
    # the bakery is now the Top customer; the holding, no longer Top, is not due on a Top cadence any more
    qtbot.waitUntil(lambda: names(today_view, "attention") == ["Small Bakery"])
    assert today_view.sections["attention"].model.row_object(0).tier == "top"


def test_visits_planned_for_today_are_on_one_line(firm, qtbot):
    from relationapp.services.visits import visits
    from relationapp.ui.today.today_view import TodayView

    db = firm["ctx"].db
    visits.add_stop(db, account_id=firm["small"].id, day=TODAY, start_time="09:30")
    visits.add_stop(db, account_id=firm["top"].id, day=TODAY + dt.timedelta(days=1))  # tomorrow: not today
    view = TodayView(firm["ctx"])
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(view.is_filled)
    assert view.visits_label.isVisible() and view.visits_label.text() == "Visits today (1): 09:30 Small Bakery"
    visits.add_stop(db, account_id=firm["top"].id, day=TODAY, start_time="08:00")
    firm["ctx"].broadcast(Changes.of(Kind.VISITS))
    qtbot.waitUntil(lambda: view.visits_label.text() == "Visits today (2): 08:00 Top Holding, 09:30 Small Bakery")


def test_no_visits_today_no_line(today_view):
    assert today_view.visits_label.isHidden()


def test_a_long_list_shows_its_first_rows_and_says_how_many_more(firm, qtbot, monkeypatch):
    from relationapp.ui.today.today_view import TodayView

    for i in range(5):
        accounts.create_account(firm["ctx"].db, name=f"Quiet {i}", stage="customer", customer_since=ago(2000))
    monkeypatch.setattr(TodayView, "LIMIT", 3)  # as 100 of thousands on a big database
    view = TodayView(firm["ctx"])
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(view.is_filled)
    section = view.sections["attention"]
    assert section.model.rowCount() == 3
    assert section.heading.text() == "Needs attention (3 of 7)" and section.empty.text() == "and 4 more"


def _shown_tooltip(model, column: int) -> str:
    """A header tooltip as the user reads it (it is escaped rich text)."""
    from PySide6.QtGui import QTextDocumentFragment

    return QTextDocumentFragment.fromHtml(
        model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)).toPlainText()


def _whole_euros(text: str) -> int:
    """"€ 90.000" or "€90,000": the amount a user reads, in either language."""
    import re

    return int(re.sub(r"[^0-9]", "", text))


def test_value_at_stake_explains_itself_beside_the_12_month_revenue(today_view, firm):
    model = today_view.sections["attention"].model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    stake = headers.index("Value at stake")
    assert headers[stake - 1] == "Revenue 12 m"  # the revenue it is worked out from, beside it
    assert "12 months' revenue × days overdue ÷ cadence days" in _shown_tooltip(model, stake)
    assert "dropped a tier, the revenue it lost" in _shown_tooltip(model, stake)
    assert _shown_tooltip(model, stake - 1) == "Revenue of the last 12 months"
    top = names(today_view, "attention").index("Top Holding")
    assert _whole_euros(model.data(model.index(top, stake - 1))) == 90000  # not 1/100 of it
    row = model.row_object(top)
    exact = (Decimal("90000.00") * row.days_overdue / row.cadence_days).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
    assert row.value == exact
    assert _whole_euros(model.data(model.index(top, stake))) == int(exact.quantize(Decimal(1), rounding="ROUND_HALF_UP"))


def test_content_due_shows_below_the_customers_and_d_logs_it_as_sent(firm, qtbot):
    """Nurturing on Today: a personal send, logged as a touch in one key; then it is gone."""
    from relationapp.services.leads import content, nurture
    from relationapp.ui.today.today_view import TodayView

    db = firm["ctx"].db
    lead = accounts.create_account(db, name="Kwekerij Smit", stage="prospect")
    people.create_person(db, name="Mila Smit", account_id=lead.id, consent_date=ago(30))
    case = content.add_content(db, title="Praktijkcase warmtepomp", kind="case_study")
    track = nurture.add_track(db, name="Oriëntatie", steps=[(case.id, 0)])
    nurture.enrol(db, account_id=lead.id, track=track.id, today=ago(3))
    view = TodayView(firm["ctx"])
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.agenda is not None)
    section = view.sections["content"]
    assert [(r.person, r.title) for r in section.model.rows] == [("Mila Smit", "Praktijkcase warmtepomp")]
    order = list(view.sections)
    assert order.index("content") > order.index("attention")  # customers come first
    section.table.setFocus()
    qtbot.keyClick(section.table, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: view.sections["content"].model.rowCount() == 0)
    touches = interactions.list_interactions(db, account_id=lead.id)
    assert [(t.kind, t.subject) for t in touches] == [("content", "Praktijkcase warmtepomp")]


def test_a_section_grows_with_its_rows_and_folds_as_it_was_left(window, qtbot):
    """One scroll for the page: no list scrolls inside it; a folded list stays folded next time."""
    view = window.views["today"]
    qtbot.waitUntil(view.is_filled)
    section = max(view.sections.values(), key=lambda s: s.model.rowCount())
    table = section.table
    assert section.model.rowCount() > 8  # more than the old fixed eight rows
    assert not table.verticalScrollBar().isVisible()
    assert table.height() >= section.model.rowCount() * table.verticalHeader().defaultSectionSize()
    assert table.verticalHeader().length() <= table.viewport().height()  # every row in view
    section.heading.click()
    assert section.folded() and not table.isVisible()

    from relationapp.ui.today.today_view import TodayView

    again = TodayView(window.ctx)
    qtbot.addWidget(again)
    assert again.sections[section.key].folded()
    again.sections[section.key].heading.click()
    assert not again.sections[section.key].folded()


def test_today_opens_on_my_accounts_and_everyones_is_one_choice_away(firm, qtbot):
    from relationapp.services.common.settings import update_settings
    from relationapp.services.customers.staff import create_staff
    from relationapp.ui.today.today_view import TodayView

    ctx = firm["ctx"]
    anna = create_staff(ctx.db, name="Anna Jansen")
    create_staff(ctx.db, name="Bram de Vries")
    accounts.update_account(ctx.db, account_id=firm["small"].id, owner_id=anna.id)
    update_settings(ctx.db, current_staff_id=anna.id)
    view = TodayView(ctx)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.is_filled())
    assert view.whose.isVisible() and view.whose.currentText() == "Anna Jansen (me)"
    assert names(view, "attention") == ["Small Bakery"]
    assert view.balance_title.text() == "Time of Anna Jansen, last 90 days:"  # my hours, not the firm's

    view.whose.setCurrentIndex(view.whose.findData(None))  # everyone's
    qtbot.waitUntil(lambda: view.is_filled() and names(view, "attention") == ["Top Holding", "Small Bakery"])
    assert view.balance_title.text() == "Time, last 90 days:"
