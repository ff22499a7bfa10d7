import json
import re

from flask import Flask, Response, request
from werkzeug.exceptions import HTTPException
from werkzeug.http import HTTP_STATUS_CODES

PROBLEMS = "https://shop.example/problems/"
TITLES = {
    "malformed-body": "Malformed request body",
    "validation-error": "Invalid product",
    "product-not-found": "Product not found",
    "duplicate-sku": "SKU already exists",
}
SKU = re.compile(r"[A-Z0-9-]{3,20}")
CURRENCIES = {"EUR", "GBP", "USD"}


def problem(status, kind, detail, response=None, **extensions):
    """An application/problem+json response; `kind` None means about:blank."""
    if kind is None:
        body = {"type": "about:blank", "title": HTTP_STATUS_CODES[status]}
    else:
        body = {"type": PROBLEMS + kind, "title": TITLES[kind]}
    body.update(status=status, detail=detail, instance=request.path, **extensions)
    if response is None:
        response = Response()
    response.status_code = status
    response.set_data(json.dumps(body))
    response.content_type = "application/json"
    return response


def product_errors(body):
    errors = []
    sku = body.get("sku")
    if not isinstance(sku, str) or not SKU.fullmatch(sku):
        errors.append(("sku", "must be 3-20 characters of A-Z, 0-9 or '-'"))
    name = body.get("name")
    if not isinstance(name, str) or not name.strip() or len(name) > 100:
        errors.append(("name", "must be a non-blank string of at most 100 characters"))
    price = body.get("price_cents")
    if isinstance(price, bool) or not isinstance(price, int) or price < 1:
        errors.append(("price_cents", "must be an integer number of cents, at least 1"))
    if body.get("currency") not in CURRENCIES:
        errors.append(("currency", "must be one of EUR, GBP, USD"))
    return [{"pointer": f"#/{field}", "detail": detail} for field, detail in errors]


def create_app():
    app = Flask(__name__)
    products = {}

    @app.errorhandler(HTTPException)
    def http_error(exc):
        # Keep the framework's response (and so its headers, e.g. Allow on a 405).
        return problem(exc.code, None, exc.description, response=exc.get_response())

    @app.post("/products")
    def create_product():
        try:
            body = json.loads(request.get_data(as_text=True))
        except ValueError:
            body = None
        if not isinstance(body, dict):
            return problem(400, "malformed-body", "The body must be a JSON object.")
        errors = product_errors(body)
        if errors:
            detail = f"{len(errors)} field{'s are' if len(errors) > 1 else ' is'} invalid."
            return problem(422, "validation-error", detail, errors=errors)
        sku = body["sku"]
        if sku in products:
            return problem(409, "duplicate-sku", f"The SKU {sku} is already used.", sku=sku)
        products[sku] = {key: body[key] for key in ("sku", "name", "price_cents", "currency")}
        response = Response(json.dumps(products[sku]), 201, mimetype="application/json")
        response.headers["Location"] = f"/products/{sku}"
        return response

    @app.get("/products/<sku>")
    def get_product(sku):
        if sku not in products:
            return problem(404, "product-not-found", f"No product has the SKU {sku}.")
        return Response(json.dumps(products[sku]), 200, mimetype="application/json")

    return app
