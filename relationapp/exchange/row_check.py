"""Checking one imported row or card: every problem is collected, each named by its place."""

from __future__ import annotations

import functools

from relationapp.errors import ValidationError
from relationapp.services.common.validation import one_line
from relationapp.text.catalogue import _


class RowChecker:
    """Collects every problem of one row instead of stopping at the first; each on one line."""

    def __init__(self, where: str):
        self.where = one_line(where)  # "people.csv row 7", "contacts.vcf card 3"
        self.problems: list[str] = []

    def take(self, fn, *args, **kwargs):
        """The result of a check, or None with its message kept as a problem."""
        try:
            return fn(*args, **kwargs)
        except ValidationError as exc:
            self.problems.append(one_line(_("{where}: {problem}").format(where=self.where, problem=exc.message)))
            return None


def one_line_refusals(fn):
    """Whatever ``fn`` refuses is said on one line (a file name or a header may hold a line break)."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except ValidationError as exc:
            exc.message = one_line(exc.message)
            exc.args = (exc.message,)
            raise

    return wrapper
