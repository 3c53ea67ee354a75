"""Dates, money, numbers and report wording in the firm's language (Babel).

One ``Formatter`` per report, built from the settings: ``nl`` formats as in
the Netherlands, ``en`` as in the United Kingdom (day before month) unless
the paper is Letter, which suggests the United States.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

from relationapp.config import Settings
from relationapp.text.catalogue import current_language, for_language, translations

_CURRENCY = ["EUR"]


def use(settings: Settings) -> None:
    """The firm's currency for :func:`current` (the language comes from the catalogue)."""
    _CURRENCY[0] = settings.currency or "EUR"


def current() -> "Formatter":
    """The formatter of this process: the catalogue's current language, the firm's currency."""
    return _formatter(current_language(), _CURRENCY[0], "A4")


@lru_cache(maxsize=8)
def _formatter(language: str, currency: str, page_size: str) -> "Formatter":
    return Formatter.for_language(language, currency=currency, page_size=page_size)


@dataclass(frozen=True)
class Formatter:
    language: str  # "nl" or "en"
    currency: str
    locale: str

    @classmethod
    def for_settings(cls, settings: Settings) -> "Formatter":
        return cls.for_language(settings.language, currency=settings.currency, page_size=settings.page_size)

    @classmethod
    def for_language(cls, language: str, *, currency: str = "EUR", page_size: str = "A4") -> "Formatter":
        language = language if language in ("nl", "en") else "en"
        if language == "nl":
            locale = "nl_NL"
        else:
            locale = "en_US" if page_size == "Letter" else "en_GB"
        return cls(language=language, currency=currency, locale=locale)

    def t(self, text: str, **values) -> str:
        """Report wording in the chosen language; values are filled in afterwards."""
        wording = for_language(self.language)(text)
        return wording.format(**values) if values else wording

    def n(self, singular: str, plural: str, how_many: int, **values) -> str:
        """Counted report wording: "1 touch" / "3 touches" in the chosen language."""
        return translations(self.language).ngettext(singular, plural, how_many).format(**values)

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

    def age(self, years: int | None) -> str:
        """An age or a count of years: "14 jaar" / "14 years"."""
        if years is None:
            return "–"
        return self.t("{years} years", years=self.number(years))

    def weekday_date(self, day: dt.date | None) -> str:
        """A day in a short list of days: "ma 14 dec" / "Mon 14 Dec"."""
        return format_date(day, "EEE d MMM", locale=self.locale) if day else "–"

    def long_date(self, day: dt.date | None) -> str:
        """A heading: "maandag 14 december 2026" / "Monday 14 December 2026"."""
        return format_date(day, "EEEE d MMMM y", locale=self.locale) if day else "–"

    def day_month(self, day: dt.date | None) -> str:
        """A day without its year, months in words: "12 mei" / "12 May"."""
        return format_date(day, "d MMMM", locale=self.locale) if day else "–"

    def percent(self, fraction: float | Decimal | None, *, digits: int = 0) -> str:
        if fraction is None:
            return "–"
        pattern = "#,##0" + ("." + "0" * digits if digits else "") + "%"
        return format_percent(fraction, format=pattern, locale=self.locale)

    def share(self, percent: float | Decimal | None) -> str:
        """A share given in percent points (28.5 -> "28,5%" / "28.5%"): the one precision rule, one decimal."""
        if percent is None:
            return "–"
        return self.percent(Decimal(str(percent)) / 100, digits=1)

    def hours(self, minutes: int | None) -> str:
        """Time spent: "45 min" under an hour, else hours with one decimal ("2,5 uur" / "2.5 h")."""
        if minutes is None:
            return "–"
        if minutes < 60:
            return self.t("{minutes} min", minutes=minutes)
        return self.t("{hours} h", hours=format_decimal(minutes / 60, format="#,##0.0", locale=self.locale))

    def quarter(self, quarter) -> str:
        """A calendar quarter in words: "3e kwartaal 2026" / "Q3 2026" (the CLDR forms, as Babel has them).

        ``quarter`` is anything with ``.year`` and ``.number`` (1-4), such as
        ``services.value.quarters.Quarter``, or a date in the quarter. The
        machine form "2026Q3" stays for command-line arguments and JSON.
        """
        if quarter is None:
            return "–"
        day = quarter if isinstance(quarter, dt.date) else self._first_day_of_quarter(quarter)
        return format_date(day, "QQQQ y" if self.language == "nl" else "QQQ y", locale=self.locale)

    @staticmethod
    def _first_day_of_quarter(quarter) -> dt.date:
        number = int(quarter.number)
        if not 1 <= number <= 4:
            raise ValueError(f"a quarter is numbered 1 to 4, not {number}")
        return dt.date(int(quarter.year), 3 * number - 2, 1)
