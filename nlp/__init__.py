"""The project's language pipeline: a blank English spaCy pipeline with lemmas and
an entity ruler built from the vocabulary in `vocabulary.yml`."""
