"""The challenge page's help: closed hints are not in the HTML; the editorial waits behind a
reveal button until solved or opened."""

from readiness.services import assist_event_record

HINT_1 = "Work in whole cents from start to finish: floats and money don&#x27;t mix."
HINT_2 = "Round half up with integer arithmetic"


def page(client, user) -> str:
    client.force_login(user)
    response = client.get("/challenges/order-total/")
    assert response.status_code == 200
    return response.content.decode()


def test_no_hint_text_ships_before_it_is_opened(client, candidate, order_total):
    html = page(client, candidate)
    assert "floats and money" not in html
    assert HINT_2 not in html
    assert 'data-hints-url="/api/challenges/order-total/hints/" data-total="3"' in html
    assert (
        '<button type="button" class="button subtle" id="hint-button">Open hint '
        '<span id="hint-next">1</span> of 3</button>'
    ) in html
    assert '<ol class="hint-list" id="hint-list"></ol>' in html


def test_opened_hints_show_and_the_button_offers_the_next(client, candidate, order_total):
    assist_event_record(user_id=candidate.pk, challenge_id=order_total.pk, kind="hint", index=0)
    html = page(client, candidate)
    assert (
        f'<li class="hint-item" data-hint="1"><strong>Hint 1. </strong><span>{HINT_1}</span></li>'
    ) in html
    assert HINT_2 not in html
    assert '<span id="hint-next">2</span> of 3' in html


def test_all_hints_open_hides_the_button(client, candidate, order_total):
    for index in range(3):
        assist_event_record(
            user_id=candidate.pk, challenge_id=order_total.pk, kind="hint", index=index
        )
    html = page(client, candidate)
    assert html.count('class="hint-item"') == 3
    assert 'id="hint-button" hidden>' in html


def test_the_editorial_waits_behind_a_reveal_button(client, candidate, order_total):
    html = page(client, candidate)
    assert "Keep everything in integer cents" not in html
    assert 'data-editorial-url="/api/challenges/order-total/editorial/"' in html
    assert ">Reveal the editorial</button>" in html
    assert "a solve after reading it counts for little toward your readiness" in html


def test_an_opened_editorial_is_shown_without_the_button(client, candidate, order_total):
    assist_event_record(user_id=candidate.pk, challenge_id=order_total.pk, kind="editorial")
    html = page(client, candidate)
    assert "Keep everything in integer cents" in html
    assert "Reveal the editorial" not in html
    assert '<section id="editorial"  data-detail-url' in html


def test_no_style_attribute_or_inline_script(client, candidate, order_total):
    html = page(client, candidate)
    assert " style=" not in html
    assert "<script>" not in html
