"""Keys that say "this is the same person or account": e-mail, phone, name + city.

Used by the importers (a second import creates nothing new) and by the
duplicate finder. Phones compare on their last nine digits, so
``+31 6 1234 5678`` and ``06-12345678`` are one number.
"""

from __future__ import annotations

import re
import unicodedata


def email_key(email: str | None) -> str | None:
    text = (email or "").strip().lower()
    return text or None


def phone_key(phone: str | None) -> str | None:
    digits = re.sub(r"\D", "", phone or "")
    if len(digits) < 6:
        return None
    return digits[-9:]


def name_key(name: str | None) -> str:
    """Case, accents, punctuation and word order do not matter: 'Jansen, Jan' = 'jan jansen'."""
    text = name or ""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = text.casefold()
    words = re.findall(r"[a-z0-9]+", text)
    return " ".join(sorted(words))


def city_key(city: str | None) -> str:
    return name_key(city)
