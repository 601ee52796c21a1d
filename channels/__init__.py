"""Input channels: Rasa's own, with guards against malformed input and with secrets
taken from the environment."""
