from flask import Flask, jsonify, request

SEED = [
    {"id": 7, "name": "Amara Okafor", "date_of_birth": "1984-03-12", "allergies": ["penicillin"]},
    {"id": 12, "name": "Jonas Berg", "date_of_birth": "1990-11-02", "allergies": []},
]


def create_app():
    app = Flask(__name__)
    patients = {record["id"]: dict(record) for record in SEED}

    @app.get("/patients/<int:patient_id>")
    def get_patient(patient_id):
        if patient_id not in patients:
            return jsonify(error="patient_not_found"), 404
        # TODO: send an ETag, and answer 304 when If-None-Match matches it.
        return jsonify(patients[patient_id])

    @app.put("/patients/<int:patient_id>")
    def put_patient(patient_id):
        if patient_id not in patients:
            return jsonify(error="patient_not_found"), 404
        # TODO: require If-Match (428) and refuse stale versions (412); validate the body.
        body = request.get_json(silent=True) or {}
        patients[patient_id] = {"id": patient_id, **body}
        return jsonify(patients[patient_id])

    return app
