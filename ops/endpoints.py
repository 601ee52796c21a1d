"""Writes the endpoints file `make run` starts the Rasa server with: endpoints.yml with
the action server on ACTIONS_PORT (5055 when unset).

    python -m ops.endpoints build/endpoints.yml
"""
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

import yaml


def endpoints(actions_port: str) -> dict:
    config = yaml.safe_load(Path("endpoints.yml").read_text(encoding="utf-8"))
    action_url = urlsplit(config["action_endpoint"]["url"])
    config["action_endpoint"]["url"] = action_url._replace(netloc=f"{action_url.hostname}:{actions_port}").geturl()
    return config


def main(target: str) -> None:
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(endpoints(os.environ.get("ACTIONS_PORT", "5055")), sort_keys=False),
                    encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
