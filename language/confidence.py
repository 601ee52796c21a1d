"""How sure the response selector must be of an FAQ answer, in each situation."""

FAQ_ANSWER_CONFIDENCE = 0.5  # the response selector's, for its best FAQ answer
# ... and for answering when DIET hesitated between faq and another intent ("whos elgible to
# join??": followup 0.37, faq 0.34; the answer 0.99). Unrelated questions the held-out set
# and its out-of-scope checks hold stay under 0.8.
FAQ_CLEAR_ANSWER = 0.9
# Below this the response selector is guessing: "can I bring my dog to the annual meeting"
# reads as an FAQ to DIET, but no answer fits (0.1). The lowest of a right answer on the
# held-out set was 0.29.
FAQ_ANSWER_FLOOR = 0.25
# Two best FAQ answers closer than this: the response selector cannot tell which one was
# asked ("allied health dues still $240?": dues after training 0.49, allied health dues
# 0.45), so the visitor is asked, unless the category the message names settles it.
FAQ_CLOSE_CALL = 0.05
