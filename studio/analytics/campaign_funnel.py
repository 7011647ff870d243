"""A campaign's funnel drawn as one: impressions → views → interactions → product clicks →
orders → GMV, centred bands narrowing down the page, each with its figure, and between two
bands the share of readers who went on (封面点击率 8.2% …).

The bands narrow by a fixed step rather than by their values: an order is a thousandth of an
impression, and bands drawn to scale would leave the last stages a hairline with no room for
their numbers. The figures and the rates between them carry the proportions.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from publisher.stats_schemas import FunnelStage
from studio.analytics.metric_labels import label, value_text
from studio.collab.money import fen_text
from studio.style import ACCENT, SURFACE, TEXT, TEXT_MUTED

_RATES = {
    ("impressions", "views"): "cover_ctr",
    ("views", "interactions"): "engagement_rate",
    ("product_clicks", "orders"): "conversion_rate",
}
"""Steps the data center has a name for; the others are named by their two stages."""
_PER_ORDER = QT_TRANSLATE_NOOP("CampaignFunnel", "Per order {amount}")
_SHARE = QT_TRANSLATE_NOOP("CampaignFunnel", "{after} ÷ {before} {rate}")

_TOP = QColor(ACCENT)
_BOTTOM = QColor("#FF9AA8")
_BAND_HEIGHT = 40
_GAP = 28
_MARGIN = 4
_NARROWEST = 0.34
"""The last band's width as a share of the first's."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("CampaignFunnel", text)


def stage_text(stage: FunnelStage) -> str:
    """A stage's figure: 1.2万 for counts, ¥ for GMV."""
    return value_text(stage.stage, stage.value)


def step_text(before: FunnelStage, after: FunnelStage) -> str:
    """What share of one stage reached the next, named as the data center names it; the
    money per order for the last step."""
    if after.stage == "gmv":
        amount = fen_text(round(after.value / before.value)) if before.value else "—"
        return _tr(_PER_ORDER).format(amount=amount)
    rate = f"{after.value / before.value * 100:.1f}%" if before.value else "—"
    named = _RATES.get((before.stage, after.stage))
    if named is not None:
        return f"{label(named)} {rate}"
    return _tr(_SHARE).format(after=label(after.stage), before=label(before.stage), rate=rate)


def _mix(top: QColor, bottom: QColor, share: float) -> QColor:
    return QColor(
        round(top.red() + (bottom.red() - top.red()) * share),
        round(top.green() + (bottom.green() - top.green()) * share),
        round(top.blue() + (bottom.blue() - top.blue()) * share),
    )


class FunnelChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stages: list[FunnelStage] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_stages(self, stages: list[FunnelStage]) -> None:
        self.stages = list(stages)
        self.updateGeometry()
        self.update()

    def texts(self) -> list[str]:
        """Each stage's figure, then each step's rate: what the chart says, for tests and
        screen readers."""
        figures = [stage_text(stage) for stage in self.stages]
        steps = [step_text(a, b) for a, b in zip(self.stages, self.stages[1:], strict=False)]
        return figures + steps

    def sizeHint(self) -> QSize:  # noqa: N802
        count = max(len(self.stages), 1)
        return QSize(480, count * _BAND_HEIGHT + (count - 1) * _GAP + 2 * _MARGIN)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, self.sizeHint().height())

    def _fonts(self) -> tuple[QFont, QFont, QFont]:
        name, value, rate = QFont(self.font()), QFont(self.font()), QFont(self.font())
        name.setPixelSize(13)
        value.setPixelSize(15)
        value.setBold(True)
        rate.setPixelSize(12)
        return name, value, rate

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        if not self.stages:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(SURFACE))
        name_font, value_font, rate_font = self._fonts()
        names = [label(stage.stage) for stage in self.stages]
        label_width = max(QFontMetrics(name_font).horizontalAdvance(name) for name in names) + 16
        room = self.width() - label_width - 8
        centre = label_width + room / 2
        count = len(self.stages)
        last = max(count - 1, 1)
        widths = [room * (1 - (1 - _NARROWEST) * index / last) for index in range(count)]
        for index, stage in enumerate(self.stages):
            top = _MARGIN + index * (_BAND_HEIGHT + _GAP)
            upper = widths[index]
            lower = widths[index + 1] if index + 1 < count else upper * 0.92
            band = QPainterPath()
            band.moveTo(QPointF(centre - upper / 2, top))
            band.lineTo(QPointF(centre + upper / 2, top))
            band.lineTo(QPointF(centre + lower / 2, top + _BAND_HEIGHT))
            band.lineTo(QPointF(centre - lower / 2, top + _BAND_HEIGHT))
            band.closeSubpath()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_mix(_TOP, _BOTTOM, index / last))
            painter.drawPath(band)
            painter.setFont(value_font)
            painter.setPen(QColor("white"))
            painter.drawText(
                QRectF(centre - lower / 2, top, lower, _BAND_HEIGHT),
                Qt.AlignmentFlag.AlignCenter,
                stage_text(stage),
            )
            painter.setFont(name_font)
            painter.setPen(QColor(TEXT))
            painter.drawText(
                QRectF(0, top, label_width - 16, _BAND_HEIGHT),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                names[index],
            )
            if index + 1 < count:
                gap = QRectF(centre - room / 2, top + _BAND_HEIGHT, room, _GAP)
                self._paint_step(painter, rate_font, index, gap)
        painter.end()

    def _paint_step(self, painter: QPainter, font: QFont, index: int, gap: QRectF) -> None:
        """The rate from this band to the next, on the gap between them, behind an arrow."""
        text = f"↓  {step_text(self.stages[index], self.stages[index + 1])}"
        painter.setFont(font)
        painter.setPen(QColor(TEXT_MUTED))
        shown = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, round(gap.width()))
        painter.drawText(gap, Qt.AlignmentFlag.AlignCenter, shown)
