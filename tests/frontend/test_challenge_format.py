"""How a Python example's call is written on the challenge page."""

from frontend.templatetags.challenge_format import python_call


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
