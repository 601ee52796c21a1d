"""The report's figures and page from hand-made events, without servers."""
import pytest

from conversations.stats import conversation_stats, group_questions
from conversations.report import main as report_main
from conversations.report_html import render

DAY = 1_790_000_000  # 2026-09-21 UTC
DAY_SECONDS = 86_400


def user(text, intent="faq", confidence=0.95, at=DAY, answer_confidence=0.9):
    selector = {"faq": {"response": {"confidence": answer_confidence}}}
    return {"event": "user", "text": text, "timestamp": at,
            "parse_data": {"intent": {"name": intent, "confidence": confidence}, "response_selector": selector}}


def answer(topic):
    return {"event": "bot", "metadata": {"utter_action": f"utter_faq/{topic}"}}


def slot(name, value):
    return {"event": "slot", "name": name, "value": value}


SUGGESTIONS = {"event": "bot", "data": {"buttons": [{"payload": '/choose_topic{"topic": "general_cost"}'}]}}

EVENTS = [
    ("alice", user("who can join?")), ("alice", answer("who_can_join")),
    ("alice", slot("feedback", {"topic": "who_can_join", "helpful": True})),
    ("bob", user("dues thing for stuff", "nlu_fallback", 0.45)), ("bob", SUGGESTIONS),
    ("bob", user("<b>dues</b> things for the stuff", "nlu_fallback", 0.45)),
    ("bob", user("/choose_topic{\"topic\": \"general_cost\"}", "choose_topic", 1.0)), ("bob", answer("general_cost")),
    ("bob", slot("feedback", {"topic": "general_cost", "helpful": False})),
    ("carol", user("I'm a resident in Canada", "ask_personal", 0.9, DAY + DAY_SECONDS)),
    ("carol", slot("quoted_category", "member_in_training")),
    ("alice", user("is my dog allowed", "out_of_scope", 0.5, DAY + DAY_SECONDS)),
    ("alice", user("can my dog come along", "faq", 1.0, DAY + DAY_SECONDS, answer_confidence=0.2)),
    ("dave", user("where is my receipt", "not_on_page", 0.97, DAY + DAY_SECONDS)),
]


def test_figures_from_events():
    stats = conversation_stats(EVENTS)
    assert stats.messages == 8 and stats.conversations == 4
    assert stats.conversations_per_day == {"2026-09-21": 2, "2026-09-22": 3}
    assert stats.messages_per_day == {"2026-09-21": 4, "2026-09-22": 4}
    assert stats.fallbacks == 2 and stats.suggestions == 1
    assert stats.topics == {"who_can_join": 1, "general_cost": 1}
    assert stats.feedback == {"who_can_join": {"helped": 1}, "general_cost": {"not_helped": 1}}
    assert stats.categories == {"member_in_training": 1}
    assert [group.questions for group in stats.unsure] == [
        ["<b>dues</b> things for the stuff", "dues thing for stuff"], ["can my dog come along"], ["is my dog allowed"],
        ["where is my receipt"]]


def test_similar_questions_share_a_group_and_repeats_count():
    groups = group_questions(["how do I reset my password", "reset my password how?", "weather in Reston",
                              "weather  in Reston"])
    assert [(group.questions, group.count) for group in groups] == [
        (["weather in Reston"], 2), (["how do I reset my password", "reset my password how?"], 2)]


def test_the_page_escapes_text_and_hides_conversation_ids():
    html = render(conversation_stats(EVENTS), str, str, "now")
    assert "&lt;b&gt;dues&lt;/b&gt;" in html and "<b>dues</b>" not in html
    assert not any(name in html for name in ("alice", "bob", "carol"))
    assert html.count('<svg class="chart"') == 4


def test_a_missing_sqlite_store_is_reported_not_created(tmp_path):
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(f"tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: {tmp_path / 'none.db'}\n")
    with pytest.raises(SystemExit, match="no conversations stored yet"):
        report_main(["--endpoints", str(endpoints), "--out", str(tmp_path / "index.html")])
    assert not (tmp_path / "none.db").exists() and not (tmp_path / "index.html").exists()
