"""The NPS score box of the log-interaction dialog (Ctrl+L): a score belongs to one person."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import QComboBox

from relationapp.errors import ValidationError
from relationapp.services.relationships import nps as nps_service
from relationapp.ui.common.i18n import tr

NO_SCORE = QT_TR_NOOP("no score")
# nps.category() -> label (shown through tr)
CATEGORY_LABELS = {"promoter": QT_TR_NOOP("promoter"), "passive": QT_TR_NOOP("passive"), "detractor": QT_TR_NOOP("detractor")}


def category_label(category: str) -> str:
    return tr(CATEGORY_LABELS.get(category, category))


class NpsScoreBox(QComboBox):
    """"no score" or 0-10: what the person said when asked how likely they would recommend us."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.addItem(tr(NO_SCORE), None)
        for score in range(10, -1, -1):
            self.addItem(f"{score} ({category_label(nps_service.category(score))})", score)
        self.setToolTip(tr("How likely are they to recommend us (0-10)? Promoters 9-10, detractors 0-6."))

    def score(self) -> int | None:
        return self.currentData()


def check_nps_person(box: NpsScoreBox, person_ids: list[int], day) -> int | None:
    """The one person a score belongs to, checked before the interaction is saved."""
    if box.score() is None:
        return None
    if len(person_ids) != 1:
        raise ValidationError(tr("An NPS score belongs to one person: tick exactly one under 'With'."), field="nps_score")
    if day > dt.date.today():
        raise ValidationError(tr("A score cannot be dated in the future."), field="nps_score")
    return person_ids[0]


def save_nps(ctx, box: NpsScoreBox, person_id: int | None, *, day, comment: str | None) -> None:
    if person_id is None:
        return
    recorded = ctx.ops.call(nps_service.record_score, ctx.db, person_id=person_id, score=box.score(), responded_on=day, comment=comment)
    if recorded.follow_ups:
        ctx.say(tr("Score recorded; follow-up added: {titles}.").format(titles="; ".join(recorded.follow_ups)))
