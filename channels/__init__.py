"""What the Rasa server loads from this project besides the model: input channels (Rasa's
own, with guards against malformed input and with secrets taken from the environment),
the conversation store, and the speed-ups of Rasa's own code (speedups/)."""
import speedups

# The Rasa server imports this package for its channels and tracker store, before it
# loads the model.
speedups.install_serving()
