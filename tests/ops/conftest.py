"""The second model the reload tests put into service: the current model fine-tuned on the
same data but for the text of one FAQ answer, trained once per session."""
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from ops.servers import MODEL, QUIET, RASA_WITH_SPEEDUPS, ROOT

QUESTION = "who can join the ACR?"
OLD_ANSWER = "The ACR welcomes physicians, residents, fellows, medical students and more."
NEW_ANSWER = "Physicians, residents, fellows, medical students and others are welcome at the ACR."


@pytest.fixture(scope="session")
def second_model(tmp_path_factory) -> Path:
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}: run `make train` first")
    directory = tmp_path_factory.mktemp("second-model")
    shutil.copytree(ROOT / "data", directory / "data")
    answers = directory / "data" / "answers" / "faq_joining.yml"
    text = answers.read_text(encoding="utf-8")
    assert text.count(OLD_ANSWER) == 1
    answers.write_text(text.replace(OLD_ANSWER, NEW_ANSWER), encoding="utf-8")
    # As `make train FINETUNE=1` does (scripts/train.sh), into the temporary directory.
    training = subprocess.run(
        [*RASA_WITH_SPEEDUPS, "train", "--config", "config.yml", "--domain", "domain.yml",
         "--data", str(directory / "data"), "--skip-validation", "--augmentation", "0",
         "--finetune", str(MODEL), "--epoch-fraction", "0.2", "--out", str(directory), "--fixed-model-name", "second"],
        cwd=ROOT, env={**os.environ, **QUIET}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert training.returncode == 0, training.stdout[-5000:]
    return directory / "second.tar.gz"
