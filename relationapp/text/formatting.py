"""Dates, money, numbers and report wording in the firm's language (Babel).

One ``Formatter`` per report, built from the settings: ``nl`` formats as in
the Netherlands, ``en`` as in the United Kingdom (day before month) unless
the paper is Letter, which suggests the United States.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

from relationapp.config import Settings
from relationapp.text.wording import translate


@dataclass(frozen=True)
class Formatter:
    language: str  # "nl" or "en"
    currency: str
    locale: str

    @classmethod
    def for_settings(cls, settings: Settings) -> "Formatter":
        language = settings.language if settings.language in ("nl", "en") else "en"
        if language == "nl":
            locale = "nl_NL"
        else:
            locale = "en_US" if settings.page_size == "Letter" else "en_GB"
        return cls(language=language, currency=settings.currency, locale=locale)

    def t(self, text: str, **values) -> str:
        """Report wording in the chosen language; values are filled in afterwards."""
        wording = translate(self.language, text)
        return wording.format(**values) if values else wording

    def money(self, amount: Decimal | int | None, *, whole: bool = False) -> str:
        if amount is None:
            return "–"
        if whole:  # charts and summaries: no cents
            pattern = Locale.parse(self.locale).currency_formats["standard"].pattern.replace(".00", "")
            return format_currency(Decimal(amount), self.currency, format=pattern, locale=self.locale,
                                   currency_digits=False)
        return format_currency(Decimal(amount), self.currency, locale=self.locale)

    def date(self, day: dt.date | None) -> str:
        return format_date(day, "medium", locale=self.locale) if day else "–"

    def short_date(self, day: dt.date | None) -> str:
        return format_date(day, "d MMM", locale=self.locale) if day else "–"

    def number(self, value, *, digits: int = 0) -> str:
        if value is None:
            return "–"
        pattern = "#,##0" + ("." + "0" * digits if digits else "")
        return format_decimal(value, format=pattern, locale=self.locale)

    def percent(self, fraction: float | Decimal | None, *, digits: int = 0) -> str:
        if fraction is None:
            return "–"
        pattern = "#,##0" + ("." + "0" * digits if digits else "") + "%"
        return format_percent(fraction, format=pattern, locale=self.locale)

    def hours(self, minutes: int | None) -> str:
        """Time spent: "45 min" under an hour, else hours with one decimal ("2,5 u" / "2.5 h")."""
        if minutes is None:
            return "–"
        if minutes < 60:
            return f"{minutes} min"
        unit = "u" if self.language == "nl" else "h"
        return f"{format_decimal(minutes / 60, format='#,##0.0', locale=self.locale)} {unit}"
