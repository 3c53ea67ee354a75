"""The window is light or dark as the system or the setting says, and its icons follow."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel

from relationapp.ui.common import theme
from relationapp.ui.common.icons import icon, pixmap


@pytest.fixture
def themed(qapp):
    style, colours = qapp.style().name(), qapp.palette()
    yield qapp
    theme.uninstall(qapp)
    qapp.setStyle(style)
    qapp.setPalette(colours)


def window_colour(app) -> QColor:
    return app.palette().color(QPalette.ColorRole.Window)


def test_follows_the_system_colour_scheme_as_it_changes(themed):
    theme.install(themed, "system")
    assert themed.style().name().lower() == "fusion"
    themed.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert theme.current_scheme() == "dark"
    assert window_colour(themed).lightness() < 80
    themed.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert theme.current_scheme() == "light"
    assert window_colour(themed).lightness() > 200


def test_a_chosen_appearance_ignores_the_system(themed):
    theme.install(themed, "dark")
    themed.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert theme.current_scheme() == "dark"
    theme.use("light")
    assert window_colour(themed).lightness() > 200


def test_the_setting_switches_the_open_window(themed, window, qtbot):
    from relationapp.services.common.settings import update_settings

    theme.install(themed, "light")
    window.ctx.ops.call(update_settings, window.ctx.db, appearance="dark")
    assert theme.current_scheme() == "dark"
    settings = window.views["settings"]
    combo = settings.form.editors["appearance"]
    assert combo.currentData() == "dark"
    assert [combo.itemData(i) for i in range(combo.count())] == ["system", "light", "dark"]


def test_icons_are_tinted_to_the_palette(themed):
    theme.apply(themed, "dark")
    dark = pixmap("users", 24).toImage()
    theme.apply(themed, "light")
    light = pixmap("users", 24).toImage()
    inked = lambda image: [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())  # noqa: E731
                           if image.pixelColor(x, y).alpha() > 200]
    assert inked(dark) and inked(light)
    assert inked(dark)[0].lightness() > 150 > inked(light)[0].lightness()
    assert not icon("sun").isNull()


def test_marked_labels_take_the_type_scale(qapp, qtbot):
    body, heading = QLabel("Body"), theme.mark(QLabel("Heading"), "heading")
    qtbot.addWidget(body)
    qtbot.addWidget(heading)
    assert heading.font().bold()
    assert heading.font().pointSizeF() > body.font().pointSizeF()
