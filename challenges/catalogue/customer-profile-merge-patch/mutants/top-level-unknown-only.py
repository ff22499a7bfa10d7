import copy
import json
import re

from flask import Flask, jsonify, request

SEED = {
    "id": 42,
    "email": "lena.fischer@example.com",
    "display_name": "Lena",
    "phone": "+44 113 496 0123",
    "marketing_opt_in": False,
    "address": {
        "line1": "1 Market Street",
        "line2": "Flat 2",
        "city": "Leeds",
        "postcode": "LS1 4DY",
        "country": "GB",
    },
    "preferences": {"newsletter": "weekly", "language": "en"},
    "interests": ["running", "coffee"],
    "created_at": "2023-05-14T09:30:00Z",
    "loyalty_points": 120,
}
READ_ONLY = ("id", "created_at", "loyalty_points")
WRITABLE = (
    "email",
    "display_name",
    "marketing_opt_in",
    "phone",
    "address",
    "preferences",
    "interests",
)
REQUIRED = ("email", "display_name", "marketing_opt_in")
ADDRESS_FIELDS = ("line1", "line2", "city", "postcode", "country")
ADDRESS_REQUIRED = ("line1", "city", "postcode", "country")
MERGE_PATCH = "application/merge-patch+json"

EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
PHONE = re.compile(r"\+[0-9 ]{7,20}")
COUNTRY = re.compile(r"[A-Z]{2}")


def merge_patch(target, patch):
    """RFC 7396 MergePatch; returns a new value and never modifies its arguments."""
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    result = copy.deepcopy(target) if isinstance(target, dict) else {}
    for name, value in patch.items():
        if value is None:
            result.pop(name, None)
        else:
            result[name] = merge_patch(result.get(name), value)
    return result


def pointer(*parts):
    return "".join("/" + p.replace("~", "~0").replace("/", "~1") for p in parts)


def text(value, limit=None):
    """A non-blank string, at most `limit` characters long."""
    return isinstance(value, str) and bool(value.strip()) and (limit is None or len(value) <= limit)


def request_errors(body, current):
    errors = []
    for name, value in body.items():
        if name in READ_ONLY:
            if value != current[name]:
                errors.append((pointer(name), "read_only"))
        elif name not in WRITABLE:
            errors.append((pointer(name), "unknown_field"))
    return errors


def address_errors(address):
    if not isinstance(address, dict):
        return [(pointer("address"), "invalid")]
    errors = []
    for name in ADDRESS_FIELDS:
        if name not in address:
            if name in ADDRESS_REQUIRED:
                errors.append((pointer("address", name), "required"))
            continue
        value = address[name]
        if name == "country":
            ok = isinstance(value, str) and bool(COUNTRY.fullmatch(value))
        else:
            ok = text(value, 100)
        if not ok:
            errors.append((pointer("address", name), "invalid"))
    return errors


def document_errors(doc):
    checks = {
        "email": lambda v: isinstance(v, str) and bool(EMAIL.fullmatch(v)),
        "display_name": lambda v: text(v, 50),
        "marketing_opt_in": lambda v: isinstance(v, bool),
        "phone": lambda v: isinstance(v, str) and bool(PHONE.fullmatch(v)),
        "interests": lambda v: (
            isinstance(v, list) and len(v) <= 10 and all(text(item) for item in v)
        ),
    }
    errors = []
    for name, check in checks.items():
        if name not in doc:
            if name in REQUIRED:
                errors.append((pointer(name), "required"))
        elif not check(doc[name]):
            errors.append((pointer(name), "invalid"))
    if "address" in doc:
        errors += address_errors(doc["address"])
    if "preferences" in doc:
        preferences = doc["preferences"]
        if not isinstance(preferences, dict):
            errors.append((pointer("preferences"), "invalid"))
        else:
            errors += [
                (pointer("preferences", key), "invalid")
                for key, value in preferences.items()
                if not isinstance(value, str)
            ]
    return errors


def create_app():
    app = Flask(__name__)
    customers = {SEED["id"]: copy.deepcopy(SEED)}

    def failed(errors):
        listed = [{"pointer": where, "code": code} for where, code in errors]
        return jsonify(error="validation_failed", errors=listed), 422

    def update(customer_id, media_type, build):
        """Shared PATCH/PUT pipeline; `build(body, current)` makes the new document."""
        current = customers.get(customer_id)
        if current is None:
            return jsonify(error="customer_not_found"), 404
        if request.mimetype != media_type:
            headers = {"Accept-Patch": MERGE_PATCH} if media_type == MERGE_PATCH else {}
            return jsonify(error="unsupported_media_type"), 415, headers
        try:
            body = json.loads(request.get_data(as_text=True))
        except ValueError:
            body = None
        if not isinstance(body, dict):
            return jsonify(error="malformed_body"), 400
        errors = request_errors(body, current)
        if errors:
            return failed(errors)
        candidate = build(body, current)
        errors = document_errors(candidate)
        if errors:
            return failed(errors)
        customers[customer_id] = candidate
        return jsonify(candidate)

    def replace(body, current):
        candidate = copy.deepcopy(body)
        candidate.update({name: current[name] for name in READ_ONLY})
        return candidate

    @app.get("/customers/<int:customer_id>")
    def get_customer(customer_id):
        if customer_id not in customers:
            return jsonify(error="customer_not_found"), 404
        return jsonify(customers[customer_id])

    @app.patch("/customers/<int:customer_id>")
    def patch_customer(customer_id):
        return update(customer_id, MERGE_PATCH, lambda body, current: merge_patch(current, body))

    @app.put("/customers/<int:customer_id>")
    def put_customer(customer_id):
        return update(customer_id, "application/json", replace)

    return app
