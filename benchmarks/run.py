"""Measure the figures every screen must hit, on a generated database.

    python benchmarks/run.py --db /work/bench/L.db [--json] [--quick] [--only NAME ...]
    python benchmarks/run.py --db postgresql://user@host/name   # the rows a server runs (see ``on_server``)

Every figure is one small function registered with ``@figure``: it measures
and returns a ``Measure``, or raises ``NotAvailable`` while its capability
does not exist yet (the table then says "n/a"). A new capability adds its
figure by writing one more such function in this file.

Where a figure has a floor (the same answer by the shortest route: a bare
PySide6 window, a hand-written sqlite3 query, a raw ``executemany``), the
floor is measured in the same run, alternating with the figure, and the
figure's target includes the ratio to it. A row whose cpu/wall is below
``LOADED`` says "loaded" instead of yes/no: other programs took the cores.

Figures that write (imports) work on a scratch copy of the database, so the
generated file stays as it was.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import importlib
import importlib.util
import json
import os
import platform
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

# --- the registry -------------------------------------------------------------


class NotAvailable(Exception):
    """The capability this figure measures does not exist (yet)."""


@dataclass(frozen=True)
class Measure:
    value: float  # in the figure's unit; compared with its limit
    detail: str = ""  # what else is worth knowing: median, p95, sizes, the raw baseline ...
    extra: dict = field(default_factory=dict)  # more numbers for --json
    floor: float | None = None  # the same answer by the shortest route, same unit, measured in the same run
    cpu_share: float | None = None  # a child process's own CPU over wall time (this process's says nothing then)


# a row whose CPU time is below this share of its wall time was slowed by other programs
LOADED = 0.8


@dataclass(frozen=True)
class Figure:
    name: str
    label: str
    unit: str  # "ms", "s", "MB", "x", "/s"
    limit: float | None  # the target: value <= limit; None = reported only
    statistic: str  # what ``value`` is: "median", "p95", "peak", "ratio", "rate"
    measure: Callable[["Bench"], Measure]
    child: bool = False  # measured in a child process (this process's CPU share says nothing)
    ratio: float | None = None  # the target as a multiple of the floor measured in the same run
    on_server: bool = False  # measured on a PostgreSQL URL too (the others need the SQLite file)

    @property
    def target(self) -> str:
        parts = [] if self.limit is None else [f"<= {_number(self.limit)} {self.unit}"]
        if self.ratio is not None:
            parts.append(f"<= {_number(self.ratio)}x floor")
        return " and ".join(parts) or "report"

    def met(self, m: Measure) -> bool | None:
        """Within every target (the limit, the ratio to the floor); None without a target."""
        checks = [] if self.limit is None else [m.value <= self.limit]
        if self.ratio is not None and m.floor:
            checks.append(m.value / m.floor <= self.ratio)
        return all(checks) if checks else None


FIGURES: dict[str, Figure] = {}


def figure(name: str, label: str, *, unit: str, limit: float | None, statistic: str = "median", child: bool = False,
           ratio: float | None = None, on_server: bool = False):
    def register(fn: Callable[["Bench"], Measure]):
        FIGURES[name] = Figure(name, label, unit, limit, statistic, fn, child, ratio, on_server)
        return fn

    return register


# --- what every figure gets ------------------------------------------------------


# what a figure with a floor says on PostgreSQL: its floor is hand-written SQL for the SQLite file
NO_FLOOR = "; no floor on PostgreSQL (the floor is SQLite's own SQL)"


class Bench:
    """The database under test (a SQLite file or a PostgreSQL URL), the run's options, and shared helpers."""

    def __init__(self, db: str | Path, *, quick: bool):
        self.target = str(db)
        self.on_server = self.target.startswith("postgresql")
        self.db_path = None if self.on_server else Path(db)
        self.quick = quick
        self.today = dt.date.today()
        self._db = None
        self._scratch: Path | None = None
        self._tmp = Path(tempfile.mkdtemp(prefix="relationapp-bench-"))
        self.cache: dict = {}  # results shared between figures (e.g. the GUI runs)
        self.on_close: list[Callable[[], None]] = []  # e.g. Qt views to take down before the database closes

    @property
    def db(self):
        if self._db is None:
            from relationapp.services.data_care.opening import open_database

            self._db = open_database(self.target)
        return self._db

    def query(self, sql: str, **params) -> list[tuple]:
        """Rows of one SELECT written for both backends (samples and counts, never timed)."""
        import sqlalchemy as sa

        with self.db.read() as session:
            return [tuple(row) for row in session.execute(sa.text(sql), params)]

    def prepare(self, log=None) -> None:
        """Bring an older generated file to the current schema first, so no figure measures a migration."""
        from relationapp.data import migrate
        from relationapp.data.db import Database

        db = Database.open(self.target)
        try:
            if migrate.needs_upgrade(db):
                if log:
                    log(f"upgrading {self.target} to schema {migrate.SCHEMA_HEAD} (no backup; regenerate for a clean file)")
                migrate.upgrade(db, backup_dir=None)
                with db.engine.begin() as conn:
                    conn.exec_driver_sql("ANALYZE")
        finally:
            db.dispose()

    def times(self, full: int, quick: int | None = None) -> int:
        """How many repetitions: ``full`` normally, fewer with --quick."""
        return (quick if quick is not None else max(1, full // 10)) if self.quick else full

    def scratch_db(self):
        """A throw-away copy of the database for figures that write (one per figure)."""
        from relationapp.services.data_care.opening import open_database

        if self.on_server:
            raise NotAvailable("writes to a copy of the SQLite file")
        target = self._tmp / f"scratch-{len(list(self._tmp.glob('scratch-*.db')))}.db"
        src = sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True)
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            src.close()
            dst.close()
        return open_database(str(target))

    def tmp(self, name: str) -> Path:
        return self._tmp / name

    def raw(self):
        """A read-only plain sqlite3 connection, closed at the end of the with block."""
        if self.on_server:
            raise NotAvailable("its floor is SQLite's own SQL")
        return closing(sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True))

    def close(self) -> None:
        for fn in reversed(self.on_close):
            fn()
        if self._db is not None:
            self._db.dispose()
        shutil.rmtree(self._tmp, ignore_errors=True)


def timed(fn: Callable[[], object], repeat: int, *, warmup: int = 1) -> list[float]:
    """Wall-clock seconds of ``repeat`` calls after ``warmup`` unmeasured ones."""
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def ms(seconds: float) -> float:
    return seconds * 1000.0


def _number(value: float) -> str:
    if value >= 100 or value == int(value):
        return f"{value:,.0f}"
    return f"{value:.1f}" if value >= 10 else f"{value:.2f}"


def need(module: str, *attributes: str):
    """The module (and its attributes), or NotAvailable naming what is missing."""
    if importlib.util.find_spec(module) is None:
        raise NotAvailable(f"{module} does not exist yet")
    mod = importlib.import_module(module)
    for name in attributes:
        if not hasattr(mod, name):
            raise NotAvailable(f"{module}.{name} does not exist yet")
    return mod


def qt_app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from PySide6.QtWidgets import QApplication
    except ImportError as exc:  # pragma: no cover - Qt is a dependency
        raise NotAvailable(f"PySide6 cannot be imported: {exc}") from exc
    return QApplication.instance() or QApplication([])


def qt_view(bench: Bench, build: Callable):
    """``build(ctx)`` shown offscreen at window size, taken down (with its background tasks) when the run ends."""
    app = qt_app()
    from relationapp.ui.common.context import AppContext

    ctx = AppContext(bench.db)
    view = build(ctx)
    view.resize(1200, 760)
    view.show()
    app.processEvents()

    def take_down() -> None:
        ctx.tasks.wait()  # a tab still loading must not outlive the database
        app.processEvents()
        view.close()
        view.deleteLater()
        ctx.deleteLater()
        app.processEvents()

    bench.on_close.append(take_down)
    return app, ctx, view


def sample_accounts(bench: Bench, count: int) -> list[int]:
    """The accounts with the most interactions (the heaviest pages) and a random spread of customers."""
    # ties broken by id, so both backends pick the same accounts
    heavy = [r[0] for r in bench.query("SELECT account_id FROM interaction WHERE account_id IS NOT NULL "
                                       "GROUP BY account_id ORDER BY count(*) DESC, account_id LIMIT :n",
                                       n=max(1, count // 3))]
    customers = [r[0] for r in bench.query("SELECT id FROM account WHERE stage = 'customer' AND NOT archived ORDER BY id")]
    rng = random.Random(7)
    rest = rng.sample(customers, k=min(len(customers), count - len(heavy)))
    return list(dict.fromkeys(heavy + rest))


# --- the GUI, in a child process --------------------------------------------------

# Runs the real entry point (relationapp --db PATH) and, once the main window is
# shown and every start-up background task has delivered its result (the Today
# view filled), prints the wall-clock time and the peak RSS, then quits.
#
# The probe hooks in when the main window is built, not by importing Qt first: the app imports its
# services before Qt (PySide6 reads the source of every module imported after it), and a probe that
# loaded Qt first would time a start no user has.
GUI_PROBE = r"""
import importlib.abc, importlib.util, json, os, sys, time

class _WhenTheWindowIsBuilt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name != "relationapp.ui.shell.app":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        run = spec.loader.exec_module

        def exec_module(module):
            run(module)
            build = module.build_main_window

            def build_and_probe(*args, **kwargs):
                window = build(*args, **kwargs)
                from PySide6.QtCore import QTimer
                QTimer.singleShot(0, probe)
                return window

            module.build_main_window = build_and_probe

        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, _WhenTheWindowIsBuilt())

def settled(window):
    # the Today view says when its lists are filled; without that hook, wait for every background task
    today = getattr(window, "views", {}).get("today")
    filled = getattr(today, "is_filled", None)
    if callable(filled):
        return filled()
    tasks = getattr(getattr(window, "ctx", None), "tasks", None)
    return tasks is None or not (tasks.pool.activeThreadCount() or getattr(tasks, "_live", None))

def peak_rss_kb():
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return None

visible = []
deadline = time.time() + float(sys.argv[2])

def _never_built():  # a dialog before the window waits for a person: say so instead of hanging
    if not visible:
        print(f"RELATIONAPP-PROBE-FAILED the main window never showed within {sys.argv[2]} s", flush=True)
        os._exit(3)

import threading
watchdog = threading.Timer(float(sys.argv[2]), _never_built)
watchdog.daemon = True
watchdog.start()

def probe():
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance()
    window = next((w for w in app.topLevelWidgets() if w.isVisible() and hasattr(w, "views")), None)
    if window is not None and not visible:
        visible.append(time.time())
    if time.time() > deadline:  # a dialog waits for a person, or Today failed: say so instead of hanging
        what = "the main window never showed" if window is None else "Today was not filled"
        print(f"RELATIONAPP-PROBE-FAILED {what} within {sys.argv[2]} s", flush=True)
        os._exit(3)
    if window is None or not settled(window):
        QTimer.singleShot(2, probe)
        return
    app.processEvents()
    shown = time.time()
    print("RELATIONAPP-PROBE " + json.dumps({"shown": shown, "visible": visible[0], "vmhwm_kb": peak_rss_kb(),
          "cpu": time.process_time(),
          "page": window.current_page() if hasattr(window, "current_page") else None}), flush=True)
    app.quit()

from relationapp.__main__ import main
sys.exit(main(["--db", sys.argv[1]]))
"""
PROBE_PATIENCE_S = 120

# The start-up floor: a process that imports PySide6, shows an empty main window
# offscreen and exits, timed the same way as the app (process start to shown).
BARE_WINDOW = r"""
import json, sys, time
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1200, 760)
window.show()
app.processEvents()
print("RELATIONAPP-PROBE " + json.dumps({"shown": time.time(), "cpu": time.process_time()}), flush=True)
"""


def _probe(script: str, args: list[str], env: dict, timeout: float) -> tuple[float, dict]:
    """Start ``script`` in a fresh interpreter: (its start time, what it printed after RELATIONAPP-PROBE)."""
    start = time.time()
    proc = subprocess.run([sys.executable, "-c", script, *args], env=env, capture_output=True, text=True, timeout=timeout)
    failed = next((l for l in proc.stdout.splitlines() if l.startswith("RELATIONAPP-PROBE-FAILED ")), None)
    if failed:
        raise RuntimeError(failed.split(" ", 1)[1])
    line = next((l for l in proc.stdout.splitlines() if l.startswith("RELATIONAPP-PROBE ")), None)
    if line is None:
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"the window never showed (exit {proc.returncode}): {last}")
    return start, json.loads(line.split(" ", 1)[1])


def gui_runs(bench: Bench) -> list[dict]:
    """Start the app a few times (cached for every GUI figure)."""
    if "gui" in bench.cache:
        if isinstance(bench.cache["gui"], Exception):
            raise bench.cache["gui"]
        return bench.cache["gui"]
    need("relationapp.ui.shell.app", "run_gui")
    need("relationapp.ui.shell.main_window", "MainWindow")
    try:
        bench.cache["gui"] = _start_gui(bench)
    except Exception as exc:  # one failure is enough: the other GUI figures report it too
        bench.cache["gui"] = exc
        raise
    return bench.cache["gui"]


def _start_gui(bench: Bench) -> list[dict]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # an installed app starts from compiled bytecode (pip writes it at install);
    # a PYTHONDONTWRITEBYTECODE inherited from a sandbox would recompile every module every start
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    runs = []
    for _ in range(bench.times(5, 1)):
        # paired: a bare window right before each start, so both see the same machine
        bare_start, bare = _probe(BARE_WINDOW, [], env, 120)
        # the app exits cleanly after the probe (waiting for its start-up checks), hence the generous timeout
        start, data = _probe(GUI_PROBE, [str(bench.db_path), str(PROBE_PATIENCE_S)], env, PROBE_PATIENCE_S + 240)
        data["seconds"] = data["shown"] - start
        data["visible_seconds"] = data["visible"] - start
        data["bare_seconds"] = bare["shown"] - bare_start
        data["bare_cpu"] = bare["cpu"]
        runs.append(data)
    return runs


# --- the figures --------------------------------------------------------------------


@figure("startup", "Start to main window, Today filled (floor: a bare PySide6 window)", unit="s", limit=1.0, ratio=3,
        child=True)
def startup(bench: Bench) -> Measure:
    runs = gui_runs(bench)
    seconds = [r["seconds"] for r in runs]
    bare = statistics.median(r["bare_seconds"] for r in runs)
    visible = statistics.median(r["visible_seconds"] for r in runs)
    cpu = statistics.median(r["cpu"] for r in runs)  # all threads; less than wall time when the machine is busy
    # the child's CPU over its wall time (from process start; the CPU clock starts a little later)
    share = statistics.median(min(r["cpu"] / r["seconds"], r["bare_cpu"] / r["bare_seconds"]) for r in runs)
    return Measure(statistics.median(seconds), f"window visible at {visible:.2f} s; {cpu:.2f} s of CPU; {len(runs)} starts, "
                   f"slowest {max(seconds):.2f} s; first page {runs[0]['page']}; bare window {bare:.2f} s",
                   {"runs": seconds, "visible_s": visible, "cpu_s": cpu, "bare_runs": [r["bare_seconds"] for r in runs]},
                   floor=bare, cpu_share=share)


# what people type: names, places, parts of addresses, a typo, and the first keystrokes
SEARCH_TERMS = ("jan", "bakker", "utrecht", "de vries", "zorg", "info@", "xyzzy", "an", "Özlem", "Bouw B.V.",
                "van", "kees", "gmail.com", "Hendriks Apotheek", "maastricht", "e")


@figure("search", "List filter, first page (accounts and people lists)", unit="ms", limit=20, statistic="p95", on_server=True)
def search(bench: Bench) -> Measure:
    from relationapp.services.customers import accounts, people

    # what the lazy lists ask for when the filter changes: the first page (one id more says whether there is
    # more); the count follows once that page is painted
    page = 1001
    by_term: dict[str, list[float]] = {}
    counts: list[float] = []
    rounds = bench.times(5, 1)
    for term in SEARCH_TERMS:
        by_term[term] = timed(lambda: accounts.list_account_ids(bench.db, search=term, limit=page), rounds)
        by_term[term] += timed(lambda: people.list_person_ids(bench.db, search=term, limit=page), rounds)
        counts += timed(lambda: accounts.count_account_ids(bench.db, search=term), rounds)
        counts += timed(lambda: people.count_person_ids(bench.db, search=term), rounds)
    samples = [s for values in by_term.values() for s in values]
    slowest = max(by_term, key=lambda t: max(by_term[t]))
    return Measure(ms(p95(samples)), f"median {ms(statistics.median(samples)):.1f} ms over {len(SEARCH_TERMS)} terms; "
                   f"slowest '{slowest}' {ms(max(by_term[slowest])):.0f} ms; the count afterwards: median "
                   f"{ms(statistics.median(counts)):.1f} ms, p95 {ms(p95(counts)):.0f} ms",
                   {"median_ms": ms(statistics.median(samples)), "count_p95_ms": ms(p95(counts))})


@figure("global_search", "Find anyone (Ctrl+K search)", unit="ms", limit=20, statistic="p95", on_server=True)
def global_search(bench: Bench) -> Measure:
    mod = need("relationapp.services.customers.search", "search")
    by_term = {term: timed(lambda: mod.search(bench.db, text=term), bench.times(5, 1)) for term in SEARCH_TERMS}
    samples = [s for values in by_term.values() for s in values]
    slowest = max(by_term, key=lambda t: max(by_term[t]))
    return Measure(ms(p95(samples)), f"median {ms(statistics.median(samples)):.1f} ms over {len(SEARCH_TERMS)} terms; "
                   f"slowest '{slowest}' {ms(max(by_term[slowest])):.0f} ms")


@figure("today_agenda", "Today agenda computation", unit="ms", limit=100, on_server=True)
def today_agenda(bench: Bench) -> Measure:
    attention = need("relationapp.services.today.attention", "agenda")
    # the first call of a day (or after orders changed) may fill caches; the rest is every later look
    first = timed(lambda: attention.agenda(bench.db, today=bench.today), 1, warmup=0)[0]
    samples = timed(lambda: attention.agenda(bench.db, today=bench.today), bench.times(7, 1))
    return Measure(ms(statistics.median(samples)), f"p95 {ms(p95(samples)):.0f} ms; first call {ms(first):.0f} ms",
                   {"first_ms": ms(first)})


@figure("today_after_order", "Today: first look after a new order", unit="ms", limit=100, on_server=True)
def today_after_order(bench: Bench) -> Measure:
    attention = need("relationapp.services.today.attention", "agenda")
    from relationapp.services.value import orders

    customers = sample_accounts(bench, bench.times(7, 2))
    # the orders go into a copy of the file; a server's database has no cheap copy: they are deleted afterwards
    db = bench.db if bench.on_server else bench.scratch_db()
    made = []
    try:
        attention.agenda(db, today=bench.today)  # today's standing is stored
        samples = []
        for i, account_id in enumerate(customers):
            made.append(orders.create_order(db, account_id=account_id, ordered_on=bench.today,
                                            amount=f"{100 + 37 * i}.50", reference=f"bench-{i}").id)
            samples += timed(lambda: attention.agenda(db, today=bench.today), 1, warmup=0)
    finally:
        if bench.on_server:
            for order_id in made:
                orders.delete_order(db, order_id=order_id)
        else:
            db.dispose()
    where = "in the database, deleted afterwards" if bench.on_server else "on a copy"
    return Measure(ms(statistics.median(samples)), f"p95 {ms(p95(samples)):.0f} ms over {len(samples)} orders "
                   f"(orders.create_order {where}, then attention.agenda)")


@figure("account_page", "Open one account page (data)", unit="ms", limit=50, on_server=True)
def account_page(bench: Bench) -> Measure:
    from relationapp.services.customers import accounts, people
    from relationapp.services.touches import follow_ups, interactions

    def open_page(account_id: int) -> None:
        accounts.get_account(bench.db, account_id=account_id)
        people.people_of_account(bench.db, account_id=account_id)
        interactions.list_interactions(bench.db, account_id=account_id, limit=50)
        follow_ups.list_follow_ups(bench.db, account_id=account_id)

    ids = sample_accounts(bench, bench.times(30, 6))
    samples = []
    for account_id in ids:
        samples += timed(lambda: open_page(account_id), 1)
    return Measure(ms(statistics.median(samples)), f"p95 {ms(p95(samples)):.0f} ms over {len(ids)} accounts (incl. the busiest)")


@figure("account_page_ui", "Open one account page in the window (filled, painted)", unit="ms", limit=None)
def account_page_ui(bench: Bench) -> Measure:
    need("relationapp.ui.accounts.account_page", "AccountPage")
    from relationapp.ui.accounts.account_page import AccountPage

    _app, _ctx, page = qt_view(bench, AccountPage)

    def open_page(account_id: int) -> None:
        page.set_account(account_id)
        page.repaint()

    ids = sample_accounts(bench, bench.times(30, 6))
    samples = []
    for account_id in ids:
        samples += timed(lambda: open_page(account_id), 1)
    return Measure(ms(statistics.median(samples)), f"p95 {ms(p95(samples)):.0f} ms over {len(ids)} accounts "
                   "(AccountPage.set_account on the UI thread, every tab)")


def _accounts_view(bench: Bench):
    need("relationapp.ui.lists.lazy_model", "LazyTableModel")
    need("relationapp.ui.accounts.accounts_view", "AccountsView")
    if "accounts_view" not in bench.cache:
        from relationapp.ui.accounts.accounts_view import AccountsView

        bench.cache["accounts_view"] = qt_view(bench, AccountsView)
    return bench.cache["accounts_view"]


@figure("accounts_list", "Accounts list: all shown, reset + first paint", unit="ms", limit=150)
def accounts_list(bench: Bench) -> Measure:
    _app, _ctx, view = _accounts_view(bench)

    def reset_and_paint():
        view.model.reload()
        view.table.viewport().repaint()

    samples = timed(reset_and_paint, bench.times(7, 1))
    return Measure(ms(statistics.median(samples)), f"{view.model.total():,} accounts; p95 {ms(p95(samples)):.0f} ms")


@figure("accounts_scroll", "Accounts list: scroll one page + repaint", unit="ms", limit=16)
def accounts_scroll(bench: Bench) -> Measure:
    _app, _ctx, view = _accounts_view(bench)
    view.model.reload()
    view.table.viewport().repaint()
    bar = view.table.verticalScrollBar()

    def scroll():
        bar.setValue(bar.value() + bar.pageStep())
        view.table.viewport().repaint()

    samples = timed(scroll, bench.times(40, 4), warmup=0)
    return Measure(ms(statistics.median(samples)), f"p95 {ms(p95(samples)):.1f} ms over {len(samples)} pages "
                   "(a new block of rows is read every few pages)")


def raw_tiers(con: sqlite3.Connection, as_of: dt.date, shares=(1, 4, 15)) -> dict[int, str]:
    """The pyramid written by hand: one SQL statement and a sort, integer cents throughout."""
    from relationapp.services.value.pyramid import window

    start, end = window(as_of)
    rows = con.execute(
        """
        WITH revenue AS (
            SELECT account_id, SUM(amount) AS cents FROM orders
            WHERE ordered_on BETWEEN ? AND ? GROUP BY account_id)
        SELECT a.id, a.stage, COALESCE(r.cents, 0),
               CASE WHEN r.cents > 0 THEN 0  -- paying now: no need to look back
                    ELSE EXISTS (SELECT 1 FROM orders o WHERE o.account_id = a.id AND o.ordered_on < ?) END
        FROM account a LEFT JOIN revenue r ON r.account_id = a.id
        WHERE a.archived = 0
        """,
        (start.isoformat(), end.isoformat(), start.isoformat()),
    ).fetchall()
    paying = sorted(((aid, cents) for aid, _, cents, _ in rows if cents > 0), key=lambda p: (-p[1], p[0]))
    n = len(paying)
    tiers: dict[int, str] = {}
    begin, cumulative = 0, 0
    for name, share in zip(("top", "big", "medium", "small"), (*shares, None)):
        if share is None:
            stop = n
        else:
            cumulative += share
            stop = int(n * cumulative / 100 + 0.5)
            if name == "top":
                stop = max(1, stop)
        stop = min(max(stop, begin), n)
        while 0 < stop < n and stop > begin and paying[stop][1] == paying[stop - 1][1]:
            stop += 1
        for aid, _ in paying[begin:stop]:
            tiers[aid] = name
        begin = stop
    for aid, stage, _, earlier in rows:
        if aid not in tiers:
            if earlier or stage == "inactive":
                tiers[aid] = "inactive"
            elif stage == "customer":
                tiers[aid] = "small"
            else:
                tiers[aid] = "suspect" if stage == "suspect" else "prospect"
    return tiers


def paired(service: Callable[[], object], raw: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median seconds of the service and of its floor, alternated so both see the same machine."""
    a, b = [], []
    service()
    raw()
    for _ in range(repeat):
        a += timed(service, 1, warmup=0)
        b += timed(raw, 1, warmup=0)
    return statistics.median(a), statistics.median(b)


@figure("pyramid", "Pyramid over all orders (floor: raw sqlite3)", unit="ms", limit=None, ratio=1.5)
def pyramid_ratio(bench: Bench) -> Measure:
    from relationapp.services.common.settings import get_settings
    from relationapp.services.value import pyramid

    settings = get_settings(bench.db)
    shares = (float(settings.tier_top_pct), float(settings.tier_big_pct), float(settings.tier_medium_pct))
    with bench.raw() as con:
        s, r = paired(lambda: pyramid.compute_tiers(bench.db, as_of=bench.today, settings=settings),
                      lambda: raw_tiers(con, bench.today, shares), bench.times(7, 1))
        same = raw_tiers(con, bench.today, shares) == {
            aid: t.tier for aid, t in pyramid.compute_tiers(bench.db, as_of=bench.today, settings=settings).items()}
        orders = con.execute("SELECT count(*) FROM orders").fetchone()[0]
    return Measure(ms(s), f"over {orders:,} orders; same tiers: {'yes' if same else 'NO'}",
                   {"service_ms": ms(s), "raw_ms": ms(r), "same_tiers": same}, floor=ms(r))


# --- the read services against a hand-written sqlite3 query for the same answer ---------------

RAW_TIMELINE = """
    SELECT i.id, i.account_id, a.name, i.kind, i.occurred_on, i.duration_minutes, i.staff_id, s.name, i.subject,
           i.notes, i.gift_item, i.gift_cost, i.source_id, ls.name
    FROM (SELECT id FROM interaction WHERE account_id = ? ORDER BY occurred_on DESC, id DESC LIMIT ?) AS page
    JOIN interaction i ON i.id = page.id
    LEFT JOIN account a ON a.id = i.account_id
    LEFT JOIN staff s ON s.id = i.staff_id
    LEFT JOIN lead_source ls ON ls.id = i.source_id
    ORDER BY i.occurred_on DESC, i.id DESC"""


def raw_timeline(con: sqlite3.Connection, account_id: int, limit: int = 50) -> list[tuple]:
    rows = con.execute(RAW_TIMELINE, (account_id, limit)).fetchall()
    ids = [r[0] for r in rows]
    people: dict[int, list] = {}
    if ids:
        marks = ",".join("?" * len(ids))
        for iid, pid, name in con.execute(
                f"SELECT ip.interaction_id, p.id, p.name FROM interaction_person ip JOIN person p ON p.id = ip.person_id "
                f"WHERE ip.interaction_id IN ({marks}) ORDER BY p.name", ids):
            people.setdefault(iid, []).append((pid, name))
    return [(*r, tuple(people.get(r[0], ()))) for r in rows]


@figure("timeline", "Account page touches (timeline, 50 newest; floor: raw sqlite3)", unit="ms", limit=None, ratio=2, on_server=True)
def timeline(bench: Bench) -> Measure:
    from relationapp.services.touches import interactions

    ids = sample_accounts(bench, bench.times(30, 6))
    n = len(ids)
    if bench.on_server:
        s = statistics.median(timed(lambda: [interactions.list_interactions(bench.db, account_id=a, limit=50)
                                             for a in ids], bench.times(5, 1)))
        return Measure(ms(s) / n, f"per account over {n} accounts (incl. the busiest){NO_FLOOR}")
    with bench.raw() as con:
        s, r = paired(lambda: [interactions.list_interactions(bench.db, account_id=a, limit=50) for a in ids],
                      lambda: [raw_timeline(con, a) for a in ids], bench.times(5, 1))
        same = all([row.id for row in interactions.list_interactions(bench.db, account_id=a, limit=50)]
                   == [row[0] for row in raw_timeline(con, a)] for a in ids)
    return Measure(ms(s) / n, f"per account over {n} accounts (incl. the busiest); same touches: {'yes' if same else 'NO'}",
                   {"same": same}, floor=ms(r) / n)


def rare_words(bench: Bench, count: int) -> list[str]:
    """Words that name one firm and its people: the e-mail domain of randomly chosen accounts."""
    emails = [r[0] for r in bench.query("SELECT email FROM account WHERE NOT archived AND email LIKE '%@%.%' ORDER BY id")]
    domains = [e.split("@", 1)[1].split(".", 1)[0] for e in emails]
    seen: dict[str, int] = {}
    for d in domains:
        seen[d] = seen.get(d, 0) + 1
    # a domain no other account's domain starts with: one firm and its people, never a list cut at 20
    ordered = sorted(seen)  # a word that starts another one comes right before it
    rare = [d for d, after in zip(ordered, ordered[1:] + [""]) if seen[d] == 1 and not after.startswith(d)]
    rng = random.Random(11)
    return rng.sample(rare, k=min(count, len(rare)))


def raw_search(con: sqlite3.Connection, word: str, limit: int = 20) -> list[tuple]:
    """Find anyone written by hand for one word: the index, then names of the live rows it found."""
    rowids = [r[0] for r in con.execute("SELECT rowid FROM search_index WHERE search_index MATCH ? LIMIT ?",
                                        (f'"{word}"*', limit * 4))]
    accounts = [r // 2 for r in rowids if r % 2 == 0]
    people = [r // 2 for r in rowids if r % 2 == 1]
    hits = []
    if accounts:
        hits += con.execute(f"SELECT 'account', id, name, city, id FROM account WHERE archived = 0 AND id IN "
                            f"({','.join('?' * len(accounts))})", accounts).fetchall()
    if people:
        hits += con.execute(f"SELECT 'person', p.id, p.name, a.name, p.account_id FROM person p LEFT JOIN account a "
                            f"ON a.id = p.account_id WHERE p.archived = 0 AND p.id IN ({','.join('?' * len(people))})",
                            people).fetchall()
    return hits[:limit]


@figure("rare_search", "Find anyone, a rare word (floor: raw FTS5 sqlite3)", unit="ms", limit=15, ratio=2, on_server=True)
def rare_search(bench: Bench) -> Measure:
    mod = need("relationapp.services.customers.search", "search")
    words = rare_words(bench, bench.times(20, 4))
    n = len(words)
    if bench.on_server:
        s = statistics.median(timed(lambda: [mod.search(bench.db, text=w) for w in words], bench.times(5, 1)))
        return Measure(ms(s) / n, f"per word over {n} e-mail domains (e.g. '{words[0]}'){NO_FLOOR}")
    with bench.raw() as con:
        s, r = paired(lambda: [mod.search(bench.db, text=w) for w in words],
                      lambda: [raw_search(con, w) for w in words], bench.times(5, 1))
        same = all({(h.kind, h.id) for h in mod.search(bench.db, text=w)} == {(h[0], h[1]) for h in raw_search(con, w)}
                   for w in words)
    return Measure(ms(s) / n, f"per word over {n} e-mail domains (e.g. '{words[0]}'); same hits: {'yes' if same else 'NO'}",
                   {"same": same}, floor=ms(r) / n)
RAW_OVERDUE = """
    WITH c AS (
        SELECT a.id, COALESCE(t.revenue_12m, 0) AS cents, t.dropped_from AS was, t.revenue_before AS was_cents,
               CASE WHEN a.cadence_days <> 0 THEN a.cadence_days WHEN t.tier = 'top' THEN :top
                    WHEN t.tier = 'big' THEN :big WHEN t.tier = 'medium' THEN :medium WHEN t.tier = 'small' THEN :small
                    ELSE :prospect END AS cadence,
               CAST(julianday(:today) - julianday(COALESCE(a.last_touch_on, a.customer_since, date(a.created_at)))
                    AS INTEGER) AS since
        FROM account a LEFT JOIN tier_cache t ON t.account_id = a.id
        WHERE a.archived = 0 AND a.stage = 'customer'
          AND (a.last_touch_on < :cutoff OR a.last_touch_on IS NULL OR t.dropped_from IS NOT NULL)),
    v AS (
        SELECT id, since - cadence AS overdue,
               max(CASE WHEN since > cadence THEN ((cents * (since - cadence)) * 2 + cadence) / (cadence * 2) ELSE 0 END,
                   CASE WHEN was IS NOT NULL THEN was_cents - cents ELSE 0 END) AS value
        FROM c
        WHERE (since > cadence OR was IS NOT NULL)
          AND id NOT IN (SELECT account_id FROM follow_up WHERE origin = 'cadence' AND done_on IS NULL
                         AND account_id IS NOT NULL)
          AND id NOT IN (SELECT p.account_id FROM person p WHERE p.do_not_contact = 1 AND p.archived = 0
                         AND p.account_id IS NOT NULL AND NOT EXISTS (
                             SELECT 1 FROM person o WHERE o.account_id = p.account_id AND o.do_not_contact = 0
                             AND o.archived = 0)))
    SELECT id, value, count(*) OVER () FROM v ORDER BY value DESC, overdue DESC, id LIMIT :limit"""


def _settled_today(bench: Bench):
    """The settings, after one agenda has stored today's tier_cache (which the floors read)."""
    attention = need("relationapp.services.today.attention", "agenda")
    from relationapp.services.common.settings import get_settings

    attention.agenda(bench.db, today=bench.today)
    return attention, get_settings(bench.db)


@figure("today_candidates", "Today: customers needing attention, top 20 and count (floor: raw sqlite3)", unit="ms",
        limit=None, ratio=2)
def today_candidates(bench: Bench) -> Measure:
    attention, settings = _settled_today(bench)
    from relationapp.data.models import TierCache

    def service():
        with bench.db.read() as session:
            return attention._overdue(session, today=bench.today, settings=settings, stages=("customer",),
                                      tiers=TierCache.__table__, with_dropped=True, limit=20)

    with bench.raw() as con:
        shortest = min([settings.cadence_for_tier(t) for t in ("top", "big", "medium", "small")] + [settings.cadence_prospect]
                       + [r[0] for r in con.execute("SELECT min(cadence_days) FROM account WHERE archived = 0 AND "
                                                    "stage = 'customer' AND cadence_days <> 0") if r[0]])
        params = {"top": settings.cadence_for_tier("top"), "big": settings.cadence_for_tier("big"),
                  "medium": settings.cadence_for_tier("medium"), "small": settings.cadence_for_tier("small"),
                  "prospect": settings.cadence_prospect, "today": bench.today.isoformat(), "limit": 20,
                  "cutoff": (bench.today - dt.timedelta(days=shortest)).isoformat()}
        s, r = paired(service, lambda: con.execute(RAW_OVERDUE, params).fetchall(), bench.times(7, 1))
        total, rows = service()
        raw_rows = con.execute(RAW_OVERDUE, params).fetchall()
    same = [row.id for row in rows] == [row[0] for row in raw_rows] and total == (raw_rows[0][2] if raw_rows else 0)
    return Measure(ms(s), f"{total:,} customers overdue; same answer: {'yes' if same else 'NO'} "
                   "(attention._overdue, the customer section of the agenda)", {"same": same}, floor=ms(r))


def _review_writer():
    review = need("relationapp.reports.reporting.account_review", "write_account_review")
    data = need("relationapp.reports.reporting.data", "quarter_context")
    quarters = need("relationapp.services.value.quarters", "last_completed")
    return review, data, quarters


@figure("review_pdf", "One account review PDF", unit="s", limit=0.3)
def review_pdf(bench: Bench) -> Measure:
    review, data, quarters = _review_writer()
    quarter = quarters.last_completed(bench.today)
    ids = sample_accounts(bench, bench.times(6, 2))
    samples = []
    for i, account_id in enumerate(ids):
        samples += timed(lambda: review.write_account_review(bench.db, account_id=account_id, quarter=quarter,
                                                            path=bench.tmp(f"review-{i}.pdf")), 1, warmup=0 if i else 1)
    data.forget_quarter_contexts()  # time the quarter's shared figures cold
    context = timed(lambda: data.quarter_context(bench.db, quarter=quarter), 1, warmup=0)[0]
    return Measure(statistics.median(samples), f"after the quarter's shared figures ({context:.2f} s once, reused while "
                   f"the file is unchanged); {len(ids)} accounts, slowest {max(samples):.2f} s")


@figure("review_batch", "Batch of 200 account reviews, rate per core", unit="/s", limit=None, statistic="rate")
def review_batch(bench: Bench) -> Measure:
    batch = need("relationapp.reports.reporting.batch", "run_batch", "Scope")
    quarters = need("relationapp.services.value.quarters", "last_completed")
    ids = sample_accounts(bench, bench.times(200, 10))
    start = time.perf_counter()
    result = batch.run_batch(bench.db, quarter=quarters.last_completed(bench.today), folder=bench.tmp("batch"),
                             scope=batch.Scope(account_ids=tuple(ids)), include_portfolio=False, workers=1)
    seconds = time.perf_counter() - start
    return Measure(len(result.files) / seconds, f"{len(result.files)} PDFs in {seconds:.1f} s with one worker "
                   "(reports.batch.run_batch, workers=1)")


# --- the command line, each run a fresh process ------------------------------------------

def _cli_env() -> dict:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app starts from compiled bytecode (see _start_gui)
    return env


def process_run(args: list[str], *, timeout: float = 600) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of ``python ARGS`` as a child process; its CPU from the kernel's
    accounting of waited-for children (user + system), so the machine's load does not inflate it."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, *args], env=_cli_env(), capture_output=True, text=True, timeout=timeout)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"{' '.join(args[:6])} ... exited {done.returncode}: {last}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def paired_processes(command: list[str], floor: list[str], repeat: int) -> dict:
    """The command and its floor (the same interpreter doing less), alternated so both see the same machine:
    the medians of wall and CPU seconds, and the command's CPU over its wall time."""
    runs, floors = [], []
    for _ in range(repeat):
        floors.append(process_run(floor))
        runs.append(process_run(command))
    wall = statistics.median(w for w, _ in runs)
    cpu = statistics.median(c for _, c in runs)
    return {"wall": wall, "cpu": cpu, "floor_wall": statistics.median(w for w, _ in floors),
            "floor_cpu": statistics.median(c for _, c in floors),
            "share": statistics.median(c / w for w, c in runs), "runs": runs}


# the floor of a command: the interpreter starting and importing the package, nothing else
IMPORT_FLOOR = ["-c", "import relationapp"]


def _cli(bench: Bench, *args: str) -> list[str]:
    return ["-m", "relationapp", "--db", str(bench.db_path), *args]


def _process_measure(r: dict, what: str, *, on: str = "wall") -> Measure:
    value, floor = (r["wall"], r["floor_wall"]) if on == "wall" else (r["cpu"], r["floor_cpu"])
    return Measure(value, f"{what}; {r['cpu']:.2f} s CPU, {r['wall']:.2f} s wall over {len(r['runs'])} runs; "
                   f"floor `python -c \"import relationapp\"` {r['floor_cpu']:.2f} s CPU",
                   {"wall_s": r["wall"], "cpu_s": r["cpu"], "runs": r["runs"]}, floor=floor, cpu_share=r["share"])


@figure("portfolio_process", "Portfolio report as a process (`report portfolio`; floor: importing the package)",
        unit="s", limit=3, child=True)
def portfolio_process(bench: Bench) -> Measure:
    _review, _data, quarters = _review_writer()
    quarter = str(quarters.last_completed(bench.today))
    r = paired_processes(_cli(bench, "report", "portfolio", "--quarter", quarter, "-o",
                                     str(bench.tmp("portfolio.pdf"))), IMPORT_FLOOR, bench.times(3, 1))
    return _process_measure(r, f"{quarter}, a fresh process each time")


@figure("review_process", "First account review in a process (`report account`; floor: importing the package)",
        unit="s", limit=0.5, child=True)
def review_process(bench: Bench) -> Measure:
    _review, _data, quarters = _review_writer()
    quarter = str(quarters.last_completed(bench.today))
    busiest = sample_accounts(bench, 3)[0]
    r = paired_processes(_cli(bench, "report", "account", str(busiest), "--quarter", quarter, "-o",
                                     str(bench.tmp("review.pdf"))), IMPORT_FLOOR, bench.times(3, 1))
    return _process_measure(r, f"account {busiest} (the most touches), {quarter}, the quarter's figures included")


@figure("today_json_process", "`relationapp today --json` as a process, CPU (floor: importing the package)",
        unit="s", limit=0.6, child=True)
def today_json_process(bench: Bench) -> Measure:
    need("relationapp.services.today.attention", "agenda")
    # the first look of a day stores today's standing; measured is every later one
    process_run(_cli(bench, "today", "--json"))
    r = paired_processes(_cli(bench, "today", "--json"), IMPORT_FLOOR, bench.times(5, 1))
    # what any answer through the ORM starts with: SQLAlchemy, SQLModel and the models imported
    orm = statistics.median(process_run(["-c", "import relationapp.data.models"])[1] for _ in range(bench.times(3, 1)))
    m = _process_measure(r, f"CPU seconds (user + system); importing SQLAlchemy, SQLModel and the models alone "
                            f"{orm:.2f} s CPU", on="cpu")
    return dataclasses.replace(m, extra={**m.extra, "orm_import_cpu_s": orm})


def on_scratch_copy(bench: Bench, write: Callable) -> tuple[float, object]:
    """Seconds ``write(db)`` takes on a throw-away copy of the database, and what it returned."""
    db = bench.scratch_db()
    try:
        start = time.perf_counter()
        result = write(db)
        return time.perf_counter() - start, result
    finally:
        db.dispose()


def import_file(bench: Bench, name: str, make: Callable[[Path, int], None], full: int, quick: int,
                importer: Callable) -> tuple[int, float, object]:
    """Write a file of ``full`` (or with --quick ``quick``) records, import it into a scratch copy: (count, seconds, result)."""
    count = quick if bench.quick else full
    path = bench.tmp(name)
    make(path, count)
    seconds, result = on_scratch_copy(bench, lambda db: importer(db, path))
    return count, seconds, result


def _csv_accounts(path: Path, count: int) -> None:
    """A Dutch-Excel-style accounts export: semicolons, decimal commas, day-first dates."""
    import csv

    from relationapp.services.data_care import demo

    rng = random.Random(3)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, delimiter=";", lineterminator="\r\n")
        out.writerow(["Naam", "Plaats", "Postcode", "Straat", "Telefoon", "E-mail", "Klant sinds", "Budget", "Notities"])
        for i in range(count):
            city = rng.choice(demo.CITIES)
            name = f"{rng.choice(demo.COMPANY_FIRST)} {rng.choice(demo.COMPANY_KIND)} {i}"
            since = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randint(0, 3000))
            out.writerow([name, city[0], f"{city[1]}{rng.randint(10, 99)} AB", f"{rng.choice(city[5])} {rng.randint(1, 200)}",
                          f"0{rng.randint(10, 79)}-{rng.randint(1000000, 9999999)}", f"info{i}@import{i % 997}.nl",
                          since.strftime("%d-%m-%Y"), f"{rng.randint(1000, 90000)},{rng.randint(0, 99):02d}",
                          "Geïmporteerd uit het oude pakket"])


RAW_VISITS_DUE = """
    WITH seen AS (
        SELECT account_id, max(day) AS last FROM (
            SELECT account_id, max(occurred_on) AS day FROM interaction
            WHERE kind = 'visit' AND occurred_on <= :today AND account_id IS NOT NULL GROUP BY account_id
            UNION ALL
            SELECT account_id, max(occurred_on) FROM interaction
            WHERE kind = 'meeting' AND occurred_on <= :today AND account_id IS NOT NULL GROUP BY account_id)
        GROUP BY account_id),
    c AS (
        SELECT a.id, t.revenue_12m AS cents, COALESCE(seen.last, a.customer_since) AS base,
               CASE t.tier WHEN 'top' THEN :top WHEN 'big' THEN :big WHEN 'medium' THEN :medium ELSE :small END AS cadence
        FROM tier_cache t JOIN account a ON a.id = t.account_id LEFT JOIN seen ON seen.account_id = a.id
        WHERE t.tier IN ('top', 'big', 'medium', 'small') AND a.archived = 0)
    SELECT id FROM c
    WHERE (base IS NULL OR date(base, '+' || cadence || ' days') <= :today)
      AND id NOT IN (SELECT p.account_id FROM person p WHERE p.do_not_contact = 1 AND p.archived = 0
                     AND p.account_id IS NOT NULL AND NOT EXISTS (
                         SELECT 1 FROM person o WHERE o.account_id = p.account_id AND o.do_not_contact = 0
                         AND o.archived = 0))
    ORDER BY cents * COALESCE(julianday(:today) - julianday(base), cadence) / cadence DESC, id"""


@figure("visits_due", "Visits: customers due for a visit, all regions (floor: raw sqlite3)", unit="ms", limit=200,
        ratio=2)
def visits_due(bench: Bench) -> Measure:
    visits = need("relationapp.services.visits.visits", "due_for_visit")
    _attention, settings = _settled_today(bench)
    params = {"today": bench.today.isoformat(), "top": settings.visit_cadence_top, "big": settings.visit_cadence_big,
              "medium": settings.visit_cadence_medium, "small": settings.visit_cadence_small}
    with bench.raw() as con:
        s, r = paired(lambda: visits.due_for_visit(bench.db, today=bench.today),
                      lambda: con.execute(RAW_VISITS_DUE, params).fetchall(), bench.times(5, 1))
        raw_ids = {row[0] for row in con.execute(RAW_VISITS_DUE, params)}
    due = {d.account_id for d in visits.due_for_visit(bench.db, today=bench.today)}
    return Measure(ms(s), f"{len(due)} due; same accounts: {'yes' if due == raw_ids else 'NO'}",
                   {"same": due == raw_ids}, floor=ms(r))


def raw_csv_accounts(db, path: Path) -> int:
    """The floor of the CSV import: the same rows read with the csv module, converted by hand and written
    with one executemany into the same schema (indexes, triggers) in one transaction."""
    import csv

    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None).isoformat(sep=" ")
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter=";")
        next(reader)
        rows = []
        for name, city, postcode, street, phone, email, since, budget, notes in reader:
            day, month, year = since.split("-")
            euros, cents = budget.split(",")
            rows.append((name, city, postcode, street, phone, email, f"{year}-{month}-{day}", int(euros) * 100 + int(cents),
                         notes, now, now))
    raw = db.engine.raw_connection()
    try:
        con = raw.driver_connection
        con.execute("BEGIN IMMEDIATE")
        con.executemany(
            "INSERT INTO account (name, kind, stage, city, postcode, street, phone, email, customer_since, annual_budget, "
            "notes, archived, in_focus, created_at, updated_at) VALUES (?, 'company', 'prospect', ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?)",
            rows)
        con.execute("COMMIT")
    finally:
        raw.close()
    return len(rows)


@figure("csv_import", "CSV import of 100,000 rows, all or nothing (floor: raw executemany)", unit="s", limit=10, ratio=1.5)
def csv_import(bench: Bench) -> Measure:
    importer = need("relationapp.exchange.csv_import", "import_csv")
    count, seconds, result = import_file(bench, "accounts.csv", _csv_accounts, 100_000, 2_000,
                                         lambda db, path: importer.import_csv(db, path=path, kind="accounts"))
    floor, _ = on_scratch_copy(bench, lambda db: raw_csv_accounts(db, bench.tmp("accounts.csv")))
    added = getattr(result, "added", None)
    return Measure(seconds, f"{count:,} account rows into a copy of the database, {added:,} added", {"rows": count},
                   floor=floor)


def _vcards(path: Path, count: int) -> None:
    from relationapp.services.data_care import demo

    rng = random.Random(5)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        for i in range(count):
            first, last = rng.choice(demo.FIRST_NAMES), rng.choice(demo.LAST_NAMES)
            fh.write(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{first} {last}\r\nN:{last};{first};;;\r\n"
                     f"ORG:{rng.choice(demo.COMPANY_FIRST)} {rng.choice(demo.COMPANY_KIND)}\r\n"
                     f"EMAIL;TYPE=INTERNET:{first.lower()}.{i}@vcard.example.nl\r\nTEL;TYPE=CELL:06-{rng.randint(10000000, 99999999)}\r\n"
                     f"BDAY:{rng.randint(1950, 2000)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\r\nEND:VCARD\r\n")


@figure("vcard_import", "vCard import of 10,000 cards", unit="s", limit=10)
def vcard_import(bench: Bench) -> Measure:
    vcard = need("relationapp.exchange.vcard", "import_vcards")
    count, seconds, _ = import_file(bench, "cards.vcf", _vcards, 10_000, 200,
                                    lambda db, path: vcard.import_vcards(db, path=path))
    return Measure(seconds, f"{count:,} cards into a copy of the database", {"cards": count})


def _mbox(bench: Bench, path: Path, count: int) -> None:
    """An mbox as a mail program writes it: mail from and to people of the firm (a third of it ours, outgoing),
    one in ten from senders nobody knows, now and then an HTML-only mail, a reply with its history, an attachment."""
    from email.message import EmailMessage
    from email.utils import format_datetime

    rng = random.Random(11)
    with bench.raw() as con:
        people = [r[0] for r in con.execute("SELECT email FROM person WHERE email IS NOT NULL ORDER BY id")]
        staff = [r[0] for r in con.execute("SELECT email FROM staff WHERE email IS NOT NULL ORDER BY id")] or ["ik@firma.nl"]
    subjects = ("Offerte", "Vraag over de levering", "Afspraak volgende week", "Factuur", "Nieuwe bestelling",
                "Onderhoud", "Re: Offerte", "Planning", "Bedankt voor het gesprek", "Storing")
    start = dt.datetime.combine(bench.today - dt.timedelta(days=400), dt.time(8), tzinfo=dt.timezone.utc)
    with open(path, "wb") as fh:
        for i in range(count):
            message = EmailMessage()
            ours, theirs = rng.choice(staff), rng.choice(people)
            if rng.random() < 0.1:
                theirs = f"iemand{i}@onbekend{i % 300}.nl"
            if rng.random() < 0.33:
                message["From"], message["To"] = ours, theirs
            else:
                message["From"], message["To"] = theirs, ours
            message["Subject"] = rng.choice(subjects)
            message["Date"] = format_datetime(start + dt.timedelta(minutes=57 * i))
            message["Message-ID"] = f"<bench-{i}@mail.example.nl>"
            text = ("Goedemorgen,\n\n" + "Zoals besproken stuur ik u hierbij de gegevens. " * rng.randint(2, 30)
                    + "\n\nMet vriendelijke groet,\n\n")
            if rng.random() < 0.15:
                text += "Op 3 maart 2026 om 10:12 schreef iemand:\n> eerder bericht\n" * 3
            if rng.random() < 0.1:
                message.set_content(f"<html><body><p>{text}</p></body></html>", subtype="html")
            else:
                message.set_content(text)
            if rng.random() < 0.05:
                message.add_attachment(os.urandom(20_000), maintype="application", subtype="pdf", filename="offerte.pdf")
            fh.write(b"From mail@example.nl Mon Jan  5 10:00:00 2026\n")
            fh.write(bytes(message).replace(b"\r\n", b"\n").replace(b"\nFrom ", b"\n>From ") + b"\n")


@figure("mail_import", "Import 10,000 mails from an mbox", unit="s", limit=20)
def mail_import(bench: Bench) -> Measure:
    mail = need("relationapp.exchange.mail.files", "import_mail")
    count, seconds, result = import_file(bench, "mail.mbox", lambda path, n: _mbox(bench, path, n), 10_000, 300,
                                         lambda db, path: mail.import_mail(db, paths=[path]))
    return Measure(seconds, f"{count:,} mails into a copy of the database: {result.logged:,} logged as "
                   f"{result.touches:,} touches, {result.unknown:,} from unknown senders", {"mails": count})


def _phone_sync(bench: Bench) -> dict:
    """One run of benchmarks/sync_dav.py for both sync rows (a fresh database and the tests' Radicale, its own
    process): 5,000 people and 2,000 calendar items (500 and 200 with --quick)."""
    cached = getattr(bench, "phone_sync", None)
    if cached is None:
        need("relationapp.exchange.dav.run", "sync_now")
        if importlib.util.find_spec("radicale") is None:
            raise NotAvailable("Radicale is not installed (pip install -e '.[test]')")
        spec = importlib.util.spec_from_file_location("sync_dav", Path(__file__).with_name("sync_dav.py"))
        sync_dav = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sync_dav)  # it puts the checkout on sys.path for the tests' server
        scale = 10 if bench.quick else 1
        cached = bench.phone_sync = sync_dav.measure(people=5000 // scale, items=2000 // scale, floors=False)
    return cached


def _sync_measure(run: dict, row: str) -> Measure:
    r = run[row]
    share = (r["cpu_s"] + r["server_cpu_s"]) / r["wall_s"] if r["wall_s"] else None
    return Measure(r["wall_s"], f"this process {r['cpu_s']:.2f} s CPU, Radicale {r['server_cpu_s']:.2f} s CPU; "
                   f"{run['people']:,} people, {run['items']:,} calendar items; {r.get('result', '')}",
                   {"cpu_s": r["cpu_s"], "server_cpu_s": r["server_cpu_s"]}, cpu_share=share)


@figure("sync_first", "Phone sync: first sync of 5,000 people and 2,000 calendar items (Radicale on 127.0.0.1)",
        unit="s", limit=60, child=True)
def sync_first(bench: Bench) -> Measure:
    return _sync_measure(_phone_sync(bench), "first_sync")


@figure("sync_nothing_changed", "Phone sync: a sync with nothing changed (the same 7,000 items)", unit="s", limit=1,
        child=True)
def sync_nothing_changed(bench: Bench) -> Measure:
    return _sync_measure(_phone_sync(bench), "nothing_changed_again")


@figure("gui_rss", "Peak RSS of the GUI with the database open", unit="MB", limit=250, statistic="peak", child=True)
def gui_rss(bench: Bench) -> Measure:
    runs = gui_runs(bench)
    peaks = [r["vmhwm_kb"] / 1024 for r in runs if r.get("vmhwm_kb")]
    if not peaks:
        raise NotAvailable("no VmHWM in /proc (not Linux?)")
    return Measure(max(peaks), "VmHWM once the window is shown and Today filled")


# --- running and printing ---------------------------------------------------------------


def server_cpu() -> float | None:
    """CPU seconds of this machine's PostgreSQL processes so far (a server elsewhere, or none: None).

    On a server database the work is split between this process and the server's backend; this process's
    CPU alone over the wall time would say "loaded" on an idle machine."""
    total, found, tick = 0, False, os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        name, rest = text[text.find("(") + 1:text.rfind(")")], text[text.rfind(")") + 2:].split()
        if name.startswith("postgres"):
            found, total = True, total + int(rest[11]) + int(rest[12])  # utime, stime
    return total / tick if found else None


def run(bench: Bench, names: list[str], *, log=None) -> list[dict]:
    results = []
    for name in names:
        fig = FIGURES[name]
        entry = {"name": name, "label": fig.label, "unit": fig.unit, "target": fig.target, "limit": fig.limit,
                 "ratio_limit": fig.ratio, "statistic": fig.statistic, "value": None, "floor": None, "ratio": None,
                 "met": None, "verdict": "n/a", "detail": "", "status": "ok"}
        start, cpu = time.perf_counter(), time.process_time()
        server_start = server_cpu() if bench.on_server else None
        m = None
        try:
            if bench.on_server and not fig.on_server:
                raise NotAvailable("SQLite only (a file: the GUI, copies, floors in SQLite's SQL)")
            m = fig.measure(bench)
        except NotAvailable as exc:
            entry.update(status="n/a", detail=str(exc))
        except Exception as exc:  # a broken figure must not hide the others
            entry.update(status="error", detail=f"{type(exc).__name__}: {exc}")
        else:
            entry.update(value=round(m.value, 4), detail=m.detail, extra=m.extra, met=fig.met(m))
            if m.floor is not None:
                entry.update(floor=round(m.floor, 4), ratio=round(m.value / m.floor, 3) if m.floor else None)
        entry["took_s"] = round(time.perf_counter() - start, 2)
        # this process's CPU time over wall time: near 1 for single-threaded work on an idle machine,
        # lower when other programs compete for the cores (then every time above is inflated)
        if m is not None and m.cpu_share is not None:
            entry["cpu_share"] = round(m.cpu_share, 2)
        elif not fig.child:
            used = time.process_time() - cpu
            server_end = server_cpu() if server_start is not None else None
            if server_end is not None:  # the server's backend worked for this row too
                used += server_end - server_start
            entry["cpu_share"] = round(used / max(entry["took_s"], 1e-6), 2)
        else:
            entry["cpu_share"] = None
        entry["verdict"] = verdict(entry)
        if log:
            log(f"{name}: {entry['status']} in {entry['took_s']} s")
        results.append(entry)
    return results


def verdict(entry: dict) -> str:
    """yes / NO against the targets; "loaded" when the row's cpu/wall says other work slowed it; n/a without a target."""
    if entry["status"] != "ok" or entry["met"] is None:
        return "n/a"
    if entry.get("cpu_share") is not None and entry["cpu_share"] < LOADED:
        return "loaded"
    return "yes" if entry["met"] else "NO"


def _scale(bench: Bench) -> dict[str, int]:
    return {t: bench.query(f"SELECT count(*) FROM {t}")[0][0]  # noqa: S608 - fixed names
            for t in ("account", "person", "interaction", "orders", "follow_up")}


def table(results: list[dict], *, markdown: bool = False) -> str:
    rows = [("figure", "measured", "floor", "ratio", "target", "met", "cpu/wall", "detail")]
    for r in results:
        floor = ratio = ""
        if r["status"] == "ok":
            measured = f"{_number(r['value'])} {r['unit']}"
            if r["statistic"] not in ("median", "peak", "ratio", "rate"):
                measured += f" ({r['statistic']})"
            if r.get("floor") is not None:
                floor = f"{_number(r['floor'])} {r['unit']}"
                ratio = "" if r.get("ratio") is None else f"{r['ratio']:.2f}x"
        else:
            measured = r["status"]
        share = f"{r['cpu_share']:.2f}" if r["status"] == "ok" and r.get("cpu_share") is not None else ""
        rows.append((r["label"], measured, floor, ratio, r["target"], r["verdict"], share, r["detail"]))
    if markdown:  # for benchmarks/README.md
        cells = [[c.replace("|", "\\|") for c in row] for row in rows]
        return "\n".join(["| " + " | ".join(cells[0]) + " |", "|" + " --- |" * len(cells[0])]
                         + ["| " + " | ".join(row) + " |" for row in cells[1:]])
    columns = len(rows[0]) - 1
    widths = [max(len(row[i]) for row in rows) for i in range(columns)]
    lines = []
    for i, row in enumerate(rows):
        lines.append(" | ".join(cell.ljust(widths[j]) for j, cell in enumerate(row[:columns])) + " | " + row[columns])
        if i == 0:
            lines.append("-+-".join("-" * w for w in widths) + "-+-" + "-" * 6)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure relationapp's figures on a generated database.")
    parser.add_argument("--db", required=True, help="a database made by benchmarks/generate.py, or a postgresql:// "
                        "URL of one copied there (relationapp migrate-to): the rows a server runs")
    parser.add_argument("--json", action="store_true", help="print JSON instead of the table")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown (for README.md)")
    parser.add_argument("--quick", action="store_true", help="few repetitions and small imports (the smoke test)")
    parser.add_argument("--only", nargs="+", metavar="NAME", choices=sorted(FIGURES), help="only these figures")
    args = parser.parse_args(argv)
    if not args.db.startswith("postgresql") and not Path(args.db).exists():
        parser.error(f"{args.db} does not exist; make one with benchmarks/generate.py")
    bench = Bench(args.db, quick=args.quick)
    load_before = os.getloadavg()[0]  # other work on the machine slows every figure
    try:
        bench.prepare(log=lambda line: print(line, file=sys.stderr))
        names = args.only or list(FIGURES)
        results = run(bench, names, log=None if args.json else lambda line: print(line, file=sys.stderr))
        scale = _scale(bench)
    finally:
        bench.close()
    if args.json:
        print(json.dumps({
            "database": str(args.db), "rows": scale, "quick": args.quick,
            "measured_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
                        "load_before": load_before, "load_after": os.getloadavg()[0]},
            "figures": results,
        }, indent=2, default=str))
    else:
        print(f"{args.db}: " + ", ".join(f"{n:,} {t}" for t, n in scale.items()))
        print(f"{os.cpu_count()} cores; load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after; "
              f"met: yes / NO, or \"loaded\" where cpu/wall < {LOADED} (other work slowed the row: its times are inflated)")
        print(table(results, markdown=args.markdown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
