"""Exports of the knowledge base to formats other tools read; plain functions over a store::

    from lagebild.export import export
    from lagebild.store import open_store

    with open_store("lagebild.db") as store:
        export(store, "plover", Path("events.json"))
        export(store, "parquet", Path("tables/"))     # a folder: one file per table

Formats (``docs/exports.md``): ``plover`` (PLOVER-style event JSON), ``gdelt`` (GKG 2.1-style
TSV, one row per article), ``dna-csv`` (DNA statements from claims), ``graphml`` (actor–concept
network from claims), ``parquet`` (articles, entities, quotes, events, timexes). Lists the store
does not hold yet give empty, valid outputs.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from lagebild.errors import LagebildError
from lagebild.export.dna import write_dna_csv, write_graphml
from lagebild.export.gdelt import write_gdelt
from lagebild.export.parquet import TABLES, write_parquet, write_parquet_table
from lagebild.export.plover import write_plover
from lagebild.store import Store

__all__ = ["FORMATS", "TABLES", "ExportResult", "export", "render"]

#: format → (media type, file suffix)
FORMATS: dict[str, tuple[str, str]] = {
    "plover": ("application/json", ".json"),
    "gdelt": ("text/tab-separated-values", ".tsv"),
    "dna-csv": ("text/csv", ".csv"),
    "graphml": ("application/graphml+xml", ".graphml"),
    "parquet": ("application/vnd.apache.parquet", ".parquet"),
}
_TEXT_WRITERS = {
    "plover": write_plover,
    "gdelt": write_gdelt,
    "dna-csv": write_dna_csv,
    "graphml": write_graphml,
}


@dataclass(frozen=True)
class ExportResult:
    """What ``export`` wrote: the format, where, and how many records (per table for parquet)."""

    format: str
    path: str
    counts: dict[str, int]

    def to_json(self) -> dict[str, object]:
        return {"format": self.format, "path": self.path, "counts": self.counts}


def _check(fmt: str) -> None:
    if fmt not in FORMATS:
        raise LagebildError("E108", f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")


def export(store: Store, fmt: str, out: Path) -> ExportResult:
    """Write the store in format ``fmt`` to ``out`` (a folder for ``parquet``, else a file).

    E108 for an unknown format, E109 when the folder of ``out`` does not exist.
    """
    _check(fmt)
    target = out if fmt == "parquet" else out.parent
    if not (target.parent if fmt == "parquet" else target).is_dir():
        raise LagebildError("E109", "folder does not exist", source=str(target))
    if fmt == "parquet":
        if out.exists() and not out.is_dir():
            raise LagebildError("E109", "parquet export needs a folder, this is a file", source=str(out))
        return ExportResult(fmt, str(out), write_parquet(store, out))
    with out.open("w", encoding="utf-8", newline="") as handle:
        count = _TEXT_WRITERS[fmt](store, handle)
    return ExportResult(fmt, str(out), {"records": count})


def render(store: Store, fmt: str, *, table: str = "articles") -> tuple[bytes, str, str]:
    """The export in memory: (bytes, media type, file name). ``table`` picks the parquet table."""
    _check(fmt)
    media_type, suffix = FORMATS[fmt]
    if fmt == "parquet":
        if table not in TABLES:
            raise LagebildError("E108", f"unknown table {table!r}: use one of {', '.join(TABLES)}")
        buffer = io.BytesIO()
        write_parquet_table(store, table, buffer)
        return buffer.getvalue(), media_type, f"lagebild-{table}{suffix}"
    text = io.StringIO(newline="")
    _TEXT_WRITERS[fmt](store, text)
    name = {"plover": "events", "gdelt": "gkg", "dna-csv": "statements", "graphml": "actor-concept"}[fmt]
    charset = "; charset=utf-8" if fmt != "plover" else ""
    return text.getvalue().encode("utf-8"), media_type + charset, f"lagebild-{name}{suffix}"
