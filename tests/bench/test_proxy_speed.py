"""Opening a photo: the screen-size proxy of a 12 MP JPEG.

Target (issue 3): `load_proxy` (gate + reduced decode + area shrink to 1440 px + orientation)
is ready within 1.3× of a bare reduced-size JPEG decode (OpenCV ``IMREAD_REDUCED_COLOR_2`` or
Pillow ``draft``), which gives a 2000×1500 picture and does nothing else.

Run: ``.venv/bin/python -m tests.bench.test_proxy_speed``
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from editor.render import load_proxy
from tests.bench.common import interleaved_medians, photo_jpeg, report

TARGET_RATIO = 1.3


def run(folder: Path, repeats: int = 15) -> float:
    """Measure and print; returns ours / the faster reduced decode."""
    path = photo_jpeg(folder)

    def ours() -> np.ndarray:
        return load_proxy(path)

    def opencv_reduced() -> np.ndarray:
        return cv2.imread(str(path), cv2.IMREAD_REDUCED_COLOR_2)

    def pillow_draft() -> np.ndarray:
        with Image.open(path) as image:
            image.draft("RGB", (image.width // 2, image.height // 2))
            return np.asarray(image)

    medians = interleaved_medians(
        {
            "ours: load_proxy (1440 px)": ours,
            "OpenCV IMREAD_REDUCED_COLOR_2": opencv_reduced,
            "Pillow draft (1/2)": pillow_draft,
        },
        repeats,
    )
    ours_name = next(iter(medians))
    with Image.open(path) as image:
        print(f"\nproxy {load_proxy(path).shape[1::-1]} of a {image.size} JPEG")
    report("Opening a photo: screen-size proxy of a 12 MP JPEG", ours_name, medians)
    fastest = min(value for name, value in medians.items() if name != ours_name)
    ratio = medians[ours_name] / fastest
    print(f"  ratio ours / fastest reduced decode = {ratio:.2f} (target ≤ {TARGET_RATIO})")
    return ratio


def test_proxy_speed(tmp_path: Path) -> None:
    run(tmp_path)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as scratch:
        run(Path(scratch))
