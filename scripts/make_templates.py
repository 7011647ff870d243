"""Write the built-in cover templates in resources/templates (deterministic).

The JSON files are the source of truth once written; this script is how they were laid out, and
tests/editor/test_templates.py checks that it still writes exactly the shipped files. Colours
named by role (``brand:primary`` …) follow the brand kit the cover is made with; under the
default style they are the app's own red, ink, yellow, white and cream, so every template must
look right with those too.

    python scripts/make_templates.py [--out FOLDER]
"""

import argparse
import json
from pathlib import Path
from typing import Any

OUTPUT = Path(__file__).resolve().parents[1] / "resources" / "templates"
W, H = 1080, 1440

# Brand roles (editor.brand): resolved when the template is drawn.
PRIMARY = "brand:primary"
SECONDARY = "brand:secondary"
ACCENT = "brand:accent"
ON_PRIMARY = "brand:text"
PAPER = "brand:background"

Doc = dict[str, Any]


def photo(x, y, w, h, **kw):
    return {"type": "photo", "x": x, "y": y, "w": w, "h": h, **kw}


def text(slot, default, **kw):
    d = {"type": "text", "text": default, **kw}
    if slot:
        d["slot"] = slot
    return d


def rect(x, y, w, h, color, radius=0.0):
    return {
        "type": "shape",
        "shape": "rect",
        "x": x,
        "y": y,
        "w": w,
        "h": h,
        "color": color,
        "radius": radius,
    }


def line(x1, y1, x2, y2, color, width=0.005):
    return {
        "type": "shape",
        "shape": "line",
        "x1": x1,
        "y1": y1,
        "x2": x2,
        "y2": y2,
        "color": color,
        "width": width,
    }


def sticker(name, x, y, width, rotation=0.0):
    return {
        "type": "sticker",
        "id": f"builtin:{name}",
        "x": x,
        "y": y,
        "width": width,
        "rotation": rotation,
    }


def grid(cols, rows, top, bottom, gap=0.012, margin=0.0, radius=0.0, border=None, skip=()):
    """Photo cells in reading order; `gap` and `margin` are fractions of the width (the
    vertical gap is the same number of pixels), `skip` leaves cells out by index."""
    cells = []
    gw = gap * 1.0
    gh = gap * W / H
    cw = (1 - 2 * margin - (cols - 1) * gw) / cols
    ch = (bottom - top - (rows - 1) * gh) / rows
    for r in range(rows):
        for c in range(cols):
            if r * cols + c in skip:
                continue
            kw = {"radius": radius}
            if border:
                kw["border"] = border
            cells.append(
                photo(
                    round(margin + c * (cw + gw), 4),
                    round(top + r * (ch + gh), 4),
                    round(cw, 4),
                    round(ch, 4),
                    **kw,
                )
            )
    return cells


def pill(color, padding=0.35):
    """A text label box with fully rounded ends."""
    return {"color": color, "radius": 5.0, "padding": padding}


T: dict[str, Doc] = {}

# ------------------------------------------------------------------------------------ covers

T["cover_big_title"] = dict(
    name="Big title",
    category="cover",
    background="#000000",
    elements=[
        photo(0, 0, 1, 1),
        rect(0, 0.62, 1, 0.38, "#00000066"),
        text(
            "title",
            "周末去哪儿\n城市漫游攻略",
            y=0.76,
            size=0.085,
            color="#FFFFFF",
            stroke={"width": 0.06, "color": "#000000"},
            shadow={},
            max_width=0.92,
            line_spacing=1.15,
        ),
        text(
            "subtitle",
            "亲测好去处 · 收藏不迷路",
            y=0.91,
            size=0.032,
            color=ACCENT,
            weight="regular",
        ),
        sticker("label_bimai", 0.83, 0.08, 0.26, rotation=8),
    ],
)
T["cover_title_band"] = dict(
    name="Title band",
    category="cover",
    background=PRIMARY,
    elements=[
        photo(0, 0.235, 1, 0.765),
        text(
            "title",
            "200元改造出租屋",
            y=0.095,
            size=0.078,
            color=ON_PRIMARY,
            font="brand",
            max_width=0.92,
        ),
        text(
            "subtitle",
            "保姆级教程 · 附购物清单",
            y=0.185,
            size=0.03,
            color=SECONDARY,
            box=pill(ACCENT),
        ),
        sticker("label_shoucang", 0.84, 0.31, 0.22, rotation=8),
    ],
)
T["cover_magazine"] = dict(
    name="Magazine",
    category="cover",
    background="#111111",
    elements=[
        photo(0, 0, 1, 1),
        rect(0, 0, 1, 0.2, "#00000040"),
        text(
            "masthead",
            "周末生活志",
            y=0.085,
            size=0.095,
            color="#FFFFFF",
            font="serif",
            shadow={"x": 0.0, "y": 0.02, "blur": 0.08, "color": "#00000066"},
            max_width=0.94,
        ),
        line(0.2, 0.158, 0.8, 0.158, "#FFFFFFCC", 0.002),
        text(
            "issue",
            "ISSUE 07 · SPRING 2026",
            y=0.178,
            size=0.019,
            color="#FFFFFF",
            font="serif",
            weight="regular",
        ),
        rect(0, 0.7, 1, 0.3, "#0000008C"),
        text(
            "title",
            "春日城市漫步",
            y=0.8,
            size=0.082,
            color="#FFFFFF",
            font="serif",
            max_width=0.9,
        ),
        text(
            "subtitle",
            "— 十个让人心动的街角 —",
            y=0.9,
            size=0.03,
            color=ACCENT,
            font="serif",
            weight="regular",
            max_width=0.9,
        ),
    ],
)
T["cover_checklist"] = dict(
    name="Checklist",
    category="cover",
    background="#FFF8EC",
    elements=[
        photo(0.05, 0.035, 0.9, 0.47, radius=0.04),
        text(
            "title",
            "新手必看清单",
            x=0.5,
            y=0.58,
            size=0.07,
            color=SECONDARY,
            font="brand",
            box={"color": ACCENT, "radius": 0.25, "padding": 0.25},
        ),
        text(
            "items",
            "① 提前预约 不排队\n② 下午三点光线最好\n③ 隐藏菜单要问店员\n④ 人均 80 吃到撑",
            x=0.5,
            y=0.8,
            size=0.042,
            color="#333333",
            weight="regular",
            align="left",
            line_spacing=1.55,
            max_width=0.86,
        ),
        sticker("mark_check", 0.88, 0.64, 0.12),
        sticker("label_ganhuo", 0.12, 0.08, 0.18, rotation=-10),
    ],
)


def guide_row(index, y, default):
    """One numbered step of the guide cover: a white card, a number badge, the step's text."""
    return [
        rect(0.05, y - 0.042, 0.9, 0.084, "#FFFFFF", radius=0.03),
        sticker(f"badge_{index}", 0.125, y, 0.1),
        text(
            f"item{index}",
            default,
            x=0.56,
            y=y,
            size=0.034,
            color=SECONDARY,
            max_width=0.74,
        ),
    ]


T["cover_guide_list"] = dict(
    name="Numbered guide",
    category="cover",
    background=PAPER,
    elements=[
        sticker("highlight_yellow", 0.5, 0.082, 0.6),
        text(
            "title",
            "成都三日游攻略",
            y=0.07,
            size=0.074,
            color=SECONDARY,
            font="brand",
            max_width=0.92,
        ),
        text(
            "subtitle",
            "人均1500 · 照着走不踩坑",
            y=0.148,
            size=0.03,
            color="#6B6B6B",
            weight="regular",
        ),
        photo(0.05, 0.18, 0.9, 0.44, radius=0.035),
        sticker("label_gonglue", 0.82, 0.6, 0.26, rotation=-6),
        *guide_row(1, 0.7, "D1 宽窄巷子 → 人民公园喝茶"),
        *guide_row(2, 0.8, "D2 熊猫基地 → 太古里逛街"),
        *guide_row(3, 0.9, "D3 都江堰 → 青城山徒步"),
    ],
)
T["cover_verdict"] = dict(
    name="Verdict: keep or avoid",
    category="cover",
    background="#FFFFFF",
    elements=[
        text("title", "护肤品红黑榜", y=0.07, size=0.074, color="#222222", max_width=0.92),
        # Red and black are what the verdict means here, not brand colours.
        rect(0.03, 0.135, 0.455, 0.07, "#FF2442", radius=0.02),
        rect(0.515, 0.135, 0.455, 0.07, "#222222", radius=0.02),
        text("good_label", "红榜 · 闭眼入", x=0.2575, y=0.17, size=0.034, color="#FFFFFF"),
        text("bad_label", "黑榜 · 别再买", x=0.7425, y=0.17, size=0.034, color="#FFFFFF"),
        photo(0.03, 0.215, 0.455, 0.47, radius=0.02),
        photo(0.515, 0.215, 0.455, 0.47, radius=0.02),
        rect(0.03, 0.7, 0.455, 0.27, "#FFF0F2", radius=0.02),
        rect(0.515, 0.7, 0.455, 0.27, "#F0F0F0", radius=0.02),
        text(
            "good",
            "保湿不黏腻\n敏感肌可用\n已空瓶三次",
            x=0.2575,
            y=0.835,
            size=0.04,
            color="#222222",
            weight="regular",
            line_spacing=1.6,
            max_width=0.44,
        ),
        text(
            "bad",
            "搓泥又闷痘\n味道太刺鼻\n价格虚高",
            x=0.7425,
            y=0.835,
            size=0.04,
            color="#222222",
            weight="regular",
            line_spacing=1.6,
            max_width=0.44,
        ),
        sticker("mark_check", 0.41, 0.64, 0.12),
        sticker("mark_cross", 0.9, 0.64, 0.1),
    ],
)
T["cover_diary"] = dict(
    name="Diary quote",
    category="cover",
    background="#F6F0E4",
    elements=[
        *(line(0.08, y, 0.92, y, "#E2D6C2", 0.002) for y in (0.635, 0.725, 0.815, 0.905)),
        rect(0.14, 0.06, 0.72, 0.5, "#FFFFFF", radius=0.008),
        photo(0.17, 0.08, 0.66, 0.4),
        rect(0.42, 0.045, 0.16, 0.035, "#F2D57EB3"),
        text(
            "date",
            "2026.04.12  晴",
            y=0.52,
            size=0.024,
            color="#8A7060",
            font="serif",
            weight="regular",
        ),
        text(
            "title",
            "慢慢来，\n一切都来得及",
            y=0.73,
            size=0.062,
            color="#3A2E25",
            font="serif",
            align="left",
            line_spacing=1.45,
            max_width=0.84,
        ),
        text(
            "subtitle",
            "—— 写给二十六岁的自己",
            y=0.862,
            size=0.026,
            color="#8A7060",
            font="serif",
            weight="regular",
        ),
        sticker("deco_heart", 0.84, 0.54, 0.09, rotation=12),
    ],
)
T["cover_price_tag"] = dict(
    name="Price tag",
    category="cover",
    background="#FFFFFF",
    elements=[
        photo(0, 0, 1, 1),
        text(
            "title",
            "平价好物分享",
            x=0.5,
            y=0.12,
            size=0.075,
            color="#FFFFFF",
            stroke={"width": 0.07, "color": PRIMARY},
            max_width=0.9,
        ),
        text(
            "price",
            "¥ 39.9",
            x=0.72,
            y=0.82,
            size=0.07,
            color=ON_PRIMARY,
            box=pill(PRIMARY),
            rotation=-6,
        ),
        text(
            "note",
            "到手价",
            x=0.72,
            y=0.73,
            size=0.03,
            color="#222222",
            box=pill("#FFFFFF", 0.3),
        ),
        sticker("label_pingjia", 0.2, 0.86, 0.3, rotation=-8),
    ],
)


def price_row(index, top, name, price):
    """One product of the price list: a card with its photo, name and price."""
    return [
        rect(0.04, top, 0.92, 0.25, "#FFFFFF", radius=0.03),
        photo(0.065, top + 0.0175, 0.34, 0.215, radius=0.02),
        text(
            f"item{index}",
            name,
            x=0.685,
            y=top + 0.085,
            size=0.036,
            color=SECONDARY,
            max_width=0.5,
        ),
        text(
            f"price{index}",
            price,
            x=0.685,
            y=top + 0.175,
            size=0.042,
            color=ON_PRIMARY,
            box=pill(PRIMARY, 0.3),
        ),
    ]


T["cover_price_list"] = dict(
    name="Price list",
    category="cover",
    background=PAPER,
    elements=[
        text(
            "title",
            "学生党平价好物",
            y=0.075,
            size=0.072,
            color=SECONDARY,
            font="brand",
            max_width=0.92,
        ),
        *price_row(1, 0.165, "氨基酸洗面奶", "¥ 29.9"),
        *price_row(2, 0.435, "保湿喷雾", "¥ 19.9"),
        *price_row(3, 0.705, "防晒小金管", "¥ 59"),
        sticker("label_pingjia", 0.87, 0.175, 0.2, rotation=10),
    ],
)
T["before_after"] = dict(
    name="Before / after",
    category="cover",
    background="#FFFFFF",
    elements=[
        photo(0, 0.14, 0.497, 0.86),
        photo(0.503, 0.14, 0.497, 0.86),
        text("title", "改造前后对比", y=0.07, size=0.065, color="#222222", max_width=0.94),
        text(
            "before",
            "BEFORE",
            x=0.25,
            y=0.93,
            size=0.04,
            color="#FFFFFF",
            box=pill("#00000099"),
        ),
        text(
            "after",
            "AFTER",
            x=0.75,
            y=0.93,
            size=0.04,
            color=ON_PRIMARY,
            box=pill(PRIMARY),
        ),
        sticker("arrow_straight", 0.5, 0.56, 0.16),
    ],
)
T["before_after_stacked"] = dict(
    name="Before / after, stacked",
    category="cover",
    background=PRIMARY,
    elements=[
        photo(0, 0, 1, 0.445),
        photo(0, 0.555, 1, 0.445),
        text(
            "title",
            "出租屋客厅大改造",
            y=0.5,
            size=0.056,
            color=ON_PRIMARY,
            font="brand",
            max_width=0.92,
        ),
        text(
            "before",
            "BEFORE",
            x=0.15,
            y=0.05,
            size=0.032,
            color="#FFFFFF",
            box=pill("#00000099"),
        ),
        text(
            "after",
            "AFTER",
            x=0.14,
            y=0.605,
            size=0.032,
            color=SECONDARY,
            box=pill(ACCENT),
        ),
        sticker("label_juejuezi", 0.85, 0.925, 0.22, rotation=-8),
    ],
)
T["cover_brand_campaign"] = dict(
    name="Brand campaign",
    category="cover",
    background=PRIMARY,
    elements=[
        photo(0, 0, 1, 0.68),
        # The logo corner: a disc where a watermark logo (top left, default size and
        # margin) sits; its text is a stand-in to replace or clear.
        rect(0.035, 0.0264, 0.16, 0.12, "#FFFFFF", radius=0.5),
        text("brand", "LOGO", x=0.115, y=0.0864, size=0.026, color=SECONDARY),
        text(
            "title",
            "春日限定\n樱花系列上新",
            y=0.79,
            size=0.068,
            color=ON_PRIMARY,
            font="brand",
            line_spacing=1.2,
            max_width=0.9,
        ),
        text(
            "subtitle",
            "#春日限定 · 品牌合作",
            y=0.925,
            size=0.028,
            color=SECONDARY,
            box=pill(ACCENT),
        ),
        sticker("label_xinpin", 0.86, 0.62, 0.2, rotation=10),
    ],
)

# ---------------------------------------------------------------------------------- collages


def title_band(title, band=0.16, size=0.062):
    """A band across the top in the brand's colour with the title on it."""
    return [
        rect(0, 0, 1, band, PRIMARY),
        text(
            "title",
            title,
            y=band / 2,
            size=size,
            color=ON_PRIMARY,
            font="brand",
            max_width=0.9,
        ),
    ]


def collage(n, cols, rows, title_default, sticker_name):
    band = 0.16
    band_rect, band_title = title_band(title_default, band)
    els = [band_rect, *grid(cols, rows, band, 1.0), band_title]
    els.append(sticker(sticker_name, 0.88, band + 0.03, 0.2, rotation=10))
    return dict(name=f"Collage of {n}", category="collage", background="#FFFFFF", elements=els)


T["collage_2"] = collage(2, 1, 2, "一周穿搭合集", "label_heji")
T["collage_2_side"] = dict(
    name="Side by side",
    category="collage",
    background=PAPER,
    elements=[
        text(
            "title",
            "一件衬衫两种穿法",
            y=0.07,
            size=0.066,
            color=SECONDARY,
            font="brand",
            max_width=0.92,
        ),
        text(
            "subtitle",
            "通勤 vs 约会 · 160cm 微胖",
            y=0.135,
            size=0.03,
            color="#6B6B6B",
            weight="regular",
        ),
        photo(0.04, 0.17, 0.45, 0.8, radius=0.03),
        photo(0.51, 0.17, 0.45, 0.8, radius=0.03),
        text("left", "通勤", x=0.265, y=0.92, size=0.034, color=SECONDARY, box=pill("#FFFFFF")),
        text("right", "约会", x=0.735, y=0.92, size=0.034, color=ON_PRIMARY, box=pill(PRIMARY)),
    ],
)
T["collage_3"] = dict(
    name="Collage of 3",
    category="collage",
    background="#FFFFFF",
    elements=[
        photo(0, 0, 1, 0.55),
        photo(0, 0.5585, 0.4955, 0.4415),
        photo(0.5045, 0.5585, 0.4955, 0.4415),
        text(
            "title",
            "探店合集",
            x=0.5,
            y=0.48,
            size=0.07,
            color="#FFFFFF",
            stroke={"width": 0.08, "color": PRIMARY},
            max_width=0.9,
        ),
        sticker("label_tuijian", 0.85, 0.08, 0.24, rotation=8),
    ],
)
T["collage_4"] = collage(4, 2, 2, "四家宝藏咖啡店", "label_heji")
T["collage_4_rounded"] = dict(
    name="Rounded collage of 4",
    category="collage",
    background="#F3EDE4",
    elements=[
        *grid(
            2,
            2,
            0.2,
            0.97,
            gap=0.025,
            margin=0.04,
            radius=0.035,
            border={"width": 0.006, "color": "#FFFFFF"},
        ),
        text("title", "周末拍照打卡点", y=0.08, size=0.066, color="#3A2E25", max_width=0.9),
        text("subtitle", "收藏起来慢慢去", y=0.155, size=0.03, color="#8A7060", weight="regular"),
        sticker("deco_sparkles", 0.9, 0.08, 0.12),
    ],
)


def five(band=0.15, gap=0.012):
    """One large photo on the left and four stacked on the right, under the title band."""
    gh = gap * W / H
    small_w = 0.32
    large_w = 1 - small_w - gap
    small_h = (1 - band - 3 * gh) / 4
    return [
        photo(0, band, round(large_w, 4), round(1 - band, 4)),
        *(
            photo(
                round(large_w + gap, 4),
                round(band + i * (small_h + gh), 4),
                small_w,
                round(small_h, 4),
            )
            for i in range(4)
        ),
    ]


T["collage_5"] = dict(
    name="Collage of 5",
    category="collage",
    background="#FFFFFF",
    elements=[
        *five(),
        *title_band("五月碎片 | 生活记录", band=0.15, size=0.058),
        sticker("deco_sparkles", 0.08, 0.21, 0.1, rotation=-6),
    ],
)
T["collage_6"] = collage(6, 2, 3, "六套通勤穿搭", "label_zhongcao")
T["collage_9"] = collage(9, 3, 3, "九宫格 · 本月好物", "label_haowu")
# Nine cells, the middle one the title: eight photos around it.
_middle = grid(3, 3, 0.0, 1.0, gap=0.01)[4]
T["collage_9_title_center"] = dict(
    name="Nine-grid, title in the middle",
    category="collage",
    background="#FFFFFF",
    elements=[
        *grid(3, 3, 0.0, 1.0, gap=0.01, skip={4}),
        rect(_middle["x"], _middle["y"], _middle["w"], _middle["h"], PRIMARY),
        text(
            "title",
            "本月\n好物",
            x=0.5,
            y=0.475,
            size=0.07,
            color=ON_PRIMARY,
            font="brand",
            line_spacing=1.1,
        ),
        text(
            "subtitle",
            "8件回购清单",
            x=0.5,
            y=0.605,
            size=0.022,
            color=SECONDARY,
            box=pill(ACCENT, 0.4),
        ),
    ],
)

# ------------------------------------------------------------------------------ video covers

T["video_cover"] = dict(
    name="Video cover 9:16",
    category="video",
    width=1080,
    height=1920,
    background="#000000",
    elements=[
        photo(0, 0, 1, 1),
        text(
            "title",
            "VLOG | 一个人的周末",
            y=0.2,
            size=0.048,
            color="#FFFFFF",
            stroke={"width": 0.07, "color": "#000000"},
            max_width=0.9,
        ),
        line(0.3, 0.26, 0.7, 0.26, ACCENT, 0.008),
        text("subtitle", "EP.01", y=0.3, size=0.03, color=ACCENT),
    ],
)
T["video_cover_3x4"] = dict(
    name="Video cover 3:4",
    category="video",
    background="#000000",
    elements=[
        photo(0, 0, 1, 1),
        rect(0, 0.6, 1, 0.4, "#00000073"),
        text("episode", "EP.03", x=0.13, y=0.06, size=0.03, color=ON_PRIMARY, box=pill(PRIMARY)),
        text(
            "title",
            "打工人的一天",
            y=0.72,
            size=0.092,
            color=ACCENT,
            stroke={"width": 0.08, "color": "#000000"},
            font="brand",
            max_width=0.92,
        ),
        text(
            "subtitle",
            "早八到晚十 · 真实记录",
            y=0.83,
            size=0.04,
            color="#FFFFFF",
            stroke={"width": 0.08, "color": "#000000"},
            max_width=0.9,
        ),
    ],
)
T["video_cover_1x1"] = dict(
    name="Video cover 1:1",
    category="video",
    height=1080,
    background="#000000",
    elements=[
        photo(0, 0, 1, 0.76),
        rect(0, 0.76, 1, 0.24, PRIMARY),
        text(
            "title",
            "三分钟学会拿铁拉花",
            y=0.85,
            size=0.078,
            color=ON_PRIMARY,
            font="brand",
            max_width=0.92,
        ),
        text("subtitle", "第 12 期", x=0.13, y=0.07, size=0.036, color=SECONDARY, box=pill(ACCENT)),
        sticker("deco_fire", 0.93, 0.69, 0.07, rotation=8),
    ],
)

ORDER = ["version", "name", "category", "width", "height", "background", "elements"]


def write_all(out: Path) -> int:
    """Write every built-in into `out` (replacing the JSON files there); return how many."""
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob("*.json"):
        stale.unlink()
    for name, t in T.items():
        doc = {"version": 1, **t}
        doc.setdefault("width", W)
        doc.setdefault("height", H)
        doc = {k: doc[k] for k in ORDER}
        (out / f"{name}.json").write_text(
            json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    return len(T)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUTPUT, help="folder to write into")
    print(write_all(parser.parse_args().out))


if __name__ == "__main__":
    main()
