"""A knowledge base whose article text, title, quotes, speakers, actor names and URL carry HTML and
script payloads (issue #9): every page must show them as text and never run them."""

from __future__ import annotations

from pathlib import Path

from lagebild.records import Actor, Analysis, Article, Event, Mention, Quote
from lagebild.store import open_store

COMPONENT = "test.hostile@0"
HOSTILE_ACTOR = "Q_HOSTILE"
SPEAKER = '<img src=x onerror="alert(5)">Mallory'
ENTITY = "<b class=injected id=inj-entity>Eve</b>"
TEXT = (
    "Regierung <script>alert(1)</script> warnt vor <img src=x onerror=alert(2)> Angriffen.\n\n"
    f"{SPEAKER} sagte: „<svg onload=alert(3)></svg> Die Regierung plant nichts“.\n\n"
    f'Auch {ENTITY} traf die Regierung "><iframe src=javascript:alert(4)></iframe> in Berlin.'
)
TITLE = "Regierung <script>alert('title')</script> <img src=x onerror=alert(6)>"
#: Strings that must never appear unescaped in any page.
RAW = ("<script>alert", "<img src=x", "<svg onload", "<iframe", "<b class=injected")


def _span(article: Article, needle: str) -> tuple[int, int]:
    start = article.text.index(needle)
    return start, start + len(needle)


def build_hostile_kb(db: Path) -> dict[str, str]:
    article = Article.from_text(
        TEXT,
        published="2025-03-04",
        title=TITLE,
        source="<script>alert('source')</script>",
        url="javascript:alert(7)",
        credit="<i>dpa</i>",
    )
    s_start, s_end = _span(article, SPEAKER)
    e_start, e_end = _span(article, ENTITY)
    quote_text = "„<svg onload=alert(3)></svg> Die Regierung plant nichts“"
    q_start, q_end = _span(article, quote_text)
    c_start, c_end = _span(article, "sagte")
    mentions = (
        Mention(article.id, s_start, s_end, SPEAKER, "PER", COMPONENT, HOSTILE_ACTOR, f"{SPEAKER} (linked)"),
        Mention(article.id, e_start, e_end, ENTITY, "PER", COMPONENT),
    )
    quote = Quote(
        article.id,
        q_start,
        q_end,
        quote_text,
        "direct",
        COMPONENT,
        speaker=article.span(s_start, s_end),
        speaker_actor_id=HOSTILE_ACTOR,
        cue=article.span(c_start, c_end),
    )
    t_start, t_end = _span(article, "traf")
    event = Event(
        article.id,
        t_start,
        t_end,
        "traf",
        "CONSULT",
        "actual",
        COMPONENT,
        None,
        HOSTILE_ACTOR,
        article.span(e_start, e_end),
        article.span(s_start, s_end),
    )
    actor = Actor(HOSTILE_ACTOR, f"{SPEAKER} <script>alert(8)</script>", "PER", (ENTITY,), "<b>X</b>", ())
    analysis = Analysis(
        article=article,
        entities=mentions,
        actors=(actor,),
        quotes=(quote,),
        reported=(),
        events=(event,),
        timexes=(),
        components=(COMPONENT,),
    )
    with open_store(str(db)) as store:
        store.add(analysis)
    from lagebild.api.queries import actor_key

    return {"article": article.id, "actor": HOSTILE_ACTOR, "entity": actor_key(ENTITY)}
