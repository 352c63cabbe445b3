"""JSONL (optionally gzip-compressed) and CSV: one article per line or row.

Field names come from settings (``text_field``, ``title_field``, ``date_field``, ``url_field``,
``id_field``). ``published_granularity`` ("day"/"month"/"year"), as in
``../shared/data/german-news-corpus``, truncates the date to the precision the source vouches for.
A broken line or row yields ``E106`` (``path:line N``) and the batch goes on.

JSONL is streamed, so ``max_file_bytes`` applies to each line, not to the file (corpus dumps are
large); a CSV file is decoded as a whole (encoding detection), so the limit applies to the file.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Protocol

from lagebild.errors import LagebildError
from lagebild.ingest.decode import decode, read_text
from lagebild.ingest.layout import assemble, classify, split_blocks, split_credit
from lagebild.records import Article, Published
from lagebild.settings import Settings

__all__ = [
    "GRANULARITY_FIELD",
    "article_from_record",
    "parse_csv",
    "parse_csv_text",
    "parse_jsonl",
    "parse_jsonl_stream",
]

GRANULARITY_FIELD = "published_granularity"
_TRUNCATE = {"year": 4, "month": 7, "day": 10}
_CSV_DELIMITERS = ",;\t|"


class _LineReader(Protocol):
    def readline(self, size: int = -1, /) -> bytes: ...


def parse_jsonl(path: Path, settings: Settings) -> Iterator[Article | LagebildError]:
    """Articles of a .jsonl/.ndjson file (``.gz`` too), or ``E106``/``E101``/``E104`` per bad line."""
    source = str(path)
    if not path.is_file():
        raise LagebildError("E109", "file not found", source=source)
    if path.name.endswith(".gz"):
        with gzip.open(path, "rb") as compressed:
            yield from parse_jsonl_stream(compressed, settings, source=source)
    else:
        with path.open("rb") as plain:
            yield from parse_jsonl_stream(plain, settings, source=source)


def parse_jsonl_stream(
    handle: _LineReader, settings: Settings, *, source: str
) -> Iterator[Article | LagebildError]:
    """Articles of JSON lines read from a binary stream (a file, a gzip file, fetched bytes)."""
    number = 0
    try:
        while True:
            # A line longer than the limit is read only up to the limit (plus one byte to notice).
            raw = handle.readline(settings.max_file_bytes + 1)
            if not raw:
                break
            number += 1
            where = f"{source}:line {number}"
            if len(raw) > settings.max_file_bytes and not raw.endswith(b"\n"):
                yield LagebildError("E104", "line longer than max_file_bytes", source=where)
                while raw and not raw.endswith(b"\n"):  # skip the rest of the line
                    raw = handle.readline(1 << 20)
                continue
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                yield LagebildError("E106", f"malformed JSON line: {exc}", source=where)
                continue
            try:
                yield article_from_record(record, settings, source=where)
            except LagebildError as exc:
                yield exc.for_source(where)
    except (OSError, EOFError) as exc:  # gzip.BadGzipFile is an OSError
        yield LagebildError("E106", f"unreadable after line {number}: {exc}", source=source)


def parse_csv(path: Path, settings: Settings) -> Iterator[Article | LagebildError]:
    """Articles of a CSV file with a header row (delimiter sniffed among ``, ; TAB |``)."""
    source = str(path)
    if path.name.endswith(".gz"):
        with gzip.open(path, "rb") as handle:
            data = handle.read(settings.max_file_bytes + 1)
        if len(data) > settings.max_file_bytes:
            raise LagebildError("E104", "decompressed CSV larger than max_file_bytes", source=source)
        text = decode(data, source=source)
    else:
        text = read_text(path, settings)
    yield from parse_csv_text(text, settings, source=source)


def parse_csv_text(text: str, settings: Settings, *, source: str) -> Iterator[Article | LagebildError]:
    try:
        dialect: Any = csv.Sniffer().sniff(text[:8192], delimiters=_CSV_DELIMITERS)
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    if not reader.fieldnames or settings.text_field not in reader.fieldnames:
        raise LagebildError(
            "E106",
            f"CSV header has no {settings.text_field!r} column (columns: {reader.fieldnames}); "
            "set text_field to the column holding the article text",
            source=source,
        )
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield LagebildError("E106", f"malformed CSV row: {exc}", source=f"{source}:line {line}")
            break  # the csv module cannot resynchronise after a broken quote
        where = f"{source}:line {line}"
        line = reader.line_num + 1
        if None in row:  # more cells than header columns
            yield LagebildError("E106", "row has more cells than the header", source=where)
            continue
        try:
            yield article_from_record(row, settings, source=where)
        except LagebildError as exc:
            yield exc.for_source(where)


def article_from_record(record: Any, settings: Settings, *, source: str) -> Article:
    """One article from a JSON object or CSV row; the text's blank lines separate paragraphs."""
    if not isinstance(record, Mapping):
        raise LagebildError("E106", f"expected a JSON object, got {type(record).__name__}", source=source)
    text = record.get(settings.text_field)
    if not isinstance(text, str):
        raise LagebildError("E106", f"missing or non-string field {settings.text_field!r}", source=source)
    if not text.strip():
        raise LagebildError("E102", f"empty field {settings.text_field!r}", source=source)
    blocks, credit = split_credit(split_blocks(text))
    title = record.get(settings.title_field)
    url = record.get(settings.url_field)
    ext_id = record.get(settings.id_field)
    named = f"{source.rsplit(':line ', 1)[0]}#{ext_id}" if ext_id not in (None, "") else source
    return assemble(
        classify(blocks),
        source=named,
        published=_published(record, settings),
        title=title if isinstance(title, str) else None,
        credit=credit,
        url=url if isinstance(url, str) and url else None,
        author=record.get("author") if isinstance(record.get("author"), str) else None,
    )


def _published(record: Mapping[str, Any], settings: Settings) -> Published | None:
    value = record.get(settings.date_field)
    if value in (None, ""):
        return None
    published = Published.parse(str(value))
    granularity = record.get(GRANULARITY_FIELD)
    if granularity in _TRUNCATE and _TRUNCATE[granularity] < len(published.value):
        return Published.parse(published.value[: _TRUNCATE[granularity]])
    return published
