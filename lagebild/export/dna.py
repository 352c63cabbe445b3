"""Discourse network exports from claims, as in the Discourse Network Analyzer (DNA, Leifeld).

- Statements CSV: one row per claim with DNA's "DNA Statement" variables ``person``,
  ``organization``, ``concept`` and ``agreement`` (DNA's boolean qualifier: ``1`` agrees, ``0``
  disagrees) plus the document and the character offsets of the evidence (``start``/``stop``, as
  DNA names them).
- GraphML: the actor–concept (affiliation) network; one edge per actor, concept and agreement,
  ``weight`` = number of statements.

With no claims stored yet both are valid, empty documents: the CSV has its header, the GraphML its
``<key>`` declarations and an empty ``<graph>``.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterator
from typing import Any, TextIO
from xml.etree import ElementTree as ET

from lagebild.export.common import iter_stored
from lagebild.store import Store

__all__ = ["DNA_COLUMNS", "GRAPHML_NS", "statements", "write_dna_csv", "write_graphml"]

DNA_COLUMNS: tuple[str, ...] = (
    "statement_id",
    "document_id",
    "document_title",
    "date",
    "start",
    "stop",
    "text",
    "coder",
    "person",
    "organization",
    "actor_id",
    "concept",
    "agreement",
)
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"


def statements(store: Store) -> Iterator[dict[str, Any]]:
    """Every stored claim as a DNA statement row."""
    for stored in iter_stored(store):
        analysis = stored.analysis
        article = analysis.article
        types = {actor.id: actor.type for actor in analysis.actors or ()}
        names = {actor.id: actor.name for actor in analysis.actors or ()}
        for seq, claim in enumerate(analysis.claims or ()):
            actor = claim.actor_id or ""
            name = names.get(actor, actor)
            is_org = types.get(actor) in ("ORG", "GPE", "GOV", "STATE")
            yield {
                "statement_id": f"{article.id}-{seq:04d}",
                "document_id": article.id,
                "document_title": article.title or "",
                "date": article.published.value if article.published else "",
                "start": claim.start,
                "stop": claim.end,
                "text": claim.text,
                "coder": claim.component,
                "person": "" if is_org else name,
                "organization": name if is_org else "",
                "actor_id": actor,
                "concept": claim.concept,
                "agreement": 1 if claim.agreement > 0 else 0,
            }


def write_dna_csv(store: Store, out: TextIO) -> int:
    """Write the statements as CSV with a header; returns the number of statements."""
    writer = csv.DictWriter(out, fieldnames=DNA_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in statements(store):
        writer.writerow(row)
        count += 1
    return count


def write_graphml(store: Store, out: TextIO) -> int:
    """Write the actor–concept network as GraphML; returns the number of edges."""
    ET.register_namespace("", GRAPHML_NS)
    root = ET.Element(f"{{{GRAPHML_NS}}}graphml")
    keys = (
        ("d0", "node", "type", "string"),
        ("d1", "node", "label", "string"),
        ("d2", "edge", "agreement", "int"),
        ("d3", "edge", "weight", "int"),
    )
    for key_id, domain, name, kind in keys:
        ET.SubElement(
            root, f"{{{GRAPHML_NS}}}key", {"id": key_id, "for": domain, "attr.name": name, "attr.type": kind}
        )
    graph = ET.SubElement(
        root, f"{{{GRAPHML_NS}}}graph", {"id": "actor-concept", "edgedefault": "undirected"}
    )
    nodes: dict[str, tuple[str, str]] = {}
    edges: Counter[tuple[str, str, int]] = Counter()
    for row in statements(store):
        actor_label = row["person"] or row["organization"] or row["actor_id"] or "?"
        actor_node = f"actor:{row['actor_id'] or actor_label}"
        concept_node = f"concept:{row['concept']}"
        nodes.setdefault(actor_node, ("actor", actor_label))
        nodes.setdefault(concept_node, ("concept", row["concept"]))
        edges[(actor_node, concept_node, row["agreement"])] += 1
    for node_id, (kind, label) in nodes.items():
        node = ET.SubElement(graph, f"{{{GRAPHML_NS}}}node", {"id": node_id})
        ET.SubElement(node, f"{{{GRAPHML_NS}}}data", {"key": "d0"}).text = kind
        ET.SubElement(node, f"{{{GRAPHML_NS}}}data", {"key": "d1"}).text = label
    for i, ((source, target, agreement), weight) in enumerate(sorted(edges.items())):
        edge = ET.SubElement(
            graph, f"{{{GRAPHML_NS}}}edge", {"id": f"e{i}", "source": source, "target": target}
        )
        ET.SubElement(edge, f"{{{GRAPHML_NS}}}data", {"key": "d2"}).text = str(agreement)
        ET.SubElement(edge, f"{{{GRAPHML_NS}}}data", {"key": "d3"}).text = str(weight)
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
    return len(edges)
