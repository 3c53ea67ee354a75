"""`today` is your Today when "I am" is set; --everyone for everyone's."""

import datetime as dt
import json

from relationapp.__main__ import main
from relationapp.services.common.settings import update_settings
from relationapp.services.customers.accounts import create_account
from relationapp.services.customers.staff import create_staff


def test_today_is_mine_by_default_and_everyones_on_request(db, db_path, capsys):
    anna = create_staff(db, name="Anna Jansen")
    create_account(db, name="Bakkerij Smit", stage="customer", owner_id=anna.id, customer_since=dt.date(2020, 1, 1))
    create_account(db, name="Garage Öztürk", stage="customer", customer_since=dt.date(2020, 1, 1))
    update_settings(db, current_staff_id=anna.id)
    base = ["--db", str(db_path), "today", "--date", "2026-06-15", "--json"]

    assert main(base) == 0
    out = capsys.readouterr()
    assert [i["account"] for i in json.loads(out.out)["needs_attention"]] == ["Bakkerij Smit"] and "Anna" in out.err
    assert main([*base, "--everyone"]) == 0
    assert sorted(i["account"] for i in json.loads(capsys.readouterr().out)["needs_attention"]) == ["Bakkerij Smit", "Garage Öztürk"]
