"""All checklists in the order the planner shows them."""

from . import ChecklistSeed
from .bosses import CHECKLIST as SOCIAL_MATURITY
from .how_not_to import CHECKLIST as ANTI_CHECKLIST
from .nine_factors import CHECKLIST as NINE_SUCCESS_FACTORS
from .somefaq import CHECKLIST as SOMEFAQ_FACTORS
from .twelve_reasons import CHECKLIST as TWELVE_PITFALLS

CHECKLISTS: tuple[ChecklistSeed, ...] = (
    NINE_SUCCESS_FACTORS,
    TWELVE_PITFALLS,
    SOMEFAQ_FACTORS,
    SOCIAL_MATURITY,
    ANTI_CHECKLIST,
)
