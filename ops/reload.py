"""`make reload`: puts a newly trained model and edited dues schedules into service under a
running `make run`, without a restart: a turn in progress finishes as it started, the next
one gets the new content.

- Dues schedules: the action server reads a schedule file again once it has changed
  (membership/schedule.py), so an edit or a new year is in service from the next quote;
  this checks that every file can be used.
- The model: published for the model server (ops/model_server.py), whose next pull by the
  Rasa server, within seconds, loads it; this waits until the Rasa server reports it.

    python -m ops.reload models/acr-assistant.tar.gz   # exit status 0 once both are in service
"""
import argparse
import sys
import tarfile
import time
from pathlib import Path

from content.check import schedule_problems
from ops.health import loaded_model, rasa_url
from ops.model_server import SERVED, publish

LOAD_SECONDS = 120  # a pull and a load; a few seconds unless the machine is busy


class NotInService(Exception):
    pass


def reload_model(model: Path, served: Path, rasa: str, timeout: float = LOAD_SECONDS) -> str:
    """Publishes model as served and waits until the Rasa server at rasa has loaded it;
    returns its model_id."""
    running = loaded_model(rasa) is not None
    try:
        published = publish(model, served)
    except (OSError, EOFError, tarfile.TarError, KeyError) as error:
        raise NotInService(f"{model} cannot be published, is it a whole Rasa model? {error!r}") from None
    if not running:
        raise NotInService(f"the Rasa server at {rasa} does not answer (is `make run` running?); "
                           f"it serves model {published} when it starts")
    deadline = time.monotonic() + timeout
    # No answer meanwhile is normal: the Rasa server answers nothing while it loads a model.
    while (loaded_model(rasa) or {}).get("model_id") != published:
        if time.monotonic() > deadline:
            raise NotInService(f"the Rasa server at {rasa} did not load model {published} within {timeout:.0f} s; "
                               f"its lines in the output of `make run` say why")
        time.sleep(0.5)
    return published


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("--served", type=Path, help="the model server's file (var/models/<the model's name>)")
    parser.add_argument("--rasa-url", default=rasa_url())
    args = parser.parse_args(argv)
    problems = schedule_problems()
    for problem in problems:
        print(f"- {problem}")
    print(f"Dues schedules: {len(problems)} cannot be used; quotes for their years fail until they are fixed."
          if problems else "Dues schedules: in service as they are (the action server reads a changed file "
                           "on the next quote).")
    started = time.monotonic()
    try:
        model = reload_model(args.model, args.served or SERVED / args.model.name, args.rasa_url)
    except NotInService as error:
        print(f"Model not in service: {error}.")
        return 1
    print(f"Model {model} ({args.model}) in service after {time.monotonic() - started:.1f} s.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
