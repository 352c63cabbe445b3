"""Page labels in German (default) and English (``?lang=en``)."""

from __future__ import annotations

__all__ = ["LANGS", "labels", "pick_lang"]

LANGS: tuple[str, ...] = ("de", "en")

_LABELS: dict[str, dict[str, str]] = {
    "app_tagline": {"de": "Deutsche Nachrichten als belegte Daten", "en": "German news as sourced data"},
    "overview": {"de": "Übersicht", "en": "Overview"},
    "search": {"de": "Suche", "en": "Search"},
    "search_placeholder": {"de": "Suchbegriff, z. B. Waffenruhe", "en": "Search words, e.g. Waffenruhe"},
    "search_button": {"de": "Suchen", "en": "Search"},
    "quotes": {"de": "Zitate", "en": "Quotes"},
    "network": {"de": "Netzwerk", "en": "Network"},
    "articles": {"de": "Artikel", "en": "Articles"},
    "latest_articles": {"de": "Neueste Artikel", "en": "Latest articles"},
    "top_actors": {"de": "Meistgenannte Akteure", "en": "Most mentioned actors"},
    "knowledge_base": {"de": "Wissensbasis", "en": "Knowledge base"},
    "near_duplicates": {"de": "Beinahe-Dubletten", "en": "Near-duplicates"},
    "records": {"de": "Extrahierte Einträge", "en": "Extracted records"},
    "entities": {"de": "Entitäten", "en": "Entities"},
    "timexes": {"de": "Zeitausdrücke", "en": "Time expressions"},
    "events": {"de": "Ereignisse", "en": "Events"},
    "claims": {"de": "Positionen", "en": "Claims"},
    "reported": {"de": "Indirekte Rede", "en": "Reported speech"},
    "actors": {"de": "Akteure", "en": "Actors"},
    "no_results": {"de": "Keine Treffer für", "en": "No results for"},
    "results_for": {"de": "Treffer für", "en": "results for"},
    "published": {"de": "Veröffentlicht", "en": "Published"},
    "undated": {"de": "ohne Datum", "en": "undated"},
    "source": {"de": "Quelle", "en": "Source"},
    "credit": {"de": "Agentur", "en": "Credit"},
    "duplicate_of": {"de": "Beinahe-Dublette von", "en": "Near-duplicate of"},
    "duplicates": {"de": "Beinahe-Dubletten dieses Artikels", "en": "Near-duplicates of this article"},
    "legend": {"de": "Legende", "en": "Legend"},
    "speaker": {"de": "Sprecher", "en": "Speaker"},
    "cue": {"de": "Redeeinleitung", "en": "Cue"},
    "quote": {"de": "Zitat", "en": "Quote"},
    "kind": {"de": "Art", "en": "Kind"},
    "value": {"de": "Wert", "en": "Value"},
    "type": {"de": "Typ", "en": "Type"},
    "mode": {"de": "Modus", "en": "Mode"},
    "text": {"de": "Text", "en": "Text"},
    "article": {"de": "Artikel", "en": "Article"},
    "date": {"de": "Datum", "en": "Date"},
    "not_analyzed": {"de": "nicht analysiert", "en": "not analyzed"},
    "none_found": {"de": "keine gefunden", "en": "none found"},
    "click_quote_hint": {
        "de": "Ein Klick auf ein Zitat hebt Sprecher und Redeeinleitung hervor.",
        "en": "Click a quote to highlight its speaker and cue.",
    },
    "aliases": {"de": "Namensformen", "en": "Aliases"},
    "roles": {"de": "Ämter", "en": "Roles"},
    "office": {"de": "Amt", "en": "Office"},
    "from": {"de": "von", "en": "from"},
    "to": {"de": "bis", "en": "to"},
    "timeline": {"de": "Verlauf pro Monat", "en": "Timeline per month"},
    "month": {"de": "Monat", "en": "Month"},
    "mentions": {"de": "Nennungen", "en": "Mentions"},
    "unlinked_note": {
        "de": "Noch nicht mit der Wissensbasis verknüpft: gruppiert nach Schreibweise.",
        "en": "Not yet linked to the knowledge base: grouped by spelling.",
    },
    "filter": {"de": "Filtern", "en": "Filter"},
    "since": {"de": "ab", "en": "since"},
    "until": {"de": "bis", "en": "until"},
    "words": {"de": "Wörter", "en": "Words"},
    "all": {"de": "alle", "en": "all"},
    "direct": {"de": "direkt", "en": "direct"},
    "partial": {"de": "teilweise", "en": "partial"},
    "previous": {"de": "Zurück", "en": "Previous"},
    "next": {"de": "Weiter", "en": "Next"},
    "of": {"de": "von", "en": "of"},
    "edge_types": {"de": "Verbindungen", "en": "Edges"},
    "co-mention": {"de": "gemeinsam genannt", "en": "co-mentioned"},
    "edge_quote": {"de": "zitiert über", "en": "quotes about"},
    "edge_event": {"de": "Ereignis", "en": "event"},
    "network_hint": {
        "de": "Knotengröße: Nennungen. Ziehen verschiebt einen Knoten, Klick öffnet das Akteursprofil.",
        "en": "Node size: mentions. Drag to move a node, click to open the actor profile.",
    },
    "no_js": {
        "de": "Die Grafik braucht JavaScript; die Tabelle zeigt dieselben Daten.",
        "en": "The chart needs JavaScript; the table shows the same data.",
    },
    "error": {"de": "Fehler", "en": "Error"},
    "back_home": {"de": "Zur Übersicht", "en": "Back to the overview"},
    "api_docs": {"de": "API-Dokumentation", "en": "API documentation"},
    "language": {"de": "Sprache", "en": "Language"},
    "PER": {"de": "Person", "en": "Person"},
    "ORG": {"de": "Organisation", "en": "Organisation"},
    "LOC": {"de": "Ort", "en": "Place"},
    "GPE": {"de": "Staat", "en": "State"},
    "MISC": {"de": "Sonstiges", "en": "Other"},
    "TIMEX": {"de": "Zeitausdruck", "en": "Time expression"},
    "nodes": {"de": "Akteure", "en": "Actors"},
    "edges": {"de": "Verbindungen", "en": "Edges"},
    "weight": {"de": "Gewicht", "en": "Weight"},
}


def pick_lang(value: str | None) -> str:
    return value if value in LANGS else "de"


def labels(lang: str) -> dict[str, str]:
    """All labels in ``lang`` (German for unknown languages)."""
    lang = pick_lang(lang)
    return {key: texts[lang] for key, texts in _LABELS.items()}
