"""Bytes to normalized text: size limit, binary check, encoding detection, Unicode NFC.

German legacy files are mostly Windows-1252 or Latin-1; charset-normalizer alone often calls short
German text ``cp1250`` (which maps „ “ and umlauts the same way but ``à``/``À`` differently), so a
Latin-script guess is read as Windows-1252, the superset of Latin-1 for printable characters.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import charset_normalizer

from lagebild.errors import LagebildError
from lagebild.records import normalize_text
from lagebild.settings import Settings

__all__ = ["decode", "read_bytes", "read_text"]

# How much of the start of a file the binary check looks at.
_SNIFF_BYTES = 8192
# Share of control bytes (other than tab, newlines, form feed) above which a file is binary: text files
# have none; 5% tolerates a stray escape sequence in a scraped page.
_MAX_CONTROL_RATIO = 0.05
# Single-byte codecs that charset-normalizer picks for Latin-script text; for German, cp1252 is right.
_LATIN_GUESSES = frozenset(
    {
        "cp1250",
        "cp1252",
        "latin_1",
        "iso8859_1",
        "iso8859_2",
        "iso8859_9",
        "iso8859_15",
        "cp1254",
        "cp1257",
        "mac_roman",
        "mac_latin2",
        "cp850",
        "cp437",
    }
)
# Share of non-ASCII letters up to which cp1252 is accepted without asking charset-normalizer:
# German news text has 1-4% (umlauts, ß); 30% leaves room for short lines and names.
_MAX_NON_ASCII_LETTERS = 0.3
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\x1b")


def read_bytes(path: Path, settings: Settings) -> bytes:
    """The bytes of ``path``; the size is checked before reading so a huge file is never loaded."""
    source = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise LagebildError("E109", "file not found", source=source) from None
    except OSError as exc:
        raise LagebildError("E109", f"cannot open file: {exc.strerror or exc}", source=source) from None
    if size > settings.max_file_bytes:
        raise LagebildError(
            "E104",
            f"file is {size:,} bytes, more than max_file_bytes={settings.max_file_bytes:,}",
            source=source,
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise LagebildError("E109", f"cannot read file: {exc.strerror or exc}", source=source) from None


def read_text(path: Path, settings: Settings) -> str:
    """Read, decode and normalize a text file (see :func:`decode`)."""
    return decode(read_bytes(path, settings), source=str(path))


def decode(data: bytes, *, source: str | None = None, charset: str | None = None) -> str:
    """Decode ``data`` to NFC text with ``\\n`` line ends; typographic quotes are kept as they are.

    ``charset`` (e.g. from an HTTP header) is tried after a BOM and before guessing. Raises ``E102``
    for empty or whitespace-only input and ``E103`` for binary or undecodable bytes.
    """
    if not data.strip():
        raise LagebildError("E102", "empty input: the file has no text", source=source)
    text = _decode_bom(data)
    if text is None and charset:
        # Browsers (WHATWG encoding standard) read a declared Latin-1 as Windows-1252; so do we.
        if charset.lower().replace("_", "-") in {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"}:
            charset = "cp1252"
        try:
            text = data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        _check_not_binary(data, source)
        text = _decode_guess(data, source)
    if _control_ratio_text(text) > _MAX_CONTROL_RATIO:
        raise LagebildError("E103", "binary or undecodable content (control characters)", source=source)
    text = normalize_text(text)
    if not text.strip():
        raise LagebildError("E102", "empty input: the file has no text", source=source)
    return text


def _decode_bom(data: bytes) -> str | None:
    # A BOM is the strongest evidence there is; UTF-16/32 must be handled before the NUL-byte check.
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def _check_not_binary(data: bytes, source: str | None) -> None:
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head:
        raise LagebildError("E103", "binary file (NUL bytes), not text", source=source)
    controls = sum(1 for b in head if (b < 0x20 and b not in _TEXT_CONTROLS) or b == 0x7F)
    if controls / len(head) > _MAX_CONTROL_RATIO:
        raise LagebildError("E103", "binary file (control bytes), not text", source=source)


def _decode_guess(data: bytes, source: str | None) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and _mostly_ascii_letters(western):
        return western
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise LagebildError("E103", "undecodable bytes: no text encoding fits", source=source)
    if best.encoding in _LATIN_GUESSES:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return str(best)


def _mostly_ascii_letters(text: str) -> bool:
    """German (or any Western) text read as cp1252: most letters are ASCII, umlauts are a few percent.

    Cyrillic or Greek single-byte text misread as cp1252 turns almost every letter into À-ÿ, so
    it fails this test and goes to charset-normalizer. Needed because charset-normalizer guesses
    badly on short texts (6 bytes of Latin-1 "Müller" come out as UTF-16).
    """
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return False
    non_ascii = sum(1 for ch in letters if ord(ch) > 0x7F)
    return non_ascii / len(letters) <= _MAX_NON_ASCII_LETTERS


def _control_ratio_text(text: str) -> float:
    sample = text[:_SNIFF_BYTES]
    if not sample:
        return 0.0
    bad = sum(
        1
        for ch in sample
        if ch == "\ufffd" or (ord(ch) < 0x20 and ch not in "\t\n\r\f\x1b") or 0x7F <= ord(ch) <= 0x9F
    )
    return bad / len(sample)
