"""The platform's note data exports: real messy workbooks (title and period lines, a merged
two-row header, totals, `1.2万` and `--` cells, Excel dates and text dates, blank rows,
English headers in another order), CSVs in GB18030, and the files that are refused."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import Workbook

from publisher.client.csv_sheet import RowError
from publisher.client.platform_export import (
    MAX_COLUMNS,
    PlatformExportError,
    read_platform_export,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOTE_A = "66b1f2c3000000001d03a1b2"
NOTE_B = "66b2a0aa000000001e01ffee"
NOTE_C = "66b3c0de0000000025004242"


def platform_workbook(path: Path) -> Path:
    """An export shaped like the data center's: title, period, a two-row merged header."""
    book = Workbook()
    sheet = book.active
    sheet.title = "笔记数据明细"
    sheet["A1"] = "笔记数据明细"
    sheet.merge_cells("A1:N1")
    sheet["A2"] = "统计时间：2026-08-01 至 2026-08-31"
    upper = ["笔记标题", "发布时间", "体裁", "笔记链接", "基础数据", None, None, "互动数据"]
    upper += [None, None, None, "涨粉", "人均观看时长", "完播率(%)"]
    lower = [None, None, None, None, "曝光", "观看", "封面点击率", "点赞", "收藏", "评论", "分享"]
    sheet.append(upper)
    sheet.append(lower)
    for column in "ABCDLMN":
        sheet.merge_cells(f"{column}3:{column}4")
    sheet.merge_cells("E3:G3")
    sheet.merge_cells("H3:K3")
    sheet.append(
        [
            "秋天的第一杯奶茶",
            datetime(2026, 8, 3, 19, 30),
            "图文",
            f"https://www.xiaohongshu.com/explore/{NOTE_A}?xsec_token=AB1x-y_z&xsec_source=pc",
            "1.2万",
            "12,345",
            0.125,
            812,
            "1,024",
            56,
            "--",
            30,
            "--",
            "--",
        ]
    )
    sheet["G5"].number_format = "0.00%"
    sheet.append(
        [
            "周末露营清单",
            "2026/8/5 8:05:00",
            "图文",
            f"https://www.xiaohongshu.com/discovery/item/{NOTE_B}",
            20000,
            1800.0,
            "9%",
            120,
            45,
            3,
            2,
            "1",
            None,
            None,
        ]
    )
    sheet.append([])
    sheet.append(
        [
            "一分钟学会手冲",
            "2026年8月7日 21:00",
            "视频",
            f"https://www.xiaohongshu.com/explore/{NOTE_C}",
            "3.4w",
            "9,876",
            "7.1 %",
            "1.5k",
            300,
            40,
            25,
            12,
            "1分23秒",
            35,
        ]
    )
    sheet.append(["坏了的一行", "2026-08-09 10:00", "图文", None, 10, 5, None, "12x", -3])
    sheet.append(["只有日期", datetime(2026, 8, 10), "图文", None, 7, 2])
    sheet["B10"].number_format = "yyyy-mm-dd"
    sheet.append(["合计", None, None, None, "6.6万", 24021, None, 2232, 1369, 99, 27, 43])
    sheet.append(["注：数据每日 12:00 更新"])
    book.save(path)
    return path


def codes(errors: list[RowError]) -> list[tuple[int, str]]:
    return [(error.row, error.code) for error in errors]


def test_the_data_centers_workbook_reads_note_by_note(tmp_path: Path) -> None:
    export = read_platform_export(platform_workbook(tmp_path / "笔记数据.xlsx"))

    assert export.period == (date(2026, 8, 1), date(2026, 8, 31))
    # The merged two-row header: lower cells under 基础数据 / 互动数据, upper ones elsewhere.
    assert export.columns == {
        "title": "笔记标题",
        "published_at": "发布时间",
        "link": "笔记链接",
        "type": "体裁",
        "impressions": "曝光",
        "views": "观看",
        "likes": "点赞",
        "collects": "收藏",
        "comments": "评论",
        "shares": "分享",
        "follows": "涨粉",
        "cover_ctr": "封面点击率",
        "completion_rate": "完播率(%)",
        "avg_watch_seconds": "人均观看时长",
    }
    tea, camping, coffee, day_only = export.rows
    assert [row.row for row in export.rows] == [5, 6, 8, 10]

    assert tea.title == "秋天的第一杯奶茶"
    assert tea.published_at == datetime(2026, 8, 3, 19, 30, tzinfo=SHANGHAI)
    assert tea.platform_note_id == NOTE_A and tea.link is not None and "xsec_token" in tea.link
    assert tea.type == "image"
    # `--` is no data, not zero: those metrics are absent, not 0.
    assert tea.metrics == {
        "impressions": 12000,
        "views": 12345,
        "cover_ctr": 0.125,
        "likes": 812,
        "collects": 1024,
        "comments": 56,
        "follows": 30,
    }

    assert camping.published_at == datetime(2026, 8, 5, 8, 5, tzinfo=SHANGHAI)
    assert camping.platform_note_id == NOTE_B
    assert camping.metrics["views"] == 1800 and isinstance(camping.metrics["views"], int)
    assert camping.metrics["cover_ctr"] == pytest.approx(0.09)

    assert coffee.type == "video"
    assert coffee.published_at == datetime(2026, 8, 7, 21, 0, tzinfo=SHANGHAI)
    assert coffee.metrics["impressions"] == 34000 and coffee.metrics["likes"] == 1500
    assert coffee.metrics["avg_watch_seconds"] == 83.0
    assert coffee.metrics["completion_rate"] == pytest.approx(0.35)  # the header says (%)

    assert day_only.published_at == datetime(2026, 8, 10, tzinfo=SHANGHAI)
    assert (day_only.link, day_only.platform_note_id) == (None, None)

    # Each unreadable cell is named; the row is left out rather than half imported.
    assert codes(export.problems) == [
        (9, "platform_export.count_invalid"),
        (9, "platform_export.count_negative"),
    ]
    assert export.problems[0].params == {"column": "点赞", "value": "12x"}
    assert export.problems[1].params == {"column": "收藏", "value": "-3"}
    assert codes(export.skipped) == [
        (7, "platform_export.row_blank"),
        (11, "platform_export.row_total"),
        (12, "platform_export.row_no_data"),
    ]
    assert export.skipped[1].params == {"label": "合计"}


def test_english_headers_in_another_order_without_title_lines(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Likes", "Note ID", "Views", "Title", "Publish Time", "Avg watch time", "CTR"])
    sheet.append(
        [5, NOTE_A.upper(), "1,000", "Hello", "2026-08-03T19:30:00+08:00", "00:00:42", 0.05]
    )
    sheet.append([7, NOTE_B, 900, 2026, "2026-08-04 09:00", "--", "5%"])
    sheet.append([None, None, None, None, None, None, None])
    sheet.append(["Total", None, "1,900"])
    book.save(tmp_path / "export.xlsx")

    export = read_platform_export(tmp_path / "export.xlsx")

    assert export.columns == {
        "title": "Title",
        "published_at": "Publish Time",
        "note_id": "Note ID",
        "views": "Views",
        "cover_ctr": "CTR",
        "likes": "Likes",
        "avg_watch_seconds": "Avg watch time",
    }
    first, second = export.rows
    assert first.platform_note_id == NOTE_A  # lower case, as links write it
    assert first.published_at == datetime(2026, 8, 3, 19, 30, tzinfo=SHANGHAI)
    assert first.metrics == {
        "likes": 5,
        "views": 1000,
        "avg_watch_seconds": 42.0,
        "cover_ctr": 0.05,
    }
    assert second.title == "2026"  # a title Excel kept as a number, without ".0"
    assert second.metrics == {"likes": 7, "views": 900, "cover_ctr": 0.05}
    assert export.period is None
    assert codes(export.skipped) == [
        (4, "platform_export.row_blank"),
        (5, "platform_export.row_total"),
    ]


def test_formulas_read_as_the_values_excel_cached_never_as_their_text(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["标题", "点赞", "收藏", "互动"])
    sheet.append(["有公式的一行", 3, 4, "=B2+C2"])  # openpyxl caches no value: no data
    book.save(tmp_path / "formula.xlsx")

    (row,) = read_platform_export(tmp_path / "formula.xlsx").rows

    assert row.metrics == {"likes": 3, "collects": 4}


def test_the_sheet_with_the_table_is_found_after_an_explanation_sheet(tmp_path: Path) -> None:
    book = Workbook()
    book.active.title = "说明"
    book.active.append(["本表为笔记数据，指标说明见帮助中心"])
    data = book.create_sheet("数据")
    data.append(["笔记名称", "首次发布时间", "阅读量", "新增关注", "平均观看时长(分钟)"])
    data.append(["第二张表里的笔记", "2026-08-03", "2.5万", 3, "1.5"])
    book.save(tmp_path / "two sheets.xlsx")

    (row,) = read_platform_export(tmp_path / "two sheets.xlsx").rows

    assert row.published_at == datetime(2026, 8, 3, tzinfo=SHANGHAI)
    assert row.metrics == {"views": 25000, "follows": 3, "avg_watch_seconds": 90.0}


def test_note_ids_that_disagree_are_wrong_or_repeat_are_problems(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["笔记标题", "笔记链接", "笔记ID", "点赞"])
    link = f"https://www.xiaohongshu.com/explore/{NOTE_A}"
    sheet.append(["一", link, NOTE_A, 1])
    sheet.append(["二", link, NOTE_B, 2])
    sheet.append(["三", "查看笔记", "not-an-id", 3])
    sheet.append(["四", "", NOTE_A, 4])
    sheet.append(["五", "xhslink.com/a/AbCdEf", "", 5])
    book.save(tmp_path / "ids.xlsx")

    export = read_platform_export(tmp_path / "ids.xlsx")

    assert codes(export.problems) == [
        (3, "platform_export.note_id_mismatch"),
        (4, "platform_export.note_id_invalid"),
        (5, "platform_export.note_duplicate"),
    ]
    assert export.problems[0].params == {"column": "笔记ID", "value": NOTE_B, "link": NOTE_A}
    assert export.problems[2].params == {"first_row": 2}
    first, short_link = export.rows
    assert first.platform_note_id == NOTE_A
    # A link without a scheme is not kept as a link, and a short link names no note.
    assert (short_link.link, short_link.platform_note_id) == (None, None)


CSV_EXPORT = (
    "笔记数据明细\r\n"
    "统计时间：2026/08/01 - 2026/08/31\r\n"
    "笔记标题{sep}发布时间{sep}笔记链接{sep}曝光量{sep}观看量{sep}封面点击率{sep}点赞数{sep}收藏数\r\n"
    '秋天的第一杯奶茶{sep}2026/8/3 19:30{sep}https://www.xiaohongshu.com/explore/{note}{sep}"1.2万"'
    '{sep}"12,345"{sep}12.5%{sep}812{sep}"1,024"\r\n'
    "{sep}{sep}{sep}{sep}{sep}{sep}{sep}\r\n"
    "总计：{sep}{sep}{sep}12000{sep}12345{sep}{sep}812{sep}1024\r\n"
)


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig", "utf-16"])
@pytest.mark.parametrize("sep", [",", "\t", ";"])
def test_a_csv_saved_from_the_export_in_any_encoding_and_delimiter(
    tmp_path: Path, encoding: str, sep: str
) -> None:
    path = tmp_path / "笔记数据.csv"
    path.write_bytes(CSV_EXPORT.format(sep=sep, note=NOTE_A).encode(encoding))

    export = read_platform_export(path)

    (row,) = export.rows
    assert row.row == 4 and row.platform_note_id == NOTE_A
    assert row.published_at == datetime(2026, 8, 3, 19, 30, tzinfo=SHANGHAI)
    assert row.metrics == {
        "impressions": 12000,
        "views": 12345,
        "cover_ctr": 0.125,
        "likes": 812,
        "collects": 1024,
    }
    assert export.period == (date(2026, 8, 1), date(2026, 8, 31))
    assert codes(export.skipped) == [
        (5, "platform_export.row_blank"),
        (6, "platform_export.row_total"),
    ]


def test_a_workbook_saved_with_a_csv_name_still_reads(tmp_path: Path) -> None:
    workbook = platform_workbook(tmp_path / "export.xlsx")
    renamed = tmp_path / "export.csv"
    renamed.write_bytes(workbook.read_bytes())

    assert len(read_platform_export(renamed).rows) == 4


# -- refusals --------------------------------------------------------------------------------


def refusal(path: Path, **options: int) -> PlatformExportError:
    with pytest.raises(PlatformExportError) as caught:
        read_platform_export(path, **options)
    return caught.value


@pytest.mark.parametrize("name", ["export.xls", "export.numbers", "export.txt", "export"])
def test_other_formats_are_refused_by_name(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))

    error = refusal(path)

    assert error.code == "platform_export.unsupported_format"
    assert error.params == {"extension": Path(name).suffix}


def test_an_old_excel_file_renamed_xlsx_is_told_apart(tmp_path: Path) -> None:
    path = tmp_path / "export.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))

    error = refusal(path)

    assert (error.code, error.params) == (
        "platform_export.unsupported_format",
        {"extension": ".xls"},
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("export.xlsx", b""),
        ("export.csv", b""),
        ("export.csv", b"  \r\n"),
        ("export.csv", b"\xef\xbb\xbf"),  # a BOM and nothing after it
    ],
)
def test_empty_files_are_refused(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)

    assert refusal(path).code == "platform_export.empty"


def test_a_file_over_20_mb_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.xlsx"
    with path.open("wb") as file:
        file.truncate(20 * 1024 * 1024 + 1)  # sparse: nothing written

    error = refusal(path)

    assert (error.code, error.params) == ("platform_export.too_large", {"max": 20})


def test_what_cannot_be_read_at_all(tmp_path: Path) -> None:
    assert refusal(tmp_path / "missing.xlsx").code == "platform_export.unreadable"
    (tmp_path / "folder.csv").mkdir()
    assert refusal(tmp_path / "folder.csv").code == "platform_export.unreadable"


def test_a_file_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    html = tmp_path / "export.xlsx"
    html.write_text("<html><table><tr><td>笔记标题</td></tr></table></html>")
    assert refusal(html).code == "platform_export.not_xlsx"

    not_excel = io.BytesIO()
    with zipfile.ZipFile(not_excel, "w") as archive:
        archive.writestr("readme.txt", "a zip, not a workbook")
    zipped = tmp_path / "zipped.xlsx"
    zipped.write_bytes(not_excel.getvalue())
    assert refusal(zipped).code == "platform_export.not_xlsx"

    truncated = tmp_path / "truncated.xlsx"
    truncated.write_bytes(platform_workbook(tmp_path / "whole.xlsx").read_bytes()[:2000])
    assert refusal(truncated).code == "platform_export.not_xlsx"


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    path = platform_workbook(tmp_path / "bomb.xlsx")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        with archive.open("xl/media/padding.bin", "w", force_zip64=True) as member:
            chunk = bytes(4 * 1024 * 1024)
            for _ in range(26):  # 104 MB of zeros in about 0.5 MB
                member.write(chunk)
    assert path.stat().st_size < 1024 * 1024

    error = refusal(path)

    assert (error.code, error.params) == ("platform_export.unpacked_too_large", {"max": 100})


def test_too_many_rows_are_refused(tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["标题", "点赞"])
    for number in range(6):
        book.active.append([f"笔记 {number}", number])
    book.save(tmp_path / "rows.xlsx")

    assert len(read_platform_export(tmp_path / "rows.xlsx", max_rows=6).rows) == 6
    error = refusal(tmp_path / "rows.xlsx", max_rows=5)
    assert (error.code, error.params) == ("platform_export.too_many_rows", {"max": 5})


def test_a_sheet_that_runs_on_for_a_million_blank_rows_is_refused(tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["标题", "点赞"])
    book.active.append(["一条笔记", 1])
    book.active["A1048576"] = "at the very bottom"
    book.save(tmp_path / "far.xlsx")

    assert refusal(tmp_path / "far.xlsx", max_rows=10).code == "platform_export.too_many_rows"


def test_a_header_wider_than_the_cap_is_refused(tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["标题", "点赞", *(f"列{n}" for n in range(MAX_COLUMNS))])
    book.active.append(["一条笔记", 1])
    book.save(tmp_path / "wide.xlsx")

    error = refusal(tmp_path / "wide.xlsx")

    assert (error.code, error.params) == ("platform_export.too_many_columns", {"max": MAX_COLUMNS})


@pytest.mark.parametrize(
    ("sheet", "code", "params"),
    [
        ("随便写的表格\n第一列,第二列\n1,2\n", "platform_export.no_header", {}),
        (
            "发布时间,点赞,收藏\n2026-08-03,1,2\n",
            "platform_export.missing_column",
            {"column": "title"},
        ),
        ("笔记标题,发布时间,笔记链接\n标题,2026-08-03,\n", "platform_export.no_metrics", {}),
    ],
)
def test_a_table_without_what_an_import_needs_is_refused(
    tmp_path: Path, sheet: str, code: str, params: dict[str, str]
) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(sheet, encoding="utf-8")

    error = refusal(path)

    assert (error.code, error.params) == (code, params)


def test_a_csv_in_an_unknown_encoding_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_bytes("笔记标题,点赞\n".encode() + b"\xff\xfe\xfd\x80\x81\n")

    assert refusal(path).code == "platform_export.encoding"


def test_a_percent_column_and_a_totals_line_without_its_label(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["笔记标题", "完播率(%)", "点赞"])
    sheet.append(["百分数", 35, 1])
    sheet.append(["设成百分比格式的", 0.35, 2])
    sheet["B3"].number_format = "0%"  # shows 35%: the cell holds the fraction
    sheet.append([None, 35, 3])
    sheet.append([None, "--", "--"])
    sheet.append([])
    sheet.append([])
    book.save(tmp_path / "percent.xlsx")

    export = read_platform_export(tmp_path / "percent.xlsx")

    assert [row.metrics for row in export.rows] == [
        {"completion_rate": 0.35, "likes": 1},
        {"completion_rate": 0.35, "likes": 2},
    ]
    # Blank rows at the end are not worth a word.
    assert codes(export.skipped) == [
        (4, "platform_export.row_total"),
        (5, "platform_export.row_no_data"),
    ]
