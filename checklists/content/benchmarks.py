"""How fast each KPI metric can realistically change per month; see docs/kpi-benchmarks.md.

Most values are conservative planning assumptions of this project, not published figures;
``source`` says which. The growth is relative: ``(target / baseline) ** (1 / months) - 1``.
For service_tickets (lower is better) it is the realistic reduction per month.
"""

from . import BenchmarkSeed

ASSUMPTION = "Planungsannahme des Planers (kein veröffentlichter Wert) / planner's planning assumption"
ASSUMPTION_RIVALIQ = (
    "Planungsannahme; Größenordnung der Raten nach öffentlichen Branchen-Benchmarks (z. B. Rival IQ, jährlicher "
    "Social Media Industry Benchmark Report) / planning assumption; order of magnitude of rates after public "
    "industry benchmark reports (e.g. Rival IQ)"
)

GROWTH = ("Relatives Wachstum pro Monat", "Relative growth per month")
PER_FOLLOWER = (
    "Interaktionen je Beitrag ÷ Follower (pro Follower); relatives Wachstum der Rate pro Monat",
    "Interactions per post ÷ followers (per follower); relative growth of the rate per month",
)
PER_IMPRESSION = (
    "Interaktionen ÷ Impressionen (pro Impression); relatives Wachstum der Rate pro Monat",
    "Interactions ÷ impressions (per impression); relative growth of the rate per month",
)
PER_VIEW = (
    "Interaktionen ÷ Videoaufrufe (pro Aufruf); relatives Wachstum der Rate pro Monat",
    "Interactions ÷ video views (per view); relative growth of the rate per month",
)


def _b(metric: str, channel: str | None, pct: str, method, source: str, de: str, en: str) -> BenchmarkSeed:
    return BenchmarkSeed(metric, channel, pct, method, source, (de, en))


BENCHMARKS: tuple[BenchmarkSeed, ...] = (
    _b(
        "followers",
        None,
        "15.00",
        GROWTH,
        ASSUMPTION,
        "Aktive Konten wachsen auf Dauer selten über ~15 % im Monat; ×1000 in 6 Monaten wären ~216 % im Monat.",
        "Active accounts rarely sustain more than ~15 % a month; ×1000 in 6 months would need ~216 % a month.",
    ),
    _b(
        "followers",
        "facebook",
        "5.00",
        GROWTH,
        ASSUMPTION,
        "Organisches Seitenwachstum auf Facebook ist für etablierte Seiten langsam.",
        "Organic page growth on Facebook is slow for established pages.",
    ),
    _b(
        "followers",
        "instagram",
        "10.00",
        GROWTH,
        ASSUMPTION,
        "Mit regelmäßigen Beiträgen und Dialog realistisch; schneller nur mit Paid Media oder Viralität.",
        "Realistic with regular posts and dialogue; faster only with paid media or virality.",
    ),
    _b(
        "followers",
        "linkedin",
        "10.00",
        GROWTH,
        ASSUMPTION,
        "Unternehmensseiten wachsen vor allem über teilende Mitarbeitende; ~10 % im Monat ist ein gutes Ergebnis.",
        "Company pages grow mainly through employees sharing; ~10 % a month is a good result.",
    ),
    _b(
        "followers",
        "x",
        "5.00",
        GROWTH,
        ASSUMPTION,
        "Organische Reichweite auf X ist begrenzt; Wachstum ist für die meisten Marken langsam.",
        "Organic reach on X is limited; growth is slow for most brands.",
    ),
    _b(
        "followers",
        "youtube",
        "10.00",
        GROWTH,
        ASSUMPTION,
        "Abonnenten kommen über auffindbare Videos; das dauert Monate.",
        "Subscribers come through findable videos; that takes months.",
    ),
    _b(
        "followers",
        "tiktok",
        "25.00",
        GROWTH,
        ASSUMPTION,
        "Der Algorithmus zeigt Videos auch Nicht-Followern; schnelleres Wachstum ist möglich, aber unstet.",
        "The algorithm shows videos to non-followers; faster growth is possible but erratic.",
    ),
    _b(
        "reach",
        None,
        "20.00",
        GROWTH,
        ASSUMPTION,
        "Reichweite schwankt stark von Monat zu Monat; gemessen wird der Trend.",
        "Reach swings strongly month to month; what counts is the trend.",
    ),
    _b(
        "reach",
        "tiktok",
        "40.00",
        GROWTH,
        ASSUMPTION,
        "Algorithmische Ausspielung macht größere Sprünge möglich; trotzdem kein Plan für Viralität.",
        "Algorithmic distribution allows bigger jumps; still, virality cannot be planned.",
    ),
    _b(
        "mentions",
        None,
        "10.00",
        GROWTH,
        ASSUMPTION,
        "Erwähnungen folgen dem Gesprächswert (Artikel 004: Mundpropaganda) und wachsen langsam.",
        "Mentions follow how talk-worthy you are (article 004: word of mouth) and grow slowly.",
    ),
    _b(
        "sentiment",
        None,
        "3.00",
        GROWTH,
        ASSUMPTION,
        "Die Tonalität (Anteil positiver Erwähnungen) ändert sich nur langsam, mit besserem Service und Dialog.",
        "Sentiment (share of positive mentions) changes only slowly, with better service and dialogue.",
    ),
    _b(
        "engagement_rate",
        None,
        "5.00",
        PER_FOLLOWER,
        ASSUMPTION_RIVALIQ,
        "Engagement-Raten verbessern sich langsam; Methode beachten – pro Follower und pro Impression "
        "unterscheiden sich um etwa eine Größenordnung.",
        "Engagement rates improve slowly; mind the method – per follower and per impression differ by about an "
        "order of magnitude.",
    ),
    _b(
        "engagement_rate",
        "instagram",
        "5.00",
        PER_FOLLOWER,
        ASSUMPTION_RIVALIQ,
        "Pro Follower liegen Marken-Raten meist unter 1 %; eine Verdopplung in einem Jahr ist ehrgeizig.",
        "Per follower, brand rates are mostly below 1 %; doubling in a year is ambitious.",
    ),
    _b(
        "engagement_rate",
        "facebook",
        "5.00",
        PER_FOLLOWER,
        ASSUMPTION_RIVALIQ,
        "Pro Follower sind Facebook-Raten sehr niedrig (Zehntelprozent und darunter); Ziele daran ausrichten.",
        "Per follower, Facebook rates are very low (tenths of a percent and below); set goals accordingly.",
    ),
    _b(
        "engagement_rate",
        "linkedin",
        "5.00",
        PER_IMPRESSION,
        ASSUMPTION,
        "LinkedIn weist Engagement pro Impression aus (einige Prozent) – nicht mit Raten pro Follower vergleichen.",
        "LinkedIn reports engagement per impression (a few percent) – do not compare with per-follower rates.",
    ),
    _b(
        "engagement_rate",
        "tiktok",
        "5.00",
        PER_VIEW,
        ASSUMPTION,
        "TikTok rechnet meist pro Aufruf; Raten sind höher als pro Follower anderswo, wachsen aber nicht schneller.",
        "TikTok usually counts per view; rates are higher than per-follower rates elsewhere but grow no faster.",
    ),
    _b(
        "referral_traffic",
        None,
        "10.00",
        GROWTH,
        ASSUMPTION,
        "Besuche von Social Media auf der Website wachsen mit Reichweite und Inhalten, nicht sprunghaft.",
        "Visits from social media to the website grow with reach and content, not in leaps.",
    ),
    _b(
        "leads",
        None,
        "10.00",
        GROWTH,
        ASSUMPTION,
        "Leads setzen Vertrauen voraus; erste Erfolge brauchen 6–12 Monate (Artikel 004, Durchhalten).",
        "Leads require trust; first results take 6–12 months (article 004, persevere).",
    ),
    _b(
        "conversions",
        None,
        "10.00",
        GROWTH,
        ASSUMPTION,
        "Verkäufe über Social Media folgen erst auf Beziehung und Vertrauen (Artikel 004).",
        "Sales through social media only follow relationships and trust (article 004).",
    ),
    _b(
        "repurchase_rate",
        None,
        "2.00",
        GROWTH,
        ASSUMPTION,
        "Die Wiederkaufrate (Artikel 004) ändert sich mit Service und Begeisterung, also langsam.",
        "The repurchase rate (article 004) changes with service and delight, i.e. slowly.",
    ),
    _b(
        "nps",
        None,
        "5.00",
        GROWTH,
        ASSUMPTION,
        "Der Net Promoter Score (Artikel 004) ändert sich langsam; bei kleinem Ausgangswert überzeichnet die "
        "relative Rechnung – Befund dann prüfen.",
        "The Net Promoter Score (article 004) moves slowly; from a small baseline the relative calculation "
        "overstates – check the finding then.",
    ),
    _b(
        "applications",
        None,
        "10.00",
        GROWTH,
        ASSUMPTION,
        "Bewerbungen folgen dem Ruf als Arbeitgeber (Artikel 002), der sich langsam aufbaut.",
        "Applications follow the employer reputation (article 002), which builds slowly.",
    ),
    _b(
        "service_tickets",
        None,
        "5.00",
        ("Rückgang pro Monat", "Reduction per month"),
        ASSUMPTION,
        "Weniger Service-Anfragen, wenn häufige Fragen öffentlich beantwortet sind; mehr als ~5 % weniger im "
        "Monat ist selten.",
        "Fewer service requests once frequent questions are answered publicly; more than ~5 % fewer a month is rare.",
    ),
    _b(
        "other",
        None,
        "25.00",
        GROWTH,
        ASSUMPTION,
        "Unbekannte Kennzahl: nur eine großzügige Obergrenze, die Ziele wie ×1000 in 6 Monaten erkennt.",
        "Unknown metric: only a generous ceiling that catches targets like ×1000 in 6 months.",
    ),
)
