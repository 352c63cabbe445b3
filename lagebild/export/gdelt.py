"""GDELT Global Knowledge Graph (GKG 2.1) style TSV: one row per article.

The 27 columns of GKG 2.1 (GDELT GKG 2.1 codebook), with a header row (GDELT's own files have
none). Lagebild fills what it knows, with character offsets into the article text:

- ``V1PERSONS``/``V2ENHANCEDPERSONS`` (``Name,Offset;…``), ``V1ORGANIZATIONS``/
  ``V2ENHANCEDORGANIZATIONS``, ``V1LOCATIONS``/``V2ENHANCEDLOCATIONS``
  (``Type#FullName#CountryCode#ADM1#ADM2#Lat#Long#FeatureID#Offset``; no geocoding yet, so
  type ``0`` and the coordinates are empty), ``V2.1ALLNAMES`` (every entity, ``Name,Offset``);
- ``V2.1ENHANCEDDATES`` (``Resolution#Month#Day#Year#Offset``: 4 day, 2 month, 1 year) from the
  time expressions with a calendar value;
- ``V2.1QUOTATIONS`` (``Offset|Length|Verb|Quote`` joined by ``#``; the verb is the cue) and, as
  GDELT has no speaker field, the speakers in ``V2EXTRASXML``
  (``<QUOTES><QUOTE offset= length= speaker= speakerId= cue=>text</QUOTE></QUOTES>``), next to
  ``<PAGE_TITLE>`` and ``<PAGE_AUTHORS>`` as GDELT writes them.

Themes, tone, counts, GCAM, images and amounts stay empty. Delimiters inside values (tab, newline,
``;``, ``#``, ``|``, ``,`` where they separate fields) are replaced by spaces; no cell is quoted,
so read it with ``csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)``.
"""

from __future__ import annotations

import re
from typing import TextIO
from urllib.parse import urlparse
from xml.sax.saxutils import escape, quoteattr

from lagebild.export.common import clean, iter_stored
from lagebild.records import Mention, Quote, Timex
from lagebild.store import Store, StoredArticle

__all__ = ["GKG_COLUMNS", "gkg_row", "write_gdelt"]

GKG_COLUMNS: tuple[str, ...] = (
    "GKGRECORDID",
    "V2.1DATE",
    "V2SOURCECOLLECTIONIDENTIFIER",
    "V2SOURCECOMMONNAME",
    "V2DOCUMENTIDENTIFIER",
    "V1COUNTS",
    "V2.1COUNTS",
    "V1THEMES",
    "V2ENHANCEDTHEMES",
    "V1LOCATIONS",
    "V2ENHANCEDLOCATIONS",
    "V1PERSONS",
    "V2ENHANCEDPERSONS",
    "V1ORGANIZATIONS",
    "V2ENHANCEDORGANIZATIONS",
    "V1.5TONE",
    "V2.1ENHANCEDDATES",
    "V2GCAM",
    "V2.1SHARINGIMAGE",
    "V2.1RELATEDIMAGES",
    "V2.1SOCIALIMAGEEMBEDS",
    "V2.1SOCIALVIDEOEMBEDS",
    "V2.1QUOTATIONS",
    "V2.1ALLNAMES",
    "V2.1AMOUNTS",
    "V2.1TRANSLATIONINFO",
    "V2EXTRASXML",
)
_NAME_FORBIDDEN = "\t\n\r;,#|"
_QUOTE_FORBIDDEN = "\t\n\r#|"
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _name(text: str) -> str:
    return clean(text, _NAME_FORBIDDEN)


def _unique(mentions: list[Mention]) -> str:
    return ";".join(dict.fromkeys(_name(m.text) for m in mentions))


def _enhanced(mentions: list[Mention]) -> str:
    return ";".join(f"{_name(m.text)},{m.start}" for m in mentions)


def _locations(mentions: list[Mention], enhanced: bool) -> str:
    if enhanced:
        return ";".join(f"0#{_name(m.text)}#######{m.start}" for m in mentions)
    return ";".join(dict.fromkeys(f"0#{_name(m.text)}#####" for m in mentions))


def _dates(timexes: list[Timex]) -> str:
    out = []
    for t in timexes:
        match = _DATE.match(t.value)
        if t.type != "DATE" or not match:
            continue
        year, month, day = match.groups()
        resolution = 4 if day else 2 if month else 1
        out.append(f"{resolution}#{int(month or 0)}#{int(day or 0)}#{year}#{t.start}")
    return ";".join(out)


def _quotations(quotes: list[Quote]) -> str:
    return "#".join(
        f"{q.start}|{q.end - q.start}|{clean(q.cue.text if q.cue else '', _QUOTE_FORBIDDEN)}"
        f"|{clean(q.text, _QUOTE_FORBIDDEN)}"
        for q in quotes
    )


def _extras(stored: StoredArticle, quotes: list[Quote]) -> str:
    article = stored.analysis.article
    parts = []
    if article.title:
        parts.append(f"<PAGE_TITLE>{escape(clean(article.title))}</PAGE_TITLE>")
    if article.author:
        parts.append(f"<PAGE_AUTHORS>{escape(clean(article.author))}</PAGE_AUTHORS>")
    if quotes:
        items = "".join(
            f'<QUOTE offset="{q.start}" length="{q.end - q.start}"'
            f" speaker={quoteattr(clean(q.speaker.text) if q.speaker else '')}"
            f" speakerId={quoteattr(q.speaker_actor_id or '')}"
            f" cue={quoteattr(clean(q.cue.text) if q.cue else '')}"
            f" kind={quoteattr(q.kind)}>{escape(clean(q.text))}</QUOTE>"
            for q in quotes
        )
        parts.append(f"<QUOTES>{items}</QUOTES>")
    return "".join(parts)


def gkg_row(stored: StoredArticle) -> dict[str, str]:
    """The GKG 2.1 columns of one stored article."""
    analysis = stored.analysis
    article = analysis.article
    entities = list(analysis.entities or ())
    persons = [m for m in entities if m.label == "PER"]
    orgs = [m for m in entities if m.label == "ORG"]
    places = [m for m in entities if m.label in ("LOC", "GPE")]
    quotes = sorted([*(analysis.quotes or ()), *(analysis.reported or ())], key=lambda q: q.start)
    date = ""
    if article.published is not None:
        date = article.published.first_day.strftime("%Y%m%d") + "000000"
    document = article.url or article.source or article.id
    common = urlparse(article.url).netloc if article.url else (article.credit or article.source or "")
    row = dict.fromkeys(GKG_COLUMNS, "")
    row.update(
        {
            "GKGRECORDID": article.id,
            "V2.1DATE": date,
            "V2SOURCECOLLECTIONIDENTIFIER": "1",
            "V2SOURCECOMMONNAME": clean(common),
            "V2DOCUMENTIDENTIFIER": clean(document),
            "V1LOCATIONS": _locations(places, enhanced=False),
            "V2ENHANCEDLOCATIONS": _locations(places, enhanced=True),
            "V1PERSONS": _unique(persons),
            "V2ENHANCEDPERSONS": _enhanced(persons),
            "V1ORGANIZATIONS": _unique(orgs),
            "V2ENHANCEDORGANIZATIONS": _enhanced(orgs),
            "V2.1ENHANCEDDATES": _dates(list(analysis.timexes or ())),
            "V2.1QUOTATIONS": _quotations(quotes),
            "V2.1ALLNAMES": _enhanced(entities),
            "V2.1TRANSLATIONINFO": "srclc:deu" if article.language == "de" else f"srclc:{article.language}",
            "V2EXTRASXML": _extras(stored, quotes),
        }
    )
    return row


def write_gdelt(store: Store, out: TextIO) -> int:
    """Write the header and one row per article; returns the number of rows."""
    out.write("\t".join(GKG_COLUMNS) + "\n")
    count = 0
    for stored in iter_stored(store):
        row = gkg_row(stored)
        out.write("\t".join(clean(row[column]) for column in GKG_COLUMNS) + "\n")
        count += 1
    return count
