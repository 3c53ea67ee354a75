"""Ten account managers at once on one PostgreSQL: concurrent writer processes through the real services.

    python benchmarks/pg_writers.py                      # a throwaway durable cluster (fsync on), the demo firm
    python benchmarks/pg_writers.py --url postgresql://user@host/empty_db --writers 10 --writes 500 --markdown

Each writer is a process of its own with its own ``Database`` and makes a
mix of writes: it edits an account and a person as a form does (read the
record, save with ``expected_version``; a few shared records, so writers
collide and conflicts happen), logs a touch and adds a follow-up.
An edit appends the writer's token to the record's notes (a person's personal notes), so afterwards
the notes show every edit that succeeded, exactly once, and the version
counts them: a lost update would drop a token or miss a version.

Afterwards it checks: every successful edit's token is in the notes, each
edited record's version is its first one plus its successful edits, the
touches and follow-ups in the database are exactly the ones that succeeded,
and nothing failed other than with a ConflictError (counted, reported). It
prints the write latency (p50, p95), writes per second, cpu/wall and the
load. The exit status is 1 when a check fails.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import os
import random
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

MIX = (("account", 30), ("touch", 30), ("follow_up", 20), ("person", 20))  # kind, share of the writes in percent
SHARED = 3  # accounts (and people) every writer edits: the collisions
TOUCHED = 20  # other accounts the touches and follow-ups go to (never edited, so versions count only the edits)
MARK = "pgload"  # in every token, subject and title this benchmark writes


@dataclass
class WriterResult:
    writer: int
    latencies: dict[str, list[float]] = field(default_factory=dict)  # kind: seconds of each successful write
    done: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # kind: (record id, token) that succeeded
    conflicts: Counter = field(default_factory=Counter)  # kind: ConflictErrors
    conflict_seconds: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # anything else: must stay empty
    cpu: float = 0.0


@dataclass(frozen=True)
class Plan:
    url: str
    edited_accounts: tuple[int, ...]
    edited_people: tuple[int, ...]
    touched_accounts: tuple[int, ...]
    writes: int
    today: dt.date


def plan_writes(writer: int, writes: int) -> list[str]:
    """The kinds of this writer's writes, in order: MIX's shares, shuffled by the writer's number."""
    kinds = [kind for kind, share in MIX for _ in range(round(writes * share / 100))]
    kinds = (kinds + [MIX[0][0]] * writes)[:writes]
    random.Random(writer).shuffle(kinds)
    return kinds


def write_one(db, plan: Plan, kind: str, token: str, rng: random.Random) -> tuple[int, float]:
    """One write as the window makes it: (the record it wrote, seconds the service took)."""
    from relationapp.services.customers import accounts, people
    from relationapp.services.touches import follow_ups, interactions

    if kind == "account":
        record = rng.choice(plan.edited_accounts)
        loaded = accounts.get_account(db, account_id=record)  # the form opens ...
        start = time.perf_counter()
        accounts.update_account(db, account_id=record, expected_version=loaded.version,
                                notes=f"{loaded.notes or ''} {token}")
    elif kind == "person":
        record = rng.choice(plan.edited_people)
        loaded = people.get_person(db, person_id=record)
        start = time.perf_counter()
        people.update_person(db, person_id=record, expected_version=loaded.version,
                             personal_notes=f"{loaded.personal_notes or ''} {token}")
    elif kind == "touch":
        record = rng.choice(plan.touched_accounts)
        start = time.perf_counter()
        interactions.log_interaction(db, account_id=record, kind="call", occurred_on=plan.today, subject=token,
                                     duration_minutes=5)
    else:
        record = rng.choice(plan.touched_accounts)
        start = time.perf_counter()
        follow_ups.create_follow_up(db, title=token, due_on=plan.today + dt.timedelta(days=7), account_id=record)
    return record, time.perf_counter() - start


def run_writer(writer: int, plan: Plan, barrier, results) -> None:
    """A writer process: its own Database, ``plan.writes`` writes, its result on the queue."""
    from relationapp.data.db import Database
    from relationapp.errors import ConflictError

    out = WriterResult(writer)
    db = Database.open(plan.url)
    rng = random.Random(1000 + writer)
    try:
        kinds = plan_writes(writer, plan.writes)
        barrier.wait()
        cpu = time.process_time()
        for i, kind in enumerate(kinds):
            token = f"{MARK}-w{writer}-{i}"
            start = time.perf_counter()
            try:
                record, seconds = write_one(db, plan, kind, token, rng)
            except ConflictError:
                out.conflicts[kind] += 1
                out.conflict_seconds.append(time.perf_counter() - start)
            except Exception as exc:  # noqa: BLE001 - every other failure is what this benchmark looks for
                out.errors.append(f"{kind} #{i}: {type(exc).__name__}: {exc}")
            else:
                out.latencies.setdefault(kind, []).append(seconds)
                out.done.setdefault(kind, []).append((record, token))
        out.cpu = time.process_time() - cpu
    except Exception as exc:  # noqa: BLE001 - a writer that cannot start is reported, not hidden
        out.errors.append(f"writer {writer}: {type(exc).__name__}: {exc}")
    finally:
        db.dispose()
        results.put(out)


def build_firm(url: str, *, today: dt.date) -> Plan:
    """The schema and the demo firm in the (empty) database; which records the writers share."""
    from relationapp.data import migrate
    from relationapp.data.db import Database
    from relationapp.services.customers import accounts, people
    from relationapp.services.data_care import demo

    db = Database.open(url)
    try:
        migrate.upgrade(db, backup_dir=None)
        if not demo.holds_data(db):
            demo.build_demo(db, today=today)
        with_people = [a for a in accounts.list_account_ids(db, limit=200)
                       if people.people_of_account(db, account_id=a)]
        if len(with_people) < 2 * SHARED + 1:
            raise SystemExit(f"{url}: too few accounts with people for the benchmark ({len(with_people)})")
        edited = tuple(with_people[:SHARED])
        edited_people = tuple(people.people_of_account(db, account_id=a)[0].id for a in with_people[SHARED:2 * SHARED])
        touched = tuple(with_people[2 * SHARED:2 * SHARED + TOUCHED])
    finally:
        db.dispose()
    return Plan(url=url, edited_accounts=edited, edited_people=edited_people, touched_accounts=touched, writes=0,
                today=today)


@dataclass(frozen=True)
class Versions:
    """What the edited records held before the writers started: notes and version of each."""

    accounts: dict[int, tuple[str, int]]
    people: dict[int, tuple[str, int]]


def read_state(url: str, plan: Plan) -> Versions:
    from relationapp.data.db import Database
    from relationapp.services.customers import accounts, people

    db = Database.open(url)
    try:
        a = {i: ((d.notes or ""), d.version) for i in plan.edited_accounts for d in [accounts.get_account(db, account_id=i)]}
        p = {i: ((d.personal_notes or ""), d.version) for i in plan.edited_people for d in [people.get_person(db, person_id=i)]}
    finally:
        db.dispose()
    return Versions(a, p)


def written_rows(url: str) -> tuple[Counter, Counter]:
    """(touch subjects, follow-up titles) of this benchmark in the database, with how often each is there."""
    import sqlalchemy as sa

    from relationapp.data import models as m
    from relationapp.data.db import Database

    db = Database.open(url)
    try:
        with db.read() as session:
            touches = Counter(session.scalars(sa.select(m.Interaction.subject)
                                              .where(m.Interaction.subject.like(f"{MARK}-%"))))
            follow_ups = Counter(session.scalars(sa.select(m.FollowUp.title).where(m.FollowUp.title.like(f"{MARK}-%"))))
    finally:
        db.dispose()
    return touches, follow_ups


def check(before: Versions, after: Versions, results: list[WriterResult], touches: Counter,
          follow_ups: Counter) -> list[str]:
    """Every lost or doubled update, every wrong count, every unexpected error: one line each (none: all well)."""
    problems = [e for r in results for e in r.errors]
    for kind, was, now in (("account", before.accounts, after.accounts), ("person", before.people, after.people)):
        for record, (notes, version) in was.items():
            mine = [token for r in results for rec, token in r.done.get(kind, []) if rec == record]
            stored = now[record][0][len(notes):].split()
            if Counter(stored) != Counter(mine):
                lost = set(mine) - set(stored)
                problems.append(f"{kind} {record}: {len(mine)} edits succeeded, the notes hold {len(stored)} "
                                f"({len(lost)} lost, e.g. {sorted(lost)[:3]})")
            if now[record][1] != version + len(mine):
                problems.append(f"{kind} {record}: version {now[record][1]}, expected {version} + {len(mine)} edits")
    for kind, stored in (("touch", touches), ("follow_up", follow_ups)):
        succeeded = Counter(token for r in results for _rec, token in r.done.get(kind, []))
        if stored != succeeded:
            problems.append(f"{kind}: {sum(succeeded.values())} succeeded, {sum(stored.values())} in the database "
                            f"({len(set(succeeded) - set(stored))} missing, "
                            f"{sum((stored - succeeded).values())} extra or doubled)")
    return problems


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] if ordered else float("nan")


@dataclass(frozen=True)
class Report:
    writers: int
    writes: int
    wall: float
    cpu: float  # the writer processes' CPU (user + system), the server's not included
    load_before: tuple[float, float, float]
    load_after: tuple[float, float, float]
    results: list[WriterResult]
    problems: list[str]
    server: str  # "PostgreSQL 15.x, fsync on"

    @property
    def latencies(self) -> list[float]:
        return [s for r in self.results for values in r.latencies.values() for s in values]

    @property
    def conflicts(self) -> Counter:
        return sum((r.conflicts for r in self.results), Counter())

    def rows(self) -> list[tuple[str, str]]:
        ok = self.latencies
        attempted = len(ok) + sum(self.conflicts.values()) + sum(len(r.errors) for r in self.results)
        by_kind = {kind: [s for r in self.results for s in r.latencies.get(kind, [])] for kind, _ in MIX}
        rows = [
            ("writers x writes", f"{self.writers} processes x {self.writes} = {self.writers * self.writes:,}"),
            ("server", self.server),
            ("saved / conflicts / other errors", (f"{len(ok):,} / {sum(self.conflicts.values()):,} "
             f"({', '.join(f'{k} {n}' for k, n in sorted(self.conflicts.items())) or 'none'}) / "
             f"{sum(len(r.errors) for r in self.results)}")),
            ("lost updates, wrong counts", "none" if not self.problems else f"{len(self.problems)} PROBLEMS"),
            ("write latency p50 / p95", f"{statistics.median(ok) * 1000:.1f} ms / {p95(ok) * 1000:.1f} ms"
             if ok else "n/a"),
        ]
        rows += [(f"  {kind} p50 / p95", (f"{statistics.median(s) * 1000:.1f} ms / {p95(s) * 1000:.1f} ms "
                  f"({len(s)} saved)")) for kind, s in by_kind.items() if s]
        rows += [
            ("writes/s (saved + conflicts)", f"{attempted / self.wall:,.0f}/s over {self.wall:.1f} s wall"),
            ("writers' cpu/wall", (f"{self.cpu:.1f} s CPU / {self.wall:.1f} s = {self.cpu / self.wall:.2f} "
             f"(of {os.cpu_count()} cores; the server's CPU not counted)")),
            ("load average before / after", (f"{' '.join(f'{x:.2f}' for x in self.load_before)} / "
             f"{' '.join(f'{x:.2f}' for x in self.load_after)}")),
        ]
        return rows

    def text(self, *, markdown: bool = False) -> str:
        rows = self.rows()
        if markdown:
            lines = ["| figure | measured |", "| --- | --- |"] + [f"| {k.strip()} | {v} |" for k, v in rows]
        else:
            width = max(len(k) for k, _ in rows)
            lines = [f"{k.ljust(width)}  {v}" for k, v in rows]
        return "\n".join(lines + [f"PROBLEM: {p}" for p in self.problems[:20]])


def server_version(url: str) -> str:
    import sqlalchemy as sa

    from relationapp.data.db import Database

    db = Database.open(url)
    try:
        with db.read() as session:
            version = session.execute(sa.text("SHOW server_version")).scalar_one()
            fsync = session.execute(sa.text("SHOW fsync")).scalar_one()
            commit = session.execute(sa.text("SHOW synchronous_commit")).scalar_one()
    finally:
        db.dispose()
    return f"PostgreSQL {version.split()[0]}, fsync {fsync}, synchronous_commit {commit}"


def measure(url: str, *, writers: int, writes: int, today: dt.date | None = None) -> Report:
    """Build the firm in ``url`` (an empty database, or one this benchmark filled before), run the writers, check."""
    today = today or dt.date.today()
    plan = build_firm(url, today=today)
    plan = Plan(**{**plan.__dict__, "writes": writes})
    before = read_state(url, plan)
    touches_before, follow_ups_before = written_rows(url)
    spawn = multiprocessing.get_context("spawn")  # a fresh interpreter each: no engine or connection inherited
    barrier, queue = spawn.Barrier(writers + 1), spawn.Queue()
    processes = [spawn.Process(target=run_writer, args=(w, plan, barrier, queue), name=f"pgload-writer-{w}")
                 for w in range(writers)]
    for p in processes:
        p.start()
    try:
        barrier.wait(timeout=300)  # every writer connected and ready: start the clock
        load_before = os.getloadavg()
        start = time.perf_counter()
        results = [queue.get(timeout=3600) for _ in processes]
        wall = time.perf_counter() - start
        load_after = os.getloadavg()
    finally:
        for p in processes:
            p.join(timeout=60)
            if p.is_alive():
                p.terminate()
                p.join()
    results.sort(key=lambda r: r.writer)
    touches, follow_ups = written_rows(url)
    problems = check(before, read_state(url, plan), results, touches - touches_before,
                     follow_ups - follow_ups_before)
    return Report(writers=writers, writes=writes, wall=wall, cpu=sum(r.cpu for r in results),
                  load_before=load_before, load_after=load_after, results=results, problems=problems,
                  server=server_version(url))


def _throwaway_server():
    """A durable throwaway cluster (tests/pg_server.py with fsync on) and a database in it."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests import pg_server

    server = pg_server.start_server(durable=True)
    return server, server.create_database("pgload")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Concurrent writer processes on PostgreSQL: lost updates, "
                                                 "errors, write latency.")
    parser.add_argument("--url", help="an empty PostgreSQL database (default: a throwaway cluster, fsync on)")
    parser.add_argument("--writers", type=int, default=10)
    parser.add_argument("--writes", type=int, default=500, help="writes per writer")
    parser.add_argument("--markdown", action="store_true", help="print the figures as Markdown (for README.md)")
    args = parser.parse_args(argv)
    server = None
    url = args.url
    if url is None:
        server, url = _throwaway_server()
    try:
        report = measure(url, writers=args.writers, writes=args.writes)
    finally:
        if server is not None:
            from tests import pg_server

            pg_server.stop_server(server)
    print(report.text(markdown=args.markdown))
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main())
