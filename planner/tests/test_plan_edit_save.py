"""Saving a step writes exactly what changed: new rows, changed values, removed rows and links,
in the order the user left them; an unchanged step writes nothing."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from planner import services
from planner.edits import AnswerEdit, PartEdit, PlanEdit, RowEdit
from planner.models import Competitor, Goal, StepDraft
from tests.factories import GoalFactory, KPIFactory

pytestmark = pytest.mark.django_db


def save(plan, user, edit, step="goals"):
    plan.refresh_from_db()
    return services.plan_edit_save(plan=plan, user=user, step=step, expected_revision=plan.revision, edit=edit)


def writes(queries) -> list[str]:
    return [q["sql"] for q in queries if q["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE")]


def test_new_rows_are_created_in_order_with_keys(plan, lead):
    edit = PlanEdit(
        parts={
            "goals": PartEdit(
                rows=[
                    RowEdit(pk=None, values={"title": "Mehr Reichweite", "category": "awareness", "priority": 2}),
                    RowEdit(pk=None, values={"title": "Mehr Reichweite", "category": "image", "priority": 1}),
                ]
            )
        }
    )
    assert save(plan, lead, edit) is True
    goals = list(plan.goals.order_by("order"))
    assert [(g.title, g.key, g.order) for g in goals] == [
        ("Mehr Reichweite", "mehr-reichweite", 0),
        ("Mehr Reichweite", "mehr-reichweite-2", 1),
    ]
    plan.refresh_from_db()
    assert plan.revision == 2


def test_an_unchanged_save_writes_nothing_and_keeps_the_revision(plan, lead):
    goal = GoalFactory(plan=plan, order=0)
    kpi = KPIFactory(goal=goal, order=0)
    edit = PlanEdit(
        fields={"title": plan.title},
        parts={
            "goals": PartEdit(
                rows=[
                    RowEdit(
                        pk=goal.pk,
                        values={"title": goal.title, "category": goal.category, "priority": goal.priority},
                        children={
                            "kpis": PartEdit(
                                rows=[RowEdit(pk=kpi.pk, values={"target": Decimal("42.0000"), "due": kpi.due})]
                            )
                        },
                    )
                ]
            )
        },
    )
    before = plan.revision
    StepDraft.objects.create(plan=plan, step="goals", updated_by=lead, data={})
    with CaptureQueriesContext(connection) as queries:
        assert save(plan, lead, edit) is False
    assert [sql for sql in writes(queries) if "planner_stepdraft" not in sql] == []
    plan.refresh_from_db()
    assert plan.revision == before
    assert not StepDraft.objects.exists()  # the draft is settled all the same


def test_only_the_changed_row_and_field_is_updated(plan, lead):
    goals = [GoalFactory(plan=plan, order=i) for i in range(3)]
    rows = [RowEdit(pk=g.pk, values={"title": g.title}) for g in goals]
    rows[1] = RowEdit(pk=goals[1].pk, values={"title": "Neu"})
    with CaptureQueriesContext(connection) as queries:
        assert save(plan, lead, PlanEdit(parts={"goals": PartEdit(rows=rows)})) is True
    updates = [sql for sql in writes(queries) if sql.startswith("UPDATE") and "planner_goal" in sql]
    assert len(updates) == 1
    assert '"title"' in updates[0] and '"priority"' not in updates[0]
    assert Goal.objects.get(pk=goals[1].pk).title == "Neu"


def test_removed_rows_are_deleted_and_rows_added_elsewhere_are_kept_after_the_others(plan, lead):
    a, b, c = (Competitor.objects.create(plan=plan, name=n, order=i) for i, n in enumerate("ABC"))
    # The form showed A and B; the user removed A and moved nothing; C was added in another window.
    edit = PlanEdit(parts={"competitors": PartEdit(rows=[RowEdit(pk=b.pk, values={"name": "B"})], removed={a.pk})})
    assert save(plan, lead, edit, step="situation")
    assert list(plan.competitors.order_by("order").values_list("name", "order")) == [("B", 0), ("C", 1)]


def test_a_row_removed_meanwhile_makes_the_save_stale_and_writes_nothing(plan, lead):
    goal = GoalFactory(plan=plan, title="Alt")
    gone = GoalFactory(plan=plan)
    gone_pk = gone.pk
    gone.delete()
    edit = PlanEdit(
        parts={"goals": PartEdit(rows=[RowEdit(pk=goal.pk, values={"title": "Neu"}), RowEdit(pk=gone_pk, values={})])}
    )
    with pytest.raises(services.StalePlanError):
        save(plan, lead, edit)
    assert Goal.objects.get(pk=goal.pk).title == "Alt"


def test_a_change_to_a_plan_saved_meanwhile_is_stale_but_an_unchanged_save_is_not(plan, lead):
    edit = PlanEdit(fields={"title": "Meine Fassung"})
    with pytest.raises(services.StalePlanError):
        services.plan_edit_save(plan=plan, user=lead, step="basics", expected_revision=plan.revision - 1, edit=edit)
    plan.refresh_from_db()
    assert plan.title != "Meine Fassung"
    unchanged = PlanEdit(fields={"title": plan.title})
    assert (
        services.plan_edit_save(
            plan=plan, user=lead, step="basics", expected_revision=plan.revision - 1, edit=unchanged
        )
        is False
    )


def test_links_keep_their_order_and_new_ones_follow(plan, lead, channels):
    from planner.models import PlanChannel, TargetGroup

    groups = [TargetGroup.objects.create(plan=plan, key=f"g{i}", name=f"G{i}", order=i) for i in range(3)]
    row = PlanChannel.objects.create(plan=plan, channel=channels["linkedin"], order=0)
    row.target_groups.add(groups[2])
    row.target_groups.add(groups[0])
    edit = PlanEdit(
        parts={
            "channels": PartEdit(
                rows=[
                    RowEdit(pk=row.pk, values={}, links={"target_groups": [groups[0].pk, groups[1].pk, groups[2].pk]})
                ]
            )
        }
    )
    assert save(plan, lead, edit, step="channels")
    through = PlanChannel.target_groups.through
    linked = list(through.objects.filter(planchannel=row).order_by("pk").values_list("targetgroup_id", flat=True))
    assert linked == [groups[2].pk, groups[0].pk, groups[1].pk]
    # The same set again, in another order: nothing to write.
    assert save(plan, lead, edit, step="channels") is False


def test_checklist_answers_are_created_only_when_something_was_said(plan, lead, channels):
    edit = PlanEdit(
        answers={
            "sf-customer-delight": AnswerEdit(status="done", note=""),
            "sf-open-culture": AnswerEdit(status="open", note=""),
            "gone-item": AnswerEdit(status="done", note=""),
        }
    )
    assert save(plan, lead, edit, step="checklist")
    assert dict(plan.checklist_answers.values_list("item__slug", "status")) == {"sf-customer-delight": "done"}
    assert save(plan, lead, edit, step="checklist") is False


def test_plan_fields_are_compared_with_the_database_not_the_form(plan, lead):
    plan.title = "Schon im Speicher geändert"  # what a bound ModelForm does to its instance
    edit = PlanEdit(fields={"title": "Schon im Speicher geändert", "start_date": dt.date(2027, 1, 1)})
    assert services.plan_edit_save(plan=plan, user=lead, step="basics", expected_revision=plan.revision, edit=edit)
    plan.refresh_from_db()
    assert plan.title == "Schon im Speicher geändert"


def test_a_link_the_user_unticks_is_removed_and_the_others_stay(plan, lead, channels):
    from planner.models import PlanChannel, TargetGroup

    groups = [TargetGroup.objects.create(plan=plan, key=f"g{i}", name=f"G{i}", order=i) for i in range(3)]
    row = PlanChannel.objects.create(plan=plan, channel=channels["linkedin"], order=0)
    row.target_groups.add(*groups)
    edit = PlanEdit(
        parts={
            "channels": PartEdit(
                rows=[RowEdit(pk=row.pk, values={}, links={"target_groups": [groups[0].pk, groups[2].pk]})]
            )
        }
    )
    assert save(plan, lead, edit, step="channels")
    assert set(row.target_groups.values_list("pk", flat=True)) == {groups[0].pk, groups[2].pk}
