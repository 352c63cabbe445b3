"""Link the mentions of a doc to KB actors and places: a pure function over a ``Doc``.

``link_doc(doc, kb, matcher, lexicon, on)`` returns ``Link`` records (token spans with actor id,
name, the way they were linked and a confidence). Steps, in order:

1. name spans: NER entities plus the KB alias matcher's spans (``matcher.py``); where both
   overlap, the one the KB knows wins;
2. each name: person, organisation, state, place or metonym — a metonym or state name is the
   government when it is the agent of its clause ("Der Kreml bestätigte", "Nach Darstellung
   Moskaus", "Die USA sind nicht bereit") and the place after a preposition ("nach Moskau");
3. role prefixes join the name they precede ("US-Präsident Donald Trump": one mention, the role
   confirms the name);
4. government phrases ("Trumps Regierung", "Trump-Regierung", "US-Sicht");
5. role descriptions without a name, resolved by the article date ("der US-Präsident");
6. demonyms ("russischem", "die Amerikaner");
7. references (``coref.py``): pronouns, "sein russischer Amtskollege", "die beiden", "der Präsident";
8. names the KB does not know get ``local:<normalized name>`` ids.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from lagebild.kb import Candidate, KnowledgeBase, Place
from lagebild.kb.base import HOME_COUNTRY
from lagebild.kb.normalize import norm_key, stem_token, strip_articles
from lagebild.link.context import DETERMINERS, POSSESSIVE_FORMS, ClauseRole, DocView
from lagebild.link.lexicon import Lexicon
from lagebild.link.matcher import METONYM, PLACE, AliasMatcher

__all__ = ["CONFIDENCE", "LINK_WAYS", "Link", "link_doc", "normalize_local"]

LINK_WAYS = (
    "name",
    "alias",
    "fuzzy",
    "role-at-date",
    "metonym",
    "demonym",
    "pronoun",
    "description",
    "local",
)

# Confidence per way of linking. Hand-set priors, checked on the seed article (2025-02, 96 gold
# mentions, ``python -m lagebild.link.evaluate``) and the rule tables of tests/link: a full name
# is near certain, a surname alone can be someone else, a metonym or a pronoun depends on a
# reading of the clause that is right most but not all of the time. Candidate scores of the KB
# (``Candidate.score``: 1.0 exact, 0.9 surname, 0.95 inflected, <= 0.9 fuzzy) scale the name ways.
CONFIDENCE = {
    "name": 0.98,
    "role-confirmed": 0.99,  # a name whose preceding role the KB says the person held at the date
    "place": 0.95,  # a place name after a spatial preposition
    "place-bare": 0.85,  # a place name in no telling context
    "state": 0.9,  # a country name read as the state
    "metonym-agent": 0.85,  # Kreml/Moskau/Die USA as subject or source -> government
    "metonym-genitive": 0.8,  # "Nach Darstellung Moskaus"
    "metonym-default": 0.7,  # "Kreml" in no telling context -> government
    "government-phrase": 0.85,  # "Trumps Regierung", "US-Sicht"
    "role-at-date": 0.9,  # one holder on the (day/month) date
    "role-ambiguous": 0.5,  # several holders in the period, none named in the doc: the first
    "role-in-doc": 0.8,  # several holders, the one the doc names elsewhere
    "demonym": 0.9,
    "pronoun": 0.75,
    "pronoun-weak": 0.55,  # a close second candidate
    "description": 0.7,
    "group": 0.6,
    "local": 0.6,
    "doc-alias": 0.8,  # part of a person's name the document gave in full ("Lai" after "Lai Ching-te")
    "ambiguous-name": 0.6,  # several KB actors equally likely
    "foreign-party": 0.5,  # a party of another country by an acronym in German news
}
_NER_LABELS = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "MISC": "MISC"}
_TYPE_LABEL = {"PER": "PER", "ORG": "ORG", "GOV": "ORG", "STATE": "LOC", "MISC": "MISC"}
_SCOPE_ORGS = frozenset({"nato", "eu", "un"})
_NOT_CURRENT = (
    "ehemalig",
    "früher",
    "einstig",
    "damalig",
    "künftig",
    "nächst",
    "designiert",
    "scheidend",
    "abgewählt",
    "voraussichtlich",
    "potenziell",
    "möglich",
)
_INDEFINITE = frozenset({"ein", "eine", "einen", "einem", "einer", "eines", "kein", "keine", "keinen"})
# KB actors that win over a place of the same name: salient organisations and states ("Europa" the
# region beats the Italian party "Europa", prominence 2).
_SALIENT_PROMINENCE = 4


@dataclass
class Link:
    """One mention: tokens ``start:end`` of the doc, linked (or not) to an actor or place id.

    ``kind``: name | role | government | description | demonym | pronoun | group.
    ``alternatives``: other ids when the link is ambiguous (e.g. two holders in a month).
    ``members``: the actors of a group mention ("die beiden"), whose ``actor_id`` is None.
    """

    start: int
    end: int
    label: str
    actor_id: str | None = None
    actor_name: str | None = None
    link: str | None = None
    confidence: float = 0.0
    kind: str = "name"
    alternatives: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    role_key: str | None = None
    subject: bool = False
    gender: str | None = None
    number: str | None = None
    ner: bool = False
    extra: dict[str, str] = field(default_factory=dict)

    def span(self, doc: Doc) -> Span:
        return doc[self.start : self.end]


# Per-text caches of KB calls (the KB is immutable once loaded; news repeat the same words).
@functools.lru_cache(maxsize=100_000)
def _role_key(kb: KnowledgeBase, text: str) -> str | None:
    return kb.role_key(text)


@functools.lru_cache(maxsize=100_000)
def _demonym(kb: KnowledgeBase, text: str) -> str | None:
    return kb.demonym(text)


@functools.lru_cache(maxsize=100_000)
def _lookup(kb: KnowledgeBase, text: str, fuzzy: bool) -> tuple[Candidate, ...]:
    return tuple(kb.lookup(text, fuzzy=fuzzy))


@functools.lru_cache(maxsize=100_000)
def _metonym(kb: KnowledgeBase, text: str) -> str | None:
    return kb.metonym(text)


@functools.lru_cache(maxsize=100_000)
def _places(kb: KnowledgeBase, text: str) -> tuple[Place, ...]:
    return tuple(kb.places(text))


@functools.lru_cache(maxsize=200_000)
def _stem1(text: str) -> str:
    """One token's stem ("Präsidenten" -> "prasident")."""
    return stem_token(norm_key(text))


def _exact_or_genitive(kb: KnowledgeBase, text: str, cands: list[Candidate]) -> bool:
    """Whether a one-word name is a KB key itself or an inflected form of one ("Putins",
    "Amerikanern"), not just a word with the same stem ("Marine" ~ "Marin")."""
    if any(c.score in (1.0, 0.9) or c.how == "fuzzy" for c in cands):
        return True
    key = strip_articles(norm_key(text))
    forms = {key} | {key[: -len(e)] for e in ("s", "es", "n", "en", "ns") if key.endswith(e)}
    if forms & kb._exact.keys():
        return True
    for cand in cands[:3]:  # the last word of one of the actor's names ("Leyen" of "von der Leyen")
        actor = kb.actor(cand.actor_id)
        if forms & {norm_key(n).split(" ")[-1] for n in (actor.name, *actor.aliases)}:
            return True
    return False


def normalize_local(name: str) -> str:
    """The ``local:`` id of a name the KB lacks: its normalized key, words joined by "_"."""
    return "local:" + norm_key(name).replace(" ", "_")


# ------------------------------------------------------------------------------------- entry


def link_doc(
    doc: Doc,
    kb: KnowledgeBase,
    matcher: AliasMatcher | None,
    lex: Lexicon,
    on: str | None,
) -> list[Link]:
    """All mentions of ``doc`` with their links (sorted by position, longer first)."""
    view = DocView(doc, lex)
    linker = _Linker(view, kb, lex, on)
    spans = _name_spans(doc, kb, matcher)
    view.name_tokens = {i for start, end, *_ in spans for i in range(start, end)}
    links = [link for span in spans if (link := linker.name(*span)) is not None]
    linker.prefer_doc_names(links)
    linker.extend_with_roles(links)
    links += linker.government_phrases(links)
    links += linker.role_descriptions(links)
    links += linker.demonyms(links)
    linker.assign_local_ids(links)
    links += linker.local_surnames(links)
    from lagebild.link.coref import resolve_references

    links += resolve_references(view, kb, links, on)
    links.sort(key=lambda x: (x.start, -x.end))
    seen: set[tuple[int, int]] = set()
    unique = []
    for x in links:  # one mention per token range (the first way that linked it)
        if (x.start, x.end) not in seen:
            seen.add((x.start, x.end))
            unique.append(x)
    return unique


# ------------------------------------------------------------------------------- name spans


def _name_spans(
    doc: Doc, kb: KnowledgeBase, matcher: AliasMatcher | None
) -> list[tuple[int, int, str | None, int, bool]]:
    """(start, end, NER label, matcher kinds, from NER) of every name: NER and matcher merged."""
    matches = matcher(doc) if matcher is not None else []
    out: list[tuple[int, int, str | None, int, bool]] = []
    used: set[int] = set()
    for ent in doc.ents:
        label = _NER_LABELS.get(ent.label_)
        if label is None:
            continue
        ent = _trimmed(ent)  # "Marine und" -> "Marine"
        inside = [(n, m) for n, m in enumerate(matches) if m.start < ent.end and ent.start < m.end]
        wider = [
            (n, m)
            for n, m in inside
            if m.start <= ent.start and m.end >= ent.end and len(ent) < m.end - m.start
        ]
        if wider:  # the NER found "Putin", the KB knows "Wladimir Putin"
            n, m = wider[0]
            used.add(n)
            out.append((m.start, m.end, label if m.end == ent.end else None, m.kinds, True))
            continue
        known = bool(_lookup(kb, ent.text, False) or _metonym(kb, ent.text) or _places(kb, ent.text))
        if known or not inside:
            out.append((ent.start, ent.end, label, 0, True))
            used.update(n for n, m in inside if m.start >= ent.start and m.end <= ent.end)
            continue
        # The NER span is longer or shifted ("US-Präsident Donald Trump", "Trumps Regierung"):
        # the KB names inside it are the mentions; the role prefix is added back later.
        for n, m in inside:
            used.add(n)
            keep_label = label if m.end == ent.end else None
            out.append((m.start, m.end, keep_label, m.kinds, True))
    taken = [(s, e) for s, e, *_ in out]
    for n, m in enumerate(matches):
        if n in used or any(m.start < e and s < m.end for s, e in taken):
            continue
        out.append((m.start, m.end, None, m.kinds, False))
    out.sort(key=lambda x: (x[0], x[1]))
    unique: dict[tuple[int, int], tuple[int, int, str | None, int, bool]] = {}
    for item in out:  # one name per range (two KB names inside one NER span can coincide)
        unique.setdefault((item[0], item[1]), item)
    return list(unique.values())


def _trimmed(ent: Span) -> Span:
    """A NER span without trailing lower-case words or punctuation (leading articles stay: "Den
    Haag"; the KB look-ups ignore them anyway)."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while end - start > 1 and (doc[end - 1].is_punct or doc[end - 1].is_lower or doc[end - 1].is_space):
        end -= 1
    return ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label=ent.label_)


# ------------------------------------------------------------------------------- the linker


class _Linker:
    def __init__(self, view: DocView, kb: KnowledgeBase, lex: Lexicon, on: str | None) -> None:
        self.view = view
        self.doc = view.doc
        self.kb = kb
        self.lex = lex
        self.on = on

    # --------------------------------------------------------------------------- names

    def name(self, start: int, end: int, label: str | None, kinds: int, ner: bool) -> Link | None:
        kb = self.kb
        if label == "PER" and not _lookup(kb, self.doc[start:end].text, False):
            # "Außenminister Gideon Saar" from the NER: the name without its role prefix (the
            # prefix is joined again by extend_with_roles)
            while start < end - 1 and (
                self.office_like(start) or self.doc[start].is_lower or self.doc[start].lower_ in DETERMINERS
            ):
                start += 1
        span = self.doc[start:end]
        text = span.text
        cands = list(_lookup(kb, text, ner and len(text) >= 4))
        if cands and label in ("PER", "ORG") and all(c.how == "fuzzy" for c in cands):
            # a misspelling must at least be of the right kind ("Saar" is no Slovenian party)
            wanted = ("PER",) if label == "PER" else ("ORG", "GOV", "MISC")
            cands = [c for c in cands if kb.actor(c.actor_id).type in wanted]
        if len(span) == 1 and cands and not _exact_or_genitive(kb, text, cands):
            cands = []  # "Marine" is not "Marin"/Morocco: one word matches only itself or its genitive
        top = kb.actor(cands[0].actor_id) if cands else None
        metonym = _metonym(kb, text) if (kinds & METONYM or not kinds) else None
        state_name = top is not None and top.type == "STATE"  # whatever label the NER gave
        # places whatever the NER label says, unless the KB is sure of a person or a salient actor:
        # a NER "ORG" on "Europa" must not make it the Italian party "Europa"
        sure_actor = top is not None and (
            top.type == "PER" or self._prominence(top.id) >= _SALIENT_PROMINENCE
        )
        places = self.places(text) if (kinds & PLACE or not sure_actor or state_name) else []
        subject = self.view.is_subject(start, end)
        if len(span) == 1 and not any(c.score in (1.0, 0.9) for c in cands):
            code = _demonym(kb, text)  # "Amerikaner": a demonym, not the stem-equal "Amerika"
            if code:
                link = Link(
                    start,
                    end,
                    "MISC",
                    code,
                    self.display_name(code),
                    "demonym",
                    CONFIDENCE["demonym"],
                    kind="demonym",
                    number="Plur",
                )
                return link
        if top is not None and top.type == "PER" and (label in (None, "PER") or not (places or metonym)):
            return self._actor_link(start, end, cands, subject, ner)
        salient = top is not None and (
            top.type in ("STATE", "GOV") or self._prominence(top.id) >= _SALIENT_PROMINENCE
        )
        if metonym or (places and not (salient and top is not None and top.type != "STATE")):
            place = places[0] if places else None
            clause = self.view.clause_role(start, end)
            if clause.role == "other" and self._prenominal_genitive(start, end):
                clause = ClauseRole("genitive")  # "Washingtons Botschafter", "Moskaus Haltung"
            state = top is not None and top.type == "STATE" and (place is None or place.id == top.id)
            if state and top is not None:
                # the state acts, or is acted on by words ("warnte Russland"): its government; a
                # territory verb ("griff die Ukraine an", "besuchte Polen") keeps the state
                acted_on = clause.role == "object" and not self.view.place_object(clause.verb)
                if (clause.role == "agent" or acted_on) and not self.view.state_action(clause.verb):
                    gov = kb.government_of(top.id)
                    if gov:
                        return self._make(
                            start, end, "ORG", gov, "metonym", CONFIDENCE["metonym-agent"], subject, ner
                        )
                score = cands[0].score
                conf = CONFIDENCE["state"] if score >= 0.9 else CONFIDENCE["state"] * score
                return self._make(start, end, "LOC", top.id, cands[0].how, conf, subject, ner)
            if clause.role == "object" and self.view.place_object(clause.verb):
                clause = ClauseRole("place")
            if clause.role == "object" and not metonym:
                clause = ClauseRole("other")
            if clause.role == "object" and place is not None and place.kind == "landmark":
                clause = ClauseRole("other")  # "besuchte den Kreml" is decided below as before
            if metonym and clause.role in ("agent", "genitive", "object"):
                conf = CONFIDENCE["metonym-genitive" if clause.role == "genitive" else "metonym-agent"]
                return self._make(start, end, "ORG", metonym, "metonym", conf, subject, ner)
            # a city is a place unless it acts; a building (Kreml, Weißes Haus) is the institution
            # unless a preposition makes it the place ("im Weißen Haus")
            if place is not None and (clause.role == "place" or not metonym or place.kind != "landmark"):
                how = "name" if norm_key(text) == norm_key(place.name) else "alias"
                conf = CONFIDENCE["place" if clause.role == "place" else "place-bare"]
                return self._make(start, end, "LOC", place.id, how, conf, subject, ner, name=place.name_en)
            if metonym:
                return self._make(
                    start, end, "ORG", metonym, "metonym", CONFIDENCE["metonym-default"], subject, ner
                )
        if cands:
            return self._actor_link(start, end, cands, subject, ner)
        if label is None:
            return None
        link = Link(start, end, label, None, None, None, 0.0, subject=subject, ner=ner)
        if label == "PER":
            link.gender, link.number = self._person_gender(text, start, end), "Sing"
        else:
            link.gender, link.number = self._org_features(start, end)
        return link

    def _actor_link(self, start: int, end: int, cands: list[Candidate], subject: bool, ner: bool) -> Link:
        best = cands[0]
        ties = [c.actor_id for c in cands[1:] if c.score >= best.score]
        actor = self.kb.actor(best.actor_id)
        conf = CONFIDENCE["name"] if best.how == "name" else CONFIDENCE["name"] * best.score
        if best.how == "alias" and best.score >= 1.0:
            conf = 0.95
        if ties and not (
            actor.country == HOME_COUNTRY and all(self.kb.actor(t).country != HOME_COUNTRY for t in ties)
        ):
            conf = min(conf, CONFIDENCE["ambiguous-name"])  # a German actor beats foreign namesakes
        if actor.id.startswith("party:") and not actor.id.startswith(f"party:{HOME_COUNTRY}:"):
            conf = min(conf, CONFIDENCE["foreign-party"])  # "CDU": the KB knows only the Portuguese one
        link = self._make(
            start, end, _TYPE_LABEL.get(actor.type, "MISC"), actor.id, best.how, round(conf, 3), subject, ner
        )
        link.alternatives = tuple(ties)
        if actor.type == "PER":
            link.gender = self._person_gender(actor.name, start, end)
            link.number = "Sing"
        else:
            link.gender, link.number = self._org_features(start, end)
        return link

    def _make(
        self,
        start: int,
        end: int,
        label: str,
        target: str,
        how: str,
        conf: float,
        subject: bool,
        ner: bool,
        name: str | None = None,
    ) -> Link:
        link = Link(start, end, label, target, name or self.display_name(target), how, round(conf, 3))
        link.subject, link.ner = subject, ner
        if label != "PER":
            link.gender, link.number = self._org_features(start, end)
        return link

    def display_name(self, target: str) -> str | None:
        if self.kb.has_actor(target):
            return self.kb.actor(target).name
        place = self.kb.place_by_id(target)
        if place is not None:
            return place.name_en or place.name
        return None

    def _prenominal_genitive(self, start: int, end: int) -> bool:
        """A genitive name before a noun: "Moskaus Haltung" (not "Paris Hilton": "Pari" is no name)."""
        text = self.view.texts[end - 1]
        k = self.view.next(end - 1)
        if not text.endswith("s") or k is None or k in self.view.name_tokens:
            return False
        if not self.view.texts[k][:1].isupper():
            return False
        base = strip_articles(norm_key(self.doc[start:end].text[:-1]))
        return base in self.kb._place_exact or base in self.kb._metonyms

    def places(self, text: str) -> list[Place]:
        """KB places of a name; one-word names only by their key or its genitive ("Moskaus"): the
        KB's stem fallback would read "Élysée" as the English town Ely."""
        full = norm_key(text)
        key = strip_articles(full)
        exact = self.kb._place_exact
        if (
            " " in key
            or key in exact
            or full in exact  # "Den Haag"
            or any(key.endswith(e) and key[: -len(e)] in exact for e in ("s", "es"))
        ):
            return list(_places(self.kb, text))
        return []

    def _prominence(self, actor_id: str) -> int:
        return int(self.kb._raw.get(actor_id, {}).get("prominence", 0))

    def prefer_doc_names(self, links: list[Link]) -> None:
        """A surname shared by several KB persons goes to the one the doc names in full."""
        full = {x.actor_id for x in links if x.link == "name" and x.actor_id}
        for x in links:
            if x.alternatives and x.actor_id not in full:
                for alt in x.alternatives:
                    if alt in full:
                        x.alternatives = (x.actor_id or "", *[a for a in x.alternatives if a != alt])
                        x.actor_id, x.actor_name = alt, self.display_name(alt)
                        x.confidence = CONFIDENCE["role-in-doc"]
                        break
            elif x.alternatives and x.actor_id in full:
                x.confidence = CONFIDENCE["role-in-doc"]

    # --------------------------------------------------------------------------- features

    def _person_gender(self, name: str, start: int, end: int) -> str | None:
        # a listed given name beats the model's morphology, which often guesses Masc for a
        # feminine name ("Julia Klöckner", trained pipeline of 2026-11-25)
        first = name.split(" ")[0].lower()
        if first in self.lex.female_names:
            return "Fem"
        if first in self.lex.male_names:
            return "Masc"
        for token in self.doc[start:end]:
            feats = self.view.morph_features(token)
            if len(feats.gender) == 1 and token.pos_ == "PROPN":
                return next(iter(feats.gender))
        first = name.split(" ")[0]
        return self.lex.given_name_gender(first) or self.lex.given_name_gender(self.doc[start].text)

    def _org_features(self, start: int, end: int) -> tuple[str | None, str | None]:
        key = norm_key(self.doc[start:end].text)
        table = self.lex.org_gender_keys
        for k in (key, key.split(" ")[-1]):
            grammatical = table.get(k) or table.get(stem_token(k))
            if grammatical:
                return (None, "Plur") if grammatical == "Plur" else (grammatical, "Sing")
        feats = self.view.morph_features(self.doc[end - 1])
        gender = next(iter(feats.gender)) if len(feats.gender) == 1 else None
        number = next(iter(feats.number)) if len(feats.number) == 1 else None
        return gender, number

    # --------------------------------------------------------------------------- roles

    def role_of_token(self, i: int) -> str | None:
        """Role key an office token names by itself ("US-Präsident", "Kremlsprecher"), cached."""
        text = self.doc[i].text
        if not text[:1].isupper() or len(text) < 4:
            return None
        return _role_key(self.kb, text)

    def office_like(self, i: int) -> bool:
        token = self.doc[i]
        if not token.text[:1].isupper():
            return False
        stem = _stem1(token.text)
        return (
            stem in self.lex.anaphoric_stems
            or stem in self.lex.counterpart_stems
            or stem in self.kb._offices  # an office noun whose scope comes from a qualifier
            or self.role_of_token(i) is not None
        )

    def qualifiers_before(self, i: int, links: Iterable[Link]) -> int:
        """Start of the qualifiers before token ``i``: demonym adjectives and a genitive possessor
        ("russischem Präsidenten", "Trumps Vize"); determiners and possessives are left out."""
        start = i
        j = self.view.prev(i)
        # a genitive possessor: a person ("Trumps Vize") or a state ("Chinas Staatschef")
        by_end = {x.end: x for x in links if x.label in ("PER", "LOC", "ORG") and x.kind == "name"}
        while j is not None:
            token = self.doc[j]
            if token.lower_ in DETERMINERS or token.lower_ in POSSESSIVE_FORMS:
                break
            if token.text.islower() and token.is_alpha and _demonym(self.kb, token.text):
                start = j
            elif j + 1 in by_end and token.text.endswith("s"):
                start = by_end[j + 1].start
                break
            elif (
                token.text.islower()
                and token.is_alpha
                and token.text.endswith(("en", "em", "er", "e", "es"))
                and start != i
            ):
                start = j  # another adjective between demonym and office ("neuen russischen")
            else:
                break
            j = self.view.prev(start)
        return start

    def extend_with_roles(self, links: list[Link]) -> None:
        """Join role prefixes to the person names they precede; the role confirms the link."""
        for x in links:
            if x.label != "PER" or x.kind != "name":
                continue
            j = self.view.prev(x.start)
            if j is None or not self.office_like(j):
                continue
            office_start = j
            k = self.view.prev(j)
            while k is not None and self.office_like(k):  # "Präsident Außenminister"? rare; stops at two
                office_start = k
                break
            start = self.qualifiers_before(office_start, links)
            phrase = self.doc[start : j + 1].text
            key = _role_key(self.kb, phrase)
            x.role_key = key
            x.subject = x.subject or self.view.is_subject(start, x.end)
            if any(t.is_lower for t in self.doc[start:office_start]):
                # "russischem Präsidenten Wladimir Putin": a noun phrase with the name in apposition;
                # the mention stays the name, the phrase only confirms it (and is no second mention)
                x.extra["prefix_start"] = str(start)
            else:
                # a title ("US-Präsident Donald Trump", "Trumps Vize J.D. Vance"): one mention
                x.extra["name_start"] = str(x.start)
                x.start = start
            if (
                key
                and self.on
                and x.actor_id
                and any(a.id == x.actor_id for a in self.kb.holders(key, self.on))
            ):
                x.confidence = max(x.confidence, CONFIDENCE["role-confirmed"])
                x.alternatives = ()
            if self.doc[j].text.endswith("in") and x.gender is None:
                x.gender = "Fem"

    def _singular_article(self, start: int) -> bool:
        """The article before a phrase marks it singular: "dem/des …", or "den/der …" tagged
        singular ("den ukrainischen Präsidenten": the weak noun's form is also the plural's)."""
        d = self.view.prev(start)
        if d is None:
            return False
        article = self.doc[d]
        if article.lower_ in ("dem", "des"):
            return True
        return article.lower_ in ("den", "der") and "Sing" in article.morph.get("Number", [])

    def role_descriptions(self, links: list[Link]) -> list[Link]:
        """Office phrases without a name ("der US-Präsident", "Kremlsprecher") -> holder at the date."""
        covered = _covered(links, kinds=("name", "government"))
        out: list[Link] = []
        doc = self.doc
        for i, text in enumerate(self.view.texts):
            if i in covered or not text[:1].isupper():
                continue
            token = doc[i]
            if not self.office_like(i):
                continue
            start = self.qualifiers_before(i, links)
            if (
                self.view.has_morph
                and "Plur" in token.morph.get("Number", [])
                and not self._singular_article(start)
            ):
                continue  # "Präsidenten" is also a plural: the article decides where it can
            end = i + 1
            key = _role_key(self.kb, doc[start:end].text)
            # a following genitive qualifier: "Sprecher des Weißen Hauses", "Präsident der USA"
            k = self.view.next(i)
            if k is not None and doc[k].lower_ in ("des", "der") and (key is None or key.endswith(":DEU")):
                for stop in range(k + 2, min(k + 4, len(doc)) + 1):
                    longer = _role_key(self.kb, doc[start:stop].text)
                    if longer and longer != key:
                        key, end = longer, stop
                        break
            if key is None:
                continue  # unqualified: coref.py reads it as an anaphor ("der Präsident")
            d = self.view.prev(start)
            if d is not None and doc[d].lower_ in _INDEFINITE:
                continue  # "ein Kanzler", "einen Präsidenten": nobody in particular
            if not self._current(start, i, d):
                continue  # "nächster Kanzler", "Ex-Präsident": not the holder at the date
            if d is not None and doc[d].lower_ == "die" and not token.text.endswith(("in", "e")):
                continue  # "die Außenminister": plural (feminine forms end in -in)
            det_start = d if d is not None and doc[d].lower_ in DETERMINERS else start
            link = self._role_link(det_start, end, key, links)
            if link is not None and link.actor_id:
                out.append(link)
                covered.update(range(det_start, end))
        return out

    def _current(self, start: int, i: int, d: int | None) -> bool:
        """False for former/future office holders: "Ex-Kanzler", "künftiger Kanzler"."""
        low = self.doc[i].lower_
        if low.startswith(("ex-", "alt", "vize-")) and not low.startswith("alten"):
            return False
        words = [t.lower_ for t in self.doc[start:i]] + ([self.doc[d].lower_] if d is not None else [])
        return not any(w.startswith(_NOT_CURRENT) for w in words)

    def _role_link(self, start: int, end: int, key: str, links: list[Link]) -> Link | None:
        subject = self.view.is_subject(start, end)
        if not self.on:
            return Link(start, end, "PER", None, None, None, 0.0, kind="role", role_key=key, subject=subject)
        holders = self.kb.holders(key, self.on)
        if not holders:
            return Link(start, end, "PER", None, None, None, 0.0, kind="role", role_key=key, subject=subject)
        named = {x.actor_id for x in links if x.actor_id}
        chosen = holders[0]
        conf = CONFIDENCE["role-at-date"]
        if len(holders) > 1:
            in_doc = [a for a in holders if a.id in named]
            chosen = in_doc[0] if in_doc else holders[0]
            conf = CONFIDENCE["role-in-doc"] if in_doc else CONFIDENCE["role-ambiguous"]
        link = Link(
            start,
            end,
            _TYPE_LABEL.get(chosen.type, "PER"),
            chosen.id,
            chosen.name,
            "role-at-date",
            conf,
            kind="role",
            role_key=key,
            subject=subject,
        )
        link.alternatives = tuple(a.id for a in holders if a.id != chosen.id)
        link.gender = self._person_gender(chosen.name, start, end)
        if self.doc[end - 1].text.endswith("in"):
            link.gender = "Fem"
        link.number = "Sing"
        return link

    # --------------------------------------------------------------------------- governments

    def scope_of(self, text: str) -> str | None:
        """ISO3 or organisation id a qualifier names: "US", "Trump", "Kreml", "russische"."""
        kb = self.kb
        for cand in kb.lookup(text, fuzzy=False)[:1]:
            actor = kb.actor(cand.actor_id)
            if actor.type == "STATE" or actor.id in _SCOPE_ORGS:
                return actor.id
            return actor.country
        metonym = kb.metonym(text)
        if metonym and kb.has_actor(metonym):
            return kb.actor(metonym).country
        code = kb.demonym(text)
        if code and len(code) == 3 and code.isupper():
            return code
        place = kb.place(text)
        return place.country if place is not None else None

    def _government(self, scope: str | None) -> str | None:
        if scope is None:
            return None
        if scope in _SCOPE_ORGS:
            return scope
        return self.kb.government_of(scope)

    def government_phrases(self, links: list[Link]) -> list[Link]:
        """ "Trumps Regierung", "Trump-Regierung", "russische Regierung", "Regierung in Kiew",
        "US-Sicht" -> the government (or organisation) they name."""
        doc = self.doc
        out: list[Link] = []
        gov_words = self.lex.government_stems
        view_words = self.lex.perspective_stems
        names = {x.end: x for x in links if x.kind == "name" and x.actor_id}
        after = {x.start: x for x in links if x.kind == "name" and x.actor_id}
        for i, text in enumerate(self.view.texts):
            if not text[:1].isupper() or ("-" not in text and _stem1(text) not in gov_words):
                continue
            token = doc[i]
            parts = norm_key(token.text).split("-")
            head = _stem1(parts[-1])
            gov: str | None = None
            start, end = i, i + 1
            if len(parts) > 1 and (head in gov_words or head in view_words):
                gov = self._government(self.scope_of(token.text.rsplit("-", 1)[0]))
            elif len(parts) == 1 and head in gov_words:
                j = self.view.prev(i)
                if j is not None and j + 1 in names and doc[j].text.endswith("s"):
                    possessor = names[j + 1]  # "Trumps Regierung"
                    gov = self._government(self.scope_of(doc[possessor.start : possessor.end].text))
                    start = possessor.start
                elif j is not None and doc[j].is_lower and doc[j].is_alpha and _demonym(self.kb, doc[j].text):
                    gov = self._government(_demonym(self.kb, doc[j].text))  # "russische Regierung"
                    start = j
                else:
                    k = self.view.next(i)
                    if k is not None and doc[k].lower_ in ("in", "der", "des") and k + 1 in after:
                        target = after[k + 1]  # "Regierung in Kiew", "Regierung der USA"
                        gov = self._government(self.scope_of(doc[target.start : target.end].text))
                        end = target.end
            if gov and self.kb.has_actor(gov):
                link = self._make(
                    start,
                    end,
                    "ORG",
                    gov,
                    "metonym",
                    CONFIDENCE["government-phrase"],
                    self.view.is_subject(start, end),
                    False,
                )
                link.kind = "government"
                link.gender, link.number = ("Fem", "Sing") if head in gov_words else (None, None)
                out.append(link)
        return out

    # --------------------------------------------------------------------------- demonyms

    def demonyms(self, links: list[Link]) -> list[Link]:
        """Nationality adjectives and nouns: "russischem" -> RUS, "die Amerikaner" -> USA."""
        blocked = _covered([x for x in links if x.kind == "name" and x.label in ("ORG", "MISC", "LOC")])
        out: list[Link] = []
        for i, text in enumerate(self.view.texts):
            if i in blocked or len(text) < 5 or not text.replace("-", "").isalpha():
                continue
            code = _demonym(self.kb, text)
            if not code:
                continue
            if not text.islower() and self.places(text):
                continue
            conf = (
                CONFIDENCE["demonym"]
                if not ("sprachig" in text.lower() or "stämmig" in text.lower())
                else 0.8
            )
            link = Link(i, i + 1, "MISC", code, self.display_name(code), "demonym", conf, kind="demonym")
            out.append(link)
        return out

    # --------------------------------------------------------------------------- local ids

    def _name_text(self, x: Link) -> str:
        return self.doc[int(x.extra.get("name_start", x.start)) : x.end].text  # without a role prefix

    def assign_local_ids(self, links: list[Link]) -> None:
        """Persons and organisations the KB lacks: ``local:<normalized name>``; a later surname
        joins the full name. Places the KB lacks stay unlinked (they are no actors)."""
        full: dict[str, str] = {}
        known: list[tuple[set[str], Link]] = []  # words of the KB-linked person names of the doc
        for x in links:
            if x.actor_id and x.label == "PER" and x.kind == "name":
                known.append(({stem_token(w) for w in norm_key(self._name_text(x)).split(" ")}, x))
        for x in sorted(links, key=lambda y: y.start):
            text = self._name_text(x)
            words = norm_key(text).split(" ")
            if x.actor_id or x.kind != "name" or x.label not in ("PER", "ORG"):
                continue
            part_of = [
                y for names, y in known if x.label == "PER" and {stem_token(w) for w in words} <= names
            ]
            if part_of:  # "Lai" and "Lai Ching-te": part of a name the document gives in full
                x.actor_id, x.actor_name = part_of[-1].actor_id, part_of[-1].actor_name
                x.link, x.confidence = "alias", CONFIDENCE["doc-alias"]
                continue
            last = stem_token(words[-1]) if words and words[-1] else ""
            if x.label == "PER" and len(words) == 1 and last in full:
                x.actor_id = full[last]
            else:
                x.actor_id = normalize_local(text)
                if x.label == "PER" and len(words) > 1:
                    full[last] = x.actor_id
            x.actor_name = text if not x.actor_name else x.actor_name
            x.link = "local"
            x.confidence = CONFIDENCE["local"]

    def local_surnames(self, links: list[Link]) -> list[Link]:
        """A later surname alone of a person the KB lacks ("Hinrichsen" after "Petra
        Hinrichsen"), when the NER did not mark it: the local id of the full name."""
        full: dict[str, Link] = {}
        for x in links:
            words = self._name_text(x).split(" ")
            if x.link == "local" and x.label == "PER" and len(words) > 1 and words[-1][:1].isupper():
                full.setdefault(words[-1], x)
        if not full:
            return []
        taken = _covered(links)
        out = []
        for i, text in enumerate(self.view.texts):
            name = text[:-1] if text.endswith("s") and text[:-1] in full else text
            owner = full.get(name)
            if owner is None or i in taken or i < owner.end:
                continue
            out.append(
                Link(
                    i,
                    i + 1,
                    "PER",
                    owner.actor_id,
                    owner.actor_name,
                    "local",
                    CONFIDENCE["doc-alias"],
                    subject=self.view.is_subject(i, i + 1),
                    gender=owner.gender,
                    number="Sing",
                )
            )
        return out


def covered_range(x: Link) -> range:
    """Tokens a link accounts for: its span plus a role phrase that confirmed it."""
    return range(int(x.extra.get("prefix_start", x.start)), x.end)


def _covered(links: Iterable[Link], kinds: tuple[str, ...] | None = None) -> set[int]:
    out: set[int] = set()
    for x in links:
        if kinds is None or x.kind in kinds:
            out.update(covered_range(x))
    return out
