"""GET /webhooks/status/: the model the Rasa server has loaded, as Rasa's own /status
reports it, without enabling Rasa's HTTP API (and with it every conversation's tracker).
The health check of `make run` (ops/health.py) reads it."""
from rasa.core.channels.channel import InputChannel
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels.policy import OnNewMessage


class ModelStatus(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "status"

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        blueprint = Blueprint("model_status", __name__)

        @blueprint.route("/", methods=["GET"])
        async def status(request: Request) -> HTTPResponse:
            agent = request.app.ctx.agent
            if not (agent and agent.is_ready()):
                return response.json({"model_file": None, "model_id": None}, status=503)
            return response.json({"model_file": agent.processor.model_filename, "model_id": agent.model_id})

        return blueprint
