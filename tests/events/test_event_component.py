"""The registered component, the PLOVER record and the pipeline wiring."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import spacy
from spacy.tokens import Doc

from lagebild.events.component import EventsComponent
from lagebild.events.extract import COMPONENT
from lagebild.events.plover import plover_mode_of, plover_record
from lagebild.records import Article

Make = Callable[..., Doc]

WORDS = ["Trump", "hat", "mit", "Putin", "in", "Riad", "telefoniert", "."]


def _doc(make: Make) -> Doc:
    return make(
        WORDS,
        heads=[6, 6, 3, 6, 5, 6, 6, 6],
        deps=["nsubj", "aux", "case", "obl", "case", "obl", "ROOT", "punct"],
        mentions=[
            (0, 1, "PER", "trump", "alias"),
            (3, 4, "PER", "putin", "alias"),
            (5, 6, "LOC", "gn:108410", "name"),
        ],
    )


def test_component_writes_span_group_and_records(make: Make) -> None:
    nlp = spacy.blank("de")
    component = nlp.add_pipe("lagebild_events")
    assert isinstance(component, EventsComponent) and component.version == COMPONENT == "lagebild.events.v1"
    doc = nlp(_doc(make))
    (span,) = doc.spans["events"]
    event = span._.event
    assert span.label_ == "CONSULT" and span._.plover_mode == "phone"
    assert (event.type, event.mode, event.source_actor_id, event.target_actor_id) == (
        "CONSULT",
        "actual",
        "trump",
        "putin",
    )
    assert doc.text[event.start : event.end] == event.text == "telefoniert"
    assert event.source is not None and doc.text[event.source.start : event.source.end] == "Trump"
    assert event.place_id == "gn:108410" and event.component == COMPONENT and event.article_id == "test"
    # plain JSON on the span: the doc survives serialization (nlp.pipe with n_process > 1)
    doc.user_data.pop("published")  # a records.Published is not msgpack data (not this component's)
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert again.spans["events"][0]._.event == event


def test_plover_record_follows_gsr_field_names(make: Make) -> None:
    nlp = spacy.blank("de")
    nlp.add_pipe("lagebild_events")
    doc = nlp(_doc(make))
    event = doc.spans["events"][0]._.event
    article = Article.from_text(doc.text, published="2025-02-12", source="test")
    record = plover_record(event, article, seq=1, coded="2025-02-13")
    gsr = {"id", "date", "source", "target", "event", "eventText", "mode", "context", "text", "textInfo"}
    assert gsr <= set(record)
    assert record["event"] == "CONSULT" and record["date"] == "2025-02-12"
    assert record["source"] == [{"actorText": "Trump", "code": "trump"}]
    assert record["eventLoc"] == {"placeText": "Riad", "code": "gn:108410"}
    assert (
        record["textInfo"]["markup"] == "(SRC: Trump) hat mit (TAR: Putin) in (LOC: Riad) (EVT: telefoniert)."
    )
    assert record["ploverMode"] == "phone" == plover_mode_of(event)
    json.dumps(record)


def test_plover_field_names_exist_in_the_gold_standard(shared: Path) -> None:
    data = json.loads((shared / "data" / "plover-gsr" / "PLOVER_GSR_CAMEO.json").read_text(encoding="utf-8"))
    fields = {key for record in data[1:] for key in record}
    assert {"id", "date", "source", "target", "event", "eventText", "mode", "context", "eventLoc"} <= fields
    assert {"text", "textInfo", "language", "publication", "coder", "version", "dateCoded"} <= fields


def test_analyze_pipeline_lists_the_component() -> None:
    from lagebild.analyze import EXTRACTORS

    assert EXTRACTORS[-1] == "lagebild_events"
