"""The XMP packet inside JPEG, PNG and WebP bytes: read it, or put one in without re-encoding.

Only the container changes: the compressed image data and every other segment or chunk (EXIF,
ICC profile, JFIF, extended XMP, text chunks) are copied byte for byte, so a photo keeps its
quality, colour profile and camera data. Where each format keeps XMP (Adobe XMP Specification
Part 3, and Google's WebP container specification):

- JPEG: one APP1 segment whose payload starts `http://ns.adobe.com/xap/1.0/\\0`; it goes after
  the leading JFIF/EXIF segments. A segment holds at most 65 533 bytes.
- PNG: an uncompressed `iTXt` chunk with the keyword `XML:com.adobe.xmp`, before the first
  `IDAT`.
- WebP: an `XMP ` chunk after the image data, announced by the XMP bit of a `VP8X` chunk; a
  simple (`VP8 `/`VP8L`-only) file gets the `VP8X` header it needs.

A packet over `XMP_MAX_PACKET` bytes is not read (`get_xmp` reports none, so `put_xmp` replaces
it): real packets are a few kilobytes, and a compressed PNG one is inflated only that far, so a
small file cannot make the reader allocate hundreds of megabytes.
"""

from __future__ import annotations

import struct
import zlib
from typing import NamedTuple

__all__ = [
    "XMP_MAX_PACKET",
    "XMP_MIMES",
    "XmpContainerError",
    "XmpTooLarge",
    "get_xmp",
    "put_xmp",
]

XMP_MIMES = frozenset({"image/jpeg", "image/png", "image/webp"})
"""The types whose XMP this module reads and writes."""
XMP_MAX_PACKET = 1024 * 1024
"""The largest packet `get_xmp` returns; a larger one counts as none."""

_JPEG_XMP = b"http://ns.adobe.com/xap/1.0/\x00"
_JPEG_MAX_PAYLOAD = 0xFFFF - 2
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_XMP_KEYWORD = b"XML:com.adobe.xmp"
_WEBP_XMP_FLAG = 0x04
_WEBP_ALPHA_FLAG = 0x10


class XmpContainerError(ValueError):
    """The bytes are not a well-formed file of the type they were given as."""


class XmpTooLarge(XmpContainerError):
    """The packet does not fit where the format keeps XMP (a JPEG APP1 segment)."""


def get_xmp(data: bytes, mime: str) -> bytes | None:
    """The file's XMP packet, or None when it has none or it is over `XMP_MAX_PACKET` bytes.

    Raises:
        XmpContainerError: the bytes are not a well-formed `mime` file, or `mime` is not one of
            `XMP_MIMES`.
    """
    if mime == "image/jpeg":
        for segment in _jpeg_segments(data):
            if segment.payload.startswith(_JPEG_XMP):
                return segment.payload[len(_JPEG_XMP) :]
        return None
    if mime == "image/png":
        for kind, body in _png_chunks(data):
            if kind == b"iTXt" and body.startswith(_PNG_XMP_KEYWORD + b"\x00"):
                return _itxt_text(body)
        return None
    if mime == "image/webp":
        for kind, body in _webp_chunks(data):
            if kind == b"XMP ":
                return body if len(body) <= XMP_MAX_PACKET else None
        return None
    raise XmpContainerError(f"no XMP carrier for {mime}")


def put_xmp(data: bytes, mime: str, packet: bytes) -> bytes:
    """The file with `packet` as its XMP, replacing any packet it had.

    Raises:
        XmpTooLarge: a JPEG packet over the segment limit.
        XmpContainerError: as `get_xmp`.
    """
    if mime == "image/jpeg":
        return _put_jpeg(data, packet)
    if mime == "image/png":
        return _put_png(data, packet)
    if mime == "image/webp":
        return _put_webp(data, packet)
    raise XmpContainerError(f"no XMP carrier for {mime}")


# JPEG ------------------------------------------------------------------------------------------


class _Segment(NamedTuple):
    """A header segment with a length field: where it starts (at the fill bytes before its
    marker, if any) and ends in the file, its marker and its payload."""

    start: int
    end: int
    marker: int
    payload: bytes


def _jpeg_segments(data: bytes) -> list[_Segment]:
    """The header segments up to the first SOS."""
    if not data.startswith(b"\xff\xd8"):
        raise XmpContainerError("not a JPEG")
    segments: list[_Segment] = []
    pos = 2
    while True:
        if pos >= len(data) or data[pos] != 0xFF:
            raise XmpContainerError("JPEG marker expected")
        start = pos
        while pos < len(data) and data[pos] == 0xFF:  # fill bytes may precede a marker
            pos += 1
        if pos >= len(data):
            raise XmpContainerError("JPEG ends inside a marker")
        marker = data[pos]
        pos += 1
        if marker == 0xDA or marker == 0xD9:  # start of scan, or an image with no scan
            return segments
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:  # standalone markers carry no length
            continue
        if pos + 2 > len(data):
            raise XmpContainerError("JPEG segment length missing")
        (length,) = struct.unpack(">H", data[pos : pos + 2])
        end = pos + length
        if length < 2 or end > len(data):
            raise XmpContainerError("JPEG segment overruns the file")
        segments.append(_Segment(start, end, marker, data[pos + 2 : end]))
        pos = end


def _put_jpeg(data: bytes, packet: bytes) -> bytes:
    payload = _JPEG_XMP + packet
    if len(payload) > _JPEG_MAX_PAYLOAD:
        raise XmpTooLarge(f"XMP packet of {len(packet)} bytes exceeds a JPEG APP1 segment")
    segment = b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload
    segments = _jpeg_segments(data)
    for old in segments:
        if old.payload.startswith(_JPEG_XMP):  # replaced with its fill bytes, if any
            return data[: old.start] + segment + data[old.end :]
    insert_at = 2
    for old in segments:
        if old.marker not in (0xE0, 0xE1):  # after the leading JFIF (APP0) and EXIF (APP1) ones
            break
        insert_at = old.end
    return data[:insert_at] + segment + data[insert_at:]


# PNG -------------------------------------------------------------------------------------------


def _png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    if not data.startswith(_PNG_SIGNATURE):
        raise XmpContainerError("not a PNG")
    chunks = []
    pos = len(_PNG_SIGNATURE)
    while pos < len(data):
        if pos + 8 > len(data):
            raise XmpContainerError("PNG chunk header truncated")
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        end = pos + 12 + length
        if end > len(data):
            raise XmpContainerError("PNG chunk overruns the file")
        chunks.append((kind, data[pos + 8 : pos + 8 + length]))
        pos = end
        if kind == b"IEND":
            break
    return chunks


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _itxt_text(body: bytes) -> bytes | None:
    """The text of an iTXt chunk (keyword, flags, language and translated keyword skipped), or
    None when it is over `XMP_MAX_PACKET` bytes (compressed text is inflated no further)."""
    try:
        keyword_end = body.index(b"\x00")
        compressed = body[keyword_end + 1]
        lang_end = body.index(b"\x00", keyword_end + 3)
        text_start = body.index(b"\x00", lang_end + 1) + 1
    except (ValueError, IndexError):
        raise XmpContainerError("malformed PNG iTXt chunk") from None
    text = body[text_start:]
    if not compressed:
        return text if len(text) <= XMP_MAX_PACKET else None
    inflater = zlib.decompressobj()
    try:
        # Inflated only one byte past the limit: a packet that big is dropped, not read.
        inflated = inflater.decompress(text, XMP_MAX_PACKET + 1)
    except zlib.error:
        raise XmpContainerError("undecodable PNG iTXt chunk") from None
    if len(inflated) > XMP_MAX_PACKET:
        return None
    if not inflater.eof:
        raise XmpContainerError("truncated PNG iTXt chunk")
    return inflated


def _put_png(data: bytes, packet: bytes) -> bytes:
    # Keyword, NUL, uncompressed (0) with method 0, empty language and translated keyword.
    chunk = _png_chunk(b"iTXt", _PNG_XMP_KEYWORD + b"\x00\x00\x00\x00\x00" + packet)
    out = [_PNG_SIGNATURE]
    placed = False
    for kind, body in _png_chunks(data):
        if kind == b"iTXt" and body.startswith(_PNG_XMP_KEYWORD + b"\x00"):
            if not placed:
                out.append(chunk)
                placed = True
            continue
        if kind == b"IDAT" and not placed:
            out.append(chunk)
            placed = True
        out.append(_png_chunk(kind, body))
    if not placed:
        raise XmpContainerError("PNG has no image data")
    return b"".join(out)


# WebP ------------------------------------------------------------------------------------------


def _webp_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        raise XmpContainerError("not a WebP")
    (riff_size,) = struct.unpack("<I", data[4:8])
    end_of_file = min(len(data), 8 + riff_size)
    chunks = []
    pos = 12
    while pos + 8 <= end_of_file:
        kind = data[pos : pos + 4]
        (length,) = struct.unpack("<I", data[pos + 4 : pos + 8])
        if pos + 8 + length > end_of_file:
            raise XmpContainerError("WebP chunk overruns the file")
        chunks.append((kind, data[pos + 8 : pos + 8 + length]))
        pos += 8 + length + (length & 1)
    if not chunks:
        raise XmpContainerError("WebP has no chunks")
    return chunks


def _webp_chunk(kind: bytes, body: bytes) -> bytes:
    return kind + struct.pack("<I", len(body)) + body + (b"\x00" if len(body) & 1 else b"")


def _vp8x_for(kind: bytes, body: bytes) -> bytes:
    """The VP8X body a simple WebP needs to carry metadata: its canvas size and alpha bit."""
    flags = 0
    if kind == b"VP8 ":
        if len(body) < 10 or body[3:6] != b"\x9d\x01\x2a":
            raise XmpContainerError("malformed VP8 frame header")
        width, height = (v & 0x3FFF for v in struct.unpack("<HH", body[6:10]))
    elif kind == b"VP8L":
        if len(body) < 5 or body[0] != 0x2F:
            raise XmpContainerError("malformed VP8L header")
        (bits,) = struct.unpack("<I", body[1:5])
        width, height = (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
        if bits >> 28 & 1:
            flags |= _WEBP_ALPHA_FLAG
    else:
        raise XmpContainerError(f"unexpected first WebP chunk {kind!r}")
    size = struct.pack("<I", width - 1)[:3] + struct.pack("<I", height - 1)[:3]
    return bytes([flags, 0, 0, 0]) + size


def _put_webp(data: bytes, packet: bytes) -> bytes:
    chunks = _webp_chunks(data)
    first_kind, first_body = chunks[0]
    if first_kind == b"VP8X":
        if len(first_body) < 10:
            raise XmpContainerError("malformed VP8X chunk")
        header = bytes([first_body[0] | _WEBP_XMP_FLAG]) + first_body[1:]
        rest = chunks[1:]
    else:
        made = _vp8x_for(first_kind, first_body)
        header = bytes([made[0] | _WEBP_XMP_FLAG]) + made[1:]
        rest = chunks
    body = [_webp_chunk(b"VP8X", header)]
    body += [_webp_chunk(kind, chunk) for kind, chunk in rest if kind != b"XMP "]
    body.append(_webp_chunk(b"XMP ", packet))
    payload = b"WEBP" + b"".join(body)
    return b"RIFF" + struct.pack("<I", len(payload)) + payload
