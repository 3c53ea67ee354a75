"""Charts drawn with reportlab.graphics, labelled in the report typeface."""

from __future__ import annotations

from decimal import Decimal

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, Line, Polygon, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from relationapp.reports.common import fonts
from relationapp.reports.common.layout import ACCENT, ACCENT_LIGHT, INK, MUTED, RULE
from relationapp.text.formatting import Formatter


def _nice_top(value: float) -> float:
    """A round axis maximum just above ``value``."""
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude


def money_axis(axis, values: list[float], fmt: Formatter) -> None:
    """A value axis in money from 0 to a round top, four steps, with a light grid."""
    top = _nice_top(max(values + [0]))
    axis.valueMin, axis.valueMax, axis.valueStep = 0, top, top / 4
    axis.labelTextFormat = lambda v: fmt.money(Decimal(str(v)), whole=True)
    axis.labels.fontName = fonts.REGULAR
    axis.labels.fontSize = 7
    axis.labels.fillColor = MUTED
    axis.strokeColor = RULE
    axis.visibleGrid = True
    axis.gridStrokeColor = RULE
    axis.gridStrokeWidth = 0.4


def revenue_chart(quarters: list[str], revenue: list[Decimal], year_earlier: list[Decimal],
                  fmt: Formatter, width: float, height: float = 58 * mm) -> Drawing:
    """Revenue per quarter (dark) beside the same quarter a year earlier (light)."""
    fonts.register()
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 20 * mm, 12 * mm
    chart.width, chart.height = width - 24 * mm, height - 22 * mm
    chart.data = [[float(v) for v in year_earlier], [float(v) for v in revenue]]
    chart.bars[0].fillColor = ACCENT_LIGHT
    chart.bars[1].fillColor = ACCENT
    chart.bars.strokeColor = None
    chart.barSpacing = 1
    chart.groupSpacing = 8
    money_axis(chart.valueAxis, [float(v) for v in revenue + year_earlier], fmt)
    chart.categoryAxis.categoryNames = quarters
    chart.categoryAxis.labels.fontName = fonts.REGULAR
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.fillColor = INK
    chart.categoryAxis.labels.textAnchor = "middle"  # a label of two lines ("3e kwartaal" over "2026") centred
    chart.categoryAxis.strokeColor = RULE
    drawing.add(chart)
    drawing.add(_legend(20 * mm, height - 3 * mm,
                        [(ACCENT, fmt.t("Revenue")), (ACCENT_LIGHT, fmt.t("Same quarter a year earlier"))]))
    return drawing


def _legend(x: float, y: float, pairs: list[tuple]) -> Legend:
    """A legend in one row: a swatch and a name per series."""
    legend = Legend()
    legend.x, legend.y = x, y
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.fontName = fonts.REGULAR
    legend.fontSize = 7.5
    legend.dx = legend.dy = 7
    legend.deltax = 70
    legend.colorNamePairs = [(colour, fonts.printable(name)) for colour, name in pairs]
    return legend


def profit_curve(points: list[tuple[float, float]], fmt: Formatter, width: float, height: float = 62 * mm) -> Drawing:
    """The whale curve: cumulative profit (as a share of total profit) over customers ranked by profit."""
    fonts.register()
    drawing = Drawing(width, height)
    plot = LinePlot()
    plot.x, plot.y = 16 * mm, 12 * mm
    plot.width, plot.height = width - 22 * mm, height - 24 * mm  # room above for the legend
    data = [(0.0, 0.0)] + [(x * 100, y * 100) for x, y in points]
    plot.data = [data, [(0, 100), (100, 100)]]
    plot.lines[0].strokeColor = ACCENT
    plot.lines[0].strokeWidth = 1.6
    plot.lines[1].strokeColor = MUTED
    plot.lines[1].strokeWidth = 0.5
    plot.lines[1].strokeDashArray = (2, 2)
    top = max(100.0, max(y for _, y in data))
    bottom = min(0.0, min(y for _, y in data))
    plot.xValueAxis.valueMin, plot.xValueAxis.valueMax, plot.xValueAxis.valueStep = 0, 100, 20
    plot.yValueAxis.valueMin, plot.yValueAxis.valueMax = bottom, _nice_top(top)
    for axis in (plot.xValueAxis, plot.yValueAxis):
        axis.labels.fontName = fonts.REGULAR
        axis.labels.fontSize = 7
        axis.labels.fillColor = MUTED
        axis.strokeColor = RULE
        axis.labelTextFormat = lambda v: f"{v:.0f}%"
    plot.yValueAxis.visibleGrid = True
    plot.yValueAxis.gridStrokeColor = RULE
    plot.yValueAxis.gridStrokeWidth = 0.4
    drawing.add(plot)
    drawing.add(String(plot.x + plot.width / 2, 1.5 * mm, fonts.printable(fmt.t("Customers, most profitable first")),
                       fontName=fonts.REGULAR, fontSize=7.5, fillColor=INK, textAnchor="middle"))
    drawing.add(_legend(plot.x, height - 3 * mm, [(ACCENT, fmt.t("Cumulative profit, share of the total")),
                                                   (MUTED, fmt.t("Total profit (100 %)"))]))
    return drawing


def pyramid_drawing(rows: list[tuple[str, str]], width: float, height: float = 48 * mm) -> Drawing:
    """A stepped pyramid: one band per tier (label, figures), narrow at the top."""
    fonts.register()
    drawing = Drawing(width, height)
    n = len(rows)
    band = height / n
    centre = 38 * mm
    shades = [colors.HexColor(c) for c in ("#1F4E66", "#2F6F8F", "#5C93AE", "#A9CBDB")]
    for i, (label, figures) in enumerate(rows):
        top_y = height - i * band
        half_top = (i + 0.35) / n * centre
        half_bottom = (i + 1) / n * centre
        drawing.add(Polygon([centre - half_top, top_y, centre + half_top, top_y,
                             centre + half_bottom, top_y - band, centre - half_bottom, top_y - band],
                            fillColor=shades[i % len(shades)], strokeColor=colors.white, strokeWidth=1))
        drawing.add(Line(centre + half_bottom + 2, top_y - band / 2, 2 * centre + 6, top_y - band / 2,
                         strokeColor=RULE, strokeWidth=0.5))
        drawing.add(String(2 * centre + 9, top_y - band / 2 - 3, fonts.printable(label), fontName=fonts.BOLD,
                           fontSize=8.5, fillColor=INK))
        drawing.add(String(2 * centre + 9 + 22 * mm, top_y - band / 2 - 3, fonts.printable(figures),
                           fontName=fonts.REGULAR, fontSize=8.5, fillColor=INK))
    return drawing
