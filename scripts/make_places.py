"""Generate resources/places/cn_admin.csv: every Chinese province, city and district.

The source is the `cpca` package's `cpca/resources/adcodes.csv` (MIT; adcodes of the National
Bureau of Statistics with coordinates), read straight from its wheel so no install is needed:

    python scripts/make_places.py /tmp/pkgs/cpca-0.5.5-py3-none-any.whl
    python scripts/make_places.py WHEEL --out FILE   # write somewhere else (e.g. to compare)

The 12-digit statistical codes end in six zeros at these levels, so the standard 6-digit adcode
is kept. Rows without coordinates are the bureau's placeholders ("市辖区", "省直辖县级行政区划"),
as are the city-level "市辖区"/"县" rows of the four municipalities: they are dropped and their
districts hang directly under the province. The output is sorted by adcode, so running the
script again writes a byte-identical file.
"""

from __future__ import annotations

import argparse
import csv
import io
import zipfile
from pathlib import Path

from publisher.services.places import pinyin_keys

SOURCE_MEMBER = "cpca/resources/adcodes.csv"
OUTPUT = Path(__file__).resolve().parents[1] / "resources" / "places" / "cn_admin.csv"
COLUMNS = [
    "adcode",
    "name",
    "level",
    "parent_adcode",
    "province",
    "city",
    "longitude",
    "latitude",
    "pinyin",
    "initials",
]
PLACEHOLDER_NAMES = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})


def read_source(wheel: Path) -> dict[str, tuple[str, str, str]]:
    """adcode (6 digits) → (name, longitude, latitude) of every row with coordinates."""
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read(SOURCE_MEMBER).decode("utf-8")
    rows: dict[str, tuple[str, str, str]] = {}
    for row in csv.DictReader(io.StringIO(text)):
        code = row["adcode"]
        if code[6:].strip("0") or not row["longitude"] or row["name"] in PLACEHOLDER_NAMES:
            continue
        rows[code[:6]] = (row["name"], row["longitude"], row["latitude"])
    return rows


def level_of(adcode: str) -> str:
    if adcode[2:] == "0000":
        return "province"
    if adcode[4:] == "00":
        return "city"
    return "district"


def place_rows(source: dict[str, tuple[str, str, str]]) -> list[list[str]]:
    """One output row per place, parents resolved to the nearest level that exists."""
    out = []
    for adcode in sorted(source):
        name, longitude, latitude = source[adcode]
        level = level_of(adcode)
        province_code = adcode[:2] + "0000"
        city_code = adcode[:4] + "00"
        province = source[province_code][0] if level != "province" else name
        has_city = level == "district" and city_code in source
        city = source[city_code][0] if has_city else (name if level == "city" else "")
        parent = {"province": "", "city": province_code}.get(
            level, city_code if has_city else province_code
        )
        full, initials = pinyin_keys(name)
        out.append(
            [adcode, name, level, parent, province, city, longitude, latitude, full, initials]
        )
    return out


def write_csv(rows: list[list[str]], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheel", type=Path, help="the cpca wheel (pip download cpca)")
    parser.add_argument("--out", type=Path, default=OUTPUT)
    args = parser.parse_args()
    rows = place_rows(read_source(args.wheel))
    write_csv(rows, args.out)
    print(f"{len(rows)} places → {args.out}")


if __name__ == "__main__":
    main()
