"""Stand-ins for editor panels another helper has not landed yet (removed once they exist)."""

from __future__ import annotations

import importlib
import sys
import types

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget


class _Placeholder(QWidget):
    previewed = Signal(object)
    committed = Signal(object)

    def __init__(self, ctx=None, parent=None):
        super().__init__(parent)

    def set_recipe(self, recipe):
        pass

    def set_proxy(self, proxy):
        pass


def install() -> None:
    for module, name in (("filters_panel", "FiltersPanel"), ("presets_panel", "PresetsPanel")):
        full = f"studio.editor.panels.{module}"
        try:
            importlib.import_module(full)
        except ImportError:
            placeholder = types.ModuleType(full)
            setattr(placeholder, name, type(name, (_Placeholder,), {}))
            sys.modules[full] = placeholder
