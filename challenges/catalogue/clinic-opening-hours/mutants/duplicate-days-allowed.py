import re

from flask import Flask, jsonify, request

DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")
SEED = {
    1: {
        "name": "Harbour Street GP",
        "hours": [{"day": day, "opens": "08:00", "closes": "18:30"} for day in DAYS[:5]]
        + [{"day": "saturday", "opens": "09:00", "closes": "12:00"}],
    },
    2: {
        "name": "Riverside Physio",
        "hours": [
            {"day": "tuesday", "opens": "10:00", "closes": "19:00"},
            {"day": "thursday", "opens": "10:00", "closes": "19:00"},
        ],
    },
}


def is_time(value):
    return isinstance(value, str) and TIME.fullmatch(value) is not None


def schedule_problems(hours):
    """Every problem of a proposed schedule, in the order the statement gives."""
    if not isinstance(hours, list):
        return [{"field": "hours", "code": "required"}]
    problems, seen = [], set()
    for index, item in enumerate(hours):
        where = f"hours[{index}]"
        if not isinstance(item, dict):
            problems.append({"field": where, "code": "invalid_type"})
            continue
        day = item.get("day")
        if day not in DAYS:
            problems.append({"field": f"{where}.day", "code": "invalid_day"})
        else:
            seen.add(day)
        times_ok = True
        for name in ("opens", "closes"):
            if not is_time(item.get(name)):
                problems.append({"field": f"{where}.{name}", "code": "invalid_time"})
                times_ok = False
        # Zero-padded HH:MM strings compare like the times they spell.
        if times_ok and item["closes"] <= item["opens"]:
            problems.append({"field": where, "code": "closes_before_opens"})
    return problems


def create_app():
    app = Flask(__name__)
    clinics = {cid: {"name": c["name"], "hours": list(c["hours"])} for cid, c in SEED.items()}

    def schedule(clinic_id):
        hours = sorted(clinics[clinic_id]["hours"], key=lambda h: DAYS.index(h["day"]))
        return {"clinic_id": clinic_id, "timezone": "Europe/London", "hours": hours}

    def missing():
        return jsonify(error="clinic_not_found"), 404

    @app.get("/clinics/<int:clinic_id>/opening-hours")
    def read_hours(clinic_id):
        if clinic_id not in clinics:
            return missing()
        return jsonify(schedule(clinic_id))

    @app.put("/clinics/<int:clinic_id>/opening-hours")
    def replace_hours(clinic_id):
        if clinic_id not in clinics:
            return missing()
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            return jsonify(error="invalid_body"), 400
        problems = schedule_problems(body.get("hours"))
        if problems:
            return jsonify(error="validation_failed", problems=problems), 422
        clinics[clinic_id]["hours"] = [
            {"day": h["day"], "opens": h["opens"], "closes": h["closes"]} for h in body["hours"]
        ]
        return jsonify(schedule(clinic_id))

    @app.get("/clinics/<int:clinic_id>/open")
    def is_open(clinic_id):
        if clinic_id not in clinics:
            return missing()
        day, time = request.args.get("day"), request.args.get("time")
        if day not in DAYS or not is_time(time):
            return jsonify(error="invalid_query"), 400
        is_open_now = any(
            h["day"] == day and h["opens"] <= time < h["closes"]
            for h in clinics[clinic_id]["hours"]
        )
        return jsonify(clinic_id=clinic_id, day=day, time=time, open=is_open_now)

    return app
