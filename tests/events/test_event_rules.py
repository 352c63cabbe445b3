"""Rule tests for lagebild.events.extract.find_events on hand-built Docs (no model needed)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from spacy.tokens import Doc

from lagebild.events import PLOVER_TYPES, find_events, load_lexicon
from lagebild.events.extract import Found
from lagebild.events.lexicon import verb_forms

Make = Callable[..., Doc]


def summary(events: Sequence[Found]) -> list[tuple[str, str, str | None, str | None]]:
    return [
        (e.type, e.mode, e.source.actor_id if e.source else None, e.target.actor_id if e.target else None)
        for e in events
    ]


def test_phone_call_subject_and_mit_object(make: Make) -> None:
    # Trump hat mit Putin telefoniert .
    doc = make(
        ["Trump", "hat", "mit", "Putin", "telefoniert", "."],
        heads=[4, 4, 3, 4, 4, 4],
        deps=["nsubj", "aux", "case", "obl", "ROOT", "punct"],
        pos=["PROPN", "AUX", "ADP", "PROPN", "VERB", "PUNCT"],
        mentions=[(0, 1, "PER", "trump", "alias"), (3, 4, "PER", "putin", "alias")],
    )
    (event,) = find_events(doc)
    assert summary([event]) == [("CONSULT", "actual", "trump", "putin")]
    assert event.plover_mode == "phone" and event.lemma == "telefonieren"


def test_word_order_without_parse(make: Make) -> None:
    # no dependency parse at all: the first bare noun phrase is the subject, the separated particle counts
    doc = make(
        ["Im", "Anschluss", "rief", "Trump", "Selenskyj", "an", "."],
        mentions=[(3, 4, "PER", "trump", "alias"), (4, 5, "PER", "zelensky", "alias")],
    )
    assert summary(find_events(doc)) == [("CONSULT", "actual", "trump", "zelensky")]


def test_passive_von_agent(make: Make) -> None:
    # Die Ukraine wurde von Russland angegriffen .
    doc = make(
        ["Die", "Ukraine", "wurde", "von", "Russland", "angegriffen", "."],
        heads=[1, 5, 5, 4, 5, 5, 5],
        deps=["det", "nsubj:pass", "aux:pass", "case", "obl:agent", "ROOT", "punct"],
        pos=["DET", "PROPN", "AUX", "ADP", "PROPN", "VERB", "PUNCT"],
        mentions=[(1, 2, "LOC", "UKR", "name"), (4, 5, "LOC", "RUS", "name")],
    )
    assert summary(find_events(doc)) == [("ASSAULT", "actual", "RUS", "UKR")]


def test_nominalization_planned_meeting_with_date(make: Make) -> None:
    # Am Freitag ist ein Treffen von Selenskyj und Vance geplant .
    words = ["Am", "Freitag", "ist", "ein", "Treffen", "von", "Selenskyj", "und", "Vance", "geplant", "."]
    doc = make(
        words,
        heads=[1, 9, 9, 4, 9, 6, 4, 8, 6, 9, 9],
        deps=["case", "obl", "aux", "det", "nsubj:pass", "case", "nmod", "cc", "conj", "ROOT", "punct"],
        pos=["ADP", "PROPN", "AUX", "DET", "NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "VERB", "PUNCT"],
        mentions=[(6, 7, "PER", "zelensky", "alias"), (8, 9, "PER", "vance", "alias")],
        timexes=[(0, 2, "DATE", "2025-02-XX")],
    )
    (event,) = find_events(doc)
    assert summary([event]) == [("CONSULT", "future", "zelensky", "vance")]
    assert event.date == "2025-02-XX" and event.timex == (0, 2)


def test_negated_call(make: Make) -> None:
    doc = make(
        ["Scholz", "hat", "nicht", "mit", "Putin", "telefoniert", "."],
        heads=[5, 5, 5, 4, 5, 5, 5],
        deps=["nsubj", "aux", "advmod", "case", "obl", "ROOT", "punct"],
        mentions=[(0, 1, "PER", "scholz", "alias"), (4, 5, "PER", "putin", "alias")],
    )
    assert summary(find_events(doc)) == [("CONSULT", "negated", "scholz", "putin")]


def test_negated_deployment_is_a_refusal(make: Make) -> None:
    # Frankreich wird keine Soldaten in die Ukraine schicken .
    doc = make(
        ["Frankreich", "wird", "keine", "Soldaten", "in", "die", "Ukraine", "schicken", "."],
        heads=[7, 7, 3, 7, 6, 6, 7, 7, 7],
        deps=["nsubj", "aux", "det", "obj", "case", "det", "obl", "ROOT", "punct"],
        mentions=[(0, 1, "LOC", "gov_fra", "metonym"), (6, 7, "LOC", "UKR", "name")],
    )
    assert summary(find_events(doc)) == [("REJECT", "actual", "gov_fra", "UKR")]


def test_historical_annexation_of_a_region(make: Make) -> None:
    # the parser takes the fronted object for the subject; a state outranks a region as the agent
    words = ["Die", "ukrainische", "Halbinsel", "Krim", "hatte", "Russland", "2014", "annektiert", "."]
    doc = make(
        words,
        heads=[2, 2, 7, 2, 7, 7, 7, 7, 7],
        deps=["det", "amod", "nsubj", "appos", "aux", "obj", "obl", "ROOT", "punct"],
        mentions=[
            (1, 2, "MISC", "UKR", "demonym"),
            (2, 4, "LOC", "region:crimea", "alias"),
            (5, 6, "LOC", "RUS", "alias"),
        ],
        timexes=[(6, 7, "DATE", "2014")],
    )
    (event,) = find_events(doc)
    assert summary([event]) == [("ASSAULT", "historical", "RUS", "UKR")]
    assert event.date == "2014" and event.plover_mode == "annex"


def test_hypothetical(make: Make) -> None:
    doc = make(
        ["Merz", "könnte", "mit", "Macron", "telefonieren", "."],
        heads=[4, 4, 3, 4, 4, 4],
        deps=["nsubj", "aux", "case", "obl", "ROOT", "punct"],
        mentions=[(0, 1, "PER", "merz", "alias"), (3, 4, "PER", "macron", "alias")],
    )
    assert summary(find_events(doc)) == [("CONSULT", "hypothetical", "merz", "macron")]


def test_subheading_yields_no_event(make: Make) -> None:
    # "Putin lädt Trump nach Moskau ein" as a subheading, then the body sentence
    words = [
        "Putin",
        "lädt",
        "Trump",
        "nach",
        "Moskau",
        "ein",
        "\n\n",
        "Putin",
        "habe",
        "Trump",
        "eingeladen",
        ".",
    ]
    mentions = [
        (0, 1, "PER", "putin", "alias"),
        (2, 3, "PER", "trump", "alias"),
        (4, 5, "LOC", "gn:524901", "name"),
        (7, 8, "PER", "putin", "alias"),
        (9, 10, "PER", "trump", "alias"),
    ]
    doc = make(words, mentions=mentions, subheadings=[(0, 6)], quotes=[(7, 11, "peskov")])
    (event,) = find_events(doc)
    assert summary([event]) == [("REQUEST", "actual", "putin", "trump")]
    assert event.trigger[0] == 10 and event.attributed_to == "peskov"
    assert summary(find_events(make(words, mentions=mentions))) == [("REQUEST", "actual", "putin", "trump")]


def test_place_and_repetition_merged(make: Make) -> None:
    # Bessent traf mit Selenskyj in Kiew . Bessent traf Selenskyj .
    words = ["Bessent", "traf", "mit", "Selenskyj", "in", "Kiew", ".", "Bessent", "traf", "Selenskyj", "."]
    doc = make(
        words,
        mentions=[
            (0, 1, "PER", "bessent", "name"),
            (3, 4, "PER", "zelensky", "alias"),
            (5, 6, "LOC", "gn:703448", "name"),
            (7, 8, "PER", "bessent", "name"),
            (9, 10, "PER", "zelensky", "alias"),
        ],
    )
    (event,) = find_events(doc)
    assert summary([event]) == [("CONSULT", "actual", "bessent", "zelensky")]
    assert event.place_id == "gn:703448"


def test_demonym_source_of_event_noun(make: Make) -> None:
    # Die Ukraine verteidigt sich gegen die russische Invasion .
    words = ["Die", "Ukraine", "verteidigt", "sich", "gegen", "die", "russische", "Invasion", "."]
    doc = make(
        words,
        heads=[1, 2, 2, 2, 7, 7, 7, 2, 2],
        deps=["det", "nsubj", "ROOT", "obj", "case", "det", "amod", "obl", "punct"],
        pos=["DET", "PROPN", "VERB", "PRON", "ADP", "DET", "ADJ", "NOUN", "PUNCT"],
        mentions=[(1, 2, "LOC", "UKR", "name"), (6, 7, "MISC", "RUS", "demonym")],
    )
    assert summary(find_events(doc)) == [("ASSAULT", "actual", "RUS", "UKR")]


def test_event_noun_without_actor_is_a_reference(make: Make) -> None:
    doc = make(["Das", "Telefonat", "dauerte", "lange", "."], pos=["DET", "NOUN", "VERB", "ADV", "PUNCT"])
    assert find_events(doc) == []


def test_content_of_a_rejection_is_no_event(make: Make) -> None:
    # Ungarn lehnt neue Sanktionen gegen Russland ab .
    doc = make(
        ["Ungarn", "lehnt", "neue", "Sanktionen", "gegen", "Russland", "ab", "."],
        heads=[1, 1, 3, 1, 5, 3, 1, 1],
        deps=["nsubj", "ROOT", "amod", "obj", "case", "nmod", "compound:prt", "punct"],
        pos=["PROPN", "VERB", "ADJ", "NOUN", "ADP", "PROPN", "ADP", "PUNCT"],
        mentions=[(0, 1, "LOC", "gov_hun", "metonym"), (5, 6, "LOC", "RUS", "name")],
    )
    assert [e.type for e in find_events(doc)] == ["REJECT"]


def test_reported_modal_request(make: Make) -> None:
    # Die NATO-Partner müssten mehr investieren  (in Hegseth's words)
    doc = make(
        ["Die", "NATO", "müssten", "mehr", "investieren", "."],
        mentions=[(1, 2, "ORG", "nato", "name")],
        quotes=[(0, 5, "hegseth")],
    )
    assert summary(find_events(doc)) == [("REQUEST", "actual", "hegseth", "nato")]


def test_group_mention_members(make: Make) -> None:
    doc = make(
        ["Die", "beiden", "verständigten", "sich", "auf", "Zusammenarbeit", "."],
        mentions=[(0, 2, "PER", None, "description")],
        members={0: ("trump", "putin")},
    )
    assert summary(find_events(doc)) == [("AGREE", "actual", "trump", "putin")]


def test_lexicon_types_are_plover() -> None:
    lex = load_lexicon()
    used = {e.type for e in lex.verbs} | {n.type for n in lex.nouns}
    assert used <= set(PLOVER_TYPES)
    assert used == set(PLOVER_TYPES)  # every PLOVER type has at least one German trigger
    assert lex.noun("Angriffskrieges") is not None and lex.noun("Ukraine-Treffen") is not None
    assert lex.noun("Waffenruhe") is None


@pytest.mark.parametrize(
    ("lemma", "form"),
    [
        ("telefonieren", "telefoniert"),
        ("vereinbaren", "vereinbarten"),
        ("lehnen", "lehnt"),
        ("warnen", "warnte"),
    ],
)
def test_weak_verb_forms(lemma: str, form: str) -> None:
    assert form in verb_forms(lemma)


def test_agentless_passive_deployment_owner_of_forces(make: Make) -> None:
    # „Es werden keine US-Truppen in die Ukraine geschickt“ -> REJECT gov_usa -> UKR
    from lagebild.kb import load_kb

    doc = make(
        ["Es", "werden", "keine", "US-Truppen", "in", "die", "Ukraine", "geschickt", "."],
        heads=[7, 7, 3, 7, 6, 6, 7, 7, 7],
        deps=["expl", "aux:pass", "det", "nsubj:pass", "case", "det", "obl", "ROOT", "punct"],
        mentions=[(6, 7, "LOC", "UKR", "name")],
    )
    assert summary(find_events(doc, kb=load_kb())) == [("REJECT", "actual", "gov_usa", "UKR")]


def test_capital_as_bare_actor_is_the_government(make: Make) -> None:
    from lagebild.kb import load_kb

    doc = make(
        ["Moskau", "wirft", "Kiew", "Angriffe", "vor", "."],
        mentions=[(0, 1, "ORG", "gov_rus", "metonym"), (2, 3, "LOC", "gn:703448", "name")],
    )
    assert summary(find_events(doc, kb=load_kb())) == [("ACCUSE", "actual", "gov_rus", "gov_ukr")]


def test_zu_infinitive_takes_the_controller(make: Make) -> None:
    # Putin erklärte seine Bereitschaft , Vertreter der USA zu empfangen .
    words = [
        "Putin",
        "erklärte",
        "seine",
        "Bereitschaft",
        ",",
        "Vertreter",
        "der",
        "USA",
        "zu",
        "empfangen",
        ".",
    ]
    doc = make(words, mentions=[(0, 1, "PER", "putin", "alias"), (7, 8, "ORG", "gov_usa", "metonym")])
    (event,) = find_events(doc)
    assert summary([event]) == [("CONSULT", "future", "putin", "gov_usa")]
    assert event.plover_mode == "host"


def test_zu_infinitive_content_of_a_request_is_no_event(make: Make) -> None:
    words = ["Baerbock", "forderte", "China", "auf", ",", "Russland", "nicht", "zu", "unterstützen", "."]
    mentions = [(0, 1, "PER", "baerbock", "name"), (2, 3, "LOC", "CHN", "name"), (5, 6, "LOC", "RUS", "name")]
    assert summary(find_events(make(words, mentions=mentions))) == [("REQUEST", "actual", "baerbock", "CHN")]


def test_genitive_inside_a_pp_is_no_subject(make: Make) -> None:
    # Tausende haben gegen eine Zusammenarbeit der Union mit der AfD demonstriert .
    words = ["Tausende", "haben", "gegen", "eine", "Zusammenarbeit", "der", "Union", "mit", "der", "AfD",
             "demonstriert", "."]  # fmt: skip
    pos = ["PRON", "AUX", "ADP", "DET", "NOUN", "DET", "PROPN", "ADP", "DET", "PROPN", "VERB", "PUNCT"]
    mentions = [(6, 7, "ORG", "party:DEU:cdu-csu", "alias"), (9, 10, "ORG", "party:DEU:afd", "name")]
    (event,) = find_events(make(words, pos=pos, mentions=mentions))
    assert (event.type, event.source) == ("PROTEST", None)


def test_role_apposition_with_nationality_adjective(make: Make) -> None:
    # the linker may give the name without its role: "mit russischem Präsidenten [Wladimir Putin]"
    words = ["Trump", "hat", "mit", "russischem", "Präsidenten", "Wladimir", "Putin", "telefoniert", "."]
    pos = ["PROPN", "AUX", "ADP", "ADJ", "NOUN", "PROPN", "PROPN", "VERB", "PUNCT"]
    mentions = [
        (0, 1, "PER", "trump", "alias"),
        (3, 4, "MISC", "RUS", "demonym"),
        (5, 7, "PER", "putin", "alias"),
    ]
    assert summary(find_events(make(words, pos=pos, mentions=mentions))) == [
        ("CONSULT", "actual", "trump", "putin")
    ]
