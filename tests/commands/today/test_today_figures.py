"""Today's figures agree with Customer value and the pyramid: the same 12-month revenue everywhere."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

from relationapp.__main__ import main
from relationapp.services.today.attention import agenda
from relationapp.services.value.value import customer_values

DAY = dt.date(2026, 11, 22)  # the day the demo firm is built for


def _run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def _pyramid_revenue(capsys, db) -> dict[int, Decimal]:
    code, out, _ = _run(capsys, "--db", str(db.path), "pyramid", "--date", DAY.isoformat(), "--json")
    assert code == 0
    return {a["id"]: Decimal(a["revenue_12m"]) for t in json.loads(out)["tiers"] for a in t["accounts"]}


def test_todays_revenue_is_the_12_month_revenue_of_customer_value_and_the_pyramid(demo_db, capsys):
    result = agenda(demo_db, today=DAY, limit=None)
    value_page = {v.account_id: v.revenue for v in customer_values(demo_db, as_of=DAY)}
    pyramid = _pyramid_revenue(capsys, demo_db)
    attention = [r for r in result.needs_attention if r.revenue_12m]
    assert len(attention) >= 5
    for row in attention:
        assert row.revenue_12m == value_page[row.account_id] == pyramid[row.account_id], row.account
    # follow-ups show the account's 12-month revenue too
    due = [f for f in result.follow_ups_due if f.account_id in value_page]
    assert due and all(f.value == value_page[f.account_id] for f in due)
    # the value at stake is still revenue x days overdue / cadence (or the revenue lost after a drop)
    cadence_rows = [r for r in attention if r.dropped_from is None]
    assert cadence_rows
    for row in cadence_rows:
        expected = (row.revenue_12m * row.days_overdue / row.cadence_days).quantize(Decimal("0.01"))
        assert abs(row.value - expected) <= Decimal("0.01"), row.account


def test_today_json_revenue_matches_pyramid_json(demo_db, capsys):
    pyramid = _pyramid_revenue(capsys, demo_db)
    code, out, _ = _run(capsys, "--db", str(demo_db.path), "today", "--date", DAY.isoformat(), "--all", "--json")
    assert code == 0
    rows = json.loads(out)["needs_attention"]
    paying = [r for r in rows if Decimal(r["revenue_12m"])]
    assert paying
    for r in paying:
        assert r["revenue_12m"] == f"{pyramid[r['account_id']]:.2f}"  # "12.34": machine format kept
        assert isinstance(r["value"], str) and isinstance(r["days_overdue"], int)


def test_today_text_names_the_value_at_stake_beside_the_revenue(demo_db, capsys):
    code, out, _ = _run(capsys, "--db", str(demo_db.path), "today", "--date", DAY.isoformat())
    assert code == 0
    block = out.split("Needs attention", 1)[1].split("\nFollow-ups due", 1)[0]
    header = block.splitlines()[1]
    assert header.index("revenue 12m") < header.index("value at stake")
    assert "12 months' revenue x days overdue / cadence days" in block
    assert "dropped a tier, the revenue it lost" in block
    first = agenda(demo_db, today=DAY).needs_attention[0]
    from relationapp.text import formatting

    assert formatting.current().money(first.revenue_12m) in block.splitlines()[2]


def test_the_command_line_speaks_the_firms_language(db, monkeypatch):
    """Without RELATIONAPP_LANGUAGE a Dutch firm (the default) gets Dutch messages and Dutch dates."""
    import subprocess
    import sys

    monkeypatch.delenv("RELATIONAPP_LANGUAGE")
    done = subprocess.run([sys.executable, "-m", "relationapp", "--db", str(db.path), "today", "--date", "2026-02-30"],
                          capture_output=True, text=True)
    assert done.returncode == 2
    assert "geen geldige datum" in done.stderr, done.stderr
