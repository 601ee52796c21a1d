"""Profiles and the fixed day shared by the engine tests."""

AS_OF = "2025-06-15"

US_RADIOLOGIST = {
    "profession": "physician",
    "stage": "in_practice",
    "specialty": "radiology",
    "certifications": ["ABR"],
    "country": "US",
}
RESIDENT = {"profession": "physician", "stage": "resident", "specialty": "radiology"}
