"""Rule tests on hand-built Docs: quotation marks, cues, speakers, reported speech, Konjunktiv."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from lagebild.quotes import find_quotes
from lagebild.quotes.component import QuotesComponent
from lagebild.quotes.extract import MIN_CONFIDENCE, Found
from lagebild.quotes.marks import find_quote_marks

Make = Callable[..., Doc]


def _text(doc: Doc, found: Found) -> str:
    return doc.text[found.start : found.end]


def _speaker(doc: Doc, found: Found) -> str | None:
    return doc[found.speaker[0] : found.speaker[1]].text if found.speaker else None


def _only(items: list[Found], kind: str) -> Found:
    hits = [f for f in items if (f.kind == "reported") == (kind == "reported")]
    assert len(hits) == 1, [(f.kind, f.rule) for f in items]
    return hits[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Er sagte: „Wir kommen.“ Dann ging er.", ["Wir kommen."]),
        ("»Nein«, sagte sie.", ["Nein"]),
        ('"Ja", sagte er. "Nein", sagte sie.', ["Ja", "Nein"]),
        ('„Wir kommen", sagte er.', ["Wir kommen"]),  # ASCII closer after a German opener
        ("„Eins.\n\n„Zwei.“ sagte er.", ["Eins.\n\n„Zwei."]),  # a quote over two paragraphs
        ("Er nannte es „Unsinn, ‚Quatsch‘ und Lüge“.", ["Unsinn, ‚Quatsch‘ und Lüge"]),  # nested
        ("Trump’s Post und geht's „gut“", ["gut"]),  # apostrophes are not quotation marks
        ("„Offen ohne Ende.\n\nNeuer Absatz.", ["Offen ohne Ende."]),  # unclosed: ends at the paragraph
        ("«Ja», sagte er.", ["Ja"]),  # Swiss guillemets
        # mixed styles in one text
        ("„Wir bleiben“, sagte sie. »Auch morgen«, fügte sie an.", ["Wir bleiben", "Auch morgen"]),
        # an unclosed mark early on does not swallow the rest of the article
        ("Er sprach von „Unsinn.\n\nDanach: „Wir gehen.“\n\n„Heute noch“, sagte sie.", None),
    ],
)
def test_quote_marks(text: str, expected: list[str] | None) -> None:
    found = [text[q.start : q.end] for q in find_quote_marks(text) if q.level == 1]
    if expected is None:  # the unbalanced case: the later, well-formed quotes are all still found
        assert "Wir gehen." in found and "Heute noch" in found
        assert all("\n\n" not in f for f in found)
        return
    assert found == expected


def test_unclosed_quote_has_low_confidence() -> None:
    (q,) = find_quote_marks("„Offen ohne Ende.\n\nNeuer Absatz.")
    assert q.close is None and q.confidence <= 0.5


def test_direct_quote_with_trailing_cue(make: Make) -> None:
    doc = make(
        "„/PUNCT Wir/PRON senken/VERB die/DET Steuern/NOUN “/PUNCT ,/PUNCT sagte/VERB Scholz/PROPN ./PUNCT",
        mentions=[("Scholz", "PER", "scholz")],
    )
    q = _only(find_quotes(doc), "direct")
    assert (q.kind, _text(doc, q), _speaker(doc, q), q.actor_id) == (
        "direct",
        "Wir senken die Steuern",
        "Scholz",
        "scholz",
    )
    assert q.cue is not None and doc[q.cue[0]].text == "sagte"
    assert q.confidence >= 0.8


def test_direct_quote_after_colon_with_description_speaker(make: Make) -> None:
    doc = make(
        "Die/DET Ministerin/NOUN erklärte/VERB :/PUNCT „/PUNCT Die/DET Schulen/NOUN"
        " bleiben/VERB offen/ADJ ./PUNCT “/PUNCT",
        mentions=[("Die Ministerin", "PER", "local:ministerin")],
    )
    q = _only(find_quotes(doc), "direct")
    assert q.kind == "direct" and _speaker(doc, q) == "Die Ministerin" and q.actor_id == "local:ministerin"


def test_partial_quote_and_separable_cue(make: Make) -> None:
    doc = make(
        "Die/DET Reform/NOUN komme/VERB/Mood=Sub|VerbForm=Fin „/PUNCT noch/ADV in/ADP"
        " diesem/DET Jahr/NOUN “/PUNCT"
        " ,/PUNCT kündigte/VERB sie/PRON an/ADP ./PUNCT",
        mentions=[("sie", "PER", "faeser")],
    )
    found = find_quotes(doc)
    partial = _only(found, "partial")
    assert partial.kind == "partial" and _text(doc, partial) == "noch in diesem Jahr"
    assert partial.actor_id == "faeser" and partial.cue_lemma == "ankündigen"
    assert partial.particle is not None and doc[partial.particle].text == "an"
    assert partial.cue_text(doc) == "kündigte an"
    reported = _only(found, "reported")
    assert _text(doc, reported).startswith("Die Reform komme")
    assert reported.mood == "Konjunktiv I" and reported.actor_id == "faeser"


@pytest.mark.parametrize(
    ("annotated", "mentions", "content", "speaker", "mood"),
    [
        (  # cue + V2 clause in Konjunktiv I (mood from the morphologizer)
            "Baerbock/PROPN sagte/VERB ,/PUNCT die/DET Gespräche/NOUN seien/AUX/Mood=Sub|VerbForm=Fin"
            " konstruktiv/ADJ gewesen/AUX ./PUNCT",
            [("Baerbock", "PER", "baerbock")],
            "die Gespräche seien konstruktiv gewesen",
            "Baerbock",
            "Konjunktiv I",
        ),
        (  # Konjunktiv I from the fallback lexicon (no morphology)
            "Der/DET Verband/NOUN betonte/VERB ,/PUNCT die/DET Lage/NOUN sei/AUX ernst/ADJ ./PUNCT",
            [("Der Verband", "ORG", "local:verband")],
            "die Lage sei ernst",
            "Der Verband",
            "Konjunktiv I",
        ),
        (  # dass-clause
            "Die/DET Polizei/NOUN bestätigte/VERB ,/PUNCT dass/SCONJ zwei/NUM Menschen/NOUN verletzt/VERB"
            " wurden/AUX ./PUNCT",
            [("Die Polizei", "ORG", "local:polizei")],
            "dass zwei Menschen verletzt wurden",
            "Die Polizei",
            "Indikativ",
        ),
        (  # verb-final clause: the participle cue, its subject earlier
            "Im/ADP Mai/NOUN hatte/AUX die/DET WHO/PROPN den/DET Staaten/NOUN zugesichert/VERB ,/PUNCT"
            " der/DET Impfstoff/NOUN sei/AUX sicher/ADJ ./PUNCT",
            [("WHO", "ORG", "who")],
            "der Impfstoff sei sicher",
            "WHO",
            "Konjunktiv I",
        ),
    ],
)
def test_reported_clause(
    make: Make, annotated: str, mentions: list[tuple[str, str, str]], content: str, speaker: str, mood: str
) -> None:
    doc = make(annotated, mentions=mentions)
    r = _only(find_quotes(doc), "reported")
    assert (_text(doc, r), _speaker(doc, r), r.mood) == (content, speaker, mood)


@pytest.mark.parametrize(
    ("annotated", "mentions", "speaker", "cue"),
    [
        (
            "Laut/ADP Bundesbank/PROPN wächst/VERB die/DET Wirtschaft/NOUN kaum/ADV ./PUNCT",
            [("Bundesbank", "ORG", "bundesbank")],
            "Bundesbank",
            "Laut",
        ),
        (
            "Der/DET Zeitung/NOUN zufolge/ADP trat/VERB der/DET Trainer/NOUN zurück/ADP ./PUNCT",
            [],
            "Der Zeitung",
            "zufolge",
        ),
        (
            "Nach/ADP Angaben/NOUN der/DET Feuerwehr/NOUN brannte/VERB die/DET Halle/NOUN aus/ADP ./PUNCT",
            [("Feuerwehr", "ORG", "local:feuerwehr")],
            "Feuerwehr",
            "Nach Angaben",
        ),
        (  # adjectives before the noun; the source is the whole noun phrase
            "Nach/ADP ersten/ADJ Angaben/NOUN brannte/VERB die/DET Halle/NOUN aus/ADP ./PUNCT",
            [],
            "ersten Angaben",
            "Nach ersten Angaben",
        ),
        (  # a compound of a speech noun
            "Nach/ADP Polizeiangaben/NOUN brannte/VERB die/DET Halle/NOUN aus/ADP ./PUNCT",
            [],
            "Polizeiangaben",
            "Nach Polizeiangaben",
        ),
        (  # "nach" after the noun
            "Seiner/DET Meinung/NOUN nach/ADP sollten/AUX die/DET Verbraucher/NOUN sparen/VERB ./PUNCT",
            [],
            "Seiner Meinung",
            "nach",
        ),
    ],
)
def test_attribution_phrases(
    make: Make, annotated: str, mentions: list[tuple[str, str, str]], speaker: str, cue: str
) -> None:
    doc = make(annotated, mentions=mentions)
    r = _only(find_quotes(doc), "reported")
    assert r.kind == "reported" and _speaker(doc, r) == speaker
    assert r.cue is not None and doc[r.cue[0] : r.cue[1]].text == cue


def test_konjunktiv_continuation_carries_the_speaker(make: Make) -> None:
    doc = make(
        "Habeck/PROPN schrieb/VERB ,/PUNCT er/PRON habe/AUX mit/ADP den/DET Ländern/NOUN"
        " gesprochen/VERB ./PUNCT"
        " Die/DET Preise/NOUN würden/AUX bald/ADV sinken/VERB ./PUNCT"
        " Dafür/ADV müssten/AUX aber/ADV alle/PRON sparen/VERB ./PUNCT",
        mentions=[("Habeck", "PER", "habeck"), ("er", "PER", "habeck")],
    )
    reported = [f for f in find_quotes(doc) if f.kind == "reported"]
    texts = [_text(doc, f) for f in reported]
    # the continuation sentences after the attribution are one report, as WikiNews annotates them
    assert texts == [
        "er habe mit den Ländern gesprochen",
        "Die Preise würden bald sinken. Dafür müssten aber alle sparen",
    ]
    assert (
        reported[1].actor_id == "habeck" and reported[1].cue is None and reported[1].mood == "Konjunktiv II"
    )
    assert reported[1].confidence < reported[0].confidence  # carried, not stated


def test_konjunktiv_ii_alone_is_not_reported(make: Make) -> None:
    doc = make("Dafür/ADV müssten/AUX mehr/DET Lehrer/NOUN eingestellt/VERB werden/AUX ./PUNCT")
    assert find_quotes(doc) == []


def test_demnach_and_reportative_modal(make: Make) -> None:
    doc = make(
        "Die/DET Stadt/NOUN teilte/VERB mit/ADP ,/PUNCT dass/SCONJ das/DET Bad/NOUN schließt/VERB ./PUNCT"
        " Die/DET Sanierung/NOUN dauert/VERB demnach/ADV zwei/NUM Jahre/NOUN ./PUNCT"
        " So/ADV soll/AUX/Mood=Ind|VerbForm=Fin das/DET Dach/NOUN erneuert/VERB werden/AUX ./PUNCT",
        mentions=[("Die Stadt", "ORG", "local:stadt")],
    )
    reported = [f for f in find_quotes(doc) if f.kind == "reported"]
    assert [f.rule for f in reported] == ["cue+clause", "demnach", "reportative-modal"]
    assert all(f.actor_id == "local:stadt" for f in reported)
    assert reported[0].cue_lemma == "mitteilen"


def test_speaker_in_previous_sentence_and_medium(make: Make) -> None:
    doc = make(
        "Musk/PROPN schrieb/VERB auf/ADP X/PROPN ,/PUNCT er/PRON"
        " werde/AUX/Mood=Sub|VerbForm=Fin klagen/VERB ./PUNCT"
        " „/PUNCT Das/PRON lasse/VERB ich/PRON mir/PRON nicht/PART gefallen/VERB ./PUNCT “/PUNCT",
        mentions=[("Musk", "PER", "musk"), ("er", "PER", "musk")],
    )
    found = find_quotes(doc)
    direct = _only(found, "direct")
    assert direct.actor_id == "musk" and direct.rule == "quote:previous-sentence"
    reported = _only(found, "reported")
    assert reported.medium is not None and doc[reported.medium[0] : reported.medium[1]].text == "auf X"


def test_pronoun_speaker_and_addressee(make: Make) -> None:
    doc = make(
        "„/PUNCT Wir/PRON brauchen/VERB mehr/DET Geld/NOUN “/PUNCT ,/PUNCT sagte/VERB er/PRON gegenüber/ADP"
        " der/DET EU-Kommission/PROPN ./PUNCT",
        mentions=[("er", "PER", "lindner"), ("EU-Kommission", "ORG", "eu_commission")],
    )
    q = _only(find_quotes(doc), "direct")
    assert _speaker(doc, q) == "er" and q.actor_id == "lindner"
    assert q.addressee is not None and doc[q.addressee[0] : q.addressee[1]].text == "der EU-Kommission"


def test_unattributed_quote_says_so(make: Make) -> None:
    doc = make(
        "Am/ADP Abend/NOUN regnete/VERB es/PRON ./PUNCT"
        " „/PUNCT Das/PRON Spiel/NOUN ist/AUX noch/ADV nicht/PART vorbei/ADV ./PUNCT “/PUNCT"
    )
    q = _only(find_quotes(doc), "direct")
    assert q.speaker is None and q.actor_id is None and q.confidence <= 0.3


def test_names_and_scare_quotes_are_not_quotes(make: Make) -> None:
    doc = make(
        "Die/DET Band/NOUN „/PUNCT Rote/ADJ Rosen/NOUN “/PUNCT spielte/VERB einen/DET „/PUNCT"
        " lauten/ADJ “/PUNCT"
        " Abend/NOUN ./PUNCT"
    )
    assert find_quotes(doc) == []


def test_subheading_repeating_a_quote_is_not_a_second_quote(make: Make) -> None:
    doc = make(
        "Ein/DET „/PUNCT großer/ADJ Schritt/NOUN “/PUNCT ¶ Macron/PROPN sprach/VERB von/ADP einem/DET „/PUNCT"
        " großer/ADJ Schritt/NOUN “/PUNCT ,/PUNCT sagte/VERB er/PRON ./PUNCT",
        mentions=[("Macron", "PER", "macron"), ("er", "PER", "macron")],
        subheadings=["Ein „großer Schritt“"],
    )
    quotes = [f for f in find_quotes(doc) if f.kind != "reported"]
    assert len(quotes) == 1 and quotes[0].start > doc.text.index("Macron")


def test_component_stores_records(make: Make) -> None:
    doc = make(
        "„/PUNCT Wir/PRON senken/VERB die/DET Steuern/NOUN “/PUNCT ,/PUNCT fügte/VERB"
        " Scholz/PROPN hinzu/ADP ./PUNCT",
        mentions=[("Scholz", "PER", "scholz")],
    )
    doc.user_data["article_id"] = "a1"
    QuotesComponent()(doc)
    (span,) = doc.spans["quotes"]
    assert list(doc.spans["reported"]) == []
    quote = span._.quote
    assert quote.article_id == "a1" and quote.component == "lagebild.quotes.v1"
    assert (quote.kind, quote.speaker_actor_id, quote.cue.text if quote.cue else None) == (
        "direct",
        "scholz",
        "fügte",
    )
    assert span._.cue_particle.text == "hinzu" and span._.cue_lemma == "hinzufügen"
    assert doc.text[quote.start : quote.end] == quote.text == "Wir senken die Steuern"


def test_records_survive_serialization(make: Make) -> None:
    """Docs cross process boundaries (nlp.pipe(n_process=…)): the stored values are plain data."""
    doc = make(
        "„/PUNCT Wir/PRON senken/VERB die/DET Steuern/NOUN “/PUNCT ,/PUNCT fügte/VERB Scholz/PROPN"
        " hinzu/ADP ./PUNCT",
        mentions=[("Scholz", "PER", "scholz")],
    )
    QuotesComponent()(doc)
    copy = Doc(doc.vocab).from_bytes(doc.to_bytes())
    (span,) = copy.spans["quotes"]
    assert span._.quote == doc.spans["quotes"][0]._.quote
    assert span._.cue_particle.text == "hinzu"


@pytest.mark.parametrize(
    ("annotated", "mentions", "content", "speaker", "rule"),
    [
        (  # "Wie X mitteilte, …": the main clause is reported
            "Wie/SCONJ die/DET Bahn/NOUN mitteilte/VERB ,/PUNCT fallen/VERB morgen/ADV alle/DET Züge/NOUN"
            " aus/ADP ./PUNCT",
            [("die Bahn", "ORG", "db")],
            "fallen morgen alle Züge aus",
            "die Bahn",
            "wie-clause",
        ),
        (  # "…, so X": a trailing attribution without a verb
            "Die/DET Ernte/NOUN sei/AUX schlecht/ADJ ausgefallen/VERB ,/PUNCT so/ADV Özdemir/PROPN ./PUNCT",
            [("Özdemir", "PER", "oezdemir")],
            "Die Ernte sei schlecht ausgefallen",
            "Özdemir",
            "clause+trailing-cue",
        ),
        (  # a speech act without a content clause: the sentence as a whole
            "Die/DET Gewerkschaft/NOUN forderte/VERB einen/DET Mindestlohn/NOUN ./PUNCT",
            [("Die Gewerkschaft", "ORG", "verdi")],
            "Die Gewerkschaft forderte einen Mindestlohn",
            "Die Gewerkschaft",
            "speech-act",
        ),
    ],
)
def test_more_attributions(
    make: Make, annotated: str, mentions: list[tuple[str, str, str]], content: str, speaker: str, rule: str
) -> None:
    doc = make(annotated, mentions=mentions)
    r = _only(find_quotes(doc), "reported")
    assert (_text(doc, r), _speaker(doc, r), r.rule) == (content, speaker, rule)


def test_criticism_without_content_is_no_speech_act(make: Make) -> None:
    # "kritisieren" is a cue with a clause or a quotation only (no_speech_act in cues_de.yaml)
    doc = make("Die/DET Gewerkschaft/NOUN kritisierte/VERB den/DET Plan/NOUN scharf/ADJ ./PUNCT")
    assert find_quotes(doc) == []
    doc = make(
        "Die/DET Gewerkschaft/NOUN kritisierte/VERB ,/PUNCT der/DET Plan/NOUN"
        " sei/AUX/Mood=Sub|VerbForm=Fin unsozial/ADJ ./PUNCT"
    )
    r = _only(find_quotes(doc), "reported")
    assert (_text(doc, r), r.cue_lemma) == ("der Plan sei unsozial", "kritisieren")


def test_reportative_soll_with_sein_needs_no_attribution(make: Make) -> None:
    doc = make("Der/DET Täter/NOUN soll/AUX/Mood=Ind|VerbForm=Fin bewaffnet/ADJ gewesen/AUX sein/AUX ./PUNCT")
    r = _only(find_quotes(doc, min_confidence=0), "reported")
    assert r.rule == "reportative-modal" and r.speaker is None and r.confidence < MIN_CONFIDENCE
    # hearsay whose source nobody names is not reported by default
    assert find_quotes(doc) == []


def test_unsure_reported_items_are_left_out_but_quotations_stay(make: Make) -> None:
    doc = make(
        "Am/ADP Abend/NOUN regnete/VERB es/PRON ./PUNCT"
        " Die/DET Lage/NOUN sei/AUX/Mood=Sub|VerbForm=Fin ernst/ADJ ./PUNCT"
        " „/PUNCT Das/PRON Spiel/NOUN ist/AUX noch/ADV nicht/PART vorbei/ADV ./PUNCT “/PUNCT"
    )
    everything = find_quotes(doc, min_confidence=0)
    assert {f.kind for f in everything} == {"reported", "direct"}
    assert all(f.confidence < MIN_CONFIDENCE for f in everything)
    assert [f.kind for f in find_quotes(doc)] == ["direct"]


def test_deontic_soll_is_not_reported(make: Make) -> None:
    doc = make("Die/DET Brücke/NOUN soll/AUX/Mood=Ind|VerbForm=Fin im/ADP Mai/NOUN öffnen/VERB ./PUNCT")
    assert find_quotes(doc) == []


@pytest.mark.parametrize(
    "text",
    [
        "",
        "„",
        "“",
        '"""',
        "„„„“",
        "Er sagte: „",
        "»«»«",
        "‚‘‚",
        "„a\n\n„b\n\n„c",
        "sagte er.",
        "laut",
        ", so",
        "Wie sagte,",
        "zufolge",
        "„Text“ Das sagte.",
        "nach Angaben",
        " \n\n ",
        "soll sein.",
    ],
)
def test_odd_input_does_not_fail(text: str) -> None:
    """Fragments, stray and unbalanced marks: no exception, only well-formed records."""
    import spacy

    nlp = spacy.blank("de")
    doc = nlp.make_doc(text)
    QuotesComponent()(doc)
    for span in [*doc.spans["quotes"], *doc.spans["reported"]]:
        quote = span._.quote
        assert 0 <= quote.start < quote.end <= len(text) and text[quote.start : quote.end] == quote.text


def test_announcement_with_zu_infinitive(make: Make) -> None:
    doc = make(
        "Der/DET Minister/NOUN kündigte/VERB an/ADP ,/PUNCT noch/ADV heute/ADV zurückzutreten/VERB ./PUNCT",
        mentions=[("Der Minister", "PER", "local:minister")],
    )
    r = _only(find_quotes(doc), "reported")
    assert (_text(doc, r), r.actor_id, r.mood, r.cue_lemma) == (
        "noch heute zurückzutreten",
        "local:minister",
        None,
        "ankündigen",
    )


def test_short_quoted_name_does_not_cut_the_clause(make: Make) -> None:
    doc = make(
        "Das/DET Magazin/NOUN „/PUNCT Stern/PROPN “/PUNCT meldete/VERB ,/PUNCT der/DET Sänger/NOUN"
        " sei/AUX krank/ADJ ./PUNCT",
        mentions=[("Das Magazin „ Stern", "ORG", "stern")],
    )
    found = find_quotes(doc)
    r = _only(found, "reported")
    assert _text(doc, r) == "der Sänger sei krank" and r.actor_id == "stern"
    assert [f for f in found if f.kind != "reported"] == []  # „Stern“ is a name, not a quote


@pytest.mark.parametrize(
    "annotated",
    [
        "Der/DET Film/NOUN „/PUNCT Nackt/ADJ unter/ADP Wölfen/NOUN “/PUNCT lief/VERB gestern/ADV ./PUNCT",
        "Sie/PRON demonstrierten/VERB unter/ADP dem/DET Motto/NOUN „/PUNCT Frieden/NOUN jetzt/ADV !/PUNCT"
        " “/PUNCT",
        "Papier/PROPN schrieb/VERB in/ADP der/DET „/PUNCT BILD/PROPN am/ADP Sonntag/PROPN “/PUNCT ./PUNCT",
    ],
)
def test_titles_are_not_quotes(make: Make, annotated: str) -> None:
    doc = make(annotated, mentions=[("Papier", "PER", "papier")] if "Papier" in annotated else [])
    assert [f for f in find_quotes(doc) if f.kind != "reported"] == []


def test_speech_act_with_sprechen_von(make: Make) -> None:
    doc = make(
        "Müntefering/PROPN sprach/VERB von/ADP einem/DET Riesenerfolg/NOUN ./PUNCT",
        mentions=[("Müntefering", "PER", "local:muentefering")],
    )
    r = _only(find_quotes(doc), "reported")
    assert (r.rule, _speaker(doc, r), r.actor_id) == ("speech-act", "Müntefering", "local:muentefering")


def test_parenthesis_does_not_split_the_cue_clause(make: Make) -> None:
    doc = make(
        "Dazu/ADV hat/AUX Staatssekretär/NOUN Matthias/PROPN Berninger/PROPN (/PUNCT Grüne/PROPN )/PUNCT"
        " gefordert/VERB ,/PUNCT die/DET Steuern/NOUN zu/PART senken/VERB ./PUNCT",
        mentions=[("Matthias Berninger", "PER", "local:berninger"), ("Grüne", "ORG", "party:gruene")],
    )
    r = _only(find_quotes(doc), "reported")
    assert (_text(doc, r), r.actor_id) == ("die Steuern zu senken", "local:berninger")


# --- rules of the WikiNews-train round of 2026-11-25 (docs/quotes.md, "Second round") ----------------


def _speaker_text(doc: Doc, found: Found) -> str | None:
    return doc[found.speaker[0] : found.speaker[1]].text if found.speaker else None


def test_trailing_impersonal_cue_has_no_speaker(make: Make) -> None:
    doc = make(
        "Eine/DET Heilung/NOUN sei/AUX/Mood=Sub|VerbForm=Fin jedoch/ADV ausgeschlossen/VERB ,/PUNCT"
        " heißt/VERB es/PRON ./PUNCT"
    )
    r = _only(find_quotes(doc), "reported")
    assert (_text(doc, r), r.rule, r.speaker, r.cue_text(doc)) == (
        "Eine Heilung sei jedoch ausgeschlossen",
        "clause+trailing-cue",
        None,
        "heißt",
    )


@pytest.mark.parametrize(
    ("lead", "speaker"),
    [
        ("In/ADP der/DET Resolution/NOUN", "der Resolution"),  # a text is the source
        ("In/ADP der/DET Nacht/NOUN", None),  # a time is not
    ],
)
def test_impersonal_cue_with_in_phrase_before(make: Make, lead: str, speaker: str | None) -> None:
    doc = make(
        f"{lead} heißt/VERB es/PRON ,/PUNCT dass/SCONJ die/DET Rechte/NOUN verletzt/VERB"
        " würden/AUX/Mood=Sub|VerbForm=Fin ./PUNCT"
    )
    r = _only(find_quotes(doc), "reported")
    assert _speaker_text(doc, r) == speaker


def test_demnach_without_attribution_is_its_own_anaphoric_source(make: Make) -> None:
    doc = make(
        "Am/ADP Donnerstag/NOUN lag/VERB ein/DET Ergebnis/NOUN vor/ADP ./PUNCT"
        " Demnach/ADV hat/AUX sich/PRON die/DET Koalition/NOUN durchgesetzt/VERB ./PUNCT"
    )
    r = _only(find_quotes(doc), "reported")
    assert (_speaker_text(doc, r), r.actor_id, r.rule) == ("Demnach", None, "demnach")
    assert r.confidence < 0.5  # the actor is open: says so


def test_partial_quote_belongs_to_the_sentence_subject(make: Make) -> None:
    doc = make(
        "Bsirske/PROPN feierte/VERB Kluncker/PROPN als/ADP „/PUNCT eine/DET bedeutende/ADJ"
        " Persönlichkeit/NOUN und/CCONJ einen/DET großen/ADJ Gewerkschafter/NOUN “/PUNCT ./PUNCT",
        mentions=[("Bsirske", "PER", "local:bsirske"), ("Kluncker", "PER", "local:kluncker")],
    )
    verb = doc[1]
    for tok in doc:
        tok.head, tok.dep_ = verb, "dep"
    verb.head, verb.dep_ = verb, "ROOT"
    doc[0].dep_ = "nsubj"
    doc[2].dep_ = "obj"
    q = _only(find_quotes(doc), "partial")
    assert (q.actor_id, q.rule, q.cue_text(doc)) == ("local:bsirske", "quote:sentence-subject", "feierte")


def test_capitalized_word_in_the_clause_is_no_verb(make: Make) -> None:
    # the tagger calls "Wikimedia" a finite verb; a capitalized word inside a sentence is none
    doc = make(
        "Die/DET Website/NOUN meldete/VERB/VerbForm=Fin ,/PUNCT Wikimedia/VERB/VerbForm=Fin"
        " Deutschland/PROPN habe/AUX/Mood=Sub|VerbForm=Fin den/DET Zusammenhang/NOUN bestätigt/VERB ./PUNCT",
        mentions=[("Die Website", "ORG", "local:website")],
    )
    r = _only(find_quotes(doc), "reported")
    assert (_text(doc, r), r.mood, r.actor_id) == (
        "Wikimedia Deutschland habe den Zusammenhang bestätigt",
        "Konjunktiv I",
        "local:website",
    )


def test_dative_addressee_after_the_cue_is_not_the_speaker(make: Make) -> None:
    doc = make(
        "Am/ADP Montag/NOUN sagte/VERB Reportern/NOUN ,/PUNCT dass/SCONJ alles/PRON friedlich/ADJ"
        " verlaufen/VERB sei/AUX/Mood=Sub|VerbForm=Fin ./PUNCT"
    )
    r = _only(find_quotes(doc), "reported")
    assert _speaker_text(doc, r) != "Reportern"


def test_halten_fuer_moeglich_with_dass_clause(make: Make) -> None:
    doc = make(
        "Die/DET WHO/PROPN hält/VERB es/PRON für/ADP unwahrscheinlich/ADJ ,/PUNCT dass/SCONJ man/PRON"
        " sich/PRON ansteckt/VERB ./PUNCT"
        " Die/DET WHO/PROPN hielt/VERB eine/DET Konferenz/NOUN ab/ADP ./PUNCT",
        mentions=[("Die WHO", "ORG", "WHO")],
    )
    r = _only(find_quotes(doc), "reported")  # the second "hielt" has no clause: no cue
    assert (_text(doc, r), r.actor_id, r.cue_lemma) == ("dass man sich ansteckt", "WHO", "halten")


def test_nach_with_an_analysis_noun(make: Make) -> None:
    doc = make("Nach/ADP einer/DET ersten/ADJ Analyse/NOUN entstand/VERB ein/DET Treibstoffleck/NOUN ./PUNCT")
    r = _only(find_quotes(doc), "reported")
    assert (_text(doc, r), _speaker_text(doc, r)) == ("entstand ein Treibstoffleck", "einer ersten Analyse")


def test_reported_clause_with_partial_quote_after_colon(make: Make) -> None:
    # the finite verb of the clause is inside the partial quotation; the clause follows a colon
    doc = make(
        "Müller/PROPN bezweifelte/VERB die/DET Eignung/NOUN :/PUNCT das/DET Gespräch/NOUN „/PUNCT"
        " sei/AUX/Mood=Sub|VerbForm=Fin nicht/PART gut/ADJ verlaufen/VERB “/PUNCT ./PUNCT",
        mentions=[("Müller", "PER", "local:mueller")],
    )
    found = find_quotes(doc, rank=False)
    reported = _only(found, "reported")
    expected = ("local:mueller", "Konjunktiv I", "cue+clause")
    assert (reported.actor_id, reported.mood, reported.rule) == expected
    assert _text(doc, reported).startswith("das Gespräch")
    assert [f.kind for f in found if f.kind != "reported"] == ["partial"]  # nested in the reported clause


def test_passive_cue_has_the_agent_or_nobody_as_speaker(make: Make) -> None:
    doc = make(
        "Den/DET beiden/DET Männern/NOUN wurde/AUX vorgeworfen/VERB ,/PUNCT an/ADP der/DET"
        " Schlägerei/NOUN beteiligt/VERB/VerbForm=Fin gewesen/AUX zu/PART sein/AUX ./PUNCT"
    )
    for tok, tag in zip(
        doc,
        [
            "ART",
            "PIAT",
            "NN",
            "VAFIN",
            "VVPP",
            "$,",
            "APPR",
            "ART",
            "NN",
            "VVPP",
            "VAPP",
            "PTKZU",
            "VAINF",
            "$.",
        ],
        strict=True,
    ):
        tok.tag_ = tag
    r = _only(find_quotes(doc, rank=False), "reported")
    # the zu-infinitive is found although the morphologizer called "beteiligt" finite;
    # the dative "Den beiden Männern" is whom it was said to, not who said it
    assert (_text(doc, r), r.speaker, r.cue_lemma) == (
        "an der Schlägerei beteiligt gewesen zu sein",
        None,
        "vorwerfen",
    )


@pytest.mark.parametrize(
    ("annotated", "mentions", "actor"),
    [
        # "Als" + noun opens a main clause, not a subordinate one
        (
            "Als/ADP Beispiel/NOUN nannte/VERB die/DET NASA/PROPN die/DET Ausbeutung/NOUN von/ADP Gasen/NOUN"
            " ./PUNCT",
            [("die NASA", "ORG", "NASA")],
            "NASA",
        ),
        # a subject with an apposition before the verb
        (
            "Die/DET Partei/NOUN ,/PUNCT die/DET Hamas/PROPN ,/PUNCT bezeichnete/VERB die/DET Anschläge/NOUN"
            " als/ADP Selbstverteidigung/NOUN ./PUNCT",
            [("Die Partei", "ORG", "hamas")],
            "hamas",
        ),
        # a needs-clause verb with its prepositional complement: "geht von … aus"
        (
            "Die/DET Polizei/NOUN geht/VERB von/ADP Suizid/NOUN aus/ADP ./PUNCT",
            [("Die Polizei", "ORG", "local:polizei")],
            "local:polizei",
        ),
    ],
)
def test_more_speech_acts(
    make: Make, annotated: str, mentions: list[tuple[str, str, str]], actor: str
) -> None:
    doc = make(annotated, mentions=mentions)
    for tok in doc:  # finite verbs as the tagger marks them (the speech-act rule reads the tag)
        if tok.pos_ == "VERB":
            tok.tag_ = "VVFIN"
    r = _only(find_quotes(doc, rank=False), "reported")
    assert (r.rule, r.actor_id) == ("speech-act", actor)
    assert _text(doc, r) == doc.text.rstrip(" .")


def test_thought_verb_with_plain_object_is_a_speech_act(make: Make) -> None:
    doc = make(
        "Kritiker/NOUN fürchten/VERB Interessenskonflikte/NOUN ./PUNCT"
        " Die/DET Analysten/NOUN hatten/AUX mit/ADP 62/NUM Millionen/NOUN Euro/NOUN gerechnet/VERB ./PUNCT",
    )
    for tok in doc:
        tok.tag_ = {"fürchten": "VVFIN", "hatten": "VAFIN", "gerechnet": "VVPP"}.get(tok.text, "")
    found = find_quotes(doc, rank=False)
    assert [f.rule for f in found] == ["speech-act"]  # "rechnen mit" is a perfect here: no finite cue
    assert _text(doc, found[0]) == "Kritiker fürchten Interessenskonflikte"


@pytest.mark.parametrize(
    ("annotated", "content", "speaker"),
    [
        (  # a coordinated clause opened by the cue shares the sentence's subject
            "Wahlbeobachter/NOUN monieren/VERB Mängel/NOUN ,/PUNCT sprechen/VERB aber/ADV davon/ADV"
            " ,/PUNCT dass/SCONJ die/DET Wahl/NOUN fair/ADJ verlaufen/VERB sei/AUX/Mood=Sub|VerbForm=Fin"
            " ./PUNCT",
            "dass die Wahl fair verlaufen sei",
            "Wahlbeobachter",
        ),
        (  # a passive cue with no agent: the document it stands in speaks
            "So/ADV wird/AUX in/ADP einer/DET Pressemitteilung/NOUN gefordert/VERB/VerbForm=Part ,/PUNCT"
            " dass/SCONJ die/DET Regierung/NOUN handeln/VERB müsse/AUX/Mood=Sub|VerbForm=Fin ./PUNCT",
            "dass die Regierung handeln müsse",
            "einer Pressemitteilung",
        ),
        (  # a conjunction before "wie" still opens the attribution
            "Denn/CCONJ wie/SCONJ die/DET Zeitung/NOUN berichtete/VERB ,/PUNCT leidet/VERB der/DET"
            " Schauspieler/NOUN an/ADP Alzheimer/PROPN ./PUNCT",
            "leidet der Schauspieler an Alzheimer",
            "die Zeitung",
        ),
        (  # an indicative clause with a reportative "sollen" is reported as much as a Konjunktiv
            "Die/DET Zeitung/NOUN berichtete/VERB ,/PUNCT 200/NUM Mitarbeiter/NOUN"
            " sollen/AUX/Mood=Ind|VerbForm=Fin entlassen/VERB werden/AUX ./PUNCT",
            "200 Mitarbeiter sollen entlassen werden",
            "Die Zeitung",
        ),
        (  # "droht damit, … zu": a zu-infinitive complement, the fused form tagged VVINF
            "Die/DET Partei/NOUN droht/VERB damit/ADV ,/PUNCT das/DET Ergebnis/NOUN nicht/PART"
            " anzuerkennen/VERB/VerbForm=Inf ./PUNCT",
            "das Ergebnis nicht anzuerkennen",
            "Die Partei",
        ),
    ],
)
def test_third_round_attributions(make: Make, annotated: str, content: str, speaker: str) -> None:
    doc = make(annotated)
    stts = {
        "anzuerkennen": "VVINF",
        "gefordert": "VVPP",
        "wird": "VAFIN",
        "sollen": "VMFIN",
        "berichtete": "VVFIN",
    }
    for token in doc:  # the rules trust STTS tags where the tagger gives them
        token.tag_ = stts.get(token.text, token.tag_)
    r = _only(find_quotes(doc), "reported")
    assert (_text(doc, r), _speaker(doc, r)) == (content, speaker)


def test_unlemmatized_e_form_is_konjunktiv_i(make: Make) -> None:
    # the morphologizer said Mood=Ind and the lemmatizer left "rechne" alone: -e is Konjunktiv I
    doc = make(
        "Die/DET Zeitung/NOUN meldete/VERB ,/PUNCT Feldmann/PROPN rechne/VERB/Mood=Ind|VerbForm=Fin"
        " mit/ADP einem/DET Urteil/NOUN ./PUNCT"
    )
    for token in doc:
        token.tag_ = {"meldete": "VVFIN", "rechne": "VVFIN"}.get(token.text, "")
    doc[5].lemma_ = "rechne"
    r = _only(find_quotes(doc), "reported")
    assert (_text(doc, r), r.mood) == ("Feldmann rechne mit einem Urteil", "Konjunktiv I")
