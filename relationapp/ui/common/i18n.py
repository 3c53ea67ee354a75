"""Dutch and English in the window, from the one catalogue (relationapp.text.catalogue).

Write UI text as ``tr("English text")`` (formatted afterwards with
``.format``); module-level constants as ``QT_TR_NOOP("text")`` and shown
through ``tr(value)``. ``tools/update_catalogue.py`` collects them with every
other text of the app into the gettext catalogue that PDFs, the command line
and the services use too. Qt's own translations are loaded only for Qt's
standard buttons and dialogs.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

from relationapp.text import catalogue

LANGUAGES = catalogue.LANGUAGES

_installed: list[QTranslator] = []
RESTART = 75  # app.exit(RESTART): close everything, then ui.shell.app starts the app again (a new language)


def tr(text: str) -> str:
    return catalogue._(text)


def install(app, language: str) -> bool:
    """Word the window in ``language`` from now on; returns whether it is Dutch."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if catalogue.set_language(language) != "nl":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Netherlands))
        return False
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    qt_own = QTranslator(app)  # standard buttons and dialogs
    if qt_own.load("qtbase_nl", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    return True
