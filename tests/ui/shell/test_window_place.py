"""The window fits a small screen on first start and opens again where the user left it."""

from __future__ import annotations


def _window(ctx, qtbot):
    from relationapp.ui.shell.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    return window


def test_first_start_fits_the_screen_then_the_size_and_place_are_remembered(ctx, qtbot):
    window = _window(ctx, qtbot)
    room = window.screen().availableGeometry()
    assert window.width() <= room.width() and window.height() <= room.height()
    window.resize(700, 500)  # the offscreen screen is small: inside it
    window.move(40, 30)
    window.show()
    window.close()
    again = _window(ctx, qtbot)
    assert (again.width(), again.height()) == (700, 500)
