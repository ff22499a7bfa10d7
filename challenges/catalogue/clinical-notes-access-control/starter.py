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


def create_app():
    app = Flask(__name__)
    notes = {note["id"]: copy.deepcopy(note) for note in SEED}
    next_id = [1000]

    def current_user():
        # TODO: 401 with WWW-Authenticate for missing or unknown tokens.
        token = request.headers.get("Authorization", "").replace("Bearer ", "")
        return USERS.get(token)

    @app.get("/notes/<int:note_id>")
    def read_note(note_id):
        user = current_user()
        note = notes.get(note_id)
        if note is None:
            return jsonify(error="not_found"), 404
        if user is None or note["clinic"] != user["clinic"]:
            # TODO: this tells other clinics that the note exists.
            return jsonify(error="forbidden"), 403
        return jsonify(note)

    @app.put("/notes/<int:note_id>")
    def edit_note(note_id):
        # TODO: only the author may edit, and only within their clinic.
        body = request.get_json(silent=True) or {}
        notes[note_id]["text"] = body.get("text")
        return jsonify(notes[note_id])

    @app.get("/patients/<patient_id>/notes")
    def list_notes(patient_id):
        found = [note for note in notes.values() if note["patient_id"] == patient_id]
        return jsonify(notes=found)

    @app.post("/patients/<patient_id>/notes")
    def create_note(patient_id):
        user = current_user() or {}
        body = request.get_json(silent=True) or {}
        note = {
            "id": next_id[0],
            "clinic": user.get("clinic"),
            "patient_id": patient_id,
            "author": user.get("user"),
            "text": body.get("text"),
        }
        notes[note["id"]] = note
        next_id[0] += 1
        return jsonify(note), 201, {"Location": f"/notes/{note['id']}"}

    return app
