"""Article 003 (#SoMeFAQ part 3): central success factors and the challenges."""

from . import ChecklistSeed, ItemSeed
from .sources import SOMEFAQ

CHECKLIST = ChecklistSeed(
    slug="somefaq-factors",
    source=SOMEFAQ,
    title=("Zentrale Erfolgsfaktoren und Herausforderungen", "Key success factors and challenges"),
    description=(
        "Sechs zentrale Erfolgsfaktoren und zwei Herausforderungen, an denen Unternehmen scheitern können.",
        "Six key success factors and two challenges companies can fail on.",
    ),
    items=(
        ItemSeed(
            slug="faq-strategy",
            dimension="strategy",
            weight=3,
            title=("Strategie: Ziel, Zielgruppe – dann erst Instrumente", "Strategy: goal, target group – then tools"),
            explanation=(
                "Dem Einsatz sollte eine Strategie zugrunde liegen, die mindestens das Ziel, die Zielgruppe und "
                "– ganz zuletzt – die Instrumente festlegt. Eine Roadmap hilft, das Ziel im Auge zu behalten.",
                "Social media work should rest on a strategy that sets at least the goal, the target group and "
                "– only last – the tools. A roadmap helps keep the goal in sight.",
            ),
            measures=(
                ("Das Ziel festlegen", "Set the goal"),
                ("Die Zielgruppe bestimmen", "Define the target group"),
                ("Erst danach die Instrumente auswählen", "Only then choose the tools"),
                ("Eine Roadmap aufstellen", "Draw up a roadmap"),
            ),
        ),
        ItemSeed(
            slug="faq-orchestration",
            dimension="strategy",
            weight=2,
            title=("Orchestrierung mit der übrigen Kommunikation", "Coordinate with all other communication"),
            explanation=(
                "Social Media nützt der Gesamtkommunikation am meisten, wenn es mit der übrigen internen und "
                "externen Unternehmenskommunikation abgestimmt ist.",
                "Social media serves the overall communication best when it is coordinated with the rest of the "
                "company's internal and external communication.",
            ),
            measures=(
                (
                    "Themen und Termine mit PR, Marketing und interner Kommunikation abstimmen",
                    "Align topics and dates with PR, marketing and internal communication",
                ),
            ),
        ),
        ItemSeed(
            slug="faq-organization",
            dimension="organization",
            weight=3,
            title=(
                "Organisation: Rückhalt von oben und von unten",
                "Organisation: backing from the top and from below",
            ),
            explanation=(
                "Social Media muss top-down und bottom-up gleichermaßen gewollt, gestützt und vorangetrieben "
                "werden; fehlt eine Seite, wird es sehr schwierig. Und: Social Media ist keine Aufgabe für den "
                "Praktikanten.",
                "Social media has to be wanted, supported and driven top-down and bottom-up alike; if one side "
                "is missing, it gets very hard. And: social media is not a job for the intern.",
            ),
            measures=(
                ("Die Unterstützung der Unternehmensleitung sichern", "Secure the backing of the management"),
                ("Mitarbeitende aktiv einbinden", "Actively involve employees"),
                (
                    "Die Verantwortung einer erfahrenen Person geben, nicht dem Praktikanten",
                    "Give the responsibility to an experienced person, not to the intern",
                ),
            ),
        ),
        ItemSeed(
            slug="faq-culture",
            dimension="culture",
            weight=2,
            title=("Kultur: passend und kritikfähig", "Culture: a good fit and open to criticism"),
            explanation=(
                "Social Media muss zur Unternehmenskultur passen, oder die Kultur muss sich dahin entwickeln "
                "können: Plattformen sind intern nicht gesperrt, und das Unternehmen kann mit Kritik umgehen.",
                "Social media has to fit the company culture, or the culture must be able to move that way: "
                "platforms are not blocked internally, and the company can take criticism.",
            ),
            measures=(
                ("Social-Media-Plattformen intern nicht sperren", "Do not block social media platforms internally"),
                ("Festlegen, wie mit Kritik umgegangen wird", "Agree how criticism is handled"),
            ),
        ),
        ItemSeed(
            slug="faq-launch",
            dimension="organization",
            weight=3,
            title=("Launch: stufenweise einführen", "Launch: roll out step by step"),
            explanation=(
                "Nicht zu viel auf einmal, sonst ist die Organisation schnell überfordert. Besser mit einer "
                "Zielgruppe und einem Instrument beginnen und erste Erfahrungen sammeln.",
                "Not too much at once, or the organisation is quickly overwhelmed. Better start with one target "
                "group and one tool and gain first experience.",
            ),
            measures=(
                ("Mit einer Zielgruppe und einem Kanal starten", "Start with one target group and one channel"),
                (
                    "Erfahrungen auswerten, bevor weitere Kanäle dazukommen",
                    "Evaluate the experience before adding channels",
                ),
            ),
        ),
        ItemSeed(
            slug="faq-content",
            dimension="content",
            weight=3,
            title=("Inhalt: von der Zielgruppe aus denken", "Content: start from the target group's point of view"),
            explanation=(
                "Nur wer seine Zielgruppe und ihre Bedürfnisse kennt, erstellt Inhalte, die für sie relevant "
                "sind. Immer von der Zielgruppe aus denken, nicht vom Unternehmen aus.",
                "Only if you know your target group and its needs can you create content that is relevant to it. "
                "Always start from the target group's point of view, not the company's.",
            ),
            measures=(
                ("Die Bedürfnisse der Zielgruppe erheben", "Find out what the target group needs"),
                ("Jedes Thema an einem Bedürfnis der Zielgruppe prüfen", "Check every topic against a need"),
            ),
        ),
        ItemSeed(
            slug="faq-missing-resources",
            kind="pitfall",
            dimension="resources",
            weight=3,
            title=("Fehlende Ressourcen", "Missing resources"),
            explanation=(
                "Wer viel will, aber keine Ressourcen bereitstellt, kommt nicht ans Ziel: Social Media ist viel "
                "Arbeit. Wer Wirkung will, braucht zusätzlich Budget für bezahlte Reichweite (Paid Media).",
                "Wanting a lot without providing resources leads nowhere: social media is a lot of work. Those "
                "who want impact also need a budget for paid reach (paid media).",
            ),
            measures=(
                ("Arbeitszeit pro Woche verbindlich einplanen", "Commit working hours per week"),
                ("Budget für Paid Media vorsehen", "Set aside a budget for paid media"),
            ),
        ),
        ItemSeed(
            slug="faq-high-expectations",
            kind="pitfall",
            dimension="measurement",
            weight=2,
            title=("Falsche oder zu hohe Erwartungen", "Wrong or excessive expectations"),
            explanation=(
                "Wer zu viel erwartet, wird enttäuscht. Social Media ist kein Selbstläufer, sondern Ausdauersport.",
                "Expect too much and you will be disappointed. Social media does not run by itself; it is an "
                "endurance sport.",
            ),
            measures=(
                ("Ziele an realistischen Vergleichswerten ausrichten", "Base the goals on realistic benchmarks"),
                ("Einen langen Atem einplanen", "Settle in for the long haul"),
            ),
        ),
    ),
)
