"""Find and normalize time expressions in raw text: the pure functions behind ``lagebild_time``.

The matcher runs the compiled rules of ``data/patterns_de.yaml`` over the text (no tokenizer, so it
works on plain strings and on a Doc from any pipeline), keeps the leftmost-longest matches that
normalize, and walks them in text order so that anaphoric expressions see the last date mentioned.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from lagebild.errors import LagebildError
from lagebild.records import Published, Timex
from lagebild.time.normalize import (
    NORMALIZERS,
    Context,
    Domain,
    Point,
    TimexValue,
    resolve_weekday,
)
from lagebild.time.patterns import Rule, lexicon, rules
from lagebild.time.tense import Tense, clause_around, tense_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["COMPONENT", "Match", "as_published", "find_timexes", "find_values", "normalize"]

COMPONENT = "lagebild.time.v1"

Match = tuple[int, int, Rule, dict[str, str | None]]

# Sentence ends: . ! ? (and closing quotes) followed by space and an upper-case letter or quote,
# but not after a day number ("am 12. Februar") or a one-letter abbreviation ("v. Chr.").
_SENT_END = re.compile(r"(?<![\s\d])(?<!\b\w)[.!?][“”\"«»]?\s+(?=[A-ZÄÖÜ„\"«])|\n+")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[^\w]*$")
_WORD_AFTER = re.compile(r"^[\s(]*([^\W_][\w-]*)")
# Words before a bare four-digit number that make it a year even before a capitalised noun.
_YEAR_CUES = frozenset(
    {"im", "in", "seit", "bis", "von", "vom", "ab", "jahr", "jahre", "jahres", "jahreswechsel", "ende"}
    | {"anfang", "mitte", "frühjahr", "sommer", "herbst", "winter", "zum", "zur", "anno"}
)
# Words before a number that make it a count, an identifier or an amount, never a year.
_YEAR_BLOCKERS = frozenset(
    {"nr", "nummer", "artikel", "paragraf", "paragraph", "seite", "platz", "gegen", "über", "mehr", "als"}
)
# Nouns after a number that make it an amount ("2000 Menschen"), also when lower-cased in headlines.
_AMOUNT_NOUNS = frozenset(
    {"prozent", "euro", "dollar", "mal", "menschen", "km", "meter", "kilometer", "mann"}
)


def as_published(anchor: str | Published | None) -> Published | None:
    """A ``Published`` from an ISO string (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``), as is, or None."""
    if anchor is None or isinstance(anchor, Published):
        return anchor
    return Published.parse(anchor)


def _matches(text: str) -> list[Match]:
    found: list[Match] = []
    low = text.lower()
    for rule in rules():
        if rule.trigger is not None and rule.trigger.search(low) is None:
            continue
        for m in rule.regex.finditer(text):
            if m.end() > m.start():
                groups = {k: v for k, v in m.groupdict().items() if v is not None}
                found.append((m.start(), m.end(), rule, groups))
    # Leftmost, then longest, then the rule listed first.
    found.sort(key=lambda item: (item[0], -(item[1] - item[0]), item[2].priority))
    return found


def sentence_spans(text: str, doc: Doc | None) -> list[tuple[int, int]]:
    if doc is not None and doc.has_annotation("SENT_START"):
        return [(s.start_char, s.end_char) for s in doc.sents]
    bounds, start = [], 0
    for m in _SENT_END.finditer(text):
        bounds.append((start, m.start() + 1))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


def _context_words(text: str, start: int, end: int, groups: dict[str, str | None]) -> None:
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    after = _WORD_AFTER.match(text[end : end + 40])
    prev = before.group(1).lower() if before else ""
    if prev in _YEAR_CUES or prev.lower() in lexicon().months:
        groups["_prev_cue"] = prev
    if prev in _YEAR_BLOCKERS:
        groups["_prev_blocker"] = prev
    gap = text[before.end() if before else start : start]
    if re.search(r"[§€$]|\bNr\.|\d[.,]\s*$", gap):
        groups["_prev_blocker"] = gap
    if after:
        word = after.group(1)
        sentence_break = re.match(r"\s*[.!?:;]|[ \t]*\n", text[end : end + 3]) is not None
        if word[0].isupper() and not sentence_break and word.lower() not in lexicon().months:
            groups["_next_upper"] = word
        if word.lower() in _AMOUNT_NOUNS:
            groups["_next_upper"] = word


def find_values(
    text: str,
    anchor: str | Published | None,
    *,
    doc: Doc | None = None,
    tense: Tense | None = None,
    domain: Domain = "news",
) -> list[tuple[int, int, str, TimexValue]]:
    """(start, end, rule name, value) for every time expression in ``text``, in text order."""
    published = as_published(anchor)
    sentences = sentence_spans(text, doc)
    sentence_starts = [s for s, _ in sentences]
    reference: Point | None = None
    taken_until = -1
    out: list[tuple[int, int, str, TimexValue]] = []
    for start, end, rule, groups in _matches(text):
        if start < taken_until:
            continue
        groups["_rule"] = rule.name
        _context_words(text, start, end, groups)
        clause_tense = tense
        if clause_tense is None and rule.action in ("weekday", "date", "month"):
            index = max(0, bisect_right(sentence_starts, start) - 1)
            s_start, s_end = sentences[index]
            clause = clause_around(text, start, end, s_start, max(s_end, end))
            clause_tense = tense_of(clause, doc, (s_start, s_end))
        ctx = Context(anchor=published, reference=reference, tense=clause_tense, domain=domain)
        value = NORMALIZERS[rule.action](groups, ctx)
        if value is None:
            continue
        taken_until = end
        out.append((start, end, rule.name, value))
        reference = _next_reference(reference, value, text, start, end)
    return _resolve_weekdays_jointly(out, published)


def _next_reference(
    reference: Point | None, value: TimexValue, text: str, start: int, end: int
) -> Point | None:
    """The reference time after this expression: the last date mentioned, with two exceptions.

    Open intervals ("vor 2014") and years that qualify a noun ("die Grenzen von 1940", "(1908)") do
    not move the story's time; a year-only mention in the reference's own year keeps the finer date.
    (A stricter variant, moving only on "im Jahr 1917"-like cues and headings, scored lower on the
    WikiWarsDE development documents: lenient+value F1 86.7 against 88.0.)
    """
    if value.type not in ("DATE", "TIME") or value.modifier in _OPEN_MODS:
        return reference
    point = Point.parse(value.value)
    if point is None:
        return reference
    if point.month is None:
        if reference is not None and reference.year == point.year:
            return reference
        before = text[max(0, start - 6) : start].lower()
        if re.search(r"(?:\b(?:von|vom|seit|aus|des)\s+|\(\s*)$", before) or text[end : end + 1] == ")":
            return reference
    return point


_OPEN_MODS = frozenset({"BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"})


def _resolve_weekdays_jointly(
    found: list[tuple[int, int, str, TimexValue]], published: Published | None
) -> list[tuple[int, int, str, TimexValue]]:
    """Under a month anchor, weekdays of one story share one (unknown) publication day.

    Every day D of the month is a possible publication day; a past weekday resolves to the latest such
    weekday on or before D, a future one to the earliest on or after D. D is kept when every weekday of
    the story then falls inside the month; each weekday's candidates are its resolutions over the kept
    days. So "traf am Mittwoch" and a later "am Freitag ist ... geplant" yield Fridays that follow one
    of the Wednesdays within the same week.
    """
    if published is None or published.granularity != "month":
        return found
    pending = [i for i, (_, _, _, v) in enumerate(found) if v.weekday is not None and v.candidates]
    if not pending:
        return found
    first = published.first_day
    days = [first.replace(day=d) for d in range(1, 32) if _is_day(first, d)]
    kept: dict[int, set[date]] = {i: set() for i in pending}
    for day in days:
        resolved = {}
        for i in pending:
            v = found[i][3]
            resolved[i] = resolve_weekday(day, v.weekday or 1, v.direction or "past")
        if all(r.month == first.month and r.year == first.year for r in resolved.values()):
            for i, r in resolved.items():
                kept[i].add(r)
    result = list(found)
    for i in pending:
        if not kept[i]:
            continue  # inconsistent story: keep each weekday's unconstrained candidates
        start, end, name, v = found[i]
        candidates = tuple(d.isoformat() for d in sorted(kept[i]))
        result[i] = (
            start,
            end,
            name,
            replace(v, candidates=candidates, interval=(candidates[0], candidates[-1])),
        )
    return result


def _is_day(first: date, day: int) -> bool:
    try:
        first.replace(day=day)
    except ValueError:
        return False
    return True


def find_timexes(
    text: str,
    anchor: str | Published | None,
    article_id: str = "",
    doc: Doc | None = None,
    *,
    domain: Domain = "news",
) -> list[Timex]:
    """Every time expression of ``text`` as a ``Timex`` record with exact character offsets.

    ``anchor`` is the publication date (``Published`` or ``YYYY``/``YYYY-MM``/``YYYY-MM-DD``); with a
    parsed ``doc`` its sentences and verb morphology inform the tense. ``domain="narrative"`` resolves
    underspecified dates against the text's own reference time (Wikipedia-style histories).
    """
    return [
        Timex(
            article_id=article_id,
            start=start,
            end=end,
            text=text[start:end],
            type=value.type,
            value=value.value,
            component=COMPONENT,
            anchor=value.anchor,
            modifier=value.modifier,
            candidates=value.candidates,
            interval=value.interval,
        )
        for start, end, _, value in find_values(text, anchor, doc=doc, domain=domain)
    ]


def normalize(text: str, anchor: str | Published | None, *, tense: str | None = None) -> TimexValue:
    """The value of the longest time expression in ``text``: ``normalize("am Mittwoch", "2025-02")``.

    ``tense`` ("past", "present", "future") overrides the tense read from ``text``.
    Raises ``LagebildError`` E110 when ``text`` holds no time expression.
    """
    if tense is not None and tense not in ("past", "present", "future"):
        raise LagebildError("E110", f"unknown tense {tense!r}: expected past, present or future")
    found = find_values(text, anchor, tense=tense)  # type: ignore[arg-type]
    if not found:
        raise LagebildError("E110", f"no time expression found in {text!r}")
    return max(found, key=lambda item: item[1] - item[0])[3]
