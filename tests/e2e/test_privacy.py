"""What visitors type stays out of the servers' logs at the default (INFO) level."""


def test_message_text_is_not_logged(assistant):
    secret = "my-unusual-phrase-7f3a about ACR dues"
    assistant.say("privacy", secret)
    logs = (assistant.workdir / "rasa.log").read_text() + (assistant.workdir / "actions.log").read_text()
    assert "my-unusual-phrase-7f3a" not in logs
    assert "Rasa server is up and running" in logs or "Starting Rasa server" in logs
