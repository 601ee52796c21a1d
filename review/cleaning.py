"""A visitor's message without their personal details, before it becomes a training
example: email addresses, phone numbers, dates of birth ("born on 4/12/1985", "DOB: March
5, 1980") and names where the message introduces them ("my name is ...", "I'm Dr ...").
Other dates stay: a retirement or training date is what a question is about. Each detail
goes with the words that introduce it, so what is left reads as a question a person would
type. Pure."""
import re

MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
         r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
DAY = r"\d{1,2}(?:st|nd|rd|th)?"
YEAR = r"(?:19|20)\d{2}"
DATE = (rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:{YEAR}|\d{{2}})|{YEAR}-\d{{1,2}}-\d{{1,2}}"
        rf"|{MONTH}\s+{DAY},?\s+{YEAR}|{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR})")
EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
# Three groups of digits, with an optional country code and extension: 555-123-4567,
# (555) 123 4567, +44 20 7946 0958; not a date, a year or an amount.
PHONE = (r"(?<![\w$])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)|\d{2,4})[\s.-]?\d{3,4}[\s.-]?\d{3,4}"
         r"(?:\s*(?:x|ext\.?)\s*\d{1,5})?(?![\w$])")
NAME_WORD = r"[A-Za-z][\w'’-]*"
# Where a name typed in lower case ends: the first word that goes on with the message.
NOT_NAME = (r"a|an|and|are|am|at|but|can|could|do|does|for|from|has|have|here|how|i|i'm|im|in|is|looking|"
            r"my|need|of|on|please|so|thanks|the|to|want|we|what|when|where|who|why|will|with|would")
NAME = rf"{NAME_WORD}(?:\s+(?!(?:{NOT_NAME})\b){NAME_WORD}){{0,2}}"
TITLE = r"(?:dr|prof|professor|mr|mrs|ms)\.?"
INTRODUCING = r"(?:i\s+am|i'm|im|this\s+is|it's)\s+"

# Each detail with the words before it that only introduce it ("email me at", "born on").
LEAD = r"(?:(?:my|the|our)\s+)?"
DETAILS = [
    rf"(?:{LEAD}(?:e-?mail(?:\s+address)?|contact)(?:\s+is|:)?\s+|(?:e-?mail|write to|reach)\s+me\s+(?:at|on)\s+)?{EMAIL}",
    rf"(?:{LEAD}(?:phone|cell|mobile|telephone|number)(?:\s+number)?(?:\s+is|:)?\s+|(?:call|text|reach)\s+me\s+(?:at|on)\s+)?{PHONE}",
    rf"(?:(?:i\s+was\s+|i\s+am\s+|i'm\s+)?born(?:\s+on)?\s+|{LEAD}(?:date\s+of\s+birth|d\.?o\.?b\.?|birthday|birth\s*date)(?:\s+is|:)?\s+){DATE}",
    rf"{LEAD}name(?:\s+is|'s|:)\s+(?:{TITLE}\s+)?{NAME}",
    rf"{INTRODUCING}{TITLE}\s+{NAME}",
    # Without an introduction only a capitalised title and name: "MR tech", "DR systems" stay.
    r"(?-i:(?:Dr|Prof|Mr|Mrs|Ms)\.?(?:\s+[A-Z][\w'’-]+){1,2})",
    rf"{INTRODUCING}(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)",
]
# A detail goes with the comma or "and" that joined it to the rest.
PERSONAL = re.compile(rf"(?:\b|(?=\+))(?:{'|'.join(DETAILS)})(?:\s*[,;])?(?:\s+(?:and|but)\b)?", re.IGNORECASE)
# What taking details out can leave: stray punctuation, spaces, a leading "and".
LEFTOVER = [(re.compile(r"\s+([,.;:!?])"), r"\1"), (re.compile(r"([,;:])(?:\s*[,;:.])+"), r"\1"),
            (re.compile(r"^[\s,.;:!-]+|[\s,;:-]+$"), ""), (re.compile(r"^(?:and|also)\b[\s,]*", re.I), ""),
            (re.compile(r"\s{2,}"), " ")]


def clean(text: str) -> str:
    """The message without personal details, on one line."""
    cleaned = PERSONAL.sub(" ", " ".join(text.split()))
    for pattern, replacement in LEFTOVER:
        cleaned = pattern.sub(replacement, cleaned)
    return cleaned
