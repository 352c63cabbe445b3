"""The loaded knowledge base: name lookup, role holders by date, places, demonyms, metonyms."""

from __future__ import annotations

import gzip
import json
import logging
import threading
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from lagebild.errors import LagebildError
from lagebild.kb.model import Candidate, Place, bounds, likely_bounds, overlaps, period
from lagebild.kb.normalize import (
    NORMALIZER_VERSION,
    inflects,
    norm_key,
    stem_key,
    stem_token,
    strip_articles,
    translit_key,
)
from lagebild.kb.offices import GENERIC_OFFICES, parse_role_phrase, split_role_key
from lagebild.records import Actor, Role

__all__ = ["FUZZY_THRESHOLD", "KB_FILE", "KnowledgeBase", "load_kb"]

log = logging.getLogger(__name__)

KB_FILE = Path(__file__).resolve().parent / "data" / "kb.json.gz"

# rapidfuzz ``fuzz.ratio`` (0-100) on ``norm_key`` strings from which a name is offered as a
# fuzzy candidate. Calibrated with ``python -m lagebild.kb.calibrate`` on the KB built 2026-11-25:
# one-letter typos of 1,436 person names (6+ letters) vs. each name's nearest other actor name;
# 86 keeps 99.9% of the typos and lets 0.6% of nearest other names through, the best
# recall - false accepts (table in docs/kb.md). Shorter names (surnames) rarely reach it: wanted.
FUZZY_THRESHOLD = 86.0

# Scores of the matching tiers (``lookup``): exact > inflected > transliterated > fuzzy; a surname
# alone ("Trump") is worth less than a full name, since several people share it.
SCORE_EXACT = 1.0
SCORE_STEM = 0.95
SCORE_TRANSLIT = 0.9
SURNAME_FACTOR = 0.9
FUZZY_LIMIT = 5
# Ties between equally good, equally prominent candidates go to German actors: the news is German
# ("SPD": the German party before the Czech one).
HOME_COUNTRY = "DEU"

# Place kinds in the order a bare name most likely means them in news ("Washington": the city
# before the state; "Georgien": the country before the US state).
_KIND_ORDER = {"country": 0, "city": 1, "landmark": 2, "region": 3, "admin1": 4}
_SCOPE_ORGS = frozenset({"nato", "eu", "un"})
_GOVERNMENT_WORDS = frozenset({"regierung", "administration", "fuhrung", "regime", "kabinett"})
_DEMONYM_ENDINGS = ("innen", "nen", "en", "em", "er", "es", "in", "e", "n", "s")
_DEMONYM_COMPOUNDS = ("sprachig", "stammig")


class KnowledgeBase:
    """Actors, places, demonyms and metonyms from the built KB file (plus a user YAML file).

    Use ``load_kb()``; the constructor takes the parsed document.
    """

    def __init__(self, document: Mapping[str, Any]) -> None:
        if document.get("schema") != 1:
            raise LagebildError("E501", f"unsupported KB schema {document.get('schema')!r}: rebuild the KB")
        self.sources: dict[str, dict[str, str]] = dict(document.get("sources", {}))
        self._raw: dict[str, dict[str, Any]] = {a["id"]: a for a in document["actors"]}
        self._actors: dict[str, Actor] = {}
        self._exact: dict[str, list[tuple[str, float, str]]] = defaultdict(list)
        self._stem: dict[str, list[tuple[str, float]]] = defaultdict(list)
        self._translit: dict[str, list[tuple[str, float]]] = defaultdict(list)
        self._holders: dict[str, list[tuple[str, Role]]] = defaultdict(list)
        self._places: dict[str, Place] = {}
        self._place_exact: dict[str, list[str]] = defaultdict(list)
        self._place_stem: dict[str, list[str]] = defaultdict(list)
        self._place_alt: dict[str, list[str]] = defaultdict(list)
        self._place_aliases: dict[str, tuple[str, ...]] = {}
        # The build stores the name keys (normalising ~80k names takes seconds); user actors
        # (src "user") and files built by another normaliser version are indexed here.
        index = document.get("index") or {}
        fresh = index.get("normalizer") != NORMALIZER_VERSION
        if not fresh:
            self._load_index(index)
        for raw in document["actors"]:
            self._index_actor(raw, names=fresh or "user" in raw.get("src", ()))
        for raw in document["places"]:
            self._index_place(raw, names=fresh or "user" in raw.get("src", ()))
        self._choices: list[str] | None = None
        self._demonyms = {norm_key(k): v for k, v in document.get("demonyms", {}).items()}
        self._metonyms = {norm_key(k): v for k, v in document.get("metonyms", {}).items()}
        self._metonym_stems = {stem_key(k): v for k, v in self._metonyms.items()}
        self._offices = {stem_token(norm_key(k)): v for k, v in document.get("offices", {}).items()}
        self._phrases = {stem_key(k): v for k, v in document.get("role_phrases", {}).items()}
        self._prefixes = {norm_key(k): v for k, v in document.get("scope_prefixes", {}).items()}
        self._key_aliases: dict[str, list[str]] = dict(document.get("key_aliases", {}))
        self._lock = threading.Lock()

    # ---------------------------------------------------------------------------------- actors

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id (``LagebildError`` E502 if there is none)."""
        found = self._actors.get(actor_id)
        if found is None:
            raw = self._raw.get(actor_id)
            if raw is None:
                raise LagebildError("E502", f"unknown actor id {actor_id!r}")
            found = self._actors[actor_id] = _actor(raw)
        return found

    def has_actor(self, actor_id: str) -> bool:
        return actor_id in self._raw

    def actor_ids(self) -> list[str]:
        return sorted(self._raw)

    def qid(self, actor_id: str) -> str | None:
        """The Wikidata id of an actor, when the data or the curated file give one."""
        return self._raw.get(actor_id, {}).get("qid")

    def sources_of(self, actor_id: str) -> tuple[str, ...]:
        """Source keys the actor's facts come from ("curated" marks hand-curated facts)."""
        return tuple(self._raw.get(actor_id, {}).get("src", ()))

    def role_sources(self, actor_id: str) -> list[tuple[Role, str, str | None]]:
        """(role, source key, note) for every role of the actor: where each dated fact comes from."""
        return [
            (_role(r), r[4], r[6] if len(r) > 6 else None)
            for r in self._raw.get(actor_id, {}).get("roles", [])
        ]

    def government_of(self, code: str) -> str | None:
        """The GOV actor id of a state (ISO3): "RUS" -> "gov_rus"."""
        gov = f"gov_{code.lower()}"
        return gov if gov in self._raw else None

    def lookup(self, name: str, *, fuzzy: bool = True) -> list[Candidate]:
        """Actors a name can denote, best first.

        Tiers, the first that matches wins: exact alias after normalisation (case, diacritics,
        punctuation, leading articles), then German inflection stripped ("Trumps", "des Kremls"),
        then German/English transliteration folded ("Selenskyj"/"Zelenskyy"), then rapidfuzz
        above ``FUZZY_THRESHOLD``. Equal scores are ordered by prominence (curated and leaders
        first).
        """
        key = norm_key(name)
        if not key:
            return []
        found: dict[str, Candidate] = {}
        bare = strip_articles(key)
        for k in dict.fromkeys((key, bare, key.replace("-", " "), bare.replace("-", " "))):
            for aid, score, how in self._exact.get(k, ()):
                _keep(found, Candidate(aid, score, how))  # type: ignore[arg-type]
        if not found:
            for aid, weight in self._stem.get(stem_key(name), ()):
                raw = self._raw[aid]
                names = (raw["name"], *raw.get("aliases", ()), *raw.get("short", ()))
                if any(inflects(name, n, person=raw.get("type") == "PER") for n in names):
                    _keep(found, Candidate(aid, round(SCORE_STEM * weight, 4), "alias"))
        if not found:
            for aid, weight in self._translit.get(translit_key(name), ()):
                _keep(found, Candidate(aid, round(SCORE_TRANSLIT * weight, 4), "fuzzy"))
        if not found and fuzzy and len(key) >= 4:
            for choice, ratio, _ in process.extract(
                strip_articles(key),
                self._fuzzy_choices(),
                scorer=fuzz.ratio,
                score_cutoff=FUZZY_THRESHOLD,
                limit=FUZZY_LIMIT,
            ):
                for aid, score, _how in self._exact[choice]:
                    _keep(found, Candidate(aid, round(ratio / 100 * SCORE_TRANSLIT * score, 4), "fuzzy"))
        return self._rank(found.values())

    def holders(self, role_key: str, on: str) -> list[Actor]:
        """Actors holding the office ``role_key`` ("president:USA") at any time in ``on``.

        ``on`` is a day, month or year (``2025-02-12``, ``2025-02``, ``2025``). For a month or a
        year that spans a handover, several holders come back, the one most likely holding the
        office longest in the period first (a year-only bound counts from its middle: "2025"
        data cannot tell January from December); ``holder`` gives the single holder or None.
        """
        query = period(on)
        spans: dict[str, tuple[int, int]] = {}
        for key in self._expand(role_key):
            for aid, role in self._holders.get(key, ()):
                term = bounds(role.start, role.end)
                if overlaps(term, query):
                    rank = (_days(likely_bounds(role.start, role.end), query), _days(term, query))
                    spans[aid] = max(spans.get(aid, (0, 0)), rank)
        return [self.actor(a) for a in sorted(spans, key=lambda a: (-spans[a][0], -spans[a][1], a))]

    def holder(self, role_key: str, on: str) -> Actor | None:
        """The one holder of an office in the period, or None if nobody or more than one held it."""
        found = self.holders(role_key, on)
        return found[0] if len(found) == 1 else None

    def roles_at(self, actor_id: str, on: str) -> list[Role]:
        """The actor's roles that overlap the day, month or year ``on``."""
        query = period(on)
        return [r for r in self.actor(actor_id).roles if overlaps(bounds(r.start, r.end), query)]

    def role_key(self, text: str) -> str | None:
        """A German role phrase -> role key: "US-Präsident" -> "president:USA".

        Handles compounds ("US-Verteidigungsminister", "Kremlsprecher", "Bundeskanzler"),
        adjectives ("russischer Präsident", "ukrainischen Präsidenten"), genitives ("Präsident der
        USA", "Russlands Präsident") and a possessor ("Trumps Vize" -> vice_president:USA). An
        unqualified ministerial office or "Kanzler" is German (German news); an unqualified
        "Präsident" gives None.
        """
        return parse_role_phrase(text, self._offices, self._phrases, self._prefixes, self._scope_of)

    def role_keys(self) -> list[str]:
        return sorted(set(self._holders) | set(self._key_aliases))

    # ---------------------------------------------------------------------------------- places

    def place(self, name: str) -> Place | None:
        """The place a name most likely means (countries before cities before regions)."""
        found = self.places(name)
        return found[0] if found else None

    def places(self, name: str) -> list[Place]:
        """All places a name can mean, most likely first; GeoNames alternates only as fallback."""
        key = strip_articles(norm_key(name))
        ids = (
            self._place_exact.get(key)
            or self._place_exact.get(key.replace("-", " "))
            or [i for i in self._place_stem.get(stem_key(name), ()) if self._place_inflects(name, i)]
            or self._place_alt.get(key)
            or []
        )
        found = [self._places[i] for i in dict.fromkeys(ids)]
        return sorted(found, key=lambda p: (_KIND_ORDER.get(p.kind, 9), -(p.population or 0), p.id))

    def _place_inflects(self, name: str, place_id: str) -> bool:
        place = self._places[place_id]
        names = (place.name, place.name_en or "", *self._place_aliases.get(place_id, ()))
        return any(inflects(name, n) for n in names if n)

    def place_by_id(self, place_id: str) -> Place | None:
        return self._places.get(place_id)

    def demonym(self, word: str) -> str | None:
        """Country (ISO3) or place id of a nationality adjective or demonym, any inflection.

        "russischem" -> RUS, "US-amerikanischen" -> USA, "die Amerikaner" -> USA, "europäische" ->
        m49:150 (Europe), "russischsprachigen" -> RUS. Of a phrase, the first word counts
        ("ukrainischen Präsidenten"). Two different countries ("deutsch-französisch") give None.
        """
        words = strip_articles(norm_key(word)).split(" ")
        return self._demonym_key(words[0].strip("-")) if words and words[0] else None

    def metonym(self, word: str) -> str | None:
        """The actor a place or building name stands for: "Kreml" -> gov_rus, "Moskaus" -> gov_rus.

        Whether a mention is meant as the place or the actor is the linker's decision (the
        speaker of "Moskau teilte mit" is the government; "nach Moskau" is a place).
        """
        key = strip_articles(norm_key(word))
        return self._metonyms.get(key) or self._metonym_stems.get(stem_key(word))

    # ---------------------------------------------------------------------------------- resolve

    def resolve(self, text: str, on: str | None = None) -> list[Candidate]:
        """Best-effort actor candidates for a mention's text, trying every KB route in turn.

        Name/alias lookup, metonym ("Der Kreml"), government of ("Trump-Regierung"), role at the
        date ``on`` ("Der US-Präsident"), a name at the end of a longer phrase ("russischen
        Amtskollegen Putin"), a state from a compound prefix or demonym ("US-Sicht"), then fuzzy.
        A stand-in for the linker (next step), which adds context.
        """
        found = self.lookup(text, fuzzy=False)
        if found:
            return found
        metonym = self.metonym(text)
        if metonym:
            return [Candidate(metonym, 0.9, "metonym")]
        gov = self._government_phrase(text)
        if gov:
            return [Candidate(gov, 0.9, "metonym")]
        words = strip_articles(norm_key(text)).split(" ")
        for i in range(1, len(words)):  # "US-Präsident Donald Trump": the name decides
            found = self.lookup(" ".join(words[i:]), fuzzy=False)
            if found:
                return found
        key = self.role_key(text)
        if key and on:
            holders = self.holders(key, on)
            if holders:
                return [Candidate(a.id, round(0.9 / len(holders), 4), "role-at-date") for a in holders]
        scope = self._scope_of(words[0].split("-")[0]) if "-" in words[0] else None
        if scope and self.has_actor(scope):
            return [Candidate(scope, 0.6, "demonym")]
        return self.lookup(text)

    # ---------------------------------------------------------------------------------- internals

    def export_index(self) -> dict[str, Any]:
        """The name-key tables, for the build to store in the KB file."""
        tables: dict[str, Mapping[str, list[Any]]] = {
            "exact": self._exact,
            "stem": self._stem,
            "translit": self._translit,
            "place_exact": self._place_exact,
            "place_stem": self._place_stem,
            "place_alt": self._place_alt,
        }
        out: dict[str, Any] = {
            name: {k: [list(v) if isinstance(v, tuple) else v for v in vs] for k, vs in sorted(table.items())}
            for name, table in tables.items()
        }
        out["normalizer"] = NORMALIZER_VERSION
        return out

    def _load_index(self, index: Mapping[str, Any]) -> None:
        for name in ("exact", "stem", "translit"):
            table = getattr(self, f"_{name}")
            for key, values in index.get(name, {}).items():
                table[key] = [tuple(v) for v in values]
        for name in ("place_exact", "place_stem", "place_alt"):
            getattr(self, f"_{name}").update(index.get(name, {}))

    def _index_actor(self, raw: dict[str, Any], names: bool = True) -> None:
        aid = raw["id"]
        self._raw[aid] = raw
        self._actors.pop(aid, None)
        for r in raw.get("roles", ()):
            role = _role(r)
            self._holders[f"{role.office}:{role.country or ''}"].append((aid, role))
        if not names:
            return
        # The ISO3 id of a state is no alias: case folding would make "Aus" Australia and "Mar"
        # Morocco; the codes used in German news ("USA", "UK") are aliases of their own.
        entries = [(raw["name"], SCORE_EXACT, "name")]
        entries += [(a, SCORE_EXACT, "alias") for a in raw.get("aliases", ())]
        entries += [(a, SCORE_EXACT * SURNAME_FACTOR, "alias") for a in raw.get("short", ())]
        for name, score, how in entries:
            key = norm_key(name)
            if not key:
                continue
            _add(self._exact[key], (aid, score, how))
            if "-" in key:  # "Kim Jong-un" = "Kim Jong Un"
                _add(self._exact[key.replace("-", " ")], (aid, score, how))
            _add(self._stem[stem_key(name)], (aid, score))
            _add(self._translit[translit_key(name)], (aid, score))

    def _index_place(self, raw: dict[str, Any], names: bool = True) -> None:
        place = Place(
            id=raw["id"],
            name=raw["name"],
            kind=raw["kind"],
            name_en=raw.get("name_en"),
            code=raw.get("code"),
            country=raw.get("country"),
            population=raw.get("population"),
            lat=raw.get("lat"),
            lon=raw.get("lon"),
            capital=raw.get("capital"),
        )
        self._places[place.id] = place
        if raw.get("aliases"):
            self._place_aliases[place.id] = tuple(raw["aliases"])
        if not names:
            return
        for name in [place.name, place.name_en or "", *raw.get("aliases", ())]:
            if name:
                _add(self._place_exact[norm_key(name)], place.id)
                _add(self._place_exact[norm_key(name).replace("-", " ")], place.id)
                _add(self._place_stem[stem_key(name)], place.id)
        for name in raw.get("alt", ()):
            _add(self._place_alt[norm_key(name)], place.id)

    def _fuzzy_choices(self) -> list[str]:
        with self._lock:
            if self._choices is None:
                self._choices = sorted(self._exact)
            return self._choices

    def _rank(self, candidates: Iterable[Candidate]) -> list[Candidate]:
        def order(c: Candidate) -> tuple[float, int, bool, str]:
            raw = self._raw[c.actor_id]
            return (-c.score, -raw.get("prominence", 0), raw.get("country") != HOME_COUNTRY, c.actor_id)

        return sorted(candidates, key=order)

    def _expand(self, role_key: str) -> list[str]:
        office, _ = split_role_key(role_key)
        if office in GENERIC_OFFICES:
            return self._key_aliases.get(role_key, [])
        return [role_key]

    def _demonym_key(self, key: str) -> str | None:
        if not key:
            return None
        if key in self._demonyms:
            return self._demonyms[key]
        for ending in _DEMONYM_ENDINGS:
            if key.endswith(ending) and key[: -len(ending)] in self._demonyms:
                return self._demonyms[key[: -len(ending)]]
        for compound in _DEMONYM_COMPOUNDS:  # "russischsprachigen", "deutschstämmige"
            at = key.find(compound)
            if at > 3:
                return self._demonym_key(key[:at])
        if "-" in key:  # "US-amerikanisch" was tried whole; "deutsch-französisch" is two countries
            found = {self._demonym_key(part) for part in key.split("-") if part}
            if len(found) == 1:
                return found.pop()
        return None

    def _scope_of(self, text: str) -> str | None:
        """Scope (ISO3 or organisation id) a qualifier names: "russischer", "der USA", "Trumps"."""
        key = strip_articles(norm_key(text))
        if key in self._prefixes:
            return self._prefixes[key]
        target = self._demonym_key(key) if " " not in key else None
        if target and len(target) == 3 and target.isupper():
            return target
        place = self.place(text)
        if place and place.kind == "country":
            return place.code
        metonym = self.metonym(text)
        if metonym and metonym in self._raw:
            return self._raw[metonym].get("country") or (metonym if metonym in _SCOPE_ORGS else None)
        for candidate in self.lookup(text, fuzzy=False)[:1]:
            raw = self._raw[candidate.actor_id]
            if candidate.actor_id in _SCOPE_ORGS or raw["type"] == "STATE":
                return str(candidate.actor_id)
            return raw.get("country")
        return None

    def _government_phrase(self, text: str) -> str | None:
        """ "Trump-Regierung", "Trumps Regierung", "Regierung in Kiew" -> the government actor."""
        words = strip_articles(norm_key(text)).replace("-", " ").split(" ")
        heads = [
            i for i, w in enumerate(words) if stem_token(w) in {stem_token(g) for g in _GOVERNMENT_WORDS}
        ]
        if not heads:
            return None
        rest = [w for i, w in enumerate(words) if i not in heads and w not in ("in", "von", "der", "des")]
        for word in rest:
            scope = self._scope_of(word)
            if scope and len(scope) == 3 and scope.isupper():
                return self.government_of(scope)
        return None


def _days(term: tuple[date, date], query: tuple[date, date]) -> int:
    return max(0, (min(term[1], query[1]) - max(term[0], query[0])).days)


def _keep(found: dict[str, Candidate], candidate: Candidate) -> None:
    best = found.get(candidate.actor_id)
    if (
        best is None
        or candidate.score > best.score
        or (candidate.score == best.score and candidate.how == "name")
    ):
        found[candidate.actor_id] = candidate


def _add(bucket: list[Any], item: Any) -> None:
    if item not in bucket:
        bucket.append(item)


def _role(r: list[Any]) -> Role:
    return Role(office=r[0], country=r[1], start=r[2], end=r[3])


def _actor(raw: Mapping[str, Any]) -> Actor:
    aliases = tuple(dict.fromkeys([*raw.get("aliases", ()), *raw.get("short", ())]))
    return Actor(
        id=raw["id"],
        name=raw["name"],
        type=raw["type"],
        aliases=aliases,
        country=raw.get("country"),
        roles=tuple(_role(r) for r in raw.get("roles", ())),
    )


# -------------------------------------------------------------------------------------- loading

_DOCUMENTS: dict[Path, dict[str, Any]] = {}
_CACHE: dict[tuple[Path, Path | None, float], KnowledgeBase] = {}
_LOAD_LOCK = threading.Lock()


def _document(path: Path) -> dict[str, Any]:
    if path not in _DOCUMENTS:
        if not path.is_file():
            raise LagebildError(
                "E501",
                f"knowledge base file missing: {path}; build it with "
                "`python -m lagebild.kb.build --shared ../shared`",
            )
        _DOCUMENTS[path] = json.loads(gzip.decompress(path.read_bytes()))
    return _DOCUMENTS[path]


def load_kb(extra: Path | None = None, *, path: Path | None = None) -> KnowledgeBase:
    """The knowledge base, loaded once per process (and per ``extra`` file version).

    ``extra``: a user YAML file of actors (and metonyms, places, demonyms) in the format of
    ``docs/kb.md``; its actors are added to, or extend, the built ones. ``path``: another built
    KB file (tests).
    """
    from lagebild.kb.userdata import merge_extra

    kb_path = (path or KB_FILE).resolve()
    extra_path = extra.resolve() if extra else None
    stamp = extra_path.stat().st_mtime if extra_path and extra_path.is_file() else 0.0
    key = (kb_path, extra_path, stamp)
    with _LOAD_LOCK:
        if key not in _CACHE:
            started = time.perf_counter()
            document = _document(kb_path)
            if extra_path is not None:
                document = merge_extra(document, extra_path)
            _CACHE[key] = KnowledgeBase(document)
            log.debug("loaded %s (extra %s) in %.2f s", kb_path, extra_path, time.perf_counter() - started)
        return _CACHE[key]
