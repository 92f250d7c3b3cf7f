"""The load test's data: organizations with marketing leads and executives, and 20 plans imported through the
plan file service (the shipped example plan and the large plan of bench/plans.py). Run by bench/load/run after
`migrate` and `load_content`, on the load test's own database:

    python -m bench.load.seed OUT.json [--organizations 4] [--plans 20] [--large 4] [--leads 10] [--executives 3]

Writes the accounts (interleaved across organizations) and the plans to OUT.json for the locust users.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "load-test-password-2027"


def seed(*, organizations: int, plans: int, large: int, leads: int, executives: int) -> dict:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from bench.plans import example_document, large_document
    from checklists.models import ChecklistItem
    from planner.models import Membership, Organization
    from planner.plan_file import document_dumps, parse_document, plan_import

    user_model = get_user_model()
    password = make_password(PASSWORD)  # one hash for all: seeding stays fast, each login still checks it
    items = list(ChecklistItem.objects.values_list("slug", flat=True))
    if not items:
        raise SystemExit("no checklist items: run `manage.py load_content` first")
    accounts: dict[str, list[dict]] = {"lead": [], "executive": []}
    plan_rows: list[dict] = []
    with transaction.atomic():
        orgs = [
            Organization.objects.create(name=f"Lasttest Organisation {n} GmbH", slug=f"last-{n}")
            for n in range(1, organizations + 1)
        ]
        people: dict[str, list[list[dict]]] = {"lead": [], "executive": []}
        for n, org in enumerate(orgs, start=1):
            for role, count in (("lead", leads), ("executive", executives)):
                rows = []
                for i in range(1, count + 1):
                    user = user_model.objects.create(
                        username=f"{role}-{n}-{i}", first_name=f"{role.title()} {i}", password=password
                    )
                    Membership.objects.create(user=user, organization=org, role=role)
                    rows.append({"username": user.username, "organization": org.slug})
                people[role].append(rows)
        for role, per_org in people.items():  # interleaved: the first users spread over all organizations
            accounts[role] = [row for group in zip(*per_org, strict=True) for row in group]
        author = {org.pk: user_model.objects.get(username=f"lead-{n}-1") for n, org in enumerate(orgs, start=1)}
        for index in range(plans):
            org = orgs[index % organizations]  # round robin: the large plans spread over the organizations
            if index < large:
                document, size = large_document(checklist_items=items), "large"
            else:
                document, size = example_document(), "example"
            document["plan"]["title"] = f"{document['plan']['title'][:150]} · Plan {index + 1}"
            plan = plan_import(document=parse_document(document_dumps(document)), organization=org, user=author[org.pk])
            plan_rows.append({"id": plan.pk, "size": size, "organization": org.slug, "title": plan.title})
    return {"password": PASSWORD, "accounts": accounts, "plans": plan_rows}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--organizations", type=int, default=4)
    parser.add_argument("--plans", type=int, default=20)
    parser.add_argument("--large", type=int, default=4, help="how many of the plans are the large plan")
    parser.add_argument("--leads", type=int, default=10, help="marketing leads per organization")
    parser.add_argument("--executives", type=int, default=3, help="executives per organization")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    data = seed(
        organizations=args.organizations,
        plans=args.plans,
        large=args.large,
        leads=args.leads,
        executives=args.executives,
    )
    args.out.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    sizes = [row["size"] for row in data["plans"]]
    print(
        f"seeded {args.organizations} organizations, {len(data['accounts']['lead'])} leads, "
        f"{len(data['accounts']['executive'])} executives, {len(sizes)} plans "
        f"({sizes.count('large')} large, {sizes.count('example')} example)"
    )


if __name__ == "__main__":
    main()
