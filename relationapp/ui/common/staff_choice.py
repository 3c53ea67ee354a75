"""A choice of account manager: "everyone" first, then each active staff member, opening on oneself.

    box = StaffChoice(tr("All account managers"), parent)
    box.fill(list_staff(db), me=current_staff(db))   # again after staff or "I am" change: keeps the choice

The first fill selects the current staff member ("I am" in the settings) when one is set, so lists
and plans open on one's own customers with everyone's one click away; so does a fill after "I am"
changed (whoever set it wants to see their own).
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from relationapp.ui.common.i18n import tr


class StaffChoice(QComboBox):
    def __init__(self, everyone: str, parent=None):
        super().__init__(parent)
        self.everyone = everyone
        self._me_id: int | None = None
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setAccessibleName(tr("Account manager"))

    def fill(self, staff, *, me=None) -> None:
        """``staff``: rows with ``id`` and ``name``; ``me``: the current staff member or None."""
        me_id = me.id if me is not None else None
        new_me = self.count() == 0 or me_id != self._me_id
        self._me_id = me_id
        chosen = me_id if new_me and me_id is not None else self.currentData()
        self.blockSignals(True)
        self.clear()
        self.addItem(self.everyone, None)
        for member in staff:
            self.addItem(tr("{name} (me)").format(name=member.name) if me is not None and member.id == me.id
                         else member.name, member.id)
        self.setCurrentIndex(max(self.findData(chosen), 0))
        self.blockSignals(False)
