import pytest
from django.core.management import call_command

from checklists import content
from checklists.models import Channel, Checklist, ChecklistItem, GuidelineTemplate, KPIBenchmark, Source
from checklists.services import content_load

pytestmark = pytest.mark.django_db

FORMAT_CHANNELS = [
    "blog", "facebook", "instagram", "linkedin", "xing", "x", "youtube", "tiktok", "threads", "mastodon",
    "pinterest", "podcast", "webinar", "newsletter", "whitepaper", "whatsapp", "forum", "other",
]  # fmt: skip
FORMAT_METRICS = {
    "followers", "reach", "mentions", "sentiment", "engagement_rate", "referral_traffic", "leads", "conversions",
    "repurchase_rate", "nps", "applications", "service_tickets", "other",
}  # fmt: skip


def _counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Source, Checklist, ChecklistItem, Channel, GuidelineTemplate, KPIBenchmark)
    }


def test_load_content_fills_an_empty_database():
    call_command("load_content", verbosity=0)
    assert _counts() == {
        "Source": 5,
        "Checklist": 5,
        "ChecklistItem": len(content.ITEMS),
        "Channel": 18,
        "GuidelineTemplate": 6,
        "KPIBenchmark": len(content.BENCHMARKS),
    }
    assert sorted(Channel.objects.values_list("slug", flat=True)) == sorted(FORMAT_CHANNELS)
    assert set(KPIBenchmark.objects.filter(channel=None).values_list("metric", flat=True)) == FORMAT_METRICS


def test_load_content_twice_creates_no_duplicates():
    call_command("load_content", verbosity=0)
    before = _counts()
    report = content_load()
    assert _counts() == before
    assert all(count.created == 0 and count.updated == 0 for count in report.counts.values())


def test_load_content_updates_a_changed_item_that_is_not_curated():
    call_command("load_content", verbosity=0)
    ChecklistItem.objects.filter(slug="sf-strategy").update(title_de="Alt", weight=1)
    call_command("load_content", verbosity=0)
    item = ChecklistItem.objects.get(slug="sf-strategy")
    assert (item.title_de, item.weight) == ("Eine Strategie implementieren", 3)


def test_load_content_keeps_a_curated_item_without_force():
    call_command("load_content", verbosity=0)
    ChecklistItem.objects.filter(slug="sf-strategy").update(title_de="Vom Kurator", curated=True)
    call_command("load_content", verbosity=0)
    item = ChecklistItem.objects.get(slug="sf-strategy")
    assert (item.title_de, item.curated) == ("Vom Kurator", True)


def test_load_content_overwrites_a_curated_item_with_force():
    call_command("load_content", verbosity=0)
    ChecklistItem.objects.filter(slug="sf-strategy").update(title_de="Vom Kurator", curated=True)
    call_command("load_content", "--force", verbosity=0)
    item = ChecklistItem.objects.get(slug="sf-strategy")
    assert (item.title_de, item.curated) == ("Eine Strategie implementieren", False)


def test_load_content_leaves_a_deactivated_item_deactivated():
    call_command("load_content", verbosity=0)
    ChecklistItem.objects.filter(slug="sf-strategy").update(active=False)
    call_command("load_content", "--force", verbosity=0)
    assert ChecklistItem.objects.get(slug="sf-strategy").active is False


def test_items_have_both_languages_and_measures_in_both():
    call_command("load_content", verbosity=0)
    for item in ChecklistItem.objects.all():
        assert item.title_de and item.title_en and item.explanation_de and item.explanation_en
        assert len(item.measures_de) == len(item.measures_en)
        assert 1 <= item.weight <= 3


def test_the_nine_success_factors_carry_all_their_measures():
    call_command("load_content", verbosity=0)
    counts = {
        item.slug: len(item.measures_de)
        for item in ChecklistItem.objects.filter(checklist__slug="nine-success-factors")
    }
    # As listed in the article; factor 9 lists none, its three are derived from the text.
    assert counts == {
        "sf-customer-delight": 10,
        "sf-open-culture": 7,
        "sf-internal-education": 4,
        "sf-dialogue": 4,
        "sf-marketing-hat-off": 3,
        "sf-transparency": 4,
        "sf-strategy": 7,
        "sf-persevere": 4,
        "sf-learn-from-others": 3,
    }


def test_the_twelve_reasons_are_twelve_pitfalls():
    call_command("load_content", verbosity=0)
    items = ChecklistItem.objects.filter(checklist__slug="twelve-pitfalls")
    assert items.count() == 12
    assert set(items.values_list("kind", flat=True)) == {"pitfall"}


def test_every_benchmark_says_where_its_figure_comes_from():
    call_command("load_content", verbosity=0)
    for benchmark in KPIBenchmark.objects.all():
        assert benchmark.method_de and benchmark.method_en and benchmark.rationale_de and benchmark.rationale_en
        if benchmark.confidence in ("published", "derived"):
            assert benchmark.source_publisher and benchmark.source_title and benchmark.source_year
            assert benchmark.source_url.startswith("https://") and benchmark.sample_de and benchmark.sample_en
        else:
            assert benchmark.confidence == "assumption"


def test_the_follower_benchmarks_come_from_trackmaven_and_the_rest_are_assumptions_said_as_such():
    call_command("load_content", verbosity=0)
    published = {
        (b.metric, b.channel.slug if b.channel else None): (b.confidence, b.source_publisher)
        for b in KPIBenchmark.objects.exclude(confidence="assumption").select_related("channel")
    }
    assert published == {
        ("followers", None): ("derived", "TrackMaven"),
        ("followers", "instagram"): ("published", "TrackMaven"),
        ("followers", "linkedin"): ("derived", "TrackMaven"),
        ("followers", "facebook"): ("derived", "TrackMaven"),
        ("followers", "x"): ("derived", "TrackMaven"),
        ("followers", "pinterest"): ("derived", "TrackMaven"),
    }
    nps = KPIBenchmark.objects.get(metric="nps")
    assert (nps.unit, nps.confidence) == ("points", "assumption")


def test_the_contradicting_findings_are_seeded_onto_the_items_and_a_curated_item_keeps_its_own():
    call_command("load_content", verbosity=0)
    assert ChecklistItem.objects.get(slug="anti-honest-metrics").contradicted_by == ["bought_followers"]
    ChecklistItem.objects.filter(slug="anti-honest-metrics").update(contradicted_by=[], curated=True)
    call_command("load_content", verbosity=0)
    assert ChecklistItem.objects.get(slug="anti-honest-metrics").contradicted_by == []
