from flask import Flask, jsonify, request


def create_app():
    app = Flask(__name__)
    items = {}

    @app.post("/items")
    def create_item():
        body = request.get_json(silent=True)
        name = body.get("name") if isinstance(body, dict) else None
        if not isinstance(name, str) or not name:
            return jsonify(error="name is required"), 400
        item = {"id": len(items) + 1, "name": name}
        items[item["id"]] = item
        return jsonify(item), 201

    @app.get("/items/<int:item_id>")
    def get_item(item_id):
        item = items.get(item_id)
        if item is None:
            return jsonify(error="not_found"), 404
        return jsonify(item)

    return app
