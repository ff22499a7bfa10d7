from flask import Flask, jsonify, request


def create_app():
    app = Flask(__name__)
    jobs = {}

    @app.post("/exports")
    def create_export():
        # Builds the statement inside the request: slow, and a retried request builds it again.
        body = request.get_json(silent=True) or {}
        job = {"id": f"exp_{len(jobs) + 1}", **body, "status": "succeeded", "attempts": 1}
        job["download_url"] = f"/exports/{job['id']}/file"
        jobs[job["id"]] = job
        return jsonify(job), 201

    @app.get("/exports/<job_id>")
    def read_export(job_id):
        if job_id not in jobs:
            return jsonify(error="not_found"), 404
        return jsonify(jobs[job_id])

    return app
