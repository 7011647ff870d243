"""The properties of the selected layer: a form for a text layer and one for a sticker.

A form edits one layer value and says what it became: `previewed(layer)` while a slider is
dragged or text is typed, `committed(layer)` once per gesture. Typing is one step per burst:
it is committed after `TYPING_IDLE_MS` without a key, or as soon as the field loses focus;
any other edit made meanwhile commits the typed text with it. The forms know nothing of the
recipe or the stack; the panel places the layer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Generic, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.brand import DEFAULT_BRAND, BrandStyle
from editor.layers import MAX_TEXT_LENGTH, Box, Shadow, StickerLayer, Stroke, TextLayer
from studio.editor.layer_edit import clean_text, fold_degrees
from studio.editor.panels.color_swatches import ColorSwatches
from studio.editor.panels.glyphs import align_icon
from studio.editor.panels.slider_row import SliderRow
from studio.widgets.switch import Switch

TYPING_IDLE_MS = 600
DEFAULT_STROKE_WIDTH = 0.08
"""The outline a colour pick turns on when the text has none (fraction of the text size)."""

L = TypeVar("L", TextLayer, StickerLayer)


@dataclass(frozen=True)
class Knob(Generic[L]):
    """A slider bound to one number of a layer, shown in friendlier units."""

    label: str
    minimum: float
    maximum: float
    read: Callable[[L], float]
    write: Callable[[L, float], L]
    default: float = 0.0
    decimals: int = 0
    step: float = 1.0


def _heading(text: str, parent: QWidget, toggle: Switch | None = None) -> QWidget:
    """A group's title; a switch beside it turns the group on and off and is named by it."""
    row = QWidget(parent)
    line = QHBoxLayout(row)
    line.setContentsMargins(0, 0, 0, 0)
    label = QLabel(text, row)
    label.setObjectName("GroupTitle")
    line.addWidget(label, 1)
    if toggle is not None:
        toggle.setAccessibleName(text)
        line.addWidget(toggle, 0, Qt.AlignmentFlag.AlignBottom)
    return row


class _LayerForm(QWidget, Generic[L]):
    previewed = Signal(object)
    """The layer to render while a gesture goes on; not a history step."""
    committed = Signal(object)
    """The layer after one finished gesture: one undo step."""

    def __init__(self, layer: L, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layer: L = layer
        self.rows: dict[str, SliderRow] = {}
        self._knobs: dict[str, Knob[L]] = {}
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(6)

    @property
    def layer(self) -> L:
        """The layer as the form shows it (with any text still being typed)."""
        return self._layer

    def _knob(self, name: str, knob: Knob[L]) -> SliderRow:
        row = SliderRow(
            knob.label,
            minimum=knob.minimum,
            maximum=knob.maximum,
            decimals=knob.decimals,
            step=knob.step,
            default=knob.default,
            parent=self,
        )
        row.dragged.connect(lambda value: self.previewed.emit(knob.write(self.layer, value)))
        row.changed.connect(lambda value: self._commit(knob.write(self.layer, value)))
        self.rows[name] = row
        self._knobs[name] = knob
        return row

    def _rotation_knob(self, label: str) -> SliderRow:
        """The layer's turn in degrees, −180…180, the same for every kind of layer."""
        return self._knob(
            "rotation",
            Knob(
                label,
                -180.0,
                180.0,
                lambda layer: layer.rotation,
                lambda layer, value: replace(layer, rotation=fold_degrees(value)),
            ),
        )

    def _show(self) -> None:
        layer = self.layer
        for name, knob in self._knobs.items():
            self.rows[name].set_value(round(knob.read(layer), knob.decimals))

    def _commit(self, layer: L) -> None:
        if layer != self._layer:
            self._layer = layer
            self._show()
            self.committed.emit(layer)


def _set_size(layer: TextLayer, percent: float) -> TextLayer:
    return replace(layer, size=percent / 100)


def _set_stroke_width(layer: TextLayer, percent: float) -> TextLayer:
    if percent <= 0:
        return replace(layer, stroke=None)
    color = layer.stroke.color if layer.stroke is not None else "#000000"
    return replace(layer, stroke=Stroke(percent / 100, color))


def _set_box(layer: TextLayer, **values: object) -> TextLayer:
    return replace(layer, box=replace(layer.box or Box(), **values))


def _box_knob(field: str, label: str) -> Knob[TextLayer]:
    """A slider for one of the label box's sizes (in text heights); without a box it shows the
    size a new box gets."""
    return Knob(
        label,
        0.0,
        2.0,
        lambda layer: getattr(layer.box or Box(), field),
        lambda layer, value: _set_box(layer, **{field: value}),
        default=getattr(Box(), field),
        decimals=2,
        step=0.05,
    )


class TextLayerForm(_LayerForm[TextLayer]):
    """Text, font, weight, size, colour, outline, shadow, label box, alignment, line spacing
    and rotation of a text layer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(TextLayer("…"), parent)
        self._brand = DEFAULT_BRAND
        self._typed: str | None = None
        """Text typed and previewed but not committed yet."""
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_IDLE_MS)
        self._typing.timeout.connect(self.flush_typing)

        self.text_field = QPlainTextEdit(self)
        self.text_field.setObjectName("LayerText")
        self.text_field.setPlaceholderText(self.tr("Type your title…"))
        self.text_field.setTabChangesFocus(True)
        self.text_field.setFixedHeight(76)
        self.text_field.setAccessibleName(self.tr("Text"))
        self.text_field.textChanged.connect(self._on_text_changed)
        self.text_field.installEventFilter(self)
        self.counter = QLabel(self)
        self.counter.setObjectName("PanelHint")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)

        self.font_buttons: dict[str, QPushButton] = {}
        fonts = QHBoxLayout()
        fonts.setSpacing(4)
        font_group = QButtonGroup(self)
        for name, label, tip in (
            ("sans", self.tr("Sans"), self.tr("Noto Sans CJK: clean and modern")),
            ("serif", self.tr("Serif"), self.tr("Noto Serif CJK: elegant, for quotes and titles")),
            ("brand", self.tr("Brand"), self.tr("The brand kit's font")),
        ):
            button = QPushButton(label, self)
            button.setCheckable(True)
            button.setToolTip(tip)
            button.clicked.connect(lambda _checked=False, name=name: self._set(font=name))
            font_group.addButton(button)
            self.font_buttons[name] = button
            fonts.addWidget(button)
        fonts.addStretch(1)
        self.bold_button = QPushButton("B", self)
        self.bold_button.setObjectName("BoldButton")
        self.bold_button.setCheckable(True)
        self.bold_button.setToolTip(self.tr("Bold"))
        self.bold_button.setFixedWidth(36)
        self.bold_button.clicked.connect(
            lambda checked: self._set(weight="bold" if checked else "regular")
        )
        fonts.addWidget(self.bold_button)

        self.align_buttons: dict[str, QPushButton] = {}
        align_group = QButtonGroup(self)
        for align, tip in (
            ("left", self.tr("Align left")),
            ("center", self.tr("Centre")),
            ("right", self.tr("Align right")),
        ):
            button = QPushButton(self)
            button.setIcon(align_icon(align))
            button.setCheckable(True)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.setFixedWidth(40)
            button.clicked.connect(lambda _checked=False, align=align: self._set(align=align))
            align_group.addButton(button)
            self.align_buttons[align] = button
        aligns = QHBoxLayout()
        aligns.setSpacing(4)
        for button in self.align_buttons.values():
            aligns.addWidget(button)
        aligns.addStretch(1)

        self.color = ColorSwatches(parent=self)
        self.color.picked.connect(lambda value: self._set(color=value))

        self.shadow_toggle = Switch(parent=self)
        self.shadow_toggle.clicked.connect(
            lambda checked: self._set(shadow=Shadow() if checked else None)
        )
        self.stroke_color = ColorSwatches(parent=self)
        self.stroke_color.picked.connect(self._on_stroke_color_picked)
        self.box_toggle = Switch(parent=self)
        self.box_toggle.clicked.connect(lambda checked: self._set(box=Box() if checked else None))
        self.box_color = ColorSwatches(parent=self)
        self.box_color.picked.connect(lambda value: self._commit(_set_box(self.layer, color=value)))

        self.body.addWidget(_heading(self.tr("Text"), self))
        self.body.addWidget(self.text_field)
        self.body.addWidget(self.counter)
        self.body.addLayout(fonts)
        self.body.addLayout(aligns)
        self.body.addWidget(
            self._knob(
                "size",
                Knob(
                    self.tr("Size"),
                    0.5,
                    50.0,
                    lambda layer: layer.size * 100,
                    _set_size,
                    default=6.0,
                    decimals=1,
                    step=0.5,
                ),
            )
        )
        self.body.addWidget(_heading(self.tr("Colour"), self))
        self.body.addWidget(self.color)
        self.body.addWidget(_heading(self.tr("Outline"), self))
        self.body.addWidget(
            self._knob(
                "stroke",
                Knob(
                    self.tr("Width"),
                    0.0,
                    30.0,
                    lambda layer: layer.stroke.width * 100 if layer.stroke else 0.0,
                    _set_stroke_width,
                ),
            )
        )
        self.body.addWidget(self.stroke_color)
        self.body.addWidget(_heading(self.tr("Shadow"), self, self.shadow_toggle))
        self.body.addWidget(_heading(self.tr("Label box"), self, self.box_toggle))
        self.body.addWidget(self.box_color)
        for name, label in (("radius", self.tr("Corner radius")), ("padding", self.tr("Padding"))):
            self.body.addWidget(self._knob(name, _box_knob(name, label)))
        self.body.addWidget(_heading(self.tr("Layout"), self))
        self.body.addWidget(
            self._knob(
                "line_spacing",
                Knob(
                    self.tr("Line spacing"),
                    0.8,
                    3.0,
                    lambda layer: layer.line_spacing,
                    lambda layer, value: replace(layer, line_spacing=value),
                    default=1.2,
                    decimals=2,
                    step=0.05,
                ),
            )
        )
        self.body.addWidget(self._rotation_knob(self.tr("Rotation")))
        self._show()

    # -- the contract with the panel -------------------------------------------------------

    @property
    def layer(self) -> TextLayer:
        if self._typed is None:
            return self._layer
        return replace(self._layer, text=self._typed)

    def set_layer(self, layer: TextLayer, brand: BrandStyle) -> None:
        """Show `layer`; emits nothing. Text being typed is kept (and committed later)."""
        self._layer = layer
        self._brand = brand
        self._show()

    def focus_text(self) -> None:
        """Put the cursor in the text field with the text selected, ready to type over."""
        self.text_field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.text_field.selectAll()

    def flush_typing(self) -> None:
        """Commit text typed since the last step (the burst ended)."""
        self._typing.stop()
        if self._typed is not None:
            layer = self.layer
            self._typed = None
            self._commit(layer)

    # -- gestures --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.text_field and event.type() == QEvent.Type.FocusOut:
            self.flush_typing()
        return super().eventFilter(watched, event)

    def _on_text_changed(self) -> None:
        typed = self.text_field.toPlainText()
        text = clean_text(typed)
        if len(typed) > len(text) and typed.startswith(text):
            self._replace_field(text)  # over the limit: what cannot be drawn is not kept
        self._show_counter(len(text))
        if not text.strip() or text == self.layer.text:
            return  # a blank text is not drawn; the last one stays until something is typed
        self._typed = None if text == self._layer.text else text
        self.previewed.emit(replace(self._layer, text=text))
        self._typing.start()

    def _set(self, **values: object) -> None:
        self._commit(replace(self.layer, **values))

    def _commit(self, layer: TextLayer) -> None:
        self._typed = None
        self._typing.stop()
        super()._commit(layer)

    def _on_stroke_color_picked(self, value: str) -> None:
        width = self.layer.stroke.width if self.layer.stroke else DEFAULT_STROKE_WIDTH
        self._set(stroke=Stroke(width, value))

    # -- display ---------------------------------------------------------------------------

    def _replace_field(self, text: str) -> None:
        self.text_field.blockSignals(True)
        self.text_field.setPlainText(text)
        self.text_field.moveCursor(QTextCursor.MoveOperation.End)
        self.text_field.blockSignals(False)

    def _show_counter(self, length: int) -> None:
        self.counter.setText(f"{length}/{MAX_TEXT_LENGTH}")

    def _show(self) -> None:
        layer = self.layer
        if (
            clean_text(self.text_field.toPlainText()) != layer.text
            and not self.text_field.hasFocus()
        ):
            self._replace_field(layer.text)
        self._show_counter(len(layer.text))
        for name, button in self.font_buttons.items():
            button.setChecked(layer.font == name)
        self.bold_button.setChecked(layer.weight == "bold")
        for align, button in self.align_buttons.items():
            button.setChecked(layer.align == align)
        for swatches in (self.color, self.stroke_color, self.box_color):
            swatches.set_brand(self._brand)
        self.color.set_value(layer.color)
        self.stroke_color.set_value(layer.stroke.color if layer.stroke else "")
        self.shadow_toggle.setChecked(layer.shadow is not None)
        self.box_toggle.setChecked(layer.box is not None)
        self.box_color.set_value(layer.box.color if layer.box else "")
        super()._show()
        for name in ("radius", "padding"):
            self.rows[name].setEnabled(layer.box is not None)


def _set_width(layer: StickerLayer, percent: float) -> StickerLayer:
    return replace(layer, width=percent / 100)


class StickerLayerForm(_LayerForm[StickerLayer]):
    """Size, rotation and opacity of a sticker."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(StickerLayer("builtin:sticker"), parent)
        self.body.addWidget(_heading(self.tr("Sticker"), self))
        self.body.addWidget(
            self._knob(
                "width",
                Knob(
                    self.tr("Size"),
                    1.0,
                    150.0,
                    lambda layer: layer.width * 100,
                    _set_width,
                    default=30.0,
                ),
            )
        )
        self.body.addWidget(self._rotation_knob(self.tr("Rotation")))
        self.body.addWidget(
            self._knob(
                "opacity",
                Knob(
                    self.tr("Opacity"),
                    0.0,
                    100.0,
                    lambda layer: layer.opacity,
                    lambda layer, value: replace(layer, opacity=value),
                    default=100.0,
                ),
            )
        )
        self._show()

    def set_layer(self, layer: StickerLayer) -> None:
        """Show `layer`; emits nothing."""
        self._layer = layer
        self._show()
