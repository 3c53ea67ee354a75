"""Keys that say "this is the same person or account": e-mail, phone, name + city.

Used by the importers (a second import creates nothing new) and by the
duplicate finder. Phones compare on their last nine digits, so
``+31 6 1234 5678`` and ``06-12345678`` are one number.
"""

from __future__ import annotations

import functools
import re
import unicodedata


def email_key(email: str | None) -> str | None:
    text = (email or "").strip().lower()
    return text or None


_NOT_DIGIT = re.compile(r"\D")
_ASCII_NOT_DIGIT = str.maketrans("", "", "".join(chr(c) for c in range(128) if not chr(c).isdigit()))


def phone_key(phone: str | None) -> str | None:
    text = phone or ""
    digits = text.translate(_ASCII_NOT_DIGIT) if text.isascii() else _NOT_DIGIT.sub("", text)
    if len(digits) < 6:
        return None
    return digits[-9:]


# every ASCII character but a-z and 0-9 separates words (the text is ASCII and lower case by then)
_SEPARATORS = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isdigit() and not "a" <= chr(c) <= "z"})


def name_key(name: str | None) -> str:
    """Case, accents, punctuation and word order do not matter: 'Jansen, Jan' = 'jan jansen'."""
    text = name or ""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    # words of a-z0-9 (an import derives this for every account: translate and split, not a regex)
    return " ".join(sorted(text.lower().translate(_SEPARATORS).split()))


@functools.lru_cache(maxsize=4096)  # a few hundred places for thousands of rows
def city_key(city: str | None) -> str:
    return name_key(city)
