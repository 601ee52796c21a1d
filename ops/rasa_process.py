"""The Rasa server of `make run`: Rasa's command line through the speed-ups launcher
(`python -m speedups`), serving from the listening socket supervisord holds for it.

supervisord opens the Rasa port itself ([fcgi-program:rasa] in supervisord.conf) and
hands the socket to each Rasa process it starts as file descriptor 0. When the process
dies, supervisord closes the port only until it starts the next one (0.2 s after a kill -9
in tests/ops/test_supervision.py): a message sent while the new process loads the model
waits in the socket's queue and is answered once it serves, instead of being refused.

    python -m ops.rasa_process run --endpoints ... --port 5005   # as `python -m speedups run ...`
"""
import os
import socket
from functools import wraps

from sanic import Sanic

from speedups.__main__ import main as rasa_with_speedups

# Set in supervisord.conf: the file descriptor of the listening socket (0, as supervisord passes it).
SOCKET_VARIABLE = "RASA_LISTENING_FD"


def serve_from(listening: socket.socket) -> None:
    """Sanic serves from `listening` instead of binding the host and port Rasa gives it."""
    run = Sanic.run

    @wraps(run)
    def run_on_socket(app, *args, **kwargs):
        kwargs.pop("host", None)
        kwargs.pop("port", None)
        return run(app, *args, sock=listening, **kwargs)

    Sanic.run = run_on_socket


def main() -> None:
    descriptor = os.environ.get(SOCKET_VARIABLE)
    if descriptor is not None:
        serve_from(socket.socket(fileno=int(descriptor)))
    rasa_with_speedups()


if __name__ == "__main__":
    main()
