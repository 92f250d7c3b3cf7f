"""Fixtures of the sign-off's tests: the example plan in the lead's organization, the organization's
people with names and e-mail addresses, and a signed-in client for each."""

import pytest
from django.test import Client

from planner.models import Membership
from tests.factories import MembershipFactory


def _named(user, first: str, last: str, email: str):
    user.first_name, user.last_name, user.email = first, last, email
    user.save()
    return user


@pytest.fixture
def people(lead, executive, stranger, organization):
    """Lena Lind leads marketing, Erik Engel is the managing director, Ada Adler the admin; Sam is a
    lead of another organization. Each with an e-mail address."""
    admin = MembershipFactory(organization=organization, role=Membership.Role.ADMIN, user__username="ada").user
    return {
        "lead": _named(lead, "Lena", "Lind", "lena@klv.example"),
        "executive": _named(executive, "Erik", "Engel", "erik@klv.example"),
        "admin": _named(admin, "Ada", "Adler", "ada@klv.example"),
        "stranger": _named(stranger, "Sam", "Stern", "sam@other.example"),
    }


@pytest.fixture
def clients(people):
    """A signed-in client per person, and an anonymous one."""
    result = {"anonymous": Client()}
    for who, user in people.items():
        result[who] = Client()
        result[who].force_login(user)
    return result
