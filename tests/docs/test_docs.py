"""The README and docs/: the two set-up commands, links that resolve inside the repository, the CLI
reference as the parser has it, and the system libraries the window checks for."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
DOCS = [README, *sorted((ROOT / "docs").glob("*.md"))]
DEMO_COMMAND = "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/relationapp --db demo.db demo --open"
TEST_COMMAND = ("python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && "
                "QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q -n auto")
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_the_readme_opens_with_the_two_set_up_commands():
    text = _text(README)
    first_section = text[:text.index("\n## ", text.index("\n## ") + 1)]
    assert DEMO_COMMAND in first_section and TEST_COMMAND in first_section
    assert first_section.index(DEMO_COMMAND) < first_section.index(TEST_COMMAND)


def _anchors(text: str) -> set[str]:
    """The anchors Markdown viewers give the headings: lower case, punctuation dropped, spaces to hyphens."""
    headings = re.findall(r"^#+ (.+)$", re.sub(r"```.*?```", "", text, flags=re.S), flags=re.M)
    return {re.sub(r"[^\w -]", "", heading.strip().lower()).replace(" ", "-") for heading in headings}


@pytest.mark.parametrize("page", DOCS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_link_goes_to_a_file_in_the_repository(page):
    text = re.sub(r"```.*?```", "", _text(page), flags=re.S)  # links in code blocks are examples
    links = LINK.findall(text)
    assert links or page.name == "cli.md"
    for link in links:
        assert not re.match(r"^[a-z][a-z0-9+.-]*:", link), f"{link}: a link outside the repository"
        target, _, anchor = link.partition("#")
        path = (page.parent / target).resolve() if target else page
        assert path.is_relative_to(ROOT) and path.exists(), f"{page.name}: {link} does not exist"
        if anchor and path.suffix == ".md":
            assert anchor in _anchors(_text(path)), f"{page.name}: {link}: no such heading"


def test_the_readme_shows_a_screenshot_the_script_makes():
    images = [link for link in LINK.findall(_text(README)) if link.endswith(".png")]
    assert images and all(link.startswith("docs/screenshots/") for link in images)


def test_the_cli_reference_is_what_the_parser_says():
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import cli_reference
    finally:
        sys.path.remove(str(ROOT / "tools"))
    written_by = cli_reference.written_by(_text(ROOT / "docs" / "cli.md"))
    if written_by != cli_reference.python_version():
        pytest.skip(f"docs/cli.md was written with Python {written_by}'s argparse, which words help differently")
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "cli_reference.py"), "--check"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


# dependencies of the packages the README names (libgl1 brings libx11-6 and libxcb-sync1, libfontconfig1
# brings libfreetype6, libxcb-cursor0 brings libxcb-render0 ...), and libopengl0, which only a Qt error names
BROUGHT_ALONG = {"libx11-6", "libxcb1", "libxcb-render0", "libxcb-shm0", "libxcb-sync1", "libxcb-xfixes0",
                 "libfreetype6", "libopengl0"}


def test_the_readme_names_the_packages_the_window_checks_for():
    from relationapp.ui.shell.system_libraries import PACKAGES

    command = re.search(r"sudo apt install ([a-z0-9.+\- ]+)", _text(README))
    assert command, "the README gives no apt command for the window's libraries"
    named = set(command.group(1).split())
    assert named - set(PACKAGES.values()) == set(), "the README names a package the window does not check"
    assert set(PACKAGES.values()) - BROUGHT_ALONG - named == set()


def test_every_screenshot_the_docs_show_is_made_by_the_screenshots_script():
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import screenshots
    finally:
        sys.path.remove(str(ROOT / "tools"))
    made = {f"{shot}-{language}-{scheme}.png" for shot, language, scheme, _size in screenshots.DOCS_SHOTS}
    shown = {Path(link).name for page in DOCS for link in LINK.findall(_text(page)) if link.endswith(".png")}
    assert shown <= made  # python tools/screenshots.py --docs makes them again
    assert made <= {path.name for path in screenshots.DOCS_DIR.glob("*.png")}
    assert made <= shown, "a screenshot is made that no page shows"


def test_the_screenshots_script_shoots_a_page_at_the_size_asked(tmp_path):
    import struct

    done = subprocess.run([sys.executable, str(ROOT / "tools" / "screenshots.py"), str(tmp_path), "--pages", "today",
                           "--languages", "en", "--schemes", "dark", "--sizes", "1024x700"],
                          capture_output=True, text=True, check=False, timeout=600,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr[-2000:]
    shot = (tmp_path / "today-en-dark-1024x700.png").read_bytes()
    assert shot[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", shot[16:24]) == (1024, 700)


def test_the_user_guide_names_every_shortcut_the_window_declares():
    declared = set()
    for source in (ROOT / "relationapp" / "ui").rglob("*.py"):
        declared |= set(re.findall(r'"((?:Ctrl|Alt|Shift|Meta)\+[^" ]+)"', source.read_text(encoding="utf-8")))
    assert {"Ctrl+L", "Ctrl+K", "Ctrl+Shift+L"} <= declared
    guide = _text(ROOT / "docs" / "user-guide.md")
    assert {keys for keys in declared if keys not in guide} == set()
