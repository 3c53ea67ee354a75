"""Dutch and English through Qt's own translation tools.

Write UI text as ``tr("English text")`` (formatted afterwards with
``.format``); module-level constants as ``QT_TR_NOOP("text")`` and shown
through ``tr(value)``. ``pyside6-lupdate`` collects them into
``relationapp/resources/translations/relationapp_nl.ts``; ``pyside6-lrelease``
makes the ``.qm`` the app loads (see tools/update_translations.sh).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
LANGUAGES = ("nl", "en")

_installed: list[QTranslator] = []


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def install(app, language: str) -> bool:
    """Install the translators for ``language``; English needs none. Returns whether Dutch was loaded."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language != "nl":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Netherlands))
        return False
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    ours = QTranslator(app)
    loaded = ours.load(str(TRANSLATIONS / "relationapp_nl.qm"))
    if loaded:
        app.installTranslator(ours)
        _installed.append(ours)
    qt_own = QTranslator(app)  # standard buttons and dialogs
    if qt_own.load("qtbase_nl", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    return loaded
