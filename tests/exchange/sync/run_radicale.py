"""Radicale in its own process, with the test configuration and the no-fsync switch.

    python tests/exchange/sync/run_radicale.py CONFIG

``_filesystem_fsync`` is one of Radicale's internal options, refused in a
configuration file; its own test suite sets it in the process. We do the
same here, then serve as ``python -m radicale`` would. Without the fsync after
every item a first sync of 5,000 cards is not bound by the disk.
"""

import sys

from radicale import config, log, server


def main() -> None:
    log.setup()
    configuration = config.load([(sys.argv[1], False)])
    configuration.update({"storage": {"_filesystem_fsync": "False"}}, "relationapp tests", privileged=True)
    log.set_level(configuration.get("logging", "level"), configuration.get("logging", "backtrace_on_debug"))
    server.serve(configuration)


if __name__ == "__main__":
    main()
