"""Article 001: the points of "social maturity" that get the executives on board."""

from . import ChecklistSeed, ItemSeed
from .sources import BOSSES

CHECKLIST = ChecklistSeed(
    slug="social-maturity",
    source=BOSSES,
    title=("Social Maturity: die Chefetage an Bord", "Social maturity: the executives on board"),
    description=(
        "Social Maturity ist die Fähigkeit, soziale Medien für Unternehmensziele einzusetzen. Meist fehlt sie, "
        "weil die Chefs noch nicht überzeugt sind.",
        "Social maturity is the ability to use social media to reach business goals. It is usually missing "
        "because the bosses are not yet convinced.",
    ),
    items=(
        ItemSeed(
            slug="maturity-executives-on-board",
            dimension="organization",
            weight=3,
            title=("Die Führung an Bord holen", "Get the executives on board"),
            explanation=(
                "Meist fehlt nicht das Wissen im Marketing, sondern die Überzeugung der Chefs. Unternehmen, "
                "deren Führungskräfte selbst in sozialen Medien aktiv sind, werden laut Hootsuite als "
                "transparenter, authentischer und zugänglicher wahrgenommen.",
                "What is usually missing is not know-how in marketing but the bosses' conviction. According to "
                "Hootsuite, companies whose executives are active on social media themselves are seen as more "
                "transparent, authentic and approachable.",
            ),
            measures=(
                (
                    "Der Führung die Chancen zeigen, nicht nur die Risikovermeidung",
                    "Show the executives the opportunities, not only how to avoid risks",
                ),
                (
                    "Führungskräfte selbst sichtbar aktiv werden lassen",
                    "Have executives become visibly active themselves",
                ),
            ),
        ),
        ItemSeed(
            slug="maturity-risk-of-not-using",
            dimension="strategy",
            weight=2,
            title=(
                "Fragen: Welches Risiko gehen wir ein, wenn wir Social Media NICHT nutzen?",
                "Ask: what do we risk if we do NOT use social media?",
            ),
            explanation=(
                "Viele Entscheider suchen zuerst nach Risiken wie Shitstorms und tun deshalb lieber nichts. "
                "Gerade das gefährdet die Wahrnehmung: Wer nicht präsent ist, bietet Kunden keine Möglichkeit "
                "zum Engagement – ein Wettbewerber wird es tun, und der Preis ist im Zweifel ein verlorener "
                "Kunde, auch wenn sich kein ROI beziffern lässt.",
                "Many decision makers look for risks such as shitstorms first and therefore prefer to do "
                "nothing. That is exactly what endangers how they are seen: a brand that is not present offers "
                "customers no way to engage – a competitor will, and the price may be a lost customer, even if "
                "no ROI can be put in figures.",
            ),
            measures=(
                (
                    "Der Führung die Risiken des Nichtstuns vorlegen: verlorene Kunden, Informationsrückstand",
                    "Put the risks of doing nothing to the executives: lost customers, falling behind on news",
                ),
            ),
        ),
        ItemSeed(
            slug="maturity-news-channel",
            dimension="dialogue",
            weight=1,
            title=("Soziale Medien als Nachrichtenkanal nutzen", "Use social media as a news channel"),
            explanation=(
                "Soziale Medien sind nicht nur eine Bühne, sondern ein immer wichtigerer Nachrichtenkanal. Wer "
                "sich dort sicher bewegt, erfährt Marktentwicklungen früher als die Konkurrenz.",
                "Social media is not only a stage but an ever more important news channel. Those who move there "
                "with confidence learn about market developments before their competitors.",
            ),
            measures=(
                (
                    "Monitoring der wichtigen Themen und Wettbewerber einrichten",
                    "Set up monitoring of the relevant topics and competitors",
                ),
            ),
        ),
        ItemSeed(
            slug="maturity-employee-ambassadors",
            dimension="culture",
            weight=2,
            title=("Mitarbeitende zu Markenbotschaftern machen", "Turn employees into brand ambassadors"),
            explanation=(
                "Social Maturity heißt nicht, dass ein Social-Media-Team die Kanäle bespielt; möglichst alle "
                "Mitarbeitenden gehören an Bord. Laut Edelman Trust Barometer erzielen Inhalte von "
                "Mitarbeitenden achtmal so hohe Engagement-Raten wie Inhalte des Unternehmensaccounts und werden "
                "25-mal so oft geteilt.",
                "Social maturity does not mean a social media team fills the channels; as many employees as "
                "possible belong on board. According to the Edelman Trust Barometer, content posted by employees "
                "gets eight times the engagement of content from the company account and is shared 25 times as "
                "often.",
            ),
            measures=(
                (
                    "Mitarbeitende einladen und befähigen, über das Unternehmen zu posten",
                    "Invite and enable employees to post about the company",
                ),
                (
                    "Einen Leitfaden für Mitarbeitende als Markenbotschafter bereitstellen",
                    "Provide a guide for employees as brand ambassadors",
                ),
            ),
        ),
        ItemSeed(
            slug="maturity-patience",
            dimension="strategy",
            weight=2,
            title=("Geduld: Social Maturity ist ein Transformationsprozess", "Patience: social maturity takes time"),
            explanation=(
                "Der Weg zur Social Maturity geht nicht von heute auf morgen. Das Thema muss langfristig und "
                "nachhaltig behandelt werden, sonst verpufft es wie Einzelmaßnahmen. Wer dranbleibt, gewinnt "
                "einen Vorsprung, den andere nicht schnell aufholen.",
                "The road to social maturity is not travelled overnight. The topic has to be handled for the "
                "long term, or it fizzles out like one-off measures. Those who stay with it gain a lead that "
                "others cannot quickly close.",
            ),
            measures=(
                ("Mit der Führung einen langfristigen Plan vereinbaren", "Agree a long-term plan with the executives"),
                ("Einzelaktionen ohne Anschluss vermeiden", "Avoid one-off actions that lead nowhere"),
            ),
        ),
    ),
)
