"""Build the Linux bundle (dist/relationapp/) and check that it runs; exit code 1 when it does not.

    pip install -e '.[bundle]'
    python packaging/build_bundle.py            # build, then check
    python packaging/build_bundle.py --check    # check the bundle already in dist/

The checks run the built program as a user would, in a temporary folder: --version, the demo
firm, one account review and a batch of reviews as PDFs (the batch starts worker processes,
which a bundle must be able to do), and the window started offscreen that closes itself after a
few seconds. Then the bundle's size and file count. On Windows and macOS the same script
builds that system's bundle; packaging/README.md says what each one gets.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "relationapp.spec"
DIST = ROOT / "dist"
QUARTER = "2026Q3"
WINDOW_SECONDS = 8  # the window closes itself after this (RELATIONAPP_QUIT_AFTER_MS)


def build() -> None:
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--distpath", str(DIST),
               "--workpath", str(ROOT / "build"), str(SPEC)]
    started = time.monotonic()
    subprocess.run(command, cwd=ROOT, check=True)
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"built in {time.monotonic() - started:.0f} s wall, {cpu.ru_utime + cpu.ru_stime:.0f} s CPU")


def program() -> Path:
    name = "relationapp.exe" if sys.platform == "win32" else "relationapp"
    if sys.platform == "darwin":
        return DIST / "relationapp.app" / "Contents" / "MacOS" / "relationapp"
    return DIST / "relationapp" / name


class Checks:
    def __init__(self, exe: Path, folder: Path):
        self.exe, self.folder, self.failed = exe, folder, []
        self.environ = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "RELATIONAPP_LANGUAGE": "en",
                        # the user folders of this run (settings, backups, the default database) stay here
                        "HOME": str(folder), "XDG_DATA_HOME": str(folder / "data"),
                        "XDG_CONFIG_HOME": str(folder / "config"), "XDG_CACHE_HOME": str(folder / "cache")}

    def run(self, what: str, *args: str, timeout: float = 300, env=None) -> subprocess.CompletedProcess | None:
        started = time.monotonic()
        try:
            done = subprocess.run([str(self.exe), *args], capture_output=True, text=True, timeout=timeout,
                                  env={**self.environ, **(env or {})}, cwd=self.folder)
        except subprocess.TimeoutExpired:
            return self.fail(what, f"still running after {timeout:.0f} s")
        seconds = time.monotonic() - started
        if done.returncode != 0:
            return self.fail(what, f"exit code {done.returncode}\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
        if "Traceback" in done.stderr:
            return self.fail(what, done.stderr[-2000:])
        print(f"ok    {what} ({seconds:.1f} s)")
        return done

    def fail(self, what: str, why: str) -> None:
        print(f"FAIL  {what}: {why}")
        self.failed.append(what)
        return None

    def expect(self, what: str, condition: bool, why: str) -> None:
        if not condition:
            self.fail(what, why)


def check(exe: Path) -> bool:
    from relationapp import __version__

    with tempfile.TemporaryDirectory(prefix="relationapp-bundle-") as tmp:
        folder = Path(tmp)
        checks = Checks(exe, folder)
        db = str(folder / "demo.db")
        done = checks.run("--version", "--version")
        if done is not None:
            checks.expect("--version", done.stdout.strip() == f"relationapp {__version__}", repr(done.stdout))
        if checks.run("demo firm", "--db", db, "demo") is not None:
            listed = checks.run("accounts list", "--db", db, "accounts", "list", "--json")
            first = json.loads(listed.stdout)[0] if listed is not None else None
            if first is not None:
                review = folder / "review.pdf"
                checks.run("account review PDF", "--db", db, "report", "account", str(first["id"]),
                           "--quarter", QUARTER, "-o", str(review))
                checks.expect("account review PDF", review.read_bytes()[:5] == b"%PDF-", "no PDF written")
            batch = folder / "reviews"
            checks.run("batch of reviews (worker processes)", "--db", db, "report", "reviews", "--quarter", QUARTER,
                       "--tier", "top", "--no-portfolio", "--workers", "2", "--out", str(batch))
            pdfs = list(batch.glob("*.pdf")) if batch.is_dir() else []
            checks.expect("batch of reviews (worker processes)", bool(pdfs), "no PDF in the batch folder")
            window = checks.run("window, offscreen", "--db", db, timeout=WINDOW_SECONDS + 120,
                                env={"RELATIONAPP_QUIT_AFTER_MS": str(WINDOW_SECONDS * 1000)})
            if window is not None:
                checks.expect("window, offscreen", "QFont" not in window.stderr and "qt." not in window.stderr,
                              "Qt complained:\n" + window.stderr[-2000:])
        return not checks.failed


def measure(folder: Path) -> None:
    """Size and file count as on disk: a symbolic link (Qt's libraries have some) counted once, not followed."""
    files = [Path(top) / name for top, _dirs, names in os.walk(folder) for name in names]
    size = sum(path.lstat().st_size for path in files)
    print(f"bundle {folder}: {size / 1e6:.0f} MB in {len(files):,} files")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="check the bundle in dist/ without building it")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    if not args.check:
        try:
            build()
        except (subprocess.CalledProcessError, FileNotFoundError) as exc:
            print(f"FAIL  build: {exc}")
            return 1
    exe = program()
    if not exe.exists():
        print(f"FAIL  no program at {exe}")
        return 1
    measure(DIST / "relationapp")
    good = check(exe)
    print("bundle works" if good else "bundle FAILED")
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main())
