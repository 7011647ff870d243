"""The studio's look: white cards on a soft grey canvas, one red accent, rounded corners.

One stylesheet for the whole app, so pages only set object names and dynamic properties
(`level`, `over`, `accent`) and never colours of their own.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

import resources

ACCENT = "#FF2442"
ACCENT_HOVER = "#E8173A"
ACCENT_PRESSED = "#C9102E"
ACCENT_SOFT = "#FFF0F2"
TEXT = "#1F2024"
TEXT_MUTED = "#8A8D94"
CANVAS = "#F5F6F8"
SURFACE = "#FFFFFF"
BORDER = "#E9EAEE"

FONT_FAMILIES = [
    "PingFang SC",
    "Microsoft YaHei UI",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Noto Sans",
    "Noto Color Emoji",
]

CHEVRON = resources.path("icons", "chevron-down.svg").as_posix()

STYLESHEET = f"""
QWidget {{ color: {TEXT}; font-size: 14px; }}
QMainWindow, #PageHost {{ background: {CANVAS}; }}
QToolTip {{ color: {TEXT}; background: {SURFACE}; border: 1px solid {BORDER}; padding: 6px; }}

#NavRail {{ background: {SURFACE}; border-right: 1px solid {BORDER}; }}
#Brand {{ font-size: 18px; font-weight: 700; color: {ACCENT}; padding: 4px 8px 18px 8px; }}
#NavButton {{
    text-align: left; border: none; border-radius: 10px; padding: 10px 14px;
    color: #4A4D55; background: transparent; font-size: 14px;
}}
#NavButton:hover {{ background: #F4F4F6; }}
#NavButton:checked {{ background: {ACCENT_SOFT}; color: {ACCENT}; font-weight: 600; }}
#BackendStatus {{ color: {TEXT_MUTED}; font-size: 12px; padding: 8px; }}
#BackendStatus[state="connected"] {{ color: #1E9E5A; }}
#BackendStatus[state="offline"], #BackendStatus[state="failed"] {{ color: {ACCENT}; }}

#PageTitle {{ font-size: 22px; font-weight: 700; }}
#PageSubtitle {{ color: {TEXT_MUTED}; font-size: 13px; }}
#Card {{ background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 14px; }}
#CardTitle {{ font-size: 15px; font-weight: 600; }}
#Hint, #SaveState {{ color: {TEXT_MUTED}; font-size: 12px; }}
#SaveState[state="offline"], #SaveState[state="conflict"], #SaveState[state="failed"] {{
    color: {ACCENT};
}}
#Counter {{ color: {TEXT_MUTED}; font-size: 12px; }}
#Counter[over="true"] {{ color: {ACCENT}; font-weight: 600; }}

QLineEdit, QPlainTextEdit, QComboBox {{
    background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 10px;
    padding: 8px 12px; selection-background-color: {ACCENT_SOFT}; selection-color: {TEXT};
}}
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus {{ border: 1px solid {ACCENT}; }}
#TitleEdit {{ font-size: 17px; font-weight: 600; border: none; padding: 4px 0; }}
#BodyEdit {{ border: none; padding: 0; font-size: 15px; }}
QComboBox::drop-down {{ border: none; width: 28px; }}
QComboBox::down-arrow {{ image: url("{CHEVRON}"); width: 12px; height: 12px; }}
QComboBox QAbstractItemView {{
    background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 8px;
    selection-background-color: {ACCENT_SOFT}; selection-color: {ACCENT}; padding: 4px;
}}

QPushButton {{
    background: {SURFACE}; border: 1px solid #DCDDE2; border-radius: 18px;
    padding: 8px 18px; font-weight: 500;
}}
QPushButton:hover {{ border-color: #C4C6CC; background: #FAFAFB; }}
QPushButton:disabled {{ color: #B8BAC0; border-color: {BORDER}; }}
QPushButton[accent="true"] {{
    background: {ACCENT}; color: white; border: none; font-weight: 600;
}}
QPushButton[accent="true"]:hover {{ background: {ACCENT_HOVER}; }}
QPushButton[accent="true"]:pressed {{ background: {ACCENT_PRESSED}; }}
QPushButton[accent="true"]:disabled {{ background: #FFB3BF; color: white; }}

#Banner {{ border-radius: 12px; background: #EEF4FF; }}
#Banner[level="warning"] {{ background: #FFF6E5; }}
#Banner[level="error"] {{ background: {ACCENT_SOFT}; }}
#Banner[level="success"] {{ background: #E9F8EF; }}
#BannerText {{ font-size: 13px; }}
#BannerButton {{ padding: 5px 14px; border-radius: 14px; font-size: 13px; }}

#Toast {{
    background: #2A2C31; color: white; border-radius: 12px; padding: 12px 16px;
    font-size: 13px;
}}
#Toast[level="error"] {{ background: #B3122E; }}
#Toast[level="success"] {{ background: #1E7F4C; }}

#UnreadBadge {{
    background: {ACCENT}; color: white; border-radius: 9px; padding: 0 5px;
    font-size: 11px; font-weight: 700;
}}
#NotificationPanel {{ background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 14px; }}
#NotificationScroll, #NotificationList {{ background: transparent; }}
#LinkButton {{
    background: transparent; border: none; color: {ACCENT}; padding: 4px 8px; font-size: 13px;
}}
#LinkButton:hover {{ background: {ACCENT_SOFT}; }}
#LinkButton:disabled {{ color: #B8BAC0; background: transparent; }}
#NotificationRow {{ background: transparent; border-radius: 10px; }}
#NotificationRow[unread="true"] {{ background: #FFF6F7; }}
#NotificationRow:hover {{ background: #F4F4F6; }}
#NotificationText {{ font-size: 13px; }}
#NotificationText[unread="true"] {{ font-weight: 500; }}
#NotificationTime {{ color: {TEXT_MUTED}; font-size: 12px; }}
#UnreadDot {{ background: {ACCENT}; border-radius: 4px; }}
#NotificationIcon {{
    border-radius: 17px; font-size: 16px; font-weight: 700;
    font-family: "Segoe UI Symbol", "DejaVu Sans";
}}
#NotificationIcon[category="invitation"] {{ background: {ACCENT_SOFT}; color: {ACCENT}; }}
#NotificationIcon[category="submission"] {{ background: #EEF4FF; color: #2F6BEA; }}
#NotificationIcon[category="decision"] {{ background: #E9F8EF; color: #1E9E5A; }}
#NotificationIcon[category="comment"] {{ background: #F3EEFF; color: #7A4DDB; }}
#NotificationIcon[category="deadline"] {{ background: #FFF6E5; color: #D97800; }}
#NotificationIcon[category="published"] {{ background: #E6F7F4; color: #0F8F7A; }}
#NotificationIcon[category="held"] {{ background: #FDECEC; color: #B3122E; }}

#Chip {{
    background: {ACCENT_SOFT}; color: {ACCENT}; border: none; border-radius: 13px;
    padding: 4px 12px; font-size: 13px; font-weight: 500;
}}
#Chip:hover {{ background: #FFE1E6; }}
#PickerList {{
    background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 10px; padding: 4px;
    outline: none;
}}
#PickerList::item {{ padding: 5px 8px; border-radius: 6px; }}
#PickerList[roomy="true"]::item {{ padding: 9px 10px; }}
#PickerList::item:hover {{ background: #F7F7F9; }}
#PickerList::item:selected {{ background: {ACCENT_SOFT}; color: {TEXT}; }}
QDateEdit, QTimeEdit, QDoubleSpinBox {{
    background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 10px; padding: 6px 10px;
}}
QDateEdit:focus, QTimeEdit:focus, QDoubleSpinBox:focus {{ border: 1px solid {ACCENT}; }}
QTimeEdit::up-button, QTimeEdit::down-button {{ width: 0; border: none; }}
QDateEdit::drop-down {{ border: none; width: 24px; }}
QDateEdit::down-arrow {{ image: url("{CHEVRON}"); width: 12px; height: 12px; }}
#CheckRow {{ font-size: 13px; }}
#ScheduleState {{ color: {TEXT}; font-size: 13px; }}

#MediaStrip {{ background: transparent; border: none; }}
#DropHint {{
    color: {TEXT_MUTED}; border: 2px dashed #DADBE0; border-radius: 12px; padding: 28px;
    font-size: 13px;
}}
QProgressBar {{
    background: #F0F0F3; border: none; border-radius: 3px; max-height: 6px;
}}
QProgressBar::chunk {{ background: {ACCENT}; border-radius: 3px; }}

QTableView {{
    background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 14px;
    gridline-color: transparent; selection-background-color: {ACCENT_SOFT};
    selection-color: {TEXT}; alternate-background-color: #FBFBFC;
}}
QTableView::item {{ padding: 6px 10px; border-bottom: 1px solid #F1F2F4; }}
QHeaderView::section {{
    background: {SURFACE}; color: {TEXT_MUTED}; border: none;
    border-bottom: 1px solid {BORDER}; padding: 10px; font-size: 12px; font-weight: 600;
}}
QScrollBar:vertical {{ background: transparent; width: 10px; margin: 4px; }}
QScrollBar::handle:vertical {{ background: #D5D6DB; border-radius: 3px; min-height: 30px; }}
QScrollBar:horizontal {{ background: transparent; height: 10px; margin: 4px; }}
QScrollBar::handle:horizontal {{ background: #D5D6DB; border-radius: 3px; min-width: 30px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; }}

#EmptyGlyph {{ font-size: 44px; color: {ACCENT}; }}
#EmptyTitle {{ font-size: 18px; font-weight: 700; }}
#EmptyText {{ color: {TEXT_MUTED}; font-size: 14px; }}
#FormLabel {{ color: {TEXT_MUTED}; }}
#FormValue {{ font-weight: 500; }}
QMessageBox QLabel {{ font-size: 14px; }}

#StateBadge {{
    border-radius: 11px; padding: 3px 10px; font-size: 12px; font-weight: 600;
    background: #F0F1F4; color: #5A5D66;
}}
#StateBadge[tone="accent"] {{ background: {ACCENT_SOFT}; color: {ACCENT}; }}
#StateBadge[tone="waiting"] {{ background: #EEF4FF; color: #2F6BDE; }}
#StateBadge[tone="work"] {{ background: #FFF6E5; color: #B7700B; }}
#StateBadge[tone="good"] {{ background: #E9F8EF; color: #1E7F4C; }}
#Tag {{
    background: #F4F5F7; color: #4A4D55; border-radius: 10px; padding: 3px 9px;
    font-size: 12px;
}}
#Tag[tone="bad"] {{ background: {ACCENT_SOFT}; color: {ACCENT}; }}
#SectionLabel {{ color: {TEXT_MUTED}; font-size: 12px; font-weight: 600; }}
#SectionTitle {{ font-size: 17px; font-weight: 700; }}
#Fee {{ font-size: 20px; font-weight: 700; color: {ACCENT}; }}
#Due {{ font-size: 13px; color: #4A4D55; }}
#Due[tone="accent"] {{ color: {ACCENT}; font-weight: 600; }}
#Protected {{
    background: #E9F8EF; color: #1E7F4C; border-radius: 10px; padding: 8px 12px;
    font-size: 13px; font-weight: 600;
}}
#ErrorNote {{
    background: {ACCENT_SOFT}; color: {ACCENT_PRESSED}; border-radius: 10px; padding: 8px 12px;
}}
#WarnNote {{ background: #FFF6E5; color: #8A5A00; border-radius: 10px; padding: 8px 12px; }}
#YuanSign {{ color: {TEXT_MUTED}; font-weight: 600; }}
#DialogHeading {{ font-size: 17px; font-weight: 700; }}
#Divider {{ background: #F0F0F2; }}
QScrollArea#ClearScroll {{ background: transparent; }}

#BriefCard {{ background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 14px; }}
#BriefCard:hover {{ border-color: #FFC2CB; }}
#BriefCard[selected="true"] {{ border: 2px solid {ACCENT}; background: #FFFBFB; }}
#BriefCardTitle {{ font-size: 15px; font-weight: 600; }}
#BriefMeta {{ color: {TEXT_MUTED}; font-size: 12px; }}
#BriefFee {{ color: {ACCENT}; font-weight: 700; font-size: 15px; }}
#CountChip {{ color: #4A4D55; font-size: 12px; }}
#DetailTitle {{ font-size: 20px; font-weight: 700; }}
#CollabRow {{ background: #FAFAFB; border: 1px solid #F0F1F4; border-radius: 12px; }}
#ConflictField {{ background: #FAFAFB; border: 1px solid #F0F1F4; border-radius: 12px; }}
#CollabName {{ font-size: 14px; font-weight: 600; }}
#CollabMessage {{ color: #4A4D55; font-size: 13px; }}
#Avatar {{
    background: #FFE1E6; color: {ACCENT}; border-radius: 18px; font-weight: 700;
    font-size: 15px;
}}
#BriefEditor QSpinBox, #BriefEditor QDateTimeEdit {{
    background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 10px; padding: 7px 10px;
}}
#BriefEditor QSpinBox:focus, #BriefEditor QDateTimeEdit:focus {{ border: 1px solid {ACCENT}; }}
#BriefEditor QSpinBox::up-button, #BriefEditor QSpinBox::down-button {{
    width: 0; border: none;
}}
#BriefEditor QDateTimeEdit:disabled {{ color: #B8BAC0; background: #FAFAFB; }}
#BriefEditor QDateTimeEdit::drop-down {{ border: none; width: 26px; }}
#BriefEditor QDateTimeEdit::down-arrow {{ image: url("{CHEVRON}"); width: 12px; height: 12px; }}
#EditorSection {{ font-size: 15px; font-weight: 600; }}
#EditorSectionHint {{ color: {TEXT_MUTED}; font-size: 12px; }}
#EditorFooter {{ background: {SURFACE}; border-top: 1px solid {BORDER}; }}

#CommentRow {{ border-top: 1px solid #F1F2F4; padding: 6px 0; }}
#CommentText {{ font-size: 13px; }}
#CommentText[done="true"] {{ color: {TEXT_MUTED}; text-decoration: line-through; }}
#Bubble {{ background: #F6F7F9; border-radius: 12px; }}
#Bubble[mine="true"] {{ background: {ACCENT_SOFT}; }}
#BubbleMeta {{ color: {TEXT_MUTED}; font-size: 11px; }}

#PageTabs::pane {{ border: none; background: transparent; }}
#PageTabs QTabBar::tab {{
    background: transparent; border: none; border-bottom: 2px solid transparent;
    padding: 8px 2px; margin-right: 22px; color: {TEXT_MUTED}; font-size: 14px; font-weight: 600;
}}
#PageTabs QTabBar::tab:hover {{ color: #2B2D33; }}
#PageTabs QTabBar::tab:selected {{ color: {ACCENT}; border-bottom: 2px solid {ACCENT}; }}
#ReviewHeading {{ font-size: 19px; font-weight: 700; }}
#Segment {{
    border: none; border-radius: 15px; padding: 6px 14px; color: #4A4D55;
    background: transparent; font-weight: 600;
}}
#Segment:hover {{ background: #F1F2F4; }}
#Segment:checked {{ background: {ACCENT_SOFT}; color: {ACCENT}; }}
#ReviewPane {{ background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 14px; }}
#ReviewSection {{ font-size: 13px; font-weight: 600; color: #4A4D55; }}
#DiffBox {{
    background: #FAFAFB; border: 1px solid #F0F0F2; border-radius: 10px; padding: 10px 12px;
    font-size: 14px;
}}
#Comment {{ background: #FAFAFB; border: 1px solid #F0F0F2; border-radius: 10px; }}
#Comment[current="true"] {{ background: {SURFACE}; border: 1px solid #E3E4E8; }}
#CommentWhere {{ font-size: 12px; font-weight: 600; color: {ACCENT}; }}
#CommentWhere[resolved="true"] {{ color: {TEXT_MUTED}; }}
#CommentMeta {{ font-size: 12px; color: {TEXT_MUTED}; }}
#RoundHeading {{ font-size: 12px; color: {TEXT_MUTED}; font-weight: 600; padding-top: 4px; }}
#PhotoButton {{ border: 2px solid transparent; border-radius: 8px; padding: 0; }}
#PhotoButton:checked {{ border-color: {ACCENT}; }}
QPushButton[danger="true"] {{ color: {ACCENT}; }}
#TeamForm QSpinBox {{
    background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 10px; padding: 7px 10px;
}}
#TeamForm QSpinBox:focus {{ border: 1px solid {ACCENT}; }}
#TeamForm QSpinBox::up-button, #TeamForm QSpinBox::down-button {{ width: 0; border: none; }}
#InvitationCode {{
    font-family: "DejaVu Sans Mono", "Menlo", "Consolas", monospace; font-size: 30px;
    font-weight: 700; letter-spacing: 2px; color: {TEXT};
}}
#StorefrontLogo[empty="true"] {{
    background: {ACCENT_SOFT}; color: {ACCENT}; border-radius: 16px; font-size: 30px;
}}
"""


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(10.5)
    app.setFont(font)
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(CANVAS))
    palette.setColor(QPalette.ColorRole.Base, QColor(SURFACE))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.Text, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(TEXT))
    app.setPalette(palette)
    app.setStyleSheet(STYLESHEET)
