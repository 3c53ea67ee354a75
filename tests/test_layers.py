"""The house rules: the layer contract, no import circles, and Qt only in relationapp/ui."""

import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "relationapp"


def test_core_modules_load_no_qt():
    modules = ["relationapp.data", "relationapp.data.models", "relationapp.data.db", "relationapp.services",
               "relationapp.exchange", "relationapp.reports", "relationapp.commands.cli",
               "relationapp.services.data_care.opening"]
    modules += sorted(
        "relationapp." + ".".join(p.relative_to(PACKAGE).with_suffix("").parts)
        for folder in ("services", "exchange", "files", "text", "reports", "commands", "data")
        for p in (PACKAGE / folder).rglob("*.py")
        if "migrations" not in p.parts and p.name != "__init__.py"
    )
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "from relationapp.commands.cli import build_parser; build_parser()\n"
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


def test_the_layer_contract_in_pyproject_is_kept():
    """ui and commands above reports above exchange above services above text, files and data."""
    pytest.importorskip("importlinter")
    lint_imports = Path(sys.executable).with_name("lint-imports")
    out = subprocess.run([str(lint_imports), "--config", str(PACKAGE.parent / "pyproject.toml"), "--no-cache"],
                         capture_output=True, text=True, cwd=PACKAGE.parent)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-1000:]


def _circles(graph) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.find_modules_directly_imported_by(node):
            if not nxt.startswith("relationapp"):
                continue
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 5000))
    for module in sorted(graph.modules):
        if module.startswith("relationapp") and module not in index:
            visit(module)
    return found


def test_no_import_circles_between_modules():
    grimp = pytest.importorskip("grimp")
    graph = grimp.build_graph("relationapp")
    assert _circles(graph) == []
