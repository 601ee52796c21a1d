"""The real-visitor judge: what counts as right, wrong, "did you mean" and a boundary answer."""
import pytest

from bench.real_visitors import (BOUNDARY, DID_YOU_MEAN, INCOMPLETE, RIGHT, WRONG, Texts, Visit, judge, alternatives,
                                 load_visits, score)
from content.check import faq_responses, load_responses

TEXTS = Texts.load()


def answer(topic):
    return {"text": faq_responses()[topic]["text"]}


NOT_ON_PAGE = {"text": load_responses()["utter_not_on_page"][0]["text"]}
SUGGESTIONS = {"text": "I'm not sure I understood. Did you mean:", "buttons": [{"payload": '/choose_topic{"topic": "x"}'}]}


def visit(topics=(), engine=None, boundary=False):
    return Visit("a message", "single", tuple(map(alternatives, topics)), engine, boundary)


@pytest.mark.parametrize("expected, replies, outcome", [
    (visit(["mit_cost", "service_discount"]), [answer("mit_cost"), answer("service_discount")], RIGHT),
    (visit(["mit_cost", "service_discount"]), [answer("mit_cost")], INCOMPLETE),
    (visit(["mit_cost"]), [answer("general_cost")], WRONG),
    (visit(["mit_cost"]), [answer("mit_cost"), answer("benefits")], WRONG),
    (visit([["student_membership", "apply_from_abroad"]]), [answer("apply_from_abroad")], RIGHT),
    (visit([["student_membership", "apply_from_abroad"], "mit_cost"]), [answer("student_membership")], INCOMPLETE),
    (visit(boundary=True), [NOT_ON_PAGE], RIGHT),
    (visit(boundary=True), [answer("general_cost")], WRONG),
    (visit(["mit_cost"]), [SUGGESTIONS], DID_YOU_MEAN),
    (visit(["mit_cost"]), [NOT_ON_PAGE], BOUNDARY),
    (visit(engine={"category": "international", "dues": 391}),
     [{"text": "You'd be: International member.\nNational dues for 2026: $391."}], RIGHT),
    (visit(engine={"category": "international", "dues": 391}),
     [{"text": "You'd be: Member-in-training (MIT).\nNational dues for 2026: free."}], WRONG),
    (visit(engine={"category": "international", "dues": 391}), [{"text": "Where do you practise?"}], INCOMPLETE),
])
def test_each_reply_is_judged_by_what_the_visitor_needed(expected, replies, outcome):
    assert judge(expected, replies, TEXTS).outcome == outcome


def test_the_score_counts_each_outcome_and_kind():
    visits = [visit(["mit_cost"]), visit(["benefits"])]
    verdicts = [judge(visits[0], [answer("mit_cost")], TEXTS), judge(visits[1], [answer("mit_cost")], TEXTS)]
    result = score(visits, verdicts)
    assert (result.right_rate, result.wrong_rate, result.by_kind) == (0.5, 0.5, {"single": (1, 2)})


def test_the_set_is_big_enough_and_every_expected_topic_exists():
    visits = load_visits()
    assert len(visits) >= 120
    assert {topic for v in visits for question in v.topics for topic in question} <= set(faq_responses())
