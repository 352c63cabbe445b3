"""RSS/Atom feeds: offline full-content items, fetched item pages, dead links (E107), fallbacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.errors import LagebildError
from lagebild.ingest import read, read_many
from lagebild.ingest.feeds import FALLBACK_MIN_CHARS, FULL_CONTENT_MIN_CHARS, is_feed

from .conftest import LocalServer
from .test_html import PAGE

LONG_SUMMARY = (
    "Die Bundesregierung hat sich nach langem Streit auf einen Entwurf für den Haushalt 2026 geeinigt. "
    "Finanzminister Lars Klingbeil (SPD) sprach am Mittwoch von einem Haushalt der Investitionen. "
    "„Wir modernisieren das Land und stärken die Bundeswehr“, sagte Klingbeil in Berlin. "
    "Die Opposition kritisierte die hohe Neuverschuldung; die Grünen warfen der Koalition Tricksereien vor."
)
assert FALLBACK_MIN_CHARS <= len(LONG_SUMMARY) < FULL_CONTENT_MIN_CHARS


def rss(items: list[tuple[str, str, str]]) -> str:
    """An RSS 2.0 feed; items are (title, link, description)."""
    body = "".join(
        f"<item><title>{title}</title><link>{link}</link>"
        f"<pubDate>Wed, 02 Jul 2025 10:00:00 +0200</pubDate><description>{desc}</description></item>"
        for title, link, desc in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Test</title>'
        f"<link>https://beispielzeitung.example/</link><description>Test</description>{body}</channel></rss>"
    )


def test_bundled_feed_works_offline(samples: Path, server: LocalServer) -> None:
    articles = list(read(samples / "012_politik_feed.rss"))
    assert [a.title for a in articles] == [
        "Merz im zweiten Wahlgang zum Kanzler gewählt",
        "Pistorius sagt Kiew weitere Hilfe bei der Luftverteidigung zu",
    ]
    first = articles[0]
    assert first.published is not None
    assert (first.published.value, first.published.granularity) == ("2025-05-06", "day")
    assert first.credit == "dpa/Red"
    assert first.author == "Miriam Vogt"
    assert [s.text for s in first.subheadings] == ["Klingbeil wird Vizekanzler"]
    assert first.url == "https://beispielzeitung.example/politik/kanzlerwahl-merz-zweiter-wahlgang"
    assert "<p>" not in first.text
    for span in first.paragraphs:
        assert first.text[span.start : span.end] == span.text


def test_feed_items_fetched_from_local_server(server: LocalServer, closed_port_url: str) -> None:
    page = server.add("/politik/rutte", PAGE)
    dead = server.url("/politik/geloescht")
    fallback = server.url("/politik/haushalt-weg")
    feed_url = server.add(
        "/feed.xml",
        rss(
            [
                ("Rutte fordert mehr Tempo", page, "Kurzer Anreißer."),
                ("Gelöschter Artikel", dead, "Nur ein Anreißer."),
                ("Server aus", closed_port_url, "Auch nur ein Anreißer."),
                ("Haushalt 2026", fallback, LONG_SUMMARY),
            ]
        ),
        "application/rss+xml",
    )
    items = list(read_many([feed_url]))
    assert len(items) == 4
    article, dead_error, closed_error, from_summary = items

    assert not isinstance(article, LagebildError)
    assert article.title == "Rutte fordert mehr Tempo bei der Aufrüstung"
    assert article.source == page
    # The feed's date wins over the page's: it is the date of this publication.
    assert article.published is not None and article.published.value == "2025-07-02"

    assert isinstance(dead_error, LagebildError) and dead_error.code == "E107"
    assert dead_error.source == dead and dead in str(dead_error)
    assert isinstance(closed_error, LagebildError) and closed_error.code == "E107"
    assert closed_error.source == closed_port_url

    assert not isinstance(from_summary, LagebildError)
    assert from_summary.text == LONG_SUMMARY
    assert from_summary.title == "Haushalt 2026"
    assert server.hits["/politik/haushalt-weg"] == 1


def test_full_content_items_are_not_fetched(server: LocalServer) -> None:
    long_text = " ".join([LONG_SUMMARY] * 3)
    link = server.url("/nie-abgerufen")
    feed = server.add("/voll.xml", rss([("Haushalt", link, long_text)]), "application/xml")
    (article,) = list(read(feed))
    assert article.text == long_text
    assert "/nie-abgerufen" not in server.hits


def test_read_of_feed_with_only_dead_links_raises(tmp_path: Path, server: LocalServer) -> None:
    path = tmp_path / "tote_links.rss"
    path.write_text(rss([("Weg", server.url("/weg"), "Anreißer.")]), encoding="utf-8")
    with pytest.raises(LagebildError) as info:
        list(read(path))
    assert info.value.code == "E107"
    assert server.url("/weg") in str(info.value)


def test_atom_feed(tmp_path: Path) -> None:
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Test</title><id>urn:x</id><updated>2025-01-30T12:00:00Z</updated>
<entry><title>Abstimmung im Bundestag</title><id>urn:x:1</id><updated>2025-01-29T18:00:00Z</updated>
<content type="html">&lt;p&gt;{" ".join([LONG_SUMMARY] * 3)}&lt;/p&gt;</content></entry></feed>"""
    path = tmp_path / "atom.atom"
    path.write_text(atom, encoding="utf-8")
    (article,) = list(read(path))
    assert article.published is not None and article.published.value == "2025-01-29"
    assert article.title == "Abstimmung im Bundestag"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'<?xml version="1.0"?><rss version="2.0">', True),
        (b"\xef\xbb\xbf<?xml version='1.0'?>\n<!-- x -->\n<feed xmlns='http://www.w3.org/2005/Atom'>", True),
        (b"<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>", True),
        (b"<!DOCTYPE html><html>", False),
        (b" date 2025-01 Text", False),
    ],
)
def test_is_feed(head: bytes, expected: bool) -> None:
    assert is_feed(head) is expected


def test_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "kaputt.xml"
    path.write_text("<?xml version='1.0'?><daten><wert>1</wert></daten>", encoding="utf-8")
    with pytest.raises(LagebildError) as info:
        list(read(path))
    assert info.value.code == "E105"
    assert "kaputt.xml" in str(info.value)
