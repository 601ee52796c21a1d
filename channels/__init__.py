"""What the Rasa server loads from this project besides the model: input channels (Rasa's
own, with guards against malformed input and with secrets taken from the environment),
the conversation store, and speed-ups of Rasa's own code (action_results.py,
domain_checks.py, graph_runner.py, log_copies.py, model_loading.py, rule_keys.py,
sentence_predict.py, slot_copies.py), each tested to behave exactly as the code it
replaces."""
from channels import (action_results, domain_checks, graph_runner, log_copies, model_loading, rule_keys,
                      sentence_predict, slot_copies)

# The Rasa server imports this package for its channels and tracker store, before it
# loads the model.
action_results.install()
domain_checks.install()
graph_runner.install()
log_copies.install()
model_loading.install()
rule_keys.install()
sentence_predict.install()
slot_copies.install()
