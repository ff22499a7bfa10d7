import re
from datetime import datetime, time, timedelta

from flask import Flask, jsonify, request

CLINICIANS = {"dr-ahmed", "dr-brown", "dr-chen"}
DURATIONS = {15, 30, 45, 60}
OPENS, CLOSES = time(8, 0), time(18, 0)
PATIENT_ID = re.compile(r"P\d{6}")
START = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
FORMAT = "%Y-%m-%dT%H:%M"


def validate(body):
    """Every problem with the body, one (field, message) per invalid field."""
    errors = []

    def fail(field, message):
        errors.append({"field": field, "message": message})

    patient_id = body.get("patient_id")
    if not isinstance(patient_id, str) or not PATIENT_ID.fullmatch(patient_id):
        fail("patient_id", "required: 'P' followed by 6 digits")

    if body.get("clinician_id") not in CLINICIANS:
        fail("clinician_id", "required: one of " + ", ".join(sorted(CLINICIANS)))

    duration = body.get("duration_minutes")
    duration_ok = (
        isinstance(duration, int) and not isinstance(duration, bool) and duration in DURATIONS
    )

    start = body.get("start")
    moment = None
    if isinstance(start, str) and START.fullmatch(start):
        try:
            moment = datetime.strptime(start, FORMAT)
        except ValueError:
            moment = None
    if moment is None:
        fail("start", "required: a real date and time as YYYY-MM-DDTHH:MM")
    elif moment.minute % 15:
        fail("start", "must be on the quarter hour")
    elif moment.time() < OPENS:
        fail("start", "the clinic opens at 08:00")
    elif duration_ok and moment + timedelta(minutes=duration) > datetime.combine(
        moment.date(), CLOSES
    ):
        fail("start", "the appointment must end by 18:00")

    if not duration_ok:
        fail("duration_minutes", "required: 15, 30, 45 or 60")

    notes = body.get("notes")
    if notes is not None and (not isinstance(notes, str) or len(notes) > 200):
        fail("notes", "optional: a string of at most 200 characters")
    return errors


def create_app():
    app = Flask(__name__)
    appointments = {}
    next_id = [1]

    def overlapping(start, end, **match):
        # Half-open intervals [start, end): back-to-back appointments don't overlap.
        for appointment in appointments.values():
            same = all(appointment[key] == value for key, value in match.items())
            if same and appointment["_start"] < end and start < appointment["_end"]:
                return appointment
        return None

    def present(appointment):
        return {key: value for key, value in appointment.items() if not key.startswith("_")}

    @app.post("/appointments")
    def book():
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            return jsonify(errors=[{"field": "body", "message": "must be a JSON object"}]), 400
        errors = validate(body)
        if errors:
            return jsonify(errors=errors[:1]), 422
        start = datetime.strptime(body["start"], FORMAT)
        end = start + timedelta(minutes=body["duration_minutes"])
        clash = overlapping(start, end, clinician_id=body["clinician_id"])
        if clash:
            return jsonify(error="clinician_unavailable", conflicting_id=clash["id"]), 409
        clash = overlapping(start, end, patient_id=body["patient_id"])
        if clash:
            return jsonify(error="patient_unavailable", conflicting_id=clash["id"]), 409
        appointment_id = next_id[0]
        next_id[0] += 1
        appointments[appointment_id] = {
            "id": appointment_id,
            "patient_id": body["patient_id"],
            "clinician_id": body["clinician_id"],
            "start": body["start"],
            "end": end.strftime(FORMAT),
            "duration_minutes": body["duration_minutes"],
            "notes": body.get("notes"),
            "_start": start,
            "_end": end,
        }
        response = jsonify(present(appointments[appointment_id]))
        response.status_code = 201
        response.headers["Location"] = f"/appointments/{appointment_id}"
        return response

    @app.get("/appointments/<int:appointment_id>")
    def get_appointment(appointment_id):
        appointment = appointments.get(appointment_id)
        if appointment is None:
            return jsonify(error="appointment_not_found"), 404
        return jsonify(present(appointment))

    @app.delete("/appointments/<int:appointment_id>")
    def cancel(appointment_id):
        if appointments.pop(appointment_id, None) is None:
            return jsonify(error="appointment_not_found"), 404
        return "", 204

    return app
