"""What the Rasa server loads from this project besides the model: input channels (Rasa's
own, with guards against malformed input and with secrets taken from the environment)
and the conversation store."""
