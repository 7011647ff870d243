"""Cube LUT files and their interpolation: hand-worked values, the format's corners, refusals."""

from __future__ import annotations

import numpy as np
import pytest

from editor.errors import EditorError
from editor.lut import (
    MAX_CUBE_BYTES,
    MAX_CUBE_LINES,
    CubeLut,
    format_cube,
    load_cube,
    parse_cube,
)

# A 2×2×2 table whose corners hold distinct values v, written as the colour (v, v/2, 1 - v).
# Both interpolations weight corners with weights summing to 1, so the green and blue outputs
# follow from the red one (v/2 and 1 - v); the arithmetic below is done on v alone.
CORNERS = {  # (r, g, b) corner → v
    (0, 0, 0): 0.0,
    (1, 0, 0): 0.8,
    (0, 1, 0): 0.4,
    (0, 0, 1): 0.2,
    (1, 1, 0): 0.6,
    (1, 0, 1): 0.9,
    (0, 1, 1): 0.5,
    (1, 1, 1): 1.0,
}


def corner_lut() -> CubeLut:
    table = np.zeros((2, 2, 2, 3), dtype=np.float32)
    for (r, g, b), v in CORNERS.items():
        table[r, g, b] = (v, v / 2, 1 - v)
    return CubeLut(title="corners", lut3d=table)


def colour(v: float) -> list[float]:
    return [v, v / 2, 1 - v]


def identity_table(size: int) -> np.ndarray:
    axis = np.linspace(0, 1, size, dtype=np.float32)
    return np.stack(np.meshgrid(axis, axis, axis, indexing="ij"), axis=-1)


def sample_one(lut: CubeLut, rgb: tuple[float, float, float], method: str) -> np.ndarray:
    return lut.sample(np.array([rgb], dtype=np.float32), method)[0]  # type: ignore[arg-type]


def cube_text(rows: list[tuple[float, float, float]], header: str) -> str:
    return header + "".join(f"{r} {g} {b}\n" for r, g, b in rows)


IDENTITY_2 = [(r, g, b) for b in (0, 1) for g in (0, 1) for r in (0, 1)]  # red fastest


# ---- interpolation, worked by hand -------------------------------------------------------


@pytest.mark.parametrize(
    ("point", "expected"),
    [
        # (0.5, 0.25, 0.75): fr = 0.5, fg = 0.25, fb = 0.75. Along blue first:
        #   c00 = v000 + (v001 - v000)·fb = 0 + 0.2·0.75 = 0.15
        #   c01 = v010 + (v011 - v010)·fb = 0.4 + 0.1·0.75 = 0.475
        #   c10 = v100 + (v101 - v100)·fb = 0.8 + 0.1·0.75 = 0.875
        #   c11 = v110 + (v111 - v110)·fb = 0.6 + 0.4·0.75 = 0.9
        # along green: c0 = 0.15 + 0.325·0.25 = 0.23125; c1 = 0.875 + 0.025·0.25 = 0.88125
        # along red:   0.23125 + 0.65·0.5 = 0.55625
        ((0.5, 0.25, 0.75), 0.55625),
        # (0.8, 0.6, 0.1): c00 = 0.02, c01 = 0.41, c10 = 0.81, c11 = 0.64
        #   c0 = 0.02 + 0.39·0.6 = 0.254; c1 = 0.81 - 0.17·0.6 = 0.708
        #   0.254 + 0.454·0.8 = 0.6172
        ((0.8, 0.6, 0.1), 0.6172),
        # (0.2, 0.7, 0.4): c00 = 0.08, c01 = 0.44, c10 = 0.84, c11 = 0.76
        #   c0 = 0.08 + 0.36·0.7 = 0.332; c1 = 0.84 - 0.08·0.7 = 0.784
        #   0.332 + 0.452·0.2 = 0.4224
        ((0.2, 0.7, 0.4), 0.4224),
        # A corner is its own value.
        ((1.0, 0.0, 1.0), 0.9),
    ],
)
def test_trilinear_matches_hand_worked_values(point, expected):
    result = sample_one(corner_lut(), point, "trilinear")
    np.testing.assert_allclose(result, colour(expected), atol=1e-6)


@pytest.mark.parametrize(
    ("point", "expected"),
    [
        # fb = 0.75 > fr = 0.5 > fg = 0.25: the tetrahedron 000 → 001 → 101 → 111,
        #   (1 - 0.75)·v000 + (0.75 - 0.5)·v001 + (0.5 - 0.25)·v101 + 0.25·v111
        #   = 0.25·0 + 0.25·0.2 + 0.25·0.9 + 0.25·1 = 0.525
        ((0.5, 0.25, 0.75), 0.525),
        # fr = 0.8 > fg = 0.6 > fb = 0.1: 000 → 100 → 110 → 111,
        #   0.2·0 + 0.2·0.8 + 0.5·0.6 + 0.1·1 = 0.56
        ((0.8, 0.6, 0.1), 0.56),
        # fg = 0.7 > fb = 0.4 > fr = 0.2: 000 → 010 → 011 → 111,
        #   0.3·0 + 0.3·0.4 + 0.2·0.5 + 0.2·1 = 0.42
        ((0.2, 0.7, 0.4), 0.42),
        # fg = 0.6 > fr = 0.3 > fb = 0.1: 000 → 010 → 110 → 111,
        #   0.4·0 + 0.3·0.4 + 0.2·0.6 + 0.1·1 = 0.34
        ((0.3, 0.6, 0.1), 0.34),
        # fr = 0.7 > fb = 0.5 > fg = 0.2: 000 → 100 → 101 → 111,
        #   0.3·0 + 0.2·0.8 + 0.3·0.9 + 0.2·1 = 0.63
        ((0.7, 0.2, 0.5), 0.63),
        # fb = 0.9 > fg = 0.4 > fr = 0.1: 000 → 001 → 011 → 111,
        #   0.1·0 + 0.5·0.2 + 0.3·0.5 + 0.1·1 = 0.35
        ((0.1, 0.4, 0.9), 0.35),
        # Ties: fr = fg = 0.5 > fb = 0.25 passes 110 whichever of red and green goes first,
        #   0.5·v000 + 0·(v100 or v010) + 0.25·v110 + 0.25·v111 = 0.15 + 0.25 = 0.4
        ((0.5, 0.5, 0.25), 0.4),
        # fg = fb = 0.5 > fr = 0.25: 0.5·v000 + 0 + 0.25·v011 + 0.25·v111 = 0.125 + 0.25 = 0.375
        ((0.25, 0.5, 0.5), 0.375),
        ((0.0, 1.0, 1.0), 0.5),
    ],
)
def test_tetrahedral_matches_hand_worked_values(point, expected):
    result = sample_one(corner_lut(), point, "tetrahedral")
    np.testing.assert_allclose(result, colour(expected), atol=1e-6)


def test_the_two_methods_agree_on_the_grey_axis_but_not_inside_the_cell():
    lut = corner_lut()
    # On the diagonal both reduce to 000 → 111: (1 - t)·0 + t·1 = t for tetrahedral, while
    # trilinear also mixes in the six off-diagonal corners.
    np.testing.assert_allclose(
        sample_one(lut, (0.5, 0.5, 0.5), "tetrahedral"), colour(0.5), atol=1e-6
    )
    # Trilinear at the centre is the mean of the corners: 4.4 / 8 = 0.55.
    np.testing.assert_allclose(
        sample_one(lut, (0.5, 0.5, 0.5), "trilinear"), colour(0.55), atol=1e-6
    )


@pytest.mark.parametrize("method", ["trilinear", "tetrahedral"])
@pytest.mark.parametrize("size", [2, 5, 17, 33])
def test_an_identity_table_returns_its_input(method, size):
    points = np.random.default_rng(size).random((2000, 3), dtype=np.float32)
    points[:8] = [
        [0, 0, 0],
        [1, 1, 1],
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
        [0.5, 0.5, 0.5],
        [1, 1, 0],
        [0.25, 0.75, 1],
    ]
    result = CubeLut(lut3d=identity_table(size)).sample(points, method)
    assert result.dtype == np.float32
    np.testing.assert_allclose(result, points, atol=2e-6)


@pytest.mark.parametrize("method", ["trilinear", "tetrahedral"])
def test_lattice_points_return_the_table_entry_indexed_r_g_b(method):
    rng = np.random.default_rng(3)
    table = rng.random((3, 3, 3, 3), dtype=np.float32)
    lut = CubeLut(lut3d=table)
    for r, g, b in [(0, 1, 2), (2, 0, 1), (1, 2, 0), (2, 2, 2)]:
        result = sample_one(lut, (r / 2, g / 2, b / 2), method)
        np.testing.assert_allclose(result, table[r, g, b], atol=1e-6)


def test_inputs_outside_the_domain_are_clamped_and_outputs_clipped():
    table = identity_table(2) * 1.5 - 0.25  # outputs -0.25..1.25
    lut = CubeLut(lut3d=table)
    result = lut.sample(np.array([[-3, 0.5, 7], [np.nan, 1, 0]], dtype=np.float32), "tetrahedral")
    # (-3, 0.5, 7) clamps to (0, 0.5, 1) → (-0.25, 0.5, 1.25) → clipped (0, 0.5, 1);
    # NaN counts as 0.
    np.testing.assert_allclose(result, [[0, 0.5, 1], [0, 1, 0]])


def test_a_1d_table_maps_each_channel_through_its_own_curve():
    # Three entries at inputs 0, 0.5, 1. Red squares roughly, green inverts, blue is fixed.
    lut = CubeLut(lut1d=np.array([[0, 1, 0.3], [0.25, 0.5, 0.3], [1, 0, 0.3]], dtype=np.float32))
    # Red at 0.75 lies halfway between 0.25 and 1 → 0.625; green at 0.2 is 1 - 0.2 = 0.8.
    np.testing.assert_allclose(sample_one(lut, (0.75, 0.2, 0.9), "trilinear"), [0.625, 0.8, 0.3])


def test_the_table_arrays_are_read_only():
    lut = corner_lut()
    assert lut.lut3d is not None
    with pytest.raises(ValueError):
        lut.lut3d[0, 0, 0, 0] = 1.0


def test_sampling_a_lattice_of_a_33_table_keeps_shape_and_type():
    lut = CubeLut(lut3d=identity_table(33))
    points = identity_table(33).reshape(-1, 3)
    for method in ("trilinear", "tetrahedral"):
        result = lut.sample(points, method)
        assert result.shape == (33**3, 3) and result.dtype == np.float32
        np.testing.assert_allclose(result, points, atol=2e-6)


# ---- parsing ------------------------------------------------------------------------------


def test_red_varies_fastest_in_the_data_rows():
    # Only the red input changes the output: in file order the first, third, … rows are the
    # red = 0 entries, so reading them with another axis fastest would move green or blue.
    size = 3
    rows = [(r / 2, 0.0, 0.0) for b in range(size) for g in range(size) for r in range(size)]
    lut = parse_cube(cube_text(rows, "LUT_3D_SIZE 3\n"))
    assert lut.lut3d is not None
    np.testing.assert_allclose(lut.lut3d[:, 1, 2, 0], [0, 0.5, 1])
    np.testing.assert_allclose(lut.lut3d[2, :, :, 0], np.ones((3, 3)))
    np.testing.assert_allclose(sample_one(lut, (0.5, 0, 0), "tetrahedral"), [0.5, 0, 0])
    np.testing.assert_allclose(sample_one(lut, (0, 0.5, 1), "tetrahedral"), [0, 0, 0])


def test_title_comments_blank_lines_crlf_and_bom_are_read():
    text = (
        "\ufeff# made by hand\r\n"
        'TITLE "奶油 # not a comment"\r\n'
        "\r\n"
        "LUT_3D_SIZE 2   # trailing comment\r\n"
        + "".join(f"{r} {g} {b}\r\n" for r, g, b in IDENTITY_2[:4])
        + "# a comment among the rows\r\n\r\n"
        + "".join(f"{r} {g} {b}   # row\r\n" for r, g, b in IDENTITY_2[4:])
    )
    lut = parse_cube(text)
    assert lut.title == "奶油 # not a comment"
    assert lut.lut1d is None and lut.lut3d is not None
    np.testing.assert_array_equal(lut.lut3d, identity_table(2))
    assert lut.domain_min == (0.0, 0.0, 0.0) and lut.domain_max == (1.0, 1.0, 1.0)


def test_domain_min_and_max_scale_the_input():
    text = cube_text(IDENTITY_2, "LUT_3D_SIZE 2\nDOMAIN_MIN 0 0 -1\nDOMAIN_MAX 2 4 1\n")
    lut = parse_cube(text)
    assert lut.domain_min == (0.0, 0.0, -1.0) and lut.domain_max == (2.0, 4.0, 1.0)
    # (1, 1, 0) sits at (1/2, 1/4, 1/2) of the domain; the identity table returns those.
    np.testing.assert_allclose(sample_one(lut, (1, 1, 0), "trilinear"), [0.5, 0.25, 0.5])
    # Beyond DOMAIN_MAX clamps to the last entry.
    np.testing.assert_allclose(sample_one(lut, (5, 5, 5), "tetrahedral"), [1, 1, 1])


def test_resolve_input_range_sets_the_domain():
    lut = parse_cube(cube_text(IDENTITY_2, "LUT_3D_SIZE 2\nLUT_3D_INPUT_RANGE 0.5 1.5\n"))
    assert lut.domain_min == (0.5,) * 3 and lut.domain_max == (1.5,) * 3
    np.testing.assert_allclose(sample_one(lut, (1, 0.75, 1.5), "trilinear"), [0.5, 0.25, 1])


def test_a_1d_table_applies_before_the_3d_table():
    # 1D: 0 → 0, 0.5 → 0.25, 1 → 1 (darkens midtones); 3D: inverts (1 - x).
    # 1D first: 0.5 → 0.25 → 0.75. The other order would give 0.5 → 0.5 → 0.25.
    inverted = [(1 - r, 1 - g, 1 - b) for r, g, b in IDENTITY_2]
    rows = [(0, 0, 0), (0.25, 0.25, 0.25), (1, 1, 1), *inverted]
    lut = parse_cube(cube_text(rows, "LUT_1D_SIZE 3\nLUT_3D_SIZE 2\n"))
    assert lut.lut1d is not None and lut.lut1d.shape == (3, 3)
    assert lut.lut3d is not None and lut.lut3d.shape == (2, 2, 2, 3)
    np.testing.assert_allclose(sample_one(lut, (0.5, 0.5, 0.5), "tetrahedral"), [0.75] * 3)


def test_a_resolve_shaper_with_its_own_3d_input_range():
    # The shaper maps input 0..4 onto 0..2; the 3D table is indexed over 0..2.
    # Input 1 → shaper 0.5 → half of 0..2 is 0.25 of the way → the identity gives 0.25.
    rows = [(0, 0, 0), (2, 2, 2), *IDENTITY_2]
    header = "LUT_1D_SIZE 2\nLUT_1D_INPUT_RANGE 0 4\nLUT_3D_SIZE 2\nLUT_3D_INPUT_RANGE 0 2\n"
    lut = parse_cube(cube_text(rows, header))
    assert lut.domain_max == (4.0, 4.0, 4.0)
    np.testing.assert_allclose(sample_one(lut, (1, 2, 4), "trilinear"), [0.25, 0.5, 1])


def test_a_65_cube_parses():
    lut = CubeLut(title="big", lut3d=identity_table(65))
    parsed = parse_cube(format_cube(lut))
    assert parsed.lut3d is not None and parsed.lut3d.shape == (65, 65, 65, 3)
    np.testing.assert_allclose(parsed.lut3d, identity_table(65), atol=5e-7)


def test_format_cube_round_trips():
    rng = np.random.default_rng(7)
    lut = CubeLut(
        title='a "quoted" title',
        lut1d=rng.random((5, 3), dtype=np.float32),
        lut3d=rng.random((4, 4, 4, 3), dtype=np.float32),
        domain_min=(-0.125, 0.0, 0.1),
        domain_max=(1.5, 1.0, 2.0),
    )
    text = format_cube(lut)
    parsed = parse_cube(text)
    assert parsed.title == "a 'quoted' title"
    assert parsed.domain_min == lut.domain_min and parsed.domain_max == lut.domain_max
    assert parsed.lut1d is not None and parsed.lut3d is not None
    np.testing.assert_allclose(parsed.lut1d, lut.lut1d, atol=5e-7)
    np.testing.assert_allclose(parsed.lut3d, lut.lut3d, atol=5e-7)
    assert format_cube(parsed) == text
    points = rng.random((500, 3), dtype=np.float32) * 2
    # Six decimals are within 5e-7 of each entry; steep random tables magnify that a little.
    np.testing.assert_allclose(parsed.sample(points), lut.sample(points), atol=1e-5)


def test_load_cube_reads_a_path_and_bytes(tmp_path):
    text = cube_text(IDENTITY_2, 'TITLE "x"\nLUT_3D_SIZE 2\n')
    path = tmp_path / "look.cube"
    path.write_text(text, encoding="utf-8")
    for source in (path, text.encode("utf-8"), b"\xef\xbb\xbf" + text.encode("utf-8")):
        lut = load_cube(source)
        assert lut.title == "x"
        assert lut.lut3d is not None
        np.testing.assert_array_equal(lut.lut3d, identity_table(2))


# ---- refusals -------------------------------------------------------------------------------


def refusal(text: str) -> EditorError:
    with pytest.raises(EditorError) as caught:
        parse_cube(text)
    return caught.value


ROWS_2 = "".join(f"{r} {g} {b}\n" for r, g, b in IDENTITY_2)


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("LUT_3D_SIZE 2\n" + ROWS_2 + "1 1 1\n", 10, "bad_row_count"),  # one row too many
        ("LUT_3D_SIZE 2\n" + ROWS_2.rsplit("1 1 1\n", 1)[0] + "\n", 8, "bad_row_count"),
        ("LUT_3D_SIZE 2\n", 1, "bad_row_count"),  # no rows at all
        ("LUT_3D_SIZE 2\n" + ROWS_2.replace("1 0 0", "1 zero 0"), 3, "not_a_number"),
        ("LUT_3D_SIZE 2\n" + ROWS_2.replace("1 0 0", "1 nan 0"), 3, "not_finite"),
        ("LUT_3D_SIZE 2\n" + ROWS_2.replace("0 1 0", "inf 1 0"), 4, "not_finite"),
        ("LUT_3D_SIZE 2\n" + ROWS_2.replace("0 1 0", "0 1e39 0"), 4, "not_finite"),
        ("LUT_3D_SIZE 2\n" + ROWS_2.replace("0 1 0", "0 １ 0"), 4, "not_a_number"),
        ("LUT_3D_SIZE 2\nDOMAIN_MAX 1 1 -1e39\n" + ROWS_2, 2, "not_finite"),
        ("LUT_3D_SIZE 2\n" + ROWS_2.replace("1 1 0", "1 1"), 5, "bad_value_count"),
        ("LUT_3D_SIZE 2\n" + ROWS_2.replace("1 1 0", "1 1 0 0"), 5, "bad_value_count"),
        ('TITLE "only a title"\n' + ROWS_2, 2, "missing_size"),
        ("# nothing here\n", 1, "missing_size"),
        ("", 1, "missing_size"),
        ("LUT_3D_SIZE 2\nLUT_3D_SIZE 2\n" + ROWS_2, 2, "duplicate_keyword"),
        ('TITLE "a"\nTITLE "b"\nLUT_3D_SIZE 2\n' + ROWS_2, 2, "duplicate_keyword"),
        ("LUT_3D_SIZE 2\n" + ROWS_2 + "DOMAIN_MIN 0 0 0\n", 10, "keyword_after_data"),
        ('LUT_3D_SIZE 2\n1 1 1\nTITLE "late"\n' + ROWS_2, 3, "keyword_after_data"),
        ("LUT_3D_SIZE 1\n0 0 0\n", 1, "bad_size"),
        ("LUT_3D_SIZE 2.5\n" + ROWS_2, 1, "bad_size"),
        ("LUT_3D_SIZE\n" + ROWS_2, 1, "bad_size"),
        ("LUT_3D_SIZE 2\nDOMAIN_MIN 0 0\n" + ROWS_2, 2, "bad_value_count"),
        ("LUT_3D_SIZE 2\nDOMAIN_MAX 1 x 1\n" + ROWS_2, 2, "not_a_number"),
        (
            "LUT_3D_SIZE 2\nDOMAIN_MIN 0 0 0\nDOMAIN_MAX 1 0 1\n" + ROWS_2,
            3,
            "domain_not_increasing",
        ),
        ("LUT_3D_SIZE 2\nLUT_3D_INPUT_RANGE 1 1\n" + ROWS_2, 2, "domain_not_increasing"),
        (
            "LUT_3D_SIZE 2\nDOMAIN_MAX 2 2 2\nLUT_3D_INPUT_RANGE 0 2\n" + ROWS_2,
            3,
            "domain_given_twice",
        ),
        ("lut_3d_size 2\n" + ROWS_2, 1, "not_a_keyword"),
        ("LUT_3D_SIZE 2\n" + "0 " * 3000 + "\n" + ROWS_2, 2, "line_too_long"),
    ],
)
def test_malformed_files_are_refused_with_line_and_reason(text, line, reason):
    error = refusal(text)
    assert error.code == "lut.invalid"
    assert error.params["line"] == line
    assert error.params["reason"] == reason


def test_a_row_count_refusal_says_how_many_rows_were_expected_and_found():
    error = refusal("LUT_1D_SIZE 4\nLUT_3D_SIZE 2\n" + ROWS_2)
    assert error.params == {"line": 10, "reason": "bad_row_count", "expected": 12, "found": 8}


def test_unknown_keywords_and_ranges_of_absent_tables_are_ignored_like_resolve_does():
    lut = parse_cube("LUT_IN_VIDEO_RANGE\nLUT_3D_SIZE 2\nLUT_1D_INPUT_RANGE 0 2\n" + ROWS_2)
    assert lut.lut3d is not None
    assert lut.domain_max == (1.0, 1.0, 1.0)


@pytest.mark.timeout(10)
@pytest.mark.parametrize(
    ("header", "keyword", "limit"),
    [
        ("LUT_3D_SIZE 130", "LUT_3D_SIZE", 129),
        ("LUT_3D_SIZE 100000", "LUT_3D_SIZE", 129),
        ("LUT_1D_SIZE 65537", "LUT_1D_SIZE", 65536),
        ("LUT_1D_SIZE 1073741824", "LUT_1D_SIZE", 65536),  # a billion rows declared
        ("LUT_3D_SIZE " + "9" * 4000, "LUT_3D_SIZE", 129),
    ],
)
def test_sizes_above_the_caps_are_refused_before_anything_is_allocated(header, keyword, limit):
    error = refusal(header + "\n0 0 0\n")
    assert error.code == "lut.too_large"
    assert error.params == {"keyword": keyword, "max": limit}


@pytest.mark.timeout(20)
def test_a_50_mb_line_without_newline_is_refused_quickly():
    error = refusal("LUT_3D_SIZE 2\n" + "0.5 " * (13 * 1024 * 1024))
    assert (error.code, error.params["reason"], error.params["line"]) == (
        "lut.invalid",
        "line_too_long",
        2,
    )


@pytest.mark.timeout(20)
def test_more_lines_than_any_table_needs_are_refused_unread():
    error = refusal("LUT_3D_SIZE 2\n" + "\n" * 20_000_000 + "0 0 0\n")
    assert error.code == "lut.too_large"
    assert error.params == {"lines": 20_000_002, "max_lines": MAX_CUBE_LINES}


@pytest.mark.timeout(20)
def test_a_million_blank_lines_are_skipped_to_a_row_count_refusal():
    error = refusal("LUT_3D_SIZE 2\n" + "\n" * 1_000_000 + "0 0 0\n")
    assert error.params == {
        "line": 1_000_002,
        "reason": "bad_row_count",
        "expected": 8,
        "found": 1,
    }


def test_files_over_the_byte_cap_are_refused_unread(tmp_path):
    path = tmp_path / "huge.cube"
    with path.open("wb") as handle:
        handle.truncate(MAX_CUBE_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(EditorError) as caught:
        load_cube(path)
    assert caught.value.code == "lut.too_large"
    assert caught.value.params == {"bytes": MAX_CUBE_BYTES + 1, "max_bytes": MAX_CUBE_BYTES}
    with pytest.raises(EditorError) as caught:
        load_cube(b" " * (MAX_CUBE_BYTES + 1))
    assert caught.value.code == "lut.too_large"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",  # binary
        b"LUT_3D_SIZE 2\n\xff\xfe\x00",  # not UTF-8
        'TITLE "x"\nLUT_3D_SIZE 2\n'.encode("utf-16"),  # UTF-16 with BOM
        b'TITLE "\xb4\xbf\xd3\xcd"\nLUT_3D_SIZE 2\n',  # GBK, not UTF-8
    ],
)
def test_binary_or_non_utf8_input_is_not_text(data):
    with pytest.raises(EditorError) as caught:
        load_cube(data)
    assert caught.value.code == "lut.not_text"


def test_text_with_nul_characters_is_not_text():
    assert refusal("LUT_3D_SIZE 2\n\x00").code == "lut.not_text"


def test_paths_that_are_not_regular_files_are_refused(tmp_path):
    with pytest.raises(EditorError) as caught:
        load_cube(tmp_path)
    assert caught.value.code == "file.not_regular"
    with pytest.raises(EditorError) as caught:
        load_cube(tmp_path / "missing.cube")
    assert caught.value.code == "file.not_found"


@pytest.mark.parametrize(
    "arguments",
    [
        {},
        {"lut3d": np.zeros((2, 2, 3), dtype=np.float32)},
        {"lut3d": np.zeros((1, 1, 1, 3), dtype=np.float32)},
        {"lut1d": np.zeros((4, 2), dtype=np.float32)},
        {"lut1d": np.full((2, 3), np.nan, dtype=np.float32)},
        {"lut1d": np.zeros((2, 3)), "domain_min": (1, 0, 0)},
    ],
)
def test_a_cubelut_built_in_code_must_be_well_formed(arguments):
    with pytest.raises(ValueError):
        CubeLut(**arguments)
