"""Odd multi-value and ragged cells never crash the importer: each is one line naming row and column."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from relationapp.exchange.csv_import import preview_csv
from tests.helpers import count

SAMPLES = Path(__file__).parent / "samples"
HEADER = "Name,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Website 1 - Type,Website 1 - Value\n"


@pytest.mark.parametrize("line, phone, points", [
    # more types than values, fewer types than values, no type column value at all
    ("A,* Work ::: Home ::: Other,a@x.example,,,,", None, (("email", "work", "a@x.example"),)),
    ("A,,,Mobile,06 1 ::: 06 2 ::: 06 3,,", "06 1",
     (("phone", "mobile", "06 1"), ("phone", "mobile", "06 2"), ("phone", "mobile", "06 3"))),
    ("A,, ::: ,,:::,,", None, ()),  # separators and nothing else
    ("A,Vakantiehuis,a@x.example ::: A@X.example,,,,", None, (("email", "other", "a@x.example"),)),  # a typed-in type
    ("A,,,Home ::: * Work,020 1 ::: 030 2,,", "030 2", (("phone", "home", "020 1"), ("phone", "work", "030 2"))),
])
def test_odd_multi_values(db, tmp_path, line, phone, points):
    f = tmp_path / "c.csv"
    f.write_text(HEADER + line + "\n", encoding="utf-8")
    preview = preview_csv(db, path=f, kind="people", mapping="google")
    assert preview.problems == []
    person = preview.inputs[0]
    assert (person.phone, person.contact_points) == (phone, points)


def test_a_row_shorter_than_its_type_columns_and_one_with_many_extra_cells(db, tmp_path):
    f = tmp_path / "c.csv"
    f.write_text(HEADER + "A,* Work\nB,,b@x.example,,,,,,,,\nC,,c@x.example,,,,,x,,y\n", encoding="utf-8")
    preview = preview_csv(db, path=f, kind="people", mapping="google")
    assert [r.row for r in preview.bad_rows] == [4]
    assert preview.problems == ["c.csv row 4: an extra value 'x' after the last column."]


def test_cli_skip_bad_rows_imports_the_others_and_without_it_nothing(db_path):
    from relationapp.services.common.settings import update_settings
    from relationapp.services.data_care.opening import open_database

    db = open_database(str(db_path))
    update_settings(db, language="en")
    db.dispose()
    run = [sys.executable, "-m", "relationapp", "--db", str(db_path), "import", "csv",
           str(SAMPLES / "google_contacts.csv"), "--kind", "people", "--map", "google"]
    refused = subprocess.run(run, capture_output=True, text=True)
    assert refused.returncode == 2
    assert refused.stderr.splitlines() == [
        "google_contacts.csv row 4: E-mail 1 - Value: 'kees@@bakker' is not a valid e-mail address.",
        "Nothing was imported: 1 row has a problem; fix the file, or import the 3 good rows with --skip-bad-rows.",
    ]
    db = open_database(str(db_path))
    assert count(db, "person") == 0
    db.dispose()
    done = subprocess.run(run + ["--skip-bad-rows"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "3 people added" in done.stdout and "1 bad rows skipped" in done.stdout
    assert "row 4" in done.stderr  # the row left out, and why
