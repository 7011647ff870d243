"""The implicit AI-generated-content label: the GB 45438-2025 metadata identifier in XMP.

China's 《人工智能生成合成内容标识办法》 (in force 2025-09-01) asks for an explicit label a
reader sees (the note's `ai_generated` flag, shown by the platform) and an implicit one in the
file's metadata. The mandatory national standard GB 45438-2025 (网络安全技术 人工智能生成合成
内容标识方法, Annex E) lists the metadata elements, and TC260's practice guide for it
(TC260-PG-20258A, with sample code for images) stores them in XMP:

- property `AIGC` in the namespace `http://www.tc260.org.cn/ns/AIGC/1.0/` (prefix `TC260`);
- its value a JSON object, keys in this order: `Label` (生成合成标签要素: "1" is AI-generated,
  "2" possibly, "3" suspected), `ContentProducer` (the generating service's name or code),
  `ProduceID` (the producer's id of this file), `ReservedCode1` (the producer's integrity
  code), `ContentPropagator` (the distributing service's name or code), `PropagateID` (its id
  of this file) and `ReservedCode2` (its integrity code). All values are strings.

Sources agree on the names, the namespace and "1" for generated (TC260's guide as quoted by
the cnTC260 package and TC260-PG sample code, Tencent Cloud's AIGC metadata API, HarmonyOS's
FAQ, independent readers/writers). They differ on where the JSON sits: XMP for images in the
TC260 guide and most implementations, EXIF UserComment in HarmonyOS's FAQ; XMP is the most
cited and is what is written here. Some files in the wild carry `"Label": "AIGC"`; the
standard's values are the digits.

The studio neither generates images nor signs them: it declares the creator's flag as the
*propagator* (`ContentPropagator` = `PROPAGATOR`), keeps whatever producer fields a generator
already wrote into the file, and leaves the reserved integrity codes empty.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, replace
from xml.sax.saxutils import escape

from publisher.domain.xmp_files import (
    XMP_MAX_PACKET,
    XMP_MIMES,
    XmpTooLarge,
    get_xmp,
    put_xmp,
)

__all__ = [
    "LABEL_GENERATED",
    "NAMESPACE",
    "PROPAGATOR",
    "AigcLabel",
    "can_label",
    "label_image",
    "merge_into_packet",
    "read_label",
    "xmp_packet",
]

NAMESPACE = "http://www.tc260.org.cn/ns/AIGC/1.0/"
PREFIX = "TC260"
LABEL_GENERATED = "1"
PROPAGATOR = "ZhongcaoStudio"
"""The studio as the content propagator (its app identifier, as in its data folder's name)."""

_KEYS = {
    "Label": "label",
    "ContentProducer": "content_producer",
    "ProduceID": "produce_id",
    "ReservedCode1": "reserved_code1",
    "ContentPropagator": "content_propagator",
    "PropagateID": "propagate_id",
    "ReservedCode2": "reserved_code2",
}
"""The standard's keys, in its order, and the `AigcLabel` field each is."""
_PRODUCER_FIELDS = ("content_producer", "produce_id", "reserved_code1")
_NS_DECL = re.compile(r"""xmlns:([A-Za-z_][\w.-]*)\s*=\s*(["'])""" + re.escape(NAMESPACE) + r"\2")
_RDF_OPEN = re.compile(r"<rdf:RDF\b[^<>]*>")
_NAME = r"[A-Za-z_][\w.-]*"
_ELEMENT = re.compile(rf"<({_NAME}):AIGC(?:\s[^<>]*)?>([^<]*)</\1:AIGC\s*>")
_ATTRIBUTE = re.compile(rf"""\s({_NAME}):AIGC\s*=\s*(?:"([^"]*)"|'([^']*)')""")
"""A larger packet is not parsed but replaced: real ones are a few KB (64 KB in a JPEG)."""
MAX_VALUE = 4096
"""The longest AIGC value read: seven short strings as JSON are a few hundred characters."""


@dataclass(frozen=True)
class AigcLabel:
    """The seven elements of the metadata identifier, as strings (JSON keys in `_KEYS`)."""

    label: str = LABEL_GENERATED
    content_producer: str = ""
    produce_id: str = ""
    reserved_code1: str = ""
    content_propagator: str = ""
    propagate_id: str = ""
    reserved_code2: str = ""

    @classmethod
    def propagated(cls, propagate_id: str) -> AigcLabel:
        """An AI-generated file this studio hands on, with its id of the file."""
        return cls(content_propagator=PROPAGATOR, propagate_id=propagate_id)

    def to_json(self) -> str:
        """The property value: compact JSON, keys in the standard's order."""
        fields = {key: getattr(self, name) for key, name in _KEYS.items()}
        return json.dumps(fields, ensure_ascii=False, separators=(",", ":"))


def xmp_packet(label: AigcLabel) -> bytes:
    """A complete XMP packet (UTF-8) holding only the `TC260:AIGC` property."""
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        f"{_description(label)}\n"
        " </rdf:RDF>\n"
        "</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    ).encode()


def _description(label: AigcLabel) -> str:
    return (
        f'  <rdf:Description rdf:about="" xmlns:{PREFIX}="{NAMESPACE}">\n'
        f"   <{PREFIX}:AIGC>{escape(label.to_json())}</{PREFIX}:AIGC>\n"
        "  </rdf:Description>"
    )


def _find(packet: str) -> tuple[int, int, str, bool] | None:
    """(start, end, raw value, is an attribute) of the AIGC property in a packet's text.

    Linear in the packet: the declared prefixes are collected in one pass, then one pass finds
    the first AIGC element (else attribute) whose prefix is among them. The element's value is
    `[^<]*` (XML-escaped JSON never holds a `<`) and an opening tag's attributes stop at the
    next `<` or `>`, so no unclosed tag makes a search rescan the rest of the packet.
    """
    prefixes = {match.group(1) for match in _NS_DECL.finditer(packet)}
    if not prefixes:
        return None
    for element in _ELEMENT.finditer(packet):
        if element.group(1) in prefixes:
            return element.start(2), element.end(2), element.group(2), False
    for attribute in _ATTRIBUTE.finditer(packet):
        if attribute.group(1) in prefixes:
            group = 2 if attribute.group(2) is not None else 3
            return attribute.start(group), attribute.end(group), attribute.group(group), True
    return None


def _parse(raw: str) -> AigcLabel | None:
    """The label a property value holds, or None when it is not a small JSON object."""
    value = html.unescape(raw).strip()
    if len(value) > MAX_VALUE or not value.startswith("{"):
        return None
    try:
        fields = json.loads(value)
    except (ValueError, RecursionError):  # RecursionError: `{"a":[[[[…` nested past the stack
        return None
    if not isinstance(fields, dict):
        return None
    return AigcLabel(**{name: str(fields.get(key, "")) for key, name in _KEYS.items()})


def _text(packet: bytes) -> str | None:
    return None if len(packet) > XMP_MAX_PACKET else packet.decode("utf-8", errors="replace")


def read_label(packet: bytes) -> AigcLabel | None:
    """The identifier an XMP packet carries, or None when it has none.

    None too when the value is not a JSON object of at most `MAX_VALUE` characters, or the
    packet is over `XMP_MAX_PACKET` bytes (neither is parsed).
    """
    text = _text(packet)
    found = None if text is None else _find(text)
    return None if found is None else _parse(found[2])


def merge_into_packet(packet: bytes | None, label: AigcLabel) -> bytes:
    """`packet` with `label` as its AIGC property, everything else in it unchanged.

    A producer's fields already in the packet (a generator that labelled the file) are kept;
    the label, propagator fields and second reserved code become `label`'s. The text is edited
    in place rather than re-serialised, so other properties (HDR gain-map descriptions, editing
    history) stay byte for byte. A missing packet, one over `XMP_MAX_PACKET` bytes (not parsed: no
    real packet is that large) or one without an `rdf:RDF` element is replaced by a new one.

    Raises:
        UnicodeDecodeError: the packet is not UTF-8 (`label_image` then writes a new one).
    """
    if not packet or len(packet) > XMP_MAX_PACKET:
        return xmp_packet(label)
    text = packet.decode("utf-8")
    found = _find(text)
    if found is not None:
        start, end, raw, is_attribute = found
        existing = _parse(raw)
        if existing is not None:
            producer = {name: getattr(existing, name) for name in _PRODUCER_FIELDS}
            label = replace(label, **{name: value for name, value in producer.items() if value})
        value = label.to_json()
        value = escape(value, {'"': "&quot;", "'": "&apos;"}) if is_attribute else escape(value)
        return (text[:start] + value + text[end:]).encode()
    rdf = _RDF_OPEN.search(text)
    if rdf is None:
        return xmp_packet(label)
    return (text[: rdf.end()] + "\n" + _description(label) + text[rdf.end() :]).encode()


def can_label(mime: str) -> bool:
    """Whether `label_image` writes the identifier into files of this type."""
    return mime in XMP_MIMES


def label_image(data: bytes, mime: str, label: AigcLabel) -> bytes:
    """The image bytes carrying `label` in their XMP, pixels and other metadata untouched.

    Raises:
        ValueError: `mime` cannot carry it (see `can_label`), or the bytes are not a
            well-formed file of that type.
    """
    try:
        merged = merge_into_packet(get_xmp(data, mime), label)
    except UnicodeDecodeError:
        merged = xmp_packet(label)  # XMP is UTF-8 by definition; a packet that is not is lost
    try:
        return put_xmp(data, mime, merged)
    except XmpTooLarge:
        # The file's own packet left no room in a JPEG segment: the label is what must stay.
        return put_xmp(data, mime, xmp_packet(label))
