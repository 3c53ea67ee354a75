"""relationapp sources report|cost|list; --json figures equal the service, bad input is one line and exit 2."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from relationapp.services.leads.sources_report import sources_report
from tests.commands.leads.running import run_cli
from tests.services.leads.test_sources_report import build_firm


def _money(value):
    return None if value is None else str(value.quantize(Decimal("0.01")))


def test_report_json_equals_the_service(db, capsys):
    firm = build_firm(db)
    code, out, err = run_cli(capsys, "--db", str(db.path), "sources", "report", "--year", "2025", "--json")
    assert code == 0, err
    data = json.loads(out)
    expected = sources_report(db, year=2025, today=dt.date.today())
    assert data["year"] == 2025 and data["complete"] is True
    assert [s["id"] for s in data["sources"]] == [s.id for s in expected.sources] == [
        firm["fair"], firm["google"], firm["webinar"], None]
    for got, want in zip(data["sources"] + data["colleagues"] + [data["total"]],
                         expected.sources + expected.colleagues + (expected.total,)):
        assert (got["name"], got["leads"], got["qualified"], got["customers"]) == (
            want.name, want.leads, want.qualified, want.customers)
        assert got["qualified_share"] == want.qualified_share and got["customer_share"] == want.customer_share
        for key in ("revenue_12m", "revenue_lifetime", "value_per_lead", "cost", "cost_per_lead"):
            assert got[key] == _money(getattr(want, key))
        assert got["median_days_to_first_order"] == want.median_days_to_first_order
    fair = data["sources"][0]  # run today: A1's order of 1 July 2026 (50) is in the past now
    assert fair["revenue_12m"] == "1800.00" and fair["value_per_lead"] == "683.33" and fair["cost_per_lead"] == "500.00"
    assert fair["qualified_share"] == pytest.approx(2 / 3) and data["total"]["leads"] == 6
    assert data["sources"][1]["cost"] is None
    assert data["campaigns"][0]["name"] == "Vakbeurs Gent" and data["campaigns"][0]["cost_per_lead"] == "250.00"


def test_report_table_in_english_and_dutch(db, capsys, monkeypatch):
    build_firm(db)
    code, out, _ = run_cli(capsys, "--db", str(db.path), "sources", "report", "--year", "2025")
    assert code == 0 and out.startswith("Leads of 2025: 6")
    assert "Vakbeurs Installatie" in out and "Unknown source" in out and "Nobody named" in out
    assert "€683.33" in out and "67%" in out and "Total" in out
    from relationapp.commands import cli
    from relationapp.text import catalogue

    monkeypatch.setattr(cli, "_speak_the_firms_language", lambda db: catalogue.set_language("nl"))  # (tests/commands: English)
    code, out, _ = run_cli(capsys, "--db", str(db.path), "sources", "report", "--year", "2025")
    assert code == 0 and "€\xa0683,33" in out and "Vakbeurs Installatie" in out


@pytest.mark.parametrize("year", ["abc", "1800", "2999"])
def test_bad_year_is_one_line_exit_2(db, capsys, year):
    code, out, err = run_cli(capsys, "--db", str(db.path), "sources", "report", "--year", year)
    assert code == 2 and out == "" and err.count("\n") == 1 and "Year" in err


def test_cost_and_list(db, capsys):
    firm = build_firm(db)
    path = str(db.path)
    code, out, _ = run_cli(capsys, "--db", path, "sources", "list", "--json")
    assert code == 0 and {s["name"] for s in json.loads(out)} == {"Vakbeurs Installatie", "Google", "Webinar warmtepompen"}
    code, out, _ = run_cli(capsys, "--db", path, "sources", "list")
    assert code == 0 and "Search engine" in out
    code, out, _ = run_cli(capsys, "--db", path, "sources", "cost", str(firm["google"]), "--year", "2025", "--amount", "400")
    assert code == 0 and out.strip() == "Cost of Google in 2025: €400.00."
    code, out, _ = run_cli(capsys, "--db", path, "sources", "cost", str(firm["google"]), "--year", "2025", "--amount",
                        "50", "--campaign", "Voorjaar", "--json")
    assert code == 0 and json.loads(out)["name"] == "Voorjaar" and json.loads(out)["cost"] == "50.00"
    google = [s for s in sources_report(db, year=2025).sources if s.id == firm["google"]][0]
    assert google.cost == Decimal("450.00") and google.cost_per_lead == Decimal("225.00")
    code, out, err = run_cli(capsys, "--db", path, "sources", "cost", str(firm["google"]), "--year", "2025", "--amount", "-5")
    assert code == 2 and err.count("\n") == 1 and "negative" in err
    code, out, err = run_cli(capsys, "--db", path, "sources", "cost", "999", "--year", "2025", "--amount", "5")
    assert code == 2 and "#999" in err
