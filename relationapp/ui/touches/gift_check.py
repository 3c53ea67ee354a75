"""Never the same gift twice: the log form warns once, and a second Save gives it anyway."""

from __future__ import annotations

from relationapp.errors import ValidationError
from relationapp.services.touches import gifts
from relationapp.ui.common.i18n import tr


class GiftRepeatGuard:
    def __init__(self):
        self._acknowledged: tuple | None = None

    def check(self, db, *, item: str | None, person_ids, account_id: int | None) -> None:
        """Raise the warning (shown in the form) the first time this gift repeats an earlier one."""
        earlier = gifts.earlier_gifts(db, item=item, person_ids=list(person_ids), account_id=account_id)
        warning = gifts.repeat_warning(earlier)
        if warning is None:
            return
        key = (" ".join((item or "").split()).casefold(), tuple(sorted(person_ids)), account_id)
        if self._acknowledged == key:
            return
        self._acknowledged = key
        raise ValidationError(tr("{warning} Save again to give it anyway.").format(warning=warning), field="gift_item")
