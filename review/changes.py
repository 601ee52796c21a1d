"""What a review changed, checked as `make content-check` checks it, in the project at
root (the checkout being reviewed, or a copy of it)."""
import subprocess
import sys
from pathlib import Path
from typing import Tuple

TRAIN_COMMAND = "make train FINETUNE=1"


def data_diff(root: Path) -> str:
    """`git diff -- data/`: the examples added since the last commit."""
    return subprocess.run(["git", "diff", "--no-color", "--", "data/"], cwd=root, capture_output=True,
                          text=True, check=True).stdout


def content_check(root: Path) -> Tuple[bool, str]:
    """Whether the content check passes on root's data, and what it printed. Run there, so
    that it reads that project's files (content.check reads the files beside it)."""
    done = subprocess.run([sys.executable, "-m", "content.check"], cwd=root, capture_output=True, text=True)
    return done.returncode == 0, (done.stdout + done.stderr).strip()
