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
    assert "2026Q3 portfolio.pdf" in {f.name for f in files}


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
