"""A touch keeps where it came from (the fair where they met, the webinar they watched): logged, corrected,
undone and imported, and shown on the lead's path."""

import datetime as dt

import pytest

from relationapp.errors import ValidationError
from relationapp.exchange.csv_import import import_csv
from relationapp.exchange.export import export_all
from relationapp.services.customers.staff import list_lead_sources
from relationapp.services.leads.lead_path import lead_path
from relationapp.services.leads.register import register_lead
from relationapp.services.touches import interactions
from relationapp.services.value.orders import create_order


def _fair(db):
    lead = register_lead(db, organisation="Vakhandel Bos", new_source="Vakbeurs Installatie", today=dt.date(2025, 1, 5))
    return lead, next(s for s in list_lead_sources(db) if s.name == "Vakbeurs Installatie")


def test_a_touch_logged_with_its_source_shows_it_on_the_lead_path(db):
    lead, fair = _fair(db)
    met = interactions.log_interaction(db, account_id=lead.account_id, kind="meeting", occurred_on=dt.date(2025, 1, 10),
                                       subject="Gesprek op de stand", source_id=fair.id)
    interactions.log_interaction(db, account_id=lead.account_id, kind="call", occurred_on=dt.date(2025, 2, 1),
                                 subject="Offerte")
    create_order(db, account_id=lead.account_id, ordered_on=dt.date(2025, 2, 10), amount="900")
    assert (met.source_id, met.source) == (fair.id, "Vakbeurs Installatie")
    path = lead_path(db, account_id=lead.account_id)
    assert [(t.subject, t.source) for t in path.touches] == [("Gesprek op de stand", "Vakbeurs Installatie"),
                                                              ("Offerte", None)]


def test_correcting_and_undoing_keep_the_source_and_an_unknown_source_is_refused(db):
    lead, fair = _fair(db)
    row = interactions.log_interaction(db, account_id=lead.account_id, kind="call", occurred_on=dt.date(2025, 1, 10))
    assert row.source is None
    assert interactions.update_interaction(db, interaction_id=row.id, source_id=fair.id).source == "Vakbeurs Installatie"
    removed = interactions.delete_interaction(db, interaction_id=row.id)
    restored = interactions.restore_interaction(db, row=removed)
    assert restored.source_id == fair.id
    with pytest.raises(ValidationError, match="Lead source #999 does not exist"):
        interactions.log_interaction(db, account_id=lead.account_id, kind="call", source_id=999)
    with pytest.raises(ValidationError, match="Lead source"):
        interactions.update_interaction(db, interaction_id=row.id, source_id="abc")
    assert interactions.update_interaction(db, interaction_id=restored.id, source_id=None).source is None


def test_an_activity_export_brings_its_source_in_by_name(db, tmp_path):
    lead, _fair_source = _fair(db)
    path = tmp_path / "activiteiten.csv"
    path.write_text("Relatie;Datum;Soort;Onderwerp;Bron\n"
                    "Vakhandel Bos;10-01-2025;afspraak;Gesprek op de stand;vakbeurs installatie\n"
                    "Vakhandel Bos;20-01-2025;telefoon;Webinar nagebeld;Webinar warmtepompen\n"
                    "Vakhandel Bos;01-02-2025;telefoon;Offerte;\n", encoding="utf-8")
    assert import_csv(db, path=str(path), kind="interactions").added == 3
    by_subject = {r.subject: r.source for r in interactions.list_interactions(db, account_id=lead.account_id)}
    assert by_subject == {"Gesprek op de stand": "Vakbeurs Installatie", "Webinar nagebeld": "Webinar warmtepompen",
                          "Offerte": None}
    assert sorted(s.name for s in list_lead_sources(db)) == ["Vakbeurs Installatie", "Webinar warmtepompen"]


def test_the_export_writes_the_source_name_the_import_reads_back(db, tmp_path):
    lead, fair = _fair(db)
    interactions.log_interaction(db, account_id=lead.account_id, kind="meeting", occurred_on=dt.date(2025, 1, 10),
                                 subject="Gesprek op de stand", source_id=fair.id)
    out = export_all(db, out=tmp_path / "export", as_zip=False).path
    text = (out / "interaction.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0].endswith(",account,source") and text.splitlines()[1].endswith(",Vakhandel Bos,Vakbeurs Installatie")
    interactions.delete_interaction(db, interaction_id=interactions.list_interactions(db, account_id=lead.account_id)[0].id)
    assert import_csv(db, path=str(out / "interaction.csv"), kind="interactions", mapping="relationapp").added == 1
    (back,) = interactions.list_interactions(db, account_id=lead.account_id)
    assert (back.subject, back.source) == ("Gesprek op de stand", "Vakbeurs Installatie")
