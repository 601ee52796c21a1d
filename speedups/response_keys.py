"""The ResponseSelector turns its predicted label into a response key by walking every
response of the domain, comparing the label with each key and each response text: about
0.1 ms a message here, twice for a message that asks several questions. The responses do
not change once loaded, so each selector keeps, for its responses, the key Rasa's walk
finds first for every name it can find."""
from typing import Dict, Optional, Text

from rasa.nlu.selectors.response_selector import ResponseSelector
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data import util

_rasa_resolve = ResponseSelector._resolve_intent_response_key
_KEYS = "_response_keys_by_name"


def keys_by_name(responses: Dict[Text, list]) -> Dict[Optional[Text], Text]:
    """In the order Rasa's walk meets them: each key's own name, then its response texts."""
    found: Dict[Optional[Text], Text] = {}
    for key, variants in responses.items():
        search_key = util.template_key_to_intent_response_key(key)
        found.setdefault(search_key, search_key)
        for response in variants:
            found.setdefault(response.get(TEXT, ""), search_key)
    return found


def resolve(selector: ResponseSelector, label: Dict[Text, Optional[Text]]) -> Optional[Text]:
    responses, keys = selector.__dict__.get(_KEYS, (None, None))
    if responses is not selector.responses:
        responses, keys = selector.responses, keys_by_name(selector.responses)
        selector.__dict__[_KEYS] = (responses, keys)
    return keys.get(label.get("name"))


def install() -> None:
    ResponseSelector._resolve_intent_response_key = resolve
