"""`rasa data validate`, failing on any warning except known false positives.

- Rasa's validator warns that a response is "not used in any story or rule" when only
  a form (utter_ask_<slot>), a custom action or a Rasa default action (utter_default,
  utter_restart)
  sends it. Accepted only when that is really so.
- Declaring the retrieval intent `faq` in the domain (as stories need) makes Rasa warn
  that it is "duplicated" once the faq/<topic> intents of the NLU data are merged in.
- An intent that a pipeline component sets (`several_questions`, by
  nlp.components.QuestionCollector) has no training examples by design.
- Warnings Rasa itself always filters (rasa.utils.common.EXPECTED_WARNINGS).
Every other warning fails the check.
"""
import re
import sys
import warnings
from pathlib import Path

from rasa.cli.utils import validate_files
from rasa.shared.importers.importer import TrainingDataImporter
from rasa.utils.common import EXPECTED_WARNINGS

UNUSED = re.compile(r"The utterance '(utter_[\w/]+)' is not used in any story or rule\.")
RETRIEVAL_INTENT_MERGE = "The following duplicated intents have been found across multiple domain files: faq"
SENT_BY_RASA = {"utter_default", "utter_restart"}  # by action_default_fallback, action_restart
SET_BY_COMPONENTS = ("several_questions",)
WITHOUT_EXAMPLES = "The intent '{}' is listed in the domain file, but is not found in the NLU training data."


def sent_elsewhere(response: str, slots, actions_source: str) -> bool:
    asked_by_form = response.startswith("utter_ask_") and response[len("utter_ask_"):] in slots
    return asked_by_form or response in SENT_BY_RASA or f'"{response}"' in actions_source


def expected(warning: warnings.WarningMessage) -> bool:
    text = str(warning.message)
    set_by_components = any(text.startswith(WITHOUT_EXAMPLES.format(intent)) for intent in SET_BY_COMPONENTS)
    return text.startswith(RETRIEVAL_INTENT_MERGE) or set_by_components or any(
        issubclass(warning.category, category) and re.match(pattern, text)
        for category, pattern in EXPECTED_WARNINGS
    )


def main() -> int:
    importer = TrainingDataImporter.load_from_config("config.yml", "domain.yml", ["data"])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        validate_files(fail_on_warnings=False, max_history=None, importer=importer)
    slots = {slot.name for slot in importer.get_domain().slots}
    actions_source = "\n".join(path.read_text() for path in Path("actions").glob("*.py"))
    problems = []
    for warning in caught:
        unused = UNUSED.search(str(warning.message))
        if expected(warning) or (unused and sent_elsewhere(unused.group(1), slots, actions_source)):
            continue
        if issubclass(warning.category, UserWarning) and "rasa" in warning.filename:
            problems.append(str(warning.message).strip())
    for problem in problems:
        print(f"validation warning: {problem}", file=sys.stderr)
    print(f"Data validation: {len(problems)} warning(s).")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
