"""The bundle's entry point: what ``relationapp`` runs, as a script PyInstaller can start from."""

import multiprocessing
import sys

from relationapp.__main__ import main

if __name__ == "__main__":
    # the PDF batch (report reviews) starts worker processes with "spawn": in a bundle each
    # worker is this executable again, which must run the worker instead of main()
    multiprocessing.freeze_support()
    sys.exit(main())
