"""Every export format parses back with a standard reader, with data and from an empty store."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from api.fixtures import KB
from api.seed_kb import PUTIN, TRUMP

from lagebild.errors import LagebildError
from lagebild.export import FORMATS, export, render
from lagebild.export.dna import DNA_COLUMNS, GRAPHML_NS
from lagebild.export.gdelt import GKG_COLUMNS
from lagebild.records import Analysis, Article, Claim
from lagebild.store import Store, open_store

G = f"{{{GRAPHML_NS}}}"


@pytest.fixture
def store(kb: KB) -> Store:
    return open_store(kb.url)


@pytest.fixture
def empty(tmp_path: Path) -> Store:
    return open_store(str(tmp_path / "empty.db"))


def _gkg(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert tuple(rows[0]) == GKG_COLUMNS
    assert all(len(row) == len(GKG_COLUMNS) for row in rows)
    return [dict(zip(GKG_COLUMNS, row, strict=True)) for row in rows[1:]]


def test_plover_json(store: Store, tmp_path: Path, kb: KB) -> None:
    out = tmp_path / "events.json"
    result = export(store, "plover", out)
    records = json.loads(out.read_text(encoding="utf-8"))
    assert result.counts == {"records": 2} and len(records) == 2
    call = next(r for r in records if r["mode"] == "actual")
    gsr_fields = {
        "id",
        "date",
        "source",
        "target",
        "event",
        "eventText",
        "mode",
        "context",
        "text",
        "textInfo",
    }
    assert gsr_fields <= set(call)
    assert call["event"] == "CONSULT" and call["date"] == "2025-02-12"
    assert call["source"] == [{"actorText": "Donald Trump", "code": TRUMP}]
    assert call["target"] == [{"actorText": "Wladimir Putin", "code": PUTIN}]
    assert "(SRC: Donald Trump)" in call["textInfo"]["markup"]
    assert "(EVT: telefoniert)" in call["textInfo"]["markup"]
    assert call["language"] == "de" and call["articleId"] == kb.ids["seed"]
    invite = next(r for r in records if r["mode"] == "future")
    assert invite["eventLoc"]["placeText"] == "Moskau"
    assert "(LOC: Moskau)" in invite["textInfo"]["markup"]


def test_gdelt_gkg_tsv(store: Store, tmp_path: Path, kb: KB) -> None:
    out = tmp_path / "gkg.tsv"
    export(store, "gdelt", out)
    rows = {row["GKGRECORDID"]: row for row in _gkg(out)}
    assert set(rows) == set(kb.ids.values())
    seed = rows[kb.ids["seed"]]
    text = open_store(kb.url).get(kb.ids["seed"]).analysis.article.text
    assert seed["V2.1DATE"] == "20250201000000"
    for entry in seed["V2ENHANCEDPERSONS"].split(";"):
        name, offset = entry.rsplit(",", 1)
        assert text[int(offset) :].startswith(name)
    assert "Donald Trump" in seed["V1PERSONS"].split(";")
    assert "NATO" in seed["V1ORGANIZATIONS"].split(";")
    assert any(loc.split("#")[1] == "Ukraine" for loc in seed["V2ENHANCEDLOCATIONS"].split(";"))
    quotes = seed["V2.1QUOTATIONS"].split("#")
    assert len(quotes) == 6
    offset, length, verb, quote = quotes[3].split("|")
    assert verb == "sagte" and text[int(offset) : int(offset) + int(length)] == quote
    extras = ET.fromstring(f"<x>{seed['V2EXTRASXML']}</x>")
    speakers = [q.get("speaker") for q in extras.iter("QUOTE")]
    assert speakers.count("Hegseth") == 3
    dates = seed["V2.1ENHANCEDDATES"].split(";")
    assert dates and all(len(d.split("#")) == 5 for d in dates)
    annexed = text.index("2014 annektiert")
    assert f"1#0#0#2014#{annexed}" in dates  # resolution 1 = year only
    assert rows[kb.ids["copy"]]["V1PERSONS"] == ""  # a near-duplicate is not analyzed


def test_dna_csv_and_graphml_with_claims(tmp_path: Path) -> None:
    article = Article.from_text(
        "Merz lehnt höhere Schulden ab. Klingbeil befürwortet sie.", published="2025-03"
    )
    claims = (
        Claim(article.id, 0, 29, article.text[0:29], "Q_MERZ", "höhere Schulden", -1, "test.claims@0"),
        Claim(article.id, 31, 57, article.text[31:57], "Q_KLINGBEIL", "höhere Schulden", 1, "test.claims@0"),
    )
    with open_store(str(tmp_path / "claims.db")) as store:
        store.add(Analysis(article=article, claims=claims))
        export(store, "dna-csv", tmp_path / "statements.csv")
        export(store, "graphml", tmp_path / "network.graphml")
    with (tmp_path / "statements.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["actor_id"], r["concept"], r["agreement"]) for r in rows] == [
        ("Q_MERZ", "höhere Schulden", "0"),
        ("Q_KLINGBEIL", "höhere Schulden", "1"),
    ]
    assert article.text[int(rows[0]["start"]) : int(rows[0]["stop"])] == rows[0]["text"]
    root = ET.parse(tmp_path / "network.graphml").getroot()
    graph = root.find(f"{G}graph")
    assert graph is not None
    nodes = {n.get("id") for n in graph.iter(f"{G}node")}
    assert nodes == {"actor:Q_MERZ", "actor:Q_KLINGBEIL", "concept:höhere Schulden"}
    edges = [(e.get("source"), e.get("target")) for e in graph.iter(f"{G}edge")]
    assert len(edges) == 2


@pytest.mark.parametrize("fmt", ["dna-csv", "graphml"])
def test_claim_exports_without_claims_are_valid_and_empty(store: Store, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    export(store, fmt, out)
    if fmt == "dna-csv":
        with out.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            assert tuple(next(reader)) == DNA_COLUMNS
            assert list(reader) == []
    else:
        root = ET.parse(out).getroot()
        assert root.tag == f"{G}graphml"
        assert len(root.findall(f"{G}key")) == 4
        graph = root.find(f"{G}graph")
        assert graph is not None and len(graph) == 0


def test_parquet_tables(store: Store, tmp_path: Path, kb: KB) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    result = export(store, "parquet", tmp_path / "tables")
    assert result.counts["articles"] == 4 and result.counts["quotes"] == 6
    articles = pq.read_table(tmp_path / "tables" / "articles.parquet")
    entities = pq.read_table(tmp_path / "tables" / "entities.parquet").to_pylist()
    quotes = pq.read_table(tmp_path / "tables" / "quotes.parquet").to_pylist()
    timexes = pq.read_table(tmp_path / "tables" / "timexes.parquet")
    events = pq.read_table(tmp_path / "tables" / "events.parquet")
    texts = dict(zip(articles.column("id").to_pylist(), articles.column("text").to_pylist(), strict=True))
    for row in entities + quotes:
        assert texts[row["article_id"]][row["start"] : row["end"]] == row["text"]
    hegseth = [q for q in quotes if q["speaker_text"] == "Hegseth"]
    assert len(hegseth) == 3 and {q["cue_text"] for q in hegseth} == {"sagte", "betonte"}
    assert timexes.num_rows > 0 and "candidates" in timexes.column_names
    assert events.num_rows == 2
    assert articles.column("duplicate_of").to_pylist().count(kb.ids["nato"]) == 1


def test_parquet_round_trip_with_pandas(store: Store, tmp_path: Path, kb: KB) -> None:
    """pandas (a dev dependency) reads every table back: same columns and rows as pyarrow wrote,
    offsets that still point at the text, lists and dates intact."""
    import pandas as pd
    import pyarrow.parquet as pq

    result = export(store, "parquet", tmp_path / "tables")
    frames = {name: pd.read_parquet(tmp_path / "tables" / f"{name}.parquet") for name in result.counts}
    assert set(frames) == {"articles", "entities", "quotes", "events", "timexes"}
    for name, frame in frames.items():
        table = pq.read_table(tmp_path / "tables" / f"{name}.parquet")
        assert list(frame.columns) == table.column_names, name
        assert len(frame) == result.counts[name] == table.num_rows, name
        pd.testing.assert_frame_equal(frame, table.to_pandas())
    texts = frames["articles"].set_index("id")["text"]
    for name in ("entities", "quotes", "events", "timexes"):
        for row in frames[name].itertuples():
            assert texts[row.article_id][row.start : row.end] == row.text, (name, row)
    assert {"article_id", "start", "end", "label", "actor_id"} <= set(frames["entities"].columns)
    trump = frames["entities"][frames["entities"]["actor_id"] == TRUMP]
    assert len(trump) > 0 and set(trump["label"]) == {"PER"}
    hegseth = frames["quotes"][frames["quotes"]["speaker_text"] == "Hegseth"]
    assert len(hegseth) == 3 and set(hegseth["cue_text"]) == {"sagte", "betonte"}
    assert list(frames["articles"]["duplicate_of"].dropna()) == [kb.ids["nato"]]
    assert all(len(c) >= 0 for c in frames["timexes"]["candidates"])  # a list column
    events = frames["events"]
    assert set(events["type"]) == {"CONSULT"} and set(events["source_actor_id"]) == {TRUMP, PUTIN}


def test_graphml_round_trip_with_networkx(tmp_path: Path) -> None:
    """networkx reads the GraphML back with its typed attributes (Gephi, yEd and igraph read the
    same keys); an actor that both agrees and disagrees gives parallel edges."""
    import networkx as nx

    article = Article.from_text(
        "Merz lehnt höhere Schulden ab. Klingbeil befürwortet sie. Merz will sie doch.", published="2025-03"
    )
    claims = (
        Claim(article.id, 0, 29, article.text[0:29], "Q_MERZ", "höhere Schulden", -1, "test.claims@0"),
        Claim(article.id, 31, 57, article.text[31:57], "Q_KLINGBEIL", "höhere Schulden", 1, "test.claims@0"),
        Claim(article.id, 58, 77, article.text[58:77], "Q_MERZ", "höhere Schulden", 1, "test.claims@0"),
        Claim(article.id, 58, 77, article.text[58:77], "Q_MERZ", "Schuldenbremse", 1, "test.claims@0"),
    )
    with open_store(str(tmp_path / "claims.db")) as claims_store:
        claims_store.add(Analysis(article=article, claims=claims))
        export(claims_store, "graphml", tmp_path / "network.graphml")
    graph = nx.read_graphml(tmp_path / "network.graphml")
    assert not graph.is_directed()
    assert set(graph.nodes) == {
        "actor:Q_MERZ",
        "actor:Q_KLINGBEIL",
        "concept:höhere Schulden",
        "concept:Schuldenbremse",
    }
    assert graph.nodes["concept:höhere Schulden"] == {"type": "concept", "label": "höhere Schulden"}
    assert graph.nodes["actor:Q_MERZ"]["type"] == "actor"
    edges = sorted(
        (min(u, v), max(u, v), data["agreement"], data["weight"]) for u, v, data in graph.edges(data=True)
    )
    assert edges == [
        ("actor:Q_KLINGBEIL", "concept:höhere Schulden", 1, 1),
        ("actor:Q_MERZ", "concept:Schuldenbremse", 1, 1),
        ("actor:Q_MERZ", "concept:höhere Schulden", 0, 1),
        ("actor:Q_MERZ", "concept:höhere Schulden", 1, 1),
    ]
    assert all(isinstance(data["agreement"], int) for _, _, data in graph.edges(data=True))


def test_empty_graphml_reads_with_networkx(empty: Store, tmp_path: Path) -> None:
    import networkx as nx

    export(empty, "graphml", tmp_path / "empty.graphml")
    graph = nx.read_graphml(tmp_path / "empty.graphml")
    assert graph.number_of_nodes() == 0 and graph.number_of_edges() == 0


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_from_an_empty_store(empty: Store, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / ("tables" if fmt == "parquet" else f"empty.{fmt}")
    result = export(empty, fmt, out)
    assert all(count == 0 for count in result.counts.values())
    if fmt == "plover":
        assert json.loads(out.read_text(encoding="utf-8")) == []
    elif fmt == "gdelt":
        assert _gkg(out) == []
    elif fmt == "parquet":
        pq = pytest.importorskip("pyarrow.parquet")
        table = pq.read_table(out / "quotes.parquet")
        assert table.num_rows == 0 and "speaker_text" in table.column_names


def test_render_in_memory_and_errors(store: Store, tmp_path: Path) -> None:
    data, media_type, name = render(store, "parquet", table="events")
    assert (
        data[:4] == b"PAR1" and media_type == "application/vnd.apache.parquet" and name.endswith(".parquet")
    )
    with pytest.raises(LagebildError) as unknown:
        render(store, "xml")
    assert unknown.value.code == "E108"
    with pytest.raises(LagebildError) as missing:
        export(store, "plover", tmp_path / "no" / "such" / "folder" / "x.json")
    assert missing.value.code == "E109"
