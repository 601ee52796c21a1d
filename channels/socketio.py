"""Rasa's socket.io channel (the web widget) with the public-channel policy."""
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

from channels.policy import OnNewMessage, guarded


class GuardedSocketIOInput(SocketIOInput):
    @classmethod
    def name(cls) -> str:
        return "socketio"

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        return super().blueprint(guarded(on_new_message))
