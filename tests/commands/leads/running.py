"""Run the command line in-process and read what it printed."""

from relationapp.__main__ import main


def run_cli(capsys, *args) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err
