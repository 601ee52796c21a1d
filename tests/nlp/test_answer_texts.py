"""Answer texts come off the FAQ training examples, and the classifiers still learn from
exactly the same features: the ResponseSelector labels by answer key, not answer text."""
import pytest
import rasa.shared.utils.io
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.tokenizers.spacy_tokenizer import SpacyTokenizer
from rasa.nlu.utils.spacy_utils import SpacyNLP
from rasa.shared.importers.importer import TrainingDataImporter
from rasa.shared.nlu.constants import INTENT, INTENT_RESPONSE_KEY, RESPONSE, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.utils.io import read_yaml_file

from nlp.components import AnswerTextRemover
from nlp.featurizers import SentenceCountVectorsFeaturizer
from tests.language_fixtures import ROOT

CONFIG = ROOT / "config.yml"
CLASSIFIER_ATTRIBUTES = (TEXT, INTENT, INTENT_RESPONSE_KEY)


def training_data():
    importer = TrainingDataImporter.load_from_config(str(CONFIG), str(ROOT / "domain.yml"), [str(ROOT / "data")])
    return importer.get_nlu_data()


def context():
    return ExecutionContext(GraphSchema({}), "test")


def pipeline_config():
    return read_yaml_file(CONFIG)["pipeline"]


def featurizer_configs():
    return [{key: value for key, value in step.items() if key != "name"} for step in pipeline_config()
            if step["name"] == "nlp.featurizers.SentenceCountVectorsFeaturizer"]


def featurized(data, storage_path, remove_answer_texts):
    """The training data after the project's pipeline up to the classifiers."""
    storage = LocalModelStorage(storage_path)
    if remove_answer_texts:
        data = AnswerTextRemover.create({}, storage, Resource("remover"), context()).process_training_data(data)
    spacy_nlp = SpacyNLP.create({**SpacyNLP.get_default_config(), "model": str(ROOT / "build" / "spacy-acr")},
                                storage, Resource("spacy"), context())
    data = spacy_nlp.process_training_data(data, spacy_nlp.provide())
    data = SpacyTokenizer.create(SpacyTokenizer.get_default_config(), storage, Resource("tokenizer"),
                                 context()).process_training_data(data)
    for index, config in enumerate(featurizer_configs()):
        featurizer = SentenceCountVectorsFeaturizer.create(
            {**SentenceCountVectorsFeaturizer.get_default_config(), **config}, storage,
            Resource(f"featurizer{index}"), context())
        featurizer.train(data)
        data = featurizer.process_training_data(data)
    return data


def features_of(message: Message, attribute: str):
    return [(feature.type, feature.origin, feature.features.toarray().tolist())
            for feature in message.features if feature.attribute == attribute]


def test_faq_examples_lose_their_answer_texts_and_keep_everything_else():
    data = training_data()
    before = {id(example): dict(example.data) for example in data.training_examples}
    fingerprints = {id(example): example.fingerprint() for example in data.training_examples}
    assert sum(example.get(RESPONSE) is not None for example in data.training_examples) > 100

    AnswerTextRemover.create({}, None, Resource("remover"), context()).process_training_data(data)

    for example in data.training_examples:
        assert example.get(RESPONSE) is None
        assert {key: value for key, value in example.data.items() if key != RESPONSE} == {
            key: value for key, value in before[id(example)].items() if key != RESPONSE}
        # Rasa keeps a message's fingerprint until the message changes: it must change here.
        assert example.fingerprint() == rasa.shared.utils.io.deep_container_fingerprint(
            [example.data, example.features])
        if before[id(example)].get(RESPONSE) is not None:
            assert example.fingerprint() != fingerprints[id(example)]


def test_a_visitors_message_passes_unchanged():
    message = Message(data={TEXT: "what do retired members pay?"})
    remover = AnswerTextRemover.create({}, None, Resource("remover"), context())
    assert remover.process([message]) == [message]
    assert message.data == {TEXT: "what do retired members pay?"}


@pytest.fixture(scope="module")
def with_and_without_answer_texts(tmp_path_factory):
    return [featurized(training_data(), tmp_path_factory.mktemp(str(removed)), removed) for removed in (False, True)]


def test_the_classifiers_get_the_same_features_for_every_example(with_and_without_answer_texts):
    kept, removed = with_and_without_answer_texts
    assert len(kept.training_examples) == len(removed.training_examples)
    for original, without in zip(kept.training_examples, removed.training_examples):
        assert original.get(TEXT) == without.get(TEXT)
        for attribute in CLASSIFIER_ATTRIBUTES:
            assert features_of(without, attribute) == features_of(original, attribute), (original.get(TEXT), attribute)
    assert any(features_of(example, INTENT_RESPONSE_KEY) for example in removed.training_examples)
    assert any(features_of(example, RESPONSE) for example in kept.training_examples)
    assert not any(features_of(example, RESPONSE) for example in removed.training_examples)


def test_the_remover_comes_first_and_no_response_selector_reads_answer_texts():
    names = [step["name"] for step in pipeline_config()]
    assert names[0] == "nlp.components.AnswerTextRemover"
    selectors = [step for step in pipeline_config() if step["name"] == "ResponseSelector"]
    assert selectors
    assert not any(step.get("use_text_as_label", False) for step in selectors)
