"""The lead sources PDF: source names and figures in Dutch, the section usable in another report."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

from pypdf import PdfReader
from reportlab.graphics.shapes import Drawing
from reportlab.platypus import KeepTogether, Table

from relationapp.reports.common.layout import stylesheet
from relationapp.reports.leads.sources_pdf import render_sources_report, sources_section
from relationapp.services.common.settings import get_settings
from relationapp.services.leads.sources_report import sources_report
from relationapp.text.formatting import Formatter
from tests.services.leads.test_sources_report import TODAY, build_firm


def _text(pdf: bytes) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.replace("\xa0", " ").split())


def test_pdf_has_source_names_and_dutch_figures(db):
    build_firm(db)
    report = sources_report(db, year=2025, today=TODAY)
    pdf = render_sources_report(report, settings=get_settings(db), fmt=Formatter.for_language("nl"))
    assert pdf.startswith(b"%PDF")
    text = _text(pdf)
    for name in ("Vakbeurs Installatie", "Google", "Webinar warmtepompen", "Piet Monteur", "Anna Verkoop",
                 "Vakbeurs Gent"):
        assert name in text
    assert "€ 1.800" in text  # revenue of the fair's leads in their first 12 months, Dutch thousands
    assert "€ 4.100" in text  # lifetime revenue of all leads
    assert "€ 667" in text and "€ 500" in text  # value per lead and cost per lead of the fair (whole euros)
    assert "44,5" in text and "67%" in text  # median days (decimal comma) and the shares
    assert "2025" in text


def test_pdf_in_the_firms_language_and_empty_year(db):
    settings = dataclasses.replace(get_settings(db), language="en", company_name="Installatiebedrijf Noord")
    pdf = render_sources_report(sources_report(db, year=2025, today=TODAY), settings=settings)
    text = _text(pdf)
    assert "Installatiebedrijf Noord" in text and "No leads registered in 2025." in text


def test_section_gives_heading_tables_and_a_chart(db):
    build_firm(db)
    report = sources_report(db, year=dt.date(2025, 1, 1).year, today=TODAY)
    flowables = sources_section(report, fmt=Formatter.for_language("en"), sheet=stylesheet(), width=170 * 2.834645)
    tables = [f for f in flowables if isinstance(f, Table)]
    tables += [inner for f in flowables if isinstance(f, KeepTogether) for inner in f._content if isinstance(inner, Table)]
    assert len(tables) == 4  # sources (counts, money), colleagues (kept with its heading), campaigns
    assert sum(isinstance(f, Drawing) for f in flowables) == 1
