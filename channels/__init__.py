"""Input channels: Rasa's own, with guards against malformed input and with secrets
taken from the environment."""
from channels import action_results, graph_runner

# The Rasa server imports this package for its channels and tracker store, before it
# loads the model.
action_results.install()
graph_runner.install()
