"""The held-out split and the data readers (no model, no shared data needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.nlp.data import (
    HELDOUT_FRACTION,
    detokenize_spaces,
    is_heldout,
    map_germeval_tag,
    read_conllu,
    read_germeval,
)


def test_split_is_deterministic_and_sized() -> None:
    keys = [f"s{i}" for i in range(20_000)]
    first = [is_heldout("de_gsd", k) for k in keys]
    assert first == [is_heldout("de_gsd", k) for k in keys]
    share = sum(first) / len(first)
    assert abs(share - HELDOUT_FRACTION) < 0.01
    # the source name is part of the hash: different sources get different splits
    assert first != [is_heldout("de_lit", k) for k in keys]


@pytest.mark.parametrize(
    ("tag", "expected"),
    [("B-OTH", "B-MISC"), ("I-OTH", "I-MISC"), ("B-LOCderiv", "O"), ("I-ORGpart", "O"),
     ("B-PER", "B-PER"), ("O", "O")],
)
def test_germeval_label_mapping(tag: str, expected: str) -> None:
    assert map_germeval_tag(tag) == expected


def test_detokenize_spaces() -> None:
    words = ["Er", "sagte", "„", "ja", "“", "(", "dpa", ")", "."]
    assert detokenize_spaces(words) == [True, True, False, False, True, False, False, False, True]


def test_read_germeval_outer_level(tmp_path: Path) -> None:
    path = tmp_path / "g.tsv"
    path.write_text(
        "#\thttp://x\t[2009]\n1\tDer\tO\tO\n2\trussische\tB-LOCderiv\tO\n3\tFC\tB-ORG\tO\n"
        "4\tKickers\tI-ORG\tO\n5\tDarmstadt\tI-ORG\tB-LOC\n\n",
        encoding="utf-8",
    )
    (sent,) = list(read_germeval(path))
    assert sent.tags == ["O", "O", "B-ORG", "I-ORG", "I-ORG"]
    assert sent.text == "Der russische FC Kickers Darmstadt "


def test_read_conllu_merges_multiword_tokens(tmp_path: Path) -> None:
    rows = [
        "# sent_id = t1",
        "1\tEr\ter\tPRON\tPPER\tCase=Nom|Number=Sing|Person=3|PronType=Prs\t2\tnsubj\t_\t_",
        "2\twohnt\twohnen\tVERB\tVVFIN\tMood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin\t0\troot\t_\t_",
        "3-4\tim\t_\t_\t_\t_\t_\t_\t_\t_",
        "3\tin\tin\tADP\tAPPR\t_\t5\tcase\t_\t_",
        "4\tdem\tder\tDET\tART\tCase=Dat|Definite=Def|Gender=Neut|Number=Sing|PronType=Art\t5\tdet\t_\t_",
        "5\tHaus\tHaus\tNOUN\tNN\tCase=Dat|Gender=Neut|Number=Sing\t2\tobl\t_\tSpaceAfter=No",
        "6\t.\t.\tPUNCT\t$.\t_\t2\tpunct\t_\t_",
        "",
    ]
    path = tmp_path / "t.conllu"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    (s,) = list(read_conllu(path))
    assert s.words == ["Er", "wohnt", "im", "Haus", "."]
    assert s.xpos[2] == "APPRART" and s.upos[2] == "ADP" and s.deps[2] == "case"
    assert s.heads == [1, 1, 3, 1, 1]
    assert s.morphs[2] == "Case=Dat|Gender=Neut|Number=Sing"  # Definite/PronType are not kept
    assert s.text == "Er wohnt im Haus. "
