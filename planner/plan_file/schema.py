"""The plan file's shape (format ``social-media-strategy-plan``, version 1) as pydantic models.

The choices come from the models (one list of goal categories, metrics, ...), the limits
from :mod:`planner.limits`; ``shared/plan-format/README.md`` is the contract.
"""

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, create_model, model_validator
from pydantic_core import PydanticCustomError

from planner import limits, models

FORMAT = "social-media-strategy-plan"
VERSION = 1


def _without_nul(text: str) -> str:
    # PostgreSQL cannot store U+0000 in a text column: refuse it here, with its path, not at the insert.
    if "\x00" in text:
        raise PydanticCustomError("nul_character", "must not contain a NUL character (U+0000)")
    return text


Text = Annotated[str, Field(max_length=limits.MAX_TEXT), AfterValidator(_without_nul)]
Title = Annotated[str, Field(min_length=1, max_length=limits.MAX_TITLE), AfterValidator(_without_nul)]
OrganizationName = Annotated[str, Field(max_length=limits.MAX_ORGANIZATION_NAME), AfterValidator(_without_nul)]

Priority = Annotated[int, Field(ge=limits.MIN_PRIORITY, le=limits.MAX_PRIORITY)]
Phase = Annotated[int, Field(ge=0, le=limits.MAX_PHASE)]
Share = Annotated[int, Field(ge=0, le=limits.MAX_TECHNOGRAPHIC_SHARE)]
HorizonMonths = Annotated[int, Field(ge=limits.MIN_HORIZON_MONTHS, le=limits.MAX_HORIZON_MONTHS)]
CadenceMonths = Annotated[int, Field(ge=limits.MIN_REVIEW_CADENCE_MONTHS, le=limits.MAX_REVIEW_CADENCE_MONTHS)]
RoleHours = Annotated[float, Field(ge=0, le=limits.MAX_ROLE_HOURS)]
StaffHours = Annotated[float, Field(ge=0, le=limits.MAX_STAFF_HOURS)]
Money = Annotated[float, Field(ge=0, le=limits.MAX_MONEY_EUR)]
KPIValue = Annotated[float, Field(ge=-limits.MAX_KPI_VALUE, le=limits.MAX_KPI_VALUE)]
PostsPerWeek = Annotated[float, Field(ge=0, le=limits.MAX_POSTS_PER_WEEK)]
Date = Annotated[dt.date, Field(ge=limits.MIN_DATE, le=limits.MAX_DATE)]

# "" is a choice not made yet (the models' fields are blank=True).
GoalCategory = Literal["", *models.Goal.Category.values]
Metric = Literal["", *models.KPI.Metric.values]
ThemeKind = Literal["", *models.ContentTheme.Kind.values]
RoleKind = Literal["", *models.Role.Kind.values]
AnswerStatus = Literal[tuple(models.ChecklistAnswer.Status.values)]
Language = Literal[tuple(models.Plan.Language.values)]


def entries() -> Any:
    """A list of at most MAX_LIST entries, empty when the key is missing."""
    return Field(default_factory=list, max_length=limits.MAX_LIST)


class Part(BaseModel):
    # strict: "5" is not a number and 1 is not true; a file says what it means or is refused.
    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False)


class Competitor(Part):
    name: Text = ""
    notes: Text = ""


class Situation(Part):
    strengths: list[Text] = entries()
    weaknesses: list[Text] = entries()
    opportunities: list[Text] = entries()
    threats: list[Text] = entries()
    competitors: list[Competitor] = entries()


class CheckIn(Part):
    """A KPI's value measured on a date (``kpis[].actuals``)."""

    date: Date
    value: KPIValue
    note: Text = ""


class KPI(Part):
    name: Text = ""
    metric: Metric = ""
    unit: Text = ""
    channel: Text | None = None  # a CHANNEL slug: the channel the KPI is measured on
    baseline: KPIValue | None = None
    target: KPIValue | None = None
    due: Date | None = None
    actuals: list[CheckIn] = entries()


class Goal(Part):
    key: Text = ""
    category: GoalCategory = ""
    title: Text = ""
    description: Text = ""
    priority: Priority = 3
    kpis: list[KPI] = entries()


Technographics = create_model(
    "Technographics", __base__=Part, **{rung: (Share | None, None) for rung in models.TECHNOGRAPHICS}
)


class TargetGroup(Part):
    key: Text = ""
    name: Text = ""
    description: Text = ""
    needs: Text = ""
    priority: Priority = 3
    technographics: Technographics = Field(default_factory=Technographics)


class Channel(Part):
    channel: Text
    purpose: Text = ""
    dialogue: bool = False  # the format: a missing value is false
    target_groups: list[Text] = entries()
    goals: list[Text] = entries()
    posts_per_week: PostsPerWeek = 0
    phase: Phase = 1


class ContentTheme(Part):
    title: Text = ""
    description: Text = ""
    kind: ThemeKind = ""
    target_groups: list[Text] = entries()
    channels: list[Text] = entries()
    formats: list[Text] = entries()
    expert_source: Text = ""


class Role(Part):
    person: Text = ""
    title: Text = ""
    responsibilities: Text = ""
    kind: RoleKind = ""  # missing or "": read from the title (checklists.rules.reading)
    is_owner: bool = False
    hours_per_week: RoleHours | None = None


class Guideline(Part):
    topic: Text = ""
    text: Text = ""


class Milestone(Part):
    title: Text = ""
    phase: Phase = 1
    start: Date | None = None
    end: Date | None = None


class Resources(Part):
    staff_hours_per_week: StaffHours | None = None
    paid_media_budget_eur: Money | None = None
    tools_budget_eur: Money | None = None


class Review(Part):
    cadence_months: CadenceMonths | None = None
    report_to: Text = ""


class ChecklistAnswer(Part):
    item: Text
    status: AnswerStatus = "open"
    note: Text = ""


def _entry_count(value: object) -> int:
    """Entries of every list in a validated part, however deep."""
    if isinstance(value, list):
        return len(value) + sum(_entry_count(entry) for entry in value)
    if isinstance(value, BaseModel):
        return sum(_entry_count(field) for field in value.__dict__.values())
    return 0


class PlanBody(Part):
    title: Title
    organization: OrganizationName = ""
    language: Language = "de"
    industry: Text = ""
    start_date: Date | None = None
    horizon_months: HorizonMonths | None = None
    summary: Text = ""
    situation: Situation = Field(default_factory=Situation)
    goals: list[Goal] = entries()
    target_groups: list[TargetGroup] = entries()
    channels: list[Channel] = entries()
    content_themes: list[ContentTheme] = entries()
    off_limits: list[Text] = entries()
    roles: list[Role] = entries()
    guidelines: list[Guideline] = entries()
    milestones: list[Milestone] = entries()
    resources: Resources = Field(default_factory=Resources)
    review: Review = Field(default_factory=Review)
    checklist: list[ChecklistAnswer] = entries()

    @model_validator(mode="after")
    def _at_most_max_entries(self) -> "PlanBody":
        # After validation: a "before" validator would see the JSON as Python objects, and strict
        # mode would then refuse "2027-01-01" as a date. Validating 250,000 KPIs takes well under a
        # second; writing them was what took long.
        count = _entry_count(self)
        if count > limits.MAX_ENTRIES:
            raise PydanticCustomError(
                "too_many_entries",
                "has {count} list entries in all; at most {limit} are allowed",
                {"count": count, "limit": limits.MAX_ENTRIES},
            )
        return self


class PlanDocument(Part):
    format: Literal[FORMAT]
    version: Literal[VERSION]
    plan: PlanBody
