"""Sentences of the ACR membership page (docs/source/acr_membership_page.txt), quoted exactly.

Each reason the engine gives names the sentence it rests on, so anyone can find it on the page.
"""

URL = "https://www.acr.org/Membership/Join"
CONTACT = f"the Contact us link on {URL}"
TEAM_ROUTE = f"the membership team can answer that through {CONTACT}"

# The membership team: the route for everything the page does not settle.
TEAM = "Our team can answer them."
WHO_CAN_JOIN = "Who can join ACR?"
CATEGORIES = "Physicians, residents, fellows, medical students and more."

GENERAL_RADIOLOGY = "Physicians certified in a radiological discipline by:"
GENERAL_NUCLEAR = (
    "Physicians engaged in nuclear medicine and certified by a specialty board that is a member of the American Board "
    "of Medical Specialties or its Canadian equivalent."
)
GENERAL_PHYSICIST = "Medical physicists certified by the American Board of Radiology or equivalent."

NATIONAL_AND_CHAPTER = "To be a member in good standing with ACR, you must pay national and chapter dues."
UP_TO_TWO_CHAPTERS = "You can choose up to two local chapters depending on where you live or practice."
DISCOUNT = "ACR offers a 50% discount on national dues"
DISCOUNT_ROUTE = "Email us to get started."
CHAPTER_WAIVER = "Active-duty military members are eligible to waive chapter membership."

MIT_RESIDENTS = (
    "residents and fellows in-training who are physicians in an approved radiology residency or fellowship in the "
    "United States or Canada"
)
MIT_PHYSICISTS = (
    "medical and therapy physicists who are registered in a formal educational program in medical physics in the "
    "United States or Canada"
)
MIT_FREE = "This category is free."
FELLOWSHIP_STAYS_FREE = "your free membership status continues throughout your training"
MIT_BECOMES_PAID = (
    "Six months after you complete your training, you'll automatically become a full member of ACR in the "
    "appropriate category."
)
MEDICAL_STUDENTS = (
    "Medical students in accredited U.S. and Canadian medical schools are eligible for complimentary ACR "
    "member-In-training (MIT) membership."
)
NO_ENROLLMENT_VERIFICATION = "enrollment verification is not necessary if you are a student in good standing"
NOT_YET_COMMITTED = "You can still apply for membership"
IMG_MATCHED = (
    "International medical graduates who match and begin their U.S. residency program will qualify for complimentary "
    "MIT membership."
)

DUES_RISE = "Member dues increase incrementally during the first four years of practice."
FIRST_DUES_AFTER_TRAINING = (
    "The first ACR dues payment after completing training will be owed for the following year beginning in January."
)
INTERNATIONAL_MIT_DUES = "International MIT medical students’ dues are $138 per year until they complete training."
INTERNATIONAL_DUES_AFTER_TRAINING = "Upon completion of training, international member dues are $391 per year."
DUES_SCHEDULE = "Find the schedule of dues here."

INTERNATIONAL_MIT_STUDENTS = (
    "International medical students at a four year or greater medical school outside of the United States and Canada"
)
INTERNATIONAL_MIT_GRADUATES = (
    "international medical school graduates who are currently certified by ECFMG and are waiting to match into a U.S. "
    "residency program in a radiologic discipline including nuclear medicine"
)
INTERNATIONAL_MIT_TRAINEES = (
    "occupy approved residency or fellowship programs or are registered in a formal educational program in medical "
    "physics outside the United States and Canada"
)
INTERNATIONAL_MIT_THROUGHOUT = (
    "International MITs who continue their training outside the U.S. or Canada will remain qualified for "
    "international MIT membership status throughout their international residency and fellowship."
)
INTERNATIONAL_MIT_NEVER_MEMBERS = "who have never been ACR members in practice"
INTERNATIONAL_MIT_STANDING = "are in good ethical standing in their respective countries"
INTERNATIONAL_MIT_TRANSITION = (
    "International member-in-training status normally terminates within six months following completion of the "
    "period of training but may be considered for transition to membership in the appropriate class."
)

INTERNATIONAL = (
    "practicing the specialty of radiology, radiation oncology or medical physics outside the United States and "
    "Canada who is certified in radiology or medical physics"
)
INTERNATIONAL_STANDING = "is in good ethical standing in your country"
INTERNATIONAL_RIGHTS = (
    "As an international member, you can be appointed to commissions and committees and task forces but cannot hold "
    "elective office or be a member of the ACR Board of Chancellors."
)

ALLIED = (
    "MRI scientists and Registered Radiologist Assistants (RRA) with certification from the American Registry of "
    "Radiologic Technologists (ARRT) are eligible to be ACR members."
)
ALLIED_PHYSICIANS = (
    "This category of membership is also open to physicians who are not engaged in the practice of radiology."
)

ASSOCIATE_RADIOLOGY = (
    "Physicians engaged in the practice of radiology who have completed an approved residency program in radiology "
    "but have not been certified by any of the following:"
)
ASSOCIATE_NUCLEAR = (
    "Physicians engaged in nuclear medicine but not certified by a specialty board that is a member of the American "
    "Board of Medical Specialties or its Canadian equivalent"
)
ASSOCIATE_PHYSICIST = (
    "Medical physicists engaged in the practice of medical physics and otherwise eligible for membership in the "
    "College who have not been certified by the American Board of Radiology or its equivalent"
)
ASSOCIATE_RIGHTS = (
    "Associate members have the right to be appointed to ACR commissions and committees but cannot hold elective "
    "office or be a member of the ACR Board of Chancellors."
)

RETIRED = "You earn retired member status after fully retiring from professional practice."
RETIRED_RIGHTS = (
    "As a retired member, you can be appointed to commissions and committees and task forces but do not have the "
    "right to be a member of the ACR Board of Chancellors."
)
RETIRED_ELECTED_OFFICE = "You can serve in elected office during the first six years following your retirement."
RETIREMENT_REFUND = (
    "Retired members who have paid their membership dues and then notify us of retirement between January 1 and "
    "March 31 of the same year, will receive a full refund."
)
RETIRED_FREE = "After that, your dues are free."
