# ruff: noqa: E501  (article texts: one paragraph per line, as in the seed corpus)
"""German article texts written for these tests (original text, plausible 2024-2025 politics)."""

from __future__ import annotations

# An article in the seed format with two subheadings and a credit; paragraphs are one line each.
SEED_ARTICLE = """\
 date 2025-03-21 Der Bundesrat hat der Grundgesetzänderung für mehr Verteidigungsausgaben und ein Sondervermögen für Infrastruktur zugestimmt. In der Länderkammer kam am Freitag die nötige Zweidrittelmehrheit zustande.

Bayerns Ministerpräsident Markus Söder (CSU) sprach von einem „Tag der Verantwortung“. Das Paket sei notwendig, um die Bundeswehr zu stärken und marode Brücken zu sanieren.

Kritik aus Thüringen

Die Landesregierung in Erfurt enthielt sich. Ministerpräsident Mario Voigt (CDU) sagte, der Koalitionspartner BSW habe der Änderung nicht zustimmen wollen. Das sei bedauerlich.

Kurz.

Wie geht es weiter

Nun muss Bundespräsident Frank-Walter Steinmeier das Gesetz noch unterzeichnen. Er werde die Verfassungsmäßigkeit sorgfältig prüfen, hieß es aus dem Bundespräsidialamt. (dpa/Red)
"""

# A story of ~330 words and an agency copy of it: the lead sentence rewritten, one sentence added.
ORIGINAL = """\
Die Innenminister der Europäischen Union haben sich in Luxemburg auf gemeinsame Regeln für schnellere Abschiebungen verständigt. Nach monatelangen Verhandlungen stimmte am Donnerstag eine große Mehrheit der Mitgliedstaaten für den Vorschlag der EU-Kommission.

Künftig sollen abgelehnte Asylbewerber leichter in sogenannte Rückkehrzentren außerhalb der EU gebracht werden können. Der zuständige EU-Kommissar Magnus Brunner sprach von einem wichtigen Schritt. „Wer kein Recht hat, in Europa zu bleiben, muss unser Gebiet auch verlassen“, sagte Brunner nach dem Treffen.

Bundesinnenminister Alexander Dobrindt begrüßte die Einigung. Deutschland habe sich lange für strengere Regeln eingesetzt, sagte der CSU-Politiker. Die Zahl der Rückführungen sei bisher viel zu niedrig, weil Herkunftsländer die Zusammenarbeit verweigerten und Verfahren zu lange dauerten.

Menschenrechtsorganisationen kritisierten die Pläne scharf. Amnesty International warnte, Schutzsuchende könnten in Staaten gebracht werden, in denen ihnen Gewalt drohe. Auch Spanien und Portugal äußerten Bedenken und enthielten sich bei der Abstimmung.

Die italienische Regierung von Ministerpräsidentin Giorgia Meloni sieht sich durch die Einigung bestätigt. Italien betreibt bereits zwei Lager in Albanien, die allerdings wegen Gerichtsentscheidungen weitgehend leer stehen. Innenminister Matteo Piantedosi sagte, Europa folge nun dem italienischen Weg.

Das Europäische Parlament muss den neuen Regeln noch zustimmen. Die Verhandlungen dürften sich bis ins kommende Jahr ziehen. Mehrere Fraktionen haben bereits Widerstand angekündigt. Der Grünen-Abgeordnete Erik Marquardt nannte die Pläne einen Irrweg, der Menschenrechte untergrabe und das Problem nur verlagere.

Die Kommission verweist dagegen auf den Druck aus vielen Hauptstädten. In mehreren Ländern hätten rechtspopulistische Parteien mit dem Thema Migration Wahlen gewonnen, heißt es in Brüssel. Die Einigung solle zeigen, dass die EU handlungsfähig sei. Ob die Rückkehrzentren tatsächlich entstehen, hängt aber von Abkommen mit Drittstaaten ab, die bisher nicht existieren. (dpa)
"""

AGENCY_COPY = (
    ORIGINAL.replace(
        "Die Innenminister der Europäischen Union haben sich in Luxemburg auf gemeinsame Regeln für "
        "schnellere Abschiebungen verständigt.",
        "Die EU will abgelehnte Asylbewerber künftig deutlich schneller abschieben.",
    )
    .replace(
        "Innenminister Matteo Piantedosi sagte, Europa folge nun dem italienischen Weg.",
        "Innenminister Matteo Piantedosi sagte, Europa folge nun dem italienischen Weg. "
        "Rom hatte die Lager trotz aller Kritik immer wieder verteidigt.",
    )
    .replace("(dpa)", "(AFP/Red)")
)

# A different story on the same topic (EU migration policy) from the same days.
SAME_TOPIC = """\
Die Zahl der Asylanträge in der Europäischen Union ist im ersten Halbjahr deutlich gesunken. Nach Angaben der EU-Asylagentur wurden zwischen Januar und Juni rund 400.000 Anträge gestellt, etwa ein Viertel weniger als im Vorjahreszeitraum.

Den stärksten Rückgang verzeichnete Deutschland, wo weiterhin die meisten Anträge gestellt werden. Die Bundesregierung führt dies auf die verschärften Grenzkontrollen zurück. Bundesinnenminister Alexander Dobrindt sagte, die Maßnahmen wirkten. „Wir haben die Wende in der Migrationspolitik eingeleitet“, sagte der CSU-Politiker in Berlin.

Experten sehen andere Gründe. Der Sturz des Assad-Regimes in Syrien habe dazu geführt, dass weniger Syrer Schutz in Europa suchten, sagte ein Migrationsforscher. Auch die Zusammenarbeit der EU mit Tunesien und Libyen habe die Überfahrten über das Mittelmeer verringert.

Die meisten Antragsteller kamen aus Venezuela, Afghanistan und Syrien. Spanien verzeichnete dagegen einen Anstieg, vor allem wegen der Ankünfte auf den Kanarischen Inseln. Die Regierung in Madrid forderte mehr Solidarität der anderen Mitgliedstaaten bei der Verteilung.

Menschenrechtsorganisationen warnten, sinkende Zahlen bedeuteten nicht, dass weniger Menschen Schutz bräuchten. Viele säßen in Transitländern fest, unter schwierigen Bedingungen. Pro Asyl kritisierte die Zurückweisungen an den deutschen Grenzen erneut als rechtswidrig. (epd)
"""
