"""Interface language: choose it, and load the compiled Qt Linguist catalogues.

Chinese is the product's first language: a system in any Chinese locale gets zh_CN, every
other system English (the source strings). Setting `ZHONGCAO_PSEUDO_L10N=1` swaps in a
pseudo-translation that lengthens every string, to catch layouts that break on long text
(Vorta's TRANS_SCALE).
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

import resources

LANGUAGES = ("zh_CN", "en")
PSEUDO_ENV = "ZHONGCAO_PSEUDO_L10N"


def system_language() -> str:
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def resolve_language(requested: str | None, saved: str | None) -> str:
    """`--lang` beats the saved preference, which beats the system locale."""
    for choice in (requested, saved):
        if choice in LANGUAGES:
            return choice
    return system_language()


class PseudoTranslator(QTranslator):
    """Returns every source string a third longer and bracketed, placeholders intact."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return f"[{source}{'~' * (len(source) // 3)}]"

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return False


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the studio's and Qt's own catalogues; keep the result alive with the app."""
    installed: list[QTranslator] = []
    if os.environ.get(PSEUDO_ENV) == "1":
        installed.append(PseudoTranslator(app))
    elif language != "en":
        ours = QTranslator(app)
        if ours.load(str(resources.path("i18n", f"studio_{language}.qm"))):
            installed.append(ours)
        qt_own = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(f"qtbase_{language}", qt_dir):
            installed.append(qt_own)
    for translator in installed:
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(language if language != "en" else "en_US"))
    return installed
