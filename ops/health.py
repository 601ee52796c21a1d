"""Whether `make run` is serving: the state of each process supervisord runs, and the
model the Rasa server has loaded. The chat page answers GET /health with it (200 when
every process is running and a model is loaded, 503 otherwise: what a load balancer
checks); `make status` prints it.

    python -m ops.health   # exit status 0 when healthy
"""
import json
import os
import sys
import urllib.request
import xmlrpc.client
from pathlib import Path
from typing import Dict, Optional, Tuple

from supervisor.options import ClientOptions

CONFIG = Path(__file__).with_name("supervisord.conf")


def supervisor(config: Path = CONFIG) -> xmlrpc.client.ServerProxy:
    """supervisord's XML-RPC interface, at the socket its configuration names."""
    options = ClientOptions()
    options.realize(["--configuration", str(config)])
    return options.getServerProxy()


def loaded_model(rasa_url: str) -> Optional[Dict]:
    try:
        with urllib.request.urlopen(f"{rasa_url}/webhooks/status/", timeout=2) as answer:
            return json.load(answer)
    except (OSError, ValueError):
        return None


def health(rasa_url: str) -> Tuple[bool, Dict]:
    """(healthy, report): report names each process's state (RUNNING when up) and the model."""
    try:
        processes = {process["name"]: process["statename"] for process in supervisor().supervisor.getAllProcessInfo()}
    except (OSError, xmlrpc.client.Error):
        processes = {"supervisord": "DOWN"}
    model = loaded_model(rasa_url)
    healthy = all(state == "RUNNING" for state in processes.values()) and model is not None
    return healthy, {"status": "up" if healthy else "down", "processes": processes, "model": model}


def rasa_url() -> str:
    return f"http://127.0.0.1:{os.environ.get('RASA_PORT', '5005')}"


def main() -> None:
    healthy, report = health(rasa_url())
    print(json.dumps(report, indent=2))
    sys.exit(0 if healthy else 1)


if __name__ == "__main__":
    main()
