"""Sentence features only for message text: the classifiers, which read nothing else
without transformer layers, learn and predict exactly as with Rasa's featurizer (with
dropout off, whose random masks take the shape of the whole sequence)."""
import asyncio

import numpy
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rasa.core.agent import Agent
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.model_training import train_nlu
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bench.heldout import load_examples
from nlp.featurizers import SentenceCountVectorsFeaturizer

QUESTIONS = {
    "dues": ["how much are dues", "what do members pay", "price of membership", "annual fee please"],
    "retire": ["what happens when I retire", "retired members", "I am retiring next year", "retirement status"],
    "abroad": ["I live outside the US", "international members", "can I join from Canada", "members abroad"],
}
ANALYZERS = [{}, {"analyzer": "char_wb", "min_ngram": 2, "max_ngram": 4}]
NEW_QUESTIONS = ["how much do I pay", "I'm retired now", "joining from Germany", "fees?", "abroad and retired"]


def trained(featurizer_class, storage, messages, **config):
    tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
    tokenizer.process_training_data(TrainingData(messages))
    storage.mkdir()
    featurizer = featurizer_class.create({**featurizer_class.get_default_config(), **config},
                                         LocalModelStorage(storage),
                                         Resource("featurizer"), ExecutionContext(GraphSchema({}), "test"))
    featurizer.train(TrainingData(messages))
    return featurizer


def featurized(featurizer_class, tmp_path, texts, **config):
    messages = [Message(data={TEXT: text, INTENT: "ask"}) for text in texts]
    trained(featurizer_class, tmp_path / featurizer_class.__name__, messages, **config).process_training_data(
        TrainingData(messages))
    return messages


def same_features(features, expected) -> bool:
    """Labels get none from a character featurizer."""
    if features is None or expected is None:
        return features is expected
    return features.features.shape == expected.features.shape and (features.features != expected.features).nnz == 0


@pytest.mark.parametrize("config", ANALYZERS)
def test_text_keeps_rasas_sentence_features_and_gets_a_one_position_sequence(tmp_path, config):
    texts = [text for questions in QUESTIONS.values() for text in questions]
    rasas = featurized(CountVectorsFeaturizer, tmp_path, texts, **config)
    ours = featurized(SentenceCountVectorsFeaturizer, tmp_path, texts, **config)
    for expected, message in zip(rasas, ours):
        expected_sequence, expected_sentence = expected.get_sparse_features(TEXT)
        sequence, sentence = message.get_sparse_features(TEXT)
        assert same_features(sentence, expected_sentence)
        assert expected_sequence.features.shape[0] > 1
        assert sequence.features.toarray().tolist() == [[1.0]]
        assert same_features(message.get_sparse_features(INTENT)[0], expected.get_sparse_features(INTENT)[0])


@pytest.fixture(scope="module", params=ANALYZERS, ids=["words", "characters"])
def vectorizer(request, tmp_path_factory):
    """Fitted on the held-out messages (any vocabulary will do), then given other text too."""
    messages = [Message(data={TEXT: example.text, INTENT: "ask"}) for example in load_examples()]
    storage = tmp_path_factory.mktemp("vectorizer") / "featurizer"
    return trained(SentenceCountVectorsFeaturizer, storage, messages, **request.param).vectorizers[TEXT]


def assert_same_as_sklearn(vectorizer, tokens):
    expected = vectorizer.transform([" ".join(tokens)])
    expected.sort_indices()
    expected = expected.tocoo()
    vector = SentenceCountVectorsFeaturizer.sentence_vector(vectorizer, tokens)
    assert vector.shape == expected.shape
    for got, want in ((vector.row, expected.row), (vector.col, expected.col), (vector.data, expected.data)):
        assert got.dtype == want.dtype and got.tolist() == want.tolist()


def test_sentence_vectors_are_sklearns_for_every_held_out_message(vectorizer):
    for example in load_examples():
        assert_same_as_sklearn(vectorizer, example.text.lower().split())


@given(st.lists(st.text(min_size=1, max_size=12), max_size=12))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_sentence_vectors_are_sklearns_for_any_tokens(vectorizer, tokens):
    assert_same_as_sklearn(vectorizer, tokens)


NLU_CONFIG = """
language: en
pipeline:
  - name: WhitespaceTokenizer
  - name: {featurizer}
  - name: {featurizer}
    analyzer: char_wb
    min_ngram: 2
    max_ngram: 4
  - name: DIETClassifier
    epochs: 8
    random_seed: 1
    entity_recognition: false
    number_of_transformer_layers: 0
    {no_dropout}
  - name: ResponseSelector
    retrieval_intent: faq
    epochs: 8
    random_seed: 1
    {no_dropout}
"""

NO_DROPOUT = "drop_rate: 0.0\n    use_sparse_input_dropout: false\n    use_dense_input_dropout: false"


def nlu_data() -> str:
    lines = ["version: \"3.1\"", "nlu:"]
    for key, questions in QUESTIONS.items():
        lines += [f"- intent: faq/{key}", "  examples: |", *[f"    - {text}" for text in questions]]
    lines += ["- intent: greet", "  examples: |", "    - hi", "    - hello there", "    - good morning", "responses:"]
    for key in QUESTIONS:
        lines += [f"  utter_faq/{key}:", f"  - text: about {key}"]
    return "\n".join(lines) + "\n"


def predictions(tmp_path, featurizer: str):
    config = tmp_path / f"{featurizer}.yml"
    config.write_text(NLU_CONFIG.format(featurizer=featurizer, no_dropout=NO_DROPOUT))
    data = tmp_path / "nlu.yml"
    data.write_text(nlu_data())
    model = train_nlu(str(config), str(data), str(tmp_path / "models"), fixed_model_name=featurizer.replace(".", "-"))
    agent = Agent.load(model)
    parses = [asyncio.run(agent.parse_message(text)) for text in NEW_QUESTIONS]
    return [(parse["intent"]["name"], parse["intent"]["confidence"],
             parse["response_selector"]["faq"]["response"]["intent_response_key"],
             parse["response_selector"]["faq"]["response"]["confidence"]) for parse in parses]


@pytest.mark.usefixtures("speedups_installed")  # trained and loaded as `python -m speedups` does
def test_the_classifiers_predict_as_with_rasas_featurizer(tmp_path):
    expected = predictions(tmp_path, "CountVectorsFeaturizer")
    got = predictions(tmp_path, "nlp.featurizers.SentenceCountVectorsFeaturizer")
    assert [(intent, key) for intent, _, key, _ in got] == [(intent, key) for intent, _, key, _ in expected]
    assert numpy.allclose([(i, r) for _, i, _, r in got], [(i, r) for _, i, _, r in expected], atol=1e-5)
