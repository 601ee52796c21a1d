"""The general rule before the profile form's first question.

A personal question the engine cannot answer yet ("i paid dues in january then retired in
february, refund?") starts the profile form, whose first question ("When did you tell the
ACR that you had retired?") does not state the rule the visitor asked about. When the
response selector is confident of an FAQ answer that states such a rule (the categories,
what a category costs, what changes after training, what its members may do) and that
answer fits what the visitor said about themselves, the form opens with it and then asks.
When the engine can answer at once that no category covers the visitor (a technologist,
a nurse), the eligibility answer they asked about opens instead, as the reason.
Pure functions over Rasa's parse data and the domain."""
from typing import Any, Dict, Iterable, Mapping, Optional

import membership
from membership.profile import parse_profile
from language.profile import missing_fields
from language.topics import (ANY_CATEGORY, ELIGIBILITY, Domain, as_engine_category, best_faq_answer, named_topic,
                             topic_metadata)
from language.confidence import FAQ_ANSWER_CONFIDENCE

# Answers that state a rule the engine then applies to the visitor's facts. Eligibility
# answers other than the overview and the rule for graduates waiting to match (who may
# only apply as international members-in-training) are left out: which category fits is
# what the form's questions find out, so one category's eligibility would prejudge it.
LEADING_TOPICS = frozenset({
    "who_can_join", "apply_from_abroad",
    "general_cost", "mit_cost", "international_dues", "allied_health_cost", "associate_cost", "retired_dues",
    "service_discount",
    "residency_to_fellowship", "mit_to_paid", "dues_after_graduation", "international_mit_transition",
    "international_vs_general", "associate_vs_general", "retired_rights",
})
# The messages that start the form: a personal question, or one the classifiers could not
# place that names a fact (a retiree asking about office can read as either, by a hair).
STARTING_INTENTS = frozenset({"ask_personal", "inform"})
# The response selector's confidence in its best answer; the same bar as the router's
# for answering a general question.
LEAD_CONFIDENCE = FAQ_ANSWER_CONFIDENCE
# The categories of one side of the border: the page's general and member-in-training
# categories are for the US and Canada, its international ones for everywhere else.
DOMESTIC_CATEGORIES = frozenset({"general", "member_in_training"})
INTERNATIONAL_CATEGORIES = frozenset({"international", "international_member_in_training"})


def fits(categories: Iterable[str], provisional_category: Optional[str], names_facts: bool,
         domestic: Optional[bool] = None) -> bool:
    """An answer about any category always fits; one about a category fits a visitor who said
    something about themselves that the engine has not placed in another category, and who
    is on that category's side of the border ("radiologist in Lagos ... what would it cost
    me?" does not open with general members' dues)."""
    categories = {as_engine_category(category) for category in categories}
    if ANY_CATEGORY in categories:
        return True
    other_side = set() if domestic is None else INTERNATIONAL_CATEGORIES if domestic else DOMESTIC_CATEGORIES
    return (names_facts and (provisional_category is None or provisional_category in categories)
            and not categories <= other_side)


def leading_topic(parse_data: Mapping[str, Any], domain: Domain, profile: Dict[str, Any]) -> Optional[str]:
    """The FAQ topic to answer before the form asks for what the engine still needs, or
    before the engine says that no category covers the visitor (the eligibility answer they
    asked about says who may join: "I'm a physician assistant ... maybe allied health?");
    None when no confident answer states a fitting rule."""
    # a stage or profession named is what the form places, not a category named
    named = named_topic(domain, parse_data.get("text") or "", parse_data.get("entities") or ())
    topic, confidence = (named, 1.0) if named else best_faq_answer(parse_data)
    metadata = topic_metadata(domain, topic) if topic else None
    if metadata is None or confidence < LEAD_CONFIDENCE:
        return None
    try:
        visitor = parse_profile(profile)
        answer = membership.quote(visitor)
    except membership.InvalidProfile:
        return None
    if not missing_fields(answer):  # the engine answers at once
        return topic if answer.get("eligible") is False and metadata.get("aspect") == ELIGIBILITY else None
    if topic not in LEADING_TOPICS:
        return None
    names_facts = any(field != "as_of" for field in profile)
    fitting = fits(metadata.get("categories", []), answer.get("category"), names_facts, visitor.is_domestic)
    return topic if fitting else None
