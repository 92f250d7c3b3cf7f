"""Guideline templates a plan can start from (articles 000 #7 and 004 #3, #5, #6)."""

from . import GuidelineSeed

GUIDELINES: tuple[GuidelineSeed, ...] = (
    GuidelineSeed(
        "tone",
        ("Ton", "Tone"),
        (
            "Wir sprechen als Menschen mit Menschen: auf Augenhöhe, freundlich und ohne Marketing-Floskeln. Wer "
            "für uns schreibt, zeigt Gesicht und unterschreibt mit Namen oder Kürzel.",
            "We talk as people to people: as equals, friendly and without marketing phrases. Whoever writes for "
            "us shows their face and signs with their name or initials.",
        ),
    ),
    GuidelineSeed(
        "mistakes",
        ("Fehler", "Mistakes"),
        (
            "Fehler sind erlaubt. Wir stehen dazu, korrigieren öffentlich und nachvollziehbar und löschen keine "
            "berechtigte Kritik.",
            "Mistakes are allowed. We own up to them, correct them publicly and transparently, and do not delete "
            "legitimate criticism.",
        ),
    ),
    GuidelineSeed(
        "confidentiality",
        ("Vertraulichkeit", "Confidentiality"),
        (
            "Nicht veröffentlicht wird, was mit der Geschäftsführung als vertraulich vereinbart ist – etwa "
            "Umsatzzahlen, interne Strategiebesprechungen, Kunden- und Lieferantendaten. Im Zweifel erst fragen.",
            "We do not publish what has been agreed with management as confidential – such as sales figures, "
            "internal strategy meetings, customer and supplier data. When in doubt, ask first.",
        ),
    ),
    GuidelineSeed(
        "crisis",
        ("Krise und Eskalation", "Crisis and escalation"),
        (
            "Bei einer Kritikwelle informiert die hauptverantwortliche Person binnen einer Stunde die "
            "Geschäftsführung. Wir antworten zeitnah, sachlich und ehrlich, sagen, was wir prüfen, und melden "
            "uns mit dem Ergebnis. Rechtliche Fragen gehen an die Rechtsabteilung.",
            "When a wave of criticism starts, the person with overall responsibility informs management within "
            "one hour. We respond promptly, factually and honestly, say what we are looking into and come back "
            "with the result. Legal questions go to the legal department.",
        ),
    ),
    GuidelineSeed(
        "employee-advocacy",
        ("Mitarbeitende als Markenbotschafter", "Employees as brand ambassadors"),
        (
            "Alle Mitarbeitenden dürfen über ihre Arbeit sprechen und Inhalte des Unternehmens teilen. Wer das "
            "tut, macht die Zugehörigkeit zum Unternehmen kenntlich, spricht für sich selbst und beachtet die "
            "Vertraulichkeitsregeln.",
            "All employees may talk about their work and share the company's content. When they do, they make "
            "clear that they work for the company, speak for themselves and respect the confidentiality rules.",
        ),
    ),
    GuidelineSeed(
        "legal",
        ("Recht", "Legal"),
        (
            "Jeder Kanal hat ein Impressum und einen Hinweis zum Datenschutz. Wir nutzen nur Bilder, Musik und "
            "Texte, an denen wir die Rechte haben, holen Einwilligungen für Fotos von Personen ein und "
            "kennzeichnen Werbung und Gewinnspiele.",
            "Every channel has an imprint and a privacy notice. We only use images, music and texts we hold the "
            "rights to, obtain consent for photos of people and label advertising and prize draws.",
        ),
    ),
)
