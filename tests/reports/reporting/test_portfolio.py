"""The quarterly portfolio report, read back with pypdf."""

import io

from pypdf import PdfReader

from relationapp.reports.reporting import data as report_data
from relationapp.reports.reporting.portfolio import render_portfolio, write_portfolio
from relationapp.services.common.settings import update_settings
from relationapp.services.customers.accounts import update_account
from relationapp.services.value import pyramid
from relationapp.services.value.quarters import parse

Q3 = parse("2026Q3")


def _pages(pdf: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def test_portfolio_shows_pyramid_movements_and_sections(demo_db):
    update_settings(demo_db, language="en")
    report = report_data.portfolio(demo_db, quarter=Q3)
    pages = _pages(render_portfolio(report))
    text = " ".join(pages)
    assert "Portfolio report Q3 2026" in text
    summary = pyramid.pyramid_summary(demo_db, as_of=Q3.end)
    assert f"{summary.customers} customers" in text
    assert "The customer pyramid" in text and "The best 20 % of customers bring" in text
    movement = report.movement
    assert movement.moved_up or movement.moved_down
    for moved in (movement.moved_up + movement.moved_down)[:3]:
        assert moved.name in text
    for heading in ("Tier movements since Q2 2026", "Profit curve", "Attention in Q3 2026", "Overdue", "Satisfaction (NPS)",
                    "Largest wallet gaps"):
        assert heading in text
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page


def test_user_text_in_the_portfolio_prints_literally(demo_db, tmp_path):
    update_settings(demo_db, language="en")
    best = pyramid.pyramid_summary(demo_db, as_of=Q3.end).tier("top").account_ids[0]
    update_account(demo_db, account_id=best, name='<img src="x.png"/> & <b>Top</b>', annual_budget="9000000")
    path = write_portfolio(demo_db, quarter=Q3, path=tmp_path / "p.pdf")
    assert '<img src="x.png"/> & <b>Top</b>' in " ".join(_pages(path.read_bytes()))
