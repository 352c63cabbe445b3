"""Readers for the open datasets in ``../shared/data/kb`` (one function per dataset).

Each reader returns plain rows and an empty result when its folder is missing, so that the build
also runs on a partial copy (the reproducibility test builds from a tiny fake folder). Origins and
licences: ``docs/data-sources.md``; formats: the ``SOURCE.md`` of each folder.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

__all__ = [
    "SOURCES",
    "read_adjectives",
    "read_cabinets",
    "read_cldr_cities",
    "read_cldr_territories",
    "read_countries",
    "read_executive",
    "read_geonames",
    "read_geonames_alternates",
    "read_legislators",
    "read_parlgov_parties",
    "read_parlgov_terms",
    "read_world_leaders",
]

log = logging.getLogger(__name__)

# Source keys stored with every fact of the built file (``src``), with what docs/data-sources.md
# says about them in one line each.
SOURCES: dict[str, dict[str, str]] = {
    "wikidata-world-leaders": {
        "title": "Wikidata heads of state and government (every-politician-scrapers/world-leaders-2021)",
        "license": "CC0-1.0",
    },
    "wikidata-cabinets": {
        "title": "Wikidata cabinet members of Russia, Ukraine, USA 2021-2022 (every-politician-scrapers)",
        "license": "CC0-1.0",
    },
    "us-congress-legislators": {
        "title": "unitedstates/congress-legislators: US presidents, vice presidents, Congress",
        "license": "CC0-1.0",
    },
    "parlgov": {"title": "ParlGov (Döring & Manow): parties of 37 democracies", "license": "CC-BY-SA-4.0"},
    "mledoze-countries": {"title": "mledoze/countries 5.1.0: countries, codes, names", "license": "ODbL-1.0"},
    "cldr": {"title": "Unicode CLDR 47 German territory and city names", "license": "Unicode-3.0"},
    "geonames": {"title": "GeoNames German names, cities, regions, alternate names", "license": "CC-BY-4.0"},
    "i18n-nationality": {"title": "i18n-nationality 1.4.0 German nationality adjectives", "license": "MIT"},
    "curated": {"title": "Lagebild hand-curated facts (lagebild/kb/data/curated.yaml)", "license": "MIT"},
}


def _open_text(path: Path) -> io.TextIOBase:
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", newline="")
    return path.open(encoding="utf-8", newline="")


def _rows(path: Path, delimiter: str = ",") -> Iterator[dict[str, str]]:
    if not path.is_file():
        log.warning("kb source missing, skipped: %s", path)
        return
    with _open_text(path) as handle:
        for row in csv.DictReader(handle, delimiter=delimiter):
            yield {k: (v or "").strip() for k, v in row.items() if k is not None}


def read_countries(kb: Path) -> list[dict[str, str]]:
    """mledoze/countries flat extract: one row per ISO 3166-1 country/territory."""
    return list(_rows(kb / "countries-mledoze" / "countries_de.tsv", "\t"))


def read_cldr_territories(kb: Path) -> list[dict[str, str]]:
    # CLDR strings may carry soft hyphens ("Reyk­ja­vík"): strip them (SOURCE.md caveat).
    return [
        {k: v.replace("\u00ad", "") for k, v in row.items()}
        for row in _rows(kb / "cldr-de" / "territories_de.tsv", "\t")
    ]


def read_cldr_cities(kb: Path) -> list[dict[str, str]]:
    return [
        {k: v.replace("\u00ad", "") for k, v in row.items()}
        for row in _rows(kb / "cldr-de" / "exemplar_cities_de.tsv", "\t")
    ]


def read_geonames(kb: Path) -> list[dict[str, str]]:
    return list(_rows(kb / "geonames-de" / "geonames_names_de.tsv", "\t"))


def read_geonames_alternates(kb: Path) -> dict[str, list[str]]:
    rows = _rows(kb / "geonames-de" / "city_alternatenames_latin.tsv.gz", "\t")
    return {r["geonameid"]: [n for n in r["alternatenames_latin"].split("|") if n] for r in rows}


def read_adjectives(kb: Path) -> dict[str, str]:
    """ISO alpha-2 -> German nationality adjective as published (capitalised, unclean)."""
    path = kb / "nationality-adjectives-de" / "de.json"
    if not path.is_file():
        log.warning("kb source missing, skipped: %s", path)
        return {}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return {str(k): str(v) for k, v in data.get("nationalities", {}).items()}


def read_world_leaders(kb: Path) -> list[dict[str, str]]:
    return list(_rows(kb / "wikidata-world-leaders" / "officeholders_observed_2021_2026.csv"))


def read_cabinets(kb: Path) -> list[dict[str, str]]:
    return list(_rows(kb / "wikidata-cabinets-ru-ua-us" / "cabinet_members_observed_2021_2022.csv"))


def read_executive(kb: Path) -> list[dict[str, str]]:
    return list(_rows(kb / "us-congress-legislators" / "executive_terms.csv"))


def read_legislators(kb: Path) -> list[dict[str, Any]]:
    path = kb / "us-congress-legislators" / "legislators-current.yaml.gz"
    if not path.is_file():
        log.warning("kb source missing, skipped: %s", path)
        return []
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=loader)
    return list(data or [])


def read_parlgov_parties(kb: Path) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """(parties with country names, cabinet x party rows with seats) of ParlGov."""
    folder = kb / "parlgov"
    return list(_rows(folder / "view_party.csv")), list(_rows(folder / "view_cabinet.csv.gz"))


def read_parlgov_terms(kb: Path) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """(cabinets, presidents) of ParlGov, each row with its country as ISO3 in ``iso3``."""
    folder = kb / "parlgov"
    iso3 = {r["id"]: r["name_short"] for r in _rows(folder / "country.csv")}
    cabinets = [{**r, "iso3": iso3.get(r["country_id"], "")} for r in _rows(folder / "cabinet.csv")]
    presidents = [
        {**r, "iso3": iso3.get(r["country_id"], "")} for r in _rows(folder / "politician_president.csv")
    ]
    return cabinets, presidents
