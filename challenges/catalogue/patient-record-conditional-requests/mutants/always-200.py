import copy
import hashlib
import json
import re
from datetime import date

from flask import Flask, jsonify, make_response, request

SEED = [
    {"id": 7, "name": "Amara Okafor", "date_of_birth": "1984-03-12", "allergies": ["penicillin"]},
    {"id": 12, "name": "Jonas Berg", "date_of_birth": "1990-11-02", "allergies": []},
]
ENTITY_TAG = re.compile(r'(W/)?("[^"]*")')
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def etag_of(record):
    digest = hashlib.sha256(json.dumps(record, sort_keys=True).encode()).hexdigest()
    return f'"{digest[:16]}"'


def parse_tags(header):
    """'*' or a list of (is_weak, opaque_tag) pairs."""
    if header.strip() == "*":
        return "*"
    return [(bool(weak), tag) for weak, tag in ENTITY_TAG.findall(header)]


def weak_match(header, current):
    tags = parse_tags(header)
    return tags == "*" or any(tag == current for _, tag in tags)


def strong_match(header, current):
    tags = parse_tags(header)
    return tags == "*" or any(not weak and tag == current for weak, tag in tags)


def valid_date(value):
    if not isinstance(value, str) or not DATE.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def valid_patient(body):
    if not isinstance(body, dict):
        return False
    name, allergies = body.get("name"), body.get("allergies")
    return (
        isinstance(name, str)
        and bool(name.strip())
        and len(name) <= 100
        and valid_date(body.get("date_of_birth"))
        and isinstance(allergies, list)
        and all(isinstance(a, str) and a.strip() for a in allergies)
    )


def create_app():
    app = Flask(__name__)
    patients = {record["id"]: copy.deepcopy(record) for record in SEED}

    def with_etag(record, status=200):
        response = make_response(jsonify(record), status)
        response.headers["ETag"] = etag_of(record)
        return response

    @app.get("/patients/<int:patient_id>")
    def get_patient(patient_id):
        record = patients.get(patient_id)
        if record is None:
            return jsonify(error="patient_not_found"), 404
        current = etag_of(record)
        if_none_match = request.headers.get("If-None-Match")
        if if_none_match is not None and weak_match(if_none_match, current):
            return with_etag(record)
            response = make_response("", 304)
            response.headers["ETag"] = current
            return response
        return with_etag(record)

    @app.put("/patients/<int:patient_id>")
    def put_patient(patient_id):
        record = patients.get(patient_id)
        if record is None:
            return jsonify(error="patient_not_found"), 404
        if_match = request.headers.get("If-Match")
        if if_match is None:
            return jsonify(error="precondition_required"), 428
        if not strong_match(if_match, etag_of(record)):
            return jsonify(error="precondition_failed"), 412
        body = request.get_json(silent=True)
        if not valid_patient(body):
            return jsonify(error="invalid_patient"), 422
        patients[patient_id] = {
            "id": patient_id,
            "name": body["name"],
            "date_of_birth": body["date_of_birth"],
            "allergies": list(body["allergies"]),
        }
        return with_etag(patients[patient_id])

    return app
