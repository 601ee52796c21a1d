"""Rasa's REST channel with a guard: a malformed request gets a 400 with a reason
instead of Rasa's 500, and an overlong message gets a polite reply."""
import json
from typing import Any, Optional

from rasa.core.channels.rest import RestInput
from sanic import Blueprint
from sanic.request import Request
from sanic.response import HTTPResponse

MAX_MESSAGE_CHARS = 2000
TOO_LONG_REPLY = (
    f"That message is too long for me (the limit is {MAX_MESSAGE_CHARS} characters). "
    "Could you ask your question in a sentence or two?"
)


def body_problem(body: Any) -> Optional[str]:
    """Why a request body cannot be a chat message, or None when it can."""
    if not isinstance(body, dict):
        return "the body must be a JSON object"
    if not isinstance(body.get("message"), str):
        return "'message' must be a string"
    if not isinstance(body.get("sender", "default"), str) or not body.get("sender", "default").strip():
        return "'sender' must be a non-empty string"
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

    def blueprint(self, on_new_message) -> Blueprint:
        blueprint = super().blueprint(on_new_message)

        @blueprint.middleware("request")
        async def guard(request: Request) -> Optional[HTTPResponse]:
            if request.method != "POST" or not request.path.endswith("/webhook"):
                return None
            body = _json_body(request)
            problem = body_problem(body)
            if problem:
                return HTTPResponse(json.dumps({"error": problem}), status=400, content_type="application/json")
            if len(body["message"]) > MAX_MESSAGE_CHARS:
                reply = [{"recipient_id": body.get("sender", "default"), "text": TOO_LONG_REPLY}]
                return HTTPResponse(json.dumps(reply), content_type="application/json")
            return None

        return blueprint
