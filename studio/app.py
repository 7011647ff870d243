"""Application start-up: Qt, language, look, crash handling, and the embedded backend.

The window appears at once in a "starting" state; the backend comes up in a worker and the
pages load when it is connected. Uncaught errors never show a traceback: they are written to
`errors.log` in the data folder and the user gets a short, translated apology.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from studio.context import AppContext
from studio.i18n import install_translators, resolve_language
from studio.settings import LANGUAGE, Settings
from studio.style import apply_style

APP_NAME = "ZhongcaoStudio"
ORG_NAME = "Zhongcao"
ERROR_LOG = "errors.log"

log = logging.getLogger(__name__)


def default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationDisplayName("Zhongcao Studio")
    apply_style(app)
    return app


class CrashReporter:
    """`sys.excepthook` replacement: log the traceback, show a friendly dialog, keep going."""

    def __init__(self, log_path: Path) -> None:
        self.log_path = log_path
        self._showing = False

    def __call__(
        self,
        kind: type[BaseException],
        error: BaseException,
        tb: TracebackType | None,
    ) -> None:
        text = "".join(traceback.format_exception(kind, error, tb))
        try:
            with self.log_path.open("a", encoding="utf-8") as handle:
                handle.write(text + "\n")
        except OSError:
            log.exception("cannot write %s", self.log_path)
        log.error("uncaught error:\n%s", text)
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            QMessageBox.warning(
                None,
                QCoreApplication.translate("CrashReporter", "Something went wrong"),
                QCoreApplication.translate(
                    "CrashReporter",
                    "Zhongcao Studio ran into an unexpected problem. Your drafts are kept. "
                    "Details were written to:\n{path}",
                ).format(path=self.log_path),
            )
        finally:
            self._showing = False


def run_app(data_dir: str | None = None, lang: str | None = None) -> int:
    """Open the studio window on `data_dir` (default: the user's data folder); block until quit."""
    folder = Path(data_dir) if data_dir else default_data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    app = make_application()
    language = resolve_language(lang, Settings(folder).get(LANGUAGE))
    install_translators(app, language)
    sys.excepthook = CrashReporter(folder / ERROR_LOG)
    from studio.pages.main_window import MainWindow

    ctx = AppContext.create(folder, language, app)
    window = MainWindow(ctx)
    window.show()
    ctx.connection.start()
    try:
        return app.exec()
    finally:
        ctx.shutdown()
        window.deleteLater()
        ctx.dispose()
