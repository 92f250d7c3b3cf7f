"""The wizard's step registry; the steps themselves live in planner.steps, one module per concept."""

from .steps import COMPLETE, EMPTY, STARTED, STEP_BY_SLUG, STEPS, Step, StepForms, completeness, neighbours, step_states

__all__ = [
    "COMPLETE",
    "EMPTY",
    "STARTED",
    "STEPS",
    "STEP_BY_SLUG",
    "Step",
    "StepForms",
    "completeness",
    "neighbours",
    "step_states",
]
