"""Finding every question in a message, and which answer each one gets.

Visitors write "is it free for residents? and does it stay free through fellowship", or
three sentences about themselves and then the question. The message is cut into
sentences, and a sentence into clauses where a new question starts (", and is there
...", " and how do I ..."); each part is a question (a question mark, a question word
first, or "I'd like to know") or background, which is read for facts and not answered.
The NLU pipeline classifies each question on its own (nlp/components.py), and `plan`
decides the answers: up to three, in the order asked, each topic once."""
import re
from dataclasses import dataclass, field, replace
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from language.confidence import FAQ_ANSWER_CONFIDENCE, FAQ_ANSWER_FLOOR, FAQ_CLEAR_ANSWER
from language.facts import FIRST_PERSON

MAX_ANSWERS = 3
MIN_QUESTION_WORDS = 3
QUESTION_START = (
    r"(?:is|are|am|was|were|do|does|did|can|could|will|would|should|shall|may|must|have|has|how|what|whats|what's"
    r"|when|where|which|who|whom|whose|why|whether|any|if i|if we)"
)
LEADING_CONJUNCTION = re.compile(r"^(?:and|also|plus|but|so|or)\s+", re.IGNORECASE)
# A question word first, or first after a dash or colon ("retired now - can I still serve?").
QUESTION_WORD = re.compile(rf"(?:^|\s[-–—:]\s*)\W*(?:and|also|plus|but|so|or|then|ok|okay|oh)?\W*{QUESTION_START}\b",
                           re.IGNORECASE)
ASKING = re.compile(
    r"\b(?:i(?:'d| would)? (?:like|want|need) to know|wondering|wonder (?:if|whether)|tell me|let me know|"
    r"could you (?:explain|clarify)|please (?:explain|advise|clarify)|any (?:idea|info|advice))\b", re.IGNORECASE)
SENTENCE_END = re.compile(r"(?<=[.?!])\s+|\n+")
# A full stop after one of these does not end the sentence ("U.S.", "Dr.", "e.g.").
ABBREVIATION = re.compile(r"(?:\b[A-Za-z]|\b(?:dr|mr|ms|mrs|st|vs|jr|sr|etc|approx|incl|e\.g|i\.e))\.$", re.IGNORECASE)
# A clause that starts a new question: after a comma or semicolon, or after "and" / "also"
# when a question word follows ("who can join and how do I apply").
CLAUSE_START = re.compile(
    rf"[,;]\s*(?=(?:(?:and|also|plus|but|or)\s+)?{QUESTION_START}\b)|\s+(?=(?:and|also|plus)\s+(?:also\s+)?{QUESTION_START}\b)",
    re.IGNORECASE)


@dataclass(frozen=True)
class Part:
    text: str
    is_question: bool


def parts(text: str) -> List[Part]:
    """The message's sentences and question clauses, in order."""
    return [Part(clause, is_question(clause)) for sentence in sentences(text) for clause in clauses(sentence)]


def sentences(text: str) -> List[str]:
    found: List[str] = []
    for piece in SENTENCE_END.split((text or "").strip()):
        if found and ABBREVIATION.search(found[-1]):
            found[-1] = f"{found[-1]} {piece}"
        elif piece.strip():
            found.append(piece.strip())
    return found


# "..., which looks student friendly.": a relative clause, not a question of its own.
RELATIVE_CLAUSE = re.compile(r"^(?:which|who|whom|whose|where)\b(?!.*\?\s*$)", re.IGNORECASE)
# "If I do my fellowship in Canada, does my free membership continue?": the condition
# belongs to the question after it.
CONDITION = re.compile(r"^(?:and |but |so )?(?:if|once)\b(?!.*\?\s*$)", re.IGNORECASE)


def clauses(sentence: str) -> List[str]:
    pieces = [piece.strip(" ,;") for piece in CLAUSE_START.split(sentence)]
    merged: List[str] = []
    for piece in pieces:
        # "how much and when do I pay": a piece too short to stand alone stays with the one before.
        # ("ok thanks, and is there a discount?": a short piece that asks nothing stays apart)
        if merged and (len(piece.split()) < MIN_QUESTION_WORDS or is_short_question(merged[-1])
                       or RELATIVE_CLAUSE.match(piece) or is_bare_condition(merged[-1])):
            merged[-1] = f"{merged[-1]}, {piece}"
        else:
            merged.append(piece)
    return [piece for piece in merged if piece]


def is_short_question(clause: str) -> bool:
    return len(clause.split()) < MIN_QUESTION_WORDS and is_question(clause)


def is_bare_condition(clause: str) -> bool:
    return bool(CONDITION.match(clause)) and "," not in clause


# "Canadian citizen here, did my residency in the US on a J1.": a statement without its "I".
DROPPED_SUBJECT = re.compile(r"^\W*(?:did|had|have) my\b", re.IGNORECASE)


def is_question(clause: str) -> bool:
    if clause.rstrip().endswith("?"):
        return True
    # "if I retire in June, do I get a refund": the question follows the condition
    asked = clause.split(",", 1)[1].strip() if CONDITION.match(clause) and "," in clause else clause
    return not DROPPED_SUBJECT.match(clause) and bool(QUESTION_WORD.search(asked) or ASKING.search(clause))


# "international grad starting residency in july, what membership": a question at the end.
QUESTION_AT_THE_END = re.compile(rf"[,;:]\s*{QUESTION_START}\b[^,;:]*$", re.IGNORECASE)


def asks_anything(text: str) -> bool:
    """Whether any part of a message is a question ("im retiring next month, can i switch?")."""
    return any(part.is_question for part in parts(text)) or bool(QUESTION_AT_THE_END.search(text))


def questions(text: str) -> List[str]:
    """The questions a message asks, when it asks more than one or gives background first;
    empty when the message is one plain question (the whole message is then read as is)."""
    return questions_in(parts(text))


def questions_in(found: Sequence[Part]) -> List[str]:
    """questions(), from the message's parts."""
    asked = [LEADING_CONJUNCTION.sub("", part.text) for part in found if part.is_question]
    return asked if len(asked) >= 2 or (asked and len(found) > len(asked)) else []


def in_context(text: str) -> List[Optional[str]]:
    """Each question of a message of several after its background ("... Already paid this
    year's dues in January. Can I get that money back?"): a question that leans on the
    background says more with it. None for a question that leans on the question before
    it ("... What membership can I get, and how much?"). Empty without background or with
    one question (the whole message is then that question in its context)."""
    return contexts_in(parts(text))


def contexts_in(found: Sequence[Part]) -> List[Optional[str]]:
    """in_context(), from the message's parts."""
    background = " ".join(part.text for part in found if not part.is_question)
    asked = questions_in(found)
    if not background or len(asked) < 2:
        return []
    return [None if number and leans_on_question_before(question) else f"{background} {question}"
            for number, question in enumerate(asked)]


def leans_on_question_before(question: str) -> bool:
    """"and how much?", "can they hold office?": short, or pointing back."""
    return len(question.split()) <= SHORT_QUESTION_WORDS or bool(REFERS_BACK.search(question))


@dataclass(frozen=True)
class Reading:
    """What the classifiers made of one question: its intent and the best FAQ answer."""
    text: str
    intent: str
    topic: Optional[str]
    topic_confidence: float
    names_facts: bool = False  # about the visitor: a profession, stage, country...
    likely_topics: Tuple[str, ...] = ()  # the response selector's likelier answers, best first
    bare_cost: bool = False  # asks a cost and names no one and nothing: "how much is the membership"


@dataclass(frozen=True)
class Answer:
    # "faq", "personal", "not_on_page", "followup": about the answer before it, its own
    # reading (topic) kept for when the answer before it does not settle it; or "unsure":
    # a page question the classifiers could not place, with the topics it likely asks about
    kind: str
    topic: Optional[str] = None
    question: str = field(default="", compare=False)
    suggestions: Tuple[str, ...] = field(default=(), compare=False)

    def as_dict(self) -> Dict[str, Any]:
        return {"kind": self.kind, "topic": self.topic, "question": self.question,
                "suggestions": list(self.suggestions)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Answer":
        return cls(data["kind"], data.get("topic"), data.get("question", ""), tuple(data.get("suggestions") or ()))


PERSONAL = Answer("personal")
NOT_ON_PAGE = Answer("not_on_page")
# The intents under which a clear FAQ answer is what the question asks for.
READ_AS_PAGE_QUESTIONS = frozenset({"faq", "followup", "nlu_fallback", "inform"})
# "and what does that cost", "can they hold office": a question about the one before it.
# ("whats the fee" after a question about one category asks that category's fee.)
REFERS_BACK = re.compile(r"\b(?:it|that|this|they|them|their|those|these|then)\b|\bthe (?:fees?|cost|price|dues|rate)\b",
                         re.IGNORECASE)


def answer_for(reading: Reading, personal_message: bool) -> Optional[Answer]:
    """The answer one question gets, or None when the classifiers could not place it."""
    if reading.intent == "not_on_page":
        return NOT_ON_PAGE
    about_visitor = FIRST_PERSON.search(reading.text) and not SOMEONE_ELSE.search(reading.text)
    # in a message about the visitor, a cost that names no one is theirs
    if reading.intent == "ask_personal" or (personal_message and (about_visitor or reading.bare_cost)):
        return PERSONAL
    topic = confident_topic(reading)
    if reading.intent == "followup" or REFERS_BACK.search(reading.text):
        return Answer("followup", topic, suggestions=reading.likely_topics)
    return Answer("faq", topic) if topic and reading.intent in READ_AS_PAGE_QUESTIONS else None


def unsure_answer(reading: Reading) -> Optional[Answer]:
    """A page question whose answer the classifiers are not sure enough of is not passed
    over: the visitor is asked which of its likelier topics they meant."""
    placeable = reading.intent in READ_AS_PAGE_QUESTIONS and reading.topic_confidence >= FAQ_ANSWER_FLOOR
    if placeable and reading.likely_topics:
        return Answer("unsure", suggestions=reading.likely_topics)
    return None


def confident_topic(reading: Reading) -> Optional[str]:
    # The response selector alone decides only when it is clear; with DIET's "faq" it may be surer.
    bar = FAQ_ANSWER_CONFIDENCE if reading.intent == "faq" else FAQ_CLEAR_ANSWER
    return reading.topic if reading.topic and reading.topic_confidence >= bar else None


def clear_page_answer(reading: Reading) -> Optional[Answer]:
    """The page's answer to a question about the visitor whose FAQ answer the response
    selector is sure of ("when exactly does my free membership stop", "what do I owe in
    the first year" after training): given beside the engine's answer, unless the engine's
    answer decides it (actions: engine_covers)."""
    clear = reading.intent in ("faq", "ask_personal") and reading.topic and reading.topic_confidence >= FAQ_CLEAR_ANSWER
    return Answer("faq", reading.topic) if clear else None


# "when would I qualify?", "do I still pay dues after that": short, or pointing back.
SHORT_QUESTION_WORDS = 4
# "is it free?", "and after I finish?", "what about fellows?": a message of its own that
# leans on the answer before it.
LEANING_MESSAGE_WORDS = 7
CONTINUES = re.compile(r"^\W*(?:and|so|what about|how about|and what about|then)\b", re.IGNORECASE)


def leans_on_answer_before(text: str, names_facts: bool) -> bool:
    """"is it free?" leans back, "is it free for residents?" names what it asks about;
    "what about fellows?" takes the rest from the answer before."""
    short = len(text.split()) <= LEANING_MESSAGE_WORDS
    return short and bool(CONTINUES.match(text) or (REFERS_BACK.search(text) and not names_facts))


def asks_about_answer_before(reading: Reading, personal_message: bool, answers: Sequence[Answer]) -> bool:
    """A question in the first person that names nothing about the visitor, after a page
    answer in a message that says nothing about them either, asks about that answer: the
    engine could only start asking who they are."""
    return (not personal_message and not reading.names_facts and any(answer.kind == "faq" for answer in answers)
            and leans_on_question_before(reading.text))


def without(questions_asked: Sequence[str], text: str, entities: Sequence[Mapping[str, Any]]):
    """The message with other questions blanked out, and the entities outside them: facts in
    "is there a military discount for my attending?" are not the visitor's own."""
    spans = [(start, start + len(question)) for question in questions_asked
             for start in [text.find(question)] if question and start >= 0]
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    kept = [entity for entity in entities
            if not any(start <= entity.get("start", -1) < end for start, end in spans)]
    return text, kept


# About someone else: "is there a military discount for my attending?"
SOMEONE_ELSE = re.compile(r"\b(?:he|him|his|she|her|hers|my (?:attending|wife|husband|partner|spouse|colleague|friend|"
                          r"son|daughter|boss|chair|resident|student|co-?resident|co-?fellow|co-?worker|classmate|"
                          r"mentor|program director|pd|mother|father|mom|dad|brother|sister|kid|child)s?)\b",
                          re.IGNORECASE)
# Aspects of an FAQ answer that the engine's answer for the visitor already decides.
ENGINE_ASPECTS = frozenset({"cost", "eligibility"})


def engine_covers(answer: Answer, aspect: Optional[str]) -> bool:
    """In a message about the visitor, "whats the fee" asks the visitor's own fee: the
    engine's answer covers it, unless the question is about someone else."""
    return answer.kind == "faq" and aspect in ENGINE_ASPECTS and not SOMEONE_ELSE.search(answer.question)


def about_others(text: str, answers: Sequence[Answer]) -> List[str]:
    """The parts of a message that are not about the visitor: the questions answered from
    the page ("is there a discount for the navy?"), and background about someone else ("my
    attending is in the reserves")."""
    return page_questions(answers) + background_about_someone_else(text)


def about_someone_else(text: str, answers: Sequence[Answer]) -> List[str]:
    """The questions and background that are about someone else: when nothing else in the
    message says who the visitor is, the page questions are theirs ("can a med student from
    Pakistan join? what would I pay")."""
    asked = [question for question in page_questions(answers) if SOMEONE_ELSE.search(question)]
    return asked + background_about_someone_else(text)


def page_questions(answers: Sequence[Answer]) -> List[str]:
    return [answer.question for answer in answers if answer != PERSONAL]


def background_about_someone_else(text: str) -> List[str]:
    return [part.text for part in parts(text) if not part.is_question and SOMEONE_ELSE.search(part.text)]


def asked(text: str) -> str:
    """The questions of a message without its background; all of it when it is one question."""
    return " ".join(questions(text)) or text


def plan(readings: Sequence[Reading], personal_message: bool) -> List[Answer]:
    """The answers to give, in the order asked, each once, at most MAX_ANSWERS."""
    answers: List[Answer] = []
    for reading in readings:
        answer = answer_for(reading, personal_message) or unsure_answer(reading)
        if answer == PERSONAL and asks_about_answer_before(reading, personal_message, answers):
            answer = Answer("followup", confident_topic(reading))
        page_answer = clear_page_answer(reading) if answer == PERSONAL and personal_message and len(readings) > 1 else None
        if page_answer and page_answer not in answers:
            answers.append(replace(page_answer, question=reading.text))
        if answer and answer.kind == "faq" and leans_on_question_before(reading.text):
            answer = Answer("followup", answer.topic)  # "What membership can I get, and how much?"
        if answer and answer.kind == "followup" and not any(earlier.kind == "faq" for earlier in answers):
            # nothing before it to follow up on: its own reading, if it has one
            answer = Answer("faq", answer.topic) if answer.topic else None
        # Two follow-ups are two questions ("how much do they pay, and can they hold office?"),
        # however alike their own readings; the action answers each topic once.
        if answer and (answer.kind in ("followup", "unsure") or answer not in answers):
            answers.append(replace(answer, question=reading.text))
    return answers[:MAX_ANSWERS]
