"""Near-duplicates folded into one row by the trained model's own features."""
import pytest

from ops.servers import MODEL, ROOT
from review.examples import all_examples
from review.features import ModelFeatures
from review.folding import fold
from review.inbox import Message

MONTHLY = ["can i pay my dues monthly", "hi, can i pay my dues monthly", "Can i pay my dues montly??",
           "quick question: can i pay my dues monthly", "can i pay my dues monthly please"]
TAX = ["is acr membership tax deductible", "Is acr membership tax deductible?", "is acr membership tax deductibel thanks"]
OTHERS = ["can i pay my dues with a credit card", "do you have a mobile app", "purple elephants dancing"]


@pytest.fixture(scope="module")
def features():
    return ModelFeatures(MODEL, all_examples(ROOT / "data" / "nlu"))


def message(text, ranking=(("not_on_page", 0.9), ("faq/contact", 0.1)), reasons=("not on the page",)):
    return Message(text, list(ranking), set(reasons), ["utter_not_on_page"])


def test_one_row_per_question_most_asked_first(features):
    messages = [message(text) for text in MONTHLY + MONTHLY[:1] + TAX + OTHERS]
    rows = fold(messages, features)
    assert [(row.text, row.count) for row in rows[:2]] == [(MONTHLY[0], 6), (TAX[0], 3)]
    assert sorted(rows[0].wordings) == sorted(MONTHLY) and sorted(rows[1].wordings) == sorted(TAX)
    assert sorted(row.text for row in rows[2:]) == sorted(OTHERS)
    assert rows[0].reasons == {"not on the page": 6} and rows[0].replies == {"utter_not_on_page": 6}


def test_a_row_ranks_intents_by_their_mean_score(features):
    rows = fold([message(MONTHLY[0], [("not_on_page", 0.9), ("faq/contact", 0.1)]),
                 message(MONTHLY[1], [("faq/contact", 0.6), ("not_on_page", 0.3), ("out_of_scope", 0.1)])], features)
    [row] = rows
    assert row.ranking == [("not_on_page", pytest.approx(0.6)), ("faq/contact", pytest.approx(0.35)),
                           ("out_of_scope", pytest.approx(0.05))]


def test_one_vector_per_message_even_one_that_asks_several_questions(features):
    texts = ["how much are dues and who can join?", "purple elephants dancing"]
    assert features(texts).shape[0] == 2


def test_an_empty_inbox_folds_to_no_rows(features):
    assert fold([], features) == []
