"""The trained model's own view of a message: the sentence features its classifiers read
(word n-grams over spaCy lemmas and character n-grams, nlp/featurizers.py), computed by
the model's own pipeline up to its last featurizer, without loading the classifiers."""
import tempfile
from pathlib import Path
from typing import List

import scipy.sparse
from rasa.core.channels.channel import UserMessage
from rasa.engine.constants import PLACEHOLDER_MESSAGE
from rasa.engine.graph import ExecutionContext
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.nlu.featurizers.featurizer import Featurizer
from rasa.shared.nlu.constants import TEXT
from sklearn.feature_extraction.text import TfidfTransformer


class ModelFeatures:
    """Call it with texts for their features, one row each, weighted by TF-IDF over the
    training examples and those texts: words most questions share count for little, and
    so do a greeting or a "please" that many texts of the inbox add."""

    def __init__(self, model: Path, examples: List[str]):
        if not model.exists():
            raise SystemExit(f"No trained model at {model}: run `make train` first")
        with tempfile.TemporaryDirectory() as unpacked:  # the components are loaded from it here
            storage, metadata = LocalModelStorage.from_model_archive(Path(unpacked), model)
            schema = metadata.predict_schema
            self.target = [name for name, node in schema.nodes.items() if issubclass(node.uses, Featurizer)][-1]
            schema = schema.minimal_graph_schema([self.target])
            self.runner = DaskGraphRunner.create(schema, storage, ExecutionContext(schema, metadata.model_id), [])
        self.examples = self.counts(examples)

    def counts(self, texts: List[str]) -> scipy.sparse.spmatrix:
        inputs = {PLACEHOLDER_MESSAGE: [UserMessage(text) for text in texts]}
        messages = self.runner.run(inputs, [self.target])[self.target]
        # The pipeline adds a message for each question of a message that asks several,
        # after the visitors' own: the first len(texts) are those.
        return scipy.sparse.vstack([message.get_sparse_features(TEXT)[1].features
                                    for message in messages[:len(texts)]]).tocsr()

    def __call__(self, texts: List[str]) -> scipy.sparse.spmatrix:
        counts = self.counts(texts)
        return TfidfTransformer().fit(scipy.sparse.vstack([counts, self.examples])).transform(counts)
