from flask import Flask, jsonify, request

PATIENTS = {
    "p1": {
        "id": "p1",
        "name": "Ada Okafor",
        "date_of_birth": "1987-04-12",
        "national_id": "AB123456C",
        "next_appointment": "2026-03-04T09:30:00Z",
        "allergies": ["penicillin"],
        "medications": [{"name": "sertraline", "dose_mg": 50, "prescriber_notes": "review in May"}],
        "insurance": {"provider": "Vitalis", "member_id": "V-88213", "group_notes": "employer plan"},
    },
    "p2": {
        "id": "p2",
        "name": "Jonas Weber",
        "date_of_birth": "1954-11-30",
        "national_id": "JW998877",
        "next_appointment": None,
        "allergies": [],
        "medications": [],
        "insurance": None,
    },
}


def reception_view(patient):
    keys = ("id", "name", "date_of_birth", "next_appointment")
    return {key: patient[key] for key in keys}


def clinician_view(patient):
    view = {key: patient[key] for key in ("id", "name", "date_of_birth", "allergies")}
    view["medications"] = [
        {"name": item["name"], "dose_mg": item["dose_mg"]} for item in patient["medications"]
    ]
    return view


def billing_view(patient):
    insurance = patient["insurance"]
    return {
        "id": patient["id"],
        "name": patient["name"],
        "insurance": (
            {"provider": insurance["provider"], "member_id": insurance["member_id"]}
            if insurance
            else None
        ),
    }


VIEWS = {"reception": reception_view, "clinician": clinician_view, "billing": billing_view}


def create_app():
    app = Flask(__name__)

    @app.get("/patients/<patient_id>")
    def get_patient(patient_id):
        view = VIEWS.get(request.headers.get("X-Role", ""))
        if view is None:
            return jsonify(error="forbidden"), 403
        patient = PATIENTS.get(patient_id)
        if patient is None:
            return jsonify(error="not_found"), 404
        return jsonify(view(patient))

    return app
