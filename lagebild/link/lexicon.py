"""The linker's word lists (``data/linking.yaml``), loaded once per process."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from lagebild.kb.normalize import norm_key, stem_token

__all__ = ["LEXICON_FILE", "Features", "Lexicon", "load_lexicon"]

LEXICON_FILE = Path(__file__).resolve().parent / "data" / "linking.yaml"


@dataclass(frozen=True)
class Features:
    """Grammatical gender(s) and number(s) a pronoun or name allows (empty = any)."""

    gender: frozenset[str] = frozenset()
    number: frozenset[str] = frozenset()

    @classmethod
    def parse(cls, gender: str | None, number: str | None) -> Features:
        return cls(_split(gender), _split(number))

    def compatible(self, other: Features) -> bool:
        """True when no feature known on both sides contradicts."""
        if self.gender and other.gender and not (self.gender & other.gender):
            return False
        return not (self.number and other.number and not (self.number & other.number))


def _split(value: str | None) -> frozenset[str]:
    return frozenset(v for v in (value or "").split("|") if v)


@dataclass(frozen=True)
class Lexicon:
    pronouns: dict[str, Features]
    possessives: dict[str, Features]
    place_prepositions: frozenset[str]
    source_verbs: frozenset[str]
    state_action_verbs: tuple[str, ...]
    place_object_verbs: tuple[str, ...]
    speech_verbs: tuple[str, ...]
    perspective_nouns: frozenset[str]
    government_nouns: frozenset[str]
    counterpart_nouns: frozenset[str]
    group_words: frozenset[str]
    anaphoric_offices: dict[str, str]
    not_names: frozenset[str]
    org_gender: dict[str, str]
    female_names: frozenset[str]
    male_names: frozenset[str]

    # Stemmed forms for matching inflected tokens, computed once per lexicon.
    @cached_property
    def anaphoric_stems(self) -> dict[str, str]:
        return {stem_token(norm_key(k)): v for k, v in self.anaphoric_offices.items()}

    @cached_property
    def counterpart_stems(self) -> frozenset[str]:
        return frozenset(stem_token(norm_key(w)) for w in self.counterpart_nouns)

    @cached_property
    def government_stems(self) -> frozenset[str]:
        return frozenset(stem_token(norm_key(w)) for w in self.government_nouns)

    @cached_property
    def perspective_stems(self) -> frozenset[str]:
        return frozenset(stem_token(norm_key(w)) for w in self.perspective_nouns)

    @cached_property
    def org_gender_keys(self) -> dict[str, str]:
        """Normalized name and its stem -> grammatical gender (Fem/Masc/Neut) or Plur."""
        out: dict[str, str] = {}
        for word, gender in self.org_gender.items():
            out[norm_key(word)] = gender
            out.setdefault(stem_token(norm_key(word)), gender)
        return out

    def given_name_gender(self, name: str) -> str | None:
        """Masc/Fem of a given name (list, then the "-a" rule of many European languages), or None."""
        first = name.lower()
        if first in self.female_names:
            return "Fem"
        if first in self.male_names:
            return "Masc"
        if len(first) > 2 and first.endswith("a") and first.isalpha():
            return "Fem"
        return None


def _features(table: dict[str, Any]) -> dict[str, Features]:
    return {k: Features.parse(v.get("gender"), v.get("number")) for k, v in table.items()}


@functools.lru_cache(maxsize=2)
def load_lexicon(path: Path = LEXICON_FILE) -> Lexicon:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key, ()))

    return Lexicon(
        pronouns=_features(data["pronouns"]),
        possessives=_features(data["possessives"]),
        place_prepositions=words("place_prepositions"),
        source_verbs=words("source_verbs"),
        state_action_verbs=tuple(str(w) for w in data.get("state_action_verbs", ())),
        place_object_verbs=tuple(str(w) for w in data.get("place_object_verbs", ())),
        speech_verbs=tuple(str(w) for w in data.get("speech_verbs", ())),
        perspective_nouns=words("perspective_nouns"),
        government_nouns=words("government_nouns"),
        counterpart_nouns=words("counterpart_nouns"),
        group_words=words("group_words"),
        anaphoric_offices={str(k): str(v) for k, v in data.get("anaphoric_offices", {}).items()},
        not_names=words("not_names"),
        org_gender={str(k): str(v) for k, v in data.get("org_gender", {}).items()},
        female_names=words("given_names_female"),
        male_names=words("given_names_male"),
    )
