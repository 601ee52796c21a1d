"""Rasa's Slack channel with the public-channel policy, set up from the environment
(SLACK_TOKEN, SLACK_SIGNING_SECRET and optionally SLACK_API_URL), with each thread a
conversation of its own and Slack's retries acknowledged without a second answer."""
import json
import os
from typing import Any, Dict, List, Optional, Text

from rasa.core.channels.channel import InputChannel, OutputChannel
from rasa.core.channels.slack import SlackBot, SlackInput
from rasa.shared.exceptions import InvalidConfigException
from sanic import Blueprint, response
from sanic.request import Request
from slack_sdk.web.async_client import AsyncWebClient

from channels.policy import OnNewMessage, guarded

DEFAULT_API_URL = "https://slack.com/api/"


def _from_environment(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise InvalidConfigException(f"The Slack channel needs {name} in the environment.")
    return value


def _slack_message(request: Request) -> Dict[Text, Any]:
    """The message an Events API callback or an interactive payload is about."""
    if request.headers.get("content-type") == "application/json":
        return request.json.get("event", {})
    return json.loads(request.form["payload"][0]).get("message", {})


class SlackOutput(SlackBot):
    """Rasa's SlackBot talking to a Web API at any address, showing all of a reply's buttons."""

    def __init__(self, token: Text, slack_channel: Optional[Text], thread_id: Optional[Text],
                 proxy: Optional[Text], api_url: Text) -> None:
        super().__init__(token, slack_channel, thread_id, proxy)
        self.client = AsyncWebClient(token, proxy=proxy, base_url=api_url)

    async def send_text_with_buttons(self, recipient_id: Text, text: Text,
                                     buttons: List[Dict[Text, Any]], **kwargs: Any) -> None:
        # Rasa's SlackBot drops every button past five, a limit Slack no longer has
        # (an actions block holds 25): the profession question offers six.
        elements = [{"type": "button", "text": {"type": "plain_text", "text": button["title"]},
                     "value": button["payload"]} for button in buttons]
        blocks = [{"type": "section", "text": {"type": "plain_text", "text": text}},
                  {"type": "actions", "elements": elements}]
        await self._post_message(channel=self.slack_channel or recipient_id, text=text, blocks=blocks)


class EnvSlackInput(SlackInput):
    """Answers direct messages and mentions; in a thread it answers in that thread."""

    api_url = DEFAULT_API_URL

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        channel = super().from_credentials({
            **(credentials or {}),
            "slack_token": _from_environment("SLACK_TOKEN"),
            "slack_signing_secret": _from_environment("SLACK_SIGNING_SECRET"),
            "use_threads": True,
        })
        channel.api_url = os.environ.get("SLACK_API_URL", DEFAULT_API_URL)
        return channel

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        return super().blueprint(guarded(on_new_message))

    def get_output_channel(self, channel: Optional[Text] = None,
                           thread_id: Optional[Text] = None) -> OutputChannel:
        return SlackOutput(self.slack_token, channel or self.slack_channel, thread_id, self.proxy, self.api_url)

    def get_metadata(self, request: Request) -> Dict[Text, Any]:
        # Rasa takes a top-level message's own timestamp as its thread: every message
        # would start a new conversation and be answered in a new thread.
        metadata = super().get_metadata(request)
        if metadata:
            metadata["thread_id"] = _slack_message(request).get("thread_ts")
        return metadata

    def _get_conversation_id(self, sender_id: Optional[Text], channel_id: Optional[Text],
                             thread_id: Optional[Text]) -> Optional[Text]:
        """One conversation per person and channel (direct messages included), and one
        per thread. Rasa's conversation_granularity offers either, not both."""
        return "_".join(part for part in (sender_id, channel_id, thread_id) if part) or None

    async def process_message(self, request: Request, on_new_message: OnNewMessage,
                              text: Text, sender_id: Optional[Text], metadata: Optional[Dict]) -> Any:
        # Rasa acknowledges an event at once and answers it in the background, so a
        # retry means Slack missed the acknowledgement, not the answer. Rasa itself
        # skips retries only for the reasons in errors_ignore_retry (by default a timeout).
        if request.headers.get(self.retry_num_header):
            return response.text("", headers={"X-Slack-No-Retry": "1"})
        return await super().process_message(request, on_new_message, text, sender_id, metadata)
