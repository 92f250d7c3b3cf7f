"""Article 000: the twelve reasons for failure, as pitfalls to avoid."""

from . import ChecklistSeed, ItemSeed
from .sources import TWELVE_REASONS

PITFALL = "pitfall"

CHECKLIST = ChecklistSeed(
    slug="twelve-pitfalls",
    source=TWELVE_REASONS,
    title=("12 Stolpersteine", "12 pitfalls"),
    description=(
        "Zwölf Gründe, an denen Unternehmen in Social Media scheitern. Abhaken, sobald der Stolperstein umgangen ist.",
        "Twelve reasons why companies fail in social media. Tick an item once the pitfall is avoided.",
    ),
    items=(
        ItemSeed(
            slug="pitfall-ecosystem",
            kind=PITFALL,
            dimension="culture",
            weight=2,
            title=("Das Social-Media-Ökosystem wird nicht verstanden", "The social media ecosystem is not understood"),
            explanation=(
                "Tools und Technik allein bringen keinen Erfolg. Push-Werbung wie im Fernsehen erreicht hier "
                "niemanden; Unternehmen müssen Teil einer Community werden oder eine eigene aufbauen und "
                "Aufmerksamkeit durch Authentizität und Beziehungen gewinnen.",
                "Tools and technology alone bring no success. Push advertising as on television reaches no one "
                "here; companies have to become part of a community, or build their own, and earn attention "
                "through authenticity and relationships.",
            ),
            measures=(
                (
                    "Verstehen, wie die Community tickt, bevor Tools ausgewählt werden",
                    "Understand how the community works before choosing tools",
                ),
                (
                    "Beziehungen und Authentizität statt Push-Botschaften planen",
                    "Plan for relationships and authenticity instead of push messages",
                ),
            ),
        ),
        ItemSeed(
            slug="pitfall-wrong-agency",
            kind=PITFALL,
            dimension="organization",
            weight=1,
            title=("Falsche Berater oder Agenturen", "The wrong consultants or agencies"),
            explanation=(
                "Ein hübscher Account der Agentur ist kein Auswahlkriterium. Entscheidend ist, ob dort echte "
                "Interaktion stattfindet und ob die Agentur Branche und Marktsegment kennt – Einheitsstrategien "
                "gibt es nicht.",
                "A nicely designed agency account is no reason to hire it. What counts is whether real "
                "interaction happens there and whether the agency knows the industry and the market segment – "
                "there are no one-size-fits-all strategies.",
            ),
            measures=(
                (
                    "Prüfen, ob auf den Kanälen der Agentur echte Interaktion stattfindet",
                    "Check whether real interaction happens on the agency's own channels",
                ),
                (
                    "Branchen- und Marktkenntnis der Agentur belegen lassen",
                    "Ask the agency to show that it knows your industry and market",
                ),
                ("Keine Standardstrategie von der Stange akzeptieren", "Do not accept an off-the-shelf strategy"),
            ),
        ),
        ItemSeed(
            slug="pitfall-no-plan",
            kind=PITFALL,
            dimension="strategy",
            weight=3,
            title=("Handeln ohne klaren Plan", "Acting without a clear plan"),
            explanation=(
                "Ohne vorher festgelegte Ziele und erwarteten Nutzen (ROI) bleibt es bei willkürlichen Posts. "
                "Social Media braucht eine klare Strategie, die Teil der Unternehmens-DNA ist. Die Wege dürfen "
                "flexibel bleiben – Kunden reagieren oft anders als gedacht –, die Ziele geben die Richtung vor.",
                "Without goals and an expected return (ROI) set in advance, all you get is random posts. Social "
                "media needs a clear strategy that is part of the company's DNA. The way there may stay "
                "flexible – customers often react differently than expected – but the goals set the direction.",
            ),
            measures=(
                (
                    "Ziele und erwarteten Nutzen vor dem Start festlegen",
                    "Set the goals and the expected return before starting",
                ),
                (
                    "Die Social-Media-Strategie in die Unternehmensstrategie einbinden",
                    "Build the social media strategy into the corporate strategy",
                ),
            ),
        ),
        ItemSeed(
            slug="pitfall-wrong-mindset",
            kind=PITFALL,
            dimension="culture",
            weight=2,
            title=(
                "Falsche Denkweise: Social Media als weiterer Werbekanal",
                "Wrong mindset: social media as just another advertising channel",
            ),
            explanation=(
                "Wer Social Media als zusätzlichen Kanal zum Beschallen und Gutscheinverteilen sieht, übersieht, "
                "dass es Engagement verlangt. Mit der Schablone klassischer Medien lässt es sich nicht bewerten.",
                "Seeing social media as one more channel for broadcasting and handing out coupons overlooks that "
                "it demands engagement. It cannot be judged with the template of traditional media.",
            ),
            measures=(
                (
                    "Erfolg nicht nur mit den Kennzahlen klassischer Medien bewerten",
                    "Do not judge success by the metrics of traditional media alone",
                ),
                ("Engagement statt Beschallung einplanen", "Plan for engagement, not broadcasting"),
            ),
        ),
        ItemSeed(
            slug="pitfall-underestimated-effort",
            kind=PITFALL,
            dimension="resources",
            weight=3,
            title=("Aufwand und nötiges Wissen werden unterschätzt", "Effort and know-how are underestimated"),
            explanation=(
                "Die billigste Arbeitskraft oder wer gerade Zeit übrig hat, bringt keinen positiven ROI. "
                "Führungskräfte müssen das Ökosystem verstehen, Ziele setzen und Personal passend zur Strategie "
                "einsetzen.",
                "The cheapest hire, or whoever happens to have time to spare, will not deliver a positive "
                "return. Executives must understand the ecosystem, set goals and staff the work according to "
                "the strategy.",
            ),
            measures=(
                (
                    "Qualifiziertes Personal passend zur Strategie einplanen",
                    "Staff the work with qualified people according to the strategy",
                ),
                (
                    "Führungskräfte mit dem Social-Media-Ökosystem vertraut machen",
                    "Make executives familiar with the social media ecosystem",
                ),
            ),
        ),
        ItemSeed(
            slug="pitfall-no-engagement",
            kind=PITFALL,
            dimension="dialogue",
            weight=3,
            title=("Kein Engagement, keine Interaktion", "No engagement, no interaction"),
            explanation=(
                "Nicht zu den Nutzern sprechen, sondern mit ihnen. Kreative Inhalte mit Mehrwert, die zum "
                "Mitmachen bewegen, sind der Kern – die Währung von Social Media ist Handlung (Brian Solis).",
                "Talk with users, not at them. Creative content with real value that moves people to take part "
                "is the core – the currency of social media is action (Brian Solis).",
            ),
            measures=(
                ("Auf Kommentare und Fragen antworten", "Answer comments and questions"),
                ("Inhalte planen, die zur Interaktion einladen", "Plan content that invites interaction"),
            ),
        ),
        ItemSeed(
            slug="pitfall-no-guidelines",
            kind=PITFALL,
            dimension="organization",
            weight=2,
            title=("Keine Social-Media-Richtlinien", "No social media guidelines"),
            explanation=(
                "Richtlinien müssen weder lang noch kompliziert sein, sollten aber vor dem Start stehen. Sie "
                "vermeiden Rechtsrisiken und legen fest, wie Mitarbeitende und Partner im Namen des Unternehmens "
                "auftreten.",
                "Guidelines don't have to be long or complicated, but they should be in place before you start. "
                "They avoid legal risks and set the standard for how employees and partners act on the "
                "company's behalf.",
            ),
            measures=(
                (
                    "Kurze, verständliche Richtlinien vor dem Start verabschieden",
                    "Adopt short, clear guidelines before the start",
                ),
                (
                    "Festlegen, wie Mitarbeitende und Partner im Namen des Unternehmens auftreten",
                    "Agree how employees and partners act on the company's behalf",
                ),
            ),
        ),
        ItemSeed(
            slug="pitfall-unclear-roles",
            kind=PITFALL,
            dimension="organization",
            weight=3,
            title=("Keine klare Verteilung von Rollen und Verantwortung", "No clear roles and responsibilities"),
            explanation=(
                "Wie fehlende Ziele führen auch unklare Aufgaben und Zuständigkeiten ins Leere; sie müssen genau "
                "verteilt sein.",
                "Like missing goals, unclear tasks and responsibilities lead nowhere; they must be assigned precisely.",
            ),
            measures=(
                ("Für jede Aufgabe eine zuständige Person festlegen", "Name one responsible person for each task"),
            ),
        ),
        ItemSeed(
            slug="pitfall-rescue",
            kind=PITFALL,
            dimension="strategy",
            weight=2,
            title=("Social Media als Rettung sehen", "Seeing social media as a rescue"),
            explanation=(
                "Hat ein Unternehmen grundlegende Probleme – Vertrieb und Marketing arbeiten nicht zusammen, die "
                "Markenbotschaft kommt nicht an, der Service überzeugt nicht –, macht Social Media sie nur "
                "schlimmer: Kunden bekommen eine neue Bühne für Beschwerden. Zuerst die internen Brandherde "
                "löschen.",
                "If a company has fundamental problems – sales and marketing do not work together, the brand "
                "message does not land, customers dislike the service – social media only makes them worse: "
                "customers get a new stage for complaints. Put out the internal fires first.",
            ),
            measures=(
                (
                    "Ehrliche Bestandsaufnahme von Service, Markenbotschaft und Zusammenarbeit von Marketing und "
                    "Vertrieb",
                    "Take an honest look at service, brand message and how marketing and sales work together",
                ),
                ("Interne Probleme vor dem Start angehen", "Fix internal problems before going public"),
            ),
        ),
        ItemSeed(
            slug="pitfall-first-impression",
            kind=PITFALL,
            dimension="content",
            weight=2,
            title=("Ein schlechter erster Eindruck", "A poor first impression"),
            explanation=(
                "Für den ersten Eindruck gibt es nur eine Chance: Nutzer werden nur einmal auf die neue Seite "
                "eingeladen. Den Start gut vorbereiten und sich lieber Zeit nehmen, als Kunden vorschnell zu "
                "verprellen.",
                "There is only one chance to make a first impression: users are invited to the new page only "
                "once. Prepare the launch well and rather take your time than put customers off by rushing.",
            ),
            measures=(
                (
                    "Profil, erste Inhalte und Antwortzeiten stehen, bevor jemand eingeladen wird",
                    "Profile, first content and response times are ready before anyone is invited",
                ),
            ),
        ),
        ItemSeed(
            slug="pitfall-excessive-expectations",
            kind=PITFALL,
            dimension="measurement",
            weight=3,
            title=("Überzogene Erwartungen", "Excessive expectations"),
            explanation=(
                "Die Millionen Fans großer Marken verleiten dazu, die Messlatte zu hoch zu legen. Wird sie "
                "gerissen, gilt das Projekt als gescheitert, die verantwortliche Person muss gehen, und danach "
                "übernehmen billige Kräfte. Besser: prüfen, was realistisch ist, Ziele angemessen setzen und Geduld "
                "haben.",
                "The millions of fans of big brands tempt companies to set the bar too high. When it is missed, "
                "the project is written off, the person in charge is let go and cheap labour takes over. "
                "Better: find out what is realistic, set adequate goals and be patient.",
            ),
            measures=(
                ("Realistische Vergleichswerte recherchieren", "Research realistic benchmarks"),
                ("Ziele angemessen setzen", "Set adequate goals"),
                ("Geduld einplanen", "Plan for patience"),
            ),
        ),
        ItemSeed(
            slug="pitfall-boring",
            kind=PITFALL,
            dimension="content",
            weight=2,
            title=("Langweilige Inhalte", "Boring content"),
            explanation=(
                "Mit belanglosen Inhalten kommt man nicht weit. Gefragt sind inspirierende Inhalte, die das "
                "Publikum dazu bringen, Kontakt aufzunehmen. Wer schon offline langweilt, wird es auf Facebook "
                "nicht besser machen; eine Agentur kann mit neuen Ideen helfen.",
                "Trivial content gets you nowhere. What works is inspiring content that makes the audience get in "
                "touch. A company that is boring offline will not do better on Facebook; an agency can help "
                "with fresh ideas.",
            ),
            measures=(
                ("Jeden Inhalt auf Mehrwert und Inspiration prüfen", "Check every piece of content for value"),
                ("Bei Bedarf neue Ideen von außen einholen", "Bring in fresh ideas from outside where needed"),
            ),
        ),
    ),
)
