"""GET /api/me/progress/: the signed-in candidate's progress as JSON."""

import datetime

from django.utils import timezone
from rest_framework.test import APIClient

from challenges.models import Skill
from tests.submissions.test_progress import make_challenge, submit


def test_anonymous_is_refused(db):
    response = APIClient().get("/api/me/progress/")
    assert response.status_code == 403
    assert response.json() == {"detail": "Authentication credentials were not provided."}


def test_progress_for_a_small_history(api_client, candidate):
    joins = Skill.objects.create(slug="sql-joins", name="SQL joins")
    solved = make_challenge("join-orders", title="Join orders", kind="sql", skills=(joins,))
    make_challenge("late-orders", title="Late orders", kind="sql", difficulty="medium",
                   skills=(joins,))  # fmt: skip
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    eleven = datetime.datetime.combine(yesterday, datetime.time(11), tzinfo=datetime.UTC)
    run = submit(
        candidate,
        solved,
        mode="run",
        verdict="wrong_answer",
        score=None,
        when=eleven - datetime.timedelta(hours=1),
    )
    accepted = submit(candidate, solved, when=eleven)

    response = api_client.get("/api/me/progress/")

    assert response.status_code == 200
    assert response.json() == {
        "totals": {
            "solved": 1,
            "attempted": 0,
            "published": 2,
            "submissions": 2,
            "submits_graded": 1,
            "submits_accepted": 1,
            "submits_passed": 1,
            "acceptance_rate": 1.0,
        },
        "streak": {"current": 1, "longest": 1},
        "skills": [
            {"slug": "sql-joins", "name": "SQL joins", "solved": 1, "total": 2, "percent": 50}
        ],
        "kinds": [
            {"kind": "python", "name": "Python", "solved": 0, "total": 0, "percent": 0},
            {"kind": "api", "name": "API design", "solved": 0, "total": 0, "percent": 0},
            {"kind": "sql", "name": "SQL", "solved": 1, "total": 2, "percent": 50},
            {"kind": "schema", "name": "Data modelling", "solved": 0, "total": 0, "percent": 0},
            {"kind": "design", "name": "System design", "solved": 0, "total": 0, "percent": 0},
        ],
        "recent": [
            {
                "id": accepted.pk,
                "challenge": "join-orders",
                "challenge_title": "Join orders",
                "mode": "submit",
                "status": "done",
                "verdict": "accepted",
                "score": 1.0,
                "created_at": f"{yesterday.isoformat()}T11:00:00Z",
            },
            {
                "id": run.pk,
                "challenge": "join-orders",
                "challenge_title": "Join orders",
                "mode": "run",
                "status": "done",
                "verdict": "wrong_answer",
                "score": None,
                "created_at": f"{yesterday.isoformat()}T10:00:00Z",
            },
        ],
        "suggestions": [
            {
                "challenge": "late-orders",
                "title": "Late orders",
                "kind": "sql",
                "difficulty": "medium",
                "reason": "Builds your weakest skill: SQL joins",
            }
        ],
    }


def test_a_new_user_gets_zeroes_and_starters(api_client, candidate):
    make_challenge("join-orders", title="Join orders", kind="sql")
    body = api_client.get("/api/me/progress/").json()
    assert body["totals"] == {
        "solved": 0,
        "attempted": 0,
        "published": 1,
        "submissions": 0,
        "submits_graded": 0,
        "submits_accepted": 0,
        "submits_passed": 0,
        "acceptance_rate": None,
    }
    assert body["streak"] == {"current": 0, "longest": 0}
    assert body["recent"] == []
    assert body["suggestions"] == [
        {
            "challenge": "join-orders",
            "title": "Join orders",
            "kind": "sql",
            "difficulty": "easy",
            "reason": "An easy first challenge",
        }
    ]


def test_the_schema_documents_the_endpoint(api_client):
    schema = api_client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    operation = schema["paths"]["/api/me/progress/"]["get"]
    assert operation["summary"] == "Your progress and what to try next"
    assert operation["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ProgressOutput"
    }
