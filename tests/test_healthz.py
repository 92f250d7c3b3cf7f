"""/healthz answers "ok" to anyone, without the database: for load balancers, and the floor of the load test
(bench/load/)."""

from django.urls import reverse

# No django_db mark: pytest-django blocks the database here, so a query would fail the test.


def test_healthz_answers_ok_without_login_or_database(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content == b"ok"
    assert reverse("healthz") == "/healthz"


def test_healthz_answers_head_and_refuses_writes(client):
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405
