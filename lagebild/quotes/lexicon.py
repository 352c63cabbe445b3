"""The cue lexicon (``data/cues_de.yaml``): speech verbs with their forms, speech nouns, attribution
phrases, Konjunktiv forms, media words. Loaded once per process; format in docs/quotes.md."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

__all__ = ["CUES_FILE", "CueLexicon", "VerbEntry", "load_cues", "verb_forms"]

CUES_FILE = Path(__file__).resolve().parent / "data" / "cues_de.yaml"

# Inseparable prefixes: their participles take no "ge-" (bestätigt, erklärt, verwiesen).
_INSEPARABLE = ("be", "emp", "ent", "er", "ge", "miss", "ver", "zer", "wider", "hinter", "unter", "über")


@dataclass(frozen=True)
class VerbEntry:
    """One speech verb: base lemma, the particles that make it a cue, options."""

    lemma: str
    particles: tuple[str, ...] = ()
    alone: bool = True
    needs_clause: bool = False
    impersonal: bool = False
    medium: str = "Speech"


def _stem(lemma: str) -> str:
    if lemma.endswith(("eln", "ern")):
        return lemma[:-1]
    return lemma[:-2] if lemma.endswith("en") else lemma[:-1]


def verb_forms(lemma: str, extra: tuple[str, ...] = ()) -> set[str]:
    """Regular (weak) finite forms, infinitive and participle of ``lemma`` plus the ``extra`` ones.

    Over-generation is harmless here: a form is only read as a cue where the text has it.
    """
    stem = _stem(lemma)
    e = "e" if stem.endswith(("t", "d")) or stem.endswith(("chn", "ffn", "gn")) else ""
    forms = {lemma, stem + "e", stem + e + "st", stem + e + "t", stem + e + "te", stem + e + "ten"}
    forms |= {stem + e + "test", stem + e + "tet"}
    if lemma.endswith("ieren") or lemma.startswith(_INSEPARABLE):
        forms.add(stem + e + "t")
    else:
        forms.add("ge" + stem + e + "t")
    return forms | set(extra)


@dataclass(frozen=True)
class CueLexicon:
    """Everything the rules look up, lower-cased."""

    verbs: dict[str, VerbEntry]
    # lower-case form -> [(base lemma, fused particle or "")]
    forms: dict[str, list[tuple[str, str]]]
    nouns: frozenset[str]
    prep_before: frozenset[str]
    prep_after: frozenset[str]
    prep_noun: frozenset[str]
    adverbs: frozenset[str]
    reportative_modals: frozenset[str]
    konjunktiv_i: frozenset[str]
    konjunktiv_ii: frozenset[str]
    media_nouns: frozenset[str]
    platforms: tuple[tuple[str, ...], ...]
    medium_prepositions: frozenset[str]
    addressee_prepositions: frozenset[str]
    particles: frozenset[str] = field(default=frozenset())
    title_nouns: frozenset[str] = field(default=frozenset())
    # joined cue lemmas that are cues only with content (a clause, a quotation), never a speech act
    # of their own ("kritisierte den Vertrag" is not annotated as reported speech)
    no_speech_act: frozenset[str] = field(default=frozenset())

    def lookup(self, form: str, lemma: str = "") -> list[tuple[VerbEntry, str]]:
        """Verb entries a token can be (with the particle fused into it, or "")."""
        out = [(self.verbs[base], particle) for base, particle in self.forms.get(form.lower(), [])]
        if not out and lemma:
            low = lemma.lower()
            if low in self.verbs:
                out.append((self.verbs[low], ""))
            else:  # a lemmatizer giving the fused lemma: "ankündigen"
                for particle in self.particles:
                    base = low[len(particle) :]
                    if low.startswith(particle) and base in self.verbs:
                        entry = self.verbs[base]
                        if particle in entry.particles:
                            out.append((entry, particle))
        return out


def _entry(lemma: str, options: dict[str, Any]) -> VerbEntry:
    particles = tuple(options.get("particles", ()))
    return VerbEntry(
        lemma=lemma,
        particles=particles,
        alone=bool(options.get("alone", not particles)),
        needs_clause=bool(options.get("needs_clause", False)),
        impersonal=bool(options.get("impersonal", False)),
        medium=str(options.get("medium", "Speech")),
    )


def parse_cues(data: dict[str, Any]) -> CueLexicon:
    """A :class:`CueLexicon` from the YAML structure of ``cues_de.yaml``."""
    verbs: dict[str, VerbEntry] = {}
    forms: dict[str, list[tuple[str, str]]] = {}
    for lemma, options in (data.get("verbs") or {}).items():
        options = options or {}
        entry = _entry(lemma, options)
        verbs[lemma] = entry
        base_forms = verb_forms(lemma, tuple(options.get("forms", ())))
        for form in base_forms:
            forms.setdefault(form, []).append((lemma, ""))
        for particle in entry.particles:
            # Fused in verb-final clauses (mitteilte), participles (angekündigt), zu-infinitives.
            fused = {particle + f for f in base_forms} | {particle + "zu" + lemma}
            for form in fused:
                forms.setdefault(form, []).append((lemma, particle))
    preps = data.get("prepositions") or {}
    all_particles = frozenset(p for e in verbs.values() for p in e.particles)
    return CueLexicon(
        verbs=verbs,
        forms=forms,
        nouns=frozenset(n.lower() for n in data.get("nouns", ())),
        prep_before=frozenset(preps.get("before", ())),
        prep_after=frozenset(preps.get("after", ())),
        prep_noun=frozenset(preps.get("noun", ())),
        adverbs=frozenset(data.get("adverbs", ())),
        reportative_modals=frozenset(data.get("reportative_modals", ())),
        konjunktiv_i=frozenset(data.get("konjunktiv_i", ())),
        konjunktiv_ii=frozenset(data.get("konjunktiv_ii", ())),
        media_nouns=frozenset(n.lower() for n in data.get("media_nouns", ())),
        platforms=tuple(tuple(p.split()) for p in data.get("platforms", ())),
        medium_prepositions=frozenset(data.get("medium_prepositions", ())),
        addressee_prepositions=frozenset(data.get("addressee_prepositions", ())),
        particles=all_particles,
        title_nouns=frozenset(n.lower() for n in data.get("title_nouns", ())),
        no_speech_act=frozenset(data.get("no_speech_act", ())),
    )


@functools.lru_cache(maxsize=4)
def load_cues(path: Path | None = None) -> CueLexicon:
    """The cue lexicon from ``path`` (default: the packaged ``cues_de.yaml``), cached."""
    with open(path or CUES_FILE, encoding="utf-8") as fh:
        return parse_cues(yaml.safe_load(fh))
