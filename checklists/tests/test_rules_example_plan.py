"""The format's example plan gets exactly no finding.

Worked by hand, rule by rule (start 2027-01-01, horizon 12 months):
- goals: 3 goals, each with KPIs; growth per month needed until the due date:
  repurchase_rate 38 -> 42 by 2027-12-31: (42/38)^(1/12) - 1 = 0.8 % (benchmark 2 %);
  nps 21 -> 30 by 2027-12-31: 3.0 % (benchmark 5 %);
  service_tickets 900 -> 750 by 2027-09-30 (9 months): 2.0 % fewer a month (benchmark 5 %);
  mentions 40 -> 60 by 2027-12-31: 3.4 % (benchmark 10 %); no sales, leads or conversions KPI.
- horizon 12 >= 6; 2 target groups; every channel has a target group.
- pilot (phase 1): blog and facebook = exactly 2 channels, target groups {bestand} = 1.
- forum in phase 0 (and a phase-0 milestone): listening is planned; every channel has dialogue.
- one owner, "Leiter Kommunikation" (no intern title); 31 staff hours; 3 guidelines;
  3 off-limits entries; 1 content theme; review every 6 months (exactly 6 is fine),
  reported to "Geschäftsführung", who also has a role.
"""

import pytest
from django.core.management import call_command

from checklists.rules import check_plan

from .plans import example_document, findings


def test_example_plan_has_no_finding_with_the_seed_benchmarks():
    assert findings(example_document()) == []


@pytest.mark.django_db
def test_example_plan_has_no_finding_with_the_loaded_benchmarks():
    call_command("load_content", verbosity=0)
    assert check_plan(example_document()) == []
