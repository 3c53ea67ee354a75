"""The portfolio report ends with the lead sources of its quarter's year."""

import io

from pypdf import PdfReader

from relationapp.reports.reporting.portfolio import write_portfolio
from relationapp.services.common.settings import update_settings
from relationapp.services.leads.sources_report import sources_report
from relationapp.services.value.quarters import parse

Q3 = parse("2026Q3")


def test_portfolio_has_the_sources_section_of_the_quarters_year(demo_db, tmp_path):
    update_settings(demo_db, language="en")
    path = write_portfolio(demo_db, quarter=Q3, path=tmp_path / "portfolio.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(path.read_bytes())).pages)
    assert "Leads of 2026 by source" in text
    report = sources_report(demo_db, year=2026, today=Q3.end)
    named = [r.name for r in report.sources if r.name]
    assert named and named[0] in text
    assert "Leads of 2026 by colleague who brought them in" in text
