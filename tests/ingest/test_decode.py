"""Decoding: UTF-8 (with/without BOM), UTF-16, Latin-1, Windows-1252, NFC; bad inputs with codes."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pytest

from lagebild.errors import LagebildError
from lagebild.ingest import read, read_many
from lagebild.ingest.decode import decode
from lagebild.settings import Settings

# Latin-1 has no typographic quotes or dashes; Windows-1252 has „ “ ‚ ‘ – …
LATIN1_TEXT = (
    "Der Präsident der Französischen Republik äußerte sich am Dienstag in Straßburg. "
    "Die Bürger seien müde, sagte er. «Wir brauchen Europa.» Größe zählt nicht."
)
CP1252_TEXT = (
    "Der Präsident sagte am Mittwoch in Brüssel: „Wir stehen an der Seite der Ukraine.“ "
    "Die Außenministerin nannte das ‚überfällig‘ – und fügte hinzu, man müsse schneller handeln… "
    "Über die Kosten sprach niemand."
)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (LATIN1_TEXT, "latin-1"),
        (LATIN1_TEXT, "cp1252"),
        (CP1252_TEXT, "cp1252"),
        (CP1252_TEXT, "utf-8"),
        (CP1252_TEXT, "utf-8-sig"),
        (CP1252_TEXT, "utf-16"),
        ("Präsident Macron sagte: „Ja.“", "cp1252"),  # very short: detection alone would say cp1250
        ("Müller", "latin-1"),
    ],
)
def test_encodings_round_trip(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / f"artikel_{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    article = next(read(path))
    assert article.text == text


def test_typographic_quotes_are_kept() -> None:
    text = "„Doppelt“ »französisch« ‚einfach‘ «Guillemets» “englisch” ’Apostroph’"
    assert decode(text.encode("utf-8")) == text


def test_nfc_normalization() -> None:
    decomposed = unicodedata.normalize("NFD", "Präsident Selenskyj, Ölpreis, Außenminister")
    assert decomposed != "Präsident Selenskyj, Ölpreis, Außenminister"
    assert decode(decomposed.encode("utf-8")) == "Präsident Selenskyj, Ölpreis, Außenminister"


def test_bom_is_removed() -> None:
    assert decode(codecs.BOM_UTF8 + "Grüße".encode()) == "Grüße"


def test_declared_latin1_charset_is_read_as_cp1252() -> None:
    # A server that says ISO-8859-1 but sends Windows-1252 quotes (browsers do the same).
    assert decode(CP1252_TEXT.encode("cp1252"), charset="ISO-8859-1") == CP1252_TEXT


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("leer.txt", b"", "E102"),
        ("nur_leerzeichen.txt", b"  \n\t\r\n  ", "E102"),
        ("bom_only.txt", codecs.BOM_UTF8 + b"  \n", "E102"),
        ("bild.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20, "E103"),
        ("steuerzeichen.txt", bytes(range(1, 9)) * 50 + b"Text", "E103"),
        ("unlesbar.txt", bytes(range(0x80, 0x100)) * 3, "E103"),
        ("leer.html", b"   ", "E102"),
        ("binaer.html", b"\x00\x01\x02\x03" * 100, "E103"),
    ],
)
def test_bad_bytes_give_coded_errors(tmp_path: Path, name: str, data: bytes, code: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(LagebildError) as info:
        list(read(path))
    assert info.value.code == code
    assert info.value.source == str(path)
    assert name in str(info.value)


def test_file_over_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "zu_gross.txt"
    path.write_text(" date 2025-01 " + "Ein Satz über den Haushalt. " * 50, encoding="utf-8")
    with pytest.raises(LagebildError) as info:
        list(read(path, settings=Settings().with_overrides(max_file_bytes=200)))
    assert info.value.code == "E104"
    assert "zu_gross.txt" in str(info.value)
    assert "max_file_bytes" in info.value.message


@pytest.mark.slow
def test_real_50_mb_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "riesig.txt"
    with path.open("wb") as handle:  # 50 MB of real text bytes, not a sparse file
        block = ("Der Bundestag debattiert. " * 40_000).encode()
        while handle.tell() < 50_000_000:
            handle.write(block)
    with pytest.raises(LagebildError) as info:
        list(read(path))
    assert info.value.code == "E104"


def test_batch_yields_errors_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a_leer.txt").write_bytes(b"")
    (tmp_path / "b_gut.txt").write_text(" date 2025-01 Der Bundestag tagt.", encoding="utf-8")
    (tmp_path / "c_binaer.txt").write_bytes(b"\x00" * 64)
    items = list(read_many([tmp_path]))
    assert [type(i).__name__ for i in items] == ["LagebildError", "Article", "LagebildError"]
    assert [getattr(i, "code", None) for i in items] == ["E102", None, "E103"]
