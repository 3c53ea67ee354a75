"""The Linux menu entry, the icon files, and install.sh putting the bundle under ~/.local."""

import configparser
import os
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from relationapp.ui.shell.app import APP_ICON_SIZES
from tests.packaging.conftest import PACKAGING, ROOT

DESKTOP = PACKAGING / "linux" / "relationapp.desktop"
INSTALL = PACKAGING / "linux" / "install.sh"
APP_ICONS = ROOT / "relationapp" / "resources" / "icons" / "app"


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_desktop_file_is_a_valid_application_entry():
    validator = shutil.which("desktop-file-validate")
    if validator is not None:
        done = subprocess.run([validator, str(DESKTOP)], capture_output=True, text=True)
        assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr
    entry = _entry(DESKTOP)
    assert entry["Type"] == "Application" and entry["Terminal"] == "false"
    assert entry["Exec"].split()[0] == "relationapp" and entry["Icon"] == "relationapp"
    assert "Office" in entry["Categories"].split(";")
    assert entry["StartupWMClass"] == "relationapp"  # the window's class: QApplication.applicationName()


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


def test_the_icon_exists_as_svg_every_png_size_ico_and_icns():
    assert (APP_ICONS / "relationapp.svg").read_text(encoding="utf-8").lstrip().startswith("<svg")
    for size in APP_ICON_SIZES:
        assert _png_size(APP_ICONS / f"relationapp-{size}.png") == (size, size)
    ico = (PACKAGING / "icons" / "relationapp.ico").read_bytes()
    assert ico[:4] == b"\x00\x00\x01\x00"
    count = struct.unpack("<H", ico[4:6])[0]
    widths = {ico[6 + 16 * i] or 256 for i in range(count)}  # 0 means 256 in an .ico directory
    assert {16, 32, 48, 256} <= widths
    assert (PACKAGING / "icons" / "relationapp.icns").read_bytes()[:4] == b"icns"


@pytest.fixture
def fake_bundle(tmp_path):
    """A folder shaped like dist/relationapp/: the program and the icons PyInstaller puts in _internal."""
    bundle = tmp_path / "dist" / "relationapp"
    icons = bundle / "_internal" / "relationapp" / "resources" / "icons" / "app"
    shutil.copytree(APP_ICONS, icons)
    program = bundle / "relationapp"
    program.write_text("#!/bin/sh\necho relationapp 0.0\n")
    program.chmod(0o755)
    return bundle


@pytest.mark.skipif(shutil.which("sh") is None, reason="install.sh is a POSIX shell script")
def test_install_puts_the_program_menu_entry_and_icon_under_the_prefix_and_uninstall_removes_them(fake_bundle, tmp_path):
    prefix = tmp_path / "home" / ".local"
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path / "home"), "PREFIX": str(prefix)}
    done = subprocess.run(["sh", str(INSTALL), str(fake_bundle)], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    installed = prefix / "lib" / "relationapp" / "relationapp"
    assert subprocess.run([str(prefix / "bin" / "relationapp")], capture_output=True, text=True).stdout.startswith(
        "relationapp")
    entry = _entry(prefix / "share" / "applications" / "relationapp.desktop")
    assert entry["Exec"] == str(installed)  # the menu needs no PATH
    assert _png_size(prefix / "share/icons/hicolor/256x256/apps/relationapp.png") == (256, 256)
    assert (prefix / "share/icons/hicolor/scalable/apps/relationapp.svg").exists()

    done = subprocess.run(["sh", str(INSTALL), "--uninstall"], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert not installed.exists() and not (prefix / "bin" / "relationapp").exists()
    assert not (prefix / "share" / "applications" / "relationapp.desktop").exists()
    assert not (prefix / "share/icons/hicolor/256x256/apps/relationapp.png").exists()


def test_install_without_a_built_bundle_says_how_to_build_it(tmp_path):
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "PREFIX": str(tmp_path / ".local")}
    done = subprocess.run(["sh", str(INSTALL), str(tmp_path / "nothing")], capture_output=True, text=True, env=env)
    assert done.returncode == 2 and "build_bundle.py" in done.stderr
    assert not (tmp_path / ".local" / "lib").exists()
