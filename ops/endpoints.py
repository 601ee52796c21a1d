"""Writes the endpoints file `make run` starts the Rasa server with: endpoints.yml with
the action server on ACTIONS_PORT (5055 when unset), and the model from the model server
on MODELS_PORT (5056 when unset), which `make reload` publishes to (ops/model_server.py).

    python -m ops.endpoints build/endpoints.yml
"""
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from ops.model_server import endpoint
from ops.servers import MODEL


def endpoints(actions_port: str, models_port: str) -> dict:
    config = yaml.safe_load(Path("endpoints.yml").read_text(encoding="utf-8"))
    action_url = urlsplit(config["action_endpoint"]["url"])
    config["action_endpoint"]["url"] = action_url._replace(netloc=f"{action_url.hostname}:{actions_port}").geturl()
    config["models"] = endpoint(int(models_port), MODEL.name)
    return config


def main(target: str) -> None:
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    config = endpoints(os.environ.get("ACTIONS_PORT", "5055"), os.environ.get("MODELS_PORT", "5056"))
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
