"""The JSON contract (v1): the schema file shipped in the package and a validator for it."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import Any

from lagebild.errors import LagebildError

__all__ = ["schema", "validate"]


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The JSON Schema of ``Analysis.to_json()`` (``lagebild/schema/analysis.v1.json``)."""
    text = files("lagebild").joinpath("schema/analysis.v1.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def validate(data: dict[str, Any]) -> None:
    """Check ``data`` against the contract and that every offset points at its text.

    Raises ``LagebildError`` E401 with the first problem found.
    """
    import jsonschema

    try:
        jsonschema.validate(data, schema())
    except jsonschema.ValidationError as exc:
        path = "/".join(str(p) for p in exc.absolute_path)
        raise LagebildError("E401", f"contract violation at {path or '(root)'}: {exc.message}") from None
    text: str = data["article"]["text"]
    for name in ("entities", "quotes", "reported", "timexes", "events", "claims"):
        for number, item in enumerate(data.get(name, [])):
            start, end = item["start"], item["end"]
            if not 0 <= start <= end <= len(text) or text[start:end] != item["text"]:
                raise LagebildError(
                    "E401",
                    f"contract violation at {name}/{number}: offsets {start}:{end} do not hold its text",
                )
    for number, sub in enumerate(data["article"]["subheadings"]):
        if text[sub["start"] : sub["end"]] != sub["text"]:
            raise LagebildError("E401", f"contract violation at article/subheadings/{number}: bad offsets")
