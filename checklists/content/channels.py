"""The channel catalogue's seed; its slugs are the plan file's CHANNEL values."""

from . import ChannelSeed

CHANNELS: tuple[ChannelSeed, ...] = (
    ChannelSeed(
        "blog",
        ("Unternehmensblog", "Company blog"),
        (
            "Eigene Plattform für ausführliche Inhalte, Expertenwissen und Antworten auf häufige Fragen; "
            "Kommentare ermöglichen Dialog.",
            "Your own platform for in-depth content, expertise and answers to frequent questions; comments allow "
            "dialogue.",
        ),
        True,
    ),
    ChannelSeed(
        "facebook",
        ("Facebook", "Facebook"),
        (
            "Großes Netzwerk für Community, Service und Dialog mit Endkunden.",
            "Large network for community, service and dialogue with consumers.",
        ),
        True,
    ),
    ChannelSeed(
        "instagram",
        ("Instagram", "Instagram"),
        (
            "Bild- und Videoplattform für Einblicke, Marke und Community, vor allem bei jüngeren Zielgruppen.",
            "Photo and video platform for insights, brand and community, especially with younger audiences.",
        ),
        True,
    ),
    ChannelSeed(
        "linkedin",
        ("LinkedIn", "LinkedIn"),
        (
            "Berufliches Netzwerk für B2B, Fachthemen, Employer Branding und Führungskräfte-Kommunikation.",
            "Professional network for B2B, expert topics, employer branding and executive communication.",
        ),
        True,
    ),
    ChannelSeed(
        "xing",
        ("XING", "XING"),
        (
            "Berufliches Netzwerk im deutschsprachigen Raum, vor allem für Recruiting.",
            "Professional network in German-speaking countries, used mainly for recruiting.",
        ),
        True,
    ),
    ChannelSeed(
        "x",
        ("X (ehemals Twitter)", "X (formerly Twitter)"),
        (
            "Kurznachrichten für aktuelle Themen, Presse- und Fachöffentlichkeit.",
            "Short messages for current topics, the press and expert audiences.",
        ),
        True,
    ),
    ChannelSeed(
        "youtube",
        ("YouTube", "YouTube"),
        (
            "Videoplattform für Erklärvideos, Anleitungen und Einblicke; gut auffindbar über die Suche.",
            "Video platform for explainers, how-tos and insights; easy to find through search.",
        ),
        True,
    ),
    ChannelSeed(
        "tiktok",
        ("TikTok", "TikTok"),
        (
            "Kurzvideo-Plattform mit großer algorithmischer Reichweite, vor allem bei jungen Zielgruppen.",
            "Short-video platform with large algorithmic reach, especially with young audiences.",
        ),
        True,
    ),
    ChannelSeed(
        "threads",
        ("Threads", "Threads"),
        (
            "Textbasierte Plattform von Meta für Gespräche, eng mit Instagram verbunden.",
            "Text-based platform by Meta for conversations, closely tied to Instagram.",
        ),
        True,
    ),
    ChannelSeed(
        "mastodon",
        ("Mastodon", "Mastodon"),
        (
            "Dezentrales, werbefreies Netzwerk (Fediverse) mit oft fachlich interessierter Community.",
            "Decentralised, ad-free network (fediverse) with an often expert-minded community.",
        ),
        True,
    ),
    ChannelSeed(
        "pinterest",
        ("Pinterest", "Pinterest"),
        (
            "Visuelle Suchmaschine für Ideen und Inspiration, etwa zu Produkten, Rezepten, Wohnen.",
            "Visual search engine for ideas and inspiration, e.g. products, recipes, home.",
        ),
        False,
    ),
    ChannelSeed(
        "podcast",
        ("Podcast", "Podcast"),
        (
            "Audioformat für ausführliche Gespräche und Expertenwissen; Rückmeldungen kommen meist über andere Kanäle.",
            "Audio format for in-depth conversations and expertise; feedback usually arrives through other channels.",
        ),
        False,
    ),
    ChannelSeed(
        "webinar",
        ("Webinar", "Webinar"),
        (
            "Online-Veranstaltung mit Fragen und Antworten live; gut für Fachwissen und Leads.",
            "Online event with live questions and answers; good for expertise and leads.",
        ),
        True,
    ),
    ChannelSeed(
        "newsletter",
        ("Newsletter", "Newsletter"),
        (
            "E-Mail an Abonnenten; zuverlässige Reichweite, aber vor allem Einweg-Kommunikation.",
            "E-mail to subscribers; reliable reach, but mostly one-way communication.",
        ),
        False,
    ),
    ChannelSeed(
        "whitepaper",
        ("Whitepaper", "White paper"),
        (
            "Ausführliches Fachdokument zum Herunterladen, oft im Tausch gegen Kontaktdaten (Leads).",
            "In-depth expert document to download, often in exchange for contact details (leads).",
        ),
        False,
    ),
    ChannelSeed(
        "whatsapp",
        ("WhatsApp", "WhatsApp"),
        (
            "Messenger für Service und direkte Gespräche; WhatsApp-Kanäle auch für Neuigkeiten.",
            "Messenger for service and direct conversations; WhatsApp channels also for news.",
        ),
        True,
    ),
    ChannelSeed(
        "forum",
        ("Foren und Communities", "Forums and communities"),
        (
            "Fach- und Nutzerforen, in denen über Produkte und Themen gesprochen wird; ideal zum Zuhören.",
            "Expert and user forums where products and topics are discussed; ideal for listening.",
        ),
        True,
    ),
    ChannelSeed(
        "other",
        ("Sonstiger Kanal", "Other channel"),
        (
            "Ein Kanal, der nicht im Katalog steht; im Zweck näher beschreiben.",
            "A channel not in the catalogue; describe it in the purpose.",
        ),
        True,
    ),
)
