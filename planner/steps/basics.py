from typing import Any

from ..forms import PlanBasicsForm
from ..selectors import organizations_for_user
from .base import COMPLETE, STARTED, PlanFormStepForms, StateContext


class BasicsForms(PlanFormStepForms):
    def make_form(self) -> PlanBasicsForm:
        return PlanBasicsForm(self.data, instance=self.plan, organizations=organizations_for_user(self.user))

    @staticmethod
    def state(plan: dict[str, Any], context: StateContext) -> str:
        if plan.get("title") and plan.get("start_date") and plan.get("horizon_months"):
            return COMPLETE
        return STARTED
