"""Rasa's command line with the speed-ups installed first (none with ASSISTANT_SPEEDUPS=off):

    python -m speedups run --model models/acr-assistant.tar.gz ...   # as `rasa run ...`
"""
import sys

import speedups


def main() -> None:
    # Said before anything imports Rasa, whose import warnings would bury it
    # (scripts/without_warnings.py drops them up to the next log record).
    if speedups.enabled():
        print("Rasa with the speed-ups in speedups/ (ASSISTANT_SPEEDUPS=off runs without them)", file=sys.stderr)
        speedups.install_serving()
        speedups.install_training()
    else:
        print("Rasa's own code: ASSISTANT_SPEEDUPS=off", file=sys.stderr)
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
