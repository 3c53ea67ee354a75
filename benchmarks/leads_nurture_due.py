"""Nurture due list at scale: ``services.leads.nurture.due_content`` on a generated firm.

    python benchmarks/leads_nurture_due.py --db /work/bench/L.db [--json] [--quick]

The generator makes no nurture data, so this works on a scratch copy of the
file (the generated file stays as it is) and adds a library of content, tracks
of six steps, an enrolment for every account that is not sales-qualified or a
customer (most of them due, spread over the last half year, some not yet),
three times as many stopped enrolments (the history the index must skip),
content already sent to a third of the people, and a few enrolments of
accounts that became customers without being stopped. Then ``ANALYZE`` and the
figures, printed as ``benchmarks/run.py`` prints its table. Target: 100 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.run import Bench, Measure, figure, ms, p95, run, table, timed

TRACKS, STEPS, ITEMS = 8, 6, 120
NAMES = ("leads_nurture_due_first", "leads_nurture_due", "leads_nurture_due_staff", "leads_nurture_due_worst")


def seed_nurture(path: Path, *, today: dt.date, seed: int = 1) -> dict[str, int]:
    """Content, tracks, enrolments and sent content in the database at ``path`` (a scratch copy)."""
    rnd = random.Random(seed)
    con = sqlite3.connect(path)
    try:
        with con:
            con.executemany("INSERT INTO content_item (id, title, kind, url) VALUES (?, ?, ?, ?)",
                            [(i, f"Artikel {i}", rnd.choice(("article", "video", "whitepaper", "webinar", "case_study")),
                              f"https://example.com/{i}") for i in range(1, ITEMS + 1)])
            con.executemany("INSERT INTO nurture_track (id, name) VALUES (?, ?)",
                            [(t, f"Traject {t}") for t in range(1, TRACKS + 1)])
            con.executemany("INSERT INTO nurture_step (track_id, position, content_item_id, wait_days) VALUES (?, ?, ?, ?)",
                            [(t, p, rnd.randint(1, ITEMS), rnd.choice((0, 14, 21, 30)))
                             for t in range(1, TRACKS + 1) for p in range(1, STEPS + 1)])
            accounts = con.execute("SELECT id, stage FROM account WHERE archived = 0").fetchall()
            nurtured = [a for a, stage in accounts if stage not in ("sql", "customer")]
            ready = [a for a, stage in accounts if stage in ("sql", "customer")]
            open_rows = []
            for account_id in nurtured:
                started = today - dt.timedelta(days=rnd.randint(0, 365))
                due = today + dt.timedelta(days=rnd.randint(-180, 45))
                open_rows.append((rnd.randint(1, TRACKS), account_id, started.isoformat(), rnd.randint(1, STEPS),
                                  due.isoformat()))
            for account_id in rnd.sample(ready, min(200, len(ready))):  # became customers, not stopped (slipped through)
                open_rows.append((rnd.randint(1, TRACKS), account_id, (today - dt.timedelta(days=300)).isoformat(), 1,
                                  (today - dt.timedelta(days=rnd.randint(0, 200))).isoformat()))
            con.executemany("INSERT INTO nurture_enrolment (track_id, account_id, started_on, next_position, next_due_on)"
                            " VALUES (?, ?, ?, ?, ?)", open_rows)
            stopped_rows = []
            for _ in range(3 * len(open_rows)):
                day = today - dt.timedelta(days=rnd.randint(30, 1000))
                stopped_rows.append((rnd.randint(1, TRACKS), rnd.choice(accounts)[0], day.isoformat(), STEPS + 1,
                                     day.isoformat(), (day + dt.timedelta(days=90)).isoformat(),
                                     rnd.choice(("ended", "sql", "customer", "by_hand"))))
            con.executemany("INSERT INTO nurture_enrolment (track_id, account_id, started_on, next_position, next_due_on,"
                            " stopped_on, stop_reason) VALUES (?, ?, ?, ?, ?, ?, ?)", stopped_rows)
            people = [r[0] for r in con.execute("SELECT id FROM person")]
            sent = {(p, rnd.randint(1, ITEMS)) for p in rnd.sample(people, len(people) // 3) for _ in range(3)}
            con.executemany("INSERT INTO content_sent (person_id, content_item_id, sent_on) VALUES (?, ?, ?)",
                            [(p, c, (today - dt.timedelta(days=100)).isoformat()) for p, c in sent])
        con.execute("ANALYZE")
        return {"enrolments_open": len(open_rows), "enrolments_stopped": len(stopped_rows), "content_sent": len(sent)}
    finally:
        con.close()


class NurtureBench(Bench):
    """A Bench on a scratch copy that holds nurture data."""

    def __init__(self, db_path: Path, *, quick: bool):
        super().__init__(db_path, quick=quick)
        copy = self.tmp("nurture.db")
        src, dst = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True), sqlite3.connect(copy)
        try:
            src.backup(dst)
        finally:
            src.close()
            dst.close()
        self.source_path, self.db_path = Path(db_path), copy
        self.seeded: dict[str, int] = {}


def _due(bench: Bench, **kwargs):
    from relationapp.services.leads import nurture

    return lambda: nurture.due_content(bench.db, today=bench.today, limit=50, **kwargs)


@figure("leads_nurture_due_first", "Nurture due list, first look of the day (stops what slipped through)",
        unit="ms", limit=None)
def due_first(bench: Bench) -> Measure:
    seconds = timed(_due(bench), 1, warmup=0)[0]
    return Measure(ms(seconds), "may stop the enrolments of accounts that became customers")


@figure("leads_nurture_due", "Nurture due list (50 rows, most overdue first)", unit="ms", limit=100)
def due(bench: Bench) -> Measure:
    samples = timed(_due(bench), bench.times(21, 2))
    rows = _due(bench)()
    return Measure(ms(statistics.median(samples)), f"p95 {ms(p95(samples)):.1f} ms; {len(rows)} rows",
                   {"p95_ms": ms(p95(samples)), "rows": len(rows)})


@figure("leads_nurture_due_staff", "Nurture due list of one account manager", unit="ms", limit=100)
def due_staff(bench: Bench) -> Measure:
    with bench.raw() as con:
        owner = con.execute("SELECT owner_id FROM account WHERE owner_id IS NOT NULL GROUP BY owner_id"
                            " ORDER BY count(*) LIMIT 1").fetchone()[0]
    samples = timed(_due(bench, staff_id=owner), bench.times(21, 2))
    rows = _due(bench, staff_id=owner)()
    return Measure(ms(statistics.median(samples)), f"p95 {ms(p95(samples)):.1f} ms; {len(rows)} rows; staff #{owner}",
                   {"p95_ms": ms(p95(samples)), "rows": len(rows)})


@figure("leads_nurture_due_worst", "Nurture due list with nothing to show (reads every due enrolment)",
        unit="ms", limit=100)
def due_worst(bench: Bench) -> Measure:
    with bench.raw() as con:
        nobody = con.execute("SELECT coalesce(max(id), 0) + 1 FROM staff").fetchone()[0]
        due_open = con.execute("SELECT count(*) FROM nurture_enrolment WHERE stopped_on IS NULL AND next_due_on <= ?",
                               (bench.today.isoformat(),)).fetchone()[0]
    samples = timed(_due(bench, staff_id=nobody), bench.times(11, 2))
    return Measure(ms(statistics.median(samples)), f"p95 {ms(p95(samples)):.1f} ms; {due_open:,} due enrolments read",
                   {"p95_ms": ms(p95(samples)), "due_enrolments": due_open})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure the nurture due list on a generated database.")
    parser.add_argument("--db", required=True, type=Path, help="a database made by benchmarks/generate.py")
    parser.add_argument("--json", action="store_true", help="print JSON instead of the table")
    parser.add_argument("--quick", action="store_true", help="few repetitions")
    args = parser.parse_args(argv)
    if not args.db.exists():
        parser.error(f"{args.db} does not exist; make one with benchmarks/generate.py")
    bench = NurtureBench(args.db, quick=args.quick)
    load_before = os.getloadavg()[0]
    try:
        bench.prepare(log=lambda line: print(line, file=sys.stderr))
        start = time.perf_counter()
        bench.seeded = seed_nurture(bench.db_path, today=bench.today)
        seeding = time.perf_counter() - start
        results = run(bench, list(NAMES), log=None if args.json else lambda line: print(line, file=sys.stderr))
        with bench.raw() as con:
            accounts = con.execute("SELECT count(*) FROM account").fetchone()[0]
    finally:
        bench.close()
    if args.json:
        print(json.dumps({"database": str(args.db), "accounts": accounts, "seeded": bench.seeded,
                          "seeding_s": round(seeding, 1), "quick": args.quick,
                          "machine": {"cpus": os.cpu_count(), "sqlite": sqlite3.sqlite_version,
                                      "load_before": load_before, "load_after": os.getloadavg()[0]},
                          "figures": results}, indent=2, default=str))
    else:
        print(f"{args.db}: {accounts:,} accounts; " + ", ".join(f"{n:,} {k}" for k, n in bench.seeded.items())
              + f" (added in {seeding:.1f} s)")
        print(f"{os.cpu_count()} cores; load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after")
        print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
