"""The held-out messages and scripted conversations the speed-up tests play."""
import yaml

from bench.heldout import load_examples
from ops.servers import ROOT


def conversations():
    """Each held-out message on its own, then each scripted conversation."""
    scripted = yaml.safe_load((ROOT / "tests" / "heldout" / "conversations.yml").read_text(encoding="utf-8"))
    return [[example.text] for example in load_examples()] + [c["turns"] for c in scripted["conversations"]]
