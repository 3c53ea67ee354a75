"""The quarterly account review: one account, one quarter, internal or for the client."""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer

from relationapp.data.db import Database
from relationapp.reports.common.charts import revenue_chart
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
    with_note,
    write_atomically,
)
from relationapp.reports.reporting import data as report_data
from relationapp.services.value.quarters import Quarter
from relationapp.services.value.quarters import parse as parse_quarter
from relationapp.text.formatting import Formatter
from relationapp.text.wording import KINDS, ROLES, TIERS


def _tier(fmt: Formatter, tier: str | None) -> str:
    return fmt.t(TIERS.get(tier, tier)) if tier else "–"


def _quarter(fmt: Formatter, label: str) -> str:
    """A quarter the data gives as "2026Q3", in words: "3e kwartaal 2026" / "Q3 2026"."""
    return fmt.quarter(parse_quarter(label))


def page_for(review: report_data.AccountReview, fmt: Formatter) -> Page:
    settings = review.settings
    quarter = _quarter(fmt, review.quarter)
    audience = fmt.t("Internal · confidential") if review.internal else fmt.t("Prepared for {name}", name=review.account.name)
    return Page(
        firm=settings.company_name,
        title=fmt.t("Account review {quarter}", quarter=quarter) + f" · {review.account.name}",
        subtitle=f"{fmt.date(review.quarter_start)} – {fmt.date(review.quarter_end)} · {audience}",
        footer_note=f"{settings.company_name} · {fmt.t('Account review {quarter}', quarter=quarter)}",
        size=page_size(settings.page_size),
        logo=load_logo(settings.logo_path),
        fmt=fmt,
    )


def story(review: report_data.AccountReview, fmt: Formatter, width: float) -> list:
    s = stylesheet()
    t = fmt.t
    a = review.account
    client = not review.internal  # the client's copy leaves out what is empty instead of printing zeros
    quarter = _quarter(fmt, review.quarter)
    out: list = []

    # the account at a glance
    facts = [
        (t("Account manager"), a.owner or "–"),
        (t("Address"), a.address_line or "–"),
        (t("Phone"), a.phone or "–"),
        (t("E-mail"), a.email or "–"),
        (t("Customer since"), fmt.date(a.customer_since) if a.customer_since else "–"),
    ]
    if a.website:
        facts.insert(4, (t("Website"), a.website))
    if review.internal:
        facts.append((t("Tier"), t("{tier} (last quarter: {before})", tier=_tier(fmt, review.tier),
                                    before=_tier(fmt, review.tier_before))))
        if a.source:
            facts.append((t("Source"), a.source))
    if client:
        facts = [f for f in facts if f[1] and f[1] != "–"]
    if facts:
        out.append(para(t("The account"), s["Heading"]))
        out.append(table(s, [t("Fact"), t("Value")], [list(f) for f in facts], [45 * mm, width - 45 * mm], plain=(0,)))

    # the people and who we met (a column of zeros when nobody was met says nothing)
    if review.people:
        out.append(para(t("People"), s["Heading"]))
        met = any(p.touches for p in review.people)
        header = [t("Name"), t("Job title"), t("Role")] + ([t("Touches")] if met else [])
        widths = [46 * mm, 36 * mm, 30 * mm] + ([20 * mm] if met else [])
        if review.internal:
            header.append(t("Personal notes"))
            widths.append(width - sum(widths))
        else:
            widths = [55 * mm, 50 * mm, 40 * mm][:len(header) - 1]
            widths.append(width - sum(widths))
        rows = []
        for p in review.people:
            row = [p.name, p.job_title or "", t(ROLES.get(p.dmu_role, p.dmu_role or ""))]
            if met:
                row.append(fmt.number(p.touches))
            if review.internal:
                row.append("\n".join(n for n in (p.personal_notes, p.family_notes) if n))
            rows.append(row)
        out.append(table(s, header, rows, widths, right=(3,) if met else (), plain=(3,) if met else ()))
    elif review.internal:
        out.append(para(t("People"), s["Heading"]))
        out.append(para(t("No people recorded."), s["Muted"]))

    # revenue over two years
    bars = review.revenue
    if any(b.revenue or b.year_earlier for b in bars):
        out.append(para(t("Revenue per quarter"), s["Heading"]))
        # two lines under each bar: "3e kwartaal" over "2026"
        labels = ["\n".join(_quarter(fmt, b.quarter).rsplit(" ", 1)) for b in bars]
        out.append(revenue_chart(labels, [b.revenue for b in bars], [b.year_earlier for b in bars], fmt, width))
        rows = []
        first = next(i for i, b in enumerate(bars) if b.revenue or b.year_earlier)
        for b in bars[first:]:  # the chart keeps the two years; the table starts at the first figure
            change = (b.revenue - b.year_earlier) / b.year_earlier if b.year_earlier else None
            rows.append([_quarter(fmt, b.quarter), fmt.money(b.revenue), fmt.money(b.year_earlier),
                         fmt.percent(change) if change is not None else "–"])
        out.append(table(s, [t("Quarter"), t("Revenue"), t("A year earlier"), t("Change")], rows,
                         [36 * mm, 40 * mm, 40 * mm, 25 * mm], right=(1, 2, 3), plain=(0, 1, 2, 3)))
    elif review.internal:
        out.append(para(t("Revenue per quarter"), s["Heading"]))
        out.append(para(t("No revenue in these quarters."), s["Muted"]))
    if review.value is not None:
        v = review.value
        if v.share_of_wallet is not None:
            out.append(Spacer(1, 3 * mm))
            out.append(labelled(t("Share of wallet"), t(
                "{share} of an estimated {budget} a year ({revenue} with us in the last 12 months)",
                share=fmt.percent(v.share_of_wallet / 100), budget=fmt.money(v.annual_budget, whole=True),
                revenue=fmt.money(v.revenue, whole=True)), s["Normal"]))
        out.append(KeepTogether([
            para(t("Profit over the last 12 months"), s["Heading"]),
            table(s, [t("Item"), t("Amount")], [
                [t("Revenue"), fmt.money(v.revenue)],
                [t("Cost of goods"), fmt.money(-v.cost_of_goods)],
                [t("Cost to serve ({hours} of staff time)", hours=fmt.hours(int(v.hours * 60))), fmt.money(-v.cost_to_serve)],
                [t("Profit after cost to serve"), fmt.money(v.profit)],
            ], [80 * mm, 40 * mm], right=(1,), bold_last=True, plain=(0, 1)),
        ]))

    # touches in the quarter: never "0 min in 0 touches"
    spent = review.time_spent
    average = None
    if review.internal and spent.tier_average_minutes is not None:
        average = t("Average for a {tier} account: {hours}.", tier=_tier(fmt, review.tier),
                    hours=fmt.hours(round(spent.tier_average_minutes)))
    if review.touches or review.internal:
        out.append(para(t("Touches in {quarter}", quarter=quarter), s["Heading"]))
    if review.touches and (spent.minutes or review.internal):
        summary = fmt.n("{hours} in {count} touch.", "{hours} in {count} touches.", spent.touches,
                        hours=fmt.hours(spent.minutes), count=fmt.number(spent.touches))
        time_line = labelled(t("Time spent"), f"{summary} {average}" if average else summary, s["Normal"])
        time_line.keepWithNext = 1
        out.append(time_line)
        out.append(Spacer(1, 2 * mm))
    if review.touches:
        header = [t("Date"), t("Kind"), t("With"), t("By"), t("Time"), t("Subject")]
        widths = [18 * mm, 25 * mm, 36 * mm, 28 * mm, 15 * mm]
        widths.append(width - sum(widths))
        rows = []
        for touch in review.touches:
            rows.append([fmt.short_date(touch.day), t(KINDS.get(touch.kind, touch.kind)), ", ".join(touch.people),
                         touch.staff or "", fmt.hours(touch.minutes) if touch.minutes else "–",
                         with_note(touch.subject, touch.notes, s["Cell"])])
        out.append(table(s, header, rows, widths, right=(4,), plain=(0, 4)))
    elif review.internal:
        out.append(para(f"{t('No touches in this quarter.')} {average}" if average else t("No touches in this quarter."),
                        s["Muted"]))

    if review.nps is not None and (review.nps or review.internal):
        out.append(para(t("Satisfaction (NPS)"), s["Heading"]))
        if review.nps:
            out.append(table(s, [t("Quarter"), t("Answers"), t("Promoters"), t("Passives"), t("Detractors"), t("NPS")],
                             [[_quarter(fmt, n.label), fmt.number(n.responses), fmt.number(n.promoters),
                               fmt.number(n.passives), fmt.number(n.detractors), n.text] for n in review.nps],
                             [36 * mm, 24 * mm, 24 * mm, 24 * mm, 28 * mm, 18 * mm], right=(1, 2, 3, 4, 5),
                             plain=(0, 1, 2, 3, 4, 5)))
        else:
            out.append(para(t("No answers yet."), s["Muted"]))

    if review.referrals is not None and (review.referrals or review.internal):
        out.append(para(t("Referrals"), s["Heading"]))
        if review.referrals:
            rows = []
            for r in review.referrals:
                what = t("Introduced us to {name}", name=r.counterpart) if r.direction == "given" else t("Introduced by {name}", name=r.counterpart)
                if r.counterpart is None:
                    what = t("Introduced a new customer") if r.direction == "given" else t("Came to us through a recommendation")
                rows.append([fmt.date(r.day), what, r.person or "", fmt.date(r.thanked_on) if r.thanked_on else "–"])
            out.append(table(s, [t("Date"), t("Referral"), t("By"), t("Thanked")], rows,
                             [24 * mm, width - 24 * mm - 40 * mm - 24 * mm, 40 * mm, 24 * mm]))
        else:
            out.append(para(t("No referrals yet."), s["Muted"]))

    if review.follow_ups:
        out.append(para(t("Open follow-ups"), s["Heading"]))
        rows = []
        for f in review.follow_ups:
            rows.append([fmt.date(f.due_on), with_note(f.title, f.notes, s["Cell"]), f.person or ""])
        out.append(table(s, [t("Due"), t("What"), t("With")], rows, [24 * mm, width - 24 * mm - 45 * mm, 45 * mm], plain=(0,)))
    elif review.internal:
        out.append(para(t("Open follow-ups"), s["Heading"]))
        out.append(para(t("Nothing open."), s["Muted"]))

    if a.next_steps or review.internal:
        out.append(KeepTogether([
            para(t("Agreed next steps"), s["Heading"]),
            para(a.next_steps or t("None recorded yet."), s["Box"]),
        ]))
    if review.internal and a.notes:
        out.append(KeepTogether([para(t("Internal notes"), s["Heading"]), para(a.notes, s["Box"])]))
    return out


def render_review(review: report_data.AccountReview) -> bytes:
    fmt = Formatter.for_settings(review.settings)
    page = page_for(review, fmt)
    return render(story(review, fmt, body_width(page)), page)


def write_account_review(
    db: Database, *, account_id: int, quarter: Quarter, path: str | os.PathLike, audience: str = "internal",
    context: report_data.QuarterContext | None = None,
) -> Path:
    """Build the review and write it to ``path`` (complete or not at all)."""
    review = report_data.account_review(db, account_id=account_id, quarter=quarter, audience=audience, context=context)
    return write_atomically(path, render_review(review))
