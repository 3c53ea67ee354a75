"""What the PyInstaller bundle must carry besides the code it finds by itself; no PyInstaller needed.

relationapp.spec reads this; tests/packaging checks it against pyproject.toml's package-data
and the modules that are imported by name at run time, so a bundle never misses a file.

- DATA: the package's files that are read from disk, as globs inside ``relationapp/``: the
  package-data of pyproject.toml, plus Alembic's env.py, which Alembic runs from its path.
- keep(): which of the libraries' data the bundle keeps: Babel's and Qt's translations only for
  the languages the app speaks (1,100 Babel locales are 33 MB).
- hidden_imports(): every module of the package. The commands (cli.COMMAND_MODULES), the pages,
  tabs and menu actions (ui.shell.pages: "module:Class") and the mail and sync engines are
  imported from strings or inside functions, which PyInstaller's analysis cannot follow.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "relationapp"

DATA = (
    "data/migrations/*.mako",
    "data/migrations/env.py",
    "data/migrations/versions/*.py",
    "resources/**/*",
    "text/locale/**/*",
    "text/glossary.csv",
)
# read as data, never imported as modules of the bundle
NOT_MODULES = ("relationapp.data.migrations.env", "relationapp.data.migrations.versions")


def data_files(package: Path = PACKAGE) -> list[tuple[str, str]]:
    """(file, folder inside the bundle) for each data file, as PyInstaller's ``datas`` takes them."""
    found: dict[Path, None] = {}
    for pattern in DATA:
        for path in sorted(package.glob(pattern)):
            if path.is_file() and "__pycache__" not in path.parts:
                found[path] = None
    return [(str(path), str(Path("relationapp") / path.parent.relative_to(package))) for path in found]


def hidden_imports(package: Path = PACKAGE) -> list[str]:
    """Every module of the relationapp package, by its dotted name."""
    names = []
    for path in sorted(package.rglob("*.py")):
        parts = ("relationapp", *path.relative_to(package).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        name = ".".join(parts)
        if not any(name == skip or name.startswith(skip + ".") for skip in NOT_MODULES):
            names.append(name)
    return names


LANGUAGES = ("en", "nl")  # text.catalogue.LANGUAGES
_LANGUAGE = "|".join(LANGUAGES)
# a locale of another language: babel/locale-data/de_AT.dat, PySide6/Qt/translations/qtbase_de.qm
_OTHER_LOCALE = {
    "babel/locale-data": re.compile(rf"^(?!(?:{_LANGUAGE}|root)(?:_\w+)?\.dat$)"),
    "PySide6/Qt/translations": re.compile(rf"^(?!\w+?_(?:{_LANGUAGE})(?:_\w+)?\.qm$)"),
}


def keep(bundle_path: str) -> bool:
    """Whether a library's data file (its path inside the bundle) goes in."""
    path = PurePosixPath(bundle_path.replace("\\", "/"))
    other = _OTHER_LOCALE.get(str(path.parent))
    return other is None or other.match(path.name) is None
