"""The format's example plan reports pilot_not_focused and nothing else.

Worked by hand, rule by rule (start 2027-01-01, horizon 12 months, so the horizon ends 2028-01-01):
- situation filled; 3 goals, each with KPIs that have a target and a due date within the horizon;
  no KPI names a channel, so each is judged by its metric's general benchmark:
  repurchase_rate 38 -> 42 by 2027-12-31: 0.8 % a month (benchmark 2 %);
  nps 21 -> 30 points by 2027-12-31: 0.75 points a month (benchmark 1 point);
  service_tickets 900 -> 750 by 2027-09-30: 2.0 % fewer a month (benchmark 5 %);
  mentions 40 -> 60 by 2027-12-31: 3.4 % a month (benchmark 10 %); no sales, leads or conversions KPI.
- horizon 12 >= 6; 2 target groups, every channel serves one.
- pilot: blog and facebook in phase 1 (forum is in phase 0 without posts: listening) = exactly 2
  channels -> pilot_not_focused (info); they serve {bestand} = 1 target group.
- every channel has dialogue = true and the catalogue says it supports dialogue.
- one theme without a kind (no mix to judge); no text says fans are bought.
- one owner, "Leiter Kommunikation" (staff), 20 h a week; no trainee; no external owner.
- 31 staff hours; 4.5 posts a week <= 62; paid media 6,000 EUR for the awareness goal;
  tools 1,200 EUR <= 31,000.
- 3 real guidelines, one of them "Krise"; 3 off-limits entries; review every 6 months to
  "Geschäftsführung", who also has a role.
"""

import pytest
from django.core.management import call_command

from checklists.rules import check_plan

from .plans import example_document, findings


def test_example_plan_reports_only_that_the_pilot_is_not_focused():
    assert [f.code for f in findings(example_document())] == ["pilot_not_focused"]


@pytest.mark.django_db
def test_example_plan_reports_the_same_with_the_loaded_content():
    call_command("load_content", verbosity=0)
    assert [f.code for f in check_plan(example_document())] == ["pilot_not_focused"]
