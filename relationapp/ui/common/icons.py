"""The bundled icons (Lucide, ISC licence: resources/icons/LICENSE), by name, tinted to the palette.

    icon("users")          # a QIcon drawn in the palette's text colour, sharp at any scale

The SVGs draw with ``currentColor``; each pixmap is rendered on demand at the
size Qt asks for (device pixels, so a 200 % screen gets a sharp one) in the
colour of the application's palette at that moment, so a switch between the
light and the dark palette re-tints every icon on its next paint. Rendered
pixmaps are cached by name, size, colour and mode.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from PySide6.QtCore import QByteArray, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer


def icon_names() -> list[str]:
    folder = resources.files("relationapp") / "resources" / "icons"
    return sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".svg"))


@lru_cache(maxsize=None)
def _svg(name: str) -> bytes:
    return (resources.files("relationapp") / "resources" / "icons" / f"{name}.svg").read_bytes()


def tint_colour(mode: QIcon.Mode = QIcon.Mode.Normal) -> str:
    """The palette's text colour (dimmed for a disabled action, highlighted text for a selected one)."""
    palette = QGuiApplication.palette()
    if mode == QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText).name()
    if mode == QIcon.Mode.Selected:
        return palette.color(QPalette.ColorRole.HighlightedText).name()
    return palette.color(QPalette.ColorRole.WindowText).name()


@lru_cache(maxsize=512)
def _rendered(name: str, width: int, height: int, colour: str) -> QPixmap:
    data = _svg(name).replace(b"currentColor", colour.encode("ascii"))
    renderer = QSvgRenderer(QByteArray(data))
    pixmap = QPixmap(width, height)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter)
    painter.end()
    return pixmap


class _TintedEngine(QIconEngine):
    def __init__(self, name: str):
        super().__init__()
        self.name = name

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:  # noqa: ARG002
        return _rendered(self.name, max(1, size.width()), max(1, size.height()), tint_colour(mode))

    def scaledPixmap(self, size: QSize, mode, state, scale: float) -> QPixmap:  # noqa: N802 - Qt's name
        pixmap = self.pixmap(QSize(round(size.width() * scale), round(size.height() * scale)), mode, state).copy()
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatio() if painter.device() is not None else 1.0
        pixmap = self.pixmap(QSize(round(rect.width() * scale), round(rect.height() * scale)), mode, state)
        painter.drawPixmap(rect, pixmap)

    def clone(self) -> QIconEngine:
        return _TintedEngine(self.name)

    def key(self) -> str:
        return "relationapp-tinted"


def icon(name: str) -> QIcon:
    """The icon ``name`` (a file in resources/icons without .svg); a missing name is a programming error."""
    _svg(name)  # fail here, not at the first paint
    return QIcon(_TintedEngine(name))


def pixmap(name: str, extent: int, widget=None) -> QPixmap:
    """A tinted pixmap ``extent`` logical pixels square, sharp on the widget's screen (for a QLabel)."""
    scale = widget.devicePixelRatioF() if widget is not None else QGuiApplication.primaryScreen().devicePixelRatio()
    size = round(extent * scale)
    result = _rendered(name, size, size, tint_colour()).copy()
    result.setDevicePixelRatio(scale)
    return result
