"""Article 002: the ironic anti-checklist, each point turned into what to do instead."""

from . import ChecklistSeed, ItemSeed
from .sources import HOW_NOT_TO

CHECKLIST = ChecklistSeed(
    slug="anti-checklist",
    source=HOW_NOT_TO,
    title=("Die Anti-Checkliste, positiv gewendet", "The anti-checklist, turned around"),
    description=(
        "Der Artikel zeigt ironisch, wie man garantiert scheitert. Hier ist jeder Punkt ins Positive gewendet.",
        "The article shows, tongue in cheek, how to fail for certain. Here every point is turned into what to "
        "do instead.",
    ),
    items=(
        ItemSeed(
            slug="anti-strategy-first",
            dimension="strategy",
            weight=3,
            title=(
                "Erst die Strategie, dann der Kanal – nicht „einfach mal was mit Facebook“",
                "Strategy first, then the channel – not “just do something on Facebook”",
            ),
            explanation=(
                "Dass andere auf einer Plattform sind, ist kein Grund. Der Kanal folgt aus der Strategie.",
                "Others being on a platform is no reason. The channel follows from the strategy.",
            ),
        ),
        ItemSeed(
            slug="anti-own-goal",
            dimension="strategy",
            weight=3,
            title=("Ein eigenes Ziel haben", "Have a goal of your own"),
            explanation=(
                "Nicht fragen, ob die anderen ein Ziel haben, sondern das eigene Ziel festlegen, bevor es losgeht.",
                "Do not ask whether the others have a goal; set your own before you start.",
            ),
        ),
        ItemSeed(
            slug="anti-value-not-self-praise",
            dimension="dialogue",
            weight=2,
            title=("Nutzen stiften statt sich selbst loben", "Offer value instead of praising yourself"),
            explanation=(
                "Social Media ist nicht dazu da, den Menschen zu erklären, wie toll das Unternehmen ist. Inhalte "
                "müssen der Zielgruppe nützen.",
                "Social media is not there to tell people how great the company is. Content has to be useful "
                "to the target group.",
            ),
        ),
        ItemSeed(
            slug="anti-welcome-feedback",
            dimension="culture",
            weight=3,
            title=("Feedback wollen und Kontrolle abgeben können", "Want feedback and be ready to share control"),
            explanation=(
                "Wer nichts ändern und keine Souveränität abgeben will, braucht nicht anzufangen. Feedback ist "
                "der Sinn der Sache. Keine Angst vor Kontrollverlust: Den erleidet langfristig gerade, wer nichts "
                "tut.",
                "If you want to change nothing and give up no control, do not start. Feedback is the point. Do "
                "not fear losing control: in the long run it is those who do nothing who lose it.",
            ),
        ),
        ItemSeed(
            slug="anti-honest-metrics",
            dimension="measurement",
            weight=2,
            title=("Ehrliche Kennzahlen – keine gekauften Fans und Follower", "Honest metrics – no bought fans"),
            explanation=(
                "Gekaufte Fans und Follower verfälschen jede Kennzahl. Gemessen wird, was zu den Zielen passt. (Der "
                "Artikel nennt keine Maßnahmen; die folgenden sind aus dem Text abgeleitet.)",
                "Bought fans and followers distort every metric. Measure what fits the goals. (The article lists no "
                "measures; the ones below are derived from its text.)",
            ),
            measures=(
                (
                    "Keine Fans, Follower oder Likes kaufen; die Community mit Inhalten und Dialog wachsen lassen",
                    "Do not buy fans, followers or likes; grow the community with content and dialogue",
                ),
                (
                    "Kennzahlen wählen, die zu den Zielen passen, nicht die größte Zahl",
                    "Choose metrics that fit the goals, not the biggest number",
                ),
            ),
        ),
        ItemSeed(
            slug="anti-not-on-the-side",
            dimension="resources",
            weight=3,
            title=("Social Media nicht nebenher betreiben", "Do not run social media on the side"),
            explanation=(
                "Social Media braucht eingeplante Zeit und klare Verantwortung; „mal nebenher“ funktioniert nicht.",
                "Social media needs planned time and clear responsibility; doing it “on the side” does not work.",
            ),
        ),
        ItemSeed(
            slug="anti-not-the-trainee",
            dimension="organization",
            weight=3,
            title=("Nicht an Azubi oder Praktikant abschieben", "Do not offload it onto the trainee or intern"),
            explanation=(
                "Die Verantwortung gehört zu einer erfahrenen Person mit Rückhalt der Leitung – nicht zu "
                "jemandem, der „mal schauen soll, was er reißen kann“.",
                "The responsibility belongs to an experienced person backed by management – not to someone who "
                "is to “see what they can pull off”.",
            ),
        ),
        ItemSeed(
            slug="anti-whole-company",
            dimension="culture",
            weight=2,
            title=(
                "Ein Thema für das ganze Unternehmen, nicht nur für Marketing und PR",
                "A matter for the whole company, not only marketing and PR",
            ),
            explanation=(
                "Das Social Web ist ein Kulturwandel: Es betrifft Service, Personal, Produkt und Führung, nicht "
                "nur Marketing und PR.",
                "The social web is a cultural change: it concerns service, HR, product and leadership, not only "
                "marketing and PR.",
            ),
        ),
        ItemSeed(
            slug="anti-professional-support",
            dimension="resources",
            weight=1,
            title=(
                "Sich mit Bedacht öffnen – mit professioneller Unterstützung",
                "Open up with care – and with professional support",
            ),
            explanation=(
                "Die Entwicklung nicht blockieren, sondern sich überlegt öffnen. Dafür ist meist professionelle "
                "Unterstützung nötig, in welcher Form auch immer.",
                "Do not block the development; open up with care. That usually takes professional support, in "
                "whatever form.",
            ),
        ),
    ),
)
