"""Rules on roles: one owner of the company's own, with time for it; trainees help, they do not carry it;
management takes part. Kinds come from the role's kind or its title (test_role_reading.py)."""

import pytest
from django.utils import translation

from .plans import codes, example_document, messages

# The example's roles: 0 Marko K., Leiter Kommunikation (owner, 20 h); 1 Service-Team, Kundenservice
# (10 h); 2 Swetlana R., Geschäftsführung (1 h).


def _owner(**changes):
    doc = example_document()
    doc["plan"]["roles"][0].update(changes)
    return doc


def test_no_owner_fires_without_owner_and_quiet_with_one():
    assert "no_owner" not in codes(example_document())
    assert "no_owner" in codes(_owner(is_owner=False))


def test_several_owners_fires_with_two_owners_and_names_them():
    doc = example_document()
    doc["plan"]["roles"][1]["is_owner"] = True
    (message,) = messages(doc, "several_owners")
    assert "Marko K. (Leiter Kommunikation)" in message and "Service-Team" in message
    assert "several_owners" not in codes(example_document())


@pytest.mark.parametrize("title", ["Werkstudentin Marketing", "Azubi", "Praktikant", "Duale Studentin"])
def test_owner_is_intern_fires_for_a_trainee_owner(title):
    assert "owner_is_intern" in codes(_owner(title=title))


@pytest.mark.parametrize("title", ["Kommunikation intern/extern", "Praktikantenbetreuerin", "Leiter Kommunikation"])
def test_owner_is_intern_quiet_for_titles_that_are_no_trainee(title):
    assert "owner_is_intern" not in codes(_owner(title=title))


def test_owner_is_intern_reads_the_chosen_kind_before_the_title():
    assert "owner_is_intern" in codes(_owner(title="Junior Social Media", kind="trainee"))
    assert "owner_is_intern" not in codes(_owner(title="Werkstudentin", kind="staff"))


def test_an_english_plans_intern_is_a_trainee_and_a_german_plans_is_not():
    doc = _owner(title="Social media intern")
    assert "owner_is_intern" not in codes(doc)
    doc["plan"]["language"] = "en"
    assert "owner_is_intern" in codes(doc)


def test_a_trainee_who_is_not_the_owner_is_no_owner_problem():
    doc = example_document()
    doc["plan"]["roles"].append({"person": "Lea", "title": "Praktikantin", "is_owner": False, "hours_per_week": 5})
    assert "owner_is_intern" not in codes(doc)


@pytest.mark.parametrize(("hours", "fires"), [(4.5, True), (0, True), (5, False), (None, False)])
def test_owner_without_time_below_5_hours_a_week(hours, fires):
    assert ("owner_without_time" in codes(_owner(hours_per_week=hours))) is fires


def test_owner_without_time_says_the_hours_in_the_readers_words():
    with translation.override("de"):
        (message,) = messages(_owner(hours_per_week=1), "owner_without_time")
    assert "Marko K. (Leiter Kommunikation)" in message and "1 Stunde" in message


def _trainee(hours, **role):
    doc = example_document()
    doc["plan"]["roles"].append(
        {"person": "Lea", "title": "Werkstudentin", "is_owner": False, "hours_per_week": hours, **role}
    )
    return doc


@pytest.mark.parametrize(("hours", "fires"), [(20.5, True), (20, False), (None, False)])
def test_intern_does_the_work_when_a_trainee_has_more_hours_than_the_owner(hours, fires):
    assert ("intern_does_the_work" in codes(_trainee(hours))) is fires


def test_the_working_student_posting_while_the_head_of_marketing_has_2_hours():
    doc = _trainee(20)
    doc["plan"]["roles"][0].update(title="Marketingleiter", hours_per_week=2)
    assert {"intern_does_the_work", "owner_without_time"} <= set(codes(doc))


def test_intern_does_the_work_quiet_for_an_employee_with_more_hours_or_without_owner_hours():
    assert "intern_does_the_work" not in codes(_trainee(30, title="Social-Media-Managerin"))
    doc = _trainee(30)
    doc["plan"]["roles"][0]["hours_per_week"] = None
    assert "intern_does_the_work" not in codes(doc)


@pytest.mark.parametrize("title", ["Agentur Pixelwerk", "Freelancer", "Dienstleister Social Media", "extern"])
def test_agency_owns_it_when_the_owner_is_external(title):
    assert "agency_owns_it" in codes(_owner(title=title))


def test_agency_owns_it_quiet_for_an_owner_of_the_company_and_for_an_agency_that_helps():
    assert "agency_owns_it" not in codes(_owner(title="Kommunikation intern/extern"))
    doc = example_document()
    doc["plan"]["roles"].append({"person": "Pixelwerk", "title": "Agentur", "is_owner": False, "hours_per_week": 30})
    assert "agency_owns_it" not in codes(doc)
    assert "agency_owns_it" in codes(_owner(title="Berater", kind="external"))


def _without_management(report_to="Community Management"):
    doc = example_document()
    doc["plan"]["roles"] = doc["plan"]["roles"][:2]
    doc["plan"]["review"]["report_to"] = report_to
    return doc


def test_executives_not_involved_fires_without_management_in_roles_or_reports():
    assert "executives_not_involved" in codes(_without_management())


@pytest.mark.parametrize("title", ["Juniorchefin", "Seniorchef", "GF", "Inhaberin", "Vorstand"])
def test_executives_involved_when_a_role_is_management(title):
    doc = _without_management()
    doc["plan"]["roles"].append({"person": "Anna", "title": title})
    assert "executives_not_involved" not in codes(doc)


@pytest.mark.parametrize("title", ["Assistentin der Geschäftsführung", "Chef vom Dienst"])
def test_executives_not_involved_is_not_fooled_by_titles_that_only_look_like_management(title):
    doc = _without_management()
    doc["plan"]["roles"].append({"person": "Anna", "title": title})
    assert "executives_not_involved" in codes(doc)


def test_executives_involved_when_the_results_go_to_management_or_a_role_is_chosen_as_management():
    assert "executives_not_involved" not in codes(_without_management("GF"))
    doc = _without_management()
    doc["plan"]["roles"][1]["kind"] = "management"
    assert "executives_not_involved" not in codes(doc)
