"""Normalizers: the named groups of one rule match -> a TIMEX3-style value.

Each ``action`` in ``data/patterns_de.yaml`` names a function here. They are pure: the input is the
match's groups and a :class:`Context` (publication anchor with its granularity, the reference time of
the text so far, the clause's tense, the domain); the output is a :class:`TimexValue` or ``None`` when
the match is not a time expression after all (e.g. "1500" before a noun).

Deictic expressions ("gestern", "am Mittwoch", "im vergangenen Jahr") are resolved against the
publication date in news and against the reference time in narratives; anaphoric ones ("am selben
Tag", "drei Tage später") always against the reference time (the last date the text mentioned).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from dateutil.relativedelta import relativedelta

from lagebild.records import Published
from lagebild.time.patterns import lexicon
from lagebild.time.tense import Tense

__all__ = ["NORMALIZERS", "Context", "Domain", "Point", "TimexValue", "duration_value", "weekdays_in_month"]

Domain = Literal["news", "narrative"]
Groups = dict[str, str | None]


@dataclass(frozen=True)
class TimexValue:
    """What a time expression means: TIMEX3 type and value, plus what an imprecise anchor leaves open.

    ``candidates`` lists the possible dates when the anchor is too coarse to pick one (a weekday in a
    month-precision article); ``interval`` is the (first, last) possible day, or for ``seit``-durations
    the (implied start, anchor) pair.
    """

    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str
    modifier: str | None = None
    anchor: str | None = None
    candidates: tuple[str, ...] = ()
    interval: tuple[str, str] | None = None
    # For the joint resolution of weekdays under a month anchor (lagebild.time.extract).
    weekday: int | None = field(default=None, repr=False, compare=False)
    direction: str | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class Point:
    """A calendar point of year, month or day precision; BC years are negative (216 BC = -216)."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def value(self) -> str:
        year = f"BC{-self.year:04d}" if self.year < 0 else f"{self.year:04d}"
        if self.month is None:
            return year
        if self.day is None:
            return f"{year}-{self.month:02d}"
        return f"{year}-{self.month:02d}-{self.day:02d}"

    @classmethod
    def of(cls, day: date, precision: str = "day") -> Point:
        if precision == "year":
            return cls(day.year)
        if precision == "month":
            return cls(day.year, day.month)
        return cls(day.year, day.month, day.day)

    @classmethod
    def parse(cls, value: str) -> Point | None:
        match = re.fullmatch(r"(BC)?(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", value[:10] if "T" in value else value)
        if not match:
            return None
        bc, year, month, day = match.groups()
        return cls(-int(year) if bc else int(year), int(month) if month else None, int(day) if day else None)


@dataclass(frozen=True)
class Context:
    """What a normalizer may consult besides the match itself."""

    anchor: Published | None = None
    reference: Point | None = None
    tense: Tense | None = None
    domain: Domain = "news"

    @property
    def anchor_point(self) -> Point | None:
        return Point.parse(self.anchor.value) if self.anchor else None

    def base(self, anaphoric: bool = False) -> Point | None:
        """The point a relative expression counts from (see the module docstring)."""
        if anaphoric or self.domain == "narrative":
            return self.reference or self.anchor_point
        return self.anchor_point or self.reference


# --- helpers -------------------------------------------------------------------------------------


def _mod(g: Groups, *keys: str) -> str | None:
    lex = lexicon()
    tables = {"pos": lex.positions, "approx": lex.approx, "bound": lex.boundaries}
    for key in keys:
        word = g.get(key)
        if word:
            return tables[key].get(_norm(word))
    return None


def _norm(word: str) -> str:
    return re.sub(r"\s+", " ", word.strip().lower())


def _number(word: str | None) -> float | None:
    """A cardinal from digits or a number word; ``None`` for vague quantities ("mehrere")."""
    if word is None:
        return None
    low = _norm(word)
    lex = lexicon()
    if low in lex.numbers:
        return lex.numbers[low]
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", low):  # "1.600 Jahre"
        return float(low.replace(".", ""))
    if re.fullmatch(r"\d+(?:,\d+)?", low):
        return float(low.replace(",", "."))
    return None


def _unit(word: str) -> tuple[str, bool] | None:
    for regex, code, is_time in lexicon().units:
        if regex.fullmatch(word.strip()):
            return code, is_time
    return None


def _month(word: str) -> int | None:
    low = _norm(word)
    low = low.removesuffix("monate")
    return lexicon().months.get(low) or lexicon().months.get(low.rstrip("s"))


def _valid(year: int | None, month: int, day: int) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    days = calendar.monthrange(year if year and year > 0 else 2000, month)[1]
    return day <= days


def _era(g: Groups, year: int) -> int:
    era = g.get("bc")
    if era and lexicon().eras.get(_norm(era)) == "BC":
        return -year
    return year


def _infer_year(month: int, ctx: Context) -> int | None:
    """The year of a month named without one.

    Narratives take the reference year; news take the publication year, moved back when a past
    clause names a later month ("im Oktober traf" in a February article) and forward when a future
    clause names an earlier one (HeidelTime does the same for news, Strötgen & Gertz 2013).
    """
    if ctx.domain == "narrative" and ctx.reference is not None:
        return ctx.reference.year
    base = ctx.anchor_point or ctx.reference
    if base is None:
        return None
    if base.month is not None:
        if ctx.tense == "past" and month > base.month:
            return base.year - 1
        if ctx.tense == "future" and month < base.month:
            return base.year + 1
    return base.year


def _two_digit_year(yy: int, ctx: Context) -> int:
    now = (ctx.anchor_point or ctx.reference or Point(2000)).year
    return 2000 + yy if 2000 + yy <= now + 10 else 1900 + yy


def _xx(year: int | None, month: int | None = None, day: int | None = None) -> str:
    y = "XXXX" if year is None else Point(year).value
    m = "XX" if month is None else f"{month:02d}"
    d = "XX" if day is None else f"{day:02d}"
    return f"{y}-{m}-{d}"


def weekdays_in_month(year: int, month: int, weekday: int) -> list[date]:
    """All dates of ISO ``weekday`` (1 = Monday) in the month."""
    days = calendar.monthrange(year, month)[1]
    return [date(year, month, d) for d in range(1, days + 1) if date(year, month, d).isoweekday() == weekday]


def resolve_weekday(day: date, weekday: int, direction: str, strict: bool = False) -> date:
    """The ``weekday`` nearest to ``day`` in ``direction`` (the day itself counts unless ``strict``)."""
    if direction == "past":
        back = (day.isoweekday() - weekday) % 7
        return day - timedelta(days=back or (7 if strict else 0))
    ahead = (weekday - day.isoweekday()) % 7
    return day + timedelta(days=ahead or (7 if strict else 0))


def duration_value(amount: float | None, unit: str, is_time: bool) -> str:
    """TIMEX3 duration: ``PT1H30M`` for eineinhalb Stunden, ``P1Y6M`` for anderthalb Jahre, ``PXD``."""
    prefix = "PT" if is_time else "P"
    if amount is None:
        return f"{prefix}X{unit}"
    if amount == int(amount):
        return f"{prefix}{int(amount)}{unit}"
    whole, frac = int(amount), amount - int(amount)
    # Fractions go one unit down: hours->minutes, years->months, days->hours, decades->years.
    smaller = {
        "H": ("M", 60, True),
        "M": ("S", 60, True) if is_time else ("D", 30, False),
        "S": ("S", 1, True),
        "Y": ("M", 12, False),
        "D": ("H", 24, True),
        "W": ("D", 7, False),
        "DE": ("Y", 10, False),
        "CE": ("DE", 10, False),
    }[unit]
    sub_unit, factor, sub_time = smaller
    sub = round(frac * factor)
    if whole == 0:
        return f"{'PT' if sub_time else 'P'}{sub}{sub_unit}"
    if sub_time and not is_time:
        return f"P{whole}{unit}T{sub}{sub_unit}"
    return f"{prefix}{whole}{unit}{sub}{sub_unit}"


def _shift(base: Point, amount: float, unit: str) -> tuple[Point, str] | None:
    """``base`` moved by ``amount`` ``unit``s; the precision follows the unit and the base."""
    if unit in ("H", "S"):
        return None
    months = {"Y": 12, "DE": 120, "CE": 1200}.get(unit)
    if months is not None:
        total = amount * months
        if total == int(total) and int(total) % 12 == 0:
            return Point(base.year + int(total) // 12, base.month, base.day), "year"
        start = date(max(base.year, 1), base.month or 1, base.day or 1)
        moved = start + relativedelta(months=round(total))
        return Point.of(moved), "month"
    if unit == "M":
        # Months keep the base's own precision ("drei Monate später" after a day is a day).
        start = date(max(base.year, 1), base.month or 1, base.day or 1)
        if amount != int(amount):
            moved = start + timedelta(days=round(amount * 30))
            return Point.of(moved), "day"
        return Point.of(start + relativedelta(months=int(amount))), "day"
    days = amount * (7 if unit == "W" else 1)
    start = date(max(base.year, 1), base.month or 1, base.day or 1)
    return Point.of(start + timedelta(days=round(days))), "day"


def _at_precision(point: Point, wanted: str, base: Point) -> str:
    """Cut ``point`` to the coarser of the wanted precision and the base's own precision."""
    order = {"year": 0, "month": 1, "day": 2}
    have = 2 if base.day is not None else 1 if base.month is not None else 0
    level = min(order[wanted], have)
    if level == 0:
        return Point(point.year).value
    if level == 1:
        return Point(point.year, point.month).value
    return point.value


# --- normalizers, one per `action` -------------------------------------------------------------------


def norm_date(g: Groups, ctx: Context) -> TimexValue | None:
    day = int(g["day"] or 0)
    if g.get("month"):
        month = _month(g["month"] or "") or 0
    elif g.get("mon"):
        month = int(g["mon"] or 0)
    else:  # "am 24." (rule bare_day_ref): the month of the reference time
        ref = ctx.reference
        if ctx.domain != "narrative" or ref is None or ref.month is None:
            return None
        month = ref.month
    year: int | None = None
    if g.get("year"):
        raw = g["year"] or ""
        year = _two_digit_year(int(raw), ctx) if len(raw) == 2 else _era(g, int(raw))
    elif g.get("year_ahead"):  # "10. Juli bis 31. Oktober 1940"
        year = int(g["year_ahead"] or 0)
    elif g.get("same"):
        ref = ctx.reference or ctx.anchor_point
        year = None if ref is None else ref.year + (1 if "folgend" in (g["same"] or "") else 0)
    else:
        year = _infer_year(month, ctx)
    if not _valid(year, month, day):
        return None
    value = _xx(year, month, day)
    daypart = g.get("daypart") or g.get("daypart2")
    if g.get("hour"):
        hour, minute = int(g["hour"] or 0), int(g.get("minute") or 0)
        return TimexValue("TIME", f"{value}T{hour:02d}:{minute:02d}", anchor=_anchor(ctx))
    if daypart:
        code = lexicon().dayparts.get(_norm(daypart))
        if code:
            return TimexValue("TIME", f"{value}T{code}", modifier=_mod(g, "pos"), anchor=_anchor(ctx))
    return TimexValue("DATE", value, modifier=_mod(g, "pos"), anchor=None if g.get("year") else _anchor(ctx))


def norm_month(g: Groups, ctx: Context) -> TimexValue | None:
    month = _month(g["month"] or "")
    if month is None:
        return None
    cued = any(g.get(k) for k in ("year", "pos", "approx", "bound", "ana2"))
    if g.get("_rule") == "month_year" and not cued:
        return None  # bare month names go through the case-sensitive rule `month_word`
    year: int | None
    if g.get("year") or g.get("year_ahead"):
        year = _era(g, int(g.get("year") or g.get("year_ahead") or 0))
    elif g.get("ana2"):
        ref = ctx.reference or ctx.anchor_point
        year = None if ref is None else ref.year + (1 if "folgend" in (g["ana2"] or "") else 0)
    else:
        year = _infer_year(month, ctx)
    value = f"{'XXXX' if year is None else Point(year).value}-{month:02d}"
    return TimexValue(
        "DATE",
        value,
        modifier=_mod(g, "pos", "bound", "approx"),
        anchor=None if g.get("year") else _anchor(ctx),
    )


def norm_year(g: Groups, ctx: Context) -> TimexValue | None:
    if g.get("yy"):  # "1912/13": the century of the year just before the slash
        year = int(g.get("century") or 0) * 100 + int(g["yy"] or 0)
        return TimexValue("DATE", Point(year).value)
    raw = g["year"] or ""
    year = int(raw)
    cued = any(g.get(k) for k in ("bound", "pos", "jahr", "bc"))
    four_digits = len(raw) == 4 and 1000 <= year <= 2100
    # Three-digit years ("im Jahr 216") only in narratives; in news "im Jahr 413 Schüler" is a count.
    if not g.get("bc") and not four_digits and not (g.get("jahr") and ctx.domain == "narrative"):
        return None
    if not cued and g.get("_next_upper") and not g.get("_prev_cue"):
        return None  # "1500 Soldaten": a count before a noun, not a year
    if g.get("_prev_blocker"):
        return None
    return TimexValue("DATE", Point(_era(g, year)).value, modifier=_mod(g, "pos", "bound", "approx"))


def norm_century(g: Groups, ctx: Context) -> TimexValue | None:
    number = int(g["century"] or 0)
    if not 1 <= number <= 21:
        return None
    value = f"{number - 1:02d}"
    if g.get("bc") and lexicon().eras.get(_norm(g["bc"] or "")) == "BC":
        value = f"BC{value}"
    return TimexValue("DATE", value, modifier=_mod(g, "pos"))


def norm_decade(g: Groups, ctx: Context) -> TimexValue | None:
    if g.get("decade"):
        raw = g["decade"] or ""
        if len(raw) == 4:
            return TimexValue("DATE", raw[:3], modifier=_mod(g, "pos"))
        two = int(raw)
    else:
        two = lexicon().decade_words[_norm(g["decadeword"] or "")]
    base = ctx.base()
    now = base.year if base else 2000
    century = now // 100 - (1 if two > now % 100 else 0)
    return TimexValue("DATE", f"{century:02d}{two // 10}", modifier=_mod(g, "pos"), anchor=_anchor(ctx))


def norm_season(g: Groups, ctx: Context) -> TimexValue | None:
    code = lexicon().seasons.get(_norm(g["season"] or ""))
    if code is None:
        return None
    if g.get("year") or g.get("year_ahead"):
        year: int | None = _era(g, int(g.get("year") or g.get("year_ahead") or 0))
    elif g.get("ana2"):
        ref = ctx.reference or ctx.anchor_point
        year = None if ref is None else ref.year + (1 if "folgend" in (g["ana2"] or "") else 0)
    else:
        base = ctx.base()
        year = base.year if base else None
    modifier = _mod(g, "pos")
    early = (g.get("early") or "").lower()
    if early:
        modifier = "START" if early == "früh" else "END"
    value = f"{'XXXX' if year is None else Point(year).value}-{code}"
    return TimexValue("DATE", value, modifier=modifier, anchor=None if g.get("year") else _anchor(ctx))


def norm_relative_day(g: Groups, ctx: Context) -> TimexValue | None:
    word = _norm(g["word"] or "")
    if ctx.domain == "narrative" and word in lexicon().narrative_present:
        return TimexValue("DATE", "PRESENT_REF", anchor=_anchor(ctx))
    offset = {"vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2}[word]
    daypart = g.get("daypart")
    suffix = ""
    if daypart:
        code = lexicon().dayparts.get(_norm(daypart)) or ("MO" if _norm(daypart) == "früh" else None)
        suffix = f"T{code}" if code else ""
    base = ctx.base()
    kind: Literal["DATE", "TIME"] = "TIME" if suffix else "DATE"
    if base is None:
        return TimexValue(kind, "XXXX-XX-XX" + suffix)
    if base.day is not None and base.month is not None and base.year > 0:
        moved = date(base.year, base.month, base.day) + timedelta(days=offset)
        return TimexValue(kind, moved.isoformat() + suffix, anchor=base.value)
    if base.month is not None and base.year > 0:
        # Month anchor: the day is unknown, the interval is every day it can be.
        last = calendar.monthrange(base.year, base.month)[1]
        first_day = date(base.year, base.month, 1) + timedelta(days=offset)
        last_day = date(base.year, base.month, last) + timedelta(days=offset)
        return TimexValue(
            kind,
            _xx(base.year, base.month) + suffix,
            anchor=base.value,
            interval=(first_day.isoformat(), last_day.isoformat()),
        )
    return TimexValue(kind, _xx(base.year) + suffix, anchor=base.value)


def norm_weekday(g: Groups, ctx: Context) -> TimexValue | None:
    weekday = lexicon().weekdays[_norm(g["weekday"] or "")]
    if g.get("day"):
        explicit = norm_date(g, ctx)
        return explicit
    rel = _norm(g.get("rel") or "")
    strict = bool(rel)
    if rel in ("vergangenen", "letzten"):
        direction = "past"
    elif rel in ("kommenden", "nächsten"):
        direction = "future"
    else:
        direction = "past" if ctx.tense in ("past", None) else "future"
    daypart = g.get("daypart") or g.get("daypart2")
    suffix = ""
    if daypart:
        code = lexicon().dayparts.get(_norm(daypart)) or ("MO" if _norm(daypart) == "früh" else None)
        suffix = f"T{code}" if code else ""
    kind: Literal["DATE", "TIME"] = "TIME" if suffix else "DATE"
    base = ctx.base()
    if base is None or base.year < 1:
        return TimexValue(kind, f"XXXX-WXX-{weekday}" + suffix, weekday=weekday, direction=direction)
    if base.day is not None and base.month is not None:
        day = resolve_weekday(date(base.year, base.month, base.day), weekday, direction, strict)
        return TimexValue(kind, day.isoformat() + suffix, anchor=base.value)
    if base.month is not None:
        days = weekdays_in_month(base.year, base.month, weekday)
        return TimexValue(
            kind,
            _xx(base.year, base.month) + suffix,
            anchor=base.value,
            candidates=tuple(d.isoformat() for d in days),
            interval=(days[0].isoformat(), days[-1].isoformat()),
            weekday=weekday,
            direction=direction,
        )
    return TimexValue(kind, f"{Point(base.year).value}-WXX-{weekday}" + suffix, anchor=base.value)


def norm_relative_unit(g: Groups, ctx: Context) -> TimexValue | None:
    unit = _norm(g["unit"] or "")
    lex = lexicon()
    if g.get("rel"):
        rel = lex.relative[_norm(g["rel"] or "")]
    else:
        rel = {"vorjahr": -1, "vorjahres": -1, "vorwoche": -1, "vormonat": -1}.get(unit, 1)
        unit = {
            "vorjahr": "jahr",
            "vorjahres": "jahr",
            "folgejahr": "jahr",
            "folgejahres": "jahr",
            "vorwoche": "woche",
            "folgewoche": "woche",
            "vormonat": "monat",
            "folgemonat": "monat",
        }[unit]
    if unit.startswith("tag"):
        return norm_anaphoric({"ana": None, "unit": "tag", "_offset": str(rel)}, ctx)
    anaphoric = unit.startswith(("folge",)) or (g.get("_rule") == "relative_unit_post" and rel > 0)
    base = ctx.base(anaphoric)
    modifier = _mod(g, "pos")
    if base is None:  # no anchor at all: the expression is kept, its value left open
        unknown = {"jahr": "XXXX", "monat": "XXXX-XX", "quartal": "XXXX-QX", "jahrzehnt": "XXX"}
        value = next((v for stem, v in unknown.items() if unit.startswith(stem)), "XXXX-WXX")
        return TimexValue("DATE", value, modifier=modifier)
    anchor = base.value
    if unit.startswith("jahrzehnt"):
        return TimexValue("DATE", f"{base.year // 10 + rel:03d}", modifier=modifier, anchor=anchor)
    if unit.startswith("jahr"):
        return TimexValue("DATE", Point(base.year + rel).value, modifier=modifier, anchor=anchor)
    if unit.startswith("monat"):
        if base.month is None:
            return TimexValue("DATE", f"{Point(base.year).value}-XX", modifier=modifier, anchor=anchor)
        moved = date(base.year, base.month, 1) + relativedelta(months=rel)
        return TimexValue("DATE", Point.of(moved, "month").value, modifier=modifier, anchor=anchor)
    if unit.startswith("quartal"):
        if base.month is None:
            return TimexValue("DATE", f"{Point(base.year).value}-QX", modifier=modifier, anchor=anchor)
        index = base.year * 4 + (base.month - 1) // 3 + rel
        return TimexValue("DATE", f"{index // 4:04d}-Q{index % 4 + 1}", modifier=modifier, anchor=anchor)
    # Woche / Wochenende
    suffix = "-WE" if unit.startswith("wochenende") else ""
    if base.day is not None and base.month is not None and base.year > 0:
        moved = date(base.year, base.month, base.day) + timedelta(weeks=rel)
        iso = moved.isocalendar()
        return TimexValue("DATE", f"{iso.year:04d}-W{iso.week:02d}{suffix}", modifier=modifier, anchor=anchor)
    if base.month is not None and base.year > 0:
        # Month anchor: every ISO week that the shifted month can fall into.
        last = calendar.monthrange(base.year, base.month)[1]
        weeks = []
        for d in range(1, last + 1):
            iso = (date(base.year, base.month, d) + timedelta(weeks=rel)).isocalendar()
            label = f"{iso.year:04d}-W{iso.week:02d}{suffix}"
            if label not in weeks:
                weeks.append(label)
        return TimexValue(
            "DATE",
            f"{Point(base.year).value}-WXX{suffix}",
            modifier=modifier,
            anchor=anchor,
            candidates=tuple(weeks),
        )
    return TimexValue("DATE", f"{Point(base.year).value}-WXX{suffix}", modifier=modifier, anchor=anchor)


def norm_offset(g: Groups, ctx: Context) -> TimexValue | None:
    direction = _norm(g["dir"] or "")
    unit_info = _unit(g["unit"] or "")
    if unit_info is None:
        return None
    unit, is_time = unit_info
    amount = _number(g.get("num"))
    if g.get("num") and _norm(g["num"] or "") == "eines" and unit == "D":
        return None  # "eines Tages": some day, not one day
    if g.get("half"):
        amount = (amount or 1.0) * 0.5
    backwards = direction in ("vor", "zuvor", "vorher", "früher")
    deictic = direction in ("vor", "in")
    modifier = _mod(g, "approx")
    base = ctx.anchor_point or ctx.reference if deictic else ctx.reference or ctx.anchor_point
    if amount is None or is_time or base is None:
        if not g.get("num") or _norm(g.get("num") or "") in lexicon().vague_numbers:
            value = "PAST_REF" if backwards else "FUTURE_REF"
            return TimexValue("DATE", value, modifier=modifier, anchor=base.value if base else None)
        if base is None:
            return TimexValue("DATE", "XXXX-XX-XX" if unit in ("D", "W") else "XXXX", modifier=modifier)
        return None
    shifted = _shift(base, -amount if backwards else amount, unit)
    if shifted is None:
        return None
    point, precision = shifted
    return TimexValue("DATE", _at_precision(point, precision, base), modifier=modifier, anchor=base.value)


def norm_anaphoric(g: Groups, ctx: Context) -> TimexValue | None:
    lex = lexicon()
    if g.get("_offset") is not None:
        offset = int(g["_offset"] or 0)
    elif g.get("ana"):
        offset = {"diesem": 0, "jenem": 0}.get(
            _norm(g["ana"] or ""), lex.anaphoric.get(_norm(g["ana"] or ""), 0)
        )
    else:
        word = _norm(g.get("ana2") or g.get("ana3") or "")
        offset = -1 if word == "zuvor" else 1
    unit = _norm(g.get("unit") or g.get("unit2") or g.get("unit3") or "")
    base = ctx.base(anaphoric=True)
    if base is None:
        return TimexValue("DATE", "XXXX" if unit.startswith("jahr") else "XXXX-XX-XX")
    anchor = base.value
    if unit.startswith("jahr"):
        return TimexValue("DATE", Point(base.year + offset).value, anchor=anchor)
    if unit.startswith("monat"):
        if base.month is None:
            return TimexValue("DATE", f"{Point(base.year).value}-XX", anchor=anchor)
        moved = date(max(base.year, 1), base.month, 1) + relativedelta(months=offset)
        return TimexValue("DATE", Point.of(moved, "month").value, anchor=anchor)
    if unit.startswith("woche"):
        if base.day is None or base.month is None or base.year < 1:
            return TimexValue("DATE", f"{Point(base.year).value}-WXX", anchor=anchor)
        iso = (date(base.year, base.month, base.day) + timedelta(weeks=offset)).isocalendar()
        return TimexValue("DATE", f"{iso.year:04d}-W{iso.week:02d}", anchor=anchor)
    suffix = ""
    kind: Literal["DATE", "TIME"] = "DATE"
    if unit in ("abend", "morgen", "nacht"):
        suffix, kind = "T" + {"abend": "EV", "morgen": "MO", "nacht": "NI"}[unit], "TIME"
    if base.day is None or base.month is None or base.year < 1:
        return TimexValue(kind, _xx(base.year, base.month) + suffix, anchor=anchor)
    moved = date(base.year, base.month, base.day) + timedelta(days=offset)
    return TimexValue(kind, moved.isoformat() + suffix, anchor=anchor)


def norm_year_part(g: Groups, ctx: Context) -> TimexValue | None:
    word = _norm(g.get("word") or "")
    base = ctx.base()
    if g.get("year"):
        year: int | None = int(g["year"] or 0)
    else:
        year = base.year if base else None
    if word == "jahreswechsel":
        if year is None or base is None:
            return TimexValue("DATE", "XXXX-01-01", modifier="APPROX")
        # The turn of the year nearest the anchor: in the first half it has just happened.
        if not g.get("year") and base.month is not None and base.month >= 7:
            year += 1
        return TimexValue("DATE", f"{Point(year).value}-01-01", modifier="APPROX", anchor=base.value)
    modifier = {
        "jahresende": "END",
        "jahresbeginn": "START",
        "jahresanfang": "START",
        "jahresmitte": "MID",
    }.get(word) or _mod(g, "pos")
    value = "XXXX" if year is None else Point(year).value
    return TimexValue("DATE", value, modifier=modifier, anchor=None if g.get("year") else _anchor(ctx))


def norm_holiday(g: Groups, ctx: Context) -> TimexValue | None:
    month_day = lexicon().holidays[_norm(g["holiday"] or "")]
    if g.get("year"):
        year: int | None = int(g["year"] or 0)
    else:
        base = ctx.base()
        year = base.year if base else None
    return TimexValue(
        "DATE", f"{'XXXX' if year is None else Point(year).value}-{month_day}", anchor=_anchor(ctx)
    )


def norm_duration(g: Groups, ctx: Context) -> TimexValue | None:
    if g.get("lang") and not g.get("num"):
        word = _norm(g["lang"] or "")
        code = {"jahre": "Y", "monat": "M", "woche": "W", "tage": "D", "jahrz": "DE", "stund": "H"}
        unit = next((c for stem, c in code.items() if word.startswith(stem)), "Y")
        return TimexValue("DURATION", duration_value(None, unit, unit == "H"))
    raw_unit = _norm(g.get("unit") or "")
    compound = {
        "tägig": ("D", False),
        "wöchig": ("W", False),
        "monatig": ("M", False),
        "jährig": ("Y", False),
        "stündig": ("H", True),
    }
    info = compound.get(raw_unit) or _unit(g.get("unit") or "")
    if info is None:
        return None
    unit, is_time = info
    num = g.get("num")
    if num and _norm(num) == "eines" and unit == "D":
        return None  # "eines Tages"
    amount = _number(num) if num and _norm(num) != "mehr" else None
    if g.get("half"):
        amount = (amount or 1.0) * 0.5
    value = duration_value(amount, unit, is_time)
    modifier = _mod(g, "approx")
    if g.get("bound") and _norm(g["bound"] or "") == "seit":
        base = ctx.anchor_point or ctx.reference
        if base is not None and amount is not None and not is_time:
            shifted = _shift(base, -amount, unit)
            if shifted is not None:
                point, precision = shifted
                start = _at_precision(point, "month" if precision == "year" else precision, base)
                return TimexValue(
                    "DURATION", value, modifier=modifier, anchor=base.value, interval=(start, base.value)
                )
        return TimexValue("DURATION", value, modifier=modifier, anchor=base.value if base else None)
    return TimexValue("DURATION", value, modifier=modifier)


def norm_set(g: Groups, ctx: Context) -> TimexValue | None:
    lex = lexicon()
    weekday = g.get("weekday") or g.get("weekday2")
    if weekday:
        number = lex.weekdays[_norm(weekday).removesuffix("s")]
        return TimexValue("SET", f"XXXX-WXX-{number}")
    value = lex.sets.get(_norm(g.get("word") or ""))
    return TimexValue("SET", value) if value else None


def norm_vague(g: Groups, ctx: Context) -> TimexValue | None:
    word = _norm(g.get("word") or "")
    value = lexicon().vague.get(word)
    if value is None or (ctx.domain == "narrative" and word in lexicon().narrative_skip):
        return None
    return TimexValue("DATE", value, anchor=_anchor(ctx))


def norm_clock(g: Groups, ctx: Context) -> TimexValue | None:
    if _norm(g.get("word") or "") == "mitternacht":
        g = {**g, "hour": "24"}
    hour = int(g["hour"] or 0)
    minute = int(g.get("minute") or g.get("minute2") or 0)
    if hour > 24:
        return None
    if _norm(g.get("word") or "") in ("abends", "nachts") and hour < 12 and hour > 5:
        hour += 12
    # The day is the last one the text named ("am Mittwochmorgen kurz nach 2:00 Uhr"), else the anchor.
    ref = ctx.reference
    if ref is not None and ref.day is not None:
        base: Point | None = ref
    else:
        base = ctx.reference if ctx.domain == "narrative" else ctx.anchor_point
    day = (
        base.value
        if base is not None and base.day is not None
        else (_xx(base.year, base.month) if base is not None else "XXXX-XX-XX")
    )
    return TimexValue(
        "TIME", f"{day}T{hour:02d}:{minute:02d}", modifier=_mod(g, "approx"), anchor=_anchor(ctx)
    )


def norm_daypart(g: Groups, ctx: Context) -> TimexValue | None:
    word = g.get("daypart") or g.get("daypart2") or g.get("daypart3") or ""
    code = lexicon().dayparts.get(_norm(word))
    if code is None:
        return None
    ana = _norm(g.get("ana") or g.get("ana2") or g.get("ana3") or g.get("ana4") or "")
    offset = {"nächsten": 1, "darauf": 1, "danach": 1, "zuvor": -1}.get(ana, lexicon().anaphoric.get(ana, 0))
    if "folgend" in ana:
        offset = 1
    base = ctx.base(anaphoric=True)
    if base is None or base.day is None or base.month is None or base.year < 1:
        if ctx.domain == "news" and not ana:
            return None  # "am Abend" without a known day says little in news
        return TimexValue("TIME", (_xx(base.year, base.month) if base else "XXXX-XX-XX") + f"T{code}")
    moved = date(base.year, base.month, base.day) + timedelta(days=offset)
    return TimexValue("TIME", f"{moved.isoformat()}T{code}", anchor=base.value)


def _anchor(ctx: Context) -> str | None:
    return ctx.anchor.value if ctx.anchor else None


NORMALIZERS: dict[str, Callable[[Groups, Context], TimexValue | None]] = {
    "date": norm_date,
    "month": norm_month,
    "year": norm_year,
    "century": norm_century,
    "decade": norm_decade,
    "season": norm_season,
    "relative_day": norm_relative_day,
    "weekday": norm_weekday,
    "relative_unit": norm_relative_unit,
    "offset": norm_offset,
    "anaphoric": norm_anaphoric,
    "year_part": norm_year_part,
    "holiday": norm_holiday,
    "duration": norm_duration,
    "set": norm_set,
    "vague": norm_vague,
    "clock": norm_clock,
    "daypart": norm_daypart,
}
