"""Replacements of Rasa 3.6's own code that make the assistant faster, each tested to give
what the code it replaces gives (tests/speedups/). With them or without, the assistant
gives the same replies and stores the same events (but for the last bits of the
classifiers' confidences, computed in numpy), and training gives the same weights; a model
trained either way serves either way (tests/speedups/test_both_ways.py serves one both ways).

They act only once installed, and the project installs them in one place: the launcher,
which installs all of them and then runs Rasa's own command line,

    python -m speedups run --model models/acr-assistant.tar.gz ...   # instead of `rasa run ...`
    python -m speedups train --config config.yml ...                  # instead of `rasa train ...`

With ASSISTANT_SPEEDUPS=off the launcher installs nothing, and Rasa runs its own code
("on", the default, installs them). Code that loads or trains a model in its own process
(the bench, the tests) calls install_serving() or install_training() itself.

Serving: the Rasa server, `rasa shell`, `rasa test` (figures measured on the project's
2-core machine; README, "How fast it is"):
- graph_runner: the Rasa server's graph runner (rasa.core.processor's DaskGraphRunner) runs
  the model's nodes in an order worked out once, without dask: about a millisecond off
  each of the four runs a turn; the median held-out FAQ message 24 -> 14 ms in-process.
- sentence_predict: DIETClassifier._predict, for DIET and the ResponseSelector, in numpy
  from the loaded weights: 0.06 ms (DIET) and 0.18 ms (ResponseSelector) instead of about
  2 ms per classifier and message in TensorFlow; with one BLAS thread, server CPU per
  message under 8 clients 10-11 -> 8 ms.
- model_loading: RasaModel.load without tracing TensorFlow graphs: loading the model
  15.9 -> 5.2 s, the server's cold start 22.5 -> 13.2 s.
- action_results: RemoteAction._validate_action_result with validators built once (the
  bench's sequential p95 129 -> 55 ms), checking each event of an action server reply
  against the one kind it names (1.2 -> 0.16 ms a reply).
- rule_keys: RulePolicy._get_possible_keys remembered per state history: 0.5 ms a
  message in Rasa, 0.06 to 0.26 ms remembered.
- slot_copies: Slot.__copy__ directly instead of through pickle's reduce protocol: about
  260 copies a message, 0.37 ms saved.
- log_copies: the deep copies rasa.core.processor, rasa.core.actions.forms and
  rasa.core.policies.rule_policy make only for their debug lines, skipped unless those
  lines are logged: about 2% of the server's time.
- domain_checks: Domain.is_empty answered once per domain: 0.2 ms a message.
- response_keys: ResponseSelector._resolve_intent_response_key from a table built once per
  selector instead of a walk over every response, for each of the ten ranked answers:
  0.30 -> 0.002 ms a message.
- action_copies: MessageProcessor._run_action gives a response, a retrieved response or
  listening the tracker itself instead of a replayed copy when the policy predicted no
  events: about two copies a message, 0.08 ms.
- event_types: Event.resolve_by_type remembered per type name (until another subclass of
  Event is defined): 27 -> 0.2 µs for each event read from the conversation store or an
  action server's reply.

Serving and training:
- feature_copies: Features.__deepcopy__ copies a sparse matrix's three arrays instead of
  going through pickle's reduce protocol: 40 -> 4 µs, about a dozen a message (3% of the
  server's time).
- sparse_batches: RasaDataGenerator._scipy_matrix_to_values and
  Features._combine_sparse_features with one concatenation per column: the conversion was
  a fifth of training, the join (scipy's hstack) about 1 ms a message.

Training: `rasa train`:
- parallel_training: the training graph runner (rasa.model_training's DaskGraphRunner)
  trains DIET and the ResponseSelector at the same time in forked processes, which inherit
  every speed-up installed in the training process: full training 86 -> 58 s,
  fine-tuning 49 -> 32 s.
- fingerprints: Token.fingerprint remembered with the content it was computed from, and
  rasa.shared.nlu.training_data.util.sparse_matrix_to_string printing Python numbers (50
  instead of 230 µs for a sentence's character n-grams); Rasa's fingerprinting of the
  training data after each step was about a sixth of a training.

Each module's docstring says why its result is Rasa's, and its install() what it replaces.
"""
import importlib
import os
from typing import Sequence

SWITCH = "ASSISTANT_SPEEDUPS"
SERVING = ("graph_runner", "sentence_predict", "model_loading", "action_results", "rule_keys", "slot_copies",
           "action_copies", "log_copies", "domain_checks", "response_keys", "event_types", "feature_copies",
           "sparse_batches")
TRAINING = ("parallel_training", "fingerprints", "feature_copies", "sparse_batches")


def enabled() -> bool:
    """What ASSISTANT_SPEEDUPS asks for: "on" (the default) or "off"."""
    value = os.environ.get(SWITCH, "on")
    if value not in ("on", "off"):
        raise SystemExit(f"{SWITCH}={value!r}: set it to 'on' or 'off'")
    return value == "on"


def install(modules: Sequence[str]) -> None:
    # Imported only here: they import Rasa and TensorFlow, which reading the switch needs not.
    for name in modules:
        importlib.import_module(f"{__name__}.{name}").install()


def install_serving() -> None:
    install(SERVING)


def install_training() -> None:
    install(TRAINING)
