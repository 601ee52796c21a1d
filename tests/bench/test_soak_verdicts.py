"""How the soak judges a conversation, on made-up records (no servers)."""
from channels.policy import NO_ANSWER_REPLY
from bench.soak import PROFILES, Attempt, ConversationRecord, Step, TurnRecord, script, summary, targets_met, verdict

RESIDENT = PROFILES[0]
OWN_QUOTE = "You'd be: Member-in-training (MIT).\nNational dues for 2026: none, it is free."
OTHER_QUOTE = "You'd be: International member.\nNational dues for 2026: $391."


def record(*answers, profile=RESIDENT):
    steps = script(profile, 0)
    turns = [TurnRecord(step, [Attempt(200, 0.1, answer.split("\n"))] if answer else [Attempt(502, 0.1)])
             for step, answer in zip(steps, answers)]
    return ConversationRecord("visitor", profile, turns)


def answers_with(quote):
    return [quote if step.quote else "An answer." for step in script(RESIDENT, 0)]


def test_own_quotes_and_own_facts_are_ok():
    assert verdict(record(*answers_with(OWN_QUOTE)), dict(RESIDENT.facts)) == "ok"


def test_another_visitors_category_in_a_reply_is_crossed():
    answers = answers_with(OWN_QUOTE)
    answers[3] = OTHER_QUOTE
    assert verdict(record(*answers), dict(RESIDENT.facts)) == "crossed"


def test_another_visitors_facts_in_the_store_are_crossed():
    assert verdict(record(*answers_with(OWN_QUOTE)), {**RESIDENT.facts, "country": "DE"}) == "crossed"


def test_a_missing_fact_an_unanswered_turn_or_a_missing_quote_is_lost():
    missing_country = {name: value for name, value in RESIDENT.facts.items() if name != "country"}
    assert verdict(record(*answers_with(OWN_QUOTE)), missing_country) == "lost"
    unanswered = answers_with(OWN_QUOTE)
    unanswered[0] = None
    assert verdict(record(*unanswered), dict(RESIDENT.facts)) == "lost"
    assert verdict(record(*answers_with("What is your profession?")), dict(RESIDENT.facts)) == "lost"


def test_an_apology_is_not_an_answer_and_a_5xx_misses_the_targets():
    apologised = record(*answers_with(OWN_QUOTE))
    apologised.turns[0].attempts = [Attempt(200, 0.1, [NO_ANSWER_REPLY])]
    assert apologised.turns[0].answer is None
    report = summary([apologised], ["lost"], 1.0, [], "test")
    assert report["apologies"] == 1 and not targets_met(report)
    report = summary([record(*answers_with(OWN_QUOTE))], ["ok"], 1.0, [], "test")
    assert targets_met(report)
    failed = record(*([None] + answers_with(OWN_QUOTE)[1:]))
    assert summary([failed], ["lost"], 1.0, [], "test")["http_5xx"] == 1


def test_every_conversation_has_ten_turns_and_asks_for_its_quote():
    for number, profile in enumerate(PROFILES):
        steps = script(profile, number)
        assert len(steps) == 10 and Step(profile.message, True) in steps
