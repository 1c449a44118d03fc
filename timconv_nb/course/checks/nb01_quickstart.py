"""The exercises of notebook 01, the quickstart."""

from __future__ import annotations

from typing import Any

from ..exercises import Unmet, exercise

#: The one-to-one conversations of the quickstart's frame, in its order: erin came last, with a
#: message; carol and bob were made before the group (the frame lists the latest first).
C2C_IN_ORDER = ["c2c_erin", "c2c_carol", "c2c_bob"]

CONV_IDS_WRONG = 'answer = list(frame.loc[frame["conv_type"] == "c2c", "conv_id"])\n'


@exercise("1.1", "01-quickstart", "The one-to-one conversations", "python", wrong=CONV_IDS_WRONG,
          wrong_hint="conversation ID")
def the_one_to_one_conversations(answer: Any) -> None:
    if answer is ...:
        raise Unmet("the answer is still ...", "replace ... with a list of conversation IDs")
    answer = list(answer) if not isinstance(answer, (str, bytes, dict)) else answer
    if not isinstance(answer, list):
        raise Unmet(f"the answer is a {type(answer).__name__}, not a list",
                    "give a list: list(...) of the selected index")
    if sorted(map(str, answer)) == sorted(key.removeprefix("c2c_") for key in C2C_IN_ORDER):
        raise Unmet(f"{answer} are conv_ids, not conversation IDs",
                    "a conversation ID is c2c_ + the user id: it is the frame's index, frame.index")
    if sorted(map(str, answer)) != sorted(C2C_IN_ORDER):
        raise Unmet(f"{answer} are not the one-to-one conversations, {', '.join(sorted(C2C_IN_ORDER))}",
                    'keep the rows whose conv_type is "c2c": frame.index[frame["conv_type"] == "c2c"]')
    if list(answer) != C2C_IN_ORDER:
        raise Unmet(f"{answer} is not in the frame's order", "keep the index's order: do not sort it")


STRING_WRONG = '''try:
    client.pin("zoe")
except LookupError as error:
    answer = str(error)
'''

#: ERR_INVALID_CONVERSATION (TIMErrorCode.h): the callback's code for a conversation that does not exist.
INVALID_CONVERSATION = 6004


@exercise("1.2", "01-quickstart", "Which code?", "python", wrong=STRING_WRONG, wrong_hint="error.code")
def which_code(answer: Any) -> None:
    if answer is ...:
        raise Unmet("the answer is still ...",
                    'call client.pin("zoe") in a try block, and catch the error with except LookupError as error')
    if not isinstance(answer, int) or isinstance(answer, bool):
        raise Unmet(f"the answer is {answer!r}, not a number",
                    "the error carries the SDK's code as an int: error.code")
    if answer == -5:
        raise Unmet("-5 (TIM_ERR_CONV) is a return code: the call was refused",
                    'pin "zoe" with conv_type "c2c": the call is accepted, and its callback fails with its code')
    if answer != INVALID_CONVERSATION:
        raise Unmet(f"{answer} is not the code of pinning a conversation that does not exist",
                    'catch the error of client.pin("zoe") and give its error.code')
