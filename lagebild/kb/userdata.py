"""User actors in a YAML file: merged at load time (``load_kb(extra=...)``), written by the CLI.

The format is the one of ``data/curated.yaml`` (documented in ``docs/kb.md``)::

    actors:
      - id: wagenknecht            # optional in files written by hand: made from the name
        name: Sahra Wagenknecht
        type: PER                  # PER, ORG, GOV, STATE, MISC
        country: DEU               # ISO 3166 alpha-3
        aliases: [Wagenknecht]
        roles:
          - {office: party_leader, country: DEU, from: "2024-01-08", to: null}
    metonyms: {Willy-Brandt-Haus: party:DEU:spd}
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from lagebild.errors import LagebildError
from lagebild.kb.normalize import norm_key
from lagebild.records import Role

__all__ = ["ACTOR_TYPES", "add_actor_to_yaml", "merge_extra", "read_extra"]

ACTOR_TYPES = ("PER", "ORG", "GOV", "STATE", "MISC")
USER_SOURCE = "user"
_USER_PROMINENCE = 5  # a user's own actors are what they care about: rank them first
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def read_extra(path: Path) -> dict[str, Any]:
    """Parse and check a user YAML file (``LagebildError`` E503 naming the problem)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        raise LagebildError("E109", "missing file", source=str(path)) from None
    except yaml.YAMLError as exc:
        raise LagebildError("E503", f"not valid YAML: {exc}", source=str(path)) from None
    if not isinstance(data, dict):
        raise LagebildError("E503", "expected a mapping with an `actors:` list", source=str(path))
    for i, entry in enumerate(data.get("actors") or []):
        where = f"actors[{i}]"
        if not isinstance(entry, dict) or not entry.get("name"):
            raise LagebildError("E503", f"{where}: every actor needs a `name`", source=str(path))
        if entry.get("type", "PER") not in ACTOR_TYPES:
            raise LagebildError(
                "E503", f"{where}: type must be one of {', '.join(ACTOR_TYPES)}", source=str(path)
            )
        for role in entry.get("roles") or []:
            if not isinstance(role, dict) or not role.get("office"):
                raise LagebildError("E503", f"{where}: every role needs an `office`", source=str(path))
            for bound in ("from", "to"):
                value = role.get(bound)
                if value is not None and not _DATE.match(str(value)):
                    raise LagebildError(
                        "E503",
                        f"{where}: role `{bound}` must be YYYY[-MM[-DD]], got {value!r}",
                        source=str(path),
                    )
    return data


def merge_extra(document: Mapping[str, Any], path: Path) -> dict[str, Any]:
    """A copy of the built KB document with the user file's actors and tables merged in."""
    data = read_extra(path)
    out = dict(document)
    actors = {a["id"]: a for a in document["actors"]}
    for entry in data.get("actors") or []:
        aid = str(entry.get("id") or _slug(str(entry["name"])))
        raw = (
            copy.deepcopy(actors[aid])
            if aid in actors
            else {
                "id": aid,
                "name": str(entry["name"]),
                "type": entry.get("type", "PER"),
                "aliases": [],
                "src": [],
            }
        )
        raw["name"] = str(entry["name"])
        raw["type"] = entry.get("type", raw["type"])
        if entry.get("country"):
            raw["country"] = str(entry["country"])
        raw["prominence"] = _USER_PROMINENCE
        raw["src"] = sorted({*raw.get("src", []), USER_SOURCE})
        names = [str(a) for a in entry.get("aliases") or []]
        if raw["type"] == "PER":
            words = raw["name"].split()
            names.append(words[-1] if len(words) > 1 else "")
            raw["short"] = _unique([*raw.get("short", []), *(n for n in names if n and " " not in n)])
            names = [n for n in names if " " in n]
        raw["aliases"] = _unique([*raw.get("aliases", []), *names])
        raw["roles"] = [
            *raw.get("roles", []),
            *(
                [
                    r["office"],
                    r.get("country"),
                    _date(r.get("from")),
                    _date(r.get("to")),
                    USER_SOURCE,
                    r.get("label"),
                    r.get("note"),
                ]
                for r in entry.get("roles") or []
            ),
        ]
        actors[aid] = raw
    out["actors"] = list(actors.values())
    for table in ("metonyms", "demonyms"):
        out[table] = {
            **document.get(table, {}),
            **{str(k): str(v) for k, v in (data.get(table) or {}).items()},
        }
    if data.get("places"):
        places = {p["id"]: p for p in document["places"]}
        for p in data["places"]:
            places[str(p["id"])] = {"aliases": [], "src": [USER_SOURCE], "kind": "region", **p}
        out["places"] = list(places.values())
    return out


def add_actor_to_yaml(
    path: Path,
    name: str,
    aliases: Iterable[str] = (),
    type: str = "PER",
    country: str | None = None,
    roles: Iterable[Role | Mapping[str, Any]] = (),
    *,
    actor_id: str | None = None,
) -> str:
    """Append an actor to a user YAML file (created if missing) and return its id.

    ``roles`` are ``Role`` records or mappings with ``office``, ``country``, ``from``, ``to``.
    An id already in the file gets a numeric suffix unless ``actor_id`` is given, in which case
    the entry with that id is replaced. Called by ``lagebild kb add``.
    """
    if type not in ACTOR_TYPES:
        raise LagebildError("E503", f"type must be one of {', '.join(ACTOR_TYPES)}, got {type!r}")
    data = read_extra(path) if path.is_file() else {}
    entries: list[dict[str, Any]] = list(data.get("actors") or [])
    taken = {str(e.get("id") or _slug(str(e["name"]))) for e in entries}
    aid = actor_id or _slug(name)
    if actor_id is None:
        base, n = aid, 2
        while aid in taken:
            aid, n = f"{base}_{n}", n + 1
    entry: dict[str, Any] = {"id": aid, "name": name, "type": type}
    if country:
        entry["country"] = country
    if aliases:
        entry["aliases"] = list(aliases)
    role_rows = [_role_entry(r) for r in roles]
    if role_rows:
        entry["roles"] = role_rows
    entries = [e for e in entries if str(e.get("id")) != aid] + [entry]
    data["actors"] = entries
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    read_extra(path)  # what we wrote must load
    return aid


def _role_entry(role: Role | Mapping[str, Any]) -> dict[str, Any]:
    if isinstance(role, Role):
        row: dict[str, Any] = {
            "office": role.office,
            "country": role.country,
            "from": role.start,
            "to": role.end,
        }
    else:
        row = {
            "office": role["office"],
            "country": role.get("country"),
            "from": role.get("from", role.get("start")),
            "to": role.get("to", role.get("end")),
        }
    for bound in ("from", "to"):
        if row[bound] is not None and not _DATE.match(str(row[bound])):
            raise LagebildError("E503", f"role `{bound}` must be YYYY[-MM[-DD]], got {row[bound]!r}")
    return {
        k: (str(v) if k in ("from", "to") and v is not None else v) for k, v in row.items() if v is not None
    }


def _date(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", norm_key(name)).strip("_") or "actor"


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))
