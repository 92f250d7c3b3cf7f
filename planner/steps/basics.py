from typing import Any

from ..forms import PlanBasicsForm
from ..selectors import organizations_for_user
from .base import COMPLETE, STARTED, StateContext, StepForms


class BasicsForms(StepForms):
    template = "planner/steps/form.html"

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.form = PlanBasicsForm(self.data, instance=self.plan, organizations=organizations_for_user(self.user))

    def is_valid(self) -> bool:
        return self.form.is_valid()

    def save(self) -> None:
        self.form.save()

    def context(self) -> dict[str, Any]:
        return {"form": self.form}

    @staticmethod
    def state(plan: dict[str, Any], context: StateContext) -> str:
        if plan.get("title") and plan.get("start_date") and plan.get("horizon_months"):
            return COMPLETE
        return STARTED
