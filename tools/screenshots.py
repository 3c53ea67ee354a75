"""Screenshots of the window on the demo firm: every sidebar page, an account and the Ctrl+L dialog.

    python tools/screenshots.py OUT_DIR                 # every page x light/dark x nl/en x 1366x768/1920x1080
    python tools/screenshots.py OUT_DIR --pages today,visits --languages en --schemes dark --sizes 1366x768
    python tools/screenshots.py --docs                  # the few that README.md and docs/ show, into docs/screenshots/
    python tools/screenshots.py OUT_DIR --scale 2       # one shot at 200 % (QT_SCALE_FACTOR=2)

The demo firm is built in a temporary database for DEMO_DAY and the clock is frozen on that day
(freezegun, from the test extra), so the pictures only change when the window does. Everything
runs offscreen, with the user folders redirected: nothing of yours is read or written.
File names: PAGE-LANGUAGE-SCHEME-WIDTHxHEIGHT.png (e.g. today-en-dark-1366x768.png).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS_DIR = ROOT / "docs" / "screenshots"
DEMO_DAY = dt.date(2026, 11, 22)  # as the tests' demo firm (tests/conftest.py)
SIZES = ((1366, 768), (1920, 1080))
SCHEMES = ("light", "dark")
LANGUAGES = ("nl", "en")
EXTRA_SHOTS = ("account", "log-interaction")  # after the sidebar pages
# (shot, language, scheme, size) that README.md and docs/user-guide.md show
DOCS_SHOTS = (
    ("today", "en", "light", (1366, 768)),
    ("account", "en", "light", (1366, 768)),
    ("visits", "en", "light", (1366, 768)),
    ("value", "en", "dark", (1366, 768)),
    ("log-interaction", "en", "light", (1366, 768)),
    ("today", "nl", "light", (1366, 768)),
)


def _isolate(home: Path) -> None:
    """Offscreen, and the user folders (settings, the window's remembered place) in a temporary home."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for name, sub in (("HOME", ""), ("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                      ("XDG_CACHE_HOME", "cache"), ("XDG_DOCUMENTS_DIR", "documents")):
        os.environ[name] = str(home / sub)
    os.environ.pop("RELATIONAPP_DB_URL", None)


class Studio:
    """The demo firm in one window, shot page by page."""

    def __init__(self, folder: Path):
        from PySide6.QtWidgets import QApplication

        from relationapp.services.data_care.demo import build_demo
        from relationapp.services.data_care.opening import open_database

        self.app = QApplication.instance() or QApplication(["relationapp"])
        self.app.setApplicationName("relationapp")
        self.app.setCursorFlashTime(0)  # a caret that never blinks: the same picture on every run
        from relationapp.ui.shell.app import application_icon

        self.app.setWindowIcon(application_icon())
        self.db = open_database(str(folder / "demo.db"))
        build_demo(self.db, today=DEMO_DAY)
        self._as_the_manager_of_the_best_account()
        self.window = None

    def _as_the_manager_of_the_best_account(self) -> None:
        """ "I am" set, as a user has it after the first five minutes: Ctrl+L's "by" and the visit
        planner show that person instead of "everyone"."""
        from relationapp.services.common.settings import update_settings
        from relationapp.services.customers.accounts import get_account

        owner = get_account(self.db, account_id=self._best_account()).owner_id
        if owner:
            update_settings(self.db, current_staff_id=owner)

    def open(self, language: str, scheme: str) -> None:
        """A new window in ``language`` (texts are set as widgets are made) with the ``scheme`` palette."""
        from relationapp.services.common.settings import update_settings
        from relationapp.text import formatting
        from relationapp.ui.common import theme
        from relationapp.ui.common.context import AppContext
        from relationapp.ui.common.i18n import install
        from relationapp.ui.shell.main_window import MainWindow

        self.close()
        settings = update_settings(self.db, language=language, appearance=scheme)
        install(self.app, language)
        formatting.use(settings)
        theme.apply(self.app, scheme)
        self.ctx = AppContext(self.db)
        self.window = MainWindow(self.ctx)
        self.window.show()
        self.settle()

    def close(self) -> None:
        if self.window is not None:
            self.ctx.tasks.stop()
            self.window.close()
            self.window.deleteLater()
            self.window = None
            self.settle()

    def settle(self, rounds: int = 4) -> None:
        """Let background work (Today's agenda, lists filling) finish and the window paint it."""
        from PySide6.QtCore import QEventLoop, QTimer

        for _ in range(rounds):
            if self.window is not None:
                self.ctx.tasks.wait()
            loop = QEventLoop()
            QTimer.singleShot(60, loop.quit)  # debounced refreshes and deferred layouts run meanwhile
            loop.exec()

    def resize(self, size: tuple[int, int]) -> None:
        self.window.resize(*size)
        self.settle(2)

    def shoot(self, shot: str) -> bytes:
        """One page (or the account page, or the Ctrl+L dialog over the window) as PNG bytes."""
        from PySide6.QtCore import QBuffer, QIODevice

        if shot == "account":
            self.window.show_account(self._best_account())
        elif shot == "log-interaction":
            return self._dialog_shot()
        else:
            self.window.show_page(shot)
        self.settle()
        return _png(self.window.grab(), QBuffer, QIODevice)

    def _best_account(self) -> int:
        from relationapp.services.value.pyramid import compute_tiers

        tiers = compute_tiers(self.db, as_of=DEMO_DAY)
        return next(t.account_id for t in tiers.values() if t.rank == 1)  # the best customer

    def _dialog_shot(self) -> bytes:
        from PySide6.QtCore import QBuffer, QIODevice

        from relationapp.ui.touches.log_interaction import LogInteractionDialog

        self.window.show_page("today")
        dialog = LogInteractionDialog(self.ctx, self._best_account(), parent=self.window)
        dialog.show()
        self.settle()
        try:
            return _png(dialog.grab(), QBuffer, QIODevice)
        finally:
            dialog.reject()
            dialog.deleteLater()
            self.settle(1)


def _png(pixmap, QBuffer, QIODevice) -> bytes:  # noqa: N803 - Qt's classes, imported late
    from PySide6.QtCore import QByteArray

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pixmap.save(buffer, "PNG")
    return bytes(data)


def small_png(png: bytes) -> bytes:
    """A screenshot for the repository: 256 colours (a window has few), packed as tightly as PNG goes."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    packed = io.BytesIO()
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
        packed, "PNG", optimize=True)
    return packed.getvalue()


def plan(args) -> list[tuple[str, str, str, tuple[int, int]]]:
    from relationapp.ui.shell.pages import PAGES

    if args.docs:
        return list(DOCS_SHOTS)
    shots = args.pages or [*(entry.key for entry in PAGES), *EXTRA_SHOTS]
    return [(shot, language, scheme, size) for language in args.languages for scheme in args.schemes
            for size in args.sizes for shot in shots]


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.partition("x")
    return int(width), int(height)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, help="folder for the PNGs (not with --docs)")
    parser.add_argument("--docs", action="store_true", help=f"the README's and docs' shots, into {DOCS_DIR.relative_to(ROOT)}")
    parser.add_argument("--pages", type=lambda t: t.split(","), help="sidebar page keys, 'account', 'log-interaction'")
    parser.add_argument("--languages", type=lambda t: t.split(","), default=list(LANGUAGES))
    parser.add_argument("--schemes", type=lambda t: t.split(","), default=list(SCHEMES))
    parser.add_argument("--sizes", type=lambda t: [_size(s) for s in t.split(",")], default=list(SIZES))
    parser.add_argument("--scale", type=float, help="text and widget scaling (2 = 200 %%): one shot of each page asked")
    args = parser.parse_args(argv)
    if args.docs == (args.out is not None):
        parser.error("give an output folder or --docs")
    if args.scale and os.environ.get("QT_SCALE_FACTOR") != str(args.scale):
        # Qt reads the factor once, when it starts: run again with it set
        return subprocess.call([sys.executable, __file__, *(argv if argv is not None else sys.argv[1:])],
                               env={**os.environ, "QT_SCALE_FACTOR": str(args.scale)})
    out = DOCS_DIR if args.docs else args.out
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="relationapp-shots-") as tmp:
        _isolate(Path(tmp))
        sys.path.insert(0, str(ROOT))
        from freezegun import freeze_time

        # tick: the clock runs on from DEMO_DAY (timers and "x minutes ago" still move)
        with freeze_time(dt.datetime.combine(DEMO_DAY, dt.time(9, 0)), tick=True):
            return _shoot_all(Path(tmp), out, plan(args), args)


def _shoot_all(tmp: Path, out: Path, shots, args) -> int:
    started = time.monotonic()
    studio = Studio(tmp)
    suffix = f"-{args.scale:g}x" if args.scale else ""
    current = None
    try:
        for shot, language, scheme, size in shots:
            if current != (language, scheme):
                studio.open(language, scheme)
                current = (language, scheme)
            studio.resize(size)
            png = studio.shoot(shot)
            name = f"{shot}-{language}-{scheme}" + ("" if args.docs else f"-{size[0]}x{size[1]}") + suffix + ".png"
            (out / name).write_bytes(small_png(png) if args.docs else png)
            print(f"{out / name}", flush=True)
    finally:
        studio.close()
        studio.db.dispose()
    print(f"{len(shots)} screenshots in {time.monotonic() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
