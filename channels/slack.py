"""Rasa's Slack channel with the public-channel policy, set up from the environment
(SLACK_TOKEN, SLACK_SIGNING_SECRET and optionally SLACK_API_URL), with each thread a
conversation of its own and Slack's retries acknowledged without a second answer.
Replies ride out a dropped connection and Slack's rate limit; one that still cannot be
delivered is logged in one line (the turn is stored all the same). A server that is
stopped finishes the turns in progress first."""
import asyncio
import json
import logging
import os
from typing import Any, Dict, List, Optional, Text

import aiohttp
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.slack import SlackBot, SlackInput
from rasa.shared.exceptions import InvalidConfigException
from sanic import Blueprint, response
from sanic.request import Request
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import (AsyncConnectionErrorRetryHandler,
                                                         AsyncRateLimitErrorRetryHandler)
from slack_sdk.web.async_client import AsyncWebClient

from channels.policy import OnNewMessage, guarded

DEFAULT_API_URL = "https://slack.com/api/"
# Each Web API call: a failed connection tried twice more (after about 0.5 s, then 1 s),
# a 429 twice more, each after the Retry-After Slack names.
RETRY_HANDLERS = [AsyncConnectionErrorRetryHandler(max_retry_count=2),
                  AsyncRateLimitErrorRetryHandler(max_retry_count=2)]
UNDELIVERED = (SlackApiError, aiohttp.ClientError, asyncio.TimeoutError)
STOPPING_GRACE_SECONDS = 15.0  # as long as Sanic gives requests in progress

log = logging.getLogger(__name__)


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
        self.client = AsyncWebClient(token, proxy=proxy, base_url=api_url, retry_handlers=RETRY_HANDLERS)

    async def send_text_with_buttons(self, recipient_id: Text, text: Text,
                                     buttons: List[Dict[Text, Any]], **kwargs: Any) -> None:
        # Rasa's SlackBot drops every button past five, a limit Slack no longer has
        # (an actions block holds 25): the profession question offers six.
        elements = [{"type": "button", "text": {"type": "plain_text", "text": button["title"]},
                     "value": button["payload"]} for button in buttons]
        blocks = [{"type": "section", "text": {"type": "plain_text", "text": text}},
                  {"type": "actions", "elements": elements}]
        await self._post_message(channel=self.slack_channel or recipient_id, text=text, blocks=blocks)


def why_undelivered(error: Exception) -> str:
    if isinstance(error, SlackApiError):
        return f"Slack answered HTTP {error.response.status_code} {error.response.get('error', '')}".rstrip()
    return f"{type(error).__name__}: {error}"


def delivery_failures_logged(on_new_message: OnNewMessage) -> OnNewMessage:
    """Rasa runs each Slack turn as a task of its own, whose error would end up as a
    traceback; the turn's events are stored before its replies go out."""
    async def handle(message: UserMessage) -> Any:
        try:
            return await on_new_message(message)
        except UNDELIVERED as error:
            log.error("Slack reply in conversation %s not delivered: %s", message.sender_id, why_undelivered(error))

    return handle


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
        blueprint = super().blueprint(delivery_failures_logged(guarded(on_new_message)))

        @blueprint.listener("before_server_stop")
        async def finish_turns(*_: Any) -> None:
            # Rasa answers Slack in tasks of their own, which a stopping server does not
            # wait for as it waits for open requests.
            if self._background_tasks:
                await asyncio.wait(self._background_tasks, timeout=STOPPING_GRACE_SECONDS)

        return blueprint

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
