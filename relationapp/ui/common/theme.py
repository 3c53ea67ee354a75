"""The look: Fusion with a light and a dark palette that follow the system, one spacing and type scale.

    theme.install(app, settings.appearance)   # at start: "system", "light" or "dark"
    theme.apply(app, "dark")                  # force one (a screenshot script)
    theme.mark(label, "heading")              # a page's title, a section's heading, a quiet note ...
    theme.page_layout(layout)                 # a page's margins and spacing

"system" follows the desktop's colour scheme (Qt 6.5+ ``QStyleHints.colorScheme``)
and its changes while the app runs; a system that says nothing gets the light one.
Icons (ui.common.icons) are tinted from the palette on each paint, so they follow too.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

APPEARANCES = ("system", "light", "dark")

# --- one spacing scale (pixels) and one type scale (times the application font) -------------
SPACE_XS = 2
SPACE_S = 4
SPACE_M = 8
SPACE_L = 16
SPACE_XL = 24
PAGE_MARGIN = 12  # around every page's content
ROW_HEIGHT = 24  # a table's row

TYPE_SCALE = {  # role -> (size factor, bold)
    "title": (1.5, True),  # the page's or the account's name
    "heading": (1.2, True),  # a section of a page
    "subheading": (1.0, True),  # a group inside a section, a figure that leads
    "body": (1.0, False),
    "note": (0.92, False),  # quieter: hints, explanations, "and 12 more"
    "error": (1.0, True),
    "warning": (1.0, False),
}

# colours that are not palette roles, per scheme: readable on that scheme's window and base
ACCENTS = {
    "light": {"error": "#b00020", "warning": "#9a5b00", "good": "#2e7d32", "bad": "#c62828",
              "track": "#e6e8eb", "grid": "#d0d4da", "up": "#d9ead3", "down": "#f4cccc"},
    "dark": {"error": "#ff7a85", "warning": "#f0b45a", "good": "#81c784", "bad": "#ef9a9a",
             "track": "#353a41", "grid": "#4a5059", "up": "#29472c", "down": "#5a2b2b"},
}

_LIGHT = {
    QPalette.ColorRole.Window: "#f5f6f8", QPalette.ColorRole.WindowText: "#1f2328",
    QPalette.ColorRole.Base: "#ffffff", QPalette.ColorRole.AlternateBase: "#f2f4f7",
    QPalette.ColorRole.Text: "#1f2328", QPalette.ColorRole.Button: "#eceef2",
    QPalette.ColorRole.ButtonText: "#1f2328", QPalette.ColorRole.BrightText: "#ffffff",
    QPalette.ColorRole.Highlight: "#2f6fde", QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#ffffff", QPalette.ColorRole.ToolTipText: "#1f2328",
    QPalette.ColorRole.PlaceholderText: "#6b7280", QPalette.ColorRole.Link: "#1f5fc8",
    QPalette.ColorRole.LinkVisited: "#6b3fb8",
    QPalette.ColorRole.Light: "#ffffff", QPalette.ColorRole.Midlight: "#e3e6ea",
    QPalette.ColorRole.Mid: "#b8bec7", QPalette.ColorRole.Dark: "#8a919c", QPalette.ColorRole.Shadow: "#5f6670",
}
_DARK = {
    QPalette.ColorRole.Window: "#1e2126", QPalette.ColorRole.WindowText: "#e4e6ea",
    QPalette.ColorRole.Base: "#16181c", QPalette.ColorRole.AlternateBase: "#1f2328",
    QPalette.ColorRole.Text: "#e4e6ea", QPalette.ColorRole.Button: "#2a2e35",
    QPalette.ColorRole.ButtonText: "#e4e6ea", QPalette.ColorRole.BrightText: "#ffffff",
    QPalette.ColorRole.Highlight: "#3d7be0", QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#2a2e35", QPalette.ColorRole.ToolTipText: "#e4e6ea",
    QPalette.ColorRole.PlaceholderText: "#959ba5", QPalette.ColorRole.Link: "#7fb0ff",
    QPalette.ColorRole.LinkVisited: "#b89cff",
    QPalette.ColorRole.Light: "#3a3f47", QPalette.ColorRole.Midlight: "#30343b",
    QPalette.ColorRole.Mid: "#4a5059", QPalette.ColorRole.Dark: "#121417", QPalette.ColorRole.Shadow: "#000000",
}
_DISABLED = {"light": "#9aa0a8", "dark": "#6b717b"}


def palette(scheme: str) -> QPalette:
    """The light or the dark palette."""
    colours = _DARK if scheme == "dark" else _LIGHT
    result = QPalette()
    for role, colour in colours.items():
        result.setColor(role, QColor(colour))
    disabled = QColor(_DISABLED["dark" if scheme == "dark" else "light"])
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText,
                 QPalette.ColorRole.PlaceholderText):
        result.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    result.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Highlight, QColor(colours[QPalette.ColorRole.Mid]))
    return result


def system_scheme() -> str:
    """What the desktop asks for: "dark" or "light" (light when it says nothing)."""
    hints = QGuiApplication.styleHints()
    return "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"


class _State(QObject):
    """The appearance asked for and the scheme shown; listens to the system while installed."""

    def __init__(self):
        super().__init__()
        self.appearance = "system"
        self.scheme = "light"
        self.installed = False


_state: _State | None = None


def _the_state() -> _State:
    global _state
    if _state is None:
        _state = _State()
    return _state


def current_scheme() -> str:
    """The scheme on screen ("light" or "dark")."""
    return _the_state().scheme


def accent(name: str) -> QColor:
    """A colour that is no palette role (error, warning, good, bad, track ...) in the scheme shown."""
    return QColor(ACCENTS[current_scheme()][name])


def apply(app: QApplication, scheme: str) -> None:
    """Fusion with the ``scheme`` palette ("light" or "dark"; "system" asks the desktop) at once."""
    state = _the_state()
    resolved = system_scheme() if scheme == "system" else ("dark" if scheme == "dark" else "light")
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    state.scheme = resolved
    app.setPalette(palette(resolved))
    for widget in app.allWidgets():  # the marked labels whose colour is no palette role
        role = widget.property("relationapp_role")
        if role in ("error", "warning"):
            _colour(widget, role)


def install(app: QApplication, appearance: str = "system") -> None:
    """Use ``appearance`` ("system", "light", "dark") now and follow the system's changes while it is "system"."""
    state = _the_state()
    if not state.installed:
        app.styleHints().colorSchemeChanged.connect(_system_changed)
        state.installed = True
    use(appearance)


def use(appearance: str) -> None:
    """The setting changed: show it (nothing happens before ``install``, as in tests that never start the app)."""
    state = _the_state()
    if not state.installed:
        return
    state.appearance = appearance if appearance in APPEARANCES else "system"
    apply(QApplication.instance(), state.appearance)


def _system_changed(scheme: Qt.ColorScheme) -> None:
    state = _the_state()
    if state.appearance == "system":
        apply(QApplication.instance(), "dark" if scheme == Qt.ColorScheme.Dark else "light")


def uninstall(app: QApplication) -> None:
    """Stop following the system (tests put the application back as they found it)."""
    state = _the_state()
    if state.installed:
        app.styleHints().colorSchemeChanged.disconnect(_system_changed)
        state.installed = False
    state.appearance, state.scheme = "system", "light"


# --- the type scale ----------------------------------------------------------------------
def font_for(role: str, base: QFont | None = None) -> QFont:
    factor, bold = TYPE_SCALE[role]
    font = QFont(base if base is not None else QApplication.font())
    if factor != 1.0:
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * factor)
        else:
            font.setPixelSize(round(font.pixelSize() * factor))
    font.setBold(bold)
    return font


def _colour(widget: QWidget, role: str) -> None:
    widget.setStyleSheet(f"color: {ACCENTS[current_scheme()][role]};")


def mark(label: QWidget, role: str) -> QWidget:
    """Give ``label`` the look of ``role`` in the type scale (title, heading, subheading, note, error, warning)."""
    label.setFont(font_for(role))
    label.setProperty("relationapp_role", role)
    if role == "note" and isinstance(label, QLabel):
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    elif role in ("error", "warning"):
        _colour(label, role)
    elif label.styleSheet():
        label.setStyleSheet("")  # an error message that became a plain one
    return label


def page_layout(layout, *, margin: int = PAGE_MARGIN, spacing: int = SPACE_M):
    """A page's (or a dialog's) margins and spacing from the scale."""
    layout.setContentsMargins(margin, margin, margin, margin)
    layout.setSpacing(spacing)
    return layout


def tight(layout, *, spacing: int = SPACE_S):
    """A layout inside another: no margins, small spacing."""
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(spacing)
    return layout
