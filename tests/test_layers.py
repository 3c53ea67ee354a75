"""Nothing outside relationapp/ui may import Qt: reports, CLI and services run headless."""

import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "relationapp"


def test_core_modules_load_no_qt():
    modules = ["relationapp.data", "relationapp.data.models", "relationapp.data.db", "relationapp.services",
               "relationapp.io", "relationapp.reports", "relationapp.cli", "relationapp.startup"]
    modules += sorted(
        "relationapp." + ".".join(p.relative_to(PACKAGE).with_suffix("").parts)
        for folder in ("services", "io", "reports", "commands", "data")
        for p in (PACKAGE / folder).rglob("*.py")
        if "migrations" not in p.parts and p.name != "__init__.py"
    )
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "from relationapp.cli import build_parser; build_parser()\n"
        "loaded = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "print(','.join(loaded))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"Qt loaded outside ui/: {out.stdout}"


def test_no_source_outside_ui_mentions_pyside():
    offenders = [
        str(p) for p in PACKAGE.rglob("*.py")
        if "ui" not in p.relative_to(PACKAGE).parts[:1] and "PySide6" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_ui_never_writes_sql():
    """The UI calls services; it does not build queries or open sessions."""
    forbidden = ("import sqlalchemy", "from sqlalchemy", "from sqlmodel", "import sqlmodel", "import sqlite3", ".write()", ".read()", "relationapp.data.models")
    offenders = []
    for p in (PACKAGE / "ui").rglob("*.py"):
        text = p.read_text(encoding="utf-8")
        offenders += [f"{p.name}: {f}" for f in forbidden if f in text]
    assert offenders == []
