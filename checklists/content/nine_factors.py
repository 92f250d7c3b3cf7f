"""Article 004: the nine success factors with all their measures ("Maßnahmen")."""

from . import ChecklistSeed, ItemSeed
from .sources import NINE_FACTORS

CHECKLIST = ChecklistSeed(
    slug="nine-success-factors",
    source=NINE_FACTORS,
    title=("9 Erfolgsfaktoren", "9 success factors"),
    description=(
        "Neun Erfolgsfaktoren für Unternehmen in Social Media, jeweils mit konkreten Maßnahmen.",
        "Nine success factors for companies in social media, each with concrete measures.",
    ),
    items=(
        ItemSeed(
            slug="sf-customer-delight",
            dimension="strategy",
            weight=2,
            title=("Kunden begeistern", "Delight your customers"),
            explanation=(
                "Social Media ist ins Netz verlagerte Mundpropaganda. Über durchschnittliche Produkte, Services "
                "oder Prozesse spricht niemand – weder offline noch online. Kundenbegeisterung ist keine "
                "Einzelmaßnahme, sondern ein klares Bekenntnis, das in der Unternehmensstrategie verankert ist.",
                "Social media is word of mouth moved online. Nobody talks about average products, services or "
                "processes – offline or online. Delighting customers is not a single measure but a clear "
                "commitment anchored in the corporate strategy.",
            ),
            measures=(
                ("Die Geschäftsleitung ins Boot holen", "Get senior management on board"),
                (
                    "Prüfen, ob interne Ressourcen verfügbar sind – Social Media macht man nicht nebenbei",
                    "Check that internal resources are available – social media is not a side job",
                ),
                (
                    "Mitarbeitende aller Abteilungen über die Bedeutung des Themas aufklären",
                    "Explain to employees in every department why the topic matters",
                ),
                ("Eine hauptverantwortliche Person benennen", "Name one person with overall responsibility"),
                ("Bestehende Prozesse analysieren und verbessern", "Analyse and improve existing processes"),
                ("Ein Qualitätsmanagement einführen", "Introduce quality management"),
                ("Ein Programm zur Kundenbegeisterung erarbeiten", "Develop a customer delight programme"),
                (
                    "Einen dauerhaften Prozess für Kundenfeedback etablieren",
                    "Establish a permanent customer feedback process",
                ),
                ("Das Innovationsmanagement vorantreiben", "Push innovation management forward"),
                (
                    "Erfolg messen, z. B. mit Wiederkaufrate und Net Promoter Score",
                    "Measure success, e.g. by repurchase rate and Net Promoter Score",
                ),
            ),
        ),
        ItemSeed(
            slug="sf-open-culture",
            dimension="culture",
            weight=2,
            title=("Eine offene Unternehmenskultur fördern", "Foster an open company culture"),
            explanation=(
                "Kundenbegeisterung wurzelt in einer offenen Kultur: Nur zufriedene Mitarbeitende, die voll "
                "hinter dem Unternehmen stehen, können es auf Dauer glaubwürdig vertreten.",
                "Delighting customers is rooted in an open culture: only satisfied employees who fully stand "
                "behind the company can represent it credibly in the long run.",
            ),
            measures=(
                (
                    "Offenheit und Transparenz im Unternehmen sicherstellen",
                    "Ensure openness and transparency within the company",
                ),
                (
                    "Gemeinsame Veranstaltungen und Aktivitäten für Mitarbeitende planen („Socializing“)",
                    "Plan joint events and activities for employees (“socialising”)",
                ),
                ("Raum für Selbstverwirklichung im Unternehmen schaffen", "Make room for personal fulfilment at work"),
                (
                    "Mitarbeitende in wichtige Unternehmensentscheidungen einbeziehen",
                    "Involve employees in important company decisions",
                ),
                ("Neue Mitarbeitende in intensiven Einführungswochen einarbeiten", "Run intensive induction weeks"),
                ("Regelmäßige Mitarbeitergespräche führen", "Hold regular one-to-one talks with employees"),
                ("Zufriedenheitsbefragungen durchführen", "Run satisfaction surveys"),
            ),
        ),
        ItemSeed(
            slug="sf-internal-education",
            dimension="culture",
            weight=2,
            title=("Im Unternehmen aufklären", "Educate the whole company"),
            explanation=(
                "Die beste Kultur nützt nichts, wenn die Mitarbeitenden Social Media nicht akzeptieren. Erfolg "
                "ist keine One-Man-Show: Je mehr Mitarbeitende sich im Namen des Unternehmens am Dialog "
                "beteiligen, desto sichtbarer wird es und desto nachhaltiger ist der Erfolg.",
                "The best culture is of no use if employees do not accept social media. Success is not a "
                "one-man show: the more employees take part in the dialogue on the company's behalf, the more "
                "visible it becomes and the longer success lasts.",
            ),
            measures=(
                ("Interne Social-Media-Schulungen durchführen", "Run internal social media training"),
                (
                    "Leitfäden für den Umgang mit Social Media aufstellen",
                    "Write guides on how to use social media",
                ),
                (
                    "Wissen zu Social-Media-Themen laufend weitergeben",
                    "Keep passing on knowledge about social media topics",
                ),
                (
                    "Fortschritt der Aufklärung messen: 1–2 interne Umfragen pro Jahr zur Nutzung der "
                    "Social-Media-Tools",
                    "Measure the progress: 1–2 internal surveys a year on how employees use social media tools",
                ),
            ),
        ),
        ItemSeed(
            slug="sf-dialogue",
            dimension="dialogue",
            weight=3,
            title=("Dialog statt Monolog", "Dialogue instead of monologue"),
            explanation=(
                "Nachrichten ohne Rückkanal haben ausgedient; Konsumenten blenden Werbung aus. Social Media ist "
                "ein Gespräch mit Umgangsformen wie im echten Leben – und jedes Gespräch beginnt mit Zuhören. "
                "Erst danach tritt man mit Nutzen für andere in den Dialog ein.",
                "Messages without a way to reply have had their day; consumers tune out advertising. Social "
                "media is a conversation with the manners of real life – and every conversation starts with "
                "listening. Only then do you join the dialogue with something useful to say.",
            ),
            measures=(
                (
                    "Das Senden von Nachrichten ohne Rückkanal aus dem Maßnahmenkatalog streichen",
                    "Strike one-way broadcasting from the list of measures",
                ),
                (
                    "Herausfinden, wo die für das Unternehmen interessanten Gespräche stattfinden",
                    "Find out where the conversations that matter to the company take place",
                ),
                (
                    "Vor dem Dialog zuhören: Sind wir schon Teil der Gespräche? Worüber wird gesprochen? Inhalte "
                    "aufnehmen und lernen",
                    "Listen before joining in: are we already part of the conversations? What is being said? "
                    "Take it in and learn",
                ),
                (
                    "Eine Strategie umsetzen (siehe Erfolgsfaktor „Strategie implementieren“)",
                    "Implement a strategy (see the success factor “Implement a strategy”)",
                ),
            ),
        ),
        ItemSeed(
            slug="sf-marketing-hat-off",
            dimension="dialogue",
            weight=2,
            title=("Den Marketing-Hut abnehmen", "Take off the marketing hat"),
            explanation=(
                "Im Dialog sprechen Menschen mit Menschen, auf Augenhöhe. Marketing-Floskeln und PR-Sprech "
                "werden nicht als Gespräch akzeptiert; wer Persönlichkeit und Gesicht zeigt, schafft die "
                "Grundlage für einen erfolgreichen Dialog.",
                "In a dialogue, people talk to people, as equals. Marketing phrases and PR speak are not "
                "accepted as conversation; showing personality and a face is the basis of a successful "
                "dialogue.",
            ),
            measures=(
                (
                    "Bewusstsein für mehr Menschlichkeit und Persönlichkeit in der Kommunikation stärken",
                    "Raise awareness that communication needs more humanity and personality",
                ),
                ("Social-Media-Kommunikationsrichtlinien aufstellen", "Set up social media communication guidelines"),
                (
                    "Learning by doing: Fehler sind erlaubt, man muss nur zu ihnen stehen",
                    "Learning by doing: mistakes are allowed as long as you own up to them",
                ),
            ),
        ),
        ItemSeed(
            slug="sf-transparency",
            dimension="content",
            weight=2,
            title=("Transparenz und eigene Inhalte", "Transparency and content of your own"),
            explanation=(
                "Ein authentischer Dialog braucht ein gesundes Maß an Offenheit. Wer nur wiederholt, was ohnehin "
                "auf der Website oder in der Presse steht, gewinnt keine Aufmerksamkeit. Storytelling und "
                "einzigartige Inhalte entscheiden; ihre Quelle ist das Wissen der eigenen Expertinnen und "
                "Experten.",
                "An authentic dialogue needs a healthy degree of openness. Repeating what is already on the "
                "website or in the press wins no attention. Storytelling and unique content make the "
                "difference; their source is the knowledge of your own experts.",
            ),
            measures=(
                (
                    "Mit der Geschäftsführung klären, was NICHT nach außen kommuniziert werden darf (z. B. "
                    "Umsatzzahlen, interne Strategiebesprechungen)",
                    "Agree with management what must NOT be communicated (e.g. sales figures, internal strategy "
                    "meetings)",
                ),
                (
                    "Internes Expertenwissen erheben (Fachwissen, eigene Studien und Analysen)",
                    "Take stock of in-house expertise (specialist knowledge, own studies and analyses)",
                ),
                (
                    "Expertenwissen mit den Bedürfnissen der Zielgruppen abgleichen: Was ist für wen interessant?",
                    "Match that expertise with the target groups' needs: what is interesting for whom?",
                ),
                (
                    "Eine Content-Marketing-Strategie aufstellen: welche Inhalte, für welche Zielgruppen (Kunden, "
                    "Meinungsführer, Community), über welche Kanäle (Blog, Podcast, Whitepaper, Webinar)",
                    "Draw up a content marketing strategy: which content, for which target groups (customers, "
                    "opinion leaders, community), through which channels (blog, podcast, white paper, webinar)",
                ),
            ),
        ),
        ItemSeed(
            slug="sf-strategy",
            dimension="strategy",
            weight=3,
            title=("Eine Strategie implementieren", "Implement a strategy"),
            explanation=(
                "Ohne Kompass sticht man nicht in See. Eine Strategie leitet die Maßnahmen aus Zielen ab und "
                "sichert eine dauerhafte Erfolgsmessung. Social Media ist nicht kostenlos: Es bindet langfristig "
                "interne Ressourcen, und Zeit ist Geld.",
                "Nobody should set sail without a compass. A strategy derives the measures from goals and makes "
                "sure success is measured continuously. Social media is not free: it ties up internal resources "
                "for a long time, and time is money.",
            ),
            measures=(
                (
                    "Ziele mit der Geschäftsführung festlegen (z. B. Bekanntheit, Markenimage, Kundenbindung, "
                    "Entlastung des Kundenservice, Neukunden, Feedback für die Marktforschung)",
                    "Define the goals together with management (e.g. awareness, brand image, loyalty, relieving "
                    "customer service, new customers, feedback for market research)",
                ),
                (
                    "Bestandsaufnahme: interne Stärken und Schwächen, Markttrends, Wettbewerb",
                    "Take stock: internal strengths and weaknesses, market trends, competition",
                ),
                (
                    "Die Zielgruppe definieren (Social-Technographics-Profil nach Forrester)",
                    "Define the target group (Forrester's Social Technographics profile)",
                ),
                (
                    "Maßnahmen und Werkzeuge erarbeiten und auswählen (Blog, Facebook, YouTube usw.)",
                    "Work out and choose measures and tools (blog, Facebook, YouTube etc.)",
                ),
                ("Einen Zeitplan für die Umsetzung aufstellen", "Draw up a timetable for implementation"),
                (
                    "Erfolgsmessung konzipieren: Kennzahlen aus den Zielen ableiten (z. B. Erwähnungen, Tonalität, "
                    "Engagement, Referral-Traffic, Wiederkaufrate)",
                    "Design how success is measured: derive KPIs from the goals (e.g. mentions, sentiment, "
                    "engagement, referral traffic, repurchase rate)",
                ),
                (
                    "Kontrollprozess etablieren: Kennzahlen halbjährlich detailliert auswerten und die Ergebnisse "
                    "in die Strategie einfließen lassen",
                    "Establish a review process: evaluate the KPIs in detail every six months and feed the "
                    "results back into the strategy",
                ),
            ),
        ),
        ItemSeed(
            slug="sf-persevere",
            dimension="organization",
            weight=3,
            title=("Durchhalten", "Persevere"),
            explanation=(
                "Beziehungen und Vertrauen brauchen Zeit: Für erste sichtbare Erfolge sind 6–12 Monate "
                "einzuplanen. Social Media darf keine Eintagslaune sein, sondern muss langfristig in die "
                "Unternehmensstrategie eingebunden werden. Man macht es nicht nebenbei; eine hauptverantwortliche "
                "Person ist Pflicht.",
                "Relationships and trust take time: plan 6–12 months before the first results become visible. "
                "Social media must not be a passing whim; it has to be built into the corporate strategy for the "
                "long term. It is not a side job; a person with overall responsibility is a must.",
            ),
            measures=(
                (
                    "Eine hauptverantwortliche Person für Social Media benennen",
                    "Name one person with overall responsibility for social media",
                ),
                (
                    "Geschäftsführung bzw. Marketingleitung dafür sensibilisieren, dass langfristiges Engagement "
                    "Voraussetzung für Erfolg ist",
                    "Make management and the head of marketing aware that long-term commitment is a precondition "
                    "for success",
                ),
                ("Aufklären, aufklären, aufklären", "Educate, educate, educate"),
                (
                    "Regelmäßig berichten, auch über kleine erste Erfolge – gerade am Anfang",
                    "Report regularly, including small first successes – especially at the start",
                ),
            ),
        ),
        ItemSeed(
            slug="sf-learn-from-others",
            dimension="culture",
            weight=1,
            title=("Voneinander lernen", "Learn from each other"),
            explanation=(
                "Täglich kommen neue Erkenntnisse hinzu, doch praktische Erfahrung muss jedes Unternehmen selbst "
                "sammeln. Deshalb ist der regelmäßige Austausch mit anderen Unternehmen, Fachleuten und "
                "Social-Media-Nutzern wichtig. (Der Artikel nennt hier keine Maßnahmen; die folgenden sind aus "
                "dem Text abgeleitet.)",
                "New insights arrive every day, but every company has to gain practical experience itself. That "
                "is why regular exchange with other companies, experts and social media users matters. (The "
                "article lists no measures here; the ones below are derived from its text.)",
            ),
            measures=(
                (
                    "Regelmäßig mit anderen Unternehmen und Social-Media-Fachleuten austauschen",
                    "Exchange experience regularly with other companies and social media experts",
                ),
                (
                    "Mit Social-Media-Nutzern über ihre Erfahrungen sprechen",
                    "Talk to social media users about their experience",
                ),
                (
                    "Neue Erkenntnisse festhalten und in die eigene Strategie übernehmen",
                    "Record new insights and feed them into your own strategy",
                ),
            ),
        ),
    ),
)
