"""Colour lookup tables: the Cube LUT 1.0 text format and sampling a table at RGB points.

A `CubeLut` holds an optional 1D table (a per-channel curve) and an optional 3D table (a
lattice of output colours), applied in that order, as the Adobe Cube LUT Specification 1.0 and
DaVinci Resolve's variant of it describe. `parse_cube` reads one from text that came from a
stranger: every refusal is an `EditorError` with a line number, and the work it does is bounded
by the size caps below before any table is allocated. `CubeLut.sample` evaluates the tables
for many points at once (trilinear or tetrahedral interpolation); the renderer bakes looks into
its own lattice with it, so it is vectorised throughout.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import get_args

import numpy as np

from editor.errors import EditorError
from editor.files import file_error, open_regular
from editor.recipe import Interpolation

__all__ = [
    "MAX_CUBE_BYTES",
    "MAX_CUBE_LINES",
    "MAX_LUT_1D_SIZE",
    "MAX_LUT_3D_SIZE",
    "CubeLut",
    "Interpolation",
    "format_cube",
    "load_cube",
    "parse_cube",
]

RGB = tuple[float, float, float]

# A 129³ table written with six decimals is about 58 MB; nothing we accept needs more.
MAX_CUBE_BYTES = 64 * 1024 * 1024
MAX_LUT_1D_SIZE = 65536
# The specification allows 256, but a 256³ table is 200 MB of float32; 129 is the largest
# size grading tools write in practice.
MAX_LUT_3D_SIZE = 129
# The most rows a file may hold, plus room for a header and comments: more lines than this
# are refused before any of them is looked at.
MAX_CUBE_LINES = MAX_LUT_1D_SIZE + MAX_LUT_3D_SIZE**3 + 65536
# Data rows are three numbers; keyword lines a title at most. Longer lines are refused before
# they are split, so a file that is one 50 MB line never becomes millions of tokens.
MAX_LINE_CHARS = 4096

_DEFAULT_MIN: RGB = (0.0, 0.0, 0.0)
_DEFAULT_MAX: RGB = (1.0, 1.0, 1.0)
_LONG_LINE = re.compile(rf"^[^\n]{{{MAX_LINE_CHARS + 1}}}", re.MULTILINE)
_FLOAT32_MAX = float(np.finfo(np.float32).max)
_SKIPPED = re.compile(r"\s*")
_KEYWORD = re.compile(r"[A-Z][A-Z0-9_]*")
# What a value may look like: a decimal number, or NaN/infinity (refused later as not finite).
_NUMBER = re.compile(
    r"[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|nan|inf(?:inity)?)", re.I | re.A
)
_SIZE_KEYWORDS = {"LUT_1D_SIZE": MAX_LUT_1D_SIZE, "LUT_3D_SIZE": MAX_LUT_3D_SIZE}
_DOMAIN_KEYWORDS = ("DOMAIN_MIN", "DOMAIN_MAX")
_RANGE_KEYWORDS = ("LUT_1D_INPUT_RANGE", "LUT_3D_INPUT_RANGE")


@dataclass(frozen=True, eq=False)
class CubeLut:
    """A parsed .cube file: an optional 1D table, then an optional 3D table.

    The arrays are float32, C-contiguous and read-only, so one cached table can be shared by
    every render without anyone changing it under the others.

    Attributes:
        title: The file's TITLE, or ``""``.
        lut1d: n×3 per-channel curve sampled evenly over the domain, or None.
        lut3d: n×n×n×3 output colours indexed ``[r, g, b]``, or None.
        domain_min: The input value each channel maps to the first table entry.
        domain_max: The input value each channel maps to the last table entry. With both
            tables the domain is the 1D table's; its output indexes the 3D table over 0..1.
    """

    title: str = ""
    lut1d: np.ndarray | None = None
    lut3d: np.ndarray | None = None
    domain_min: RGB = _DEFAULT_MIN
    domain_max: RGB = _DEFAULT_MAX

    def __post_init__(self) -> None:
        if self.lut1d is None and self.lut3d is None:
            raise ValueError("a CubeLut needs a 1D table, a 3D table or both")
        if self.lut1d is not None:
            object.__setattr__(self, "lut1d", _frozen_table(self.lut1d, ndim=2))
        if self.lut3d is not None:
            object.__setattr__(self, "lut3d", _frozen_table(self.lut3d, ndim=4))
        low, high = _rgb(self.domain_min), _rgb(self.domain_max)
        if not all(a < b for a, b in zip(low, high, strict=True)):
            raise ValueError("the domain needs min < max on every channel")
        object.__setattr__(self, "domain_min", low)
        object.__setattr__(self, "domain_max", high)

    def sample(self, points: np.ndarray, method: Interpolation = "tetrahedral") -> np.ndarray:
        """Look up RGB points: the 1D table first, then the 3D table.

        Args:
            points: M×3 RGB values; inputs outside the domain are clamped to its edge.
            method: How the 3D table is interpolated between lattice points.

        Returns:
            M×3 float32 output colours, clipped to 0..1.
        """
        if method not in get_args(Interpolation):
            raise ValueError(f"unknown interpolation {method!r}")
        low = np.asarray(self.domain_min, dtype=np.float32)
        high = np.asarray(self.domain_max, dtype=np.float32)
        # NaN would become an arbitrary integer index below; a colour has no NaN to keep.
        values = np.nan_to_num(np.asarray(points, dtype=np.float32).reshape(-1, 3))
        position = np.clip((values - low) / (high - low), 0.0, 1.0)
        if self.lut1d is not None:
            position = np.clip(_sample_1d(self.lut1d, position), 0.0, 1.0)
            if self.lut3d is None:
                return position
        assert self.lut3d is not None
        if method == "trilinear":
            result = _trilinear(self.lut3d, position)
        else:
            result = _tetrahedral(self.lut3d, position)
        return np.clip(result, 0.0, 1.0, out=result)


def _rgb(values: tuple[float, ...]) -> RGB:
    red, green, blue = (float(value) for value in values)
    return red, green, blue


def _frozen_table(table: np.ndarray, *, ndim: int) -> np.ndarray:
    array = np.array(table, dtype=np.float32, order="C")
    size = array.shape[0] if array.ndim else 0
    if array.ndim != ndim or array.shape != (size,) * (ndim - 1) + (3,) or size < 2:
        raise ValueError(f"expected a table of shape {'n×' * (ndim - 1)}3 with n ≥ 2")
    if not np.isfinite(array).all():
        raise ValueError("table values must be finite")
    array.flags.writeable = False
    return array


def _sample_1d(table: np.ndarray, position: np.ndarray) -> np.ndarray:
    index, fraction = _cell(position, table.shape[0])
    channel = np.arange(3)
    lower = table[index, channel]
    upper = table[index + 1, channel]
    return lower + (upper - lower) * fraction


def _cell(position: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Split 0..1 positions into the lower lattice index and the fraction above it."""
    scaled = position * np.float32(size - 1)
    # At exactly 1.0 the lower corner is the last cell's, with fraction 1.
    index = np.minimum(scaled.astype(np.intp), size - 2)
    return index, scaled - index.astype(np.float32)


def _rows(flat: np.ndarray, index: np.ndarray) -> np.ndarray:
    # np.take is several times faster than fancy indexing for a gather of whole rows.
    return np.take(flat, index, axis=0)


def _trilinear(table: np.ndarray, position: np.ndarray) -> np.ndarray:
    size = table.shape[0]
    flat = table.reshape(-1, 3)
    index, fraction = _cell(position, size)
    base = (index[:, 0] * size + index[:, 1]) * size + index[:, 2]
    fr, fg, fb = (fraction[:, axis : axis + 1] for axis in range(3))
    step_r, step_g = size * size, size

    def lerp_b(offset: int) -> np.ndarray:
        low = _rows(flat, base + offset)
        return low + (_rows(flat, base + offset + 1) - low) * fb

    c00 = lerp_b(0)
    c01 = lerp_b(step_g)
    c10 = lerp_b(step_r)
    c11 = lerp_b(step_r + step_g)
    c0 = c00 + (c01 - c00) * fg
    c1 = c10 + (c11 - c10) * fg
    return c0 + (c1 - c0) * fr


def _tetrahedral(table: np.ndarray, position: np.ndarray) -> np.ndarray:
    """Interpolate inside one of the six tetrahedra the cell splits into.

    Which tetrahedron holds the point follows from the order of its fractional parts: walking
    from the cell's 000 corner to its 111 corner one axis at a time, largest fraction first,
    passes the four corners whose weights are 1 - f₁, f₁ - f₂, f₂ - f₃ and f₃ (f sorted
    descending). This is the same split as OpenColorIO's and FFmpeg's ``interp_tetrahedral``,
    written once instead of as six branches.
    """
    size = table.shape[0]
    flat = table.reshape(-1, 3)
    index, fraction = _cell(position, size)
    base = (index[:, 0] * size + index[:, 1]) * size + index[:, 2]
    fr, fg, fb = fraction[:, 0], fraction[:, 1], fraction[:, 2]
    # The axes with the largest and the smallest fraction. Ties go to red first and blue last,
    # so the two are always different axes; which tied axis goes first does not change the
    # result, since the weight between tied fractions is zero.
    largest_r = (fr >= fg) & (fr >= fb)
    largest_g = ~largest_r & (fg >= fb)
    smallest_b = (fb <= fr) & (fb <= fg)
    smallest_g = ~smallest_b & (fg <= fr)
    step_r, step_g = size * size, size
    first = base + np.where(largest_r, step_r, np.where(largest_g, step_g, 1))
    last = base + (step_r + step_g + 1)
    second = last - np.where(smallest_b, 1, np.where(smallest_g, step_g, step_r))
    f1 = np.maximum(np.maximum(fr, fg), fb)[:, None]
    f3 = np.minimum(np.minimum(fr, fg), fb)[:, None]
    f2 = np.maximum(np.minimum(fr, fg), np.minimum(np.maximum(fr, fg), fb))[:, None]
    return (
        _rows(flat, base) * (1.0 - f1)
        + _rows(flat, first) * (f1 - f2)
        + _rows(flat, second) * (f2 - f3)
        + _rows(flat, last) * f3
    )


def load_cube(source: Path | bytes) -> CubeLut:
    """Read and parse a .cube file, refusing anything that is not a small UTF-8 text file.

    Args:
        source: A path, or the file's bytes (e.g. an upload).

    Returns:
        The parsed tables.

    Raises:
        EditorError: ``lut.too_large`` over `MAX_CUBE_BYTES`, ``lut.not_text`` for binary or
            non-UTF-8 data, ``file.*`` for a path that is missing, unreadable or not a regular
            file, and everything `parse_cube` raises.
    """
    data = source if isinstance(source, bytes) else _read_capped(Path(source))
    _check_byte_count(len(data))
    if b"\x00" in data:
        raise EditorError("lut.not_text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EditorError("lut.not_text") from exc
    return parse_cube(text)


def _read_capped(path: Path) -> bytes:
    stream, _size = open_regular(path, _check_byte_count)
    with stream:
        try:
            # One byte past the cap tells a file that grew since the stat from one that fits.
            return stream.read(MAX_CUBE_BYTES + 1)
        except OSError as exc:
            raise file_error(exc) from exc


def _check_byte_count(size: int) -> None:
    if size > MAX_CUBE_BYTES:
        raise EditorError("lut.too_large", {"bytes": size, "max_bytes": MAX_CUBE_BYTES})


def parse_cube(text: str) -> CubeLut:
    """Parse the text of a .cube file (Cube LUT Specification 1.0 and Resolve's variant).

    Accepted: TITLE, LUT_1D_SIZE, LUT_3D_SIZE, DOMAIN_MIN/DOMAIN_MAX, LUT_1D_INPUT_RANGE /
    LUT_3D_INPUT_RANGE, ``#`` comments, blank lines, CRLF line ends, a byte-order mark, and a
    1D table followed by a 3D table in one file. DOMAIN_MIN/MAX (or the INPUT_RANGE of the
    first table) is the input domain of the whole LUT; a shaper file's LUT_3D_INPUT_RANGE is
    folded into its 1D table. As in Resolve, an INPUT_RANGE for a table the file does not have
    and unknown keywords (LUT_IN_VIDEO_RANGE, …) are ignored.

    Args:
        text: The whole file.

    Returns:
        The parsed tables.

    Raises:
        EditorError: ``lut.invalid`` with ``line`` (1-based) and ``reason`` for malformed
            text, ``lut.too_large`` for a size above the caps, ``lut.not_text`` for text
            holding NUL characters.
    """
    _check_byte_count(len(text))
    if "\x00" in text:
        raise EditorError("lut.not_text")
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = _line_count(text)
    if lines > MAX_CUBE_LINES:
        raise EditorError("lut.too_large", {"lines": lines, "max_lines": MAX_CUBE_LINES})
    long_line = _LONG_LINE.search(text)
    if long_line is not None:
        raise _invalid(text.count("\n", 0, long_line.start()) + 1, "line_too_long")
    header = _read_header(text)
    rows = _read_rows(text, header)
    size1d = header.sizes.get("LUT_1D_SIZE", 0)
    lut1d = rows[:size1d] if size1d else None
    lut3d = None
    if "LUT_3D_SIZE" in header.sizes:
        size3d = header.sizes["LUT_3D_SIZE"]
        # Red varies fastest in the file, so the rows are in [b, g, r] order.
        lut3d = rows[size1d:].reshape(size3d, size3d, size3d, 3).transpose(2, 1, 0, 3)
        if lut1d is not None:
            lut1d = _fold_3d_range(lut1d, header)
    low, high = header.domain(has_1d=lut1d is not None)
    return CubeLut(title=header.title, lut1d=lut1d, lut3d=lut3d, domain_min=low, domain_max=high)


def _invalid(line: int, reason: str, **params: object) -> EditorError:
    return EditorError("lut.invalid", {"line": line, "reason": reason, **params})


@dataclass
class _Header:
    title: str = ""
    sizes: dict[str, int] = field(default_factory=dict)
    # DOMAIN_* and *_INPUT_RANGE keyword → (line, values).
    domains: dict[str, tuple[int, tuple[float, ...]]] = field(default_factory=dict)
    data_line: int = 0  # 1-based line of the first data row
    data_offset: int = 0  # its offset in the text

    @property
    def expected_rows(self) -> int:
        return self.sizes.get("LUT_1D_SIZE", 0) + self.sizes.get("LUT_3D_SIZE", 0) ** 3

    def domain(self, *, has_1d: bool) -> tuple[RGB, RGB]:
        """The input domain of the first table, checked to increase on every channel."""
        range_keyword = "LUT_1D_INPUT_RANGE" if has_1d else "LUT_3D_INPUT_RANGE"
        if range_keyword in self.domains:
            line, (low, high) = self.domains[range_keyword]
            if any(keyword in self.domains for keyword in _DOMAIN_KEYWORDS):
                raise _invalid(line, "domain_given_twice")
            bounds = ((low, low, low), (high, high, high))
        else:
            bounds = (
                _rgb(self.domains.get("DOMAIN_MIN", (0, _DEFAULT_MIN))[1]),
                _rgb(self.domains.get("DOMAIN_MAX", (0, _DEFAULT_MAX))[1]),
            )
        if not all(a < b for a, b in zip(*bounds, strict=True)):
            used = (*_DOMAIN_KEYWORDS, range_keyword)
            raise _invalid(
                max(self.domains[k][0] for k in used if k in self.domains),
                "domain_not_increasing",
            )
        return bounds


def _fold_3d_range(lut1d: np.ndarray, header: _Header) -> np.ndarray:
    """Rescale the shaper's output into 0..1 so the 3D table needs no domain of its own.

    Resolve indexes the 3D table of a shaper file over LUT_3D_INPUT_RANGE; the rescale is
    affine and the 1D interpolation linear, so doing it on the table gives the same colours.
    """
    if "LUT_3D_INPUT_RANGE" not in header.domains:
        return lut1d
    line, (low, high) = header.domains["LUT_3D_INPUT_RANGE"]
    if not low < high:
        raise _invalid(line, "domain_not_increasing")
    return (lut1d - np.float32(low)) / np.float32(high - low)


def _lines(text: str, start: int = 0, number: int = 1) -> Iterator[tuple[int, int, str]]:
    """Yield (line number, offset, line) for lines that are not blank, lazily.

    A run of blank lines is skipped by one regular-expression match, not one Python step each.
    """
    end = len(text)
    while True:
        skipped = _SKIPPED.match(text, start)
        assert skipped is not None  # the pattern also matches the empty string
        number += text.count("\n", start, skipped.end())
        start = skipped.end()
        if start >= end:
            return
        stop = text.find("\n", start)
        if stop < 0:
            stop = end
        yield number, start, text[start:stop]
        start = stop + 1
        number += 1


def _line_count(text: str) -> int:
    return max(1, text.count("\n") + (not text.endswith("\n")))


def _read_header(text: str) -> _Header:
    header = _Header()
    seen: set[str] = set()
    for number, offset, raw in _lines(text):
        parts = raw.split(maxsplit=1)
        if not parts or parts[0].startswith("#"):
            continue
        keyword, rest = parts[0], parts[1] if len(parts) > 1 else ""
        if _is_number(keyword):
            header.data_line, header.data_offset = number, offset
            break
        if keyword in seen:
            raise _invalid(number, "duplicate_keyword", keyword=keyword)
        seen.add(keyword)
        _read_keyword(header, number, keyword, rest)
    else:
        last_line = _line_count(text)
        if header.sizes:
            raise _invalid(last_line, "bad_row_count", expected=header.expected_rows, found=0)
        raise _invalid(last_line, "missing_size")
    if not header.sizes:
        raise _invalid(header.data_line, "missing_size")
    return header


def _read_keyword(header: _Header, number: int, keyword: str, rest: str) -> None:
    values = rest.split("#", 1)[0].split()
    if keyword == "TITLE":
        header.title = _title(rest)
    elif keyword in _SIZE_KEYWORDS:
        header.sizes[keyword] = _size(number, keyword, values)
    elif keyword in _DOMAIN_KEYWORDS or keyword in _RANGE_KEYWORDS:
        count = 3 if keyword in _DOMAIN_KEYWORDS else 2
        header.domains[keyword] = (number, _numbers(number, values, count))
    elif not _KEYWORD.fullmatch(keyword):
        raise _invalid(number, "not_a_keyword")


def _title(rest: str) -> str:
    rest = rest.strip()
    if len(rest) >= 2 and rest.startswith('"') and '"' in rest[1:]:
        return rest[1 : rest.rindex('"')]
    return rest


def _size(number: int, keyword: str, values: list[str]) -> int:
    if len(values) != 1 or not values[0].isascii() or not values[0].isdigit():
        raise _invalid(number, "bad_size", keyword=keyword)
    limit = _SIZE_KEYWORDS[keyword]
    # Judge the digits before converting: a size with ten thousand digits is just too large.
    if len(values[0]) > len(str(limit)) or int(values[0]) > limit:
        raise EditorError("lut.too_large", {"keyword": keyword, "max": limit})
    size = int(values[0])
    if size < 2:
        raise _invalid(number, "bad_size", keyword=keyword)
    return size


def _numbers(number: int, values: list[str], count: int) -> tuple[float, ...]:
    if len(values) != count:
        raise _invalid(number, "bad_value_count", expected=count, found=len(values))
    if not all(_is_number(value) for value in values):
        raise _invalid(number, "not_a_number")
    parsed = tuple(float(value) for value in values)
    # A value beyond float32's range would become infinite in the table.
    if not all(math.isfinite(value) and abs(value) <= _FLOAT32_MAX for value in parsed):
        raise _invalid(number, "not_finite")
    return parsed


def _is_number(token: str) -> bool:
    return _NUMBER.fullmatch(token) is not None


def _read_rows(text: str, header: _Header) -> np.ndarray:
    """Parse the data block into an R×3 float32 array of exactly the declared row count.

    numpy's C parser reads well-formed files quickly; when it objects, or the row count or a
    value is off, a line-by-line pass finds the first bad line to report.
    """
    expected = header.expected_rows
    block = io.StringIO(text[header.data_offset :])
    try:
        # The line cap in parse_cube bounds this array, whatever the header declared.
        rows = np.loadtxt(block, dtype=np.float32, comments="#", ndmin=2)
    except ValueError:
        rows = None
    if rows is not None and rows.shape == (expected, 3) and np.isfinite(rows).all():
        return rows
    _find_bad_row(text, header)
    # Only a spelling numpy refuses and our number pattern accepts gets here.
    raise _invalid(header.data_line, "not_a_number")


def _find_bad_row(text: str, header: _Header) -> None:
    expected = header.expected_rows
    found = 0
    last = header.data_line
    for number, _, raw in _lines(text, header.data_offset, header.data_line):
        values = raw.split("#", 1)[0].split()
        if not values:
            continue
        last = number
        if _KEYWORD.fullmatch(values[0]) and not _is_number(values[0]):
            raise _invalid(number, "keyword_after_data", keyword=values[0])
        _numbers(number, values, 3)
        found += 1
        if found > expected:
            raise _invalid(number, "bad_row_count", expected=expected, found=found)
    if found != expected:
        raise _invalid(last, "bad_row_count", expected=expected, found=found)


def format_cube(lut: CubeLut) -> str:
    """Write a table as Cube LUT 1.0 text that `parse_cube` reads back to the same values.

    Values are written with six decimals (the convention of grading tools; float32 carries
    about seven significant digits). A 1D table comes before a 3D table, as Resolve writes it.
    """
    lines = []
    if lut.title:
        # A title is one line and cannot hold its own closing quote.
        title = " ".join(lut.title.replace('"', "'").split())
        lines.append(f'TITLE "{title}"')
    if lut.lut1d is not None:
        lines.append(f"LUT_1D_SIZE {lut.lut1d.shape[0]}")
    if lut.lut3d is not None:
        lines.append(f"LUT_3D_SIZE {lut.lut3d.shape[0]}")
    if (lut.domain_min, lut.domain_max) != (_DEFAULT_MIN, _DEFAULT_MAX):
        lines.append("DOMAIN_MIN " + " ".join(repr(v + 0.0) for v in lut.domain_min))
        lines.append("DOMAIN_MAX " + " ".join(repr(v + 0.0) for v in lut.domain_max))
    header = "\n".join(lines) + "\n"
    blocks = [header]
    if lut.lut1d is not None:
        blocks.append(_format_rows(lut.lut1d))
    if lut.lut3d is not None:
        blocks.append(_format_rows(lut.lut3d.transpose(2, 1, 0, 3).reshape(-1, 3)))
    return "".join(blocks)


def _format_rows(rows: np.ndarray) -> str:
    # + 0.0 turns -0.0 into 0.0, so a table written twice is written the same.
    values = (np.asarray(rows, dtype=np.float64) + 0.0).ravel().tolist()
    return ("%.6f %.6f %.6f\n" * rows.shape[0]) % tuple(values)
