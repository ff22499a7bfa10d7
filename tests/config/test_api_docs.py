"""The OpenAPI schema and its docs UI are served, with no asset from another host."""

import re


def test_schema_lists_the_api(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert {
        "/api/auth/token/",
        "/api/challenges/",
        "/api/challenges/{slug}/",
        "/api/me/",
        "/api/submissions/",
        "/api/submissions/{submission_id}/",
    } <= set(paths)


def test_docs_ui_loads_its_assets_locally(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui" in html
    assert re.findall(r"""(?:src|href)=["']https?://""", html) == []
    assert "cdn" not in html.lower()


def test_health(client, db):
    assert client.get("/healthz").json() == {"status": "ok"}
