"""Preferences declared as data, stored in a QSettings INI file inside the data folder.

Keeping the file under the data folder (not the OS-wide QSettings location) means a
`--data-dir` run, and every test, has its own settings and never touches the user's.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QSettings
from PySide6.QtWidgets import QWidget

SCHEMA_VERSION = 1
SETTINGS_FILE = "settings.ini"


@dataclass(frozen=True)
class Setting:
    """One preference: where it is stored, its type and default, and its translated label."""

    key: str
    type: type
    default: Any
    label: str


LANGUAGE = Setting("ui/language", str, "", QT_TRANSLATE_NOOP("Settings", "Interface language"))
EXPORT_QUALITY = Setting(
    "export/jpeg_quality", int, 90, QT_TRANSLATE_NOOP("Settings", "JPEG quality of exported photos")
)
LAST_ACCOUNT = Setting(
    "create/account_id", str, "", QT_TRANSLATE_NOOP("Settings", "Account for new notes")
)
BRAND_ORGANIZATION = Setting(
    "brand/organization_id",
    str,
    "",
    QT_TRANSLATE_NOOP("Settings", "Organization whose brand kit covers use"),
)
SCOPE_ACCOUNT = Setting(
    "scope/account_id", str, "", QT_TRANSLATE_NOOP("Settings", "Account the app shows")
)
"""Empty: all accounts. Kept per backend (`for_backend`): ids mean nothing on another one."""
TEAM_MODE = Setting(
    "backend/team", bool, False, QT_TRANSLATE_NOOP("Settings", "Work on a team server")
)
"""Off: the embedded backend. On: the team server below (the token is in `team_token.json`)."""
TEAM_URL = Setting("backend/team_url", str, "", QT_TRANSLATE_NOOP("Settings", "Server address"))
TEAM_EMAIL = Setting(
    "backend/team_email", str, "", QT_TRANSLATE_NOOP("Settings", "E-mail on the team server")
)


def for_backend(setting: Setting, backend_key: str | None) -> Setting:
    """`setting` kept apart for one backend (`Connection.backend_key`; None: the embedded
    one), e.g. `scope/account_id` → `scope/team-…/account_id`."""
    group, _, name = setting.key.rpartition("/")
    return replace(setting, key=f"{group}/{backend_key or 'embedded'}/{name}")


class Settings:
    """Typed access to the settings file of one data folder."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / SETTINGS_FILE
        self._store = QSettings(str(self.path), QSettings.Format.IniFormat)
        if self._store.value("schema_version", 0, int) < SCHEMA_VERSION:
            self._store.setValue("schema_version", SCHEMA_VERSION)

    def get(self, setting: Setting) -> Any:
        return self._store.value(setting.key, setting.default, setting.type)

    def set(self, setting: Setting, value: Any) -> None:
        self._store.setValue(setting.key, value)

    def save_geometry(self, name: str, widget: QWidget) -> None:
        self._store.setValue(f"geometry/{name}", widget.saveGeometry())

    def restore_geometry(self, name: str, widget: QWidget) -> bool:
        value = self._store.value(f"geometry/{name}")
        return isinstance(value, QByteArray) and widget.restoreGeometry(value)

    def sync(self) -> None:
        self._store.sync()
