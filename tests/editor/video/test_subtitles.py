"""SRT subtitles: real-world files read into clean cues, and cues made into an edit's overlays."""

from __future__ import annotations

import pytest

from editor.errors import EditorError
from editor.layers import MAX_LINES, MAX_TEXT_LENGTH, Box, StickerLayer, TextLayer
from editor.sentences import describe
from editor.video.edit import MAX_OVERLAYS, Overlay, VideoEdit
from editor.video.subtitles import (
    MAX_SRT_BYTES,
    Cue,
    read_srt,
    subtitle_overlays,
    with_subtitles,
)

SRT = """1
00:00:01,000 --> 00:00:03,500
今天分享一个平价好物

2
00:00:03,500 --> 00:00:06,200
上脸真的很自然
不卡粉不拔干

3
00:00:07,000 --> 00:00:09,000
链接放在评论区啦～
"""
EXPECTED = [
    Cue(1.0, 3.5, "今天分享一个平价好物"),
    Cue(3.5, 6.2, "上脸真的很自然\n不卡粉不拔干"),
    Cue(7.0, 9.0, "链接放在评论区啦～"),
]


def text_layers(overlays: tuple[Overlay, ...]) -> list[TextLayer]:
    layers = [overlay.layer for overlay in overlays]
    assert all(isinstance(layer, TextLayer) for layer in layers)
    return layers  # type: ignore[return-value]


def error_of(data: bytes) -> EditorError:
    with pytest.raises(EditorError) as caught:
        read_srt(data)
    return caught.value


@pytest.mark.parametrize(
    "data",
    [
        SRT.encode("utf-8"),
        b"\xef\xbb\xbf" + SRT.encode("utf-8"),
        SRT.encode("gb18030"),
        SRT.replace("\n", "\r\n").encode("gb18030"),
        SRT.encode("utf-16"),  # with its BOM, little-endian here
        b"\xfe\xff" + SRT.encode("utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "gb18030-crlf", "utf16le", "utf16be"],
)
def test_chinese_srt_reads_in_every_common_encoding(data: bytes) -> None:
    assert read_srt(data) == EXPECTED


def test_gb18030_bytes_are_not_utf8() -> None:
    """The fallback is exercised: these bytes are not valid UTF-8."""
    with pytest.raises(UnicodeDecodeError):
        SRT.encode("gb18030").decode("utf-8")


def test_tags_are_stripped_to_plain_text() -> None:
    data = (
        "1\n00:00:01,000 --> 00:00:02,000\n"
        '{\\an8}<i>真的</i><b>好用</b> <font color="#ff0000">推荐</font> <3 a<b\n'
    ).encode()
    assert read_srt(data) == [Cue(1.0, 2.0, "真的好用 推荐 <3 a<b")]


def test_cues_without_text_are_skipped_and_blank_lines_dropped() -> None:
    data = (
        "1\n00:00:01,000 --> 00:00:02,000\n<i></i>\n\n"
        "2\n00:00:02,000 --> 00:00:02,000\n零长度\n\n"
        "3\n00:00:03,000 --> 00:00:04,000\n  第一行  \n\t\n第二行\n"
    ).encode()
    assert read_srt(data) == [Cue(3.0, 4.0, "第一行\n第二行")]


def test_cues_are_sorted_and_overlaps_cut_so_one_shows_at_a_time() -> None:
    data = (
        "3\n00:00:05,000 --> 00:00:06,000\n三\n\n"
        "1\n00:00:01,000 --> 00:00:03,000\n一\n\n"
        "2\n00:00:02,500 --> 00:00:04,000\n二\n\n"
        "4\n00:00:05,000 --> 00:00:07,000\nfour\n"
    ).encode()
    assert read_srt(data) == [
        Cue(1.0, 2.5, "一"),
        Cue(2.5, 4.0, "二"),
        Cue(5.0, 7.0, "三\nfour"),  # starting together: one cue, nothing lost
    ]


def test_too_long_text_is_cut_to_the_text_layer_limits() -> None:
    long_line = "好" * (MAX_TEXT_LENGTH + 50)
    many_lines = "\n".join(f"第{i}行" for i in range(MAX_LINES + 10))
    data = (
        f"1\n00:00:01,000 --> 00:00:02,000\n{long_line}\n\n"
        f"2\n00:00:02,000 --> 00:00:03,000\n{many_lines}\n"
    ).encode()
    first, second = read_srt(data)
    assert len(first.text) == MAX_TEXT_LENGTH and first.text.endswith("…")
    assert second.text.count("\n") == MAX_LINES and second.text.endswith("…")
    assert second.text.startswith("第0行\n第1行")
    # And what comes out is a text layer the edit document accepts.
    edit = with_subtitles(VideoEdit(), subtitle_overlays([first, second]))
    assert VideoEdit.from_dict(edit.to_dict()) == edit


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("1\n00:00:01,000 --> 00:00:xx,000\n坏的时间\n", 1),
        (SRT + "\n4\n00:00:10,000 -> 00:00:11,000\n箭头不对\n", 14),
        ("这不是字幕文件，只是一段话。\n", 1),
        ("\n\n  hello\n", 3),
    ],
    ids=["bad-timestamp", "bad-arrow-later", "prose", "prose-after-blank-lines"],
)
def test_malformed_files_are_refused_at_their_line(text: str, line: int) -> None:
    error = error_of(text.encode())
    assert (error.code, error.params) == ("subtitles.invalid", {"line": line})


@pytest.mark.parametrize(
    "data", [b"", b"\xef\xbb\xbf", b"\n \r\n", b"1\n00:00:01,000 --> 00:00:02,000\n\n"]
)
def test_files_without_cues_are_refused(data: bytes) -> None:
    assert error_of(data).code == "subtitles.empty"


def test_binary_is_refused_as_not_text() -> None:
    assert error_of(bytes(range(256)) * 4).code == "subtitles.encoding"


def test_huge_file_is_refused_before_reading() -> None:
    data = SRT.encode() * (MAX_SRT_BYTES // len(SRT.encode()) + 1)
    error = error_of(data)
    assert (error.code, error.params) == (
        "subtitles.too_large",
        {"size": len(data), "max": MAX_SRT_BYTES},
    )


def cues_srt(count: int) -> bytes:
    return "".join(
        f"{i + 1}\n00:{i // 60:02d}:{i % 60:02d},000 --> 00:{i // 60:02d}:{i % 60:02d},800\n"
        f"第{i}句\n\n"
        for i in range(count)
    ).encode()


def test_more_cues_than_overlays_allowed_are_refused() -> None:
    assert len(read_srt(cues_srt(MAX_OVERLAYS))) == MAX_OVERLAYS
    error = error_of(cues_srt(MAX_OVERLAYS + 1))
    assert (error.code, error.params) == (
        "subtitles.too_many",
        {"count": MAX_OVERLAYS + 1, "max": MAX_OVERLAYS},
    )


def test_overlays_use_a_readable_default_style() -> None:
    overlays = subtitle_overlays([Cue(1.0, 2.5, "今天分享")])
    assert [(o.start, o.end, o.subtitle) for o in overlays] == [(1.0, 2.5, True)]
    (layer,) = text_layers(overlays)
    assert layer.text == "今天分享"
    assert layer.color == "#FFFFFF" and layer.stroke is not None
    assert layer.y > 0.75 and layer.x == 0.5 and layer.align == "center"
    assert layer.size < 0.06


def test_overlays_take_a_given_style_with_each_cue_text() -> None:
    style = TextLayer("样式", color="#FFE600", box=Box(color="#00000099"), y=0.9, size=0.05)
    layers = text_layers(subtitle_overlays(EXPECTED, style))
    assert [layer.text for layer in layers] == [cue.text for cue in EXPECTED]
    assert {(layer.color, layer.box, layer.y, layer.size) for layer in layers} == {
        ("#FFE600", Box(color="#00000099"), 0.9, 0.05)
    }


def test_reimporting_replaces_only_the_previous_subtitles() -> None:
    title = Overlay(0.0, 2.0, TextLayer("标题"))
    sticker = Overlay(1.0, 3.0, StickerLayer("builtin:must_buy"))
    edit = with_subtitles(VideoEdit(overlays=(title,)), subtitle_overlays(EXPECTED))
    edit = VideoEdit(overlays=(*edit.overlays, sticker))
    again = with_subtitles(edit, subtitle_overlays([Cue(4.0, 5.0, "新的字幕")]))
    assert again.overlays[:2] == (title, sticker)
    assert [(o.start, o.subtitle) for o in again.overlays[2:]] == [(4.0, True)]
    assert [layer.text for layer in text_layers(again.overlays[2:])] == ["新的字幕"]
    assert with_subtitles(again, ()).overlays == (title, sticker)


def test_subtitles_must_fit_beside_the_other_overlays() -> None:
    titles = tuple(Overlay(i, i + 1.0, TextLayer(f"标题{i}")) for i in range(10))
    edit = VideoEdit(overlays=titles)
    cues = [Cue(i, i + 0.5, f"第{i}句") for i in range(MAX_OVERLAYS - 9)]
    with pytest.raises(EditorError) as caught:
        with_subtitles(edit, subtitle_overlays(cues))
    assert (caught.value.code, caught.value.params) == (
        "subtitles.too_many",
        {"count": MAX_OVERLAYS - 9, "max": MAX_OVERLAYS - 10},
    )
    assert len(with_subtitles(edit, subtitle_overlays(cues[:-1])).overlays) == MAX_OVERLAYS


@pytest.mark.parametrize(
    "data",
    [b"", bytes(range(256)) * 4, b"garbage\n", b"\n" * (MAX_SRT_BYTES + 1)],
    ids=["empty", "encoding", "invalid", "too-large"],
)
def test_every_refusal_reads_as_a_sentence_on_the_command_line(data: bytes) -> None:
    sentence = describe(error_of(data))
    assert "could not be processed" not in sentence and "?" not in sentence
    assert describe(error_of(cues_srt(MAX_OVERLAYS + 1))).startswith(
        f"There are {MAX_OVERLAYS + 1} subtitles"
    )
