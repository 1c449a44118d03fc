"""The exercises of notebook 08, Python over C."""

from __future__ import annotations

from typing import Any

from ..exercises import Unmet, exercise


def _answered(answer: Any, kind: type, shape: str) -> Any:
    """The answer, once it is of the kind the exercise asks for (else Unmet)."""
    if answer is ...:
        raise Unmet("answer is still `...`", f"finish the cell above so that answer is {shape}, then run it")
    if not isinstance(answer, kind):
        raise Unmet(f"answer is a {type(answer).__name__}, not {shape}", "run the exercise's cell as given, "
                    "with your changes in it")
    return answer


DELETE_WRONG = r"""
def delete(conv_id):
    called_back = threading.Event()
    codes = []

    def on_delete(code, desc, json_params):
        codes.append(code)
        called_back.set()

    done = native.python_callback(on_delete)
    returned = lib.TIMConvDelete(conv_id.encode(), lib.kTIMConv_C2C, done.callback, done.user_data)
    if returned == 0:
        called_back.wait(5)
    return returned, (codes[0] if codes else None)

held_before = native.pending_callbacks
answer = {"nobody": delete("nobody"), "empty id": delete(""), "held": native.pending_callbacks - held_before}
"""


@exercise("8.1", "08-python-over-c", "Return code or callback code, from Python", "python", wrong=DELETE_WRONG,
          wrong_hint="done.refused()")
def return_or_callback_code(answer: Any) -> None:
    answer = _answered(answer, dict, "a dict")
    if answer.get("held") != 0:
        raise Unmet("the binding still holds a callback after delete() returned",
                    "a refused call never calls back: when TIMConvDelete returns non-zero, call done.refused(); "
                    "when it returns 0, wait for the callback (called_back.wait(5)) before returning")
    nobody, empty = answer.get("nobody"), answer.get("empty id")
    if nobody == (0, None):
        raise Unmet("delete(\"nobody\") returned before its callback came: its code is None",
                    "the call was accepted (0), so its callback will come, on the SDK's thread: wait for it "
                    "(called_back.wait(5)) before reading codes")
    if nobody != (0, 6004):
        raise Unmet(f"delete(\"nobody\") gave {nobody!r}, not (0, 6004)",
                    "return (what TIMConvDelete returned, the code the callback received) for the C2C "
                    "conversation with \"nobody\"")
    if empty != (-4, None):
        raise Unmet(f"delete(\"\") gave {empty!r}, not (-4, None)",
                    "an empty id is refused at once with TIM_ERR_PARAM (-4), and a refused call has no callback")


GATHER_WRONG = r"""
try:
    outcomes = await asyncio.gather(client.create_conversation_async("grace"),
                                    client.delete_conversation_async("nobody"),
                                    client.set_draft_async("ghost", "see you"))
    answer = [0, 0, 0]
except TIMError as error:
    answer = [(error.code, error.name)]
"""

EXPECTED_OUTCOMES = [0, (6004, "ERR_INVALID_CONVERSATION"), (-5, "TIM_ERR_CONV")]


@exercise("8.2", "08-python-over-c", "Three calls at once", "python", wrong=GATHER_WRONG,
          wrong_hint="return_exceptions=True")
def three_calls_at_once(answer: Any) -> None:
    answer = _answered(answer, list, "a list")
    if len(answer) != 3:
        raise Unmet(f"answer has {len(answer)} entries, not 3 (one per call)",
                    "asyncio.gather(..., return_exceptions=True) gives every call's outcome in its place, an "
                    "exception as a value; without it, gather raises the first exception and drops the rest")
    answer = [tuple(entry) if isinstance(entry, list) else entry for entry in answer]
    if any(isinstance(entry, BaseException) for entry in answer):
        raise Unmet("answer holds exceptions themselves",
                    "turn each exception into (error.code, error.name), and each success into 0")
    if answer[0] != 0:
        raise Unmet(f"the create gave {answer[0]!r}, not 0",
                    "create_conversation_async(\"grace\") succeeds: its entry is 0")
    for got, expected, call in zip(answer[1:], EXPECTED_OUTCOMES[1:], ("the delete", "the draft")):
        if got != expected:
            raise Unmet(f"{call} gave {got!r}, not {expected!r}",
                        "delete \"nobody\" (a C2C conversation that does not exist), then set the draft on "
                        "\"ghost\"; keep the calls in that order, as gather keeps them")
