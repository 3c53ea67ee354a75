"""The pyramid widget, the Customer value page and the Orders tab, driven like a user would."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from relationapp.services.common.changes import Changes, Kind
from relationapp.services.value.pyramid import pyramid_summary
from relationapp.services.value.value import whale_curve_from

DEMO_DAY = dt.date(2026, 11, 22)


@pytest.fixture
def value_view(demo_ctx, qtbot):
    from relationapp.ui.value.value_view import CustomerValueView

    view = CustomerValueView(demo_ctx)
    qtbot.addWidget(view)
    view.resize(1100, 800)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=30000), qtbot.waitSignal(view.movement_loaded, timeout=30000):
        view.as_of.set_date(DEMO_DAY)
    qtbot.waitUntil(lambda: view.movement_model.movement is not None, timeout=30000)
    return view


def test_clicking_a_band_selects_its_tier(demo_db, qtbot):
    from relationapp.ui.value.pyramid_widget import PyramidWidget

    widget = PyramidWidget(money=lambda amount: f"EUR {amount}")
    qtbot.addWidget(widget)
    widget.resize(500, 400)
    widget.set_summary(pyramid_summary(demo_db, as_of=DEMO_DAY))
    widget.show()
    for tier in ("big", "inactive", "top"):
        with qtbot.waitSignal(widget.tier_clicked) as signal:
            qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.tier_rect(tier).center().toPoint())
        assert signal.args == [tier] and widget.selected == tier
    with qtbot.waitSignal(widget.tier_clicked) as signal:
        qtbot.keyClick(widget, Qt.Key.Key_Down)
    assert signal.args == ["big"]
    assert widget.row_text("top").startswith("Top: 1 account · EUR ")


def test_page_lists_the_clicked_tier(value_view, demo_db, qtbot):
    summary = pyramid_summary(demo_db, as_of=DEMO_DAY)
    pyramid = value_view.pyramid
    qtbot.mouseClick(pyramid, Qt.MouseButton.LeftButton, pos=pyramid.tier_rect("medium").center().toPoint())
    rows = value_view.members_model.rows
    assert {m.tier for m in rows} == {"medium"}
    assert [m.account_id for m in rows] == list(summary.tier("medium").account_ids)
    assert value_view.members_title.text().startswith(f"Medium: {summary.tier('medium').count} accounts")
    qtbot.mouseClick(pyramid, Qt.MouseButton.LeftButton, pos=pyramid.tier_rect("prospect").center().toPoint())
    assert len(value_view.members_model.rows) == summary.tier("prospect").count
    assert "customers" in value_view.headline.text()


def test_models_pass_the_model_tester(value_view, qtmodeltester):
    assert value_view.movement_model.rowCount() == len(value_view.movement_model.movement.tiers)
    qtmodeltester.check(value_view.movement_model)
    qtmodeltester.check(value_view.members_model)
    qtmodeltester.check(value_view.growth_model)
    qtmodeltester.check(value_view.up_model)


def test_movement_follows_the_chosen_quarters(value_view, demo_db, qtbot):
    from relationapp.services.value.pyramid import movement

    box = value_view.from_quarter
    assert box.count() >= 8 and value_view.to_quarter.currentText() == "Q3 2026"
    with qtbot.waitSignal(value_view.movement_loaded, timeout=30000):
        box.setCurrentIndex(box.findText("Q1 2026"))
    expected = movement(demo_db, from_quarter="2026Q1", to_quarter="2026Q3")
    assert value_view.movement_model.movement.counts == expected.counts
    assert [m.account_id for m in value_view.down_model.rows] == [m.account_id for m in expected.moved_down]


def test_the_movement_matrix_gives_every_tier_the_same_width(value_view, qtbot):
    # a matrix has no key column: "-> Top" is not wider than "-> Inactive"
    table = value_view.movement_table
    qtbot.waitUntil(lambda: table.isVisible() and table.model().columnCount() == 8)
    widths = [table.columnWidth(c) for c in range(table.model().columnCount())]
    assert max(widths) - min(widths) <= 1 and min(widths) > 40


def test_profit_tab_and_growth_list(value_view):
    overview = value_view.overview
    assert value_view.whale.curve == overview.whale
    assert "customers" in value_view.pareto_label.text()
    gaps = [v.wallet_gap for v in value_view.growth_model.rows]
    assert gaps and gaps == sorted(gaps, reverse=True)
    value_view.tabs.setCurrentIndex(1)
    assert not value_view.grab().isNull()


def test_whale_curve_points_keep_the_peak():
    from relationapp.ui.value.pyramid_widget import WhaleCurveWidget

    profits = [Decimal(1000 - i) for i in range(3000)] + [Decimal(-5000)]
    widget = WhaleCurveWidget()
    widget.set_curve(whale_curve_from(profits))
    points = widget.points(200)
    assert len(points) < 300
    assert (1000, float(whale_curve_from(profits).peak_profit)) in points  # the peak, after 1,000 customers
    assert points[-1][0] == 3001


def test_orders_tab_reads_amounts_in_the_current_language(ctx, qtbot):
    from relationapp.services.customers.accounts import create_account
    from relationapp.services.value.orders import list_orders
    from relationapp.ui.value.orders_tab import OrdersTab

    account = create_account(ctx.db, name="Bakkerij <b>Smit</b>", stage="customer", annual_budget="10000").id
    tab = OrdersTab(ctx)
    qtbot.addWidget(tab)
    tab.set_account(account)
    assert "share of wallet 0.0% of" in tab.value_line.text()
    assert tab.amount.placeholderText() == "1,234.56"  # English, the catalogue's language in the tests
    tab.amount.setText("1.234,56")  # the Dutch way: in English the comma cannot follow the decimal point
    tab.add_button.click()
    assert "not an amount; write it like 1,234.56" in tab.error.text() and tab.amount.text() == "1.234,56"
    assert list_orders(ctx.db, account_id=account) == []
    tab.amount.setText("1,234.56")
    tab.reference.setText("F-1")
    with qtbot.waitSignal(ctx.changed) as changed:
        tab.add_button.click()
    assert changed.args[0].touches(Kind.ORDERS)
    assert [o.amount for o in list_orders(ctx.db, account_id=account)] == [Decimal("1234.56")]
    assert tab.model.rowCount() == 1 and tab.amount.text() == "" and tab.error.isHidden()
    tab.amount.setText("5")
    tab.reference.setText("F-1")
    tab.add_button.click()
    assert "already has an order with reference 'F-1'" in tab.error.text()
    tab.table.selectRow(0)
    tab.delete_selected()
    assert list_orders(ctx.db, account_id=account) == []
    ctx.undo()
    assert [o.reference for o in list_orders(ctx.db, account_id=account)] == ["F-1"]


def test_page_and_tab_are_registered():
    from relationapp.ui.shell import pages

    assert "relationapp.ui.value.value_view:CustomerValueView" in [p.target for p in pages.PAGES]
    assert "relationapp.ui.value.orders_tab:OrdersTab" in [t.target for t in pages.ACCOUNT_TABS]
    for target in ("relationapp.ui.value.value_view:CustomerValueView", "relationapp.ui.value.orders_tab:OrdersTab"):
        assert pages.load(target)


def test_page_computes_when_shown_and_again_after_new_orders(demo_ctx, qtbot):
    from relationapp.services.value.orders import create_order
    from relationapp.ui.value.value_view import CustomerValueView

    view = CustomerValueView(demo_ctx)
    qtbot.addWidget(view)
    view.as_of.set_date(DEMO_DAY)
    assert view.pyramid_data is None and view.pyramid.summary is None  # built, not computed
    with qtbot.waitSignal(view.loaded, timeout=30000):
        view.show()
    top = view.pyramid_data.summary.tier("top")
    runner_up = view.pyramid_data.summary.tier("big").account_ids[0]
    create_order(demo_ctx.db, account_id=runner_up, ordered_on=DEMO_DAY, amount=top.revenue + 1)
    with qtbot.waitSignal(view.loaded, timeout=30000):
        demo_ctx.broadcast(Changes.of(Kind.ORDERS))
    assert view.pyramid_data.summary.tier("top").account_ids[0] == runner_up


def test_the_quarter_choices_show_the_whole_quarter_in_dutch(demo_ctx, qtbot):
    """"3e kwartaal 2025", not "3e kwart": the year is what tells the two boxes apart."""
    from PySide6.QtWidgets import QApplication

    from relationapp.text import formatting
    from relationapp.ui.common.i18n import install
    from relationapp.ui.value.value_view import CustomerValueView

    install(QApplication.instance(), "nl")
    formatting.use(dataclasses.replace(demo_ctx.settings, language="nl"))
    try:
        view = CustomerValueView(demo_ctx)
        qtbot.addWidget(view)
        view.resize(1100, 800)
        view.show()
        with qtbot.waitSignal(view.loaded, timeout=30000), qtbot.waitSignal(view.movement_loaded, timeout=30000):
            view.as_of.set_date(DEMO_DAY)
        for box in (view.from_quarter, view.to_quarter):
            assert "kwartaal" in box.currentText()
            assert box.width() >= box.fontMetrics().horizontalAdvance(box.currentText())
    finally:
        formatting.use(dataclasses.replace(demo_ctx.settings, language="en"))
