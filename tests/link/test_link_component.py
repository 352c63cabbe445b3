"""The spaCy component lagebild_linker: registration, span group, extensions, actors, analysis."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from lagebild.analyze import analysis_from_doc, make_doc
from lagebild.link.component import COMPONENT
from lagebild.records import Actor, Article, Published, Role
from tests.link.conftest import Run, mention


def test_factory_and_extensions_are_registered() -> None:
    assert "lagebild_linker" in spacy.registry.factories.get_all()
    for name in ("actor_id", "actor_name", "link", "confidence", "alternatives", "members"):
        assert Span.has_extension(name)
    assert Doc.has_extension("actors")


def test_one_span_group_with_every_kind(run: Run) -> None:
    doc = run(
        "US-Präsident Donald Trump telefonierte mit dem russischen Präsidenten. Er sagte, der Kreml "
        "habe zugestimmt.",
        published=Published.parse("2025-02-12"),  # a records.Published works as well as a string
    )
    by_text = {s.text: s for s in doc.spans["mentions"]}
    assert by_text["US-Präsident Donald Trump"]._.link == "name"
    assert by_text["russischen"]._.link == "demonym"
    assert by_text["dem russischen Präsidenten"]._.actor_id == "putin"
    assert by_text["Er"]._.actor_id == "trump"
    assert by_text["Kreml"]._.actor_id == "gov_rus"
    for span in doc.spans["mentions"]:
        assert span.label_ in ("PER", "ORG", "LOC", "MISC")
        assert 0.0 <= span._.confidence <= 1.0


def test_actors_carry_roles_at_the_date(run: Run) -> None:
    doc = run("Olaf Scholz und Friedrich Merz debattierten.", published="2024-03")
    actors = doc._.actors
    assert isinstance(actors["scholz"], Actor)
    assert [r.office for r in actors["scholz"].roles] == ["chancellor"]
    assert actors["merz"].roles == ()  # not in office in March 2024
    assert isinstance(actors["scholz"].roles[0], Role)


def test_pipe_and_custom_spans_key() -> None:
    nlp = spacy.blank("de")
    nlp.add_pipe("lagebild_linker", config={"spans_key": "actors_found", "set_ents": False})
    docs = []
    for text in ["Scholz sprach.", "Macron antwortete."] * 5:
        doc = nlp.make_doc(text)
        doc.user_data["published"] = "2024-03"
        docs.append(doc)
    out = list(nlp.pipe(docs))
    assert [d.spans["actors_found"][0]._.actor_id for d in out[:2]] == ["scholz", "macron"]
    assert all(len(d.ents) == 0 for d in out)  # set_ents off: the NER's entities stay as they are


def test_analysis_uses_the_linker_mentions(nlp: Language) -> None:
    article = Article.from_text("Der Kreml bestätigte das Telefonat mit Trump.", published="2025-02")
    doc = nlp(make_doc(nlp, article))
    analysis = analysis_from_doc(article, doc, nlp)
    assert COMPONENT in analysis.components
    assert analysis.entities is not None and analysis.actors is not None
    kreml = next(m for m in analysis.entities if m.text == "Kreml")
    assert (kreml.actor_id, kreml.link, kreml.component) == ("gov_rus", "metonym", COMPONENT)
    assert article.text[kreml.start : kreml.end] == "Kreml"
    assert {a.id for a in analysis.actors} == {"gov_rus", "trump"}
    assert analysis.to_json()["entities"][0]["actor_name"] == "Government of Russia"


def test_empty_and_dateless_docs(run: Run) -> None:
    doc = run("Es regnete den ganzen Tag.", published=None)
    assert list(doc.spans["mentions"]) == []
    assert doc._.actors == {}


def test_mentions_keep_nested_possessors(run: Run) -> None:
    doc = run("Trumps Regierung widersprach.")
    assert mention(doc, "Trumps Regierung")._.actor_id == "gov_usa"
    assert mention(doc, "Trumps")._.actor_id == "trump"


def test_analysis_with_linker_output_meets_the_contract(nlp: Language) -> None:
    from lagebild.contract import validate

    article = Article.from_text(
        "US-Präsident Donald Trump traf Selenskyj in Kiew. Er sagte, die Amerikaner stünden bereit.",
        published="2025-02",
    )
    analysis = analysis_from_doc(article, nlp(make_doc(nlp, article)), nlp)
    validate(analysis.to_json())
    assert {m.link for m in analysis.entities or ()} >= {"name", "alias", "pronoun", "demonym"}


def test_multiprocess_pipe_returns_plain_data(nlp: Language) -> None:
    # doc user data crosses process boundaries as msgpack: the actors are kept as JSON
    docs = list(nlp.pipe(["Scholz sprach in Berlin.", "Der Kreml schwieg."] * 2, n_process=2))
    assert [s._.actor_id for s in docs[1].spans["mentions"]] == ["gov_rus"]
    assert docs[0]._.actors["scholz"].name == "Olaf Scholz"


def test_unreadable_date_is_no_date(run: Run) -> None:
    doc = run("Der Bundeskanzler reiste nach Kiew.", published="im Frühjahr")
    assert mention(doc, "Kiew")._.actor_id == "gn:703448"
    assert not [s for s in doc.spans["mentions"] if s._.link == "role-at-date"]
