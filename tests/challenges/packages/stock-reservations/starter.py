from flask import Flask, jsonify


def create_app():
    app = Flask(__name__)

    @app.post("/reservations")
    def reserve():
        return jsonify(id=1), 200

    return app
