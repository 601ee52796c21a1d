"""The project's language pipeline: a blank English spaCy pipeline with lemmas and an
entity ruler built from language/vocabulary.yml (build.py), and the Rasa components
config.yml names (components.py, featurizers.py)."""
