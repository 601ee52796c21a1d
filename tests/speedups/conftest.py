"""The action server the speed-up tests play held-out conversations against."""
import os

import pytest

from ops.servers import QUIET, actions_server, free_port, wait_for_actions


@pytest.fixture(scope="module")
def actions_url(tmp_path_factory):
    port = free_port()
    server = actions_server(port, tmp_path_factory.mktemp("actions") / "actions.log", {**os.environ, **QUIET})
    server.start()
    try:
        url = f"http://127.0.0.1:{port}"
        wait_for_actions(url, 60)
        yield url
    finally:
        server.stop()
