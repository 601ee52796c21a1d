"""Builds the project's spaCy pipeline and saves it for Rasa's SpacyNLP.

    python -m nlp.build build/spacy-acr
"""
import sys
from pathlib import Path

import spacy
from spacy.language import Language

from language.patterns import all_patterns


def build_pipeline() -> Language:
    """Blank English: tokenizer, lookup lemmas and an entity ruler. No model download."""
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    nlp.initialize()
    nlp.get_pipe("entity_ruler").add_patterns(all_patterns())
    return nlp


def main(target: str) -> None:
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    build_pipeline().to_disk(target)
    print(f"spaCy pipeline saved to {target}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "build/spacy-acr")
