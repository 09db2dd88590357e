"""Bytes to text: refuse binaries and empty inputs, decode UTF-8/16/32, detect the rest.

Order of trust: a forced `encoding`, a byte-order mark, valid UTF-8, an encoding the
document declares (HTML `<meta charset>`), then detection with charset-normalizer.
Detection prefers cp1252 (Windows Western, a superset of Latin-1 for text) whenever it
reads the bytes as cleanly as the best guess, because the detector otherwise picks a
sibling code page (cp1250, iso8859_14) that turns "naïve" into "naďve".
"""
from __future__ import annotations

import codecs

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio

from graphbuild.errors import InputError


# Leading bytes of formats that are never article text.
MAGIC = {
    b"%PDF-": "PDF",
    b"PK\x03\x04": "ZIP (also .docx, .xlsx, .epub)",
    b"\x89PNG\r\n\x1a\n": "PNG",
    b"GIF87a": "GIF",
    b"GIF89a": "GIF",
    b"\xff\xd8\xff": "JPEG",
    b"\x1f\x8b": "gzip",
    b"BZh": "bzip2",
    b"\xfd7zXZ\x00": "xz",
    b"7z\xbc\xaf\x27\x1c": "7-Zip",
    b"\x7fELF": "ELF executable",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": "OLE (.doc, .xls)",
    b"SQLite format 3\x00": "SQLite",
    b"{\\rtf": "RTF",
}
# Longest first: UTF-32-LE's BOM starts with UTF-16-LE's.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
PREFERRED_SINGLE_BYTE = "cp1252"
SNIFF_BYTES = 8192
MAX_CONTROL_SHARE = 0.10  # of the first SNIFF_BYTES; text has almost none
MAX_MESS = 0.15  # charset-normalizer's mess ratio above which a guess is not trusted
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")


def binary_reason(data: bytes) -> str | None:
    """Why `data` looks like a binary file, or None if it may be text."""
    for magic, kind in MAGIC.items():
        if data.startswith(magic):
            return f"{kind} data"
    if any(data.startswith(bom) for bom, _ in BOMS):
        return None  # UTF-16/32 text holds NUL bytes
    head = data[:SNIFF_BYTES]
    if b"\x00" in head:
        return "NUL bytes"
    controls = sum(1 for b in head if (b < 0x20 and b not in _TEXT_CONTROLS) or b == 0x7F)
    if head and controls / len(head) > MAX_CONTROL_SHARE:
        return "control characters"
    return None


def check_text_bytes(data: bytes, source: str, *, wide: bool = False) -> None:
    """Raise InputError if `data` is empty, whitespace only, or binary. `wide`: the bytes
    are known to be UTF-16/32 (NUL bytes are then text)."""
    if not data.strip():
        raise InputError("GB287", source, note="") if data else InputError("GB246", source, note="")
    reason = None if wide and not any(data.startswith(m) for m in MAGIC) else binary_reason(data)
    utf16 = _utf16_order(data[:SNIFF_BYTES]) if reason == "NUL bytes" else None
    if utf16:
        raise InputError("GB247", source, utf16=utf16)
    if reason:
        raise InputError("GB248", source, reason=reason)


def decode(data: bytes, source: str, *, encoding: str | None = None, declared: str | None = None,
           notes: list[str] | None = None) -> str:
    """The text of `data`, checked to be non-empty, non-binary text.

    `encoding` forces a codec (the `--encoding` flag); `declared` is what the document says
    of itself (used after UTF-8 fails). UTF-8 with a few bad bytes (fewer than its valid
    non-ASCII characters) is UTF-8: the bad bytes become U+FFFD and a note saying so is
    appended to `notes`, instead of detection turning the whole text into mojibake.
    Raises InputError naming `source` and the fix.
    """
    check_text_bytes(data, source, wide=_is_wide(encoding))
    if encoding:
        text = _decode_forced(data, source, encoding)
    else:
        text = (_decode_bom(data) or _decode_utf8(data) or mostly_utf8(data, notes)
                or _decode_declared(data, declared))
        if text is None:
            text = _detect(data, source)
    if not text.strip():
        raise InputError("GB287", source, note=" after decoding")
    return text


def _utf16_order(head: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when NUL bytes fill one byte of most pairs (ASCII-range
    text in UTF-16), else None."""
    pairs = len(head) // 2
    if pairs < 4:
        return None
    odd, even = head[1 : 2 * pairs : 2].count(0), head[0 : 2 * pairs : 2].count(0)
    if odd > 0.6 * pairs and even < 0.05 * pairs:
        return "utf-16-le"
    if even > 0.6 * pairs and odd < 0.05 * pairs:
        return "utf-16-be"
    return None


def _is_wide(encoding: str | None) -> bool:
    try:
        return bool(encoding) and codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))
    except LookupError:
        return False


def _decode_forced(data: bytes, source: str, encoding: str) -> str:
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise InputError("GB251", source, encoding=encoding) from None
    if name == "utf-8":
        name = "utf-8-sig"  # a BOM is never part of the text
    try:
        return data.decode(name)
    except UnicodeDecodeError as err:
        raise InputError("GB252", source, encoding=encoding, start=err.start) from None


def _decode_bom(data: bytes) -> str | None:
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def _decode_utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def mostly_utf8(data: bytes, notes: list[str] | None) -> str | None:
    """`data` as UTF-8 with its few bad byte sequences replaced by U+FFFD (noted in
    `notes`), or None when the bytes are more likely another encoding."""
    try:
        data.decode("utf-8")
        return None  # valid: not this function's case
    except UnicodeDecodeError as err:
        first = err.start
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    valid_non_ascii = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")
    if bad <= 0 or valid_non_ascii <= bad:
        return None
    if notes is not None:
        notes.append(f"{bad} invalid UTF-8 byte sequence(s) replaced by U+FFFD (the first at byte {first})")
    return text


def _decode_declared(data: bytes, declared: str | None) -> str | None:
    if not declared:
        return None
    try:
        return data.decode(declared)
    except (LookupError, UnicodeDecodeError):
        return None  # documents often declare wrongly; detection decides


def _detect(data: bytes, source: str) -> str:
    best = from_bytes(data).best()
    if best is None:
        raise InputError("GB249", source)
    try:
        text = data.decode(PREFERRED_SINGLE_BYTE)
    except UnicodeDecodeError:
        text = None
    if text is not None and mess_ratio(text, 1.0) <= best.chaos + 0.01:
        return text
    if best.chaos > MAX_MESS:
        raise InputError("GB250", source, encoding=best.encoding)
    return str(best)
