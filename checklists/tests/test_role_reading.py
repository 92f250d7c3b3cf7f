"""Reading roles as the format says: a role's kind is the one chosen, or what its job title says,
in German and English wordings, on both sides of every word the spec lists."""

import pytest

from checklists.rules.reading import kind_from_title, names_management, role_kind


@pytest.mark.parametrize(
    "title",
    [
        "Praktikant",
        "Praktikantin Marketing",
        "Marketing-Praktikantin",
        "Marketingpraktikant",
        "Pflichtpraktikum Social Media",
        "Werkstudentin",
        "Social-Media-Werkstudent",
        "Werkstudierende Kommunikation",
        "Azubi",
        "Auszubildende Kauffrau für Büromanagement",
        "Auszubildender",
        "Duale Studentin BWL",
        "dualer Student",
        "Studentische Hilfskraft",
        "Volontärin Unternehmenskommunikation",
        "Aushilfe",
        "Minijob Social Media",
        "Trainee Marketing",
    ],
)
def test_german_trainee_titles_are_trainees(title):
    assert kind_from_title(title, "de") == "trainee"


@pytest.mark.parametrize(
    "title",
    [
        "Praktikantenbetreuerin",
        "Praktikantenbetreuer Personal",
        "Azubi-Betreuerin",
        "Ausbilderin",
        "Leiterin Traineeprogramm",
        "Kommunikation intern/extern",
        "Referentin Kommunikation intern und extern",
        "Interne Kommunikation",
    ],
)
def test_titles_that_only_look_like_trainees_are_not(title):
    assert kind_from_title(title, "de") != "trainee"


def test_intern_is_a_trainee_in_an_english_plan_and_internal_in_a_german_one():
    assert kind_from_title("Marketing Intern", "en") == "trainee"
    assert kind_from_title("Kommunikation intern/extern", "en") == "staff"  # German words in an English plan
    assert kind_from_title("Social media intern", "en") == "trainee"
    assert kind_from_title("Internal Communications Manager", "en") == "staff"
    assert kind_from_title("Kommunikation intern", "de") == "staff"
    assert kind_from_title("Social Media Intern", "de") == "staff"


@pytest.mark.parametrize("title", ["Working Student Marketing", "Apprentice", "Student assistant", "Trainee"])
def test_english_trainee_titles_are_trainees(title):
    assert kind_from_title(title, "en") == "trainee"


@pytest.mark.parametrize(
    "title",
    [
        "Geschäftsführer",
        "Geschäftsführerin",
        "Geschäftsführung",
        "Geschäftsführender Gesellschafter",
        "GF",
        "Geschäftsleitung",
        "Mitglied der Geschäftsleitung",
        "Vorstand Vertrieb",
        "Vorstandsvorsitzende",
        "Inhaberin",
        "Inhaber",
        "Eigentümer",
        "Chefin",
        "Chef",
        "Seniorchef",
        "Juniorchefin",
        "CEO",
        "Managing Director",
        "Managing Partner",
        "Owner of the company",
        "Executive Board",
    ],
)
def test_management_titles_are_management(title):
    assert kind_from_title(title, "de") == "management"
    assert kind_from_title(title, "en") == "management"


@pytest.mark.parametrize(
    "title",
    [
        "Assistentin der Geschäftsführung",
        "Assistent der Geschäftsleitung",
        "Geschäftsführungsassistenz",
        "Referentin des Vorstands",
        "Vorstandsassistentin",
        "Chef vom Dienst",
        "Chefredakteurin",
        "Küchenchef",
        "Marketingleiter",
        "Leiter Kommunikation",
        "Product Owner",
        "Marketing Manager",
    ],
)
def test_titles_that_only_look_like_management_are_not(title):
    assert kind_from_title(title, "de") != "management"


@pytest.mark.parametrize(
    "title",
    ["Agentur Pixelwerk", "Social-Media-Agentur", "Agency", "Freelancerin", "Dienstleister", "Externe Beraterin",
     "extern", "Texter (extern)", "freie Mitarbeiterin"],
)  # fmt: skip
def test_external_titles_are_external(title):
    assert kind_from_title(title, "de") == "external"


@pytest.mark.parametrize(
    "title",
    ["Kommunikation intern/extern", "Leiterin externe Kommunikation", "Agenturbetreuerin", "Kundendienstleiter"],
)
def test_titles_that_only_look_external_are_not(title):
    assert kind_from_title(title, "de") != "external"


def test_an_agency_managing_director_is_external_and_an_agency_intern_a_trainee():
    assert kind_from_title("Geschäftsführer der Agentur Pixelwerk", "de") == "external"
    assert kind_from_title("Praktikantin der Agentur", "de") == "trainee"


def test_a_title_that_says_none_of_these_is_staff():
    assert kind_from_title("Online-Marketing-Managerin", "de") == "staff"
    assert kind_from_title("", "de") == "staff"


def test_a_chosen_kind_overrides_the_title():
    assert role_kind({"title": "Werkstudentin", "kind": "staff"}, "de") == "staff"
    assert role_kind({"title": "Leiterin Marketing", "kind": "management"}, "de") == "management"
    assert role_kind({"title": "Werkstudentin", "kind": ""}, "de") == "trainee"
    assert role_kind({"title": "Werkstudentin"}, "de") == "trainee"


@pytest.mark.parametrize(
    "recipient",
    ["Geschäftsführung", "GF", "Vorstand", "die Inhaberin", "Management", "the management", "Senior management team",
     "Board of directors"],
)  # fmt: skip
def test_report_recipients_are_read_with_the_management_words(recipient):
    assert names_management(recipient)


@pytest.mark.parametrize("recipient", ["Marketingleitung", "Team Kommunikation", "Assistenz der Geschäftsführung", ""])
def test_other_report_recipients_are_not_management(recipient):
    assert not names_management(recipient)
