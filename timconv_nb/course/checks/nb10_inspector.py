"""The exercises of notebook 10, the call inspector."""

from __future__ import annotations

from typing import Any

from ..exercises import Unmet, exercise


def _listed(answer: Any) -> list:
    """The answer as a list of tuples (pandas' missing values as None), once it is a list."""
    if answer is ...:
        raise Unmet("answer is still `...`", "finish the cell above so that answer is a list, then run it")
    if not isinstance(answer, list):
        raise Unmet(f"answer is a {type(answer).__name__}, not a list", "make answer a list, one entry per record")
    entries = []
    for entry in answer:
        if not isinstance(entry, (tuple, list)):
            raise Unmet(f"the entry {entry!r} is not a tuple", "make each entry a tuple, as the exercise says")
        entries.append(tuple(None if _missing(value) else value for value in entry))
    return entries


def _missing(value: Any) -> bool:
    """None, or pandas' NA / NaN (a frame's cell where a record has no value)."""
    return value is None or (not isinstance(value, (str, bytes, tuple, list)) and value != value) or \
        type(value).__name__ == "NAType"


EVENTS_WRONG = r"""
with client.recording() as recorder:
    client.create_conversation("erin")
    client.send_text("erin", "hi")
    client.delete_conversation("erin")

answer = [(record.args["conv_event"], record.args["json_conv_array"][0]["conv_id"])
          for record in recorder.records if record.kind == "event"]
"""

EXPECTED_EVENTS = [("kTIMConvEvent_Add", "erin"), ("kTIMConvEvent_Update", "erin"), ("kTIMConvEvent_Del", "erin")]


@exercise("10.1", "10-inspector", "Name the events", "python", wrong=EVENTS_WRONG, wrong_hint="C name")
def name_the_events(answer: Any) -> None:
    entries = _listed(answer)
    if any(isinstance(entry[0], int) for entry in entries if entry):
        raise Unmet(f"the events are numbers: {[entry[0] for entry in entries]}",
                    "name each event by its C name: C_NAMES[record.args[\"conv_event\"]] gives kTIMConvEvent_Add "
                    "for 0 (enum TIMConvEvent)")
    if len(entries) != len(EXPECTED_EVENTS):
        raise Unmet(f"answer has {len(entries)} events, not {len(EXPECTED_EVENTS)}",
                    "keep the records of kind \"event\" (record.kind), one per conversation event, from a "
                    "recording of the three calls")
    for got, expected in zip(entries, EXPECTED_EVENTS):
        if got != expected:
            raise Unmet(f"{got!r} where the recording has {expected!r}",
                        "take conv_id from the event's json_conv_array (the conversations it names), and keep "
                        "the events in the recording's order")


PIN_WRONG = r"""
with client.recording() as recorder:
    client.faults.fail_next("TIMConvPinConversation", 6022, count=2)
    for attempt in range(2):
        try:
            client.pin("bob")
        except TIMError as error:
            print(repr(error))

answer = [(record.outcome, record.result, record.code)
          for record in recorder.records if record.function == "TIMConvPinConversation"]
"""

EXPECTED_PINS = [("refused", -4, None), ("failed", 0, 6022)]


@exercise("10.2", "10-inspector", "Refused or failed?", "python", wrong=PIN_WRONG, wrong_hint="below 0")
def refused_or_failed(answer: Any) -> None:
    entries = _listed(answer)
    if len(entries) != 2:
        raise Unmet(f"answer has {len(entries)} TIMConvPinConversation calls, not 2",
                    "keep the records whose function is TIMConvPinConversation, from a recording of the two pins")
    if entries[0] != EXPECTED_PINS[0]:
        raise Unmet(f"the first pin gave {entries[0]!r}, not {EXPECTED_PINS[0]!r}",
                    "a fault code below 0 is a TIMResult, returned at once: fail_next(\"TIMConvPinConversation\", -4) "
                    "first makes the call refused (no callback, so no code)")
    if entries[1] != EXPECTED_PINS[1]:
        raise Unmet(f"the second pin gave {entries[1]!r}, not {EXPECTED_PINS[1]!r}",
                    "a fault code above 0 is a callback code: the call returns 0, then fails in its callback; "
                    "set it after the refusal, as faults are used in the order they were set")
