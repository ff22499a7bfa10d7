from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime

from flask import Flask, jsonify, make_response, request

SEED = [
    # id, English name, German name, price in cents, updated_at (Unix seconds)
    (1, "Gooseneck kettle", "Schwanenhalskessel", 6900, 1767225600),
    (2, "Conical burr grinder", "Kegelmahlwerk", 12900, 1767312000),
    (3, "Ceramic pour-over dripper", "Keramik-Handfilter", 2600, 1767398400),
]
PRODUCT_CACHE = "public, max-age=300"
FEED_CACHE = "public, max-age=60"


def http_date(seconds):
    return format_datetime(datetime.fromtimestamp(seconds, UTC), usegmt=True)


def parse_http_date(value):
    """Unix seconds for an HTTP-date, or None when the header isn't one."""
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed is None or parsed.tzinfo is None:
        return None
    return int(parsed.timestamp())


def language():
    first = request.headers.get("Accept-Language", "").split(",")[0]
    primary = first.split(";")[0].strip().split("-")[0].lower()
    return "de" if primary == "de" else "en"


def opaque(tag):
    """The quoted part of an entity tag: weak comparison ignores the W/ prefix."""
    tag = tag.strip()
    return tag[2:] if tag.startswith("W/") else tag


def none_match(header, etag):
    if header.strip() == "*":
        return True
    return any(opaque(tag) == opaque(etag) for tag in header.split(","))


def create_app():
    app = Flask(__name__)
    products = {
        pid: {
            "names": {"en": en, "de": de},
            "price_cents": price,
            "updated_at": updated,
            "version": 1,
        }
        for pid, en, de, price, updated in SEED
    }
    catalogue = {"revision": 100}

    def represent(pid, lang):
        product = products[pid]
        return {"id": pid, "name": product["names"][lang], "price_cents": product["price_cents"]}

    def cached(body, etag, cache_control, lang, last_modified=None):
        headers = {"ETag": etag, "Cache-Control": cache_control, "Vary": "Accept-Language"}
        if last_modified is not None:
            headers["Last-Modified"] = http_date(last_modified)
        inm = request.headers.get("If-None-Match")
        ims = request.headers.get("If-Modified-Since")
        fresh = inm is not None and none_match(inm, etag)
        if not fresh and ims is not None and last_modified is not None:
            since = parse_http_date(ims)
            fresh = since is not None and last_modified <= since
        if fresh:
            # A 304 carries the headers a 200 would have: caches refresh their copy from them.
            return make_response("", 304, headers)
        headers["Content-Language"] = lang
        return make_response(jsonify(body), 200, headers)

    def not_found():
        return make_response(jsonify(error="not_found"), 404, {"Cache-Control": "no-store"})

    @app.get("/products")
    def feed():
        lang = language()
        body = {
            "generated_at": int(request.headers["X-Clock"]),
            "products": [represent(pid, lang) for pid in sorted(products)],
        }
        return cached(body, f'W/"feed-r{catalogue["revision"]}-{lang}"', FEED_CACHE, lang)

    @app.get("/products/<int:pid>")
    def product(pid):
        if pid not in products:
            return not_found()
        lang = language()
        etag = f'"p{pid}-v{products[pid]["version"]}-{lang}"'
        updated = products[pid]["updated_at"]
        return cached(represent(pid, lang), etag, PRODUCT_CACHE, lang, updated)

    @app.patch("/products/<int:pid>")
    def reprice(pid):
        if pid not in products:
            return not_found()
        body = request.get_json(silent=True)
        price = body.get("price_cents") if isinstance(body, dict) else None
        if type(price) is not int or price <= 0:
            return make_response(jsonify(error="invalid_price"), 422, {"Cache-Control": "no-store"})
        product = products[pid]
        if price != product["price_cents"]:
            product.update(price_cents=price, updated_at=int(request.headers["X-Clock"]))
            product["version"] += 1
            catalogue["revision"] += 1
        headers = {"Cache-Control": "no-store", "ETag": f'"p{pid}-v{product["version"]}-en"'}
        return make_response(jsonify(represent(pid, "en")), 200, headers)

    return app
