"""The customer pyramid and the whale curve, drawn with QPainter (no chart library).

``PyramidWidget``: Top, Big, Medium and Small as bands of a pyramid, and
Prospect, Suspect and Inactive as bars under it; each row says how many
accounts and what share of revenue. Clicking a row (or Up/Down) selects the
tier and emits ``tier_clicked``.

``WhaleCurveWidget``: cumulative profit over customers ranked by profit,
with the total (100 %) as a reference line and the peak marked.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from relationapp.text import formatting
from relationapp.ui.common.chart import Chart, Marker, Reference, Series
from relationapp.ui.common.i18n import tr

CUSTOMER_TIERS = ("top", "big", "medium", "small")
BASE_TIERS = ("prospect", "suspect", "inactive")
COLOURS = {
    "top": "#1f4e79", "big": "#2e75b6", "medium": "#6fa8dc", "small": "#b4cfe9",
    "prospect": "#d9ead3", "suspect": "#eeeeee", "inactive": "#e6b8af",
}
Money = Callable[[object], str]


def _text_colour(background: str) -> QColor:
    colour = QColor(background)
    return QColor("white") if colour.lightness() < 140 else QColor("#202020")


class PyramidWidget(QWidget):
    tier_clicked = Signal(str)

    def __init__(self, parent=None, *, money: Money = str):
        super().__init__(parent)
        self.summary = None
        self.money = money
        self.selected: str | None = None
        self._rows: list[tuple[str, QRectF]] = []  # hit areas, full width
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(360, 210)  # a small screen at 200 % text: the page fits 720 logical pixels
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(tr("Customer pyramid"))

    # --- data -------------------------------------------------------------------------
    def set_summary(self, summary, *, money: Money | None = None) -> None:
        """A services.pyramid.PyramidSummary (or None while loading)."""
        self.summary = summary
        if money is not None:
            self.money = money
        self.update()

    def tiers(self) -> tuple[str, ...]:
        return CUSTOMER_TIERS + BASE_TIERS

    def select_tier(self, tier: str | None) -> None:
        if tier == self.selected:
            return
        self.selected = tier
        self.update()
        if tier is not None:
            self.tier_clicked.emit(tier)

    def row_text(self, tier: str) -> str:
        if self.summary is None:
            return ""
        t = self.summary.tier(tier)
        values = dict(tier=tr(t.label), count=formatting.current().number(t.count))
        if tier in CUSTOMER_TIERS:
            share = f" · {formatting.current().share(t.revenue_share)}" if t.revenue_share is not None else ""
            text = tr("{tier}: {count} account · {revenue}") if t.count == 1 else tr("{tier}: {count} accounts · {revenue}")
            return text.format(revenue=self.money(t.revenue), **values) + share
        return (tr("{tier}: {count} account") if t.count == 1 else tr("{tier}: {count} accounts")).format(**values)

    def tier_at(self, point: QPointF) -> str | None:
        for tier, rect in self._layout():
            if rect.contains(point):
                return tier
        return None

    def tier_rect(self, tier: str) -> QRectF:
        return dict(self._layout())[tier]

    # --- geometry -----------------------------------------------------------------------
    def _layout(self) -> list[tuple[str, QRectF]]:
        """One full-width row per tier: four pyramid bands, a gap, three base bars."""
        margin = 8.0
        height = self.height() - 2 * margin
        gap = 10.0
        unit = (height - gap) / (len(CUSTOMER_TIERS) + 0.7 * len(BASE_TIERS))
        rows = []
        y = margin
        for tier in CUSTOMER_TIERS:
            rows.append((tier, QRectF(margin, y, self.width() - 2 * margin, unit)))
            y += unit
        y += gap
        for tier in BASE_TIERS:
            rows.append((tier, QRectF(margin, y, self.width() - 2 * margin, unit * 0.7)))
            y += unit * 0.7
        return rows

    # --- painting -----------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        rows = self._layout()
        if not rows:
            return
        shape_width = rows[0][1].width() * 0.45  # the pyramid on the left, the words beside it
        left = rows[0][1].left()
        centre = left + shape_width / 2
        apex_y = rows[0][1].top()
        base_y = rows[len(CUSTOMER_TIERS) - 1][1].bottom()
        font = QFont(self.font())
        metrics = QFontMetrics(font)

        def half_width(y: float) -> float:  # the pyramid's slope
            return shape_width / 2 * (y - apex_y) / max(1.0, base_y - apex_y)

        for tier, rect in rows:
            colour = COLOURS[tier]
            if tier in CUSTOMER_TIERS:
                top, bottom = rect.top(), rect.bottom()
                shape = QPolygonF([
                    QPointF(centre - half_width(top), top), QPointF(centre + half_width(top), top),
                    QPointF(centre + half_width(bottom), bottom), QPointF(centre - half_width(bottom), bottom),
                ])
                path = QPainterPath()
                path.addPolygon(shape)
                path.closeSubpath()
            else:
                path = QPainterPath()
                path.addRect(QRectF(left, rect.top() + 2, shape_width, rect.height() - 4))
            painter.setPen(QPen(QColor("white"), 1.5))
            painter.setBrush(QColor(colour))
            painter.drawPath(path)
            if tier == self.selected:
                painter.setPen(QPen(self.palette().highlight().color(), 3))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 4, 4)
            # the count inside the shape when it fits, the full line beside it
            if self.summary is not None:
                count = formatting.current().number(self.summary.tier(tier).count)
                width_here = 2 * half_width(rect.center().y()) if tier in CUSTOMER_TIERS else shape_width
                if metrics.horizontalAdvance(count) + 6 < width_here:
                    painter.setPen(_text_colour(colour))
                    painter.drawText(QRectF(centre - width_here / 2, rect.top(), width_here, rect.height()),
                                     Qt.AlignmentFlag.AlignCenter, count)
                painter.setPen(self.palette().text().color())
                text_rect = QRectF(left + shape_width + 12, rect.top(), rect.width() - shape_width - 12, rect.height())
                painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                                 metrics.elidedText(self.row_text(tier), Qt.TextElideMode.ElideRight, int(text_rect.width())))
        if self.summary is None:
            painter.setPen(self.palette().text().color())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, tr("Loading…"))
        painter.end()

    # --- input --------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:
        tier = self.tier_at(event.position())
        if tier is not None:
            self.select_tier(tier)
        super().mousePressEvent(event)

    def keyPressEvent(self, event) -> None:
        order = self.tiers()
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            index = order.index(self.selected) if self.selected in order else -1
            step = -1 if event.key() == Qt.Key.Key_Up else 1
            self.select_tier(order[max(0, min(len(order) - 1, index + step))])
            return
        super().keyPressEvent(event)


class WhaleCurveWidget(Chart):
    """Cumulative profit (money) over customers ranked by profit; 100 % = total profit; axes and a legend."""

    def __init__(self, parent=None, *, money: Money = str):
        super().__init__(parent, y_title=tr("Cumulative profit"), x_title=tr("Customers, most profitable first"),
                         y_format=lambda value: self.money(value))
        self.curve = None
        self.money = money
        self.setMinimumSize(320, 220)
        self.setAccessibleName(tr("Whale curve of cumulative profit"))
        self.empty_text = tr("Loading…")

    def set_curve(self, curve, *, money: Money | None = None) -> None:
        """A services.value.WhaleCurve (or None)."""
        self.curve = curve
        if money is not None:
            self.money = money
        if curve is None or not curve.cumulative_profit:
            self.empty_text = tr("Loading…") if curve is None else tr("No customers in these 12 months.")
            self.set_data(None, [])
            return
        markers = []
        if curve.peak_customers:
            share = f" ({formatting.current().share(curve.peak_share)})" if curve.peak_share is not None else ""
            markers.append(Marker(tr("peak {amount}{share} after {count} customers").format(
                amount=self.money(curve.peak_profit), share=share,
                count=formatting.current().number(curve.peak_customers)), curve.peak_customers, float(curve.peak_profit)))
        self.set_data(None, [Series(tr("Cumulative profit"), points=self.points(600), colour=COLOURS["big"])],
                      references=[Reference(tr("total profit {amount} (100 %)").format(amount=self.money(curve.total_profit)),
                                            float(curve.total_profit))],
                      markers=markers)

    def points(self, width: int) -> list[tuple[int, float]]:
        """(customer number, cumulative profit) thinned to about one point per pixel, peak and end kept."""
        return [(0, 0.0)] + [(number, float(profit)) for number, profit in self.curve.sample(width)]
