import copy

from flask import Flask, jsonify, request

USERS = {
    "tok-okafor-7Hq2": {"user": "dr-okafor", "role": "clinician", "clinic": "north"},
    "tok-lindqvist-3Mx9": {"user": "dr-lindqvist", "role": "clinician", "clinic": "north"},
    "tok-patel-8Kd4": {"user": "nurse-patel", "role": "nurse", "clinic": "north"},
    "tok-moreau-5Tz1": {"user": "dr-moreau", "role": "clinician", "clinic": "south"},
}
SEED = [
    {
        "id": 101,
        "clinic": "north",
        "patient_id": "P-1001",
        "author": "dr-okafor",
        "text": "Mild asthma; reviewed inhaler technique.",
    },
    {
        "id": 102,
        "clinic": "north",
        "patient_id": "P-1001",
        "author": "dr-lindqvist",
        "text": "Follow-up in 3 months.",
    },
    {
        "id": 103,
        "clinic": "north",
        "patient_id": "P-1002",
        "author": "dr-okafor",
        "text": "Referred to dermatology.",
    },
    {
        "id": 201,
        "clinic": "south",
        "patient_id": "P-1001",
        "author": "dr-moreau",
        "text": "Knee X-ray ordered.",
    },
]
REALM = 'Bearer realm="notes"'


class Refusal(Exception):
    def __init__(self, status, error, headers=None):
        super().__init__(error)
        self.status, self.error, self.headers = status, error, headers or {}


def caller():
    """The user behind the request's Bearer token, or a 401."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer":
        raise Refusal(401, "unauthenticated", {"WWW-Authenticate": REALM})
    user = USERS.get(token.strip())
    if user is None:
        challenge = REALM + ', error="invalid_token"'
        raise Refusal(401, "unauthenticated", {"WWW-Authenticate": challenge})
    return user


def note_text(body):
    text = body.get("text") if isinstance(body, dict) else None
    if not isinstance(text, str) or not text.strip() or len(text) > 2000:
        raise Refusal(422, "invalid_note")
    return text


def create_app():
    app = Flask(__name__)
    notes = {note["id"]: copy.deepcopy(note) for note in SEED}
    next_id = [1000]

    @app.errorhandler(Refusal)
    def refused(refusal):
        return jsonify(error=refusal.error), refusal.status, refusal.headers

    def visible_note(note_id, user):
        """Another clinic's note is exactly as invisible as a missing one."""
        note = notes.get(note_id)
        if note is None:
            raise Refusal(404, "not_found")
        if note["clinic"] != user["clinic"]:
            raise Refusal(403, "forbidden")
        return note

    @app.get("/notes/<int:note_id>")
    def read_note(note_id):
        return jsonify(visible_note(note_id, caller()))

    @app.put("/notes/<int:note_id>")
    def edit_note(note_id):
        user = caller()
        note = visible_note(note_id, user)
        if note["author"] != user["user"]:
            raise Refusal(403, "forbidden")
        note["text"] = note_text(request.get_json(silent=True))
        return jsonify(note)

    @app.get("/patients/<patient_id>/notes")
    def list_notes(patient_id):
        user = caller()
        found = [
            note
            for _, note in sorted(notes.items())
            if note["clinic"] == user["clinic"] and note["patient_id"] == patient_id
        ]
        return jsonify(notes=found)

    @app.post("/patients/<patient_id>/notes")
    def create_note(patient_id):
        user = caller()
        if user["role"] != "clinician":
            raise Refusal(403, "forbidden")
        text = note_text(request.get_json(silent=True))
        note = {
            "id": next_id[0],
            "clinic": user["clinic"],
            "patient_id": patient_id,
            "author": user["user"],
            "text": text,
        }
        notes[note["id"]] = note
        next_id[0] += 1
        return jsonify(note), 201, {"Location": f"/notes/{note['id']}"}

    return app
