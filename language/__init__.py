"""The language code both the NLU components (nlp/) and the actions (actions/) use: the
vocabulary, the entity patterns built from it, reading a visitor's facts from a message,
telling a personal question from a general one, and reading FAQ topics from the domain.
Plain Python: nothing here imports Rasa, so the actions and the NLU read messages alike."""
