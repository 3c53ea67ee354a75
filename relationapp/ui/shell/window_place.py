"""The window opens where the user left it: size, position, maximised; a first start fits the screen.

Kept with Qt's own ``saveGeometry``/``restoreGeometry`` in a small INI file in
the user's config folder (not in the database: it belongs to this computer's
screen, not to the firm).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from relationapp.ui.common import view_state

FIRST_SIZE = (1200, 760)  # shrunk to 90 % of a smaller screen (a 1366x768 laptop)
SCREEN_SHARE = 0.9


def restore(window: QWidget) -> None:
    saved = view_state.read("main/geometry")
    if saved is not None and window.restoreGeometry(saved):
        return
    width, height = FIRST_SIZE
    screen = window.screen()
    if screen is not None:
        room = screen.availableGeometry()
        width = min(width, int(room.width() * SCREEN_SHARE))
        height = min(height, int(room.height() * SCREEN_SHARE))
        window.resize(width, height)
        frame = window.frameGeometry()
        frame.moveCenter(room.center())
        window.move(frame.topLeft())
    else:
        window.resize(width, height)


def remember(window: QWidget) -> None:
    view_state.write("main/geometry", window.saveGeometry())
