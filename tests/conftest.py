"""Shared fixtures: no test touches the real user folders; every test gets its own database."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Point platformdirs (and the DB env var) at a temporary folder."""
    home = tmp_path_factory.mktemp("home")
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("RELATIONAPP_DB_URL", raising=False)
    return home


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "relationapp.db"


@pytest.fixture
def db(db_path):
    """An empty, migrated database in a temporary file."""
    from relationapp.startup import open_database

    database = open_database(str(db_path))
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """The demo firm built once per test session; copy it with ``demo_db``."""
    import datetime as dt

    from relationapp.services.demo import build_demo
    from relationapp.startup import open_database

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    database = open_database(str(path))
    build_demo(database, today=dt.date(2026, 11, 22))
    database.dispose()
    return path


@pytest.fixture
def demo_db(demo_template, tmp_path):
    """A fresh copy of the demo database (built for 2026-11-22)."""
    import shutil

    from relationapp.startup import open_database

    path = tmp_path / "demo.db"
    shutil.copy(demo_template, path)
    database = open_database(str(path))
    yield database
    database.dispose()
