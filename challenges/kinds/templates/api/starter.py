from flask import Flask, jsonify, request


def create_app():
    app = Flask(__name__)
    items = {}

    @app.post("/items")
    def create_item():
        # Store request.get_json()'s item and answer 201 with it.
        return jsonify(error="not implemented yet"), 501

    @app.get("/items/<int:item_id>")
    def get_item(item_id):
        return jsonify(error="not implemented yet"), 501

    return app
