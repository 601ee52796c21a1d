"""Which membership category a profile fits, with the reasons in plain English.

Dates are not looked at here; ``career.py`` applies them and puts the pieces together.
"""

from dataclasses import dataclass
from enum import Enum
from typing import Optional, Tuple

from .profile import Certification as Cert
from .profile import FIELD_WORDS, Profession, Profile, Specialty, Stage

# The page accepts any of these boards for each group.
RADIOLOGY_BOARDS = frozenset({Cert.ABR, Cert.AOBR, Cert.RCPSC, Cert.CMQ})
# Member boards of the American Board of Medical Specialties (ABR among them) or the Canadian equivalents.
NUCLEAR_MEDICINE_BOARDS = frozenset({Cert.ABR, Cert.ABNM, Cert.ABMS_OTHER, Cert.RCPSC, Cert.CMQ})
# "Certified by the American Board of Radiology or equivalent".
PHYSICS_BOARDS = frozenset({Cert.ABR, Cert.NATIONAL_BOARD})
ALLIED_PROFESSIONS = frozenset({Profession.MRI_SCIENTIST, Profession.RADIOLOGIST_ASSISTANT})
MIN_INTERNATIONAL_SCHOOL_YEARS = 4


class Category(str, Enum):
    GENERAL = "general"
    ASSOCIATE = "associate"
    MEMBER_IN_TRAINING = "member_in_training"
    INTERNATIONAL = "international"
    INTERNATIONAL_MEMBER_IN_TRAINING = "international_member_in_training"
    ALLIED_HEALTH = "allied_health"
    RETIRED = "retired"

    @property
    def label(self) -> str:
        return _LABELS[self][0]

    @property
    def plural(self) -> str:
        return _LABELS[self][1]

    @property
    def a_label(self) -> str:
        article = "an" if self.label[0] in "aeiou" else "a"
        return f"{article} {self.label}"


_LABELS = {
    Category.GENERAL: ("general member", "general members"),
    Category.ASSOCIATE: ("associate member", "associate members"),
    Category.MEMBER_IN_TRAINING: ("member-in-training", "members-in-training"),
    Category.INTERNATIONAL: ("international member", "international members"),
    Category.INTERNATIONAL_MEMBER_IN_TRAINING: (
        "international member-in-training",
        "international members-in-training",
    ),
    Category.ALLIED_HEALTH: ("allied health member", "allied health members"),
    Category.RETIRED: ("retired member", "retired members"),
}

TRAINEE_CATEGORIES = frozenset({Category.MEMBER_IN_TRAINING, Category.INTERNATIONAL_MEMBER_IN_TRAINING})


@dataclass(frozen=True)
class Finding:
    """A category (None when none fits or facts are missing), why, and what to ask."""

    category: Optional[Category]
    reasons: Tuple[str, ...]
    missing: Tuple[str, ...] = ()


def placed(category: Category, *reasons: str) -> Finding:
    return Finding(category, reasons)


def not_eligible(*reasons: str) -> Finding:
    return Finding(None, reasons)


def ask(fields: Tuple[str, ...], reason: str) -> Finding:
    return Finding(None, (reason,), fields)


def screen(profile: Profile) -> Optional[Finding]:
    """The answer when it does not depend on training or practice at all, else None."""
    if not profile.good_standing:
        return not_eligible(
            "Every ACR membership category requires good ethical standing, so you cannot join while that is "
            "not the case."
        )
    if profile.profession is Profession.OTHER:
        return not_eligible(
            "None of the ACR membership categories covers your profession; the membership team can look at "
            "your situation."
        )
    if profile.stage is Stage.RETIRED:
        return placed(
            Category.RETIRED, "You have fully retired from professional practice, so you can be a retired member."
        )
    if profile.profession in ALLIED_PROFESSIONS:
        return allied_professional(profile)
    needed = basics_missing(profile)
    if needed:
        return ask(needed, f"I need to know your {spoken_list(needed)} to find your category.")
    if profile.stage is Stage.AWAITING_RESIDENCY:
        return awaiting_residency(profile)
    return None


def basics_missing(profile: Profile) -> Tuple[str, ...]:
    stage_needed = profile.profession is not Profession.MEDICAL_STUDENT
    country_needed = profile.stage is not Stage.AWAITING_RESIDENCY
    return tuple(
        field
        for field, needed in (
            ("profession", profile.profession is None),
            ("stage", stage_needed and profile.stage is None),
            ("country", country_needed and profile.country is None),
        )
        if needed
    )


def spoken_list(fields: Tuple[str, ...]) -> str:
    words = [FIELD_WORDS.get(field, field.replace("_", " ")) for field in fields]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def practicing(profile: Profile) -> bool:
    return profile.stage is Stage.IN_PRACTICE and profile.profession is not Profession.MEDICAL_STUDENT


def is_medical_student(profile: Profile) -> bool:
    return profile.profession is Profession.MEDICAL_STUDENT or (
        profile.profession is Profession.PHYSICIAN and profile.stage is Stage.STUDENT
    )


def physician_specialty(profile: Profile) -> Tuple[Specialty, Tuple[str, ...]]:
    if profile.specialty is not None:
        return profile.specialty, ()
    if Cert.ABNM in profile.certified_by and not profile.certified_by & RADIOLOGY_BOARDS:
        assumed = "You did not name your specialty; with ABNM certification this answer assumes nuclear medicine."
        return Specialty.NUCLEAR_MEDICINE, (assumed,)
    return Specialty.RADIOLOGY, ("You did not name your specialty, so this answer assumes radiology.",)


def allied_professional(profile: Profile) -> Finding:
    if profile.certifications is None:
        return _ask_certifications("Allied health membership requires ARRT certification")
    if Cert.ARRT in profile.certified_by:
        return placed(
            Category.ALLIED_HEALTH,
            "MRI scientists and Registered Radiologist Assistants certified by the American Registry of Radiologic "
            "Technologists (ARRT) can join as allied health members.",
        )
    return not_eligible(
        "MRI scientists and Registered Radiologist Assistants need certification from the American Registry of "
        "Radiologic Technologists (ARRT) to join as allied health members, and you did not list it."
    )


def awaiting_residency(profile: Profile) -> Finding:
    if profile.profession is Profession.MEDICAL_PHYSICIST:
        return not_eligible(
            "Waiting to match into a US residency is a route for international medical graduates, not for medical "
            "physicists; the membership team can advise you."
        )
    specialty, assumed = physician_specialty(profile)
    if specialty is Specialty.OTHER:
        return not_eligible(
            "Graduates waiting to match qualify only for a US residency in a radiologic discipline "
            "(including nuclear medicine)."
        )
    if profile.previously_member_in_practice:
        return _was_member_in_practice()
    if profile.certifications is None:
        return _ask_certifications("Graduates waiting to match need ECFMG certification")
    if Cert.ECFMG not in profile.certified_by:
        return not_eligible(
            "International medical graduates waiting to match into a US residency need current ECFMG certification "
            "to join as international members-in-training, and you did not list it."
        )
    return placed(
        Category.INTERNATIONAL_MEMBER_IN_TRAINING,
        *assumed,
        "International medical graduates certified by the ECFMG who are waiting to match into a US residency in a "
        "radiologic discipline, including nuclear medicine, can join as international members-in-training.",
        "You also need to be in good ethical standing in your country.",
    )


def in_training(profile: Profile) -> Finding:
    """Students, residents, fellows and physics trainees (or someone just out of training)."""
    if profile.is_domestic:
        return _member_in_training(profile)
    return _international_member_in_training(profile)


def _member_in_training(profile: Profile) -> Finding:
    free = "Member-in-training membership is free."
    if is_medical_student(profile):
        return placed(
            Category.MEMBER_IN_TRAINING,
            "Medical students at accredited US and Canadian medical schools are members-in-training. " + free,
            "You do not need to have chosen radiology yet, and no enrollment verification is needed while you are a "
            "student in good standing.",
        )
    if profile.profession is Profession.MEDICAL_PHYSICIST:
        return placed(
            Category.MEMBER_IN_TRAINING,
            "Medical and therapy physicists registered in a formal medical physics educational program in the US or "
            "Canada are members-in-training. " + free,
        )
    specialty, assumed = physician_specialty(profile)
    if specialty is Specialty.OTHER:
        return _not_a_radiology_program()
    reasons = [
        *assumed,
        "Residents and fellows in an approved radiology residency or fellowship in the US or Canada are "
        "members-in-training. " + free,
    ]
    if profile.stage is Stage.FELLOW:
        reasons.append("Moving from residency into a fellowship keeps your free membership throughout training.")
    if Cert.ECFMG in profile.certified_by and profile.country == "US":
        reasons.append("International medical graduates who have matched and begun a US residency qualify as well.")
    return placed(Category.MEMBER_IN_TRAINING, *reasons)


def _international_member_in_training(profile: Profile) -> Finding:
    if profile.previously_member_in_practice:
        return _was_member_in_practice()
    standing = "You also need to be in good ethical standing in your country."
    if is_medical_student(profile):
        return _international_medical_student(profile, standing)
    if profile.profession is Profession.MEDICAL_PHYSICIST:
        return placed(
            Category.INTERNATIONAL_MEMBER_IN_TRAINING,
            "Medical physicists registered in a formal medical physics educational program outside the US and "
            "Canada can join as international members-in-training until their training ends.",
            standing,
        )
    specialty, assumed = physician_specialty(profile)
    if specialty is Specialty.OTHER:
        return _not_a_radiology_program()
    return placed(
        Category.INTERNATIONAL_MEMBER_IN_TRAINING,
        *assumed,
        "Residents and fellows in approved programs outside the US and Canada can join as international "
        "members-in-training, and stay in that category throughout their international residency and fellowship.",
        standing,
    )


def _international_medical_student(profile: Profile, standing: str) -> Finding:
    years = profile.medical_school_years
    if years is None:
        return ask(
            ("medical_school_years",),
            "International medical students qualify when their medical school program lasts four years or more; "
            "how many years is yours?",
        )
    if years < MIN_INTERNATIONAL_SCHOOL_YEARS:
        return not_eligible(
            "International medical students qualify only at a medical school of four years or more, and yours "
            f"is {years}."
        )
    return placed(
        Category.INTERNATIONAL_MEMBER_IN_TRAINING,
        "Medical students at a medical school of four years or more outside the US and Canada can join as "
        "international members-in-training until they complete training.",
        standing,
    )


def _was_member_in_practice() -> Finding:
    return not_eligible(
        "International member-in-training membership is only for people who have never been ACR members in "
        "practice; the membership team can advise on rejoining."
    )


def _not_a_radiology_program() -> Finding:
    return not_eligible(
        "Member-in-training membership is for residents and fellows in approved radiology programs. Once in "
        "practice, physicians outside radiology can join as allied health members."
    )


def in_practice(profile: Profile) -> Finding:
    """Physicians and medical physicists in professional practice."""
    if profile.profession is Profession.MEDICAL_PHYSICIST:
        return _practicing_physicist(profile)
    specialty, assumed = physician_specialty(profile)
    if specialty is Specialty.OTHER:
        return placed(
            Category.ALLIED_HEALTH,
            "Physicians who are not engaged in the practice of radiology can join as allied health members.",
        )
    finding = _practicing_physician(profile, specialty)
    return Finding(finding.category, assumed + finding.reasons, finding.missing)


def _practicing_physicist(profile: Profile) -> Finding:
    if profile.certifications is None:
        return _ask_certifications()
    certified = bool(profile.certified_by & PHYSICS_BOARDS)
    if not profile.is_domestic:
        return _international(certified)
    if certified:
        return placed(
            Category.GENERAL,
            "Medical physicists certified by the American Board of Radiology or an equivalent board can join as "
            "general members.",
        )
    return placed(
        Category.ASSOCIATE,
        "Medical physicists practicing medical physics without certification by the American Board of Radiology "
        "or an equivalent board can join as associate members.",
    )


def _practicing_physician(profile: Profile, specialty: Specialty) -> Finding:
    if profile.certifications is None:
        return _ask_certifications()
    nuclear = specialty is Specialty.NUCLEAR_MEDICINE
    certified = bool(profile.certified_by & (NUCLEAR_MEDICINE_BOARDS if nuclear else RADIOLOGY_BOARDS))
    if not profile.is_domestic:
        return _international(certified or Cert.NATIONAL_BOARD in profile.certified_by)
    if nuclear:
        return placed(Category.GENERAL, NUCLEAR_GENERAL) if certified else placed(Category.ASSOCIATE, NUCLEAR_ASSOCIATE)
    return placed(Category.GENERAL, RADIOLOGY_GENERAL) if certified else _uncertified_radiologist(profile)


RADIOLOGY_GENERAL = (
    "Physicians certified in a radiological discipline by the American Board of Radiology, the American Osteopathic "
    "Board of Radiology, the Royal College of Physicians and Surgeons of Canada or the Collège des médecins du "
    "Québec can join as general members."
)
NUCLEAR_GENERAL = (
    "Physicians in nuclear medicine certified by a member board of the American Board of Medical Specialties or its "
    "Canadian equivalent can join as general members."
)
NUCLEAR_ASSOCIATE = (
    "Physicians in nuclear medicine who are not certified by a member board of the American Board of Medical "
    "Specialties or its Canadian equivalent can join as associate members."
)


def _uncertified_radiologist(profile: Profile) -> Finding:
    completed = True if profile.training_completed_on else profile.completed_residency
    if completed is None:
        return ask(
            ("completed_residency",),
            "Without ABR, AOBR, RCPSC or Collège des médecins du Québec certification, associate membership needs "
            "a completed approved radiology residency; have you completed one?",
        )
    if not completed:
        return not_eligible(
            "Practicing physicians without radiology board certification need a completed approved radiology "
            "residency to join as associate members; the membership team can advise you."
        )
    return placed(
        Category.ASSOCIATE,
        "Physicians practicing radiology who completed an approved radiology residency but are not certified by "
        "the ABR, AOBR, RCPSC or Collège des médecins du Québec can join as associate members.",
    )


def _international(certified: bool) -> Finding:
    if certified:
        return placed(
            Category.INTERNATIONAL,
            "Physicians and medical physicists practicing radiology, radiation oncology or medical physics outside "
            "the US and Canada who are certified in radiology or medical physics can join as international members.",
            "You also need to be in good ethical standing in your country.",
        )
    return not_eligible(
        "International membership requires certification in radiology or medical physics (your national board "
        "counts), and you did not list one."
    )


def _ask_certifications(why: str = "Your category depends on your board certification") -> Finding:
    return ask(("certifications",), f"{why}; which certifications do you hold?")
