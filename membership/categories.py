"""Which membership category a profile fits, with the reasons in plain English.

Dates are not looked at here; ``career.py`` applies them and puts the pieces together.
Every reason names the sentence of the membership page it rests on (``page.py``).
"""

from dataclasses import dataclass, replace
from enum import Enum
from typing import Optional, Tuple

from . import page
from .profile import Certification as Cert
from .profile import FIELD_WORDS, Profession, Profile, Specialty, Stage
from .reasons import Reason

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

    @property
    def display_name(self) -> str:
        """The category's name on its own, as a heading: "Member-in-training (MIT)"."""
        abbreviation = _ABBREVIATIONS.get(self)
        name = self.label[0].upper() + self.label[1:]
        return f"{name} ({abbreviation})" if abbreviation else name


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
# As the page abbreviates them ("member-In-training (MIT) membership").
_ABBREVIATIONS = {Category.MEMBER_IN_TRAINING: "MIT"}

TRAINEE_CATEGORIES = frozenset({Category.MEMBER_IN_TRAINING, Category.INTERNATIONAL_MEMBER_IN_TRAINING})


@dataclass(frozen=True)
class Finding:
    """A category, why, and what to ask. Without a category: not eligible, facts missing,
    or ``undecided`` when the page does not settle the question."""

    category: Optional[Category]
    reasons: Tuple[Reason, ...]
    missing: Tuple[str, ...] = ()
    undecided: bool = False


def placed(category: Category, *reasons: Reason) -> Finding:
    return Finding(category, reasons)


def not_eligible(*reasons: Reason) -> Finding:
    return Finding(None, reasons)


def undecided(*reasons: Reason) -> Finding:
    return Finding(None, reasons, undecided=True)


def ask(fields: Tuple[str, ...], reason: Reason) -> Finding:
    return Finding(None, (reason,), fields)


def screen(profile: Profile) -> Optional[Finding]:
    """The answer when it does not depend on training or practice at all, else None."""
    if profile.profession is Profession.OTHER:
        return not_eligible(
            Reason(
                "None of the ACR membership categories covers your profession; the membership team can look at "
                "your situation.",
                page.CATEGORIES,
            )
        )
    if profile.stage is Stage.RETIRED:
        return placed(
            Category.RETIRED,
            Reason("You have fully retired from professional practice, so you can be a retired member.", page.RETIRED),
        )
    if profile.profession in ALLIED_PROFESSIONS:
        return allied_professional(profile)
    needed = basics_missing(profile)
    if needed:
        asking = f"I need to know your {spoken_list(needed)} to find your category."
        return ask(needed, Reason(asking, page.WHO_CAN_JOIN))
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
            ("country", country_needed and profile.is_domestic is None),
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


def physician_specialty(profile: Profile) -> Tuple[Specialty, Tuple[Reason, ...]]:
    if profile.specialty is not None:
        return profile.specialty, ()
    if Cert.ABNM in profile.certified_by and not profile.certified_by & RADIOLOGY_BOARDS:
        assumed = "You did not name your specialty; with ABNM certification this answer assumes nuclear medicine."
        return Specialty.NUCLEAR_MEDICINE, (Reason(assumed, page.GENERAL_NUCLEAR),)
    assumed = "You did not name your specialty, so this answer assumes radiology."
    return Specialty.RADIOLOGY, (Reason(assumed, page.WHO_CAN_JOIN),)


def _with_good_standing(profile: Profile, finding: Finding, standing: str) -> Finding:
    """An international category: the page asks good ethical standing of these members only."""
    if profile.good_standing:
        also = Reason("You also need to be in good ethical standing in your country.", standing)
        return replace(finding, reasons=finding.reasons + (also,))
    who = finding.category.plural
    return not_eligible(
        Reason(
            f"The membership page requires {who} to be in good ethical standing in their country, so you cannot join "
            "as one while that is not the case.",
            standing,
        )
    )


def allied_professional(profile: Profile) -> Finding:
    if profile.certifications is None:
        return _ask_certifications("Allied health membership requires ARRT certification", page.ALLIED)
    if Cert.ARRT in profile.certified_by:
        return placed(
            Category.ALLIED_HEALTH,
            Reason(
                "MRI scientists and Registered Radiologist Assistants certified by the American Registry of "
                "Radiologic Technologists (ARRT) can join as allied health members.",
                page.ALLIED,
            ),
        )
    return not_eligible(
        Reason(
            "MRI scientists and Registered Radiologist Assistants need certification from the American Registry of "
            "Radiologic Technologists (ARRT) to join as allied health members, and you did not list it.",
            page.ALLIED,
        )
    )


def awaiting_residency(profile: Profile) -> Finding:
    if profile.profession is Profession.MEDICAL_PHYSICIST:
        return not_eligible(
            Reason(
                "Waiting to match into a US residency is a route for international medical graduates, not for "
                "medical physicists; the membership team can advise you.",
                page.INTERNATIONAL_MIT_GRADUATES,
            )
        )
    specialty, assumed = physician_specialty(profile)
    if specialty is Specialty.OTHER:
        return not_eligible(
            Reason(
                "Graduates waiting to match qualify only for a US residency in a radiologic discipline "
                "(including nuclear medicine).",
                page.INTERNATIONAL_MIT_GRADUATES,
            )
        )
    if profile.previously_member_in_practice:
        return _was_member_in_practice()
    if profile.certifications is None:
        return _ask_certifications(
            "Graduates waiting to match need ECFMG certification", page.INTERNATIONAL_MIT_GRADUATES
        )
    if Cert.ECFMG not in profile.certified_by:
        return not_eligible(
            Reason(
                "International medical graduates waiting to match into a US residency need current ECFMG "
                "certification to join as international members-in-training, and you did not list it.",
                page.INTERNATIONAL_MIT_GRADUATES,
            )
        )
    graduate = placed(
        Category.INTERNATIONAL_MEMBER_IN_TRAINING,
        *assumed,
        Reason(
            "International medical graduates certified by the ECFMG who are waiting to match into a US residency in a "
            "radiologic discipline, including nuclear medicine, can join as international members-in-training.",
            page.INTERNATIONAL_MIT_GRADUATES,
        ),
    )
    return _with_good_standing(profile, graduate, page.INTERNATIONAL_MIT_STANDING)


def in_training(profile: Profile) -> Finding:
    """Students, residents, fellows and physics trainees (or someone just out of training)."""
    if profile.is_domestic:
        return _member_in_training(profile)
    return _international_member_in_training(profile)


FREE_MEMBERSHIP = Reason("Member-in-training membership is free.", page.MIT_FREE)


def _member_in_training(profile: Profile) -> Finding:
    if is_medical_student(profile):
        return placed(
            Category.MEMBER_IN_TRAINING,
            Reason(
                "Medical students at accredited US and Canadian medical schools are members-in-training.",
                page.MEDICAL_STUDENTS,
            ),
            FREE_MEMBERSHIP,
            Reason("You do not need to have chosen radiology yet.", page.NOT_YET_COMMITTED),
            Reason(
                "No enrollment verification is needed while you are a student in good standing.",
                page.NO_ENROLLMENT_VERIFICATION,
            ),
        )
    if profile.profession is Profession.MEDICAL_PHYSICIST:
        return placed(
            Category.MEMBER_IN_TRAINING,
            Reason(
                "Medical and therapy physicists registered in a formal medical physics educational program in the US "
                "or Canada are members-in-training.",
                page.MIT_PHYSICISTS,
            ),
            FREE_MEMBERSHIP,
        )
    specialty, assumed = physician_specialty(profile)
    if specialty is Specialty.OTHER:
        return _not_a_radiology_program()
    reasons = [
        *assumed,
        Reason(
            "Residents and fellows in an approved radiology residency or fellowship in the US or Canada are "
            "members-in-training.",
            page.MIT_RESIDENTS,
        ),
        FREE_MEMBERSHIP,
    ]
    if profile.stage is Stage.FELLOW:
        reasons.append(
            Reason(
                "Moving from residency into a fellowship keeps your free membership throughout training.",
                page.FELLOWSHIP_STAYS_FREE,
            )
        )
    if Cert.ECFMG in profile.certified_by and profile.country == "US":
        reasons.append(
            Reason(
                "International medical graduates who have matched and begun a US residency qualify as well.",
                page.IMG_MATCHED,
            )
        )
    return placed(Category.MEMBER_IN_TRAINING, *reasons)


def _international_member_in_training(profile: Profile) -> Finding:
    if profile.previously_member_in_practice:
        return _was_member_in_practice()
    if is_medical_student(profile):
        finding = _international_medical_student(profile)
    elif profile.profession is Profession.MEDICAL_PHYSICIST:
        finding = placed(
            Category.INTERNATIONAL_MEMBER_IN_TRAINING,
            Reason(
                "Medical physicists registered in a formal medical physics educational program outside the US and "
                "Canada can join as international members-in-training.",
                page.INTERNATIONAL_MIT_TRAINEES,
            ),
        )
    else:
        finding = _international_resident(profile)
    if finding.category is None:
        return finding
    return _with_good_standing(profile, finding, page.INTERNATIONAL_MIT_STANDING)


def _international_resident(profile: Profile) -> Finding:
    specialty, assumed = physician_specialty(profile)
    if specialty is Specialty.OTHER:
        return undecided(
            Reason(
                'For international members-in-training the membership page says "approved residency or fellowship '
                'programs" without naming a specialty, so it does not say whether a program outside radiology '
                f"counts; {page.TEAM_ROUTE}.",
                page.INTERNATIONAL_MIT_TRAINEES,
            )
        )
    return placed(
        Category.INTERNATIONAL_MEMBER_IN_TRAINING,
        *assumed,
        Reason(
            "Residents and fellows in approved programs outside the US and Canada can join as international "
            "members-in-training.",
            page.INTERNATIONAL_MIT_TRAINEES,
        ),
        Reason(
            "They stay in that category throughout their international residency and fellowship.",
            page.INTERNATIONAL_MIT_THROUGHOUT,
        ),
    )


def _international_medical_student(profile: Profile) -> Finding:
    years = profile.medical_school_years
    if years is None:
        return ask(
            ("medical_school_years",),
            Reason(
                "International medical students qualify when their medical school program lasts four years or more; "
                "how many years is yours?",
                page.INTERNATIONAL_MIT_STUDENTS,
            ),
        )
    if years < MIN_INTERNATIONAL_SCHOOL_YEARS:
        return not_eligible(
            Reason(
                "International medical students qualify only at a medical school of four years or more, and yours "
                f"is {years}.",
                page.INTERNATIONAL_MIT_STUDENTS,
            )
        )
    return placed(
        Category.INTERNATIONAL_MEMBER_IN_TRAINING,
        Reason(
            "Medical students at a medical school of four years or more outside the US and Canada can join as "
            "international members-in-training.",
            page.INTERNATIONAL_MIT_STUDENTS,
        ),
    )


def _was_member_in_practice() -> Finding:
    return not_eligible(
        Reason(
            "International member-in-training membership is only for people who have never been ACR members in "
            "practice; the membership team can advise on rejoining.",
            page.INTERNATIONAL_MIT_NEVER_MEMBERS,
        )
    )


def _not_a_radiology_program() -> Finding:
    return undecided(
        Reason(
            "Member-in-training membership is for residents and fellows in an approved radiology residency or "
            "fellowship in the US or Canada.",
            page.MIT_RESIDENTS,
        ),
        Reason(
            "Allied health membership is also open to physicians who are not engaged in the practice of radiology; "
            f"the membership page does not say whether that includes physicians in training, and {page.TEAM_ROUTE}.",
            page.ALLIED_PHYSICIANS,
        ),
    )


def in_practice(profile: Profile) -> Finding:
    """Physicians and medical physicists in professional practice."""
    if profile.profession is Profession.MEDICAL_PHYSICIST:
        return _practicing_physicist(profile)
    specialty, assumed = physician_specialty(profile)
    if specialty is Specialty.OTHER:
        return placed(
            Category.ALLIED_HEALTH,
            Reason(
                "Physicians who are not engaged in the practice of radiology can join as allied health members.",
                page.ALLIED_PHYSICIANS,
            ),
        )
    finding = _practicing_physician(profile, specialty)
    return replace(finding, reasons=assumed + finding.reasons)


def _practicing_physicist(profile: Profile) -> Finding:
    if profile.certifications is None:
        return _ask_certifications()
    certified = bool(profile.certified_by & PHYSICS_BOARDS)
    if not profile.is_domestic:
        return _international(profile, certified)
    if certified:
        return placed(Category.GENERAL, PHYSICIST_GENERAL)
    return placed(Category.ASSOCIATE, PHYSICIST_ASSOCIATE)


def _practicing_physician(profile: Profile, specialty: Specialty) -> Finding:
    if profile.certifications is None:
        return _ask_certifications()
    nuclear = specialty is Specialty.NUCLEAR_MEDICINE
    certified = bool(profile.certified_by & (NUCLEAR_MEDICINE_BOARDS if nuclear else RADIOLOGY_BOARDS))
    if not profile.is_domestic:
        return _international(profile, certified or Cert.NATIONAL_BOARD in profile.certified_by)
    if nuclear:
        return placed(Category.GENERAL, NUCLEAR_GENERAL) if certified else placed(Category.ASSOCIATE, NUCLEAR_ASSOCIATE)
    return placed(Category.GENERAL, RADIOLOGY_GENERAL) if certified else _uncertified_radiologist(profile)


RADIOLOGY_GENERAL = Reason(
    "Physicians certified in a radiological discipline by the American Board of Radiology, the American Osteopathic "
    "Board of Radiology, the Royal College of Physicians and Surgeons of Canada or the Collège des médecins du "
    "Québec can join as general members.",
    page.GENERAL_RADIOLOGY,
)
NUCLEAR_GENERAL = Reason(
    "Physicians in nuclear medicine certified by a member board of the American Board of Medical Specialties or its "
    "Canadian equivalent can join as general members.",
    page.GENERAL_NUCLEAR,
)
NUCLEAR_ASSOCIATE = Reason(
    "Physicians in nuclear medicine who are not certified by a member board of the American Board of Medical "
    "Specialties or its Canadian equivalent can join as associate members.",
    page.ASSOCIATE_NUCLEAR,
)
PHYSICIST_GENERAL = Reason(
    "Medical physicists certified by the American Board of Radiology or an equivalent board can join as general "
    "members.",
    page.GENERAL_PHYSICIST,
)
PHYSICIST_ASSOCIATE = Reason(
    "Medical physicists practicing medical physics without certification by the American Board of Radiology or an "
    "equivalent board can join as associate members.",
    page.ASSOCIATE_PHYSICIST,
)


def _uncertified_radiologist(profile: Profile) -> Finding:
    completed = True if profile.training_completed_on else profile.completed_residency
    if completed is None:
        return ask(
            ("completed_residency",),
            Reason(
                "Without ABR, AOBR, RCPSC or Collège des médecins du Québec certification, associate membership "
                "needs a completed approved radiology residency; have you completed one?",
                page.ASSOCIATE_RADIOLOGY,
            ),
        )
    if not completed:
        return not_eligible(
            Reason(
                "Practicing physicians without radiology board certification need a completed approved radiology "
                "residency to join as associate members; the membership team can advise you.",
                page.ASSOCIATE_RADIOLOGY,
            )
        )
    return placed(
        Category.ASSOCIATE,
        Reason(
            "Physicians practicing radiology who completed an approved radiology residency but are not certified by "
            "the ABR, AOBR, RCPSC or Collège des médecins du Québec can join as associate members.",
            page.ASSOCIATE_RADIOLOGY,
        ),
    )


def _international(profile: Profile, certified: bool) -> Finding:
    if not certified:
        return not_eligible(
            Reason(
                "International membership requires certification in radiology or medical physics (your national "
                "board counts), and you did not list one.",
                page.INTERNATIONAL,
            )
        )
    international = placed(
        Category.INTERNATIONAL,
        Reason(
            "Physicians and medical physicists practicing radiology, radiation oncology or medical physics outside "
            "the US and Canada who are certified in radiology or medical physics can join as international members.",
            page.INTERNATIONAL,
        ),
    )
    return _with_good_standing(profile, international, page.INTERNATIONAL_STANDING)


def _ask_certifications(
    why: str = "Your category depends on your board certification", source: str = page.WHO_CAN_JOIN
) -> Finding:
    return ask(("certifications",), Reason(f"{why}; which certifications do you hold?", source))
