"""How case data is written for candidates: each kind's notation (Python calls and literals,
HTTP steps), reached through the kind."""

import pytest

from challenges.kinds import kind_for
from challenges.kinds.api_notation import http_request, http_response
from challenges.kinds.python_notation import python_call, python_expected, python_value


def test_a_class_example_shows_calls_and_attribute_reads():
    ops = {
        "ops": [
            {"args": ["GC-1", 500]},
            {"method": "redeem", "args": [200]},
            {"attr": "balance"},
            {"method": "block"},
        ]
    }
    assert python_call(ops, "GiftCard") == "GiftCard('GC-1', 500)\nredeem(200)\nbalance\nblock()"


def test_a_function_example_shows_the_call():
    assert python_call({"args": [1], "kwargs": {"a": "b"}}, "f") == "f(1, a='b')"


def test_matchers_in_an_expected_value_read_as_words():
    expected = [
        None,
        3800,
        {"$any": True},
        {"$raises": {"type": "CardBlocked", "message": "card GC-7F3A is blocked"}},
        {"$raises": {"type": "ValueError", "message": {"$regex": "amount .*"}}},
        {"$raises": {"type": "LookupError"}},
        {"id": {"$type": "integer"}, "ref": {"$regex": "GC-[0-9A-F]{4}"}},
        {"$unordered": [1, 2]},
        {"$len": 3},
        {"$exact": {"a": 1}},
    ]
    assert python_expected(expected).splitlines() == [
        "[None,",
        " 3800,",
        " <any value>,",
        " <raises CardBlocked('card GC-7F3A is blocked')>,",
        " <raises ValueError with a message matching 'amount .*'>,",
        " <raises LookupError>,",
        " {'id': <an integer>, 'ref': <text matching 'GC-[0-9A-F]{4}'>},",
        " <in any order: [1, 2]>,",
        " <3 items>,",
        " {'a': 1}]",
    ]


def test_plain_values_and_unknown_dollar_keys_show_as_python():
    assert python_expected({"$note": 1, "b": [1, "x"]}) == "{'$note': 1, 'b': [1, 'x']}"
    assert python_expected({"$mystery": 1}) == "{'$mystery': 1}"
    assert python_expected("text") == "'text'"


def test_api_matchers_read_as_words_and_returned_values_stay_literal():
    response = {"status": 201, "json": {"id": {"$type": "string"}, "secret": {"$absent": True}}}
    assert python_expected(response) == (
        "{'status': 201, 'json': {'id': <text>, 'secret': <absent>}}"
    )
    # What code returned is shown as it is, even if it looks like a matcher.
    assert python_value({"$any": True}) == "{'$any': True}"


def test_an_api_step_reads_as_http_with_references_and_matchers_in_words():
    step = {
        "method": "patch",
        "path": "/orders/{{0.json.id}}",
        "query": {"expand": "lines"},
        "headers": {"If-Match": "{{0.headers.etag}}", "X-Status": "{{1.status}}"},
        "json": {"note": "{{0.json}}"},
    }
    assert http_request(step) == (
        "PATCH /orders/<the id returned by step 1>?expand=lines\n"
        "If-Match: <the etag header returned by step 1>\n"
        "X-Status: <the status of step 2>\n"
        "\n"
        '{"note": "<the body returned by step 1>"}'
    )
    response = {
        "status": 201,
        "headers": {"Location": {"$regex": "/orders/\\d+"}},
        "json": {"id": {"$type": "integer"}, "secret": {"$absent": True}, "sku": "MUG"},
    }
    assert http_response(response) == (
        "HTTP 201\n"
        "Location: <text matching '/orders/\\\\d+'>\n"
        "\n"
        '{"id": <an integer>, "secret": <absent>, "sku": "MUG"}'
    )
    # A long body is indented, one field a line.
    long_body = {"status": 200, "json": {"description": "x" * 50, "id": {"$any": True}}}
    assert http_response(long_body).splitlines()[2:] == [
        "{",
        f'  "description": "{"x" * 50}",',
        '  "id": <any value>',
        "}",
    ]
    assert http_response({"json": {"$exact": {"ok": True}}}) == (
        'HTTP (any status)\n\n{"ok": true}'
    )
    # An author's text that looks like our internal mark stays as written.
    assert http_response({"status": 200, "json": {"t": "\ue0007\ue000"}}).endswith(
        '"t": "\ue0007\ue000"}'
    )
    assert http_response(None) == "—"


def test_a_kind_writes_each_form_of_its_notation_and_json_when_it_has_none_of_its_own():
    python = kind_for("python")
    assert python.notation("call", {"args": [1], "kwargs": {"a": "b"}}, "f") == "f(1, a='b')"
    assert python.notation("expected", {"$any": True}) == "<any value>"
    assert python.notation("value", {"$any": True}) == "{'$any': True}"
    api = kind_for("api")
    assert api.notation("request", {"method": "post", "path": "/items"}) == "POST /items"
    assert api.notation("response", {"status": 201}) == "HTTP 201"
    assert api.notation("value", {"seed": None}) == "{'seed': None}"
    # A kind without a notation of its own (SQL's values are tables) writes JSON.
    sql = kind_for("sql")
    assert sql.notation("expected", {"q": [1, None]}) == '{"q": [1, null]}'
    assert sql.notation("value", ["x" * 40, "y" * 40]) == (
        '[\n  "' + "x" * 40 + '",\n  "' + "y" * 40 + '"\n]'
    )


def test_a_form_the_kind_does_not_write_is_a_clear_error():
    expected = r"sql: no notation 'call' \(one of \['expected', 'value'\]\)"
    with pytest.raises(ValueError, match=expected):
        kind_for("sql").notation("call", {}, "f")


def test_the_submission_pages_input_label_is_the_kinds():
    python = kind_for("python")
    assert python.shown_input_label({"input": {"stdin": "3\n"}}) == "stdin"
    assert python.shown_input_label({"input": {"args": [1]}}) == "Call"
    assert kind_for("sql").shown_input_label({"input": {"dataset": "seed"}}) == "Input"
