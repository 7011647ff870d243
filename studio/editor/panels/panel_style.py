"""The editor side panels' dark look, scoped to the panels so the rest of the app stays light.

Photo editors keep the chrome dark and quiet so the photo's colours are judged against
neutral grey; the one accent is the studio's red, used for what is changed or selected.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from studio.style import ACCENT

PANEL_BG = "#1C1D21"
PANEL_RAISED = "#26272C"
PANEL_LINE = "#33353B"
PANEL_TEXT = "#E6E7EA"
PANEL_MUTED = "#8E9199"

PANEL_STYLESHEET = f"""
#EditorPanel {{ background: {PANEL_BG}; }}
#EditorPanel QWidget {{ color: {PANEL_TEXT}; font-size: 13px; }}
#EditorPanel QScrollArea, #EditorPanel #PanelBody {{ background: {PANEL_BG}; border: none; }}
#EditorPanel #PanelTitle {{ font-size: 15px; font-weight: 600; }}
#EditorPanel #GroupTitle {{
    color: {PANEL_MUTED}; font-size: 12px; font-weight: 600; padding-top: 10px;
}}
#EditorPanel #PanelHint {{ color: {PANEL_MUTED}; font-size: 12px; }}
#EditorPanel #PanelError {{ color: #FF6B7F; font-size: 12px; }}
#EditorPanel #SliderName {{ color: {PANEL_TEXT}; }}
#EditorPanel #SliderName[changed="true"] {{ color: {ACCENT}; font-weight: 600; }}
#EditorPanel #SliderMark {{ background: transparent; border-radius: 3px; }}
#EditorPanel #SliderMark[changed="true"] {{ background: {ACCENT}; }}
#EditorPanel QDoubleSpinBox, #EditorPanel QLineEdit {{
    background: {PANEL_RAISED}; border: 1px solid {PANEL_LINE}; border-radius: 6px;
    padding: 3px 6px; selection-background-color: {ACCENT}; selection-color: white;
}}
#EditorPanel QDoubleSpinBox::up-button, #EditorPanel QDoubleSpinBox::down-button {{
    subcontrol-origin: border; width: 0; border: none;
}}
#EditorPanel QDoubleSpinBox:focus, #EditorPanel QLineEdit:focus {{ border-color: {ACCENT}; }}
#EditorPanel QPushButton {{
    background: {PANEL_RAISED}; border: 1px solid {PANEL_LINE}; border-radius: 14px;
    padding: 5px 14px; font-weight: 500;
}}
#EditorPanel QPushButton:hover {{ border-color: #4A4C53; }}
#EditorPanel QPushButton:disabled {{ color: #5D6068; }}
#EditorPanel QPushButton[changed="true"] {{ border-color: {ACCENT}; }}
#EditorPanel QPushButton:checked {{ background: {ACCENT}; border-color: {ACCENT}; color: white; }}
#EditorPanel QPushButton[flat="true"] {{
    border: none; background: transparent; color: {PANEL_MUTED};
}}
#EditorPanel QPushButton[flat="true"]:hover {{ color: {PANEL_TEXT}; }}
#EditorPanel QListView {{
    background: {PANEL_BG}; border: none; outline: none;
}}
#EditorPanel QListView::item {{ border-radius: 8px; padding: 4px; }}
#EditorPanel QListView::item:hover {{ background: {PANEL_RAISED}; }}
#EditorPanel QListView::item:selected {{ background: {PANEL_RAISED}; color: {ACCENT}; }}
#EditorPanel #PresetList::item {{ padding: 9px 10px; margin-bottom: 2px; }}
#EditorPanel QScrollBar:vertical {{ background: transparent; width: 8px; margin: 2px; }}
#EditorPanel QScrollBar::handle:vertical {{ background: #44464D; border-radius: 3px; }}
"""


def style_panel(panel: QWidget) -> None:
    """Give `panel` the dark panel look; its children pick it up through the object name."""
    panel.setObjectName("EditorPanel")
    panel.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    panel.setStyleSheet(PANEL_STYLESHEET)
