from datetime import date

from flask import Flask, jsonify, make_response, request

ACCOUNTS = {"acc_1001", "acc_1002", "acc_2001"}
FORMATS = {"csv", "pdf"}
MAX_UNFINISHED = 3
MAX_ATTEMPTS = 3
POLL_AFTER_S = 5
BUSY_RETRY_S = 30


def parse_day(value):
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def valid_request(body):
    if not isinstance(body, dict):
        return False
    start, end = parse_day(body.get("from")), parse_day(body.get("to"))
    return (
        body.get("account_id") in ACCOUNTS
        and body.get("format") in FORMATS
        and start is not None
        and end is not None
        and start <= end
        and (end - start).days < 366
    )


def create_app():
    app = Flask(__name__)
    jobs = {}  # id -> job (insertion order is creation order)
    queue = []  # ids of queued jobs, oldest first
    by_key = {}  # (client, idempotency key) -> (request fields, job id)

    def view(job):
        body = {k: job[k] for k in ("id", "account_id", "from", "to", "format", "status")}
        body["attempts"] = job["attempts"]
        if job["status"] == "succeeded":
            body["download_url"] = f"/exports/{job['id']}/file"
        if job["status"] == "failed":
            body["error"] = "export_failed"
        return body

    def respond(job, status):
        response = make_response(jsonify(view(job)), status)
        response.headers["Location"] = f"/exports/{job['id']}"
        if job["status"] in ("queued", "running"):
            response.headers["Retry-After"] = str(POLL_AFTER_S)
        return response

    @app.post("/exports")
    def create_export():
        client = request.headers.get("X-Client-Id")
        if not client:
            return jsonify(error="missing_client"), 401
        key = request.headers.get("Idempotency-Key")
        if not key:
            return jsonify(error="missing_idempotency_key"), 400
        body = request.get_json(silent=True)
        if not valid_request(body):
            return jsonify(error="invalid_export"), 422
        fields = {k: body[k] for k in ("account_id", "from", "to", "format")}

        # A retry of a request we already accepted gets the same job, even when the client is
        # now at its limit: it isn't asking for more work.
        seen = by_key.get((client, key))
        if seen is not None:
            if seen[0] != fields:
                return jsonify(error="idempotency_key_reused"), 409
            return respond(jobs[seen[1]], 202)

        unfinished = sum(
            1
            for j in jobs.values()
            if j["client"] == client and j["status"] in ("queued", "running")
        )
        if unfinished >= MAX_UNFINISHED:
            response = make_response(jsonify(error="too_many_exports"), 429)
            response.headers["Retry-After"] = str(BUSY_RETRY_S)
            return response

        job = {
            "id": f"exp_{len(jobs) + 1}",
            "client": client,
            **fields,
            "status": "queued",
            "attempts": 0,
        }
        jobs[job["id"]] = job
        queue.append(job["id"])
        by_key[(client, key)] = (fields, job["id"])
        return respond(job, 202)

    @app.get("/exports/<job_id>")
    def read_export(job_id):
        job = jobs.get(job_id)
        if job is None or job["client"] != request.headers.get("X-Client-Id"):
            return jsonify(error="not_found"), 404
        return respond(job, 200)

    @app.post("/worker/claim")
    def claim():
        if not queue:
            return "", 204
        job = jobs[queue.pop(0)]
        job["status"] = "running"
        job["attempts"] += 1
        return jsonify(id=job["id"], attempts=job["attempts"])

    @app.post("/worker/jobs/<job_id>/finish")
    def finish(job_id):
        job = jobs.get(job_id)
        if job is None:
            return jsonify(error="not_found"), 404
        if job["status"] != "running":
            return jsonify(error="not_running"), 409
        body = request.get_json(silent=True)
        outcome = body.get("outcome") if isinstance(body, dict) else None
        if outcome not in ("succeeded", "failed"):
            return jsonify(error="invalid_outcome"), 422
        if outcome == "succeeded":
            job["status"] = "succeeded"
        elif job["attempts"] < MAX_ATTEMPTS:
            job["status"] = "queued"
            queue.insert(0, job["id"])
        else:
            job["status"] = "failed"
        return jsonify(view(job))

    return app
