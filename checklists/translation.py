from modeltranslation.translator import TranslationOptions, register

from .models import Channel, Checklist, ChecklistItem, GuidelineTemplate, KPIBenchmark, Source


@register(Source)
class SourceTranslation(TranslationOptions):
    fields = ("title",)


@register(Checklist)
class ChecklistTranslation(TranslationOptions):
    fields = ("title", "description")


@register(ChecklistItem)
class ChecklistItemTranslation(TranslationOptions):
    fields = ("title", "explanation", "measures")


@register(Channel)
class ChannelTranslation(TranslationOptions):
    fields = ("name", "description")


@register(GuidelineTemplate)
class GuidelineTemplateTranslation(TranslationOptions):
    fields = ("topic", "text")


@register(KPIBenchmark)
class KPIBenchmarkTranslation(TranslationOptions):
    fields = ("method", "sample", "rationale")
