"""Writes the credentials file the Rasa server starts with: credentials.yml plus
Slack when its secrets are in the environment (Rasa does not expand ${VARS}).

    python -m channels.credentials build/credentials.yml
"""
import os
import sys
from pathlib import Path

import yaml

SLACK_CHANNEL = "channels.slack.EnvSlackInput"


def credentials(environ=os.environ) -> dict:
    channels = yaml.safe_load(Path("credentials.yml").read_text(encoding="utf-8")) or {}
    if environ.get("SLACK_TOKEN") and environ.get("SLACK_SIGNING_SECRET"):
        channels[SLACK_CHANNEL] = {}
    return channels


def main(target: str) -> None:
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(credentials(), sort_keys=False), encoding="utf-8")
    path.chmod(0o600)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "build/credentials.yml")
