"""Write the built-in cover templates in resources/templates (deterministic).

The JSON files are the source of truth once written; this script is how they were laid out.
"""

import json
from pathlib import Path

out = Path(__file__).resolve().parents[1] / "resources" / "templates"
W, H = 1080, 1440


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


def grid(cols, rows, top, bottom, gap=0.012, margin=0.0, radius=0.0, border=None):
    cells = []
    gw = gap * 1.0
    gh = gap * W / H
    cw = (1 - 2 * margin - (cols - 1) * gw) / cols
    ch = (bottom - top - (rows - 1) * gh) / rows
    for r in range(rows):
        for c in range(cols):
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


TITLE = {
    "size": 0.062,
    "color": "#FFFFFF",
    "stroke": {"width": 0.08, "color": "#222222"},
    "max_width": 0.9,
}
T = {}
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
            color="#FFE14D",
            weight="regular",
        ),
        sticker("label_bimai", 0.83, 0.08, 0.26, rotation=8),
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
            color="#222222",
            box={"color": "#FFE14D", "radius": 0.25, "padding": 0.25},
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
        sticker("label_ganhuo", 0.12, 0.06, 0.18, rotation=-10),
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
            stroke={"width": 0.07, "color": "#FF2442"},
            max_width=0.9,
        ),
        text(
            "price",
            "¥ 39.9",
            x=0.72,
            y=0.82,
            size=0.07,
            color="#FFFFFF",
            box={"color": "#FF2442", "radius": 5.0, "padding": 0.35},
            rotation=-6,
        ),
        text(
            "note",
            "到手价",
            x=0.72,
            y=0.73,
            size=0.03,
            color="#222222",
            box={"color": "#FFFFFF", "radius": 5.0, "padding": 0.3},
        ),
        sticker("label_pingjia", 0.2, 0.86, 0.3, rotation=-8),
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
            box={"color": "#00000099", "radius": 5.0, "padding": 0.35},
        ),
        text(
            "after",
            "AFTER",
            x=0.75,
            y=0.93,
            size=0.04,
            color="#FFFFFF",
            box={"color": "#FF2442", "radius": 5.0, "padding": 0.35},
        ),
        sticker("arrow_straight", 0.5, 0.56, 0.16),
    ],
)


def collage(n, cols, rows, title_default, sticker_name):
    band = 0.16
    els = [*grid(cols, rows, band, 1.0)]
    els.insert(0, rect(0, 0, 1, band, "#FF2442"))
    els.append(text("title", title_default, y=band / 2, size=0.062, color="#FFFFFF", max_width=0.9))
    els.append(sticker(sticker_name, 0.88, band + 0.03, 0.2, rotation=10))
    return dict(name=f"Collage of {n}", category="collage", background="#FFFFFF", elements=els)


T["collage_2"] = collage(2, 1, 2, "一周穿搭合集", "label_heji")
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
            stroke={"width": 0.08, "color": "#FF2442"},
            max_width=0.9,
        ),
        sticker("label_tuijian", 0.85, 0.08, 0.24, rotation=8),
    ],
)
T["collage_4"] = collage(4, 2, 2, "四家宝藏咖啡店", "label_heji")
T["collage_6"] = collage(6, 2, 3, "六套通勤穿搭", "label_zhongcao")
T["collage_9"] = collage(9, 3, 3, "九宫格 · 本月好物", "label_haowu")
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
        line(0.3, 0.26, 0.7, 0.26, "#FFE14D", 0.008),
        text("subtitle", "EP.01", y=0.3, size=0.03, color="#FFE14D"),
    ],
)
for name, t in T.items():
    doc = {"version": 1, **t}
    doc.setdefault("width", W)
    doc.setdefault("height", H)
    order = ["version", "name", "category", "width", "height", "background", "elements"]
    doc = {k: doc[k] for k in order}
    (out / f"{name}.json").write_text(
        json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
print(len(T))
