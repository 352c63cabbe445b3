"""Small records of the knowledge base (``Place``, ``Candidate``) and date intervals.

Dates in the KB have the precision their source gives: ``YYYY-MM-DD`` (exact), ``YYYY-MM`` or
``YYYY`` (world-leaders data). A date is read as the interval it denotes; a role held from
``start`` to ``end`` covers [first day of start, end): an exact end is the handover day (the
successor's first day, as in the US data), a year or month end covers the whole period, because
the source only says the term ended some time in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal

from lagebild.errors import LagebildError

__all__ = ["Candidate", "Place", "bounds", "likely_bounds", "overlaps", "period"]

How = Literal["name", "alias", "fuzzy", "role-at-date", "metonym", "demonym"]

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_FAR_PAST = date(1, 1, 1)
_FAR_FUTURE = date(9999, 12, 31)


@dataclass(frozen=True)
class Candidate:
    """One possible actor for a name: id, score in [0, 1] and how it matched."""

    actor_id: str
    score: float
    how: How

    def to_json(self) -> dict[str, Any]:
        return {"actor_id": self.actor_id, "score": self.score, "how": self.how}


@dataclass(frozen=True)
class Place:
    """A place: country (``id`` = ISO3), city/region (``gn:…`` GeoNames ids), landmark, region.

    ``name`` is German, ``name_en`` English; ``code`` is the ISO 3166 alpha-3 code of a country,
    ``country`` the ISO3 code of the country it lies in (the country itself for a country).
    """

    id: str
    name: str
    kind: str
    name_en: str | None = None
    code: str | None = None
    country: str | None = None
    population: int | None = None
    lat: float | None = None
    lon: float | None = None
    capital: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


def period(value: str) -> tuple[date, date]:
    """The half-open day interval [first, after-last) a ``YYYY[-MM[-DD]]`` string denotes."""
    match = _DATE.fullmatch(value.strip())
    if not match:
        raise LagebildError("E101", f"invalid date {value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    try:
        if day:
            first = date(int(year), int(month), int(day))
            return first, first + timedelta(days=1)
        if month:
            first = date(int(year), int(month), 1)
            nxt = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
            return first, nxt
        return date(int(year), 1, 1), date(int(year) + 1, 1, 1)
    except ValueError as exc:
        raise LagebildError("E101", f"invalid date {value!r}: {exc}") from None


def bounds(start: str | None, end: str | None) -> tuple[date, date]:
    """[lo, hi) of a term: open ends are unbounded; an exact end day is excluded (handover)."""
    lo = period(start)[0] if start else _FAR_PAST
    if not end:
        return lo, _FAR_FUTURE
    first, after = period(end)
    return lo, first if len(end) == 10 else after


def likely_bounds(start: str | None, end: str | None) -> tuple[date, date]:
    """[lo, hi) of a term with a year or month bound read as its middle (a year-only "2025" start
    is as likely before as after 2 July): ranks holders when a period spans an imprecise handover."""
    lo, hi = bounds(start, end)
    if start and len(start) < 10:
        first, after = period(start)
        lo = first + (after - first) / 2
    if end and len(end) < 10:
        first, after = period(end)
        hi = first + (after - first) / 2
    return lo, hi


def overlaps(a: tuple[date, date], b: tuple[date, date]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
