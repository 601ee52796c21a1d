"""The command line, for real: `make shell`'s script in a terminal, with its own
action server, answering an FAQ and a personal question, then stopping cleanly."""
import os
import urllib.error
import urllib.request

import pexpect
import pytest

from ops.servers import MODEL, QUIET, ROOT, write_config, free_port

PROMPT = "Your input ->"


@pytest.fixture
def actions_port():
    return free_port()


@pytest.fixture
def shell(tmp_path, actions_port):
    endpoints = write_config(tmp_path, actions_port, extra_channels=None)["endpoints"]
    terminal = pexpect.spawn(
        str(ROOT / "scripts" / "shell.sh"),
        [str(MODEL), "--port", str(free_port()), "--endpoints", str(endpoints)],
        cwd=str(ROOT), env={**os.environ, **QUIET, "ACTIONS_PORT": str(actions_port)},
        encoding="utf-8", timeout=120, dimensions=(50, 250))
    terminal.expect_exact(PROMPT)
    yield terminal
    terminal.close(force=True)


def ask(shell, question: str, answer_pattern: str) -> None:
    """Type a question and wait for an answer matching the pattern, then the next prompt."""
    shell.sendline(question)
    shell.expect(answer_pattern, timeout=60)
    shell.expect_exact(PROMPT)


def actions_server_answers(port: int) -> bool:
    try:
        return urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2).status == 200
    except (urllib.error.URLError, OSError):
        return False


def test_answers_on_the_command_line_and_stops_cleanly(shell, actions_port):
    ask(shell, "can medical students join?", r"(?i)free|member-in-training")
    # The personal answer is the action server's work: the FAQ alone would not say "You'd be".
    ask(shell, "I'm a resident in Canada, what do I pay?", r"You'd be: Member-in-training")
    shell.sendline("/stop")
    shell.expect(pexpect.EOF)
    assert not actions_server_answers(actions_port)
