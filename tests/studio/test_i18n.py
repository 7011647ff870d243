"""Translations: the catalogue covers the code, is finished, and its .qm is up to date."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

import resources
from studio.i18n import PseudoTranslator
from studio.messages import message

REPO = Path(__file__).resolve().parents[2]
TS = resources.path("i18n", "studio_zh_CN.ts")
QM = resources.path("i18n", "studio_zh_CN.qm")


def _tool(name: str) -> str:
    beside_python = Path(sys.executable).with_name(name)
    found = str(beside_python) if beside_python.exists() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} not found: it ships with PySide6 and must be on the venv's path")
    return found


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for item in context.iter("message"):
            found[(name, item.findtext("source") or "")] = item.find("translation")
    return found


def test_catalogue_holds_every_string_of_the_code(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (REPO / "studio").rglob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources, "-ts", str(fresh), "-locations", "none"],
        check=True,
        capture_output=True,
    )
    in_code = set(_messages(fresh))
    committed = {
        key for key, tr in _messages(TS).items() if tr.get("type") not in ("obsolete", "vanished")
    }
    assert in_code - committed == set(), "run pyside6-lupdate (see resources/i18n/README.md)"
    assert committed - in_code == set(), "the catalogue has strings the code no longer uses"


def test_no_unfinished_translation_in_zh_cn():
    unfinished = [
        key
        for key, tr in _messages(TS).items()
        if tr is None or tr.get("type") == "unfinished" or not (tr.text or "").strip()
    ]
    assert unfinished == []


def test_translations_keep_every_placeholder():
    for (_context, source), tr in _messages(TS).items():
        placeholders = sorted(part.split("}")[0] for part in source.split("{")[1:])
        translated = sorted(part.split("}")[0] for part in (tr.text or "").split("{")[1:])
        assert placeholders == translated, source


def test_qm_is_the_compiled_ts(tmp_path):
    compiled = tmp_path / "studio_zh_CN.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TS), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    assert compiled.read_bytes() == QM.read_bytes(), "run pyside6-lrelease on the .ts"


def test_chinese_messages_are_used_when_installed(qapp):
    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    try:
        assert message("title.too_wide", {"units": 42, "max": 40}) == "标题太长：42/40 个字符宽度。"
    finally:
        QCoreApplication.removeTranslator(translator)
    assert message("title.empty") == "The title is empty."


def test_pseudo_translation_lengthens_every_string(qapp):
    translator = PseudoTranslator()
    QCoreApplication.installTranslator(translator)
    try:
        assert message("title.empty") == "[The title is empty.~~~~~~]"
    finally:
        QCoreApplication.removeTranslator(translator)
