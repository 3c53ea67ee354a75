"""benchmarks/pg_writers.py at a small size on the test PostgreSQL: writers collide, nothing is lost.

No timings are asserted (the figures are the benchmark's, at 10 x 500); this
checks that concurrent writer processes through the real services lose no
update and fail only with reported conflicts, and that the check would see it
if they did.
"""

from __future__ import annotations

import datetime as dt

import pytest

from benchmarks import pg_writers

pytestmark = pytest.mark.pg


def test_three_writers_lose_no_update_and_fail_only_with_conflicts(pg_demo_db):
    report = pg_writers.measure(pg_demo_db.url, writers=3, writes=20, today=dt.date(2026, 11, 22))

    assert report.problems == []
    saved = sum(len(v) for r in report.results for v in r.done.values())
    assert saved + sum(report.conflicts.values()) == 3 * 20
    assert {kind for r in report.results for kind in r.done} == {"account", "person", "touch", "follow_up"}
    assert "lost updates, wrong counts" in report.text()


def test_the_check_names_an_edit_the_notes_lost_and_a_touch_never_saved():
    before = pg_writers.Versions(accounts={7: ("old", 3)}, people={})
    after = pg_writers.Versions(accounts={7: ("old pgload-w0-0", 5)}, people={})  # two edits, one token
    result = pg_writers.WriterResult(writer=0, done={"account": [(7, "pgload-w0-0"), (7, "pgload-w0-1")],
                                                     "touch": [(9, "pgload-w0-2")]})

    problems = pg_writers.check(before, after, [result], touches=pg_writers.Counter(), follow_ups=pg_writers.Counter())

    assert any("account 7: 2 edits succeeded, the notes hold 1" in p for p in problems)
    assert any(p.startswith("touch: 1 succeeded, 0 in the database") for p in problems)
    assert not any("version" in p for p in problems)  # 3 + 2 edits = 5: the version is right
