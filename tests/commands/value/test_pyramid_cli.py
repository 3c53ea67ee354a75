"""relationapp pyramid / value / orders on the command line; bad input = one line + exit 2."""

from __future__ import annotations

import json
from decimal import Decimal

from relationapp.__main__ import main


def _run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_pyramid_json_lists_tiers_with_their_accounts(demo_db, capsys):
    code, out, _ = _run(capsys, "--db", str(demo_db.path), "pyramid", "--date", "2026-11-22", "--json")
    data = json.loads(out)
    assert code == 0 and data["as_of"] == "2026-11-22"
    tiers = {t["tier"]: t for t in data["tiers"]}
    assert list(tiers) == ["top", "big", "medium", "small", "prospect", "suspect", "inactive"]
    assert tiers["top"]["count"] >= 1 and len(tiers["top"]["accounts"]) == tiers["top"]["count"]
    customer_revenue = sum(Decimal(tiers[t]["revenue"]) for t in ("top", "big", "medium", "small"))
    assert customer_revenue == Decimal(data["revenue"])
    best = tiers["top"]["accounts"][0]
    assert best["rank"] == 1 and isinstance(best["id"], int)


def test_pyramid_text_snapshot_and_movement(demo_db, capsys):
    db = str(demo_db.path)
    code, out, _ = _run(capsys, "--db", db, "pyramid", "--date", "2026-11-22", "--limit", "2")
    assert code == 0 and out.startswith("Customer pyramid") and "... and" in out
    code, out, _ = _run(capsys, "--db", db, "pyramid", "snapshot", "--through", "2026-11-22", "--json")
    assert code == 0 and json.loads(out)["quarter_ends"][-1] == "2026-09-30"
    code, out, _ = _run(capsys, "--db", db, "pyramid", "movement", "2025Q4", "2026Q3", "--json")
    moves = json.loads(out)
    assert code == 0 and moves["to_quarter_end"] == "2026-09-30" and moves["counts"]["top"]


def test_bad_quarter_and_date_are_one_line(demo_db, capsys):
    code, out, err = _run(capsys, "--db", str(demo_db.path), "pyramid", "movement", "2026Q5", "2026Q1")
    assert code == 2 and "Q1 to Q4" in err and err.count("\n") == 1 and out == ""
    code, _, err = _run(capsys, "--db", str(demo_db.path), "pyramid", "--date", "2026-13-01")
    assert code == 2 and "not a valid date" in err


def test_orders_add_list_and_refuse_a_second_reference(db, capsys):
    from relationapp.services.customers.accounts import create_account

    account = create_account(db, name="Hotel Vos", stage="customer")
    path = str(db.path)
    code, out, _ = _run(capsys, "--db", path, "orders", "add", "--account", "Hotel Vos", "--date", "2026-05-01",
                        "--amount", "-19.99", "--reference", "CN-1")
    assert code == 0 and "Credit note" in out
    code, _, err = _run(capsys, "--db", path, "orders", "add", "--account", str(account.id), "--date", "2026-05-02",
                        "--amount", "5", "--reference", "CN-1")
    assert code == 2 and "already has an order with reference 'CN-1'" in err
    code, out, _ = _run(capsys, "--db", path, "orders", "list", "--account", "hotel vos", "--json")
    assert code == 0 and [(o["amount"], o["reference"]) for o in json.loads(out)] == [("-19.99", "CN-1")]


def test_value_profit_and_growth(demo_db, capsys):
    db = str(demo_db.path)
    code, out, _ = _run(capsys, "--db", db, "value", "profit", "--date", "2026-11-22", "--json")
    data = json.loads(out)
    assert code == 0 and data["pareto"]["top_customers"] >= 1 and "cumulative_profit" not in data["whale_curve"]
    code, out, _ = _run(capsys, "--db", db, "value", "growth", "--date", "2026-11-22", "--json")
    gaps = [Decimal(v["wallet_gap"]) for v in json.loads(out)]
    assert code == 0 and gaps == sorted(gaps, reverse=True) and all(g > 0 for g in gaps)
