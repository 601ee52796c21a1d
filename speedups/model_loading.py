"""The classifiers loaded without tracing TensorFlow graphs.

To give a fresh model's weights their shapes before loading them, Rasa trains it on one
example with `fit`, which traces the training step into a TensorFlow graph, and then
predicts one example to trace the prediction step: over half of the server's start.
Predictions are computed with numpy here (sentence_predict.py), so neither graph serves a
message. The same training step run eagerly creates the same variables, the optimizer's
included, and the weights then load as in Rasa. A model loaded for fine-tuning goes
through Rasa's own code, and so does a prediction step the numpy code cannot take: traced
on its first use, as Rasa would.
"""
from typing import Any, Optional, Text

import tensorflow as tf
from rasa.utils.tensorflow.constants import LEARNING_RATE, RUN_EAGERLY
from rasa.utils.tensorflow.data_generator import RasaBatchDataGenerator
from rasa.utils.tensorflow.model_data import RasaModelData
from rasa.utils.tensorflow.models import RasaModel

_rasa_load = RasaModel.load.__func__


def load(cls: type, model_file_name: Text, model_data_example: RasaModelData,
         predict_data_example: Optional[RasaModelData] = None, finetune_mode: bool = False,
         *args: Any, **kwargs: Any) -> RasaModel:
    if finetune_mode:
        return _rasa_load(cls, model_file_name, model_data_example, predict_data_example, finetune_mode,
                          *args, **kwargs)
    config = kwargs.get("config", {})
    model = cls(*args, **kwargs)
    model.compile(optimizer=tf.keras.optimizers.Adam(config.get(LEARNING_RATE, 0.001)), run_eagerly=True)
    model.fit(RasaBatchDataGenerator(model_data_example, batch_size=1), verbose=False)
    model.load_weights(model_file_name)
    model.run_eagerly = config.get(RUN_EAGERLY)
    return model


def install() -> None:
    RasaModel.load = classmethod(load)
