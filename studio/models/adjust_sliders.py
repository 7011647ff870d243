"""The Adjust panel's sliders as data: which ones, in which group, with what range and step.

Ranges come from the recipe (`ADJUST_RANGES`), so the panel can never offer a value the
renderer would clamp; only the grouping, the order and the labels are decided here.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP

from editor.recipe import ADJUST_RANGES

ADJUST_CONTEXT = "AdjustSliders"
"""The translation context of every label below."""


@dataclass(frozen=True)
class SliderSpec:
    """One slider: `label` is an untranslated source string of the `AdjustSliders` context."""

    name: str
    label: str
    minimum: float
    maximum: float
    decimals: int = 0
    step: float = 1.0
    """What one arrow key press moves."""


@dataclass(frozen=True)
class SliderGroup:
    title: str
    sliders: tuple[SliderSpec, ...]


def _spec(name: str, label: str, decimals: int = 0, step: float = 1.0) -> SliderSpec:
    low, high = ADJUST_RANGES[name]
    return SliderSpec(name, label, low, high, decimals, step)


ADJUST_GROUPS: tuple[SliderGroup, ...] = (
    SliderGroup(
        QT_TRANSLATE_NOOP("AdjustSliders", "Light"),
        (
            _spec(
                "exposure", QT_TRANSLATE_NOOP("AdjustSliders", "Exposure"), decimals=2, step=0.05
            ),
            _spec("brightness", QT_TRANSLATE_NOOP("AdjustSliders", "Brightness")),
            _spec("contrast", QT_TRANSLATE_NOOP("AdjustSliders", "Contrast")),
            _spec("highlights", QT_TRANSLATE_NOOP("AdjustSliders", "Highlights")),
            _spec("shadows", QT_TRANSLATE_NOOP("AdjustSliders", "Shadows")),
            _spec("fade", QT_TRANSLATE_NOOP("AdjustSliders", "Fade")),
        ),
    ),
    SliderGroup(
        QT_TRANSLATE_NOOP("AdjustSliders", "Colour"),
        (
            _spec("temperature", QT_TRANSLATE_NOOP("AdjustSliders", "Temperature")),
            _spec("tint", QT_TRANSLATE_NOOP("AdjustSliders", "Tint")),
            _spec("saturation", QT_TRANSLATE_NOOP("AdjustSliders", "Saturation")),
            _spec("vibrance", QT_TRANSLATE_NOOP("AdjustSliders", "Vibrance")),
        ),
    ),
    SliderGroup(
        QT_TRANSLATE_NOOP("AdjustSliders", "Detail & effects"),
        (
            _spec("sharpness", QT_TRANSLATE_NOOP("AdjustSliders", "Sharpness")),
            _spec("clarity", QT_TRANSLATE_NOOP("AdjustSliders", "Clarity")),
            _spec("vignette", QT_TRANSLATE_NOOP("AdjustSliders", "Vignette")),
            _spec("grain", QT_TRANSLATE_NOOP("AdjustSliders", "Grain")),
        ),
    ),
)
"""Every field of `Adjust` exactly once, in the order the panel shows them."""
