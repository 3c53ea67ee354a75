"""`accounts list` shows your accounts when "I am" is set; --everyone and --staff as for visits."""

import json

from relationapp.__main__ import main
from relationapp.services.common.settings import update_settings
from relationapp.services.customers.accounts import create_account
from relationapp.services.customers.staff import create_staff


def _listed(capsys, *args) -> tuple[list[str], str]:
    assert main([*args, "--json"]) == 0
    out = capsys.readouterr()
    return sorted(row["name"] for row in json.loads(out.out)), out.err


def test_accounts_list_is_mine_by_default_and_everyone_on_request(db, db_path, capsys):
    anna = create_staff(db, name="Anna Jansen")
    bram = create_staff(db, name="Bram de Vries")
    create_account(db, name="Bakkerij Smit", stage="customer", owner_id=anna.id)
    create_account(db, name="Garage Öztürk", stage="customer", owner_id=bram.id)
    base = ["--db", str(db_path), "accounts", "list"]

    assert _listed(capsys, *base)[0] == ["Bakkerij Smit", "Garage Öztürk"]  # nobody set as "I am": all
    update_settings(db, current_staff_id=anna.id)
    names, said = _listed(capsys, *base)
    assert names == ["Bakkerij Smit"] and "Anna Jansen" in said and "--everyone" in said
    assert _listed(capsys, *base, "--everyone")[0] == ["Bakkerij Smit", "Garage Öztürk"]
    assert _listed(capsys, *base, "--staff", "Bram")[0] == ["Garage Öztürk"]

