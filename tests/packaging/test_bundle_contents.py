"""The bundle carries every file the app reads from disk and every module it imports by name."""

from pathlib import Path

import pytest

from tests.packaging.conftest import ROOT

tomllib = pytest.importorskip("tomllib")  # Python 3.11+

PACKAGE = ROOT / "relationapp"


def _package_data() -> list[str]:
    with open(ROOT / "pyproject.toml", "rb") as file:
        return tomllib.load(file)["tool"]["setuptools"]["package-data"]["relationapp"]


def test_every_file_pip_installs_as_package_data_is_in_the_bundle_where_the_app_looks(bundle_contents):
    collected = {(Path(source), Path(folder)) for source, folder in bundle_contents.data_files()}
    wanted = {path for pattern in _package_data() for path in PACKAGE.glob(pattern)
              if path.is_file() and "__pycache__" not in path.parts}
    assert wanted, "pyproject.toml names no package data"
    missing = wanted - {source for source, _folder in collected}
    assert not missing
    for source, folder in collected:  # each file at its place under relationapp/, as the code opens it
        assert folder == Path("relationapp") / source.parent.relative_to(PACKAGE)


def test_the_database_can_be_made_and_migrated_from_the_bundle(bundle_contents):
    sources = {Path(source).relative_to(PACKAGE).as_posix() for source, _folder in bundle_contents.data_files()}
    assert "data/migrations/env.py" in sources  # Alembic runs it from its path
    revisions = {p.relative_to(PACKAGE).as_posix() for p in (PACKAGE / "data/migrations/versions").glob("0*.py")}
    assert revisions and revisions <= sources
    for needed in ("text/glossary.csv", "text/locale/nl/LC_MESSAGES/relationapp.mo",
                   "resources/fonts/DejaVuSans.ttf", "resources/icons/app/relationapp-256.png"):
        assert needed in sources


def test_every_module_imported_by_name_is_a_hidden_import(bundle_contents):
    from relationapp.commands.cli import COMMAND_MODULES
    from relationapp.ui.shell import pages

    hidden = set(bundle_contents.hidden_imports())
    targets = [e.target for e in (*pages.PAGES, *pages.ACCOUNT_TABS, *pages.ACCOUNT_ACTIONS, *pages.MENU_ACTIONS)]
    named = {*COMMAND_MODULES, *(target.partition(":")[0] for target in targets)}
    assert named - hidden == set()
    assert "relationapp.__main__" in hidden
    assert not any(name.startswith("relationapp.data.migrations.versions") for name in hidden)  # data, not code


def test_libraries_keep_only_the_languages_the_app_speaks(bundle_contents):
    from relationapp.text.catalogue import LANGUAGES

    assert set(bundle_contents.LANGUAGES) == set(LANGUAGES)
    kept = ["babel/locale-data/nl.dat", "babel/locale-data/nl_BE.dat", "babel/locale-data/en_GB.dat",
            "babel/locale-data/en_001.dat", "babel/locale-data/root.dat", "babel/global.dat",
            "PySide6/Qt/translations/qtbase_nl.qm", "PySide6/Qt/translations/qt_en.qm",
            "relationapp/text/locale/nl/LC_MESSAGES/relationapp.mo"]
    dropped = ["babel/locale-data/de.dat", "babel/locale-data/nds.dat", "babel/locale-data/nl_Latn_XX.dat.bak",
               "PySide6/Qt/translations/qtbase_de.qm", "PySide6/Qt/translations/qt_help_zh_CN.qm"]
    assert [p for p in kept if not bundle_contents.keep(p)] == []
    assert [p for p in dropped if bundle_contents.keep(p)] == []


def test_pyinstaller_is_in_the_bundle_extra_not_in_what_users_or_tests_install():
    with open(ROOT / "pyproject.toml", "rb") as file:
        project = tomllib.load(file)["project"]
    def names(requirements):
        return {r.split(">")[0].split("=")[0].split("[")[0].strip().lower() for r in requirements}
    assert "pyinstaller" in names(project["optional-dependencies"]["bundle"])
    assert "pyinstaller" not in names(project["dependencies"]) | names(project["optional-dependencies"]["test"])
