"""Time ``services.leads.sources_report`` on a generated firm (target at scale L: <= 300 ms, median).

    python benchmarks/generate.py --scale L --seed 1 -o /some/where/L.db
    python benchmarks/leads_sources_report.py --db /some/where/L.db [--year 2025] [--repeat 15] [--json]

The file is copied first; the copy gets what the generator leaves out: a
whole-source campaign cost for every lead source in the year, one named
campaign, and that name as the source detail of a tenth of the source's
accounts (so the campaign matching is measured too). Exit code 1 when the
median is over the target.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TARGET_MS = 300.0


def _prepare(path: Path, year: int) -> None:
    con = sqlite3.connect(path)
    try:
        sources = [r[0] for r in con.execute("SELECT id FROM lead_source ORDER BY id")]
        con.execute("DELETE FROM campaign WHERE year = ?", (year,))
        con.executemany("INSERT INTO campaign (source_id, year, name, cost) VALUES (?, ?, '', ?)",
                        [(sid, year, 250000 + 10000 * i) for i, sid in enumerate(sources)])
        if sources:
            name = f"Vakbeurs {year}"
            con.execute("INSERT INTO campaign (source_id, year, name, cost) VALUES (?, ?, ?, 500000)",
                        (sources[0], year, name))
            con.execute("UPDATE account SET source_detail = ? WHERE source_id = ? AND id % 10 = 0", (name, sources[0]))
        con.commit()
        con.execute("ANALYZE")
    finally:
        con.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, type=Path, help="a database made by benchmarks/generate.py")
    parser.add_argument("--year", type=int, default=None, help="the year of the leads (default: last year)")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None, help="YYYY-MM-DD (default today)")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    from relationapp.services.data_care.opening import open_database
    from relationapp.services.leads.sources_report import sources_report, years_available

    today = args.today or dt.date.today()
    year = args.year or today.year - 1
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "bench.db"
        shutil.copy(args.db, copy)
        _prepare(copy, year)
        db = open_database(str(copy))
        try:
            report = sources_report(db, year=year, today=today)  # warm-up (page cache, statements)
            samples = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                sources_report(db, year=year, today=today)
                samples.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            years = years_available(db)
            years_ms = (time.perf_counter() - start) * 1000
        finally:
            db.dispose()
    samples.sort()
    median = statistics.median(samples)
    p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
    result = {
        "year": year, "leads": report.total.leads, "customers": report.total.customers,
        "sources": len(report.sources), "colleagues": len(report.colleagues), "campaigns": len(report.campaigns),
        "median_ms": round(median, 1), "p95_ms": round(p95, 1), "min_ms": round(samples[0], 1),
        "years_available_ms": round(years_ms, 1), "years": list(years), "target_ms": TARGET_MS,
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"sources_report({year}): {result['leads']} leads, {result['customers']} became customer, "
              f"{result['sources']} sources, {result['colleagues']} colleagues, {result['campaigns']} campaigns")
        print(f"  median {median:.1f} ms  p95 {p95:.1f} ms  min {samples[0]:.1f} ms  (target <= {TARGET_MS:.0f} ms)")
        print(f"  years_available: {years_ms:.1f} ms")
    return 0 if median <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
