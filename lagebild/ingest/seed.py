"""The seed corpus format and plain text files.

Seed format (``../shared/seeds/*.txt``)::

     date 2025-02 <lead paragraph>
    <blank line>
    <paragraph or subheading>
    ...
    <last paragraph> (dpa/Red)

The ``date`` token (YYYY, YYYY-MM or YYYY-MM-DD, precision kept) and the credit are metadata, not
reading text. A .txt file without the header is plain text: its first line is the title when it
looks like a headline.
"""

from __future__ import annotations

import re

from lagebild.errors import LagebildError
from lagebild.ingest.layout import Block, assemble, classify, looks_like_heading, split_blocks, split_credit
from lagebild.records import Article, Published, normalize_text

__all__ = ["is_seed", "parse_plain", "parse_seed", "parse_txt"]

# The header is " date " (leading space in the corpus, tolerated without) and a token starting with a
# digit; the rest of the line is the lead.
_HEADER = re.compile(r"\A[ \t]*date[ \t]+(\d\S*)[ \t]*")


def is_seed(text: str) -> bool:
    """Whether ``text`` starts with the seed header ``" date YYYY..."``."""
    return _HEADER.match(text.lstrip("\ufeff")) is not None


def parse_txt(text: str, *, source: str | None = None) -> Article:
    """Seed format when the header is there, plain text otherwise."""
    return parse_seed(text, source=source) if is_seed(text) else parse_plain(text, source=source)


def parse_seed(text: str, *, source: str | None = None) -> Article:
    """Parse the seed format; an invalid date raises ``E101`` naming ``source``."""
    text = normalize_text(text).lstrip("\ufeff")
    match = _HEADER.match(text)
    if match is None:
        raise LagebildError("E101", "missing seed header ' date YYYY[-MM[-DD]] '", source=source)
    try:
        published = Published.parse(match.group(1))
    except LagebildError as exc:
        raise exc.for_source(source) if source else exc from None
    blocks, credit = split_credit(split_blocks(text[match.end() :]))
    return assemble(classify(blocks), source=source, published=published, credit=credit)


def parse_plain(text: str, *, source: str | None = None) -> Article:
    """Plain text: blank-line paragraphs, a headline-like first line as title, a trailing credit."""
    blocks = split_blocks(normalize_text(text).lstrip("\ufeff"))
    title: str | None = None
    if blocks:
        first_line, _, rest = blocks[0].partition("\n")
        has_more = bool(rest.strip()) or len(blocks) > 1
        if has_more and looks_like_heading(first_line):
            title = first_line.strip()
            blocks = [rest.strip(), *blocks[1:]] if rest.strip() else blocks[1:]
    blocks, credit = split_credit(blocks)
    parsed: list[Block] = classify(blocks)
    return assemble(parsed, source=source, title=title, credit=credit)
