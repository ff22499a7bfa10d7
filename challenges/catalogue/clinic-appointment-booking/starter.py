from datetime import datetime, timedelta

from flask import Flask, jsonify, request

CLINICIANS = {"dr-ahmed", "dr-brown", "dr-chen"}
FORMAT = "%Y-%m-%dT%H:%M"


def create_app():
    app = Flask(__name__)
    appointments = {}

    @app.post("/appointments")
    def book():
        body = request.get_json(silent=True)
        # TODO: validate every field, reject double bookings.
        if body.get("clinician_id") not in CLINICIANS:
            return jsonify(errors=[{"field": "clinician_id", "message": "unknown"}]), 422
        start = datetime.strptime(body["start"], FORMAT)
        end = start + timedelta(minutes=body["duration_minutes"])
        appointment_id = len(appointments) + 1
        appointments[appointment_id] = dict(
            body, id=appointment_id, end=end.strftime(FORMAT), notes=body.get("notes")
        )
        return jsonify(appointments[appointment_id]), 201

    @app.get("/appointments/<int:appointment_id>")
    def get_appointment(appointment_id):
        return jsonify(appointments[appointment_id])

    @app.delete("/appointments/<int:appointment_id>")
    def cancel(appointment_id):
        del appointments[appointment_id]
        return "", 204

    return app
