"""docs/cli.md's reference part, written from the command line's own parser, so it never goes stale.

    python tools/cli_reference.py            # rewrite docs/cli.md below its marker line
    python tools/cli_reference.py --check    # exit 1 when docs/cli.md differs from the parser

Everything above the marker line in docs/cli.md is written by hand (the overview per
capability) and kept as it is; below it, every command and verb gets its heading and its
``--help`` in English, at a fixed width. tests/docs runs the check.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI_MD = ROOT / "docs" / "cli.md"
MARKER = "<!-- Generated below by tools/cli_reference.py from the parser; edit the code, not this part. -->"
WIDTH = "100"
# argparse words its help a little differently in each Python (3.10 "optional arguments:",
# 3.13 "-o, --output OUT"): the file says which one wrote it, and the test checks it with that one
PYTHON_LINE = "<!-- argparse of Python {version} -->"


def python_version() -> str:
    return f"{sys.version_info.major}.{sys.version_info.minor}"


def written_by(text: str) -> str | None:
    """The Python version that wrote docs/cli.md's reference."""
    found = re.search(re.escape(PYTHON_LINE).replace(r"\{version\}", r"([0-9.]+)"), text)
    return found.group(1) if found else None


def commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    """(words after "relationapp", the parser, its one-line help) for the parser and every subcommand, in order."""
    for action in parser._actions:  # argparse keeps the subcommands only here
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help for choice in action._choices_actions}
            for name, sub in action.choices.items():
                yield (*path, name), sub, helps.get(name) or ""
                yield from commands(sub, (*path, name))


def anchor(words: tuple[str, ...]) -> str:
    """The heading's anchor as Markdown viewers make it: lower case, spaces to hyphens."""
    return re.sub(r"[^a-z0-9 -]", "", " ".join(("relationapp", *words)).lower()).replace(" ", "-")


def reference() -> str:
    os.environ["COLUMNS"] = WIDTH  # argparse wraps to the terminal: the file must not depend on it
    os.environ["RELATIONAPP_LANGUAGE"] = "en"
    sys.path.insert(0, str(ROOT))
    from relationapp.commands.cli import build_parser

    parser = build_parser()
    found = list(commands(parser))
    lines = [PYTHON_LINE.format(version=python_version()), "", "## Every command", ""]
    lines += [f"- [`relationapp {' '.join(words)}`](#{anchor(words)}): {text}" for words, _sub, text in found
              if len(words) == 1]
    lines += ["", "### relationapp", "", "```text", parser.format_help().rstrip(), "```"]
    for words, sub, _text in found:
        lines += ["", f"{'#' * min(3 + len(words) - 1, 5)} relationapp {' '.join(words)}", "",
                  "```text", sub.format_help().rstrip(), "```"]
    return "\n".join(lines) + "\n"


def written(current: str) -> str:
    """docs/cli.md with its hand-written part kept and the reference below the marker made anew."""
    head, found, _old = current.partition(MARKER)
    if not found:
        raise SystemExit(f"{CLI_MD} has no marker line; put this line where the reference starts:\n{MARKER}")
    return head + MARKER + "\n" + reference()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when docs/cli.md is stale")
    args = parser.parse_args(argv)
    current = CLI_MD.read_text(encoding="utf-8")
    wanted = written(current)
    if args.check:
        if wanted != current:
            print(f"{CLI_MD.relative_to(ROOT)} is stale: run python tools/cli_reference.py", file=sys.stderr)
            return 1
        return 0
    CLI_MD.write_text(wanted, encoding="utf-8")
    print(f"wrote {CLI_MD.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
