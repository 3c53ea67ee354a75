"""A lead list imports with its source and the colleague who brought each lead in, Dutch or English headers."""

from __future__ import annotations

import pytest

from relationapp.exchange.csv_import import import_csv
from relationapp.services.customers.accounts import find_account
from relationapp.services.customers.staff import create_staff, list_lead_sources, list_staff


@pytest.mark.parametrize("header", [
    "Naam;Plaats;Bron;Campagne;Aangebracht door",
    "Name;City;Lead source;Source detail;Brought in by",
])
def test_source_detail_and_colleague_come_in_with_the_accounts(db, tmp_path, header):
    tom = create_staff(db, name="Tom Kramer")
    path = tmp_path / "leads.csv"
    path.write_text(header + "\n"
                    "Bakkerij Vos;Utrecht;Vakbeurs Installatie;Stand 4;tom kramer\n"
                    "Kwekerij Smit;Delft;vakbeurs installatie;;Sanne Bakker\n"
                    "Fietsenwinkel De Ring;Gouda;;;\n", encoding="utf-8")
    assert import_csv(db, path=str(path), kind="accounts").added == 3
    vos, smit, ring = (find_account(db, name_or_id=n) for n in ("Bakkerij Vos", "Kwekerij Smit", "Fietsenwinkel De Ring"))
    assert (vos.source, vos.source_detail, vos.brought_in_by_id) == ("Vakbeurs Installatie", "Stand 4", tom.id)
    assert smit.source_id == vos.source_id  # one source, whatever its case in the file
    assert [s.name for s in list_lead_sources(db)] == ["Vakbeurs Installatie"]
    sanne = next(s for s in list_staff(db) if s.name == "Sanne Bakker")  # a colleague not known yet is added
    assert smit.brought_in_by_id == sanne.id
    assert (ring.source_id, ring.brought_in_by_id) == (None, None)
