"""Charts carry axes and a legend: the whale curve, NPS per quarter, revenue per quarter on the Orders tab."""

import datetime as dt
from decimal import Decimal

from relationapp.ui.common.chart import Chart, Series, nice_ticks


def test_round_ticks_cover_the_values():
    assert nice_ticks(0, 930) == [0, 200, 400, 600, 800, 1000]
    assert nice_ticks(-100, 100)[0] == -100 and nice_ticks(-100, 100)[-1] == 100


def test_a_chart_labels_both_axes_and_says_so_when_empty(qtbot):
    chart = Chart(y_format=lambda v: f"€{v:.0f}", empty_text="No orders")
    qtbot.addWidget(chart)
    assert chart.y_labels() == []
    chart.set_data(["Q1", "Q2", "Q3"], [Series("Revenue", [100.0, 250.0, None], kind="bar")])
    assert chart.x_labels() == ["Q1", "Q2", "Q3"]
    assert chart.y_labels()[0] == "€0" and chart.y_labels()[-1] == "€250"
    assert [label for _kind, _colour, label in chart.legend()] == ["Revenue"]
    chart.resize(400, 220)
    assert not chart.grab().isNull()


def test_the_whale_curve_has_a_y_axis_and_a_legend(qtbot):
    from relationapp.services.value.value import whale_curve_from
    from relationapp.ui.value.pyramid_widget import WhaleCurveWidget

    widget = WhaleCurveWidget(money=lambda amount: f"€{float(amount):.0f}")
    qtbot.addWidget(widget)
    widget.set_curve(whale_curve_from([Decimal(500), Decimal(300), Decimal(-100)]))
    assert widget.y_labels()[0].startswith("€") and len(widget.y_labels()) >= 3
    assert widget.x_labels()[0] == "0"
    kinds = [kind for kind, _colour, _label in widget.legend()]
    assert kinds == ["line", "reference", "marker"]  # the curve, the total (100 %), the peak


def test_the_orders_tab_charts_revenue_per_quarter(ctx, qtbot):
    from relationapp.services.customers.accounts import create_account
    from relationapp.services.value.orders import create_order
    from relationapp.ui.value.orders_tab import OrdersTab

    account = create_account(ctx.db, name="Bakkerij Smit", stage="customer").id
    create_order(ctx.db, account_id=account, ordered_on=dt.date.today(), amount="1200")
    tab = OrdersTab(ctx)
    qtbot.addWidget(tab)
    tab.set_account(account)
    assert len(tab.chart.x_labels()) == 8
    assert tab.chart.series[0].values[-1] == 1200.0
    assert len(tab.chart.y_labels()) >= 3


def test_nps_per_quarter_is_charted(window, qtbot):
    window.show_page("relationships")
    view = window.views["relationships"]
    qtbot.waitUntil(lambda: view.nps_chart.has_data(), timeout=10000)
    assert len(view.nps_chart.x_labels()) == 8
    assert view.nps_chart.y_labels()[0] == "-100" and view.nps_chart.y_labels()[-1] == "+100"
