"""The event lexicon (``data/lexicon_de.yaml``): German verbs and nouns mapped to PLOVER types,
mode cue words, venues. Loaded once per process; the format is documented in docs/events.md and at
the top of the data file, so analysts can extend it without touching code."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from lagebild.errors import LagebildError

__all__ = [
    "LEXICON_FILE",
    "PLOVER_TYPES",
    "EventLexicon",
    "NounEntry",
    "VerbEntry",
    "load_lexicon",
    "verb_forms",
]

LEXICON_FILE = Path(__file__).resolve().parent / "data" / "lexicon_de.yaml"

#: The 16 PLOVER event types (PLOVER manual 2021; DEMAND was renamed REQUEST).
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

# Inseparable prefixes and -ieren verbs take no "ge-" in the participle (vereinbart, telefoniert).
_INSEPARABLE = ("be", "emp", "ent", "er", "ge", "miss", "ver", "zer", "wider", "hinter", "unter", "über")


@dataclass(frozen=True)
class VerbEntry:
    """One event verb (see the data file for the meaning of each field)."""

    lemma: str
    type: str
    mode: str | None = None
    particle: str | None = None
    forms: frozenset[str] = frozenset()
    joined: frozenset[str] = frozenset()
    requires: tuple[str, ...] = ()
    target: tuple[str, ...] = ("obj",)
    negated: str | None = None
    only_negated: bool = False
    symmetric: bool = False
    reflexive: bool = False
    territory: bool = False


@dataclass(frozen=True)
class NounEntry:
    """One event noun (nominalization): matched in any case form and as the end of a compound."""

    lemma: str
    type: str
    mode: str | None = None
    target: tuple[str, ...] = ()
    symmetric: bool = False
    prefix: str | None = None


@dataclass(frozen=True)
class EventLexicon:
    verbs: tuple[VerbEntry, ...]
    nouns: tuple[NounEntry, ...]
    negation: frozenset[str]
    hypothetical: frozenset[str]
    future: frozenset[str]
    future_attributive: frozenset[str]
    future_aux: frozenset[str]
    scheduled: frozenset[str]
    historical: frozenset[str]
    request_modals: frozenset[str]
    venues: dict[str, tuple[str, str]] = field(default_factory=dict)
    compound_actor_heads: frozenset[str] = frozenset()
    by_form: dict[str, tuple[VerbEntry, ...]] = field(default_factory=dict)
    by_joined: dict[str, tuple[VerbEntry, ...]] = field(default_factory=dict)
    noun_by_form: dict[str, NounEntry] = field(default_factory=dict)
    by_lemma: dict[str, tuple[VerbEntry, ...]] = field(default_factory=dict)

    def noun(self, word: str) -> NounEntry | None:
        """The noun entry of ``word`` (any case form, or the last part of a compound)."""
        lower = word.lower()
        hit = self.noun_by_form.get(lower)
        if hit is not None:
            return hit
        tail = lower.rsplit("-", 1)[-1]
        hit = self.noun_by_form.get(tail)
        if hit is not None:
            return hit
        # closed compounds: "Angriffskrieges", "Gipfeltreffen"; longest suffix of 6+ letters wins
        for i in range(1, max(1, len(lower) - 5)):
            hit = self.noun_by_form.get(lower[i:])
            if hit is not None and len(lower) - i >= 6:
                return hit
        return None


def _stem(lemma: str) -> str:
    if lemma.endswith(("eln", "ern")):
        return lemma[:-1]
    return lemma[:-2] if lemma.endswith("en") else lemma[:-1]


def verb_forms(lemma: str, extra: tuple[str, ...] = ()) -> set[str]:
    """Regular (weak) finite forms, infinitive, zu-infinitive-less participle of ``lemma`` plus ``extra``."""
    stem = _stem(lemma)
    # rechnen -> rechnet, atmen -> atmet, but lehnen -> lehnt, warnen -> warnt
    e = (
        "e"
        if stem.endswith(("t", "d"))
        or (len(stem) > 2 and stem[-1] in "mn" and stem[-2] not in "aeiouäöülrhmn")
        else ""
    )
    forms = {
        lemma,
        stem + "e",
        stem + e + "st",
        stem + e + "t",
        stem + "en",
        stem + e + "te",
        stem + e + "ten",
        stem + e + "test",
        stem + e + "tet",
        stem + "est",
        stem + "et",
    }
    if lemma.startswith(_INSEPARABLE) or lemma.endswith("ieren"):
        forms.add(stem + e + "t")
    else:
        forms.add("ge" + stem + e + "t")
    forms.update(extra)
    return {f.lower() for f in forms}


def _joined_forms(entry: dict[str, Any], base: str, particle: str) -> set[str]:
    """Forms written as one word: infinitive, participle, zu-infinitive, subordinate finite forms."""
    forms = verb_forms(base, tuple(entry.get("forms", ())))
    out = {particle + f for f in forms}
    out.add(particle + "zu" + base)
    stem = _stem(base)
    e = "e" if stem.endswith(("t", "d")) else ""
    out.add(particle + "ge" + stem + e + "t")
    for f in entry.get("forms", ()):
        if f.startswith("ge"):
            out.add(particle + f)
    return {f.lower() for f in out}


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def parse_lexicon(data: dict[str, Any]) -> EventLexicon:
    """Build the lexicon from the parsed YAML document (E310 for an unknown PLOVER type)."""
    verbs: list[VerbEntry] = []
    by_form: dict[str, list[VerbEntry]] = {}
    by_joined: dict[str, list[VerbEntry]] = {}
    for lemma, raw in (data.get("verbs") or {}).items():
        raw = raw or {}
        kind = str(raw.get("type", "")).upper()
        negated = raw.get("negated")
        for t in (kind, negated):
            if t is not None and t not in PLOVER_TYPES:
                raise LagebildError("E310", f"event lexicon: unknown PLOVER type {t!r} for verb {lemma!r}")
        particle = raw.get("particle")
        base = lemma[len(particle) :] if particle and lemma.startswith(particle) else lemma
        finite = frozenset(verb_forms(base, _tuple(raw.get("forms"))))
        joined = frozenset(_joined_forms(raw, base, particle)) if particle else frozenset(finite)
        entry = VerbEntry(
            lemma=lemma,
            type=kind,
            mode=raw.get("mode"),
            particle=particle,
            forms=finite,
            joined=joined,
            requires=_tuple(raw.get("requires")),
            target=_tuple(raw.get("target")) or ("obj",),
            negated=negated,
            only_negated=bool(raw.get("only_negated", False)),
            symmetric=bool(raw.get("symmetric", False)),
            reflexive=bool(raw.get("reflexive", False)),
            territory=bool(raw.get("territory", False)),
        )
        verbs.append(entry)
        for form in joined:
            by_joined.setdefault(form, []).append(entry)
        if particle:
            for form in finite:
                by_form.setdefault(form, []).append(entry)
    nouns: list[NounEntry] = []
    noun_by_form: dict[str, NounEntry] = {}
    for lemma, raw in (data.get("nouns") or {}).items():
        raw = raw or {}
        kind = str(raw.get("type", "")).upper()
        if kind not in PLOVER_TYPES:
            raise LagebildError("E310", f"event lexicon: unknown PLOVER type {kind!r} for noun {lemma!r}")
        noun = NounEntry(
            lemma,
            kind,
            raw.get("mode"),
            _tuple(raw.get("target")),
            bool(raw.get("symmetric")),
            raw.get("prefix"),
        )
        nouns.append(noun)
        low = lemma.lower()
        for suffix in ("", "s", "es", "n", "en", "e", "ern"):
            noun_by_form.setdefault(low + suffix, noun)
    modes = data.get("modes") or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in _tuple(modes.get(key)))

    venues = {
        str(k): (str(v["place_id"]), str(v.get("name", ""))) for k, v in (data.get("venues") or {}).items()
    }
    return EventLexicon(
        verbs=tuple(verbs),
        nouns=tuple(nouns),
        negation=words("negation"),
        hypothetical=words("hypothetical"),
        future=words("future"),
        future_attributive=words("future_attributive"),
        future_aux=words("future_aux"),
        scheduled=words("scheduled"),
        historical=words("historical"),
        request_modals=frozenset(w.lower() for w in _tuple(data.get("request_modals"))),
        venues=venues,
        compound_actor_heads=frozenset(w.lower() for w in _tuple(data.get("compound_actor_heads"))),
        by_form={k: tuple(v) for k, v in by_form.items()},
        by_joined={k: tuple(v) for k, v in by_joined.items()},
        noun_by_form=noun_by_form,
        by_lemma={e.lemma: (e,) for e in verbs},
    )


@functools.lru_cache(maxsize=4)
def load_lexicon(path: Path | None = None) -> EventLexicon:
    """The event lexicon (the packaged ``data/lexicon_de.yaml`` or ``path``), cached per path."""
    source = path or LEXICON_FILE
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise LagebildError("E310", f"cannot read the event lexicon {source}: {exc}") from exc
    return parse_lexicon(data)
