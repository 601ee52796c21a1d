"""Rasa's REST channel, guarded: a malformed request gets a 400 with a reason (Rasa
answers 500), and messages pass through the public-channel policy."""
import json
from typing import Any, Optional

from rasa.core.channels.rest import RestInput
from sanic import Blueprint
from sanic.request import Request
from sanic.response import HTTPResponse

from channels.policy import OnNewMessage, guarded


def body_problem(body: Any) -> Optional[str]:
    """Why a request body cannot be a chat message, or None when it can."""
    if not isinstance(body, dict):
        return "the body must be a JSON object"
    if not isinstance(body.get("message"), str):
        return "'message' must be a string"
    sender = body.get("sender", "default")
    if not isinstance(sender, str) or not sender.strip() or len(sender) > 200:
        return "'sender' must be a non-empty string of at most 200 characters"
    return None


def _json_body(request: Request) -> Any:
    try:
        return json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError):
        return None


class GuardedRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        blueprint = super().blueprint(guarded(on_new_message))

        @blueprint.middleware("request")
        async def refuse_malformed(request: Request) -> Optional[HTTPResponse]:
            if request.method != "POST" or not request.path.endswith("/webhook"):
                return None
            problem = body_problem(_json_body(request))
            if problem:
                return HTTPResponse(json.dumps({"error": problem}), status=400, content_type="application/json")
            return None

        return blueprint
