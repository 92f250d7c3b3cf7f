"""How fast each KPI metric can realistically change per month, with the evidence; see docs/kpi-benchmarks.md.

Where a report publishes a figure, the benchmark is that figure ("published") or follows from a
ratio the report states ("derived"); everywhere else it is an assumption of the planner and says
so. A KPI is judged against the most generous of: the relative growth per month, the small-account
allowance (an absolute number per month) and, for an account that starts from zero, the
new-account ceiling (what it reaches in its first 12 months).
"""

from . import BenchmarkSeed

PUBLISHED, DERIVED, ASSUMPTION = "published", "derived", "assumption"

# TrackMaven, 2016 Social Media Inflation Index: median monthly follower growth per brand, full year 2015.
TRACKMAVEN = {
    "publisher": "TrackMaven",
    "title": "2016 Social Media Inflation Index",
    "year": 2016,
    "url": "https://marketingprofs.com/charts/2016/29891/social-media-follower-growth-benchmarks-for-brands",
    "sample": (
        "26.965 Marken aller Branchen, Gesamtjahr 2015; Median des monatlichen Follower-Wachstums je Marke auf "
        "Facebook, Twitter, Instagram, LinkedIn und Pinterest",
        "26,965 brands across industries, full year 2015; median monthly follower growth per brand on Facebook, "
        "Twitter, Instagram, LinkedIn and Pinterest",
    ),
}
# Rival IQ, Social Media Industry Benchmark Report 2023: median engagement rate per post by follower, 2022.
RIVAL_IQ = {
    "publisher": "Rival IQ",
    "title": "2023 Social Media Industry Benchmark Report",
    "year": 2023,
    "url": "https://www.contentgrip.com/social-media-engagement-tiktok/",
    "sample": (
        "150 zufällig gewählte Unternehmen je Branche, 14 Branchen; 25.000 bis 1 Mio. Facebook-Fans und "
        "mindestens 5.000 Follower auf Instagram, Twitter und TikTok; Beiträge des Jahres 2022",
        "150 randomly chosen companies per industry, 14 industries; 25,000 to 1 million Facebook fans and at "
        "least 5,000 followers on Instagram, Twitter and TikTok; posts of 2022",
    ),
}

GROWTH = ("Relatives Wachstum pro Monat", "Relative growth per month")
FOLLOWER_GROWTH = (
    "Follower am Monatsende ÷ Follower am Monatsanfang − 1 (Median je Marke)",
    "Followers at the end of a month ÷ followers at its start − 1 (median per brand)",
)
PER_FOLLOWER = (
    "Interaktionen je Beitrag ÷ Follower; relatives Wachstum dieser Rate pro Monat",
    "Interactions per post ÷ followers; relative growth of that rate per month",
)
PER_IMPRESSION = (
    "Interaktionen ÷ Impressionen; relatives Wachstum dieser Rate pro Monat",
    "Interactions ÷ impressions; relative growth of that rate per month",
)
PER_VIEW = (
    "Interaktionen ÷ Videoaufrufe; relatives Wachstum dieser Rate pro Monat",
    "Interactions ÷ video views; relative growth of that rate per month",
)
POINTS = ("Veränderung in NPS-Punkten pro Monat", "Change in NPS points per month")
REDUCTION = ("Relativer Rückgang pro Monat", "Relative reduction per month")


def _followers(channel: str | None, pct: str, confidence: str, de: str, en: str, ceiling: str) -> BenchmarkSeed:
    return BenchmarkSeed(
        "followers",
        channel,
        pct,
        FOLLOWER_GROWTH,
        confidence,
        (de, en),
        small_account_allowance="100",
        new_account_ceiling=ceiling,
        **TRACKMAVEN,
    )


def _assumption(metric: str, channel: str | None, pct: str, method, de: str, en: str, **kwargs) -> BenchmarkSeed:
    return BenchmarkSeed(metric, channel, pct, method, ASSUMPTION, (de, en), **kwargs)


def _engagement(channel: str | None, method, de: str, en: str) -> BenchmarkSeed:
    return BenchmarkSeed(
        "engagement_rate",
        channel,
        "5.00",
        method,
        ASSUMPTION,
        (
            de + " Rival IQ meldet für 2022 sinkende oder gleichbleibende Median-Raten (Instagram rund 30 % "
            "weniger als im Vorjahr, Facebook und Twitter unverändert); 5 % mehr pro Monat liegt darüber und ist "
            "eine großzügige Annahme des Planers.",
            en + " Rival IQ reports falling or flat median rates for 2022 (Instagram about 30 % lower than the "
            "year before, Facebook and Twitter unchanged); 5 % more a month is above that, a generous assumption "
            "of the planner.",
        ),
        **RIVAL_IQ,
    )


BENCHMARKS: tuple[BenchmarkSeed, ...] = (
    _followers(
        None,
        "3.00",
        DERIVED,
        "Über alle fünf Netzwerke wuchs die typische Marke 2015 um 42 % im Jahr; das sind rund 3 % im Monat.",
        "Across the five networks the typical brand grew by 42 % in 2015; that is about 3 % a month.",
        "1000",
    ),
    _followers(
        "instagram",
        "8.00",
        PUBLISHED,
        "Median 6–8 % pro Monat auf Instagram (2015); der Planer nimmt den oberen Wert.",
        "Median 6–8 % a month on Instagram (2015); the planner takes the upper value.",
        "1000",
    ),
    _followers(
        "linkedin",
        "4.00",
        DERIVED,
        "Laut Bericht wuchs Instagram doppelt so schnell wie LinkedIn: die Hälfte von 8 %.",
        "According to the report Instagram grew twice as fast as LinkedIn: half of 8 %.",
        "1000",
    ),
    _followers(
        "facebook",
        "2.70",
        DERIVED,
        "Laut Bericht wuchs Instagram mehr als dreimal so schnell wie Facebook: höchstens ein Drittel von 8 %.",
        "According to the report Instagram grew more than three times as fast as Facebook: at most a third of 8 %.",
        "1000",
    ),
    _followers(
        "x",
        "2.70",
        DERIVED,
        "Laut Bericht wuchs Instagram mehr als dreimal so schnell wie Twitter (heute X): höchstens ein Drittel "
        "von 8 %.",
        "According to the report Instagram grew more than three times as fast as Twitter (now X): at most a "
        "third of 8 %.",
        "1000",
    ),
    _followers(
        "pinterest",
        "2.70",
        DERIVED,
        "Laut Bericht wuchs Instagram mehr als dreimal so schnell wie Pinterest: höchstens ein Drittel von 8 %.",
        "According to the report Instagram grew more than three times as fast as Pinterest: at most a third of 8 %.",
        "1000",
    ),
    _assumption(
        "followers",
        "tiktok",
        "10.00",
        GROWTH,
        "Für TikTok liegt keine veröffentlichte Wachstumsrate vor. Der Algorithmus zeigt Videos auch "
        "Nicht-Followern, daher nimmt der Planer mehr an als auf Instagram; Viralität lässt sich nicht planen.",
        "No growth rate has been published for TikTok. The algorithm shows videos to non-followers too, so the "
        "planner assumes more than on Instagram; virality cannot be planned.",
        small_account_allowance="250",
        new_account_ceiling="5000",
    ),
    _assumption(
        "reach",
        None,
        "20.00",
        GROWTH,
        "Reichweite schwankt stark von Monat zu Monat; es zählt der Trend. Kein veröffentlichter Wert.",
        "Reach swings strongly from month to month; what counts is the trend. No published figure.",
        small_account_allowance="1000",
        new_account_ceiling="50000",
    ),
    _assumption(
        "reach",
        "tiktok",
        "30.00",
        GROWTH,
        "Algorithmische Ausspielung erlaubt größere Sprünge als anderswo; trotzdem ist Viralität kein Plan.",
        "Algorithmic distribution allows bigger jumps than elsewhere; still, virality is not a plan.",
        small_account_allowance="5000",
        new_account_ceiling="200000",
    ),
    _assumption(
        "mentions",
        None,
        "10.00",
        GROWTH,
        "Erwähnungen folgen dem Gesprächswert (Mundpropaganda) und wachsen langsam.",
        "Mentions follow how talk-worthy you are (word of mouth) and grow slowly.",
        small_account_allowance="5",
    ),
    _assumption(
        "sentiment",
        None,
        "3.00",
        GROWTH,
        "Die Tonalität (Anteil positiver Erwähnungen) ändert sich nur langsam, mit besserem Service und Dialog.",
        "Sentiment (the share of positive mentions) changes only slowly, with better service and dialogue.",
    ),
    _engagement(
        None,
        PER_FOLLOWER,
        "Engagement-Raten verbessern sich langsam; auf die Methode achten: pro Follower und pro Impression "
        "unterscheiden sich um eine Größenordnung.",
        "Engagement rates improve slowly; mind the method: per follower and per impression differ by an order "
        "of magnitude.",
    ),
    _engagement(
        "instagram",
        PER_FOLLOWER,
        "Rival IQ: Median 0,47 % je Beitrag und Follower auf Instagram (2022).",
        "Rival IQ: median 0.47 % per post and follower on Instagram (2022).",
    ),
    _engagement(
        "facebook",
        PER_FOLLOWER,
        "Rival IQ: Median 0,06 % je Beitrag und Follower auf Facebook (2022).",
        "Rival IQ: median 0.06 % per post and follower on Facebook (2022).",
    ),
    _engagement(
        "tiktok",
        PER_VIEW,
        "Rival IQ: Median 5,69 % je Beitrag und Follower auf TikTok (2022); TikTok selbst rechnet meist pro Aufruf.",
        "Rival IQ: median 5.69 % per post and follower on TikTok (2022); TikTok itself usually counts per view.",
    ),
    _assumption(
        "engagement_rate",
        "linkedin",
        "5.00",
        PER_IMPRESSION,
        "LinkedIn weist Engagement pro Impression aus (einige Prozent) – nicht mit Raten pro Follower "
        "vergleichen. Kein veröffentlichter Wachstumswert.",
        "LinkedIn reports engagement per impression (a few percent) – do not compare it with per-follower "
        "rates. No published growth figure.",
    ),
    _assumption(
        "referral_traffic",
        None,
        "10.00",
        GROWTH,
        "Besuche von Social Media auf der Website wachsen mit Reichweite und Inhalten, nicht sprunghaft.",
        "Visits from social media to the website grow with reach and content, not in leaps.",
        small_account_allowance="50",
    ),
    _assumption(
        "leads",
        None,
        "10.00",
        GROWTH,
        "Leads setzen Vertrauen voraus; erste Erfolge brauchen 6–12 Monate.",
        "Leads need trust first; first results take 6–12 months.",
        small_account_allowance="2",
    ),
    _assumption(
        "conversions",
        None,
        "10.00",
        GROWTH,
        "Verkäufe über Social Media folgen erst auf Beziehung und Vertrauen.",
        "Sales through social media only follow relationships and trust.",
        small_account_allowance="2",
    ),
    _assumption(
        "repurchase_rate",
        None,
        "2.00",
        GROWTH,
        "Die Wiederkaufrate ändert sich mit Service und Begeisterung, also langsam.",
        "The repurchase rate changes with service and delight, so slowly.",
    ),
    _assumption(
        "nps",
        None,
        "1.00",
        POINTS,
        "Der Net Promoter Score reicht von −100 bis 100 und wird in Punkten gemessen, nicht in Prozent; mehr als "
        "etwa einen Punkt im Monat gewinnt kaum ein Unternehmen dauerhaft.",
        "The Net Promoter Score runs from −100 to 100 and is measured in points, not percent; hardly any "
        "company gains more than about one point a month for long.",
        unit="points",
    ),
    _assumption(
        "applications",
        None,
        "10.00",
        GROWTH,
        "Bewerbungen folgen dem Ruf als Arbeitgeber, der sich langsam aufbaut.",
        "Applications follow the employer's reputation, which builds slowly.",
        small_account_allowance="2",
    ),
    _assumption(
        "service_tickets",
        None,
        "5.00",
        REDUCTION,
        "Weniger Service-Anfragen, wenn häufige Fragen öffentlich beantwortet sind; mehr als etwa 5 % weniger im "
        "Monat ist selten.",
        "Fewer service requests once frequent questions are answered in public; more than about 5 % fewer a "
        "month is rare.",
        small_account_allowance="10",
    ),
    _assumption(
        "other",
        None,
        "25.00",
        GROWTH,
        "Unbekannte Kennzahl: nur eine großzügige Obergrenze, die Ziele wie ×1000 in 6 Monaten erkennt.",
        "Unknown metric: only a generous ceiling that catches targets like ×1000 in 6 months.",
    ),
)
