"""Quotation marks in German text: pair openers and closers, robust to mixed and unbalanced marks.

German press uses „…“ (closer U+201C), »…« and, nested, ‚…‘; typed text has ASCII "…" or „…" with
an ASCII closer, and English/Swiss styles “…”, «…» occur. Unlike textacy (which gives up on an odd
number of marks), every mark is classified by what it is and by its neighbours:

- unambiguous openers: „ » (and « when followed by a word and not preceded by one: Swiss style),
  ‚ and ‹ for the single level;
- ambiguous marks (" “ ” « ' ‘ ’): an opener when preceded by start/space/bracket and followed by a
  non-space, a closer when preceded by a non-space; an apostrophe (’ ' between letters) is ignored;
- any closer closes any opener of its level (mixed styles); a second opener while a quote is open
  either continues a quote over a paragraph break (German convention: each paragraph of a long
  quote reopens with „, only the last closes) or, in the same paragraph, ends the unclosed one;
- an opener still open at a paragraph end whose next paragraph does not reopen is closed there with
  a lower confidence; single-level quotes are only read inside a double-level quote or when their
  opener is unambiguous (‚), so that apostrophes never start a quote.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["QuoteMarks", "find_quote_marks"]

_OPEN_DOUBLE = "„»"
_AMBIG_DOUBLE = '"“”«'
_OPEN_SINGLE = "‚‹"
_AMBIG_SINGLE = "'‘’›"
MARKS = _OPEN_DOUBLE + _AMBIG_DOUBLE + _OPEN_SINGLE + _AMBIG_SINGLE

# Confidence of a quote by how its marks were paired (calibrated by hand on the seed article and
# wikinews-quotation-2024 train; the figures only rank, they are not probabilities).
CONF_PAIRED = 0.95
CONF_MIXED = 0.85  # „…" or »…“: paired but different styles
CONF_UNCLOSED = 0.5  # closed by us at a paragraph end or at the next opener


@dataclass(frozen=True)
class QuoteMarks:
    """A quotation: opener at ``open``, closer at ``close`` (None = inferred), content characters."""

    open: int
    close: int | None
    start: int
    end: int
    level: int  # 1 = double marks, 2 = single marks
    confidence: float
    paragraphs: int = 1  # paragraphs the quotation spans


def _kind(text: str, i: int) -> str | None:
    """'open', 'close' or None (not a quotation mark here) for the mark at ``i``."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch in "’'" and before.isalnum() and after.isalnum():
        return None  # apostrophe: geht's, Trump’s
    if ch in _OPEN_DOUBLE or ch in _OPEN_SINGLE:
        if ch == "»" and before.isalnum() and not after.isalnum():
            return "close"  # Swiss/French »…« reversed: rare, tolerated
        return "open"
    left_open = before.isspace() or before in "([{–—-/" or before in MARKS
    right_open = not after.isspace() and after not in ".,;:!?)]}"
    if ch == "«":
        return "open" if left_open and right_open and not before.isalnum() else "close"
    if left_open and right_open:
        return "open"
    if not before.isspace():
        return "close"
    return "open" if right_open else None


def _paragraph_breaks(text: str) -> list[int]:
    out = []
    i = text.find("\n")
    while i != -1:
        out.append(i)
        i = text.find("\n", i + 1)
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quote_marks(text: str) -> list[QuoteMarks]:
    """All quotations of ``text`` (outer and nested), in order of their opener."""
    breaks = _paragraph_breaks(text)

    def crosses_paragraph(a: int, b: int) -> bool:
        return any(a <= n < b for n in breaks)

    def paragraph_end(pos: int) -> int:
        for n in breaks:
            if n >= pos:
                return n
        return len(text)

    out: list[QuoteMarks] = []
    double: list[int] = []  # open double-level opener positions (at most one in practice)
    single: list[int] = []
    double_paragraphs = 1
    double_style_mismatch = False

    def close_double(at: int | None, end: int, confidence: float) -> None:
        nonlocal double_paragraphs
        opener = double.pop()
        start, stop = _trim(text, opener + 1, end)
        if stop > start:
            out.append(QuoteMarks(opener, at, start, stop, 1, confidence, double_paragraphs))
        single.clear()
        double_paragraphs = 1

    for i, ch in enumerate(text):
        if ch == "\n" and double:
            # A quote open at a paragraph end: continued if the next paragraph reopens, else closed.
            j = i
            while j < len(text) and text[j].isspace():
                j += 1
            if (
                j < len(text)
                and text[j] in MARKS
                and text[j] not in _OPEN_SINGLE
                and _kind(text, j) == "open"
            ):
                continue
            if j < len(text) and (text[j] in MARKS) and _kind(text, j) == "close":
                continue  # a stray line break before the closer
            close_double(None, i, CONF_UNCLOSED)
            continue
        if ch not in MARKS:
            continue
        kind = _kind(text, i)
        if kind is None:
            continue
        is_double = ch in _OPEN_DOUBLE or ch in _AMBIG_DOUBLE
        if is_double:
            if kind == "open":
                if double:
                    if crosses_paragraph(double[-1], i):
                        double_paragraphs += 1  # reopened paragraph of a long quote
                        continue
                    close_double(None, i, CONF_UNCLOSED)
                double.append(i)
                double_style_mismatch = False
                continue
            if double:
                opener_char = text[double[-1]]
                double_style_mismatch = (opener_char, ch) not in {
                    ("„", "“"),
                    ("„", "”"),
                    ("»", "«"),
                    ('"', '"'),
                    ("“", "”"),
                    ("«", "»"),
                }
                close_double(i, i, CONF_MIXED if double_style_mismatch else CONF_PAIRED)
            continue
        # single level: inside a double quote, or opened by an unambiguous ‚ ‹
        if kind == "open" and (double or ch in _OPEN_SINGLE):
            if ch in _OPEN_SINGLE or double:
                single.append(i)
            continue
        if kind == "close" and single:
            opener = single.pop()
            if paragraph_end(opener) >= i:
                start, stop = _trim(text, opener + 1, i)
                if stop > start:
                    out.append(QuoteMarks(opener, i, start, stop, 2, CONF_PAIRED))
    if double:
        close_double(None, paragraph_end(double[-1]), CONF_UNCLOSED)
    return sorted(out, key=lambda q: q.open)
