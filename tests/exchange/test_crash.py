"""kill -9 in the middle of imports and write loops: no committed row lost, never half a batch."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

CYCLES = int(os.environ.get("RELATIONAPP_CRASH_CYCLES", "24"))
BATCH = 200

WORKER = r'''
import sys
from pathlib import Path
from relationapp.services.data_care.opening import open_database
db = open_database(sys.argv[1])
mode, start = sys.argv[2], int(sys.argv[3])
folder = Path(sys.argv[1]).parent
n = start
if mode == "import":
    from relationapp.exchange.csv_import import import_csv
    while True:
        f = folder / f"batch{n}.csv"
        f.write_text("Name;E-mail\n" + "".join(f"Firm {n + i};f{n + i}@example.nl\n" for i in range(BATCH)))
        import_csv(db, path=f, kind="accounts")
        n += BATCH
        print(n, flush=True)
else:
    from relationapp.services.customers.accounts import create_account
    while True:
        create_account(db, name=f"Firm {n}", email=f"f{n}@example.nl")
        n += 1
        print(n, flush=True)
'''.replace("BATCH", str(BATCH))


def _committed(path) -> int:
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return con.execute("SELECT count(*) FROM account").fetchone()[0]
    finally:
        con.close()


@pytest.mark.slow
def test_kill_9_during_imports_and_write_loops_loses_no_committed_row(tmp_path):
    from relationapp.services.data_care.opening import open_database

    path = tmp_path / "crash.db"
    open_database(str(path)).dispose()
    rng = random.Random(9)
    total = 0
    for cycle in range(CYCLES):
        mode = "import" if cycle % 2 == 0 else "loop"
        proc = subprocess.Popen([sys.executable, "-c", WORKER, str(path), mode, str(total)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        first = proc.stdout.readline()  # wait until something was committed
        assert first, proc.stderr.read()
        time.sleep(rng.uniform(0.01, 0.3))
        os.kill(proc.pid, signal.SIGKILL)
        reported = [int(line) for line in [first, *proc.stdout.read().split()] if line.strip()]
        proc.wait()
        proc.stdout.close()
        proc.stderr.close()
        committed = _committed(path)
        assert committed >= reported[-1], f"cycle {cycle}: {reported[-1]} reported, {committed} in the file"
        if mode == "import":
            assert (committed - total) % BATCH == 0, f"cycle {cycle}: half a batch of {BATCH} was kept"
        total = committed
    assert total > 0
