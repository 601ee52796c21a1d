"""The question collector folds each question's reading back into the visitor's message; a
question naming a category gets its answer when the response selector was unsure."""
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import ENTITIES, INTENT, RESPONSE_SELECTOR, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlp.components import IN_CONTEXT_OF, QUESTION_OF, QUESTIONS, NamedCategoryAnswer, QuestionCollector, intent_of
from language.topics import best_faq_answer

BACKGROUND = "Saw in the news that dues went up for physicians and physicists."
QUESTION = "What is general membership going to cost me now?"


def selection(topic, confidence):
    return {"faq": {"response": {"intent_response_key": f"faq/{topic}", "confidence": confidence}, "ranking": []}}


def message(text, intent, topic, confidence, question_of=None):
    data = {TEXT: text, INTENT: {"name": intent, "confidence": 1.0}, RESPONSE_SELECTOR: selection(topic, confidence)}
    if question_of is not None:
        data[QUESTION_OF] = question_of
    return Message(data=data)


def collect(whole, *questions):
    return QuestionCollector().process([whole, *questions])


def test_a_personal_message_takes_the_clearer_faq_answer_of_its_one_question_and_stays_personal():
    [folded] = collect(message(f"{BACKGROUND} {QUESTION}", "ask_personal", "international_dues", 0.4),
                       message(QUESTION, "faq", "general_cost", 0.69, question_of=0))
    assert intent_of(folded) == "ask_personal" and best_faq_answer(folded.data) == ("general_cost", 0.69)


def test_a_personal_message_keeps_its_own_faq_answer_when_surer():
    [folded] = collect(message(f"{BACKGROUND} {QUESTION}", "ask_personal", "general_cost", 0.8),
                       message(QUESTION, "faq", "international_dues", 0.6, question_of=0))
    assert best_faq_answer(folded.data) == ("general_cost", 0.8)


def test_one_page_question_after_background_takes_its_own_reading():
    [folded] = collect(message(f"{BACKGROUND} Is there a military discount?", "out_of_scope", "benefits", 0.3),
                       message("Is there a military discount?", "faq", "service_discount", 0.95, question_of=0))
    assert intent_of(folded) == "faq" and best_faq_answer(folded.data) == ("service_discount", 0.95)


def test_two_page_questions_make_several_questions():
    [folded] = collect(message("who can join, and is there a military discount?", "faq", "who_can_join", 0.6),
                       message("who can join", "faq", "who_can_join", 0.9, question_of=0),
                       message("is there a military discount?", "faq", "service_discount", 0.95, question_of=0))
    assert intent_of(folded) == "several_questions"
    assert [answer["topic"] for answer in folded.get(QUESTIONS)] == ["who_can_join", "service_discount"]


def unplaced(text, topic, confidence):
    part = message(text, "nlu_fallback", topic, confidence, question_of=0)
    part.get(RESPONSE_SELECTOR)["faq"]["ranking"] = [{"intent_response_key": f"faq/{topic}", "confidence": confidence}]
    return part


def test_questions_that_are_unclear_alone_keep_the_whole_messages_clear_reading():
    whole = "med studnt wanna join, what do i get and do i pay"
    parts = [unplaced("what do i get", "benefits", 0.3), unplaced("do i pay", "mit_cost", 0.29)]
    [folded] = collect(message(whole, "faq", "student_membership", 0.82), *parts)
    assert intent_of(folded) == "faq" and best_faq_answer(folded.data) == ("student_membership", 0.82)
    assert folded.get(QUESTIONS) is None
    [unclear] = collect(message(whole, "faq", "student_membership", 0.4), *parts)
    assert intent_of(unclear) == "several_questions" and [q["kind"] for q in unclear.get(QUESTIONS)] == ["unsure"] * 2


BACKGROUND_OF_TWO = "Retiring in May. Already paid this year's dues in January."


def test_a_question_of_several_is_read_after_the_background_when_that_places_it_surer():
    money_back, vote = "Can I get that money back?", "Can I still vote?"
    whole = message(f"{BACKGROUND_OF_TWO} {money_back} {vote}", "faq", "benefits", 0.5)
    alone = [message(money_back, "faq", "benefits", 0.75, question_of=0),
             message(vote, "faq", "retired_rights", 0.95, question_of=0)]
    in_context = [message(f"{BACKGROUND_OF_TWO} {money_back}", "faq", "retired_dues", 0.99, question_of=0),
                  message(f"{BACKGROUND_OF_TWO} {vote}", "faq", "retired_eligibility", 0.6, question_of=0)]
    for number, part in enumerate(in_context):
        part.set(IN_CONTEXT_OF, number)
    [folded] = collect(whole, *alone, *in_context)
    assert [(answer["topic"], answer["question"]) for answer in folded.get(QUESTIONS)] == [
        ("retired_dues", money_back), ("retired_rights", vote)]


def test_a_question_the_background_places_less_surely_keeps_its_own_reading():
    whole = message(f"{BACKGROUND_OF_TWO} Is there a military discount? Can I still vote?", "faq", "benefits", 0.5)
    alone = [message("Is there a military discount?", "faq", "service_discount", 0.6, question_of=0),
             message("Can I still vote?", "faq", "retired_rights", 0.95, question_of=0)]
    unsure = message(f"{BACKGROUND_OF_TWO} Is there a military discount?", "faq", "retired_dues", 0.55, question_of=0)
    unsure.set(IN_CONTEXT_OF, 0)
    [folded] = collect(whole, *alone, unsure)
    assert [answer["topic"] for answer in folded.get(QUESTIONS)] == ["service_discount", "retired_rights"]


def test_a_follow_up_with_nothing_before_it_is_answered_as_the_page_question_it_reads_as():
    whole = "I'm a nuclear medicine tech. Can I be a member, and how much is it?"
    [folded] = collect(message(whole, "followup", "general_cost", 0.5),
                       unplaced("Can I be a member", "who_can_join", 0.2),
                       message("and how much is it?", "followup", "general_cost", 0.97, question_of=0))
    assert intent_of(folded) == "faq" and best_faq_answer(folded.data) == ("general_cost", 0.97)


def test_one_question_about_the_visitor_after_background_makes_the_message_personal():
    question = "can i join now as a student or do i have to wait until I'm an RRA?"
    [folded] = collect(message(f"I'm an RT(R) and I'm about to start an RA program. {question}", "goodbye", None, 0.0),
                       message(question, "ask_personal", "allied_health_eligibility", 0.4, question_of=0))
    assert intent_of(folded) == "ask_personal"


def faq_answers(domain):
    return {name: variants for name, variants in domain["responses"].items() if name.startswith("utter_faq/")}


def trained_named_category_answer(tmp_path, domain):
    storage, resource = LocalModelStorage(tmp_path), Resource("named_category_answer")
    context = ExecutionContext(GraphSchema({}), "test")
    NamedCategoryAnswer.create({}, storage, resource, context).train(
        TrainingData(responses={**faq_answers(domain), "utter_greet": [{"text": "Hi!"}]}))
    return NamedCategoryAnswer.load({}, storage, resource, context)  # the answers travel in the model


def test_the_named_categorys_answer_swaps_places_with_an_unsure_best_answer(tmp_path, domain, entities_of):
    component, answers = trained_named_category_answer(tmp_path, domain), faq_answers(domain)
    text = "is a UK board (FRCR) accepted for general membership or only the american / canadian boards?"
    read = message(text, "faq", "international_eligibility", 0.40)
    read.set(ENTITIES, entities_of(text))
    read.get(RESPONSE_SELECTOR)["faq"]["ranking"] = [
        {"intent_response_key": f"faq/{topic}", "confidence": confidence}
        for topic, confidence in [("international_eligibility", 0.40), ("international_vs_general", 0.2),
                                  ("general_eligibility", 0.17)]]
    [settled] = component.process([read])
    selected = settled.get(RESPONSE_SELECTOR)["faq"]
    assert best_faq_answer(settled.data) == ("general_eligibility", 0.40)
    assert selected["response"]["utter_action"] == "utter_faq/general_eligibility"
    assert selected["response"]["responses"] == answers["utter_faq/general_eligibility"]
    assert [(entry["intent_response_key"], entry["confidence"]) for entry in selected["ranking"]] == [
        ("faq/general_eligibility", 0.40), ("faq/international_vs_general", 0.2), ("faq/international_eligibility", 0.17)]


def test_a_message_naming_no_category_keeps_its_reading(tmp_path):
    component = NamedCategoryAnswer(LocalModelStorage(tmp_path), Resource("named"), {})
    [kept] = component.process([message("how much are dues", "faq", "general_cost", 0.4)])
    assert best_faq_answer(kept.data) == ("general_cost", 0.4)


def test_rights_the_page_states_for_no_such_member_are_not_on_the_page(tmp_path, domain, entities_of):
    text = "can residents vote in ACR elections"
    read = message(text, "faq", "international_vs_general", 0.29)
    read.set(ENTITIES, entities_of(text))
    [silent] = trained_named_category_answer(tmp_path, domain).process([read])
    assert intent_of(silent) == "not_on_page"


def test_a_what_if_after_thanks_is_the_what_if():
    [folded] = collect(message("thanks! what about if i come to the US for fellowship later", "thank", "contact", 0.2),
                       message("what about if i come to the US for fellowship later", "what_if", "contact", 0.2,
                               question_of=0))
    assert intent_of(folded) == "what_if"


def ranked(read, *topics_and_confidences):
    read.get(RESPONSE_SELECTOR)["faq"]["ranking"] = [
        {"intent_response_key": f"faq/{topic}", "confidence": confidence} for topic, confidence in topics_and_confidences]
    return read


def test_the_overview_asked_after_saying_who_you_are_gives_the_answer_about_you(tmp_path, domain, entities_of):
    background = "I'm an IMG starting the long road: ECFMG certification, USMLE, then hopefully a US radiology residency."
    question = "Which ACR membership could I have while I'm still applying"
    whole = message(f"{background} {question}", "faq", "img_matched_us_residency", 0.33)
    whole.set(ENTITIES, entities_of(whole.get(TEXT)))
    # read alone, the question does not rank the answer about the visitor at all
    part = ranked(message(question, "faq", "who_can_join", 0.9, question_of=0), ("who_can_join", 0.9), ("how_to_join", 0.05))
    part.set(ENTITIES, entities_of(question))
    [_, settled] = trained_named_category_answer(tmp_path, domain).process([whole, part])
    assert best_faq_answer(settled.data) == ("apply_from_abroad", 0.9)
    assert [entry["intent_response_key"] for entry in settled.get(RESPONSE_SELECTOR)["faq"]["ranking"]] == [
        "faq/apply_from_abroad", "faq/how_to_join"]


def test_the_overview_stays_for_a_visitor_who_said_nothing_about_themselves(tmp_path, domain, entities_of):
    text = "what are all the membership options"
    read = ranked(message(text, "faq", "who_can_join", 0.7), ("who_can_join", 0.7), ("mit_eligibility", 0.1))
    read.set(ENTITIES, entities_of(text))
    [kept] = trained_named_category_answer(tmp_path, domain).process([read])
    assert best_faq_answer(kept.data) == ("who_can_join", 0.7)


def test_the_words_naming_one_answers_subject_settle_an_unsure_reading(tmp_path, domain):
    text = "does my program director sign us all up or do i have to apply individually"
    read = ranked(message(text, "faq", "how_to_join", 0.52), ("how_to_join", 0.52), ("trainee_update_database", 0.04))
    [settled] = trained_named_category_answer(tmp_path, domain).process([read])
    assert best_faq_answer(settled.data) == ("trainee_update_database", 0.52) and intent_of(settled) == "faq"


def test_the_words_naming_one_answers_subject_make_it_a_page_question(tmp_path, domain):
    text = "how does my PD add our residents to acr"
    read = ranked(message(text, "not_on_page", "trainee_update_database", 0.99), ("trainee_update_database", 0.99))
    [settled] = trained_named_category_answer(tmp_path, domain).process([read])
    assert intent_of(settled) == "faq" and best_faq_answer(settled.data) == ("trainee_update_database", 0.99)


def test_a_sure_answer_to_another_question_stays(tmp_path, domain):
    text = "how do i register myself, or does my program director upload us"
    read = ranked(message(text, "faq", "how_to_join", 0.95), ("how_to_join", 0.95))
    [kept] = trained_named_category_answer(tmp_path, domain).process([read])
    assert best_faq_answer(kept.data) == ("how_to_join", 0.95)
