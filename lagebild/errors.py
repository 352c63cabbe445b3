"""Errors with stable codes, shown the same way in the CLI, logs and API bodies.

Codes (keep them stable; document new ones in ``docs/errors.md``):

- E1xx input: E101 invalid date, E102 empty input, E103 binary/undecodable input, E104 too large,
  E105 no article found (HTML/feed), E106 malformed record (JSONL/CSV line), E107 unreachable URL,
  E108 unknown format, E109 missing file, E110 no time expression in the text given to normalize.
- E2xx store: E201 cannot open database, E202 schema too new, E203 article not found, E204 cannot write
  to the database (lock, constraint, disk).
- E3xx analysis: E301 model missing or unloadable, E302 the pipeline failed on one article,
  E310 event lexicon unreadable or naming an unknown PLOVER type.
- E4xx contract: E401 JSON does not follow the contract.
- E5xx knowledge base: E501 KB file missing or of another schema, E502 unknown actor id,
  E503 invalid user YAML.
- E6xx API: E600 server error, E601 no such route, E602 invalid parameter, E603 writing disabled
  (no api_token), E604 missing or wrong token, E605 method not allowed, E606 actor not found.
"""

from __future__ import annotations

__all__ = ["LagebildError"]


class LagebildError(Exception):
    """An error a user can act on: a stable code, the input it concerns, and one clear line."""

    def __init__(self, code: str, message: str, *, source: str | None = None) -> None:
        self.code = code
        self.message = message
        self.source = source
        super().__init__(self.line())

    def line(self) -> str:
        where = f"{self.source}: " if self.source else ""
        return f"[{self.code}] {where}{self.message}"

    def for_source(self, source: str) -> LagebildError:
        """The same error, naming the input it concerns (keeps the first name given)."""
        if self.source:
            return self
        return LagebildError(self.code, self.message, source=source)

    def to_json(self) -> dict[str, str | None]:
        return {"code": self.code, "message": self.message, "source": self.source}
