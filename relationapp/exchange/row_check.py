"""Checking one imported row or card: every problem is collected, each named by its place."""

from __future__ import annotations

from relationapp.errors import ValidationError


class RowChecker:
    """Collects every problem of one row instead of stopping at the first."""

    def __init__(self, where: str):
        self.where = where  # "people.csv row 7", "contacts.vcf card 3"
        self.problems: list[str] = []

    def take(self, fn, *args, **kwargs):
        """The result of a check, or None with its message kept as a problem."""
        try:
            return fn(*args, **kwargs)
        except ValidationError as exc:
            self.problems.append(f"{self.where}: {exc.message}")
            return None
