from flask import Flask, jsonify, request

DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
SEED = {
    1: [{"day": day, "opens": "08:00", "closes": "18:30"} for day in DAYS[:5]]
    + [{"day": "saturday", "opens": "09:00", "closes": "12:00"}],
    2: [
        {"day": "tuesday", "opens": "10:00", "closes": "19:00"},
        {"day": "thursday", "opens": "10:00", "closes": "19:00"},
    ],
}


def create_app():
    app = Flask(__name__)
    hours = {cid: list(week) for cid, week in SEED.items()}

    @app.get("/clinics/<int:clinic_id>/opening-hours")
    def read_hours(clinic_id):
        return jsonify(clinic_id=clinic_id, timezone="Europe/London", hours=hours[clinic_id])

    @app.put("/clinics/<int:clinic_id>/opening-hours")
    def replace_hours(clinic_id):
        # No validation yet: whatever arrives is stored.
        hours[clinic_id] = request.get_json(silent=True)["hours"]
        return jsonify(clinic_id=clinic_id, timezone="Europe/London", hours=hours[clinic_id])

    return app
