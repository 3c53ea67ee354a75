"""The lead sources report as PDF: the leads of a year per source and per colleague, what they brought and cost.

``sources_section`` gives the flowables (heading, one sentence of explanation,
a bar chart of value per lead by source, the tables) so the portfolio report
can take the section in; ``render_sources_report`` prints it on its own.
Definitions: ``services.leads.sources_report``.
"""

from __future__ import annotations

from decimal import Decimal

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer

from relationapp.config import Settings
from relationapp.reports.common import fonts
from relationapp.reports.common.charts import money_axis
from relationapp.reports.common.layout import (
    ACCENT,
    INK,
    RULE,
    Page,
    body_width,
    load_logo,
    page_size,
    para,
    render,
    stylesheet,
    table,
)
from relationapp.services.leads.sources_report import NOBODY_NAMED, UNKNOWN_SOURCE, LeadFigures, SourcesReport
from relationapp.text.formatting import Formatter

_NAME_ROOM = 24  # characters of a source name beside its bar


def _short(text: str) -> str:
    text = fonts.printable(text)
    return text if len(text) <= _NAME_ROOM else text[: _NAME_ROOM - 1] + "…"


def value_chart(rows: list[tuple[str, Decimal]], fmt: Formatter, width: float) -> Drawing:
    """Value per lead by source: one horizontal bar per source, the most valuable on top."""
    fonts.register()
    height = max(28 * mm, len(rows) * 6.5 * mm + 14 * mm)
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 44 * mm, 8 * mm
    chart.width, chart.height = width - 50 * mm, height - 12 * mm
    chart.data = [[float(v) for _, v in reversed(rows)]]  # drawn bottom-up
    chart.bars[0].fillColor = ACCENT
    chart.bars.strokeColor = None
    chart.barSpacing = 1
    chart.groupSpacing = 5
    money_axis(chart.valueAxis, [float(v) for _, v in rows], fmt)
    chart.categoryAxis.categoryNames = [_short(name) for name, _ in reversed(rows)]
    chart.categoryAxis.labels.fontName = fonts.REGULAR
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.fillColor = INK
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.categoryAxis.strokeColor = RULE
    drawing.add(chart)
    return drawing


def _days(fmt: Formatter, days: float | None) -> str:
    if days is None:
        return "–"
    return fmt.number(days, digits=0 if float(days).is_integer() else 1)


def _counts(fmt: Formatter, f: LeadFigures, name: str) -> list[str]:
    return [name, fmt.number(f.leads), fmt.percent(f.qualified_share), fmt.percent(f.customer_share),
            _days(fmt, f.median_days_to_first_order)]


def _money(fmt: Formatter, f: LeadFigures, name: str) -> list[str]:
    return [name, fmt.money(f.revenue_12m, whole=True), fmt.money(f.revenue_lifetime, whole=True),
            fmt.money(f.value_per_lead, whole=True), fmt.money(f.cost, whole=True),
            fmt.money(f.cost_per_lead, whole=True)]


def _colleague(fmt: Formatter, f: LeadFigures, name: str) -> list[str]:
    return [name, fmt.number(f.leads), fmt.percent(f.qualified_share), fmt.percent(f.customer_share),
            fmt.money(f.revenue_12m, whole=True), fmt.money(f.revenue_lifetime, whole=True),
            fmt.money(f.value_per_lead, whole=True), _days(fmt, f.median_days_to_first_order)]


def _widths(width: float, numbers: list[float]) -> list[float]:
    numbers = [n * mm for n in numbers]
    return [max(width - sum(numbers), 30 * mm)] + numbers


def sources_section(report: SourcesReport, *, fmt: Formatter, sheet, width: float) -> list:
    """The flowables of the section: heading, explanation, chart, a table per source and per colleague."""
    t = fmt.t
    total = report.total
    out = [para(t("Leads of {year} by source", year=report.year), sheet["Heading"]),
           para(t("{count} leads, {customers} of them became customer, {revenue} revenue so far.",
                  count=fmt.number(total.leads), customers=fmt.number(total.customers),
                  revenue=fmt.money(total.revenue_lifetime, whole=True))
                + ("" if report.complete else " " + t("The year is not over yet.")), sheet["Normal"]),
           para(t("A lead is an account registered in that year; existing customers entered later are not leads. "
                  "Value per lead is the lifetime revenue of the leads divided by their number; cost per lead is "
                  "shown only where a cost was entered."), sheet["Muted"]),
           Spacer(1, 2 * mm)]
    if not total.leads and not report.sources:
        return out + [para(t("No leads registered in {year}.", year=report.year), sheet["Muted"])]

    valued = [(r.name or t(UNKNOWN_SOURCE), r.value_per_lead) for r in report.sources if r.value_per_lead is not None]
    valued.sort(key=lambda pair: -pair[1])
    if valued:
        out += [para(t("Value per lead by source"), sheet["CellHead"]), value_chart(valued, fmt, width), Spacer(1, 2 * mm)]

    sources = [(r, r.name or t(UNKNOWN_SOURCE)) for r in report.sources] + [(total, t("Total"))]
    right = (1, 2, 3, 4)
    out.append(table(sheet, [t("Source"), t("Leads"), t("Qualified"), t("Became customer"), t("Median days to first order")],
                     [_counts(fmt, r, name) for r, name in sources], _widths(width, [18, 30, 26, 34]),
                     right=right, plain=right, bold_last=True))
    out.append(Spacer(1, 3 * mm))
    right = (1, 2, 3, 4, 5)
    out.append(table(sheet, [t("Source"), t("Revenue first 12 months"), t("Lifetime revenue"), t("Value per lead"),
                             t("Cost"), t("Cost per lead")],
                     [_money(fmt, r, name) for r, name in sources], _widths(width, [26, 26, 24, 22, 22]),
                     right=right, plain=right, bold_last=True))
    out.append(Spacer(1, 4 * mm))

    right = tuple(range(1, 8))
    out.append(KeepTogether([  # the heading never alone at the foot of a page
        para(t("Leads of {year} by colleague who brought them in", year=report.year), sheet["CellHead"]),
        table(sheet, [t("Brought in by"), t("Leads"), t("Qualified"), t("Became customer"),
                      t("Revenue first 12 months"), t("Lifetime revenue"), t("Value per lead"),
                      t("Median days to first order")],
              [_colleague(fmt, r, r.name or t(NOBODY_NAMED)) for r in report.colleagues],
              _widths(width, [14, 30, 20, 22, 20, 20, 22]), right=right, plain=right)]))

    if report.campaigns:
        out.append(Spacer(1, 4 * mm))
        out.append(para(t("Campaigns"), sheet["CellHead"]))
        numbers = (2, 3, 4, 5, 6, 7)
        rows = [[c.name, c.source_name, fmt.number(c.leads), fmt.number(c.customers),
                 fmt.money(c.revenue_lifetime, whole=True), fmt.money(c.value_per_lead, whole=True),
                 fmt.money(c.cost, whole=True), fmt.money(c.cost_per_lead, whole=True)] for c in report.campaigns]
        rest = [14 * mm, 16 * mm, 22 * mm, 20 * mm, 18 * mm, 18 * mm]
        name = (width - sum(rest)) / 2
        out.append(table(sheet, [t("Campaign"), t("Source"), t("Leads"), t("Customers"), t("Lifetime revenue"),
                                 t("Value per lead"), t("Cost"), t("Cost per lead")], rows, [name, name] + rest,
                         right=numbers, plain=numbers))
    return out


def render_sources_report(report: SourcesReport, *, settings: Settings, fmt: Formatter | None = None) -> bytes:
    """The section as a PDF of its own, in the language of ``settings`` (or of ``fmt`` when given)."""
    fmt = fmt or Formatter.for_settings(settings)
    title = fmt.t("Lead sources {year}", year=report.year)
    page = Page(
        firm=settings.company_name, title=title,
        subtitle=f"{fmt.date(report.today)} · {fmt.t('Internal · confidential')}",
        footer_note=f"{settings.company_name} · {title}",
        size=page_size(settings.page_size), logo=load_logo(settings.logo_path), fmt=fmt,
    )
    return render(sources_section(report, fmt=fmt, sheet=stylesheet(), width=body_width(page)), page)
