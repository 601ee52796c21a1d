"""`make reload` for real: visitors keep talking over REST from a few threads while the Rasa
server, pulling its model from the model server as under `make run`, changes to a model
whose answer to one FAQ differs. No turn may fail, and the next turns get the new answer."""
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import List, Optional

from channels.policy import NO_ANSWER_REPLY
from ops import reload
from ops.servers import MODEL, RasaChat, free_port, running_assistant
from tests.ops.conftest import NEW_ANSWER, OLD_ANSWER, QUESTION
from tests.ops.test_model_server import archive

VISITORS = 4
MAX_TURNS = 2000  # per visitor, however long the change takes: about two minutes at 60 ms a turn
# A new visitor every three messages: the channel refuses over 30 a minute from one sender.
MESSAGES = (QUESTION, "I'm a resident in Canada, what do I pay?", "how much are the dues for international members?")
SECONDS_AROUND = 3  # of talk before and after the change


@dataclass
class Turn:
    started: float
    ended: float
    message: str
    reply: Optional[str]
    error: Optional[str]

    @property
    def failed(self) -> bool:
        return self.error is not None or NO_ANSWER_REPLY in self.reply


def visit(chat: RasaChat, number: int, stop: threading.Event, turns: List[Turn]) -> None:
    for index in range(MAX_TURNS):
        if stop.is_set():
            return
        sender, message = f"visitor-{number}-{index // len(MESSAGES)}", MESSAGES[index % len(MESSAGES)]
        started = time.monotonic()
        try:
            reply, error = chat.text(sender, message), None
        except Exception as problem:  # an HTTP error, a refused connection, a timeout
            reply, error = None, repr(problem)
        turns.append(Turn(started, time.monotonic(), message, reply, error))


def test_a_reload_under_visitors_fails_no_turn_and_the_next_turns_get_the_new_answer(second_model):
    with running_assistant(model_server=True) as assistant:
        assert OLD_ANSWER in assistant.text("before", QUESTION)
        stop, turns = threading.Event(), []
        with ThreadPoolExecutor(VISITORS) as pool:
            visitors = [pool.submit(visit, assistant, number, stop, turns) for number in range(VISITORS)]
            time.sleep(SECONDS_AROUND)
            began = time.monotonic()
            status = reload.main([str(second_model), "--served", str(assistant.workdir / "models" / MODEL.name),
                                  "--rasa-url", assistant.rasa_url])
            ended = time.monotonic()
            time.sleep(SECONDS_AROUND)
            stop.set()
            for visitor in visitors:
                visitor.result()
        during = [turn for turn in turns if turn.started < ended and turn.ended > began]
        failed = [turn for turn in turns if turn.failed]
        print(f"\n{len(turns)} requests, {len(during)} of them during the change ({ended - began:.1f} s; the "
              f"slowest took {max(turn.ended - turn.started for turn in during):.1f} s), {len(failed)} failed: "
              f"{dict(Counter(turn.error or 'the apology' for turn in failed))}")
        assert status == 0
        assert during and not failed
        answers = [turn for turn in turns if turn.message == QUESTION]
        assert all(OLD_ANSWER in turn.reply or NEW_ANSWER in turn.reply for turn in answers)
        later = [turn for turn in answers if turn.started > ended]
        assert later and all(NEW_ANSWER in turn.reply for turn in later)
        assert NEW_ANSWER in assistant.text("after", QUESTION)


def test_a_reload_with_no_rasa_server_publishes_the_model_and_says_it_is_not_in_service(tmp_path, capsys):
    model, served = archive(tmp_path / "model.tar.gz", "new"), tmp_path / "served" / "model.tar.gz"
    assert reload.main([str(model), "--served", str(served), "--rasa-url", f"http://127.0.0.1:{free_port()}"]) == 1
    assert "does not answer (is `make run` running?); it serves model new when it starts" in capsys.readouterr().out
    assert served.read_bytes() == model.read_bytes()
