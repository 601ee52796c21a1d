"""The assistant over its REST channel, for real."""


def test_answers_a_membership_question(assistant):
    reply = assistant.text("smoke-faq", "is membership free for residents?")
    assert "free" in reply.lower()


def test_malformed_body_gets_a_400_not_a_500(assistant):
    import urllib.error

    import pytest

    from ops.servers import post_json

    with pytest.raises(urllib.error.HTTPError) as refused:
        post_json(assistant.rest_url, {"sender": "smoke-bad"})
    assert refused.value.code == 400
