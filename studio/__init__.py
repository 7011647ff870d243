"""Zhongcao Studio's desktop app (PySide6): the only package that imports Qt."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("zhongcao-studio")
except PackageNotFoundError:
    __version__ = "0.1.0"
