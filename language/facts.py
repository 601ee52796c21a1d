"""What a visitor's message says about them, as membership engine fields.

Entities come from the spaCy entity ruler (codes via language.vocabulary); dates are read
with dateparser relative to today, and given a role by the words just before them.
Pure functions: no Rasa import.
"""
import re
from datetime import date, datetime
from typing import Any, Dict, Iterable, List, Optional

import dateparser

from membership.profile import DOMESTIC_COUNTRIES
from language.vocabulary import code_for, vocabulary

Entity = Dict[str, Any]
Updates = Dict[str, Any]

FIRST_PERSON = re.compile(r"\b(i|i'm|im|i am|i've|ive|i was|my|me|mine)\b", re.IGNORECASE)
SINGLE_VALUE_FIELDS = ("profession", "stage", "specialty", "service", "country")
DATE_FIELDS = ("training_completed_on", "retired_on", "retirement_notified_on", "dues_year")

# The words before a date tell what the date is; the match ending nearest the date wins
# (on a tie, the role named later in the alphabet: "told you about my retirement in May").
DATE_ROLES = [
    ("retirement_notified_on", r"\b(told|tell|notif|inform)\w* (you |acr |the acr |them )?(about|of) (my )?retirement"
                               r"|\b(told|tell|notif|inform|let (you|acr|them) know|contact|email|call)\w*"),
    ("retired_on", r"\bretir\w*|\bstopped practi[cs]ing"),
    ("training_completed_on", r"\b(finish|complet|graduat|ended|ends|ending|done|wrap)\w*"),
    ("dues_year", r"\bfor\b|\bin\b.*\bdues\b|\bdues\b|\bpay\b|\bowe\b"),
]
RELATIVE_YEARS = {"next year": 1, "this year": 0, "last year": -1}
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}

# Phrases whose meaning is a fact that no single entity carries.
FACT_PATTERNS = [
    (r"\b(not|never|no longer|isn't|aren't|wasn't)\b[\w\s]{0,14}\b(board[- ])?certified|\buncertified\b"
     r"|\bno (board )?certification\b|\bwithout (any |a )?(board )?certification\b"
     r"|\b(don't|do not|doesn't|does not) have (any |a )?(board )?certification"
     r"|\b(never|didn't|did not|haven't|have not|not yet) (took|taken|take|sat|passed|pass) (the |my |any )?(abr )?boards?\b"
     r"|\bnot boarded\b|\bfailed (the |my )?boards?\b", {"certifications": []}),
    # "finished residency in Egypt and I'm now doing a fellowship in Atlanta": a fellow now.
    (r"\b(now|currently)\b[^.?!]{0,60}\b(in|doing) (an? |my |the )?([\w-]+ ){0,4}fellowship\b|\bnow a fellow\b",
     {"stage": "fellow", "completed_residency": True}),
    # "did my residency in the US and I'm trying to get back to Canada for fellowship":
    # between the two, a fellow-to-be, whose free membership continues.
    (r"\b(completed|finished|finishing|done with|did|wrapping up) (my |a |the )?(radiology |rad )?residency\b[^.?!]{0,80}"
     r"\b(for|into|to start|start|starting|begin|beginning|do|doing) (a |an |my |the )?([\w-]+ ){0,2}fellowship\b",
     {"stage": "fellow", "completed_residency": True}),
    # Training that is over: the stage named is the one finished, not the current one.
    (r"\b(completed|finished|done with|graduated from|out of|did) (my |a |an |the )?(radiology |rad )?"
     r"(residency|fellowship|training)\b", {"completed_residency": True, "stage": "in_practice"}),
    (r"\b(apply|applying|applied|waiting|hoping|trying) (to|for|into|on) (match (into |for )?)?(a |the )?"
     r"(us |u\.s\. |american )?(radiology |radiologic |rad )?(residenc(y|ies)|match)\b", {"stage": "awaiting_residency"}),
    (r"\bnot in good standing\b|\bdisciplin|\blicen[cs]e (was )?(suspended|revoked)", {"good_standing": False}),
    (r"\bin good standing\b", {"good_standing": True}),
    (r"\b(was|used to be|have been) an? (acr )?member\b", {"previously_member_in_practice": True}),
    (r"\b(never been|never was|not been) an? (acr )?member\b", {"previously_member_in_practice": False}),
    (r"\b(already )?paid (my |the |this year's |our )?((19|20)\d\d )?(dues|membership)\b"
     r"|\bpaid (it |them |up |my dues |the dues )?(in|on|back in|early in) (january|february|march|april|may|june"
     r"|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b"
     r"|\b(dues|membership|payment) (had |has |have )?(already )?(gone through|been paid|been charged|been taken|went through)\b",
     {"dues_paid_for_year": True}),
    (r"\b(haven't|have not|didn't|did not|not yet) paid\b", {"dues_paid_for_year": False}),
    (r"\bnot in the service\b|\bno service\b|\bnot (military|in the military)\b|\bcivilian\b", {"service": "none"}),
    (r"\b(foreign|international|offshore|caribbean|overseas) (medical|med) (student|school)s?\b"
     r"|\b(medical|med) (student|school) (abroad|overseas|outside (of )?(the )?(us|u\.s\.|united states))\b",
     {"country": "outside_us_canada"}),
    (r"\bnot practi[cs]ing radiology\b|\bnot a radiologist\b", {"specialty": "other"}),
]

# Professions that say which specialty they are in.
SPECIALTY_OF_PHRASE = {
    r"radiologist": "radiology",
    r"radiation oncologist|rad ?onc": "radiation_oncology",
    r"nuclear medicine (physician|doctor)": "nuclear_medicine",
    r"physicist": "medical_physics",
    r"cardiologist|surgeon|internist|pediatrician|family physician|general practitioner|\bgp\b|anesthesiologist"
    r"|anaesthetist|neurologist|oncologist|dermatologist|psychiatrist|pathologist|urologist|gastroenterologist"
    r"|ophthalmologist|obstetrician|gynecologist|ob/gyn|hospitalist|emergency physician|family doctor"
    r"|primary care physician": "other",
}

# Boards that certify physicians: someone certified by one is a physician unless they say otherwise.
PHYSICIAN_BOARDS = {"ABR", "AOBR", "RCPSC", "CMQ", "ABNM", "ABMS_other", "ECFMG"}
# "Board certified" without a board: abroad, that is the country's own board.
CERTIFIED_WITHOUT_BOARD = (r"\b(board[- ]certified|boarded|certified (radiologist|physicist|medical physicist|in radiology))\b"
                           # abroad, the college's fellowship exams certify ("passed my fellowship exams (FMCR)")
                           r"|\bpassed (my |the )?(fellowship|specialist|specialty|board) exam")
# Someone who calls themselves a radiologist (and names no other stage) is practising.
PRACTISING = r"\b(radiologist|neuroradiologist|radiation oncologist|attending|consultant)s?\b"
# "working at a hospital in Houston": in practice, unless a stage of training was named.
EMPLOYED = (r"\b(work|works|working|employed|job|practice|practise)\b (at|in|for) (a|an|the|my|our)? ?"
            r"(hospital|clinic|practice|private practice|group|cancer cent(er|re)|imaging cent(er|re)|department)\b")
# Where a visitor studies, trains or practises decides the category; where they come from,
# live or hold citizenship does not ("a Canadian citizen at a medical school in Mexico").
# Nor where they do clinical rotations or electives away from their school ("rotations at US hospitals").
BELONGING_BEFORE = re.compile(r"\b(citizen of|national of|born in|originally from|live in|living in|lives in|reside in|"
                              r"residing in|resident of|home in|native of|passport from)\s+(the\s+)?$"
                              # "a 3 month paid rotation in a large US city"
                              r"|\b(rotations?|rotating|electives?|observerships?) (at|in)\s+(a |an |the )?([\w-]+ ){0,2}$")
BELONGING_AFTER = re.compile(r"^\s*(citizen|national|nationality|passport|by birth|born|origin|descent|heritage|"
                             r"(clinical )?rotations?|electives?|observerships?|visa)\b")
# ... nor where they hope to go next ("hoping for a US fellowship", "apply to US programs").
DESTINATION_BEFORE = re.compile(r"\b(apply|applying|hope|hoping|want|wanting|plan|planning|going|move|moving|return|come|coming|"
                                r"returning|back|head|heading|get into)\b[\w\s]{0,20}"
                                r"\b(to|for|into|in)\s+(a |an |the )?([\w.]+ )?$"
                                r"|\b(hopefully|eventually|someday|one day)\s+(a |an |the )?([\w.]+ ){0,2}$"
                                r"|\b(once|when|after|if) (i|we) (\w+ )?(start|begin|match|do|move|go)\w*\b[\w\s]{0,20}$"
                                # "then a fellowship in July", "after that I'll be in private practice"
                                r"|\b(i'll|i will|will|then)\s+(be\s+)?(doing\s+|starting\s+)?(a |an |the |my )?([\w.-]+ )?$")

CATEGORY_BEFORE = re.compile(r"\b(qualify|qualifies|count|counts|considered|classed|classified|eligible|switch|"
                             r"change|move|transfer)\w* (as|for|to) (a |an |the )?$")
CATEGORY_AFTER = re.compile(r"^\s*(category|status|membership|class|rate|tier|option)\b")

# "when I go from resi to fellow": where the visitor is leaving from is where they are now.
LEAVING = re.compile(r"\bfrom\s+(a |an |the |my )?$")


def parse_date(text: str, today: date, ahead: bool = False) -> Optional[date]:
    """A bare month is the latest one gone by, or with `ahead` the next one to come."""
    settings = {"RELATIVE_BASE": _as_datetime(today), "PREFER_DAY_OF_MONTH": "first",
                "PREFER_DATES_FROM": "future" if ahead else "past", "DATE_ORDER": "MDY"}
    # "last February" is the most recent February: dateparser reads the bare month that way
    cleaned = re.sub(r"^(in|last|since|this)\s+(?!year|month)", "", text.strip(), flags=re.I)
    parsed = dateparser.parse(cleaned, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def warm_up() -> None:
    """Loads what the first visitor's facts would otherwise wait for: dateparser's
    language data (about 40 ms) and the vocabulary's indexes."""
    for label in vocabulary():
        code_for(label, "")
    parse_date("May 2026", date.today())


def _as_datetime(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)


def _before(text: str, start: int, width: int) -> str:
    """The `width` characters before `start`, lower-cased: the words that say what a fact is."""
    return text[max(0, start - width):start].lower()


def _after(text: str, end: int, width: int) -> str:
    return text[end:end + width].lower()


def _role_of_date(text: str, start: int, default: str) -> str:
    before = _before(text, start, 40)
    matches = [(m.end(), role) for role, pattern in DATE_ROLES for m in re.finditer(pattern, before)]
    return max(matches)[1] if matches else default


# "starting residency in July": when something begins, which no field of the engine holds.
STARTING_BEFORE = re.compile(r"\b(start|begin|join)\w*\b[^.?!,;]{0,30}$", re.IGNORECASE)


# "once I'm done in June", "finishing in June", "I'll graduate in May": a month still to come.
STILL_AHEAD_BEFORE = re.compile(r"\b(once|when|after) (i'?m|i am|i|we) (\w+ ){0,2}$"
                                r"|\b(will|'ll|going to|gonna|due to|set to|expected to|about to) (\w+ ){0,3}$"
                                r"|\b(finishing|graduating|completing|wrapping up)\b[\w\s]{0,24}$", re.IGNORECASE)


# "finished med school in 2016": school ends before the training the engine asks about.
SCHOOL_ENDED_BEFORE = re.compile(r"\b(finish|complet|graduat)\w*\s+(from\s+)?(my\s+|the\s+)?"
                                 r"(med(ical)? school|school|mbbs|college|university|undergrad\w*|internship)\b[^.?!,;]{0,12}$",
                                 re.IGNORECASE)


def _date_updates(text: str, entity: Entity, today: date, expected: Optional[str]) -> Updates:
    """A year alone is the dues year unless the words before it say otherwise."""
    before = _before(text, entity.get("start", 0), 40)
    if not expected and (STARTING_BEFORE.search(before) or SCHOOL_ENDED_BEFORE.search(before)):
        return {}
    value = str(entity.get("value", "")).strip()
    lowered = value.lower()
    asked = expected if expected in DATE_FIELDS else None
    year = int(value) if re.fullmatch(r"(19|20)\d\d", value) else None
    if lowered in RELATIVE_YEARS:
        year = today.year + RELATIVE_YEARS[lowered]
    if year is not None:
        role = _role_of_date(text, entity.get("start", 0), default=asked or "dues_year")
        return {role: year if role == "dues_year" else date(year, 1, 1).isoformat()}
    parsed = parse_date(value, today, ahead=bool(STILL_AHEAD_BEFORE.search(before)))
    if not parsed:
        return {}
    role = _role_of_date(text, entity.get("start", 0), default=asked or "training_completed_on")
    return {role: parsed.year if role == "dues_year" else parsed.isoformat()}


# "a whole mess with the Royal College exams", "studying for the ABR core exam": a board's
# exam still to pass is no certification by it ("passed the FRCR exams" is one); "my
# fellowship exams" are no fellowship.
EXAM_AFTER = re.compile(r"^\W*((written|oral|core|certifying|qualifying|final|board|part \w+) )?"
                        r"(exams?|examinations?)\b", re.IGNORECASE)
EXAM_PASSED_BEFORE = re.compile(r"\b(pass|passed|cleared|completed|finished|done with|got through)\b[\w\s]{0,20}$",
                                re.IGNORECASE)


def _names_an_exam(text: str, entity: Entity) -> bool:
    """"the Royal College exams", "my fellowship exams"."""
    return bool(EXAM_AFTER.match(_after(text, entity.get("end", 0), 30)))


def _is_exam_to_pass(text: str, entity: Entity) -> bool:
    return _names_an_exam(text, entity) and not EXAM_PASSED_BEFORE.search(_before(text, entity.get("start", 0), 40))


def _is_negated(text: str, start: int) -> bool:
    before = _before(text, start, 24)
    return bool(re.search(r"(\bnot|\bno|\bwithout|\bnever|n't)\b[\w\s-]{0,16}$", before))


def _is_belonging(text: str, entity: Entity, hypothetical: bool = False) -> bool:
    """A country named as citizenship, origin, home or a hoped-for destination (unless the
    message supposes it), not as where the visitor works or studies now."""
    before = _before(text, entity.get("start", 0), 40)
    return bool(BELONGING_BEFORE.search(before) or (not hypothetical and _is_hoped_for(text, entity))
                or BELONGING_AFTER.match(_after(text, entity.get("end", 0), 24)))


def _is_hoped_for(text: str, entity: Entity) -> bool:
    """A stage of training the visitor hopes to reach: "hoping for a US fellowship"."""
    before = _before(text, entity.get("start", 0), 40)
    return bool(DESTINATION_BEFORE.search(before)) and not LEAVING.search(before)


def _is_category_named(text: str, entity: Entity) -> bool:
    """"retired" as the name of a category, not the visitor's stage: "when do I qualify as
    retired", "is there a retired category"."""
    return bool(CATEGORY_BEFORE.search(_before(text, entity.get("start", 0), 24))
                or CATEGORY_AFTER.match(_after(text, entity.get("end", 0), 16)))


# "Retired last year after 35 yrs in private practice": years in practice before retiring.
YEARS_BEFORE = re.compile(r"\b(\d+|\w+)\+? ?(years?|yrs?|decades?)( of)? ?$", re.IGNORECASE)


def _is_career_before(text: str, entity: Entity) -> bool:
    """A stage named with the years spent in it, after retirement was named: the career
    the retirement ended, not what the visitor does now."""
    return bool(YEARS_BEFORE.search(_before(text, entity.get("start", 0), 24)))


def _is_excluded_place(text: str, start: int) -> bool:
    """A country named as where the visitor is not: "outside the US and Canada"."""
    before = _before(text, start, 32)
    return bool(re.search(r"\b(outside|out of|other than|not|not in)( of)?( the)?( [\w.]+ (and|or|&))? ?$", before))


def _school_years(value: str) -> Optional[int]:
    match = re.search(r"\d+|" + "|".join(NUMBERS), value.lower())
    if not match:
        return None
    word = match.group(0)
    return int(word) if word.isdigit() else NUMBERS[word]


def _entity_updates(text: str, entities: Iterable[Entity], today: date, expected: Optional[str],
                    hypothetical: bool) -> Updates:
    updates: Updates = {}
    boards: List[str] = []
    for entity in entities:
        label, value = entity.get("entity"), str(entity.get("value", ""))
        code = code_for(label, value)
        if label == "date":
            # the first date given a role keeps it: "in May 2026" is not also "2026"
            for field, field_value in _date_updates(text, entity, today, expected).items():
                updates.setdefault(field, field_value)
        elif label == "school_years":
            updates["medical_school_years"] = _school_years(value)
        elif label == "board" and code:
            if not _is_negated(text, entity.get("start", 0)) and not _is_exam_to_pass(text, entity):
                boards.append(code)
            updates.setdefault("certifications", [])
        elif label == "country" and (_is_excluded_place(text, entity.get("start", 0))
                                     or _is_belonging(text, entity, hypothetical)):
            continue
        elif (label == "stage" and code in ("resident", "fellow", "in_practice") and not hypothetical
              and _is_hoped_for(text, entity)):
            continue
        elif label == "stage" and _names_an_exam(text, entity):
            continue  # "my fellowship exams" are an exam, not a fellowship
        elif label == "stage" and code == "retired" and _is_category_named(text, entity):
            continue
        elif label == "stage" and code == "in_practice" and updates.get("stage") == "retired" \
                and _is_career_before(text, entity):
            continue
        elif label in SINGLE_VALUE_FIELDS and code:
            updates[label] = code
    if boards:
        updates["certifications"] = sorted(set(boards))
    return updates


def _fact_updates(text: str) -> Updates:
    lowered = text.lower()
    updates: Updates = {}
    for pattern, facts in FACT_PATTERNS:
        if re.search(pattern, lowered) and not set(facts) & set(updates):
            updates.update(facts)
    return updates


def _specialty_updates(text: str) -> Updates:
    lowered = text.lower()
    specialty = next((value for pattern, value in SPECIALTY_OF_PHRASE.items() if re.search(pattern, lowered)), None)
    return {"specialty": specialty} if specialty else {}


def _implied(updates: Updates, text: str) -> Updates:
    """Facts that follow from others: a medical student is a student, a resident a physician."""
    implied: Updates = {}
    if re.search(PRACTISING, text.lower()):
        implied["stage"] = "in_practice"
        implied["profession"] = "physician"
    elif (re.search(EMPLOYED, text.lower()) or re.search(CERTIFIED_WITHOUT_BOARD, text.lower())
          or set(updates.get("certifications") or ()) - {"ECFMG"}):
        implied["stage"] = "in_practice"  # working, or certified in a discipline: past training
    if updates.get("profession") == "medical_student":
        implied["stage"] = "student"
    in_or_after_training = updates.get("stage") in ("resident", "fellow", "awaiting_residency")
    certified_physician = bool(set(updates.get("certifications") or ()) & PHYSICIAN_BOARDS)
    if (in_or_after_training or updates.get("completed_residency") or certified_physician) and "profession" not in updates:
        implied["profession"] = "medical_physicist" if updates.get("specialty") == "medical_physics" else "physician"
    if updates.get("stage") == "student" and "profession" not in updates:
        implied["profession"] = "medical_student"
    if updates.get("profession") == "medical_physicist":
        implied["specialty"] = "medical_physics"
    abroad = updates.get("country") not in (None, *DOMESTIC_COUNTRIES)
    if abroad and re.search(CERTIFIED_WITHOUT_BOARD, text.lower()) and "certifications" not in updates:
        implied["certifications"] = ["national_board"]
    return {key: value for key, value in implied.items() if key not in updates}


def _school_years_answer(text: str) -> Updates:
    """A reply to "how long is your medical school program?"."""
    years = _school_years(text)
    if years is None:
        return {}
    return {"medical_school_years": years - 1 if re.search(r"fewer|less|under|shorter", text.lower()) else years}


def profile_updates(text: str, entities: Iterable[Entity], today: date, expected: Optional[str] = None,
                    hypothetical: bool = False) -> Updates:
    """Engine fields the message states, e.g. {"stage": "resident", "country": "CA"}.
    `expected` is the field the assistant just asked about, if any. Phrases read in
    context win over single words ("finished my residency" is not a resident). In a
    what-if the place and stage supposed count ("what about if i come to the US for
    fellowship"), though in a statement they are only hoped for."""
    updates = _school_years_answer(text) if expected == "medical_school_years" else {}
    updates.update(_entity_updates(text, entities, today, expected, hypothetical))
    updates.update(_fact_updates(text))
    for field, value in _specialty_updates(text).items():
        updates.setdefault(field, value)
    updates.update(_implied(updates, text))
    return {key: value for key, value in updates.items() if value is not None}


def answer_to_question(field: str, intent: Optional[str]) -> Updates:
    """A plain yes or no answering the question about `field`."""
    yes_no_fields = ("completed_residency", "previously_member_in_practice", "good_standing", "dues_paid_for_year")
    if field in yes_no_fields and intent in ("affirm", "deny"):
        return {field: intent == "affirm"}
    if field == "service" and intent == "deny":
        return {"service": "none"}
    if field == "certifications" and intent == "deny":
        return {"certifications": []}
    return {}


def _about_the_visitor(intent: Optional[str], text: str) -> bool:
    return intent in ("inform", "ask_personal") or (intent != "what_if" and bool(FIRST_PERSON.search(text)))


def earlier_updates(events: Iterable[Dict[str, Any]], today: date) -> Updates:
    """Facts the visitor gave about themselves in earlier messages since the last "start
    over" ("IMG here, waiting to match" before asking "which category am I?"). A later
    message corrects an earlier one; what-if questions and third-person questions
    ("can a radiologist from Germany join?") are not about the visitor."""
    events = list(events)
    restarts = [index for index, event in enumerate(events) if event.get("event") == "restart"]
    updates: Updates = {}
    for event in events[(restarts[-1] + 1) if restarts else 0:]:
        parse_data = event.get("parse_data") or {}
        text = event.get("text") or ""
        if event.get("event") == "user" and _about_the_visitor((parse_data.get("intent") or {}).get("name"), text):
            updates.update(profile_updates(text, parse_data.get("entities", []), today))
    return updates
