"""A quarter's reviews in one batch: one file per account plus the portfolio report."""

import threading

import pytest

from relationapp.errors import ValidationError
from relationapp.reports.reporting import data as report_data
from relationapp.reports.reporting.batch import Scope, _names, file_names, run_batch
from relationapp.services.customers.staff import find_staff
from relationapp.services.value.quarters import parse
from relationapp.text.formatting import Formatter

Q3 = parse("2026Q3")


def _in_tiers(db, tiers):
    ctx = report_data.quarter_context(db, quarter=Q3)
    return {aid for aid, tier in ctx.tiers.items() if tier in tiers}


def _expected_names(db, ids, audience="internal"):
    """The file names the batch gives these accounts (the demo firm writes Dutch)."""
    return set(file_names(Formatter.for_language("nl"), Q3, _names(db, sorted(ids)), audience=audience).values())


def test_batch_writes_one_file_per_account_and_the_portfolio(demo_db, tmp_path):
    seen = []
    result = run_batch(demo_db, quarter=Q3, folder=tmp_path / "out", scope=Scope(tiers=("top", "big")), workers=2,
                       progress=seen.append)
    expected = _in_tiers(demo_db, ("top", "big"))
    assert len(result.files) == len(expected) > 0
    assert result.portfolio.name == "Portefeuillerapport 3e kwartaal 2026.pdf"
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len(written) == len(expected) + 1 and all(n.endswith(".pdf") for n in written)
    assert {p.name for p in result.files} == _expected_names(demo_db, expected)
    assert all(n.startswith("Relatiereview ") and n.endswith(" 3e kwartaal 2026 (Intern · vertrouwelijk).pdf")
               for n in written if n != result.portfolio.name)
    assert [p.done for p in seen] == list(range(1, len(expected) + 2)) and seen[-1].total == len(expected) + 1
    assert not result.cancelled


def test_one_account_managers_accounts(demo_db, tmp_path):
    owner = find_staff(demo_db, name_or_id="Aylin")
    result = run_batch(demo_db, quarter=Q3, folder=tmp_path, scope=Scope(owner_id=owner.id), include_portfolio=False,
                       workers=1)
    ctx = report_data.quarter_context(demo_db, quarter=Q3)
    from relationapp.services.customers.accounts import list_account_ids

    theirs = {aid for aid in list_account_ids(demo_db, owner_id=owner.id) if ctx.tiers.get(aid) in report_data.CUSTOMER_TIERS}
    assert {p.name for p in result.files} == _expected_names(demo_db, theirs)
    assert result.portfolio is None


def test_cancel_stops_between_files_and_leaves_only_complete_ones(demo_db, tmp_path):
    cancel = threading.Event()

    def progress(p):
        if p.done == 2:
            cancel.set()

    result = run_batch(demo_db, quarter=Q3, folder=tmp_path / "out", progress=progress, cancel=cancel, workers=1)
    assert result.cancelled and len(result.files) + 1 == 2 < result.total
    files = list((tmp_path / "out").iterdir())
    assert len(files) == 2 and all(f.read_bytes().startswith(b"%PDF") and f.suffix == ".pdf" for f in files)


def test_unwritable_folder_is_refused_before_any_work(demo_db, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ValidationError, match="Cannot write in the folder"):
        run_batch(demo_db, quarter=Q3, folder=blocker / "sub")


def test_file_names_are_safe_and_unique_in_the_folder():
    names = file_names(Formatter.for_language("en"), Q3, {7: 'A/B: "C" <d>?', 8: "...", 9: "???"}, audience="client")
    assert names[7] == "Account review A-B 'C' d Q3 2026.pdf"
    # nothing readable left of the name: the number tells the two apart
    assert names[8] == "Account review Q3 2026 (8).pdf" and names[9] == "Account review Q3 2026 (9).pdf"


def test_a_client_batch_gives_the_names_to_hand_out(demo_db, tmp_path):
    result = run_batch(demo_db, quarter=Q3, folder=tmp_path, scope=Scope(tiers=("top",)), audience="client",
                       include_portfolio=False, workers=1)
    assert result.files and all(p.name.startswith("Relatiereview ") and p.name.endswith(" 3e kwartaal 2026.pdf")
                                for p in result.files)


def test_a_new_output_folder_is_private(tmp_path):
    from relationapp.reports.reporting.batch import prepare_folder

    folder = prepare_folder(tmp_path / "reviews" / "2026Q3")
    assert (folder.stat().st_mode & 0o777) == 0o700
