"""Generate the built-in filter looks as 33³ .cube files in resources/luts, plus looks.json.

Each look is a small chain of colour steps (tone curves, saturation, white balance, split
toning, channel mixing) written below with a docstring saying what it should look like, so a
look can be tuned here and regenerated rather than edited as numbers. The output is
deterministic: running the script again writes byte-identical files, which a test checks.

    python scripts/make_luts.py            # rewrite resources/luts
    python scripts/make_luts.py --out DIR  # write somewhere else (e.g. to compare)
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from editor.lut import CubeLut, format_cube

LUT_SIZE = 33
OUTPUT = Path(__file__).resolve().parents[1] / "resources" / "luts"

# Colours are M×3 float64 arrays of display (sRGB-encoded) values, nominally 0..1. Steps may
# overshoot a little; only the finished table is clipped.
Step = Callable[[np.ndarray], np.ndarray]
Points = Sequence[tuple[float, float]]

_LUMA = (0.2126, 0.7152, 0.0722)  # Rec. 709 weights, as the editor's saturation uses them


def luma(rgb: np.ndarray) -> np.ndarray:
    """Brightness of each colour as an M×1 column."""
    return (rgb[:, 0] * _LUMA[0] + rgb[:, 1] * _LUMA[1] + rgb[:, 2] * _LUMA[2])[:, None]


def smoothstep(low: float, high: float, x: np.ndarray) -> np.ndarray:
    """0 below `low`, 1 above `high`, an S-shaped ramp without corners between."""
    t = np.clip((x - low) / (high - low), 0.0, 1.0)
    return t * t * (3.0 - 2.0 * t)


def monotone_cubic(points: Points) -> Callable[[np.ndarray], np.ndarray]:
    """A curve through `points` that never overshoots them (Fritsch–Carlson).

    A monotone cubic keeps a tone curve free of bumps between its control points, so a look
    cannot posterise a smooth gradient.
    """
    xs = np.array([p[0] for p in points], dtype=np.float64)
    ys = np.array([p[1] for p in points], dtype=np.float64)
    slopes = np.diff(ys) / np.diff(xs)
    tangents = np.empty_like(xs)
    tangents[0], tangents[-1] = slopes[0], slopes[-1]
    inner = slopes[:-1] * slopes[1:] > 0
    harmonic = 2.0 / (
        1.0 / np.where(inner, slopes[:-1], 1.0) + 1.0 / np.where(inner, slopes[1:], 1.0)
    )
    tangents[1:-1] = np.where(inner, harmonic, 0.0)

    def evaluate(x: np.ndarray) -> np.ndarray:
        x = np.clip(x, xs[0], xs[-1])
        k = np.clip(np.searchsorted(xs, x, side="right") - 1, 0, len(xs) - 2)
        width = xs[k + 1] - xs[k]
        t = (x - xs[k]) / width
        t2, t3 = t * t, t * t * t
        return (
            (2 * t3 - 3 * t2 + 1) * ys[k]
            + (t3 - 2 * t2 + t) * width * tangents[k]
            + (-2 * t3 + 3 * t2) * ys[k + 1]
            + (t3 - t2) * width * tangents[k + 1]
        )

    return evaluate


def chain(*steps: Step) -> Step:
    """Apply steps left to right."""

    def apply(rgb: np.ndarray) -> np.ndarray:
        for step in steps:
            rgb = step(rgb)
        return rgb

    return apply


def tone(points: Points) -> Step:
    """A tone curve on brightness that keeps hue and saturation (contrast, lift, fade)."""
    curve = monotone_cubic(points)

    def apply(rgb: np.ndarray) -> np.ndarray:
        y = luma(rgb)
        return rgb + (curve(y) - y)

    return apply


def channel_curves(
    red: Points = ((0, 0), (1, 1)),
    green: Points = ((0, 0), (1, 1)),
    blue: Points = ((0, 0), (1, 1)),
) -> Step:
    """Separate curves per channel, the grader's tool for tinted shadows and highlights."""
    curves = [monotone_cubic(points) for points in (red, green, blue)]

    def apply(rgb: np.ndarray) -> np.ndarray:
        return np.stack([curve(rgb[:, c]) for c, curve in enumerate(curves)], axis=1)

    return apply


def saturation(amount: float) -> Step:
    """Scale colourfulness around each colour's own grey (1 = unchanged, 0 = grey)."""

    def apply(rgb: np.ndarray) -> np.ndarray:
        y = luma(rgb)
        return y + (rgb - y) * amount

    return apply


def vibrance(amount: float) -> Step:
    """Saturate muted colours more than already vivid ones, so nothing turns neon."""

    def apply(rgb: np.ndarray) -> np.ndarray:
        y = luma(rgb)
        chroma = rgb.max(axis=1, keepdims=True) - rgb.min(axis=1, keepdims=True)
        return y + (rgb - y) * (1.0 + amount * (1.0 - smoothstep(0.0, 0.8, chroma)))

    return apply


def white_balance(warmth: float, tint: float = 0.0) -> Step:
    """Gains in linear light: warmth > 0 is warmer (amber), tint > 0 is more magenta."""
    gains = np.array([1.0 + warmth, 1.0 - tint, 1.0 - warmth], dtype=np.float64)
    gains /= (gains * np.array(_LUMA)).sum()  # keep white's brightness

    def apply(rgb: np.ndarray) -> np.ndarray:
        linear = np.where(
            rgb <= 0.04045, rgb / 12.92, ((np.maximum(rgb, 0) + 0.055) / 1.055) ** 2.4
        )
        linear = linear * gains
        return np.where(
            linear <= 0.0031308, linear * 12.92, 1.055 * np.maximum(linear, 0) ** (1 / 2.4) - 0.055
        )

    return apply


def split_tone(
    shadows: tuple[float, float, float] = (0, 0, 0),
    highlights: tuple[float, float, float] = (0, 0, 0),
) -> Step:
    """Tint shadows and highlights by small RGB offsets without changing brightness.

    Each offset has its own brightness removed, and fades in smoothly towards its end of the
    tonal range, so midtones (and skin) take the least of either.
    """
    low = np.array(shadows) - np.dot(shadows, _LUMA)
    high = np.array(highlights) - np.dot(highlights, _LUMA)

    def apply(rgb: np.ndarray) -> np.ndarray:
        y = luma(rgb)
        shadow_weight = 1.0 - smoothstep(0.0, 0.6, y)
        highlight_weight = smoothstep(0.4, 1.0, y)
        return rgb + shadow_weight * low + highlight_weight * high

    return apply


def channel_mix(matrix: Sequence[Sequence[float]]) -> Step:
    """Each output channel as a weighted sum of the input channels (rows sum to 1)."""
    weights = np.array(matrix, dtype=np.float64)

    def apply(rgb: np.ndarray) -> np.ndarray:
        # Written out instead of a matrix product so no BLAS kernel can change the last bit.
        return np.stack(
            [rgb[:, 0] * w[0] + rgb[:, 1] * w[1] + rgb[:, 2] * w[2] for w in weights], axis=1
        )

    return apply


def soft_clip(low: float = 0.03, high: float = 0.9) -> Step:
    """Roll values below `low` and above `high` smoothly into 0..1 instead of cutting them.

    Between the knees nothing changes; past them each channel bends with matching slope
    (a tanh shoulder), so bright saturated colours keep a gradient instead of a flat patch.
    """

    def apply(rgb: np.ndarray) -> np.ndarray:
        top = high + (1.0 - high) * np.tanh((rgb - high) / (1.0 - high))
        bottom = low - low * np.tanh((low - rgb) / low)
        return np.where(rgb > high, top, np.where(rgb < low, bottom, rgb))

    return apply


def hue_weight(rgb: np.ndarray, centre: float, width: float) -> np.ndarray:
    """How much each colour belongs to a hue band (degrees), fading to 0 for greys."""
    a = rgb[:, 0] - 0.5 * (rgb[:, 1] + rgb[:, 2])
    b = 0.8660254037844386 * (rgb[:, 1] - rgb[:, 2])
    hue = np.degrees(np.arctan2(b, a))
    distance = (hue - centre + 180.0) % 360.0 - 180.0
    chroma = np.hypot(a, b)
    return (np.exp(-((distance / width) ** 2)) * smoothstep(0.02, 0.15, chroma))[:, None]


def tune_hue(
    centre: float,
    width: float,
    *,
    saturate: float = 1.0,
    toward: Step | None = None,
    mix: float = 0.0,
) -> Step:
    """Change one band of hues: scale its saturation, and/or blend it towards another look."""

    def apply(rgb: np.ndarray) -> np.ndarray:
        weight = hue_weight(rgb, centre, width)
        y = luma(rgb)
        tuned = y + (rgb - y) * (1.0 + (saturate - 1.0) * weight)
        if toward is not None:
            tuned = tuned + (toward(tuned) - tuned) * weight * mix
        return tuned

    return apply


def keep_skin(look: Step, amount: float) -> Step:
    """Apply `look`, but give skin tones back `amount` of their own colour.

    Skin (an orange hue band) keeps its original hue and saturation in that proportion while
    following the look's brightness, so faces stay natural under strong colour looks.
    """

    def apply(rgb: np.ndarray) -> np.ndarray:
        graded = look(rgb)
        weight = hue_weight(rgb, 35.0, 22.0) * amount
        skin = rgb + (luma(graded) - luma(rgb))
        return graded + (skin - graded) * weight

    return apply


def cream(rgb: np.ndarray) -> np.ndarray:
    """奶油: soft and milky — warm, lifted highlights, gentle contrast, a little less colour."""
    return keep_skin(
        chain(
            tone(((0, 0.045), (0.25, 0.285), (0.5, 0.55), (0.78, 0.83), (1, 0.975))),
            white_balance(0.035, 0.01),
            split_tone(shadows=(0.01, 0.0, -0.005), highlights=(0.03, 0.015, -0.02)),
            saturation(0.86),
        ),
        0.35,
    )(rgb)


def film(rgb: np.ndarray) -> np.ndarray:
    """胶片: a print-film feel — S-curve, lifted matte blacks, green-teal shadows, warm
    highlights and the slightly muted colour of negative film."""
    return keep_skin(
        chain(
            tone(((0, 0.06), (0.2, 0.18), (0.5, 0.5), (0.8, 0.82), (1, 0.95))),
            split_tone(shadows=(-0.03, 0.015, 0.02), highlights=(0.035, 0.01, -0.03)),
            channel_curves(green=((0, 0.015), (0.5, 0.505), (1, 0.985))),
            saturation(0.82),
        ),
        0.4,
    )(rgb)


def fresh(rgb: np.ndarray) -> np.ndarray:
    """清新: bright and clean — lifted exposure, slightly cool, clear fresh greens and skies."""
    return keep_skin(
        chain(
            tone(((0, 0.02), (0.3, 0.36), (0.6, 0.68), (1, 1.0))),
            white_balance(-0.03, 0.005),
            tune_hue(120.0, 45.0, saturate=1.15),
            tune_hue(210.0, 35.0, saturate=1.1),
            vibrance(0.12),
        ),
        0.5,
    )(rgb)


def japanese(rgb: np.ndarray) -> np.ndarray:
    """日系: airy Japanese-magazine light — bright, very low contrast, cyan-leaning shadows,
    muted colour, like slightly overexposed film on a cloudy day."""
    return keep_skin(
        chain(
            tone(((0, 0.09), (0.25, 0.34), (0.5, 0.6), (0.8, 0.86), (1, 0.97))),
            split_tone(shadows=(-0.03, 0.01, 0.025), highlights=(0.0, 0.005, 0.005)),
            white_balance(-0.015),
            saturation(0.78),
        ),
        0.4,
    )(rgb)


def vintage(rgb: np.ndarray) -> np.ndarray:
    """复古: an old print — faded blacks and whites, yellowed paper, reduced blue, soft colour."""
    return keep_skin(
        chain(
            channel_curves(
                red=((0, 0.09), (0.5, 0.53), (1, 0.94)),
                green=((0, 0.08), (0.5, 0.51), (1, 0.92)),
                blue=((0, 0.1), (0.5, 0.44), (1, 0.8)),
            ),
            saturation(0.78),
        ),
        0.3,
    )(rgb)


def hongkong(rgb: np.ndarray) -> np.ndarray:
    """港风: 90s Hong Kong cinema — warm, punchy contrast, rich reds, greenish shadows."""
    return keep_skin(
        chain(
            tone(((0, 0.02), (0.22, 0.17), (0.5, 0.5), (0.78, 0.84), (1, 0.98))),
            white_balance(0.05),
            split_tone(shadows=(-0.02, 0.025, 0.0), highlights=(0.03, 0.005, -0.025)),
            tune_hue(0.0, 30.0, saturate=1.1),
        ),
        0.5,
    )(rgb)


def forest(rgb: np.ndarray) -> np.ndarray:
    """森系: quiet woodland — muted olive greens, soft contrast, a cool green cast in shadows."""
    olive = channel_mix(((0.9, 0.1, 0.0), (0.05, 0.85, 0.1), (0.05, 0.15, 0.8)))
    return keep_skin(
        chain(
            tone(((0, 0.05), (0.3, 0.32), (0.6, 0.63), (1, 0.96))),
            tune_hue(110.0, 50.0, saturate=0.7, toward=olive, mix=0.6),
            split_tone(shadows=(-0.015, 0.015, 0.005), highlights=(0.01, 0.01, -0.01)),
            saturation(0.85),
        ),
        0.5,
    )(rgb)


def food(rgb: np.ndarray) -> np.ndarray:
    """美食: appetising — warm, bright and saturated, with a soft shoulder so highlights
    (plates, steam) never blow out."""
    return keep_skin(
        chain(
            tone(((0, 0.0), (0.25, 0.27), (0.5, 0.56), (0.8, 0.86), (1, 0.99))),
            white_balance(0.04, 0.005),
            vibrance(0.3),
            tune_hue(20.0, 35.0, saturate=1.1),
        ),
        0.5,
    )(rgb)


def coolwhite(rgb: np.ndarray) -> np.ndarray:
    """冷白: cool and fair — bright, a clean cool white balance, gently lowered saturation so
    skin reads porcelain rather than yellow."""
    return keep_skin(
        chain(
            tone(((0, 0.03), (0.3, 0.37), (0.65, 0.74), (1, 1.0))),
            white_balance(-0.05, 0.01),
            saturation(0.88),
        ),
        0.45,
    )(rgb)


def sunset(rgb: np.ndarray) -> np.ndarray:
    """落日: golden hour — orange glowing highlights, soft rose-violet shadows, warm overall."""
    return keep_skin(
        chain(
            tone(((0, 0.03), (0.3, 0.29), (0.7, 0.74), (1, 0.98))),
            white_balance(0.06, 0.015),
            split_tone(shadows=(0.01, -0.015, 0.025), highlights=(0.06, 0.015, -0.06)),
            saturation(1.05),
        ),
        0.45,
    )(rgb)


def bluehour(rgb: np.ndarray) -> np.ndarray:
    """蓝调: blue hour in the city — cool blue-cyan cast, deep calm shadows, muted warm hues."""
    return keep_skin(
        chain(
            tone(((0, 0.03), (0.3, 0.26), (0.7, 0.7), (1, 0.96))),
            white_balance(-0.08),
            split_tone(shadows=(-0.02, 0.0, 0.04), highlights=(-0.01, 0.005, 0.015)),
            tune_hue(40.0, 50.0, saturate=0.75),
            saturation(0.9),
        ),
        0.4,
    )(rgb)


def moody(rgb: np.ndarray) -> np.ndarray:
    """氛围感: cinematic mood — darker midtones, matte blacks, desaturated, teal shadows
    against slightly warm highlights."""
    return keep_skin(
        chain(
            tone(((0, 0.04), (0.25, 0.19), (0.5, 0.43), (0.8, 0.78), (1, 0.93))),
            split_tone(shadows=(-0.035, 0.01, 0.025), highlights=(0.025, 0.01, -0.02)),
            saturation(0.72),
        ),
        0.4,
    )(rgb)


def bw(rgb: np.ndarray) -> np.ndarray:
    """黑白: classic black and white — brightness weighted like the eye sees it (a touch more
    red for kind skin), a gentle S-curve and a hint of lifted black."""
    grey = channel_mix(((0.3, 0.6, 0.1),) * 3)
    return chain(grey, tone(((0, 0.02), (0.25, 0.22), (0.5, 0.5), (0.75, 0.79), (1, 0.98))))(rgb)


@dataclass(frozen=True)
class LookSpec:
    """One built-in look: its id suffix, names for the Filters panel and its colour function."""

    name: str
    name_zh: str
    name_en: str
    colour: Step


LOOKS = (
    LookSpec("cream", "奶油", "Cream", cream),
    LookSpec("film", "胶片", "Film", film),
    LookSpec("fresh", "清新", "Fresh", fresh),
    LookSpec("japanese", "日系", "Japanese", japanese),
    LookSpec("vintage", "复古", "Vintage", vintage),
    LookSpec("hongkong", "港风", "Hong Kong", hongkong),
    LookSpec("forest", "森系", "Forest", forest),
    LookSpec("food", "美食", "Food", food),
    LookSpec("coolwhite", "冷白", "Cool Fair", coolwhite),
    LookSpec("sunset", "落日", "Sunset", sunset),
    LookSpec("bluehour", "蓝调", "Blue Hour", bluehour),
    LookSpec("moody", "氛围感", "Moody", moody),
    LookSpec("bw", "黑白", "B&W", bw),
)


def lattice(size: int = LUT_SIZE) -> np.ndarray:
    """The size³ input colours of a 3D table, indexed [r, g, b], flattened to M×3."""
    axis = np.linspace(0.0, 1.0, size)
    r, g, b = np.meshgrid(axis, axis, axis, indexing="ij")
    return np.stack([r.ravel(), g.ravel(), b.ravel()], axis=1)


def bake(spec: LookSpec, size: int = LUT_SIZE) -> CubeLut:
    """Evaluate a look on the lattice; every look ends in the same soft clip, never a hard one."""
    table = soft_clip()(spec.colour(lattice(size))).reshape(size, size, size, 3)
    return CubeLut(title=f"Zhongcao Studio {spec.name_en}", lut3d=table)


def write_all(out: Path) -> None:
    """Write every look's .cube file and looks.json (display order) into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    index = []
    for spec in LOOKS:
        file_name = f"{spec.name}.cube"
        (out / file_name).write_text(format_cube(bake(spec)), encoding="utf-8", newline="\n")
        index.append(
            {
                "id": f"builtin:{spec.name}",
                "name_zh": spec.name_zh,
                "name_en": spec.name_en,
                "file": file_name,
            }
        )
    document = json.dumps({"version": 1, "looks": index}, ensure_ascii=False, indent=2)
    (out / "looks.json").write_text(document + "\n", encoding="utf-8", newline="\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUTPUT, help="folder to write into")
    write_all(parser.parse_args().out)


if __name__ == "__main__":
    main()
