"""The quarterly portfolio report: the pyramid, who moved, where profit comes from,
where the time goes, satisfaction, referrals and growth still to win.

Internal only. Sections whose service is not built are left out (their data is None).
"""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer

from relationapp.data.db import Database
from relationapp.reports.leads.sources_pdf import sources_section
from relationapp.reports.common.charts import profit_curve, pyramid_drawing
from relationapp.reports.common.layout import (
    Page,
    body_width,
    labelled,
    load_logo,
    page_size,
    para,
    render,
    stylesheet,
    table,
    write_atomically,
)
from relationapp.reports.reporting import data as report_data
from relationapp.services.leads.sources_report import SourcesReport, sources_report
from relationapp.services.value.quarters import Quarter
from relationapp.services.value.quarters import parse as parse_quarter
from relationapp.text.formatting import Formatter
from relationapp.text.wording import TIERS

LIST_SHOWN = 25  # longer lists end with "... and N more": the report is read, not searched


def _more(fmt: Formatter, s, count: int) -> list:
    if count <= LIST_SHOWN:
        return []
    return [para(fmt.t("… and {count} more.", count=fmt.number(count - LIST_SHOWN)), s["Muted"])]


def _tier(fmt: Formatter, tier: str | None) -> str:
    return fmt.t(TIERS.get(tier, "Not listed")) if tier else "–"


def _quarter(fmt: Formatter, label: str) -> str:
    """A quarter the data gives as "2026Q3", in words: "3e kwartaal 2026" / "Q3 2026"."""
    return fmt.quarter(parse_quarter(label))


def page_for(report: report_data.Portfolio, fmt: Formatter) -> Page:
    settings = report.settings
    quarter = _quarter(fmt, report.quarter)
    return Page(
        firm=settings.company_name,
        title=fmt.t("Portfolio report {quarter}", quarter=quarter),
        subtitle=f"{fmt.date(report.quarter_start)} – {fmt.date(report.quarter_end)} · {fmt.t('Internal · confidential')}",
        footer_note=f"{settings.company_name} · {fmt.t('Portfolio report {quarter}', quarter=quarter)}",
        size=page_size(settings.page_size), logo=load_logo(settings.logo_path), fmt=fmt,
    )


def _pyramid(report, fmt, s, width) -> list:
    t = fmt.t
    summary = report.pyramid
    out = [para(t("The customer pyramid"), s["Heading"]),
           para(t("{count} customers · {revenue} revenue in the last 12 months",
                  count=fmt.number(summary.customers), revenue=fmt.money(summary.revenue, whole=True)), s["Normal"]),
           Spacer(1, 2 * mm)]
    customer_tiers = [x for x in summary.tiers if x.tier in report_data.CUSTOMER_TIERS]
    out.append(pyramid_drawing(
        [(_tier(fmt, x.tier), f"{fmt.number(x.count)} · {fmt.percent(x.revenue_share / 100) if x.revenue_share is not None else '–'}")
         for x in customer_tiers], width))
    out.append(Spacer(1, 2 * mm))
    rows = [[_tier(fmt, x.tier), fmt.number(x.count), fmt.money(x.revenue, whole=True),
             fmt.percent(x.revenue_share / 100, digits=1) if x.revenue_share is not None else ""]
            for x in summary.tiers]
    out.append(table(s, [t("Tier"), t("Accounts"), t("Revenue last 12 months"), t("Share of revenue")], rows,
                     [35 * mm, 25 * mm, 45 * mm, 35 * mm], right=(1, 2, 3), plain=(1, 2, 3)))
    if report.pareto is not None and report.pareto.top_revenue_share is not None:
        out.append(Spacer(1, 2 * mm))
        out.append(labelled(t("Pareto"), t("The best 20 % of customers bring {share} of revenue.",
                                            share=fmt.percent(report.pareto.top_revenue_share / 100, digits=1)), s["Normal"]))
    return out


def _movements(report, fmt, s, width) -> list:
    t = fmt.t
    m = report.movement
    out = [para(t("Tier movements since {quarter}", quarter=_quarter(fmt, report.previous_quarter)), s["Heading"])]
    if not m.moved_up and not m.moved_down:
        return out + [para(t("No movements."), s["Muted"])]
    widths = [width - 100 * mm, 22 * mm, 22 * mm, 28 * mm, 28 * mm]
    for label, moved in ((t("Up"), m.moved_up), (t("Down"), m.moved_down)):
        if not moved:
            continue
        rows = [[x.name, _tier(fmt, x.from_tier), _tier(fmt, x.to_tier), fmt.money(x.revenue_before, whole=True),
                 fmt.money(x.revenue_after, whole=True)] for x in moved[:LIST_SHOWN]]
        out.append(para(f"{label} ({fmt.number(len(moved))})", s["CellHead"]))
        out.append(table(s, [t("Name"), t("From"), t("To"), t("Before"), t("After")], rows, widths, right=(3, 4),
                         plain=(3, 4)))
        out += _more(fmt, s, len(moved))
        out.append(Spacer(1, 2 * mm))
    return out


def _profit(report, fmt, s, width) -> list:
    t = fmt.t
    w = report.whale
    out = [para(t("Profit curve"), s["Heading"])]
    if w.customers == 0:
        return out + [para(t("No customers with revenue yet."), s["Muted"])]
    if w.unprofitable_customers:
        facts = t("Profit after cost to serve: {total}. The best {count} customers earn {peak}; the rest give back {back}. "
                  "{loss} customers cost more than they bring.",
                  total=fmt.money(w.total_profit, whole=True), count=fmt.number(w.peak_customers),
                  peak=fmt.money(w.peak_profit, whole=True), back=fmt.money(w.given_back, whole=True),
                  loss=fmt.number(w.unprofitable_customers))
    else:
        facts = t("Profit after cost to serve: {total}. Every customer earns more than serving them costs.",
                  total=fmt.money(w.total_profit, whole=True))
    out.append(para(facts, s["Normal"]))
    if w.total_profit > 0:
        n = w.customers
        points = [(number / n, float(c / w.total_profit)) for number, c in w.sample(600)]
        out.append(profit_curve(points, fmt, width))
    return out


def _attention(report, fmt, s, width) -> list:
    t = fmt.t
    with_overdue = any(line.overdue is not None for line in report.attention)
    header = [t("Tier"), t("Accounts"), t("Touches"), t("Hours")] + ([t("Overdue")] if with_overdue else [])
    rows = [[_tier(fmt, x.tier), fmt.number(x.accounts), fmt.number(x.touches), fmt.number(x.hours, digits=1)]
            + ([fmt.number(x.overdue) if x.overdue is not None else ""] if with_overdue else []) for x in report.attention]
    return [
        para(t("Attention in {quarter}", quarter=_quarter(fmt, report.quarter)), s["Heading"]),
        para(t("Hours on customers: {customers}; on prospects and suspects: {prospects}.",
               customers=fmt.number(report.hours_customers, digits=1), prospects=fmt.number(report.hours_prospects, digits=1)),
             s["Normal"]),
        Spacer(1, 2 * mm),
        table(s, header, rows, [35 * mm] + [25 * mm] * (len(header) - 1), right=tuple(range(1, len(header))),
              plain=tuple(range(1, len(header)))),
    ]


def _nps_rows(fmt, summaries, *, quarters: bool = False) -> list[list[str]]:
    """NPS lines labelled by quarter ("2026Q3", written in words) or by tier (worded)."""
    return [[_quarter(fmt, x.label) if quarters else fmt.t(x.label), fmt.number(x.responses), fmt.number(x.promoters),
             fmt.number(x.passives), fmt.number(x.detractors), x.text if x.nps is not None else "–"] for x in summaries]


def _nps(report, fmt, s, width) -> list:
    t = fmt.t
    header = [t("Quarter"), t("Answers"), t("Promoters"), t("Passives"), t("Detractors"), t("NPS")]
    widths = [34 * mm, 26 * mm, 26 * mm, 24 * mm, 28 * mm, 18 * mm]
    trend = list(report.nps.by_quarter)
    while trend and trend[0].responses == 0:  # the trend starts with the first answers
        trend.pop(0)
    out = [para(t("Satisfaction (NPS)"), s["Heading"])]
    if not trend:
        return out + [para(t("No answers yet."), s["Muted"])]
    out.append(table(s, header, _nps_rows(fmt, trend, quarters=True), widths, right=(1, 2, 3, 4, 5), plain=(1, 2, 3, 4, 5)))
    if report.nps.by_tier:
        out += [Spacer(1, 3 * mm), table(s, [t("Tier")] + header[1:], _nps_rows(fmt, report.nps.by_tier), widths,
                                         right=(1, 2, 3, 4, 5), plain=(1, 2, 3, 4, 5))]
    return out


def _referrals(report, fmt, s, width) -> list:
    t = fmt.t
    out = []
    if report.referrals is not None:
        out.append(para(t("Referrals in {quarter}", quarter=_quarter(fmt, report.quarter)), s["Heading"]))
        if report.referrals:
            rows = [[fmt.date(r.referred_on), r.referrer, r.referred_account, t(r.outcome.replace("_", " ").capitalize()),
                     fmt.date(r.thanked_on) if r.thanked_on else "–"] for r in report.referrals[:LIST_SHOWN]]
            out.append(table(s, [t("Date"), t("By"), t("New account"), t("Outcome"), t("Thanked")], rows,
                             [24 * mm, (width - 96 * mm) / 2, (width - 96 * mm) / 2, 48 * mm, 24 * mm]))
            out += _more(fmt, s, len(report.referrals))
        else:
            out.append(para(t("No referrals in this quarter."), s["Muted"]))
    if report.ambassadors is not None:
        out.append(para(t("Ambassadors"), s["Heading"]))
        if report.ambassadors:
            rows = [[a.person, a.account or "", str(a.latest_score), fmt.number(a.introductions), fmt.number(a.customers),
                     fmt.money(a.credited_lifetime, whole=True)] for a in report.ambassadors[:LIST_SHOWN]]
            out.append(table(s, [t("Name"), t("Account"), t("Score"), t("Introductions"), t("Customers"), t("Revenue brought")],
                             rows, [width - 134 * mm, 40 * mm, 14 * mm, 26 * mm, 22 * mm, 32 * mm], right=(2, 3, 4, 5),
                             plain=(2, 3, 4, 5)))
            out += _more(fmt, s, len(report.ambassadors))
        else:
            out.append(para(t("No ambassadors yet: promoters who introduced someone."), s["Muted"]))
    return out


def _wallet(report, fmt, s, width) -> list:
    t = fmt.t
    out = [para(t("Largest wallet gaps"), s["Heading"])]
    if not report.wallet_gaps:
        return out + [para(t("No customer has an estimated budget yet."), s["Muted"])]
    rows = [[v.name, _tier(fmt, v.tier), fmt.money(v.annual_budget, whole=True), fmt.money(v.revenue, whole=True),
             fmt.percent(v.share_of_wallet / 100) if v.share_of_wallet is not None else "–",
             fmt.money(v.wallet_gap, whole=True)] for v in report.wallet_gaps]
    out.append(table(s, [t("Name"), t("Tier"), t("Budget"), t("Revenue"), t("Share"), t("Gap")], rows,
                     [width - 122 * mm, 20 * mm, 28 * mm, 28 * mm, 18 * mm, 28 * mm], right=(2, 3, 4, 5),
                     plain=(2, 3, 4, 5)))
    return out


def sources_for(db: Database, report: report_data.Portfolio) -> SourcesReport:
    """The leads of the portfolio quarter's year, with revenue and costs as they stood at the quarter's end
    (the year so far for the first three quarters, the whole year for the fourth)."""
    return sources_report(db, year=report.quarter_end.year, today=report.quarter_end)


def story(report: report_data.Portfolio, fmt: Formatter, width: float, *,
          sources: SourcesReport | None = None) -> list:
    s = stylesheet()
    out: list = []
    if report.pyramid is not None:
        out += _pyramid(report, fmt, s, width)
    if report.movement is not None:
        out += _movements(report, fmt, s, width)
    if report.whale is not None:
        out.append(KeepTogether(_profit(report, fmt, s, width)))
    out += _attention(report, fmt, s, width)
    if report.nps is not None:
        out += _nps(report, fmt, s, width)
    out += _referrals(report, fmt, s, width)
    if report.wallet_gaps is not None:
        out += _wallet(report, fmt, s, width)
    if sources is not None:  # where the leads of the year came from and what they brought
        out += sources_section(sources, fmt=fmt, sheet=s, width=width)
    return out


def render_portfolio(report: report_data.Portfolio, *, sources: SourcesReport | None = None) -> bytes:
    """The portfolio PDF; with ``sources`` (``sources_for``) it ends with the lead sources of the year."""
    fmt = Formatter.for_settings(report.settings)
    page = page_for(report, fmt)
    return render(story(report, fmt, body_width(page), sources=sources), page)


def write_portfolio(db: Database, *, quarter: Quarter, path: str | os.PathLike,
                    context: report_data.QuarterContext | None = None) -> Path:
    """Build the portfolio report and write it to ``path`` (complete or not at all)."""
    report = report_data.portfolio(db, quarter=quarter, context=context)
    return write_atomically(path, render_portfolio(report, sources=sources_for(db, report)))

