"""Property-based requests generated from our own OpenAPI schema: nothing may answer 5xx."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token

from config.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/schema/", application)
# Validation and publishing run the sandbox: they have their own tests.
schema = schema.exclude(path_regex="validate|publish")


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    # Like Django's test client: a request must not close the test's database connection.
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def _no_back_pressure(settings):
    # 503 "busy, retry in N s" is the designed answer to a full queue, tested on its own.
    settings.SUBMISSIONS = {**settings.SUBMISSIONS, "MAX_IN_FLIGHT_PER_USER": 10**6}


@pytest.fixture
def token(order_total) -> str:
    from tests.factories import UserFactory

    user = UserFactory(username="fuzzer", is_staff=True)
    return Token.objects.create(user=user).key


@pytest.mark.django_db(transaction=False)
@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_no_server_errors(case, token):
    from schemathesis.checks import not_a_server_error

    case.call_and_validate(headers={"Authorization": f"Token {token}"}, checks=[not_a_server_error])
