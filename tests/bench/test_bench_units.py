"""The benchmark's pure parts, on small inputs: no model, no server."""
import os
import shutil
from decimal import Decimal
from types import SimpleNamespace

import pytest

from bench.accuracy import level, predicted_label
from bench.baseline import Section, TfidfRetriever, split_sections
from content.figures import allowed_amounts, dollar_amounts, invented_amounts
from bench.heldout import Example, answers_from, load_examples
from bench.metrics import Score, combined, contains_key_facts, macro_f1, per_topic, percentile, score
from bench.report import markdown_table, ratio
from bench.speed import edit_one_answer, median_round, peak_rss_mib, stock_messages
from bench.traffic import summarize
from content.check import ANSWERS, load_responses

RESPONSES = {
    "utter_faq/mit_cost": [{"text": "It is free.", "metadata": {"key_facts": ["free", "member-in-training"],
                                                                "categories": ["member_in_training"]}}],
    "utter_faq/retired_dues": [{"text": "...", "metadata": {"key_facts": ["full refund"], "categories": ["retired"]}},
                               {"text": "...", "metadata": {"key_facts": ["refunded in full"],
                                                            "categories": ["retired"]}}],
    "utter_faq/student_membership": [{"text": "...", "metadata": {"key_facts": ["students"],
                                                                  "categories": ["medical_student"]}}],
    "utter_greet": [{"text": "Hi!"}, {"text": "Hello there."}],
    "utter_goodbye": [{"text": "Bye!"}],
    "utter_thanks": [{"text": "You're welcome!"}],
    "utter_iamabot": [{"text": "I'm a bot."}],
    "utter_what_can_you_do": [{"text": "I answer:\n- who can join"}],
    "utter_out_of_scope": [{"text": "Sorry, only ACR membership."}],
}

PAGE = """Become an ACR Member

Connect with more than 40,000 ACR members.

Who can join as a general member?

Physicians certified by the American Board of Radiology.

How much is a member-in-training membership?

This category is free.
Dues are $77 in the first year.

Questions about ACR Membership? 

Contact us"""


@pytest.fixture
def answers():
    return answers_from(RESPONSES)


def test_a_score_counts_and_rates():
    assert score([True, False, True, True]) == Score(3, 4)
    assert Score(3, 4).rate == 0.75
    assert str(Score(1, 3)) == "1/3 (33.3%)"
    assert Score(0, 0).rate == 0.0


def test_scores_per_topic_and_combined():
    topics = ["a", "b", "a", "b", "c"]
    scores = per_topic(topics, [True, False, False, False, True])
    assert scores == {"a": Score(1, 2), "b": Score(0, 2), "c": Score(1, 1)}
    assert combined(scores.values()) == Score(2, 5)


def test_macro_f1_is_one_when_all_labels_are_right():
    assert macro_f1(["a", "b", "b"], ["a", "b", "b"]) == 1.0


def test_macro_f1_averages_over_the_expected_labels_only():
    # a: precision 1, recall 1/2 -> 2/3; b: precision 1, recall 1 -> 1; nlu_fallback is no class.
    assert macro_f1(["a", "a", "b"], ["a", "nlu_fallback", "b"]) == pytest.approx((2 / 3 + 1) / 2)


def test_percentiles_interpolate_between_values():
    assert percentile([10, 20, 30, 40], 50) == 25
    assert percentile([5], 95) == 5


def test_key_facts_must_all_be_there_in_any_case():
    reply = "Member-in-training membership is FREE, via the Collège des médecins du Québec."
    assert contains_key_facts(reply, ["free", "member-in-training", "collège des médecins"])
    assert not contains_key_facts(reply, ["free", "$77"])
    assert contains_key_facts(reply, [])


def test_faq_topics_are_labelled_by_their_response_key(answers):
    assert answers.is_faq("mit_cost") and not answers.is_faq("greet")
    assert answers.label("mit_cost") == "faq/mit_cost"
    assert answers.label("greet") == "greet"


def test_an_faq_answer_is_right_with_the_key_facts_of_any_variant(answers):
    assert answers.is_correct("mit_cost", "Member-in-training is free of charge.")
    assert not answers.is_correct("mit_cost", "It is free.")
    assert answers.is_correct("retired_dues", "Your dues are refunded in full.")


def test_a_conversation_answer_must_be_one_of_the_response_texts(answers):
    assert answers.is_correct("greet", "Hello there.\n")


def test_a_personal_answer_is_right_when_it_places_the_visitor_in_the_topics_category(answers):
    assert answers.is_correct("mit_cost", "You'd be: Member-in-training (MIT).\nNational dues for 2026: none.")
    assert answers.is_correct("student_membership", "If that were so: You'd be: Member-in-training (MIT).")
    assert not answers.is_correct("retired_dues", "You'd be: General member.\nfull refund")
    assert not answers.is_correct("mit_cost", "What is your profession?")
    assert answers.is_correct("what_can_you_do", "I answer:\n- who can join")
    assert not answers.is_correct("greet", "Hello there. Ask me anything.")
    assert not answers.is_correct("goodbye", "Hi!")


def test_held_out_messages_load_with_their_topic(tmp_path):
    path = tmp_path / "heldout.yml"
    path.write_text('messages:\n  - text: "who can join"\n    topic: who_can_join\n')
    assert load_examples(path) == [Example("who can join", "who_can_join")]


def test_the_page_splits_at_each_question_heading():
    sections = split_sections(PAGE)
    assert [s.question for s in sections] == [
        "", "Who can join as a general member?", "How much is a member-in-training membership?",
        "Questions about ACR Membership?"]
    assert sections[0].answer == "Become an ACR Member\n\nConnect with more than 40,000 ACR members."
    assert sections[2].answer == "This category is free.\nDues are $77 in the first year."
    assert sections[3].answer == "Contact us"


def test_a_page_without_questions_is_one_section():
    assert split_sections("Just text.\nMore text.") == [Section("", "Just text.\nMore text.")]


def test_retrieval_finds_the_most_similar_section():
    retriever = TfidfRetriever(split_sections(PAGE))
    assert retriever.best_section("how much does a member in training pay").question.startswith("How much")
    assert retriever.best_section("certified by the american board, can i join").question.startswith("Who can")


def test_dollar_amounts_are_read_with_separators_and_cents():
    assert dollar_amounts("$77 a year, then $1,234.50 or $ 391.") == [Decimal(77), Decimal("1234.50"),
                                                                      Decimal(391)]
    assert dollar_amounts("50% off, 91.25 CME") == []


def test_allowed_amounts_are_published_halved_or_on_the_page():
    allowed = allowed_amounts([77, 965], "International dues are $138 per year.")
    assert {Decimal(77), Decimal(965), Decimal("482.50"), Decimal("38.5"), Decimal(138)} <= allowed
    assert Decimal(90) not in allowed


def test_an_amount_no_source_backs_is_invented():
    allowed = allowed_amounts([77, 965], "")
    assert invented_amounts("first year $77, with the discount $482.50", allowed) == []
    assert invented_amounts("the increase was $90 and dues are $965", allowed) == [Decimal(90)]


def test_the_predicted_label_of_a_retrieval_intent_is_its_response_key():
    selector = {"faq": {"response": {"intent_response_key": "faq/mit_cost"}}}
    assert predicted_label({"intent": {"name": "faq"}, "response_selector": selector}) == "faq/mit_cost"
    assert predicted_label({"intent": {"name": "greet"}, "response_selector": selector}) == "greet"
    assert predicted_label({"intent": {"name": "nlu_fallback"}}) == "nlu_fallback"


def test_a_level_lists_its_failures():
    examples = [Example("hi", "greet"), Example("bye", "goodbye")]
    result = level(examples, [True, False], ["greet", "goodbye"], ["greet", "thank"], macro_f1=0.5)
    assert result.overall == Score(1, 2)
    assert [(f.message, f.expected, f.got) for f in result.failures] == [("bye", "goodbye", "thank")]
    assert result.macro_f1 == 0.5


def test_traffic_summary_leaves_unanswered_messages_out_and_counts_silent_ones_in():
    traffic = summarize([(0.1, True), (0.3, False), None, (0.2, True)], seconds=2.0)
    assert (traffic.sent, traffic.errors, traffic.silent) == (4, 1, 1)
    assert traffic.p50_ms == pytest.approx(200)
    assert traffic.throughput == pytest.approx(1.5)


def test_the_round_of_median_throughput_is_reported():
    rounds = [summarize([(0.1, True)] * count, seconds=1.0) for count in (90, 120, 60)]
    assert median_round(rounds).throughput == pytest.approx(90)
    assert median_round(rounds[:2]).throughput == pytest.approx(90)  # of two, the slower
    assert median_round(rounds[:1]) is rounds[0]


def test_ratios_need_both_values():
    assert ratio(3.0, 2.0) == 1.5
    assert ratio(None, 2.0) is None
    assert ratio(3.0, None) is None


def test_markdown_cells_keep_the_table_intact():
    assert markdown_table(["a", "b"], [["x|y", "one\ntwo"]]) == ["| a | b |", "|---|---|", "| x\\|y | one / two |"]


def test_stock_messages_come_from_its_nlu_data(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "nlu.yml").write_text(
        'version: "3.1"\nnlu:\n- intent: greet\n  examples: |\n    - hey\n    - hello there\n'
        '- intent: mood_unhappy\n  examples: |\n    - I am sad\n')
    assert stock_messages(tmp_path) == ["hey", "hello there", "I am sad"]


def test_peak_memory_is_read_from_proc():
    assert peak_rss_mib(SimpleNamespace(process=SimpleNamespace(pid=os.getpid()))) > 1


def test_the_retraining_bench_edits_exactly_one_faq_answer(tmp_path):
    shutil.copytree(ANSWERS, tmp_path / "answers")
    edit_one_answer(tmp_path / "answers")
    before, after = load_responses(ANSWERS), load_responses(tmp_path / "answers")
    changed = [name for name in before if before[name] != after[name]]
    assert len(changed) == 1 and changed[0].startswith("utter_faq/")
    assert after[changed[0]][0]["text"].endswith("(Edited.)")
