"""What this computer remembers of the window's layout: the window's place, splitters, column widths.

One small INI file in the user's config folder (not the database: it belongs
to this screen, not to the firm), shared by ui.shell.window_place and
ui.common.tables.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QSplitter

from relationapp import config


def store() -> QSettings:
    return QSettings(str(config.config_dir() / "window.ini"), QSettings.Format.IniFormat)


def read(key: str):
    return store().value(key)


def write(key: str, value) -> None:
    settings = store()
    settings.setValue(key, value)
    settings.sync()


def remember_splitter(splitter: QSplitter, key: str) -> QSplitter:
    """``splitter`` opens as the user left it (``key`` names it, e.g. "value/main"); moving it is kept."""
    splitter.setObjectName(key)
    saved = read(f"splitters/{key}")
    if saved is not None:
        splitter.restoreState(saved)
    splitter.splitterMoved.connect(lambda _pos, _index: write(f"splitters/{key}", splitter.saveState()))
    return splitter
