"""The app as a whole: the real `main.py` process, its backend child, language, crash dialog."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QMessageBox

from studio.app import CrashReporter
from studio.backend_process import MAIN_PY
from studio.i18n import resolve_language
from tests.studio.helpers import pid_alive


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_killing_the_app_takes_its_backend_down(qtbot, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    app = subprocess.Popen(
        [sys.executable, str(MAIN_PY), "--data-dir", str(tmp_path), "--lang", "en"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        log = tmp_path / "backend.log"
        qtbot.waitUntil(lambda: bool(_children(app.pid)) and log.exists(), timeout=40_000)
        backend = _children(app.pid)[0]
        app.send_signal(signal.SIGKILL)
        app.wait(timeout=10)
        qtbot.waitUntil(lambda: not pid_alive(backend), timeout=20_000)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()


def test_language_follows_flag_then_setting_then_system():
    assert resolve_language("en", "zh_CN") == "en"
    assert resolve_language(None, "zh_CN") == "zh_CN"
    assert resolve_language(None, "") in ("zh_CN", "en")
    chinese = QLocale.system().language() == QLocale.Language.Chinese
    assert resolve_language(None, None) == ("zh_CN" if chinese else "en")


def test_uncaught_error_is_logged_and_shown_without_a_traceback(qapp, tmp_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text: shown.append(text))
    reporter = CrashReporter(tmp_path / "errors.log")
    try:
        raise ValueError("boom")
    except ValueError as error:
        reporter(type(error), error, error.__traceback__)
    logged = (tmp_path / "errors.log").read_text()
    assert "Traceback" in logged and "ValueError: boom" in logged
    assert len(shown) == 1
    assert "Traceback" not in shown[0] and str(tmp_path / "errors.log") in shown[0]
