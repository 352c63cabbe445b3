"""In-document references: pronouns, counterpart and group descriptions, bare office nouns.

What German news needs, no more: "er"/"sie"/"ihm"/"ihn"/"ihr"/"ihnen" to the most salient
compatible antecedent (same or up to ``WINDOW`` previous sentences; subjects first, then the
most recent), "sein russischer Amtskollege" to the holder of the possessor's office in Russia,
"die beiden" to the last two persons, "der Präsident" to the last person holding that office.
Gender and number come from the model's morphology when present, else from the pronoun lexicon
and a given-name list (``data/linking.yaml``).
"""

from __future__ import annotations

from collections.abc import Sequence

from lagebild.kb import KnowledgeBase
from lagebild.link.context import DETERMINERS, POSSESSIVE_FORMS, DocView
from lagebild.link.lexicon import Features
from lagebild.link.resolve import CONFIDENCE, Link, _stem1, covered_range

__all__ = ["WINDOW", "resolve_references"]

# Sentences back in which an antecedent is searched (news: a pronoun's person is named in the
# same or one of the previous three sentences in the seed and sample articles).
WINDOW = 3
# Salience: each sentence back costs 1, a subject antecedent gains SUBJECT_BONUS, a person
# PERSON_BONUS (news pronouns are persons); MARGIN separates a clear winner from a close call.
SUBJECT_BONUS = 0.6
PERSON_BONUS = 0.3
MARGIN = 0.5
# next to a verb of saying ("sagte sie") the pronoun is a person: worth more than one sentence back
SPEECH_PERSON_BONUS = 1.3
_GENERIC_HEADS = ("president", "chancellor", "prime_minister")


def resolve_references(view: DocView, kb: KnowledgeBase, links: Sequence[Link], on: str | None) -> list[Link]:
    """Links for pronouns and descriptions of ``view.doc`` referring to the entities in ``links``."""
    doc = view.doc
    lex = view.lex
    taken: set[int] = set()
    for x in links:
        taken.update(covered_range(x))
    chain: list[Link] = [x for x in links if x.actor_id and x.kind != "demonym"]
    out: list[Link] = []
    counterparts = lex.counterpart_stems
    anaphoric = lex.anaphoric_stems
    for i, text in enumerate(view.texts):
        low = view.lowers[i]
        if i in taken or not (low in lex.pronouns or low in lex.group_words or text[:1].isupper()):
            continue
        token = doc[i]
        found: Link | None = None
        if low in lex.pronouns and _is_personal(view, i):
            found = _pronoun(view, i, lex.pronouns[low], chain)
        elif low in lex.group_words and _after_die(view, i):
            found = _group(view, i, chain)
        elif token.text[:1].isupper():
            stem = _stem1(token.text)
            if stem in counterparts:
                found = _counterpart(view, kb, i, chain, on)
            elif _former_office(stem, anaphoric):
                k = view.next(i)
                if k is None or not doc[k].text[:1].isupper():
                    office = anaphoric[_former_office(stem, anaphoric) or ""]
                    found = _anaphoric_office(view, kb, i, office, chain, on, former=True)
            elif _person_noun(token.text) is not None:
                k = view.next(i)
                if k is None or not doc[k].text[:1].isupper():  # not "SPD-Politiker Lars Klingbeil"
                    found = _described_person(view, i, _person_noun(token.text), chain)
            elif stem in anaphoric:
                k = view.next(i)
                if k is None or not doc[k].text[:1].isupper():  # not "Präsident Macron" (a name follows)
                    found = _anaphoric_office(view, kb, i, anaphoric[stem], chain, on)
            elif stem in lex.government_stems:
                found = _own_government(view, kb, i, chain)
        if found is not None:
            out.append(found)
            chain.append(found)
            taken.update(range(found.start, found.end))
    return out


def _next_to_speech_verb(view: DocView, i: int) -> bool:
    for j in (view.prev(i), view.next(i)):
        if j is not None and view.lowers[j].startswith(view.lex.speech_verbs):
            return True
    return False


def _after_die(view: DocView, i: int) -> bool:
    j = view.prev(i)
    return j is not None and view.doc[j].lower_ == "die"


def _is_personal(view: DocView, i: int) -> bool:
    """Skip the polite "Sie" and the possessive/plural-address uses of "ihr"."""
    token = view.doc[i]
    if token.text == "Sie" and view.prev(i) is not None:
        return False
    if token.pos_ in ("DET",):
        return False
    if token.lower_ == "ihr":
        k = view.next(i)
        if k is None:
            return True
        nxt = view.doc[k]
        if (
            nxt.text[:1].isupper()
            or nxt.text[:1].isdigit()
            or (nxt.is_lower and nxt.text.endswith(("e", "en", "em", "er", "es")))
        ):
            return False  # "ihr Pfad", "ihr neues Programm", "ihr 17. Sanktionspaket"
    return True


def _pronoun(view: DocView, i: int, lexical: Features, chain: Sequence[Link]) -> Link | None:
    feats = view.morph_features(view.doc[i])
    gender = feats.gender or lexical.gender
    number = feats.number or lexical.number
    wanted = Features(gender, number)
    # "sie" for an organisation only as a subject ("Sie will entscheiden", "wie sie sich vorstellt"):
    # an object "sie" is mostly a thing ("stehle Hilfsgüter und verkaufe sie weiter")
    pron_subject = view.is_subject(i, i + 1) if view.parsed else view.clause_initial(i)
    person_bonus = SPEECH_PERSON_BONUS if _next_to_speech_verb(view, i) else PERSON_BONUS
    scored: list[tuple[float, Link]] = []
    for x in chain:
        if x.start >= i or view.sent[i] - view.sent[x.start] > WINDOW:
            continue
        if x.label not in ("PER", "ORG") and not (x.members and "Plur" in number):
            continue
        if x.label != "PER" and "Masc" in gender and "Fem" not in gender:
            continue  # "er" refers to persons here (the Kreml is masculine but news says "der Kreml" again)
        if x.label != "PER" and not x.members and not pron_subject:
            continue
        if x.members:
            cand = Features(frozenset(), frozenset({"Plur"}))
        else:
            cand = Features(
                frozenset({x.gender}) if x.gender else frozenset(),
                frozenset({x.number}) if x.number else frozenset(),
            )
        if not wanted.compatible(cand):
            continue
        if x.label == "PER" and x.gender is None and "Fem" in gender and "Masc" not in gender:
            continue  # a person of unknown gender is no antecedent of "sie" (mostly plural/org)
        distance = view.sent[i] - view.sent[x.start]
        score = (
            -float(distance)
            + (SUBJECT_BONUS if x.subject else 0.0)
            + (person_bonus if x.label == "PER" else 0.0)
        )
        score += x.start / 100000.0  # later mentions win ties
        scored.append((score, x))
    if not scored:
        return None
    scored.sort(key=lambda s: -s[0])
    best = scored[0][1]
    close = (
        len(scored) > 1 and scored[0][0] - scored[1][0] < MARGIN and scored[1][1].actor_id != best.actor_id
    )
    conf = CONFIDENCE["pronoun-weak" if close else "pronoun"]
    link = Link(
        i,
        i + 1,
        best.label,
        best.actor_id,
        best.actor_name,
        "pronoun",
        conf,
        kind="pronoun",
        members=best.members,
        gender=best.gender,
        number=best.number,
        subject=view.is_subject(i, i + 1),
    )
    if close:
        link.alternatives = (scored[1][1].actor_id or "",)
    return link


def _group(view: DocView, i: int, chain: Sequence[Link]) -> Link | None:
    """ "die beiden": the two most recent persons within the window."""
    found: list[Link] = []
    for x in sorted(chain, key=lambda y: -y.start):
        if x.start >= i or view.sent[i] - view.sent[x.start] > WINDOW:
            continue
        if x.label == "PER" and x.actor_id and x.actor_id not in {f.actor_id for f in found}:
            found.append(x)
        if len(found) == 2:
            break
    if len(found) < 2:
        return None
    found.sort(key=lambda y: y.start)  # in the order the text names them
    start = view.prev(i) or i
    return Link(
        start,
        i + 1,
        "PER",
        None,
        " und ".join(x.actor_name or "" for x in found),
        "description",
        CONFIDENCE["group"],
        kind="group",
        members=tuple(x.actor_id or "" for x in found),
        number="Plur",
        subject=view.is_subject(start, i + 1),
    )


def _possessor(view: DocView, i: int, chain: Sequence[Link]) -> tuple[int, Link | None]:
    """Start of "sein(em) russischen" before a noun and the person the possessive refers to."""
    doc = view.doc
    j = view.prev(i)
    start = i
    while j is not None and doc[j].is_lower and doc[j].lower_ not in POSSESSIVE_FORMS and i - j <= 3:
        start = j
        j = view.prev(j)
    if j is None or doc[j].lower_ not in POSSESSIVE_FORMS:
        return start, None
    stem = POSSESSIVE_FORMS[doc[j].lower_]
    feats = view.lex.possessives[stem]
    return start, _pronoun(view, j, feats, chain)


def _own_government(view: DocView, kb: KnowledgeBase, i: int, chain: Sequence[Link]) -> Link | None:
    """ "Seine Regierung" (Tusk's): the government of the possessor's country."""
    j = view.prev(i)
    if j is None or view.lowers[j] not in POSSESSIVE_FORMS:
        return None
    owner = _pronoun(view, j, view.lex.possessives[POSSESSIVE_FORMS[view.lowers[j]]], chain)
    if owner is None or owner.label != "PER" or not owner.actor_id or not kb.has_actor(owner.actor_id):
        return None
    country = kb.actor(owner.actor_id).country
    gov = kb.government_of(country) if country else None
    if gov is None:
        return None
    return Link(
        j,
        i + 1,
        "ORG",
        gov,
        kb.actor(gov).name,
        "description",
        CONFIDENCE["description"],
        kind="description",
        gender="Fem",
        number="Sing",
        subject=view.is_subject(j, i + 1),
    )


def _counterpart(
    view: DocView, kb: KnowledgeBase, i: int, chain: Sequence[Link], on: str | None
) -> Link | None:
    """ "sein russischer Amtskollege": the possessor's office, held in the adjective's country."""
    if not on:
        return None
    start, owner = _possessor(view, i, chain)
    if owner is None or owner.actor_id is None or not kb.has_actor(owner.actor_id):
        return None
    scope = None
    for token in view.doc[start:i]:
        code = kb.demonym(token.text)
        if code and len(code) == 3 and code.isupper():
            scope = code
    if scope is None:
        return None
    for role in kb.roles_at(owner.actor_id, on):
        keys = [f"{role.office}:{scope}"]
        if role.office in _GENERIC_HEADS:
            keys += [f"head_of_state:{scope}", f"head_of_government:{scope}"]
        for key in keys:
            holders = kb.holders(key, on)
            if holders:
                chosen = holders[0]
                return Link(
                    start,
                    i + 1,
                    "PER",
                    chosen.id,
                    chosen.name,
                    "description",
                    CONFIDENCE["description"],
                    kind="description",
                    role_key=key,
                    gender=None,
                    number="Sing",
                    alternatives=tuple(a.id for a in holders[1:]),
                    subject=view.is_subject(start, i + 1),
                )
    return None


# "Altkanzler", "Ex-Präsident": a former holder of the office (stems of lagebild/link/data).
_FORMER_PREFIXES = ("ex-", "ex", "alt")
# "die CDU-Politikerin", "der Politiker": a person named shortly before (issue #5 development set:
# "Julia Klöckner … Die CDU-Politikerin"); the party prefix is not checked (the KB has no party
# membership), the grammatical gender is.
_PERSON_NOUNS = {"politiker": "Masc", "politikerin": "Fem"}


def _former_office(stem: str, anaphoric: dict[str, str]) -> str | None:
    for prefix in _FORMER_PREFIXES:
        if stem.startswith(prefix) and stem[len(prefix) :] in anaphoric:
            return stem[len(prefix) :]
    return None


def _person_noun(text: str) -> str | None:
    return _PERSON_NOUNS.get(text.split("-")[-1].lower())


def _described_person(view: DocView, i: int, gender: str | None, chain: Sequence[Link]) -> Link | None:
    doc = view.doc
    d = view.prev(i)
    if d is None or doc[d].lower_ not in ("der", "die", "dem", "den", "des"):
        return None  # "ein Politiker" is nobody in particular
    for x in sorted(chain, key=lambda y: -y.start):
        if x.start >= i or view.sent[i] - view.sent[x.start] > WINDOW:
            continue
        if x.label != "PER" or not x.actor_id or x.members:
            continue
        if gender and x.gender and x.gender != gender:
            continue
        return Link(
            d,
            i + 1,
            "PER",
            x.actor_id,
            x.actor_name,
            "description",
            CONFIDENCE["description"],
            kind="description",
            gender=x.gender or gender,
            number="Sing",
            subject=view.is_subject(d, i + 1),
        )
    return None


def _anaphoric_office(
    view: DocView,
    kb: KnowledgeBase,
    i: int,
    office: str,
    chain: Sequence[Link],
    on: str | None,
    *,
    former: bool = False,
) -> Link | None:
    """ "der Präsident" (no country): the last person of the document holding such an office;
    with ``former`` ("der Altkanzler") the last person who held it before the date."""
    doc = view.doc
    d = view.prev(i)
    if d is None or doc[d].lower_ not in DETERMINERS or doc[d].lower_.startswith("ein"):
        return None  # "ein Kanzler" is nobody in particular
    for x in sorted(chain, key=lambda y: -y.start):
        if x.start >= i or view.sent[i] - view.sent[x.start] > WINDOW or x.label != "PER" or not x.actor_id:
            continue
        if not kb.has_actor(x.actor_id):
            continue
        if former:
            roles = [
                r for r in kb.actor(x.actor_id).roles if r.end and (on is None or r.end[: len(on)] <= on)
            ]
        else:
            roles = kb.roles_at(x.actor_id, on) if on else list(kb.actor(x.actor_id).roles)
        if any(r.office == office or (office.startswith("_") and r.office.endswith(office)) for r in roles):
            return Link(
                d,
                i + 1,
                "PER",
                x.actor_id,
                x.actor_name,
                "description",
                CONFIDENCE["description"],
                kind="description",
                gender=x.gender,
                number="Sing",
                subject=view.is_subject(d, i + 1),
            )
    return None
