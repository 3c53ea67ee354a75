"""A quarter's reviews in one go: one PDF per account plus the portfolio report.

The accounts are split over worker processes (one per core); each worker
opens the database itself by its URL and gets the quarter's shared figures
(tiers, time per tier) once, through the pool initializer. Progress is
reported after every file, and a cancel flag stops the batch between files.
Every PDF is written to a temporary file and renamed, so a cancelled or
failed batch leaves only complete files.
"""

from __future__ import annotations

import multiprocessing
import os
import tempfile
import threading
from collections import defaultdict
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import sqlalchemy as sa

from relationapp.data.db import Database
from relationapp.data.models import Account
from relationapp.errors import ValidationError
from relationapp.reports.reporting import data as report_data
from relationapp.reports.reporting.file_names import (
    portfolio_file_name,
    review_file_name,
)
from relationapp.services.value.quarters import Quarter
from relationapp.text.catalogue import _
from relationapp.text.formatting import Formatter

PORTFOLIO = "portfolio"


@dataclass(frozen=True)
class Scope:
    """Which accounts: customers by default; or some tiers, one account manager, or given accounts."""

    tiers: tuple[str, ...] = ()
    owner_id: int | None = None
    account_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    last_file: str


@dataclass(frozen=True)
class BatchResult:
    folder: Path
    files: tuple[Path, ...]  # reviews written, in name order
    portfolio: Path | None
    cancelled: bool
    total: int  # files the batch meant to write


def file_names(fmt: Formatter, quarter: Quarter, names: dict[int, str], *, audience: str) -> dict[int, str]:
    """Each account's review file name; accounts of the same name get their number after it: '... (17).pdf'."""
    plain = {aid: review_file_name(fmt, quarter, name, audience=audience) for aid, name in names.items()}
    seen: dict[str, int] = defaultdict(int)
    for name in plain.values():
        seen[name.casefold()] += 1  # Windows and macOS do not tell "ABC" from "abc"
    return {aid: review_file_name(fmt, quarter, names[aid], audience=audience, suffix=f"({aid})")
            if seen[name.casefold()] > 1 else name for aid, name in plain.items()}


def prepare_folder(folder: str | os.PathLike) -> Path:
    """Make the output folder and prove it can be written, before any work starts."""
    path = Path(folder).expanduser()
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)  # reviews hold personal notes
        fd, probe = tempfile.mkstemp(prefix=".relationapp-", dir=path)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise ValidationError(_("Cannot write in the folder {folder}: {problem}.").format(
            folder=path, problem=exc.strerror or exc), field="folder") from None
    return path


def _names(db: Database, ids: list[int]) -> dict[int, str]:
    with db.read() as session:
        return dict(session.execute(sa.select(Account.id, Account.name).where(Account.id.in_(ids))).all()) if ids else {}


# --- worker side -----------------------------------------------------------

_worker: dict = {}


def _start_worker(url: str, context: report_data.QuarterContext) -> None:
    _worker["db"] = Database(url)
    _worker["context"] = context


def _make(job: tuple) -> str:
    """Write one file; runs in a worker (or in-process for tiny batches)."""
    from relationapp.reports.reporting.account_review import write_account_review
    from relationapp.reports.reporting.portfolio import write_portfolio

    kind, account_id, path, audience = job
    db, context = _worker["db"], _worker["context"]
    if kind == PORTFOLIO:
        write_portfolio(db, quarter=context.quarter, path=path, context=context)
    else:
        write_account_review(db, account_id=account_id, quarter=context.quarter, path=path, audience=audience,
                             context=context)
    return path


# --- the batch -------------------------------------------------------------

def run_batch(
    db: Database,
    *,
    quarter: Quarter,
    folder: str | os.PathLike,
    scope: Scope = Scope(),
    audience: str = "internal",
    include_portfolio: bool = True,
    workers: int | None = None,
    progress: Callable[[Progress], None] | None = None,
    cancel: threading.Event | None = None,
) -> BatchResult:
    """Write the reviews for ``scope`` (and the portfolio report) into ``folder``."""
    report_data.check_audience(audience)
    out = prepare_folder(folder)
    context = report_data.quarter_context(db, quarter=quarter)
    ids = report_data.account_ids_in_scope(db, context=context, tiers=scope.tiers, owner_id=scope.owner_id,
                                           account_ids=scope.account_ids)
    fmt = Formatter.for_settings(context.settings)
    names = file_names(fmt, quarter, _names(db, ids), audience=audience)
    jobs = [("review", aid, str(out / names[aid]), audience) for aid in ids]
    if include_portfolio:
        jobs.insert(0, (PORTFOLIO, None, str(out / portfolio_file_name(fmt, quarter)), "internal"))
    cancel = cancel or threading.Event()
    workers = max(1, min(workers or os.cpu_count() or 1, len(jobs)))
    done: list[str] = []

    def finished(path: str) -> None:
        done.append(path)
        if progress is not None:
            progress(Progress(done=len(done), total=len(jobs), last_file=Path(path).name))

    if workers == 1 or db.path is None:
        _start_worker(db.url, context)
        try:
            for job in jobs:
                if cancel.is_set():
                    break
                finished(_make(job))
        finally:
            _worker.pop("db").dispose()
    else:
        _run_in_pool(db.url, context, jobs, workers, finished, cancel)

    written = set(done)
    portfolio = next((Path(j[2]) for j in jobs if j[0] == PORTFOLIO and j[2] in written), None)
    files = tuple(sorted(Path(p) for p in written if portfolio is None or Path(p) != portfolio))
    return BatchResult(folder=out, files=files, portfolio=portfolio, cancelled=cancel.is_set() and len(done) < len(jobs),
                       total=len(jobs))


def _run_in_pool(url: str, context, jobs: list[tuple], workers: int, finished, cancel: threading.Event) -> None:
    # spawn, not fork: the GUI runs Qt threads, which a forked child must not inherit
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_start_worker, initargs=(url, context))
    pending: set[Future] = set()
    queue = iter(jobs)
    try:
        # keep only a few jobs queued per worker, so a cancel takes effect quickly
        for job in queue:
            pending.add(pool.submit(_make, job))
            if len(pending) >= workers * 2:
                break
        while pending:
            complete, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            for future in complete:
                finished(future.result())
            if cancel.is_set():
                for future in pending:
                    future.cancel()
                for future in [f for f in pending if not f.cancelled()]:
                    finished(future.result())  # already running: let it finish its (complete) file
                return
            for job in queue:
                pending.add(pool.submit(_make, job))
                if len(pending) >= workers * 2:
                    break
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
