"""Shared layout rules: blocks, subheadings, source credits, and the Article built from them.

Every reader turns its input into a list of text blocks (lead, subheadings, paragraphs in reading
order); :func:`assemble` joins them with blank lines and records each block's offsets, so the same
story read from a .txt file and from an HTML page gets the same text layout and the same id.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lagebild.errors import LagebildError
from lagebild.records import Article, Published, Span, article_id_for, normalize_text

__all__ = ["Block", "assemble", "classify", "looks_like_heading", "split_blocks", "split_credit"]

# A subheading is a short line standing alone between paragraphs. German news subheadings are
# 2-10 words (the seed's longest, "Die Bedingungen der Amerikaner für einen Friedensdeal", has 7 words,
# 53 chars); 80 chars / 12 words leaves room while keeping one-sentence paragraphs out, which end in
# punctuation anyway.
MAX_HEADING_CHARS = 80
MAX_HEADING_WORDS = 12
# A block ending in one of these is a sentence (or a quote, or a bracket), never a heading.
FINAL_PUNCTUATION = ".!?:;,…“”\"'’‘»«)]–-"

_BLANK_LINES = re.compile(r"\n(?:[ \t]*\n)+")
# A trailing agency credit such as "(dpa)", "(dpa/Red)", "(AFP/Reuters/Red)" or "(dpa, AFP)": short
# tokens separated by "/" or ",", after the final sentence punctuation or standing alone.
_CREDIT_TOKEN = r"[A-Za-zÄÖÜäöü][\w.\-]{0,14}"
_CREDIT = re.compile(
    rf"(?:\A|(?<=[.!?…“”\"»«)]))\s*\(\s*({_CREDIT_TOKEN}(?:\s*[/,]\s*{_CREDIT_TOKEN}){{0,5}})\s*\)\s*\Z"
)
# Longest credit searched for: six 15-character tokens with separators and brackets.
_CREDIT_TAIL = 120


@dataclass(frozen=True)
class Block:
    """One block of reading text: a paragraph (the first one is the lead) or a subheading."""

    text: str
    heading: bool = False


def split_blocks(text: str) -> list[str]:
    """Blank-line separated blocks, trimmed, empty ones dropped."""
    return [b.strip() for b in _BLANK_LINES.split(text) if b.strip()]


def looks_like_heading(line: str) -> bool:
    """A short single line with letters and without final punctuation."""
    line = line.strip()
    return (
        bool(line)
        and "\n" not in line
        and len(line) <= MAX_HEADING_CHARS
        and len(line.split()) <= MAX_HEADING_WORDS
        and line[-1] not in FINAL_PUNCTUATION
        and any(ch.isalpha() for ch in line)
        and not line[0].islower()
    )


def classify(blocks: Sequence[str], *, first_is_lead: bool = True) -> list[Block]:
    """Mark subheadings: heading-like blocks with a paragraph after them (never the lead)."""
    out: list[Block] = []
    for i, text in enumerate(blocks):
        heading = (
            looks_like_heading(text)
            and not (first_is_lead and i == 0)
            and i + 1 < len(blocks)
            and any(not looks_like_heading(b) for b in blocks[i + 1 :])
        )
        out.append(Block(text, heading))
    return out


def split_credit(blocks: list[str]) -> tuple[list[str], str | None]:
    """Remove a trailing source credit from the last block; returns the blocks and the credit."""
    if not blocks:
        return blocks, None
    last = blocks[-1]
    # A credit is short; searching only the tail keeps this O(1) per article.
    offset = max(0, len(last) - _CREDIT_TAIL)
    match = _CREDIT.search(last, offset)
    if not match:
        return blocks, None
    credit = re.sub(r"\s+", "", match.group(1)).replace(",", ", ")
    rest = last[: match.start()].rstrip()
    return ([*blocks[:-1], rest] if rest else blocks[:-1]), credit


def assemble(
    blocks: Sequence[Block],
    *,
    source: str | None,
    published: Published | None = None,
    title: str | None = None,
    credit: str | None = None,
    url: str | None = None,
    author: str | None = None,
) -> Article:
    """Join ``blocks`` with blank lines into the article text and record every block's span."""
    parts: list[str] = []
    paragraphs: list[Span] = []
    headings: list[Span] = []
    offset = 0
    for block in blocks:
        text = normalize_text(block.text).strip()
        if not text:
            continue
        if parts:
            offset += 2  # the "\n\n" separator
        span = Span(offset, offset + len(text), text)
        (headings if block.heading else paragraphs).append(span)
        parts.append(text)
        offset += len(text)
    if not paragraphs:
        raise LagebildError("E102", "empty input: no paragraph text found", source=source)
    full = "\n\n".join(parts)
    return Article(
        id=article_id_for(full),
        text=full,
        source=source,
        published=published,
        title=title.strip() if title and title.strip() else None,
        lead=paragraphs[0],
        subheadings=tuple(headings),
        paragraphs=tuple(paragraphs),
        credit=credit,
        url=url,
        author=author.strip() if author and author.strip() else None,
    )
