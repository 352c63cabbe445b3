"""A dictionary pass over the KB's salient names, so the linker does not depend on NER recall.

The trained NER misses names (F1 about 0.6-0.75); this matcher finds the names, aliases and
metonyms of salient actors and places in any inflection ("Trumps", "des Weißen Hauses",
"transatlantischen Militärbündnis") by comparing per-token stems (``lagebild.kb.normalize.stem_key``)
with the stems of the KB's name keys. It only finds spans; the linker decides what they denote.

Built once per pipeline from the KB (``AliasMatcher.from_kb``, cached per KB object).
"""

from __future__ import annotations

import functools
import logging
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc

from lagebild.kb import KnowledgeBase
from lagebild.kb.normalize import norm_key, stem_key, strip_articles
from lagebild.link.stoplist import load_common_words

__all__ = ["CITY_MIN_POPULATION", "SURNAME_MIN_LENGTH", "AliasMatcher", "NameMatch", "token_stem"]

log = logging.getLogger(__name__)

# Cities in the matcher: at least this many inhabitants (GeoNames). 100,000 keeps the capitals and
# large cities news names without a preposition-free context; smaller towns come through NER only.
CITY_MIN_POPULATION = 100_000
# One-word person aliases (surnames) of non-curated KB persons only from this length: short
# surnames ("San", "Ali", "Mohamed") collide with ordinary words and other people.
SURNAME_MIN_LENGTH = 6
# Place kinds matched regardless of size.
_PLACE_KINDS = frozenset({"country", "region", "landmark", "admin1"})

ACTOR, PLACE, METONYM = 1, 2, 4


@functools.lru_cache(maxsize=200_000)
def token_stem(text: str) -> str:
    """The matching key of one token: ``stem_key`` of its text ("Trumps" -> "trump")."""
    return stem_key(text)


@dataclass(frozen=True)
class NameMatch:
    """Tokens ``start:end`` of the doc match a KB name; ``kinds`` = ACTOR | PLACE | METONYM bits."""

    start: int
    end: int
    kinds: int


class AliasMatcher:
    """Leftmost-longest matching of token stem sequences against KB name stems."""

    def __init__(
        self, phrases: dict[tuple[str, ...], int], not_names: Iterable[str] = (), words: Iterable[str] = ()
    ) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], int]]] = defaultdict(list)
        # One-word names match their exact key or its genitive/dative plural ("Moskaus",
        # "Amerikanern"), not any word of the same stem ("Kurs" is no town "Kursk"-like stem).
        self._words = frozenset(words)
        for phrase, kinds in phrases.items():
            self._by_first[phrase[0]].append((phrase, kinds))
        for entries in self._by_first.values():
            entries.sort(key=lambda e: -len(e[0]))
        self._not_names = frozenset(not_names)
        self.size = len(phrases)

    @classmethod
    def from_kb(cls, kb: KnowledgeBase, not_names: Iterable[str] = ()) -> AliasMatcher:
        return _matcher_for(kb, frozenset(not_names))

    def __call__(self, doc: Doc) -> list[NameMatch]:
        found: list[NameMatch] = []
        stems = [token_stem(t.text) if not t.is_space and not t.is_punct else "" for t in doc]
        i, n = 0, len(doc)
        while i < n:
            token = doc[i]
            entries = self._by_first.get(stems[i]) if stems[i] else None
            if not entries:
                i += 1
                continue
            lower_start = not token.text[:1].isupper()  # "transatlantischen Militärbündnis"
            hit = None
            for phrase, kinds in entries:
                size = len(phrase)
                if tuple(stems[i : i + size]) == phrase:
                    if lower_start and (size == 1 or not doc[i + size - 1].text[:1].isupper()):
                        continue
                    # one-word matches: no function words; short ones only as acronyms ("AfD", not "Aus")
                    if size == 1 and (
                        token.lower_ in self._not_names
                        or (len(token.text) <= 3 and sum(c.isupper() for c in token.text) < 2)
                        or not self._word_form(token.text)
                    ):
                        continue
                    hit = NameMatch(i, i + size, kinds)
                    break
            if hit is None:
                i += 1
                continue
            found.append(hit)
            i = hit.end
        return found

    def _word_form(self, text: str) -> bool:
        if not self._words:
            return True
        key = norm_key(text)
        return key in self._words or any(
            key.endswith(e) and key[: -len(e)] in self._words for e in ("s", "es", "n", "en", "ns")
        )


def _salient_actor(kb: KnowledgeBase, actor_id: str, key: str) -> bool:
    sources = kb.sources_of(actor_id)
    raw = kb._raw[actor_id]  # the KB keeps prominence/type only in the raw record
    kind = raw["type"]
    if kind == "ORG" and actor_id.startswith("party:"):
        return actor_id.startswith("party:DEU:") and len(key) >= 3
    if kind != "PER":
        return True
    if " " in key:
        return True
    if "curated" in sources or "user" in sources:
        return len(key) >= 3
    return len(key) >= SURNAME_MIN_LENGTH and int(raw.get("prominence", 0)) >= 3


@functools.lru_cache(maxsize=4)
def _matcher_for(kb: KnowledgeBase, not_names: frozenset[str]) -> AliasMatcher:
    started = time.perf_counter()
    phrases: dict[tuple[str, ...], int] = defaultdict(int)
    common = load_common_words()

    words: set[str] = set()

    def add(key: str, kind: int) -> None:
        stem = stem_key(key)
        if stem:
            phrases[tuple(stem.split(" "))] |= kind
            if " " not in stem:
                words.add(strip_articles(key))

    for key, entries in kb._exact.items():
        if key in common["actor"]:
            continue
        if any(_salient_actor(kb, aid, key) for aid, _score, _how in entries):
            add(key, ACTOR)
    for key, ids in kb._place_exact.items():
        if key in common["place"]:
            continue
        for pid in ids:
            place = kb.place_by_id(pid)
            if place is None:
                continue
            if place.kind in _PLACE_KINDS or (place.population or 0) >= CITY_MIN_POPULATION:
                if len(key) >= 4 or place.kind == "country":
                    add(key, PLACE)
                break
    for key in kb._metonyms:
        add(key, METONYM)
    matcher = AliasMatcher(dict(phrases), not_names, words)
    log.debug("alias matcher: %d phrases in %.2f s", matcher.size, time.perf_counter() - started)
    return matcher
