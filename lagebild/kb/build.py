"""Build the knowledge-base file from the open data in ``../shared/data/kb`` and ``curated.yaml``.

    python -m lagebild.kb.build --shared ../shared --out lagebild/kb/data/kb.json.gz

The output is one gzipped JSON document in our own schema (``docs/kb.md``): actors with aliases
and dated roles, places, demonyms, metonyms and the German role lexicon. Building twice from the
same inputs gives the same bytes (sorted keys and lists, gzip without timestamp or file name).
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from lagebild.kb import sources as src
from lagebild.kb.model import bounds, overlaps
from lagebild.kb.normalize import german_transliteration, norm_key
from lagebild.kb.offices import MULTI_HOLDER_OFFICES, office_from_label

__all__ = ["SCHEMA_VERSION", "build", "build_document", "main", "write_document"]

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
DATA_DIR = Path(__file__).resolve().parent / "data"
CURATED = DATA_DIR / "curated.yaml"
DEFAULT_OUT = DATA_DIR / "kb.json.gz"

# Precision rank of a role's source: a more precise source's role replaces overlapping roles of
# the same office from less precise ones (curated exact dates > exact data dates > years).
RANK = {
    "curated": 3,
    "us-congress-legislators": 2,
    "wikidata-cabinets": 2,
    "parlgov": 2,
    "wikidata-world-leaders": 1,
}

# Salience of an actor, used to order equally good name matches ("Johnson": a head of government
# before a member of the House). Curated actors are the ones news mention most.
PROMINENCE = {"curated": 5, "state": 4, "leader": 3, "party": 2, "cabinet": 2, "legislator": 1, "historic": 0}

# Countries whose people's names come to us in English transliteration from Cyrillic (or
# Georgian/Armenian/Mongolian): the build adds the German transliteration as an alias.
TRANSLITERATED = frozenset(
    ["RUS", "UKR", "BLR", "KAZ", "KGZ", "TJK", "UZB", "TKM", "ARM", "AZE", "GEO", "MDA", "MNG"]
)

# Congress terms before this date are left out: the KB is for current-ish news (size in check).
LEGISLATOR_TERMS_FROM = "2019-01-01"
# Parties that held seats in a ParlGov cabinet period starting on/after this date are kept.
PARTY_SEATS_FROM = "2010-01-01"
# GeoNames alternate names (any language, untagged) are used only for cities this large and only
# as a fallback index; smaller places and short strings give too many false matches.
ALTERNATES_MIN_POPULATION = 100_000
# The last world-leaders snapshot before the 2026 one: a tenure last seen then ended before 2026.
WORLD_LEADERS_GAP = ("2024-10-23", "2026")

_NAME_PARTICLES = frozenset(
    [
        "von",
        "van",
        "der",
        "de",
        "del",
        "della",
        "di",
        "da",
        "du",
        "le",
        "la",
        "bin",
        "al",
        "el",
        "ten",
        "ter",
        "zu",
    ]
)
_ROMAN = re.compile(r"^(?=[IVXLC])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$")
_QID = re.compile(r"^Q\d+$")
_ARTICLE_THE = (
    "United States",
    "United Kingdom",
    "United Arab Emirates",
    "Netherlands",
    "Philippines",
    "Bahamas",
    "Gambia",
    "Comoros",
    "Maldives",
    "Seychelles",
    "Marshall Islands",
    "Solomon Islands",
    "Central African Republic",
    "Dominican Republic",
    "Czech Republic",
    "Vatican City",
)


@dataclass
class RoleFact:
    office: str
    scope: str | None
    start: str | None
    end: str | None
    src: str
    label: str | None = None
    note: str | None = None

    @property
    def rank(self) -> int:
        return RANK.get(self.src, 3 if self.src.startswith("user") else 1)

    def to_json(self) -> list[Any]:
        return [self.office, self.scope, self.start, self.end, self.src, self.label, self.note]


@dataclass
class Draft:
    id: str
    name: str
    type: str
    country: str | None = None
    qid: str | None = None
    aliases: list[str] = field(default_factory=list)
    short: list[str] = field(default_factory=list)
    roles: list[RoleFact] = field(default_factory=list)
    src: set[str] = field(default_factory=set)
    prominence: int = 0
    note: str | None = None

    def add_alias(self, *names: str | None, short: bool = False) -> None:
        target = self.short if short else self.aliases
        for name in names:
            name = (name or "").strip()
            if name and name != self.name and name not in target and (short or name not in self.short):
                target.append(name)

    def to_json(self) -> dict[str, Any]:
        # Keep first-added aliases first (German before English within a source), dedupe.
        aliases = [a for a in self.aliases if a != self.name]
        short = [a for a in self.short if a != self.name and a not in aliases]
        if self.type == "PER":  # one-word names of persons are surnames: matched with less weight
            short += [a for a in aliases if " " not in a.strip() and a not in short]
            aliases = [a for a in aliases if " " in a.strip()]
        roles = sorted(self.roles, key=lambda r: (r.start or "", r.office, r.scope or "", r.end or ""))
        out: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": aliases,
            "prominence": self.prominence,
            "src": sorted(self.src),
        }
        if short:
            out["short"] = short
        if self.country:
            out["country"] = self.country
        if self.qid:
            out["qid"] = self.qid
        if roles:
            out["roles"] = [r.to_json() for r in roles]
        if self.note:
            out["note"] = self.note
        return out


# --------------------------------------------------------------------------------------------
# entry points


def build(shared: Path, out: Path, curated: Path = CURATED) -> dict[str, int]:
    """Build from ``shared/data/kb`` (or ``shared`` itself if it is the kb folder) into ``out``."""
    kb_dir = shared / "data" / "kb" if (shared / "data" / "kb").is_dir() else shared
    document = build_document(kb_dir, curated)
    write_document(document, out)
    return {key: len(document[key]) for key in ("actors", "places", "demonyms", "metonyms")}


def write_document(document: dict[str, Any], out: Path) -> None:
    """Gzipped JSON, byte-reproducible: sorted keys, no timestamp and no file name in the header."""
    payload = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as handle:
        handle.write(payload)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(buffer.getvalue())


def build_document(kb_dir: Path, curated: Path = CURATED) -> dict[str, Any]:
    cur = yaml.safe_load(curated.read_text(encoding="utf-8")) or {}
    places, countries = _places(kb_dir, cur)
    demonyms = _demonyms(kb_dir, cur, countries)
    actors = _Actors()
    _state_actors(actors, countries, places, demonyms)
    _world_leaders(actors, kb_dir, countries, cur)
    _cabinets(actors, kb_dir)
    _executive(actors, kb_dir)
    _legislators(actors, kb_dir)
    _parties(actors, kb_dir, cur)
    _parlgov_terms(actors, kb_dir)
    _transliterations(actors)
    _merge_curated(actors, cur.get("actors") or [], source="curated")
    # A data person's bare surname that is also a place name ("Lincoln", "Jackson") would link
    # places to people: dropped (curated persons keep theirs).
    place_keys = {
        norm_key(n) for p in places.values() if p["kind"] != "landmark" for n in [p["name"], *p["aliases"]]
    }
    for draft in actors.by_id.values():
        draft.roles = _dedupe_roles(draft.roles)
        if draft.type == "PER" and "curated" not in draft.src:
            draft.short = [s for s in draft.short if norm_key(s) not in place_keys]
    _close_open_terms(actors)
    metonyms = _metonyms(cur, countries, places)
    key_aliases = _key_aliases(actors)
    document = {
        "schema": SCHEMA_VERSION,
        "sources": src.SOURCES,
        "actors": [actors.by_id[k].to_json() for k in sorted(actors.by_id)],
        "places": sorted(places.values(), key=lambda p: p["id"]),
        "demonyms": dict(sorted(demonyms.items())),
        "metonyms": dict(sorted(metonyms.items())),
        "offices": {k: v for k, v in sorted((cur.get("offices") or {}).items())},
        "role_phrases": dict(sorted((cur.get("role_phrases") or {}).items())),
        "scope_prefixes": dict(sorted((cur.get("scope_prefixes") or {}).items())),
        "key_aliases": key_aliases,
    }
    from lagebild.kb.base import KnowledgeBase  # the loader's own indexing, stored for fast loads

    document["index"] = KnowledgeBase(document).export_index()
    return document


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lagebild.kb.build", description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"), help="the shared folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the KB file to write")
    parser.add_argument("--curated", type=Path, default=CURATED, help="hand-curated YAML to merge")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    counts = build(args.shared, args.out, args.curated)
    size = args.out.stat().st_size
    print(f"wrote {args.out} ({size / 1e6:.2f} MB): " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    return 0


# --------------------------------------------------------------------------------------------
# places, countries, demonyms


def _places(kb: Path, cur: dict[str, Any]) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """Places by id, and country facts by ISO3 (names, adjective, capital)."""
    places: dict[str, dict[str, Any]] = {}
    countries: dict[str, dict[str, Any]] = {}
    iso2to3: dict[str, str] = {}
    cldr = {r["code"]: r for r in src.read_cldr_territories(kb)}
    geo = src.read_geonames(kb)
    geo_country = {r["key"]: r["name_de"] for r in geo if r["kind"] == "country"}
    for row in src.read_countries(kb):
        iso3, iso2 = row["cca3"], row["cca2"]
        iso2to3[iso2] = iso3
        name_de = cldr.get(iso2, {}).get("name_de") or row["name_de_common"]
        aliases = [
            row["name_de_common"],
            row["name_de_official"],
            geo_country.get(iso2),
            row["name_en_common"],
            row["name_en_official"],
            cldr.get(iso2, {}).get("name_en"),
        ]
        aliases += [
            a for a in row["alt_spellings"].split("|") if _safe_alias(a) and not (a.isupper() and len(a) <= 3)
        ]
        places[iso3] = _place(
            iso3,
            name_de,
            "country",
            row["name_en_common"],
            code=iso3,
            country=iso3,
            aliases=aliases,
            src=["mledoze-countries", "cldr", "geonames"],
        )
        countries[iso3] = {
            "iso2": iso2,
            "name_en": row["name_en_common"],
            "name_de": name_de,
            "independent": row["independent"] == "True",
            "capital_en": row["capital_en"].split("|")[0],
            "demonym_en": row["demonym_en_m"],
        }
    for code, row in cldr.items():  # UN M49 regions ("150" Europa); groupings are actors
        if code.isdigit():
            pid = f"m49:{code}"
            places[pid] = _place(pid, row["name_de"], "region", row["name_en"], src=["cldr"])
    alternates = src.read_geonames_alternates(kb)
    cldr_cities = defaultdict(list)
    for row in src.read_cldr_cities(kb):
        cldr_cities[row["city_from_tz_id"]].append(row["city_de"])
    primary: set[str] = {norm_key(a) for p in places.values() for a in [p["name"], *p["aliases"]]}
    for row in geo:
        if row["kind"] not in ("city", "admin1", "place"):
            continue
        pid = f"gn:{row['key']}"
        country = iso2to3.get(row["country_code"])
        pop = int(row["population"]) if row["population"] else None
        kind = "admin1" if row["kind"] == "admin1" else "city"
        aliases = [row["name_geonames"], *cldr_cities.get(row["name_geonames"], [])]
        place = _place(
            pid,
            row["name_de"],
            kind,
            row["name_geonames"] or None,
            country=country,
            aliases=aliases,
            src=["geonames", "cldr"] if cldr_cities.get(row["name_geonames"]) else ["geonames"],
        )
        if pop:
            place["population"] = pop
        if row["latitude"]:
            place["lat"], place["lon"] = round(float(row["latitude"]), 4), round(float(row["longitude"]), 4)
        if pop and pop >= ALTERNATES_MIN_POPULATION and row["key"] in alternates:
            alt = sorted({a for a in alternates[row["key"]] if _usable_alternate(a)} - set(place["aliases"]))
            alt = [a for a in alt if norm_key(a) not in primary]
            if alt:
                place["alt"] = alt
        places[pid] = place
    for extra in cur.get("places") or []:
        pid = str(extra["id"])
        places[pid] = _place(
            pid,
            extra["name"],
            extra.get("kind", "region"),
            extra.get("name_en"),
            country=extra.get("country"),
            aliases=extra.get("aliases") or [],
            src=["curated"],
        )
    for pid, names in (cur.get("place_aliases") or {}).items():
        if pid in places:
            places[pid]["aliases"] = _unique([*places[pid]["aliases"], *names], exclude=places[pid]["name"])
            places[pid]["src"] = sorted({*places[pid]["src"], "curated"})
    for pid, name in (cur.get("place_names") or {}).items():
        if pid in places and places[pid]["name"] != name:
            place = places[pid]
            place["aliases"] = _unique([place["name"], *place["aliases"]], exclude=name)
            place["name"] = name
            place["src"] = sorted({*place["src"], "curated"})
    for place in places.values():  # alternates are a fallback: never repeat a name or alias
        if "alt" in place:
            place["alt"] = [a for a in place["alt"] if a != place["name"] and a not in place["aliases"]]
    # capitals: the English capital of mledoze is matched to the biggest GeoNames city of that name
    by_en: dict[tuple[str, str], dict[str, Any]] = {}
    for place in places.values():
        if place["kind"] == "city" and place.get("country"):
            for name in (place.get("name_en"), place["name"]):
                key = (place["country"], norm_key(name or ""))
                if key not in by_en or place.get("population", 0) > by_en[key].get("population", 0):
                    by_en[key] = place
    for iso3, facts in countries.items():
        cap_name = re.sub(r"\s+D\.?C\.?$", "", facts["capital_en"])
        city = by_en.get((iso3, norm_key(cap_name)))
        if city:
            facts["capital"] = city["id"]
            places[iso3]["capital"] = city["id"]
    return places, countries


def _place(
    pid: str,
    name: str,
    kind: str,
    name_en: str | None,
    *,
    code: str | None = None,
    country: str | None = None,
    aliases: Iterable[str | None] = (),
    src: list[str],
) -> dict[str, Any]:
    place: dict[str, Any] = {
        "id": pid,
        "name": name,
        "kind": kind,
        "aliases": _unique(aliases, exclude=name),
        "src": sorted(set(src)),
    }
    if name_en:
        place["name_en"] = name_en
    if code:
        place["code"] = code
    if country:
        place["country"] = country
    return place


def _usable_alternate(name: str) -> bool:
    # GeoNames alternates include airport codes ("IEV") and fragments ("Ko"); keep capitalised
    # Latin words of 4+ letters (SOURCE.md caveat).
    return (
        len(name) >= 4
        and name[0].isupper()
        and not name.isupper()
        and all(c.isalpha() or c in " -." for c in name)
        and all(ord(c) < 0x250 for c in name)
    )


def _demonyms(kb: Path, cur: dict[str, Any], countries: dict[str, dict[str, Any]]) -> dict[str, str]:
    """Adjective and noun forms (lower case, German and English) -> ISO3 or place id."""
    iso2to3 = {facts["iso2"]: iso3 for iso3, facts in countries.items()}
    by_adj: dict[str, set[str]] = defaultdict(set)
    for iso2, value in src.read_adjectives(kb).items():
        # 55 values are territory names, some carry "(…)" notes or are wrong (SOURCE.md).
        adj = re.sub(r"\s*\(.*\)\s*", "", value).strip().lower()
        if (adj.endswith("isch") or adj == "deutsch") and " " not in adj and iso2 in iso2to3:
            by_adj[adj].add(iso2to3[iso2])
    demonyms = {adj: next(iter(codes)) for adj, codes in by_adj.items() if len(codes) == 1}
    for iso3, facts in countries.items():
        if facts["demonym_en"] and facts["independent"]:
            demonyms.setdefault(facts["demonym_en"].lower(), iso3)
    # demonym nouns: "amerikanisch" -> "Amerikaner", "russisch" -> "Russe", "chinesisch" -> "Chinese"
    for adj, target in list(demonyms.items()):
        if adj.endswith("isch") and len(adj) > 6:
            stem = adj[:-4]
            for noun in (stem + "er", stem + "e"):
                demonyms.setdefault(noun, target)
    for word, target in (cur.get("demonyms") or {}).items():
        demonyms[str(word).lower()] = str(target)
    return demonyms


# --------------------------------------------------------------------------------------------
# actors


class _Actors:
    def __init__(self) -> None:
        self.by_id: dict[str, Draft] = {}
        self.by_qid: dict[str, str] = {}
        self.by_name: dict[tuple[str, str | None], str] = {}

    def get_or_add(self, draft: Draft) -> Draft:
        existing = self.find(draft.qid, draft.name, draft.country) or self.by_id.get(draft.id)
        if existing:
            existing.add_alias(draft.name, *draft.aliases)
            existing.add_alias(*draft.short, short=True)
            existing.src |= draft.src
            existing.prominence = max(existing.prominence, draft.prominence)
            existing.country = existing.country or draft.country
            existing.qid = existing.qid or draft.qid
            self.index(existing)
            return existing
        self.by_id[draft.id] = draft
        self.index(draft)
        return draft

    def find(self, qid: str | None, name: str, country: str | None) -> Draft | None:
        if qid and qid in self.by_qid:
            return self.by_id[self.by_qid[qid]]
        found = self.by_name.get((norm_key(name), country))
        return self.by_id[found] if found else None

    def index(self, draft: Draft) -> None:
        if draft.qid:
            self.by_qid[draft.qid] = draft.id
        if draft.type == "PER":
            self.by_name.setdefault((norm_key(draft.name), draft.country), draft.id)

    def rename(self, draft: Draft, new_id: str) -> None:
        del self.by_id[draft.id]
        for key, value in list(self.by_name.items()):
            if value == draft.id:
                self.by_name[key] = new_id
        draft.id = new_id
        self.by_id[new_id] = draft
        self.index(draft)


def _person(name: str, country: str | None, qid: str | None, source: str, prominence: int) -> Draft:
    draft = Draft(
        id=qid or _slug(name),
        name=name,
        type="PER",
        country=country,
        qid=qid,
        src={source},
        prominence=prominence,
    )
    words = name.split()
    plain = " ".join(w for w in words if not re.fullmatch(r"[A-Z]\.", w))  # "Kamala D. Harris"
    draft.add_alias(plain)
    surname = _surname(name)
    if surname and surname != name and prominence > PROMINENCE["historic"]:
        draft.add_alias(surname, short=True)  # not for 18th-century presidents: "Washington"
    return draft


def _surname(name: str) -> str | None:
    words = [w for w in name.replace(",", " ").split() if not _ROMAN.match(w) and w not in ("Jr.", "Sr.")]
    if len(words) < 2:
        return None
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in _NAME_PARTICLES:
        start -= 1
    return " ".join(words[start:])


def _state_actors(
    actors: _Actors,
    countries: dict[str, dict[str, Any]],
    places: dict[str, dict[str, Any]],
    demonyms: dict[str, str],
) -> None:
    """A STATE actor (id = ISO3, as the place) and a GOV actor (gov_<iso3>) for every state."""
    adjective: dict[str, str] = {}
    for adj, code in sorted(demonyms.items()):
        if adj.endswith("isch") and "-" not in adj:
            adjective.setdefault(code, adj)
    for iso3, facts in sorted(countries.items()):
        place = places[iso3]
        state = Draft(
            id=iso3,
            name=facts["name_en"],
            type="STATE",
            country=iso3,
            src=set(place["src"]),
            prominence=PROMINENCE["state"],
        )
        state.add_alias(place["name"], *place["aliases"])
        actors.get_or_add(state)
        if not facts["independent"]:
            continue
        en = facts["name_en"]
        the = "the " if en.startswith(_ARTICLE_THE) else ""
        gov = Draft(
            id=f"gov_{iso3.lower()}",
            name=f"Government of {the}{en}",
            type="GOV",
            country=iso3,
            src={"mledoze-countries"},
            prominence=PROMINENCE["state"],
        )
        if facts["demonym_en"]:
            gov.add_alias(f"{facts['demonym_en']} government")
        if iso3 in adjective:
            gov.add_alias(f"{adjective[iso3]}e Regierung")
        actors.get_or_add(gov)


def _world_leaders(
    actors: _Actors, kb: Path, countries: dict[str, dict[str, Any]], cur: dict[str, Any]
) -> None:
    rows = src.read_world_leaders(kb)
    label_to_iso3: dict[str, str | None] = {}  # None: a label we know and deliberately skip
    for iso3, facts in countries.items():
        label_to_iso3[facts["name_en"].lower()] = iso3
    for row in src.read_countries(kb):
        for name in [row["name_en_official"], *row["alt_spellings"].split("|")]:
            label_to_iso3.setdefault(name.lower(), row["cca3"])
    for label, code in (cur.get("country_labels") or {}).items():
        label_to_iso3[str(label).lower()] = code
    # labels that are bare QIDs (11 rows, SOURCE.md): take the person's label from another row
    names: dict[str, str] = {}
    for row in rows:
        if not _QID.match(row["holder"]):
            names.setdefault(row["holder_qid"], row["holder"])
    for row in rows:
        country = label_to_iso3.get(row["country"].lower())
        holder = names.get(row["holder_qid"])
        start = row["start_year"]
        if not country or not holder or (start and (len(start) != 4 or start < "1900")):
            continue  # start years like 854 are artefacts ("Horik II", SOURCE.md)
        latest = row["in_latest_2026"] == "1"
        draft = actors.get_or_add(
            _person(
                holder,
                country,
                row["holder_qid"],
                "wikidata-world-leaders",
                PROMINENCE["leader"] if latest or row["last_seen"] >= "2022" else 1,
            )
        )
        end, note = row["end_year"] or None, None
        if not end and not latest:
            # ended between the last snapshot that lists it and the next one (SOURCE.md)
            end = WORLD_LEADERS_GAP[1] if row["last_seen"] == WORLD_LEADERS_GAP[0] else row["last_seen"][:7]
            note = f"end inferred: last seen {row['last_seen']}"
        draft.roles.append(
            RoleFact(
                office_from_label(row["position"]),
                country,
                start or None,
                end,
                "wikidata-world-leaders",
                row["position"],
                note,
            )
        )


def _cabinets(actors: _Actors, kb: Path) -> None:
    to_iso3 = {"RU": "RUS", "UA": "UKR", "US": "USA"}
    rows = [r for r in src.read_cabinets(kb) if r["country"] in to_iso3]
    # A row without a start date while another person with a known earlier start holds the same
    # single-holder office is a stale listing (Pompeo as Secretary of State in July 2021): no role.
    started: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for row in rows:
        if row["start"]:
            started[(row["country"], _cabinet_office(row))].append((row["person_qid"], row["start"]))
    for row in rows:
        iso3, office = to_iso3[row["country"]], _cabinet_office(row)
        draft = actors.get_or_add(
            _person(row["name"], iso3, row["person_qid"], "wikidata-cabinets", PROMINENCE["cabinet"])
        )
        draft.add_alias(row["name_source_spelling"])
        start, note = row["start"] or None, None
        if not start:
            stale = office not in MULTI_HOLDER_OFFICES and any(
                qid != row["person_qid"] and begun <= row["first_seen"]
                for qid, begun in started[(row["country"], office)]
            )
            if stale:
                continue
            start, note = row["first_seen"][:7], "start unknown: first seen " + row["first_seen"]
        label = row["position"].replace("\u0441", "c")
        draft.roles.append(RoleFact(office, iso3, start, None, "wikidata-cabinets", label, note))


def _cabinet_office(row: dict[str, str]) -> str:
    return office_from_label(row["position"].replace("\u0441", "c"))  # a Cyrillic "с" (SOURCE.md)


def _executive(actors: _Actors, kb: Path) -> None:
    for row in src.read_executive(kb):
        recent = row["end"] >= "1989"
        name = row["name"]
        draft = actors.get_or_add(
            _person(
                name,
                "USA",
                row["wikidata"] or None,
                "us-congress-legislators",
                PROMINENCE["leader"] if recent else PROMINENCE["historic"],
            )
        )
        draft.add_alias(f"{row['first']} {row['last']}")
        label = (
            "President of the United States"
            if row["type"] == "prez"
            else "Vice President of the United States"
        )
        draft.roles.append(
            RoleFact(
                office_from_label(row["type"]),
                "USA",
                row["start"],
                row["end"] or None,
                "us-congress-legislators",
                label,
            )
        )


def _legislators(actors: _Actors, kb: Path) -> None:
    for person in src.read_legislators(kb):
        ids, name = person.get("id", {}), person.get("name", {})
        full = name.get("official_full") or f"{name.get('first', '')} {name.get('last', '')}".strip()
        draft = actors.get_or_add(
            _person(full, "USA", ids.get("wikidata"), "us-congress-legislators", PROMINENCE["legislator"])
        )
        draft.add_alias(f"{name.get('first', '')} {name.get('last', '')}".strip())
        if name.get("nickname"):
            draft.add_alias(f"{name['nickname']} {name.get('last', '')}")
        for term in person.get("terms", []):
            if str(term.get("end", "")) < LEGISLATOR_TERMS_FROM:
                continue
            office = office_from_label(str(term["type"]))
            label = (
                "United States Senator" if office == "senator" else "Member of the House of Representatives"
            )
            draft.roles.append(
                RoleFact(
                    office,
                    "USA",
                    str(term["start"]),
                    str(term["end"]),
                    "us-congress-legislators",
                    f"{label} ({term.get('state', '')})",
                )
            )


def _parties(actors: _Actors, kb: Path, cur: dict[str, Any]) -> None:
    parties, cabinet_rows = src.read_parlgov_parties(kb)
    seated = {
        r["party_id"]
        for r in cabinet_rows
        if r["start_date"] >= PARTY_SEATS_FROM and r["seats"] not in ("", "0")
    }
    for row in parties:
        if row["party_id"] not in seated or row["family_name_short"] == "none":
            continue
        iso3, short = row["country_name_short"], row["party_name_short"]
        pid = f"party:{iso3}:{_slug(short)}"
        draft = Draft(
            id=pid,
            name=row["party_name"],
            type="ORG",
            country=iso3,
            src={"parlgov"},
            prominence=PROMINENCE["party"],
        )
        # two-letter codes ("IS", "AG", "PS") are ordinary words or other things in German text
        code = short if len(short) > 2 and not re.search(r"[|+]", short) else None
        names = [
            code,
            row["party_name_english"],
            row["party_name_ascii"],
        ]
        draft.add_alias(*(n for n in names if n and _safe_alias(n)))
        actors.get_or_add(draft)
    for pid, names in (cur.get("party_aliases") or {}).items():
        if pid in actors.by_id:
            actors.by_id[pid].add_alias(*names)
            actors.by_id[pid].src.add("curated")


def _parlgov_terms(actors: _Actors, kb: Path) -> None:
    """Exact dates for heads of government and presidents of ParlGov's 37 countries (to 2023).

    The world-leaders data give years only. A ParlGov cabinet is named after its prime minister
    ("Merkel IV", "Scholz"): consecutive cabinets of one name are one tenure, from the first
    cabinet's start to the start of the next one of another name. A tenure is given to the one
    person of that surname who holds a head-of-government role of that country in the KB.
    Presidents are matched by full name.
    """
    cabinets, presidents = src.read_parlgov_terms(kb)
    heads: dict[tuple[str, str], list[tuple[Draft, str]]] = defaultdict(list)
    for draft in actors.by_id.values():
        for role in draft.roles:
            if draft.type == "PER" and role.office in ("prime_minister", "chancellor") and role.scope:
                surname = _surname(draft.name) or draft.name
                entry = (draft, role.office)
                if entry not in heads[(role.scope, norm_key(surname))]:
                    heads[(role.scope, norm_key(surname))].append(entry)
    by_country: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in cabinets:
        if row["iso3"] and row["start_date"]:
            by_country[row["iso3"]].append(row)
    for iso3, rows in sorted(by_country.items()):
        rows.sort(key=lambda r: r["start_date"])
        names = [re.sub(r"\s+[IVXL]+$", "", r["name"]).strip() for r in rows]
        i = 0
        while i < len(rows):
            j = i
            while j + 1 < len(rows) and names[j + 1] == names[i]:
                j += 1
            end = rows[j + 1]["start_date"] if j + 1 < len(rows) else None
            found = heads.get((iso3, norm_key(names[i])), [])
            if len(found) == 1 and (end is None or end >= "1990"):
                draft, office = found[0]
                draft.roles.append(
                    RoleFact(
                        office, iso3, rows[i]["start_date"], end, "parlgov", f"cabinet {rows[i]['name']}"
                    )
                )
            i = j + 1
    for row in presidents:
        name = row["person_id_source"]
        person = actors.find(None, name, row["iso3"]) if name else None
        if person is not None and row["start_date"]:
            person.roles.append(
                RoleFact(
                    "president", row["iso3"], row["start_date"], row["end_date"] or None, "parlgov", None
                )
            )


def _transliterations(actors: _Actors) -> None:
    for draft in actors.by_id.values():
        if draft.type == "PER" and draft.country in TRANSLITERATED:
            draft.add_alias(
                german_transliteration(draft.name), *map(german_transliteration, list(draft.aliases))
            )
            draft.add_alias(*map(german_transliteration, list(draft.short)), short=True)


def _merge_curated(actors: _Actors, entries: Iterable[dict[str, Any]], source: str) -> None:
    """Merge hand-made actor entries (curated.yaml or a user file) into the drafts."""
    for entry in entries:
        aid, name = str(entry["id"]), str(entry["name"])
        kind, country = str(entry.get("type", "PER")), entry.get("country")
        existing = actors.find(entry.get("qid"), name, country) if kind == "PER" else actors.by_id.get(aid)
        if existing is None:
            existing = actors.by_id.get(aid)
        if existing is None:
            draft = (
                _person(name, country, entry.get("qid"), source, PROMINENCE["curated"])
                if kind == "PER"
                else Draft(id=aid, name=name, type=kind, country=country, src={source})
            )
            draft.id = aid
            existing = actors.get_or_add(draft)
        if existing.id != aid:
            actors.rename(existing, aid)
        if existing.name != name:
            existing.add_alias(existing.name)
            existing.name = name
        existing.type, existing.country = kind, country or existing.country
        existing.qid = entry.get("qid") or existing.qid
        existing.src.add(source)
        existing.prominence = PROMINENCE["curated"]
        existing.note = entry.get("note") or existing.note
        existing.add_alias(*(str(a) for a in entry.get("aliases") or []))
        if kind == "PER":
            surname = _surname(name)
            if surname:
                existing.add_alias(surname, short=True)
            if country in TRANSLITERATED:
                existing.add_alias(german_transliteration(name))
                if surname:
                    existing.add_alias(german_transliteration(surname), short=True)
        for role in entry.get("roles") or []:
            existing.roles.append(
                RoleFact(
                    str(role["office"]),
                    role.get("country"),
                    _date(role.get("from")),
                    _date(role.get("to")),
                    source,
                    role.get("label"),
                    role.get("note"),
                )
            )


def _date(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


def _dedupe_roles(roles: list[RoleFact]) -> list[RoleFact]:
    """Drop roles overlapped by a role of the same office from a more precise source."""
    kept: list[RoleFact] = []
    for role in sorted(roles, key=lambda r: (-r.rank, r.start or "", r.office)):
        span = bounds(role.start, role.end)
        clash = any(
            k.office == role.office
            and k.scope == role.scope
            and k.rank > role.rank
            and overlaps(span, bounds(k.start, k.end))
            for k in kept
        )
        same = any(
            (k.office, k.scope, k.start, k.end) == (role.office, role.scope, role.start, role.end)
            for k in kept
        )
        if not clash and not same:
            kept.append(role)
    return kept


def _close_open_terms(actors: _Actors) -> None:
    """An open term ends where another person's later term of the same single-holder office starts.

    The cabinets data stop in 2022 and never record an end; e.g. Shoigu's defence ministry ends
    where Belousov's (curated) begins.
    """
    by_key: dict[tuple[str, str | None], list[tuple[str, RoleFact]]] = defaultdict(list)
    for draft in actors.by_id.values():
        for role in draft.roles:
            if role.office not in MULTI_HOLDER_OFFICES:
                by_key[(role.office, role.scope)].append((draft.id, role))
    for terms in by_key.values():
        for holder, role in terms:
            if role.end is not None:
                continue
            lo = bounds(role.start, None)[0]
            later = [
                (bounds(r.start, None)[0], r.start)
                for h, r in terms
                if h != holder and r.start and bounds(r.start, None)[0] > lo
            ]
            if later:
                role.end = min(later)[1]
                role.note = "; ".join(filter(None, [role.note, "end inferred from successor's start"]))


def _metonyms(
    cur: dict[str, Any], countries: dict[str, dict[str, Any]], places: dict[str, dict[str, Any]]
) -> dict[str, str]:
    """norm_key(name) -> actor id: capitals stand for their government ("Moskau" -> gov_rus)."""
    out: dict[str, str] = {}
    for iso3, facts in countries.items():
        capital = places.get(facts.get("capital", ""))
        if capital and facts["independent"]:
            for name in [capital["name"], *capital["aliases"]]:
                out.setdefault(norm_key(name), f"gov_{iso3.lower()}")
    for name, target in (cur.get("metonyms") or {}).items():
        out[norm_key(str(name))] = str(target)
    return out


def _key_aliases(actors: _Actors) -> dict[str, list[str]]:
    """head_of_state/head_of_government:<ISO3> -> the country's concrete offices (from the data).

    A country whose leaders' data include a prime minister or chancellor has that office as head
    of government and its other leading office as head of state; otherwise (USA) the one office is
    both.
    """
    offices: dict[str, set[str]] = defaultdict(set)
    for draft in actors.by_id.values():
        for role in draft.roles:
            if (
                role.src in ("wikidata-world-leaders", "curated")
                and role.scope
                and role.scope.isupper()
                and role.office
                in (
                    "president",
                    "prime_minister",
                    "chancellor",
                    "monarch",
                    "supreme_leader",
                    "pope",
                    "captain_regent",
                    "co_prince",
                )
            ):
                offices[role.scope].add(role.office)
    out: dict[str, list[str]] = {}
    for scope, found in sorted(offices.items()):
        government = found & {"prime_minister", "chancellor"}
        state = found - government
        if government:
            out[f"head_of_government:{scope}"] = sorted(f"{o}:{scope}" for o in government)
        if state:
            out[f"head_of_state:{scope}"] = sorted(f"{o}:{scope}" for o in state)
        if not government and state:
            out[f"head_of_government:{scope}"] = out[f"head_of_state:{scope}"]
        if not state and government:
            out[f"head_of_state:{scope}"] = out[f"head_of_government:{scope}"]
    return out


def _safe_alias(name: str) -> bool:
    """A data alias that will not match ordinary words: Latin script, and a short single word only
    if it looks like an acronym ("SPD", "AfD", "N-VA"; not ParlGov's "A", "Pi", "Lab", "Most" or
    mledoze's "Mann" for the Isle of Man)."""
    if any(ord(c) >= 0x250 for c in name) or len(name) < 2:
        return False
    if " " in name.strip() or len(name) > 4:
        return True
    return sum(c.isupper() for c in name) >= 2


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", norm_key(text)).strip("-")


def _unique(values: Iterable[str | None], exclude: str | None = None) -> list[str]:
    seen: list[str] = []
    for value in values:
        value = (value or "").replace("\u00ad", "").strip()
        if value and value != exclude and value not in seen:
            seen.append(value)
    return seen


if __name__ == "__main__":
    raise SystemExit(main())
