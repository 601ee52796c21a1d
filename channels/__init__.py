"""Input channels: Rasa's own, with guards against malformed input and with secrets
taken from the environment."""
from channels import action_results

# The Rasa server imports this package for its channels and tracker store.
action_results.install()
