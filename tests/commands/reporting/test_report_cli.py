"""relationapp report account|portfolio|reviews: files written, errors as one line and exit 2."""

import pytest

from relationapp.__main__ import main


@pytest.fixture
def db_arg(demo_db):
    return ["--db", str(demo_db.path)]


def test_account_and_portfolio(db_arg, tmp_path, capsys):
    out = tmp_path / "r.pdf"
    assert main([*db_arg, "report", "account", "1", "--quarter", "2026Q3", "--audience", "client", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert main([*db_arg, "report", "portfolio", "--quarter", "2026Q3", "-o", str(tmp_path / "p.pdf")]) == 0
    assert (tmp_path / "p.pdf").exists()


def test_reviews_write_a_folder_with_a_progress_line(db_arg, tmp_path, capsys):
    assert main([*db_arg, "report", "reviews", "--quarter", "2026Q3", "--tier", "top,big", "--workers", "1",
                 "--out", str(tmp_path / "q3")]) == 0
    err = capsys.readouterr().err
    files = list((tmp_path / "q3").iterdir())
    assert f"1/{len(files)} " in err and f"{len(files)}/{len(files)} " in err
    assert "Portefeuillerapport 3e kwartaal 2026.pdf" in {f.name for f in files}  # the demo firm writes Dutch


@pytest.mark.parametrize("args, message", [
    (["account", "No Such Firm", "--quarter", "2026Q3", "-o", "{tmp}/a.pdf"], "No account called"),
    (["account", "1", "--quarter", "2026Q5", "-o", "{tmp}/a.pdf"], "2026Q5"),
    (["account", "1", "--quarter", "2026Q3", "-o", "{tmp}/missing/a.pdf"], "Cannot write"),
    (["portfolio", "--quarter", "soon", "-o", "{tmp}/a.pdf"], "not a quarter"),
    (["reviews", "--quarter", "2026Q3", "--tier", "huge", "--out", "{tmp}/dir"], "not a tier"),
    (["reviews", "--quarter", "2026Q3", "--owner", "Nobody", "--out", "{tmp}/dir"], "No staff member"),
    (["reviews", "--quarter", "2026Q3", "--out", "{tmp}/blocker/dir"], "Cannot write in the folder"),
])
def test_bad_input_is_one_line_and_exit_2(db_arg, tmp_path, capsys, args, message):
    work = tmp_path / "work"
    work.mkdir()
    (work / "blocker").write_text("a file, not a folder")
    capsys.readouterr()
    code = main([*db_arg, "report", *[a.format(tmp=work) for a in args]])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert sorted(p.name for p in work.iterdir()) == ["blocker"]  # nothing written



def test_without_output_the_file_is_named_in_the_report_language(demo_db, db_arg, tmp_path, monkeypatch, capsys):
    from relationapp.services.customers.accounts import get_account

    name = get_account(demo_db, account_id=1).name
    monkeypatch.chdir(tmp_path)
    assert main([*db_arg, "report", "account", "1", "--quarter", "2026Q3", "--audience", "client"]) == 0
    assert main([*db_arg, "report", "portfolio", "--quarter", "2026Q3"]) == 0
    folder = tmp_path / "into"
    folder.mkdir()
    assert main([*db_arg, "report", "account", "1", "--quarter", "2026Q3", "-o", str(folder)]) == 0
    # the demo firm writes Dutch; the copy with personal notes says it is internal
    assert sorted(p.name for p in tmp_path.glob("*.pdf")) == [
        "Portefeuillerapport 3e kwartaal 2026.pdf", f"Relatiereview {name} 3e kwartaal 2026.pdf"]
    assert [p.name for p in folder.iterdir()] == [f"Relatiereview {name} 3e kwartaal 2026 (Intern · vertrouwelijk).pdf"]
    assert (folder / f"Relatiereview {name} 3e kwartaal 2026 (Intern · vertrouwelijk).pdf").read_bytes().startswith(b"%PDF")
