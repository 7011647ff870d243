"""The data center's own look on top of the studio's stylesheet: KPI tiles, chart cards, the
top notes and the best slots — in the studio's palette, so the page reads as part of the app."""

from __future__ import annotations

from studio.style import ACCENT, ACCENT_SOFT, BORDER, SURFACE, TEXT, TEXT_MUTED

GOOD_SOFT = "#E9F8EF"
GOOD = "#1E7F4C"
FAINT = "#A0A3AA"

ANALYTICS_STYLE = f"""
#KpiTile {{ background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 14px; }}
#KpiTile:hover {{ border-color: #FFC2CB; }}
#KpiLabel {{ color: {TEXT_MUTED}; font-size: 13px; font-weight: 600; }}
#KpiValue {{ color: {TEXT}; font-size: 24px; font-weight: 700; }}
#KpiChange {{ border-radius: 9px; padding: 1px 7px; font-size: 12px; font-weight: 600; }}
#KpiChange[tone="up"] {{ background: {GOOD_SOFT}; color: {GOOD}; }}
#KpiChange[tone="down"] {{ background: {ACCENT_SOFT}; color: {ACCENT}; }}
#KpiChange[tone="flat"] {{ background: #F0F1F4; color: {TEXT_MUTED}; }}
#KpiFormula {{ color: {FAINT}; font-size: 11px; }}
#ChartTitle {{ font-size: 15px; font-weight: 600; }}
#Legend {{ color: {TEXT_MUTED}; font-size: 12px; }}
#TopNote {{ background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 14px; }}
#TopNote:hover {{ border-color: #FFC2CB; }}
#TopRank {{
    background: {ACCENT}; color: white; border-radius: 11px; font-size: 12px; font-weight: 700;
}}
#TopRank[rank="2"], #TopRank[rank="3"] {{ background: {ACCENT_SOFT}; color: {ACCENT}; }}
#TopTitle {{ font-size: 14px; font-weight: 600; }}
#TopMeta {{ color: {TEXT_MUTED}; font-size: 12px; }}
#TopValue {{ font-size: 20px; font-weight: 700; }}
#TopCover {{ background: #F4F5F7; border-radius: 8px; }}
#SlotRank {{ color: {ACCENT}; font-size: 13px; font-weight: 700; }}
#SlotText {{ font-size: 15px; font-weight: 600; }}
#SlotValue {{ color: {TEXT_MUTED}; font-size: 12px; }}
#PeriodBar QDateEdit {{ min-width: 118px; }}
#BigNumber {{ font-size: 22px; font-weight: 700; }}
"""
