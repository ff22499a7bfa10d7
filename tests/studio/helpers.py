"""Helpers of the studio tests: create a challenge from a template through the page."""

from challenges.models import Challenge


def create(client, *, kind: str = "python", name: str = "adder", title: str = "Adder", owner=""):
    response = client.post(
        "/studio/new/", {"kind": kind, "name": name, "title": title, "owner": owner}
    )
    return response


def created(client, **kwargs) -> Challenge:
    response = create(client, **kwargs)
    assert response.status_code == 302, response.content.decode()[:2000]
    slug = response["Location"].rstrip("/").rsplit("/", 1)[-1]
    return Challenge.objects.get(slug=slug)


def form_data(files: dict[str, str], **extra) -> dict:
    """The edit form as a browser posts it: one path and one content per file, in order."""
    return {"path": list(files), "content": list(files.values()), **extra}
