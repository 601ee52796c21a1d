"""Reviewing what visitors asked (`make review`): the messages the assistant was unsure
of, folded into rows of one question each, turned by staff into training examples, new
answers to write, or nothing."""
