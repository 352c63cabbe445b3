"""Load ``data/patterns_de.yaml`` and compile its rule templates into regexes (once per process)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

__all__ = ["PATTERNS_FILE", "Lexicon", "Rule", "lexicon", "rules"]

PATTERNS_FILE = Path(__file__).with_name("data") / "patterns_de.yaml"


@dataclass(frozen=True)
class Rule:
    """One compiled rule: ``action`` names the normalizer, ``type`` the TIMEX3 type."""

    name: str
    type: str
    action: str
    regex: re.Pattern[str]
    priority: int
    trigger: re.Pattern[str] | None = None  # searched in the lower-cased text; None = always run


@dataclass(frozen=True)
class Lexicon:
    """The word lists of the data file, keys lower-cased."""

    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, float]
    vague_numbers: frozenset[str]
    units: tuple[tuple[re.Pattern[str], str, bool], ...]
    seasons: dict[str, str]
    dayparts: dict[str, str]
    positions: dict[str, str]
    approx: dict[str, str]
    boundaries: dict[str, str]
    relative: dict[str, int]
    anaphoric: dict[str, int]
    vague: dict[str, str]
    narrative_present: frozenset[str]
    narrative_skip: frozenset[str]
    sets: dict[str, str]
    eras: dict[str, str]
    holidays: dict[str, str]
    decade_words: dict[str, int]
    tense_future: frozenset[str]
    tense_past: frozenset[str]
    perfect_aux: frozenset[str]
    not_preterite: frozenset[str]


@lru_cache(maxsize=1)
def _raw() -> dict[str, Any]:
    with PATTERNS_FILE.open(encoding="utf-8") as handle:
        data: dict[str, Any] = yaml.safe_load(handle)
    return data


def _lower(mapping: dict[str, Any]) -> dict[str, Any]:
    return {str(k).lower(): v for k, v in mapping.items()}


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = _raw()
    tense = data["tense"]
    vague = {str(word).lower(): value for value, words in data["vague"].items() for word in words}
    return Lexicon(
        months=_lower(data["months"]),
        weekdays=_lower(data["weekdays"]),
        numbers={k: float(v) for k, v in _lower(data["numbers"]).items()},
        vague_numbers=frozenset(w.lower() for w in data["vague_numbers"]),
        units=tuple(
            (re.compile(rf"(?:{u['pattern']})", re.IGNORECASE), u["unit"], bool(u.get("time", False)))
            for u in data["units"]
        ),
        seasons=_lower(data["seasons"]),
        dayparts=_lower(data["dayparts"]),
        positions=_lower(data["positions"]),
        approx=_lower(data["approx"]),
        boundaries=_lower(data["boundaries"]),
        relative=_lower(data["relative"]),
        anaphoric=_lower(data["anaphoric"]),
        vague=vague,
        narrative_present=frozenset(w.lower() for w in data["narrative_present"]),
        narrative_skip=frozenset(w.lower() for w in data["narrative_skip"]),
        sets=_lower(data["sets"]),
        eras=_lower(data["eras"]),
        holidays=_lower(data["holidays"]),
        decade_words=_lower(data["decade_words"]),
        tense_future=frozenset(tense["future"]),
        tense_past=frozenset(tense["past"]),
        perfect_aux=frozenset(tense["perfect_aux"]),
        not_preterite=frozenset(tense["not_preterite"]),
    )


def _alternation(words: Any) -> str:
    """Longest first, so that "gegen ende" wins over "ende"; spaces match any whitespace."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    data = _raw()
    fills = {
        "MONTH": _alternation(data["months"]),
        "WEEKDAY": _alternation(data["weekdays"]),
        "NUMBER": _alternation(data["numbers"]),
        "VAGUE_NUMBER": _alternation(data["vague_numbers"]),
        "UNIT": "|".join(u["pattern"] for u in sorted(data["units"], key=lambda u: -len(u["pattern"]))),
        "SEASON": _alternation(data["seasons"]),
        "DAYPART": _alternation(data["dayparts"]),
        "POSITION": _alternation(data["positions"]),
        "APPROX": _alternation(data["approx"]),
        "BOUNDARY": _alternation(data["boundaries"]),
        "RELATIVE": _alternation(data["relative"]),
        "ANAPHORIC": _alternation(data["anaphoric"]),
        "VAGUE": _alternation(w for words in data["vague"].values() for w in words),
        "SET": _alternation(data["sets"]),
        "BC": _alternation(data["eras"]),
        "HOLIDAY": _alternation(data["holidays"]),
        "DECADE_WORD": _alternation(data["decade_words"]),
    }
    compiled = []
    for priority, spec in enumerate(data["rules"]):
        body = spec["pattern"].format(**fills)
        flags = 0 if spec.get("case") else re.IGNORECASE
        # Whole words only: a rule never starts or ends inside a word.
        regex = re.compile(rf"(?<!\w)(?:{body})(?!\w)", flags)
        trigger = tuple(_expand_trigger(str(t), data) for t in spec.get("trigger", ()))
        flat = sorted({word for words in trigger for word in words}, key=len, reverse=True)
        alternatives = "|".join(r"\d" if word == "<digit>" else re.escape(word) for word in flat)
        trigger_regex = re.compile(alternatives) if flat else None
        compiled.append(Rule(spec["name"], spec["type"], spec["action"], regex, priority, trigger_regex))
    return tuple(compiled)


_TRIGGER_LISTS = {
    "{MONTH}": "months",
    "{WEEKDAY}": "weekdays",
    "{ANAPHORIC}": "anaphoric",
    "{HOLIDAY}": "holidays",
    "{SET}": "sets",
}
_UNIT_STEMS = ("sekunde", "minute", "stunde", "tag", "nacht", "nächt", "woche", "monat", "jahr")


def _expand_trigger(word: str, data: dict[str, Any]) -> tuple[str, ...]:
    if word == "{UNIT}":
        return _UNIT_STEMS
    if word == "{VAGUE}":  # the first word of every vague phrase
        return tuple({str(w).lower().split()[0] for words in data["vague"].values() for w in words})
    if word in _TRIGGER_LISTS:
        return tuple(str(k).lower().split()[0].rstrip(".") for k in data[_TRIGGER_LISTS[word]])
    return (word.lower(),)
