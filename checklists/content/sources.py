"""The five articles. Slugs are stable: rules and checklists refer to them."""

from . import SourceSeed

TWELVE_REASONS = "twelve-reasons"
BOSSES = "bosses-not-strategic"
HOW_NOT_TO = "how-not-to-succeed"
SOMEFAQ = "somefaq-part-3"
NINE_FACTORS = "nine-success-factors"

SOURCES: tuple[SourceSeed, ...] = (
    SourceSeed(
        slug=TWELVE_REASONS,
        title=(
            "12 Gründe, warum Unternehmen keinen Erfolg in Social Media haben",
            "12 reasons why companies fail in social media",
        ),
    ),
    SourceSeed(
        slug=BOSSES,
        title=(
            "Warum so viele Chefs Social Media nicht strategisch nutzen",
            "Why so many bosses do not use social media strategically",
        ),
        author="Sheila Moghaddam Ghazvini (Hootsuite), LEAD",
    ),
    SourceSeed(
        slug=HOW_NOT_TO,
        title=(
            "Wie man auf KEINEN Fall in Social Media erfolgreich wird!",
            "How NOT to succeed in social media!",
        ),
    ),
    SourceSeed(
        slug=SOMEFAQ,
        title=(
            "Social Media im Unternehmen: Antworten auf häufige Fragen. Teil 3",
            "Social media in companies: answers to frequent questions, part 3",
        ),
        author="#SoMeFAQ",
    ),
    SourceSeed(
        slug=NINE_FACTORS,
        title=(
            "9 Social Media Erfolgsfaktoren für Unternehmen",
            "9 social media success factors for companies",
        ),
        author="Marko, Lensspirit-Blog",
    ),
)
