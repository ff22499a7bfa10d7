"""The challenge page's workspace markup: the resize handle (keyboard accessible, for signed-in
users, whose page loads the script that moves it) and the examples folded after the first."""

import re

from tests.factories import UserFactory


def test_signed_in_the_split_has_a_keyboard_separator_and_the_entrypoint(client, order_total):
    client.force_login(UserFactory(username="ada"))
    page = client.get("/challenges/order-total/").content.decode()
    assert '<div class="workspace has-split" id="workspace"' in page
    assert 'data-entrypoint="order_total"' in page
    handle = re.search(r'<div class="split-handle"[^>]*>', page, re.S)[0]
    for attribute in ('role="separator"', 'tabindex="0"', 'aria-orientation="vertical"',
                      'aria-valuemin="25"', 'aria-valuemax="75"', 'aria-valuenow="48"',
                      'aria-label="Resize the statement and the editor (arrow keys)"'):  # fmt: skip
        assert attribute in handle


def test_a_visitor_gets_no_handle_that_nothing_would_move(client, order_total):
    page = client.get("/challenges/order-total/").content.decode()
    assert '<div class="workspace" id="workspace"' in page
    assert "split-handle" not in page


def test_only_the_first_of_more_than_two_examples_starts_open(client, order_total):
    from challenges.models import TestCase

    client.force_login(UserFactory(username="ada"))
    examples = order_total.current_version.cases.filter(visibility=TestCase.Visibility.EXAMPLE)
    page = client.get("/challenges/order-total/").content.decode()
    # Two examples: both open.
    assert examples.count() == 2
    assert re.findall(r'<details class="example"( open)?>', page) == [" open", " open"]
    # A third example: only the first stays open.
    hidden = order_total.current_version.cases.exclude(visibility=TestCase.Visibility.EXAMPLE)
    hidden.filter(pk=hidden.first().pk).update(visibility=TestCase.Visibility.EXAMPLE)
    page = client.get("/challenges/order-total/").content.decode()
    opened = re.findall(r'<details class="example"( open)?>', page)
    assert opened == [" open", "", ""]
