"""FAQ topics as the domain describes them: each `utter_faq/<topic>` response carries
metadata (title, categories, aspect, key facts, a longer `more`). Pure functions."""
import re
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple

from language.confidence import FAQ_CLEAR_ANSWER
from language.questions import asked
from language.vocabulary import code_for

FAQ_PREFIX = "utter_faq/"
ANY_CATEGORY = "any"  # in an answer's metadata: about every category ("Who can join the ACR?")
# FAQ metadata names students apart; the engine places them as members-in-training.
ENGINE_CATEGORIES = {"medical_student": "member_in_training"}

Domain = Dict[str, Any]
Events = Iterable[Dict[str, Any]]


def response_name(topic: str) -> str:
    return f"{FAQ_PREFIX}{topic}"


def topic_metadata(domain: Domain, topic: str) -> Optional[Dict[str, Any]]:
    variations = domain.get("responses", {}).get(response_name(topic))
    return (variations[0].get("metadata") or {}) if variations else None


def topic_title(domain: Domain, topic: str) -> str:
    """The question an FAQ answer answers, as its metadata names it, or the topic in words."""
    return (topic_metadata(domain, topic) or {}).get("title") or topic.replace("_", " ")


def as_engine_category(category: str) -> str:
    """The engine's category for a category named in FAQ metadata."""
    return ENGINE_CATEGORIES.get(category, category)


def faq_selection(parse_data: Mapping[str, Any]) -> Dict[str, Any]:
    """The response selector's output for FAQs in a message's parse data: its best
    `response` and its `ranking`."""
    return (parse_data.get("response_selector") or {}).get("faq") or {}


def topic_of(intent_response_key: Any) -> str:
    """"faq/general_cost" -> "general_cost"."""
    return str(intent_response_key or "").partition("/")[2]


def best_faq_answer(parse_data: Mapping[str, Any]) -> Tuple[Optional[str], float]:
    """The topic of the response selector's best FAQ answer and its confidence."""
    selected = faq_selection(parse_data).get("response") or {}
    return topic_of(selected.get("intent_response_key")) or None, float(selected.get("confidence") or 0.0)


def faq_margin(parse_data: Mapping[str, Any]) -> float:
    """How much surer the response selector is of its best FAQ answer than of the next."""
    confidences = [float(candidate.get("confidence") or 0.0) for candidate in faq_selection(parse_data).get("ranking") or []]
    return confidences[0] - confidences[1] if len(confidences) >= 2 else 1.0


# Below this, a topic of the response selector's ranking is no suggestion.
LIKELY = 0.05


def likely_topics(parse_data: Mapping[str, Any]) -> List[str]:
    """The FAQ topics a message likely asks about, best first."""
    ranking = faq_selection(parse_data).get("ranking") or []
    return [topic_of(candidate.get("intent_response_key")) for candidate in ranking
            if candidate.get("confidence", 0) >= LIKELY]


def all_topics(domain: Domain) -> List[str]:
    return [name[len(FAQ_PREFIX):] for name in domain.get("responses", {}) if name.startswith(FAQ_PREFIX)]


def topic_answered_by(event: Dict[str, Any]) -> Optional[str]:
    """The FAQ topic a bot message answers, or None for any other event."""
    utter_action = (event.get("metadata") or {}).get("utter_action") or ""
    if event.get("event") == "bot" and utter_action.startswith(FAQ_PREFIX):
        return utter_action[len(FAQ_PREFIX):]
    return None


def last_answered_topic(events: Events) -> Optional[str]:
    """The topic of the latest FAQ answer the assistant gave in this conversation."""
    return next(filter(None, map(topic_answered_by, reversed(list(events)))), None)


def find_topic(domain: Domain, category: str, aspect: str) -> Optional[str]:
    """The topic answering `aspect` (cost, eligibility, rights...) for `category`."""
    for topic in all_topics(domain):
        metadata = topic_metadata(domain, topic) or {}
        if category in metadata.get("categories", []) and metadata.get("aspect") == aspect:
            return topic
    return None


# Where a category has no topic of its own for an aspect, the one that covers it.
COVERED_BY = {
    "medical_student": "member_in_training",
    "international_member_in_training": "international",
}


def covering_topic(domain: Domain, category: Optional[str], aspect: str) -> Optional[str]:
    """The topic answering `aspect` for `category`, or for the category that covers it."""
    while category:
        topic = find_topic(domain, category, aspect)
        if topic:
            return topic
        category = COVERED_BY.get(category)
    return None


COST, RIGHTS, ELIGIBILITY = "cost", "rights", "eligibility"
ASPECT_PATTERNS = {
    # before cost: "how much after I finish?" asks what training's end changes
    "after_training": r"\bafter (i |you |we )?(finish|graduat|complet)|\bafter (my |the )?(training|residency|fellowship)\b"
                      r"|\bonce (i'?m |i am |i )?(done|finish|graduat)|\bwhen i (finish|graduate|complete)\b",
    COST: r"how much|cost|price|pay|dues|fee|\$|free|charge|expensive|refund",
    RIGHTS: r"office|chancellor|vote|elect|rights?\b|committee|same as|differen",
    ELIGIBILITY: r"\bwho\b|eligib|qualif|\bjoin|can i|apply|allowed|accept|\bopen to\b|\bmembership (category )?for\b",
}

# Entities that name a category of membership in other words.
CATEGORY_OF_ENTITY = {
    ("stage", "retired"): "retired",
    ("stage", "resident"): "member_in_training",
    ("stage", "fellow"): "member_in_training",
    ("stage", "student"): "medical_student",
    ("profession", "medical_student"): "medical_student",
    ("profession", "mri_scientist"): "allied_health",
    ("profession", "radiologist_assistant"): "allied_health",
    # technologists and others: the allied health answer says which professions beside physicians may join
    ("profession", "other"): "allied_health",
    # physicians outside radiology: "I'm an emergency medicine doc, not practising radiology"
    ("specialty", "other"): "allied_health",
    # the boards the general eligibility answer names: "does ABNM count?"
    **{("board", board): "general" for board in ("ABR", "AOBR", "RCPSC", "CMQ", "ABNM", "ABMS_other")},
    ("board", "ARRT"): "allied_health",
}
# A visitor's stage or board whose rule one answer states: an international graduate
# waiting to match, or certified by the ECFMG, applies as the answer on applying from abroad says.
RULE_OF_ENTITY = {
    ("stage", "awaiting_residency"): "apply_from_abroad",
    ("board", "ECFMG"): "apply_from_abroad",
}


def aspect_of(text: str) -> Optional[str]:
    lowered = text.lower()
    return next((aspect for aspect, pattern in ASPECT_PATTERNS.items() if re.search(pattern, lowered)), None)


def category_of(entities: Iterable[Dict[str, Any]]) -> Optional[str]:
    """The membership category named in the message, if any."""
    return next(filter(None, map(entity_category, entities)), None)


def entity_category(entity: Mapping[str, Any]) -> Optional[str]:
    """The category an entity names: a category, or a stage or profession that has one."""
    label, value = entity.get("entity"), entity.get("value", "")
    code = code_for(label, value)
    return code if label == "category" else CATEGORY_OF_ENTITY.get((label, code))


# Trainees abroad are international members-in-training: "can residents outside the US
# join?", "any ACR membership for junior doctors outside the US who aren't in radiology
# training?" (whose answer says which training counts).
TRAINEES = {"member_in_training"}
IN_TRAINING = re.compile(r"\b(training|trainees?)\b")


def category_and_aspect(text: str, entities: Iterable[Dict[str, Any]],
                        implied: bool = True) -> Tuple[Optional[str], Optional[str]]:
    """The one category of membership the message's question names ("... What is general
    membership going to cost me now?"), or with `implied` also through a profession or stage
    ("are rad techs eligible?"), not its background, None for none or several; and what the
    question asks of it (aspect_of)."""
    question = asked(text or "")
    lowered = question.lower()
    named = {entity_category(entity) for entity in entities if entity.get("value", "").lower() in lowered
             and (implied or entity.get("entity") == "category")}
    named.discard(None)
    if implied and "international" in named and (IN_TRAINING.search(lowered) or named & TRAINEES):
        named = (named - TRAINEES - {"international"}) | {"international_member_in_training"}
    return (named.pop() if len(named) == 1 else None), aspect_of(question)


# The page speaks of someone only in one answer: of program directors, where it says they
# upload their residents to the Trainee Update database. A question naming them with what
# that answer says they do is asked of that answer ("does my program director sign us all
# up or do i have to apply individually": how to join 0.52).
PROGRAM_DIRECTOR = r"\b(program director|pd|program coordinator|residency coordinator)s?\b"
ENROLLING = r"\b(add|upload|enrol|enroll|register|sign|submit|put)\w*\b"
# ... and of lower dues for anyone but the military, only for the first years of practice.
EARLY_CAREER = (r"\b(early[- ]career|young (radiologists?|physicians?|members?)|new(ly)? (attendings?|grads?|graduates?)"
                r"|recent (grads?|graduates?)|first (few |four |couple of )?years (of|in) practice)\b")
LOWER_DUES = r"\b(discount\w*|reduced|lower|cheaper|prorat\w*)\b"
PHRASED_TOPICS = {
    "trainee_update_database": re.compile(f"{PROGRAM_DIRECTOR}.*{ENROLLING}|{ENROLLING}.*{PROGRAM_DIRECTOR}", re.IGNORECASE),
    "dues_after_graduation": re.compile(f"{EARLY_CAREER}.*{LOWER_DUES}|{LOWER_DUES}.*{EARLY_CAREER}", re.IGNORECASE),
}


def phrased_topic(text: str) -> Optional[str]:
    """The one answer whose subject the question names in its words (PHRASED_TOPICS)."""
    return next((topic for topic, pattern in PHRASED_TOPICS.items() if pattern.search(text or "")), None)


# "did my residency in the US ... If I do my fellowship in Canada instead, does my free
# membership continue?": whether it stays free between residency and a fellowship is a
# question the page asks and answers itself, for everyone in that situation.
STAYS_FREE = re.compile(r"\b(continues?|carr(y|ies) over|(still|stay|stays|remain|remains) (free|complimentary)"
                        r"|keep (my |the )?(free |complimentary )?(membership|status)|lose (my |the )?(free )?membership)\b",
                        re.IGNORECASE)
INTO_FELLOWSHIP = "residency_to_fellowship"
SITUATION_TOPICS = (INTO_FELLOWSHIP,)


def asks_if_it_stays_free(text: str) -> bool:
    return bool(STAYS_FREE.search(asked(text or "")))


def situation_answer(facts: Mapping[str, Any], text: str) -> Optional[str]:
    """The answer the page gives for the visitor's situation (language.facts), when the
    question asks what that answer tells."""
    into_fellowship = facts.get("completed_residency") and facts.get("stage") == "fellow"
    return INTO_FELLOWSHIP if into_fellowship and asks_if_it_stays_free(text) else None


def is_overview(domain: Domain, topic: Optional[str]) -> bool:
    """The answer on who can join, about every category ("Who can join the ACR?")."""
    metadata = topic_metadata(domain, topic or "") or {}
    return metadata.get("categories") == [ANY_CATEGORY] and metadata.get("aspect") == ELIGIBILITY


# "I'm a PGY2, what are all the membership types?" asks for the overview itself.
EVERY_CATEGORY = re.compile(r"\b(all|every|list|types|kinds|options|categories)\b", re.IGNORECASE)


def asks_for_every_category(question: str) -> bool:
    return bool(EVERY_CATEGORY.search(question))


def own_category_answer(domain: Domain, facts: Mapping[str, Any]) -> Optional[str]:
    """In place of the overview of who can join, for a visitor whose facts (language.facts)
    say who they are ("I'm an emergency medicine doc, not practising radiology. Can I still
    become member?"), the answer for them: the rule of their stage or board (an
    international graduate waiting to match), or their one category's eligibility (allied
    health); None for none or several."""
    named = [(field, facts[field]) for field in ("stage", "profession", "specialty") if facts.get(field)]
    named += [("board", board) for board in facts.get("certifications") or ()]
    rules = {RULE_OF_ENTITY.get(fact) for fact in named} - {None}
    if rules:
        return rules.pop() if len(rules) == 1 else None
    categories = {CATEGORY_OF_ENTITY.get(fact) for fact in named} - {None}
    return covering_topic(domain, categories.pop(), ELIGIBILITY) if len(categories) == 1 else None


def named_topic(domain: Domain, text: str, entities: Iterable[Dict[str, Any]]) -> Optional[str]:
    """The answer about the category the question names as such, for what it asks of it."""
    category, aspect = category_and_aspect(text, entities, implied=False)
    return find_topic(domain, category, aspect) if category and aspect else None


def settled_by_named_category(domain: Domain, category: Optional[str], aspect: Optional[str],
                              best_topic: Optional[str], confidence: float) -> Optional[str]:
    """The answer to what a question asks (aspect) of the category it names, in place of a
    best answer the response selector is unsure of that asks the same of another category
    ("is a UK board (FRCR) accepted for general membership or only the american / canadian
    boards?": international eligibility 0.40, general eligibility 0.17), or asks something
    else of the same one ("is associate the same as active membership?": associate
    eligibility). A best answer about another aspect of another category stays: the
    question may ask what the aspect words miss ("... as a full member, and when would I
    start paying?": what changes after training)."""
    if confidence >= FAQ_CLEAR_ANSWER:
        return None
    topic = find_topic(domain, category, aspect) if category and aspect else None
    if topic is None or topic == best_topic:
        return None
    best = topic_metadata(domain, best_topic or "") or {}
    same_category, same_aspect = category in best.get("categories", []), best.get("aspect") == aspect
    # another aspect only among those the words tell apart: "student membership only for
    # students who want to become radiologists?" reads as eligibility, but asks what they
    # want to become ("undecided on radiology")
    return topic if same_aspect != same_category and best.get("aspect") in ASPECT_PATTERNS else None


def silent_on_named_rights(domain: Domain, category: Optional[str], aspect: Optional[str],
                           best_topic: Optional[str]) -> bool:
    """A question about the rights (office, votes) of a category the page says nothing of
    them for, read as another category's rights: "can residents vote in ACR elections"
    (international members' rights, 0.29). The page states them for international,
    associate and retired members only."""
    if not category or aspect != RIGHTS or covering_topic(domain, category, RIGHTS):
        return False
    return category not in (topic_metadata(domain, best_topic or "") or {}).get("categories", [])
