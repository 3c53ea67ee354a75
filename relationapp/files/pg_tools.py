"""PostgreSQL's own dump and restore programs (``pg_dump -Fc``, ``pg_restore``), found and run.

The programs are looked for on PATH and in Debian's versioned folders
(``/usr/lib/postgresql/<major>/bin``). pg_dump refuses a server newer than
itself, so one of the server's major version (or the newest newer one) is
chosen. The password travels in ``PGPASSWORD``, never on the command line
(where ``ps`` would show it) and never in a message. A dump is written under a
hidden partial name and renamed only once pg_dump has finished; it is 0600.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from relationapp.data.db import DatabaseError
from relationapp.text.catalogue import _

DEBIAN_FOLDERS = "/usr/lib/postgresql/*/bin"  # where Debian and Ubuntu put each major version's programs
DUMP_MAGIC = b"PGDMP"  # the first bytes of a custom-format archive
_VERSION = re.compile(r"\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?")


@dataclass(frozen=True)
class Program:
    path: Path
    major: int


def _major_of(path: Path) -> int | None:
    try:
        out = subprocess.run([str(path), "--version"], capture_output=True, text=True, timeout=30, check=False).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    m = _VERSION.search(out)
    return int(m.group(1)) if m else None


def candidates(name: str) -> list[Program]:
    """Every ``name`` program found (PATH first, then Debian's folders), with its major version."""
    paths: list[Path] = []
    on_path = shutil.which(name)
    if on_path:
        paths.append(Path(on_path))
    paths += sorted(Path(p) for p in glob.glob(f"{DEBIAN_FOLDERS}/{name}"))
    found, seen = [], set()
    for path in paths:
        key = path.resolve()
        if key in seen or not os.access(path, os.X_OK):
            continue
        seen.add(key)
        major = _major_of(path)
        if major is not None:
            found.append(Program(path, major))
    return found


def choose(programs: list[Program], server_major: int) -> Program | None:
    """The program of the server's major version, else the oldest newer one (None: only older ones)."""
    fitting = [p for p in programs if p.major >= server_major]
    return min(fitting, key=lambda p: p.major) if fitting else None


def connection(url: str) -> tuple[str, dict[str, str]]:
    """(a libpq URI without the password, the environment that carries it) for a SQLAlchemy URL."""
    parsed = sa.engine.make_url(url)
    env = dict(os.environ)
    if parsed.password is not None:
        env["PGPASSWORD"] = str(parsed.password)
    # URL.set(password=None) keeps the password; the tuple's own _replace takes it out
    uri = parsed._replace(drivername="postgresql", password=None).render_as_string(hide_password=False)
    return uri, env


def _problem(process: subprocess.CompletedProcess) -> str:
    lines = [line.strip() for line in (process.stderr or "").splitlines() if line.strip()]
    return " ".join(lines[:2]) or _("exit status {code}").format(code=process.returncode)


def dump(program: Program, url: str, dest: Path) -> Path:
    """``pg_dump -Fc`` of the database at ``url`` into ``dest`` (0600; complete or not there at all)."""
    uri, env = connection(url)
    dest.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    partial = dest.with_name(f".{dest.name}.{os.getpid()}.partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.close(fd)
    try:
        done = subprocess.run([str(program.path), "--format=custom", "--no-password", f"--file={partial}",
                               f"--dbname={uri}"], env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise DatabaseError(_("pg_dump failed: {problem}").format(problem=_problem(done)))
        os.replace(partial, dest)
    finally:
        partial.unlink(missing_ok=True)
    return dest


def is_dump(path: Path) -> bool:
    """Whether ``path`` is a pg_dump custom-format archive."""
    try:
        with open(path, "rb") as fh:
            return fh.read(len(DUMP_MAGIC)) == DUMP_MAGIC
    except OSError:
        return False


def restore(program: Program, url: str, archive: Path) -> None:
    """``pg_restore`` of ``archive`` into the (empty) database at ``url``, in one transaction: all or nothing."""
    uri, env = connection(url)
    done = subprocess.run([str(program.path), "--no-owner", "--no-privileges", "--exit-on-error",
                           "--single-transaction", "--no-password", f"--dbname={uri}", str(archive)],
                          env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise DatabaseError(_("pg_restore failed: {problem}").format(problem=_problem(done)))
