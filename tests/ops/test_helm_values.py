"""ops/helm/values.yml, checked without a cluster: against the schemas of Rasa's charts
(copies in ops/helm/), and against what the charts' templates do with the values, which
the schemas cannot say (ops/helm/README.md names the templates)."""
import json
import re

import jsonschema
import yaml

from channels.credentials import credentials
from channels.tracker_store import ENDPOINT_TYPE
from ops.servers import ROOT

HELM = ROOT / "ops" / "helm"
VALUES = yaml.safe_load((HELM / "values.yml").read_text())
RASA_SCHEMA = json.loads((HELM / "rasa-values.schema.json").read_text())
ACTION_SERVER_SCHEMA = json.loads((HELM / "rasa-action-server-values.schema.json").read_text())
# Keys the templates read that the rasa chart's schema does not list.
UNLISTED = {("postgresql", "existingSecretKey"), ("redis", "existingSecret"), ("redis", "existingSecretPasswordKey"),
            ("redis", "master")}
# The environment the rasa chart gives the Rasa server itself (_containers-env.yaml and
# the helpers it includes).
CHART_ENVIRONMENT = {"DB_USER", "DB_HOST", "DB_PORT", "DB_DATABASE", "DB_PASSWORD", "REDIS_HOST", "REDIS_PORT",
                     "REDIS_PASSWORD", "RABBITMQ_HOST", "RABBITMQ_PORT", "RABBITMQ_USERNAME", "RABBITMQ_PASSWORD",
                     "RABBITMQ_QUEUE",
                     "ACTION_SERVER_URL", "RASA_DUCKLING_HTTP_URL", "MODEL_SERVER_TOKEN", "RASA_X_TOKEN",
                     "RASA_TOKEN", "JWT_SECRET", "RASA_TELEMETRY_ENABLED", "MPLCONFIGDIR", "TF_CPP_MIN_LOG_LEVEL"}
SETTINGS = VALUES["applicationSettings"]
ACTION_SERVER = VALUES["rasa-action-server"]


def unknown_keys(values, schema, path=()):
    """The keys of values, at any depth, that schema does not list where it lists keys."""
    properties = schema.get("properties")
    if properties is None or not isinstance(values, dict):
        return set()
    return set().union(*(unknown_keys(value, properties[key], path + (key,)) if key in properties
                         else {path + (key,)} for key, value in values.items()))


def test_the_values_are_valid_for_the_chart_and_its_action_server_chart():
    jsonschema.validate(VALUES, RASA_SCHEMA)
    jsonschema.validate(ACTION_SERVER, ACTION_SERVER_SCHEMA)


def test_every_key_is_one_the_charts_read():
    action_server = {"properties": {**ACTION_SERVER_SCHEMA["properties"],
                                    **RASA_SCHEMA["properties"]["rasa-action-server"]["properties"]}}
    schema = {"properties": {**RASA_SCHEMA["properties"], "rasa-action-server": action_server}}
    assert unknown_keys(VALUES, schema) == UNLISTED


def test_the_rasa_server_serves_the_images_model_with_the_speedups_and_no_http_api():
    assert SETTINGS["initialModel"] == "" and not SETTINGS["trainInitialModel"]
    assert "models" not in SETTINGS["endpoints"]
    assert not SETTINGS["enableAPI"]
    assert VALUES["command"] == ["python", "-m", "speedups"]
    assert VALUES["readinessProbe"]["httpGet"]["path"] == "/webhooks/status/"


def test_the_action_endpoint_is_written_and_the_action_server_runs_the_actions_from_the_same_image():
    assert ACTION_SERVER["install"] and not ACTION_SERVER.get("external", {}).get("enabled")
    command = ACTION_SERVER["command"]
    assert command[:5] == ["rasa", "run", "actions", "--actions", "actions"]
    container_port = ACTION_SERVER.get("applicationSettings", {}).get("port", 5055)  # the sub-chart's default
    assert command[command.index("--port") + 1] == str(container_port)
    assert (ACTION_SERVER["registry"], ACTION_SERVER["image"]) == (VALUES["registry"], VALUES["image"])


def test_the_channels_are_those_of_make_run_with_slack_whose_secrets_come_from_a_secret():
    assert SETTINGS["credentials"]["enabled"]
    with_slack = credentials({"SLACK_TOKEN": "set", "SLACK_SIGNING_SECRET": "set"})
    assert SETTINGS["credentials"]["additionalChannelCredentials"] == with_slack
    environment = {entry["name"]: entry for entry in VALUES["extraEnv"]}
    assert all(environment[name]["valueFrom"]["secretKeyRef"] for name in ("SLACK_TOKEN", "SLACK_SIGNING_SECRET"))


def test_only_the_website_with_the_widget_may_call_from_a_page():
    assert re.fullmatch(r"https://[\w.-]+(:\d+)?", SETTINGS["cors"])


def test_conversations_are_kept_in_postgresql_and_locked_in_redis_with_every_variable_set_once():
    tracker_store, lock_store = SETTINGS["endpoints"]["trackerStore"], SETTINGS["endpoints"]["lockStore"]
    assert tracker_store["enabled"] and (tracker_store["type"], tracker_store["dialect"]) == (ENDPOINT_TYPE, "postgresql")
    assert lock_store["enabled"] and lock_store["type"] == "redis"
    # The chart sets DB_* and REDIS_* only for a PostgreSQL and a Redis it installs or is told of.
    assert VALUES["postgresql"]["external"]["enabled"] and VALUES["redis"]["external"]["enabled"]
    assert set(re.findall(r"\$\{(\w+)\}", yaml.safe_dump(SETTINGS["endpoints"]))) <= CHART_ENVIRONMENT
    added = [entry["name"] for entry in VALUES["extraEnv"]]
    assert len(added) == len(set(added)) and not set(added) & CHART_ENVIRONMENT
