"""One small chart widget with axes and a legend, drawn with QPainter (no chart library).

    chart = Chart(parent, y_title=tr("Revenue"), y_format=money)
    chart.set_data(["Q1 2026", "Q2 2026"], [Series(tr("Revenue"), (1200.0, 900.0), kind="bar")])

Categories along the x-axis (quarters) with bars or lines, or numbers along it
(``set_data(None, ...)`` with ``Series.points``: the whale curve's customers).
The y-axis gets round ticks from the values, each labelled by ``y_format``;
dashed reference lines (a total, a zero) and marked points (a peak) go in the
legend with the series. ``x_labels()`` and ``y_labels()`` say what is written
on the axes (tests read them).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from relationapp.text import formatting
from relationapp.ui.common import theme

PALETTE = ("#2e75b6", "#ef8a17", "#43a047", "#8e44ad")


@dataclass(frozen=True)
class Series:
    label: str
    values: Sequence[float | Decimal | None] = ()  # one per category (None: no value there)
    kind: str = "line"  # "line" or "bar"
    colour: str | None = None
    points: Sequence[tuple[float, float]] = ()  # (x, y) when the x-axis holds numbers

    def __post_init__(self) -> None:
        # Callers hand over money as Decimal; only here, for pixel positions, does it become a float.
        object.__setattr__(self, "values", tuple(None if v is None else float(v) for v in self.values))


@dataclass(frozen=True)
class Reference:
    label: str
    value: float
    colour: str | None = None


@dataclass(frozen=True)
class Marker:
    label: str
    x: float
    y: float
    colour: str = "#c62828"


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering low..high (1, 2, 2.5 or 5 times a power of ten apart)."""
    if high <= low:
        high = low + 1.0
    raw = (high - low) / max(1, count)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.floor(low / step) * step
    ticks, value = [], first
    while value < high + step * 0.999:
        ticks.append(round(value, 10))
        value += step
    return ticks


class Chart(QWidget):
    def __init__(self, parent=None, *, y_title: str = "", x_title: str = "",
                 y_format: Callable[[float], str] | None = None, empty_text: str = ""):
        super().__init__(parent)
        self.y_title = y_title
        self.x_title = x_title
        self.y_format = y_format or (lambda v: formatting.current().number(v))
        self.empty_text = empty_text
        self.categories: list[str] | None = []
        self.series: list[Series] = []
        self.references: list[Reference] = []
        self.markers: list[Marker] = []
        self.fixed_range: tuple[float, float] | None = None
        self.setMinimumSize(260, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(420, 220)

    def set_data(self, categories: Sequence[str] | None, series: Sequence[Series], *,
                 references: Sequence[Reference] = (), markers: Sequence[Marker] = (),
                 y_range: tuple[float, float] | None = None) -> None:
        self.categories = None if categories is None else list(categories)
        self.series = list(series)
        self.references = list(references)
        self.markers = list(markers)
        self.fixed_range = y_range
        self.update()

    # --- what is drawn -----------------------------------------------------------------
    def has_data(self) -> bool:
        return any(any(v is not None for v in s.values) or s.points for s in self.series)

    def _values(self) -> list[float]:
        values = [v for s in self.series for v in s.values if v is not None]
        values += [y for s in self.series for _x, y in s.points]
        values += [r.value for r in self.references] + [m.y for m in self.markers]
        if any(s.kind == "bar" for s in self.series):
            values.append(0.0)
        return values

    def y_ticks(self) -> list[float]:
        if self.fixed_range is not None:
            return nice_ticks(*self.fixed_range)
        values = self._values() or [0.0, 1.0]
        return nice_ticks(min(values), max(values))

    def x_extent(self) -> float:
        return max((x for s in self.series for x, _y in s.points), default=1.0) or 1.0

    def x_ticks(self) -> list[float]:
        return [t for t in nice_ticks(0.0, self.x_extent(), 4) if t <= self.x_extent() * 1.001]

    def x_labels(self) -> list[str]:
        if self.categories is not None:
            return list(self.categories)
        return [formatting.current().number(int(t)) for t in self.x_ticks()]

    def y_labels(self) -> list[str]:
        return [self.y_format(t) for t in self.y_ticks()] if self.has_data() else []

    def legend(self) -> list[tuple[str, str, str]]:
        """(kind, colour, label) of each legend entry: series, reference lines, markers."""
        entries = [(s.kind, self._colour(s, i), s.label) for i, s in enumerate(self.series)]
        entries += [("reference", r.colour or theme.accent("grid").name(), r.label) for r in self.references]
        entries += [("marker", m.colour, m.label) for m in self.markers]
        return entries

    def _colour(self, series: Series, index: int) -> str:
        return series.colour or PALETTE[index % len(PALETTE)]

    # --- painting ----------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        text = self.palette().text().color()
        quiet = self.palette().placeholderText().color()
        metrics = QFontMetrics(self.font())
        line_height = metrics.height()
        if not self.has_data():
            painter.setPen(quiet)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text)
            painter.end()
            return
        ticks = self.y_ticks()
        low, high = ticks[0], ticks[-1]
        labels = [self.y_format(t) for t in ticks]
        axis_width = max(metrics.horizontalAdvance(label) for label in labels) + theme.SPACE_M
        legend = self.legend()
        top = theme.SPACE_S + (line_height + theme.SPACE_S if self.y_title else 0)
        bottom = line_height + theme.SPACE_S + (line_height if self.x_title else 0) + line_height + theme.SPACE_M
        plot = QRectF(axis_width + theme.SPACE_S, top, self.width() - axis_width - theme.SPACE_S - theme.SPACE_L,
                      self.height() - top - bottom)
        if plot.height() < 20 or plot.width() < 20:
            painter.end()
            return

        def y_at(value: float) -> float:
            return plot.bottom() - plot.height() * (value - low) / ((high - low) or 1.0)

        # the y-axis: ticks, their labels and light grid lines
        grid = theme.accent("grid")
        for tick, label in zip(ticks, labels):
            y = y_at(tick)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(quiet)
            painter.drawText(QRectF(0, y - line_height / 2, axis_width, line_height),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
        if self.y_title:
            painter.setPen(quiet)
            painter.drawText(QPointF(plot.left(), theme.SPACE_S + metrics.ascent()), self.y_title)
        painter.setPen(QPen(text, 1))
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        painter.drawLine(QPointF(plot.left(), y_at(max(low, 0.0) if low < 0 < high else low)),
                         QPointF(plot.right(), y_at(max(low, 0.0) if low < 0 < high else low)))
        # the x-axis
        if self.categories is not None:
            count = max(1, len(self.categories))
            slot = plot.width() / count

            def x_at(i: float) -> float:
                return plot.left() + slot * (i + 0.5)

            painter.setPen(quiet)
            every = max(1, math.ceil(max((metrics.horizontalAdvance(c) for c in self.categories), default=0)
                                     / max(1.0, slot - theme.SPACE_S)))
            for i, category in enumerate(self.categories):
                if i % every == 0:
                    painter.drawText(QRectF(x_at(i) - slot * every / 2, plot.bottom() + theme.SPACE_S, slot * every,
                                            line_height), Qt.AlignmentFlag.AlignCenter, category)
        else:
            extent = self.x_extent()

            def x_at(i: float) -> float:
                return plot.left() + plot.width() * i / extent

            painter.setPen(quiet)
            for tick, label in zip(self.x_ticks(), self.x_labels()):
                painter.drawText(QRectF(x_at(tick) - 40, plot.bottom() + theme.SPACE_S, 80, line_height),
                                 Qt.AlignmentFlag.AlignCenter, label)
        if self.x_title:
            painter.setPen(quiet)
            painter.drawText(QRectF(plot.left(), plot.bottom() + theme.SPACE_S + line_height, plot.width(), line_height),
                             Qt.AlignmentFlag.AlignCenter, self.x_title)
        # reference lines, then the series, then the markers
        for reference in self.references:
            painter.setPen(QPen(QColor(reference.colour) if reference.colour else text, 1, Qt.PenStyle.DashLine))
            y = y_at(reference.value)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        bars = [s for s in self.series if s.kind == "bar"]
        for index, series in enumerate(self.series):
            colour = QColor(self._colour(series, index))
            if series.kind == "bar" and self.categories is not None:
                width = plot.width() / max(1, len(self.categories)) * 0.7 / max(1, len(bars))
                offset = bars.index(series) - (len(bars) - 1) / 2
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                for i, value in enumerate(series.values):
                    if value is None:
                        continue
                    x = x_at(i) + offset * width - width / 2
                    painter.drawRect(QRectF(x, min(y_at(value), y_at(0.0)), width, abs(y_at(value) - y_at(0.0))))
                continue
            painter.setPen(QPen(colour, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            if series.points:
                painter.drawPolyline(QPolygonF([QPointF(x_at(x), y_at(y)) for x, y in series.points]))
            else:
                run = [QPointF(x_at(i), y_at(v)) for i, v in enumerate(series.values) if v is not None]
                if len(run) > 1:
                    painter.drawPolyline(QPolygonF(run))
                painter.setBrush(colour)
                for point in run:
                    painter.drawEllipse(point, 3, 3)
        for marker in self.markers:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(marker.colour))
            painter.drawEllipse(QPointF(x_at(marker.x), y_at(marker.y)), 4, 4)
        # the legend, in one line under the axis
        x = plot.left()
        y = self.height() - theme.SPACE_S - line_height
        for kind, colour, label in legend:
            swatch = QRectF(x, y + line_height / 2 - 5, 14, 10)
            if kind == "bar":
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(colour))
                painter.drawRect(swatch)
            elif kind == "marker":
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(colour))
                painter.drawEllipse(swatch.center(), 4, 4)
            else:
                dash = Qt.PenStyle.DashLine if kind == "reference" else Qt.PenStyle.SolidLine
                painter.setPen(QPen(QColor(colour) if kind != "reference" else text, 2 if kind == "line" else 1, dash))
                painter.drawLine(QPointF(swatch.left(), swatch.center().y()), QPointF(swatch.right(), swatch.center().y()))
            painter.setPen(text)
            x += 14 + theme.SPACE_S
            painter.drawText(QPointF(x, y + metrics.ascent()), label)
            x += metrics.horizontalAdvance(label) + theme.SPACE_L
        painter.end()
