"""Calls the classifiers' traced TensorFlow graph directly.

Rasa traces each classifier's prediction step once as a `tf.function` and then calls that
function for every message. TensorFlow works out the function's input types and looks up
the traced graph on every call, which costs more than the graph itself: of about 1.5 ms
per classifier and message, 0.7 ms is that dispatch. The traced graph (its concrete
function) takes the inputs as a flat list of tensors and gives the same outputs.
`_call_flat` is TensorFlow's own entry to it (tensorflow 2.12, pinned by Rasa 3.6);
the public call checks the inputs against a nested signature first and saves half as much.
"""
from typing import Any, Dict, List, Optional, Sequence, Text

import numpy as np
import tensorflow as tf
from keras.utils import tf_utils
from tensorflow.python.eager import context
from tensorflow.python.framework.ops import EagerTensor
from rasa.utils.tensorflow.models import DIAGNOSTIC_DATA, RasaModel

_rasa_predict = RasaModel._rasa_predict
_TRACED = "_traced_predict_step"  # on a model: its concrete function, with the input specs


def matches(specs: Sequence[tf.TensorSpec], batch_in: Sequence[np.ndarray]) -> bool:
    return len(specs) == len(batch_in) and all(
        len(spec.shape) == len(array.shape) and spec.dtype == array.dtype for spec, array in zip(specs, batch_in))


def traced(model: RasaModel) -> Optional[Any]:
    if getattr(model, _TRACED, None) is None and model._tf_predict_step is not None:
        concrete = model._tf_predict_step.get_concrete_function()
        specs = tf.nest.flatten(concrete.structured_input_signature[0])
        setattr(model, _TRACED, (concrete, specs))
    return getattr(model, _TRACED, None)


def eager_tensors(arrays: Sequence[np.ndarray]) -> List[EagerTensor]:
    """What `tf.convert_to_tensor` makes of numpy arrays, without its conversion registry,
    which took longer than the graph."""
    device = context.context().device_name
    return [EagerTensor(array, device, None) for array in arrays]


def predict(model: RasaModel, batch_in: Sequence[np.ndarray]) -> Dict[Text, Any]:
    """Rasa's `_rasa_predict`, which also traces the graph on the first call, then the graph."""
    graph = None if model._run_eagerly or not model.prepared_for_prediction else traced(model)
    if graph is None or not matches(graph[1], batch_in):
        return _rasa_predict(model, batch_in)
    concrete, _ = graph
    outputs = tf_utils.sync_to_numpy_or_python_type(
        concrete._call_flat(eager_tensors(batch_in), concrete.captured_inputs))
    if DIAGNOSTIC_DATA in outputs:
        outputs[DIAGNOSTIC_DATA] = model._empty_lists_to_none_in_dict(outputs[DIAGNOSTIC_DATA])
    return outputs


def install() -> None:
    RasaModel._rasa_predict = predict
