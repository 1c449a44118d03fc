"""The exercises of notebook 11, analysis. Each answer is a function over a frame of the
client's; the check runs it on a small frame of its own, made from ConvInfo or Message JSON as the
SDK gives it, where the right answer is known by construction, and says which case it got wrong."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any, Callable

from ..exercises import Unmet, exercise

#: The moment the checks' frames are built around.
NOW = datetime(2027, 1, 4, 12, 0, tzinfo=timezone.utc)


def _epoch(days_before_now: float) -> int:
    return int((NOW - timedelta(days=days_before_now)).timestamp())


def _called(function: Any, *args: Any) -> Any:
    """What the learner's function gives for args (Unmet when it is not one, or raises)."""
    if not callable(function):
        raise Unmet(f"the check was given a {type(function).__name__}, not your function",
                    "pass the function itself: check(\"<id>\", went_quiet), without calling it")
    try:
        return function(*args)
    except Exception as exc:
        raise Unmet(f"your function raised {type(exc).__name__}: {exc}",
                    "run it on the notebook's frame first, and read the error there") from None


def _quiet_frame() -> Any:
    """Five conversations in the SDK's order (pinned first, then the latest active): d (pinned),
    last active 3 days ago, then b (1 day), e (1.9 days), c (a group, 5 days) and a (10 days)."""
    from ...frames import conversations_frame

    def info(conv_id: str, conv_type: int, days: float, pinned: bool = False) -> dict:
        return {"conv_id": conv_id, "conv_type": conv_type, "conv_active_time": _epoch(days),
                "conv_is_pinned": pinned, "conv_unread_num": 0}

    return conversations_frame([info("d", 1, 3, pinned=True), info("b", 1, 1), info("e", 1, 1.9),
                                info("c", 2, 5), info("a", 1, 10)])


QUIET_WRONG = r"""
def went_quiet(frame, since):
    quiet = frame[frame.active_time < since]
    return list(quiet.index)

went_quiet(frame, work.end - pd.Timedelta(hours=36))
"""

EXPECTED_QUIET = ["c2c_a", "group_c", "c2c_d"]


@exercise("11.1", "11-analysis", "Which conversations went quiet?", "python", wrong=QUIET_WRONG,
          wrong_hint="sort_values(\"active_time\")")
def went_quiet(function: Callable[..., Any]) -> None:
    import pandas as pd

    since = pd.Timestamp(NOW - timedelta(days=2))
    result = _called(function, _quiet_frame(), since)
    if result is None or result is ...:
        raise Unmet("your function returns nothing", "end it with return list(...) of the conversation IDs")
    if isinstance(result, pd.DataFrame) or isinstance(result, pd.Series):
        result = list(result.index)
    found = [str(key) for key in result]
    if sorted(found) != sorted(EXPECTED_QUIET):
        raise Unmet(f"for conversations last active 10, 5, 3 (pinned), 1.9 and 1 days ago, asked about the last 2 "
                    f"days, it gave {found}, not {EXPECTED_QUIET} in some order",
                    "keep the rows whose active_time is before since (frame.active_time < since), and give "
                    "their conversation IDs: the frame's index")
    if found != EXPECTED_QUIET:
        raise Unmet(f"it gave {found}: the right conversations, not the quietest first",
                    "the frame comes in the SDK's order (pinned first, then the latest active): "
                    "sort_values(\"active_time\") puts the quietest first")


def _message(msg_id: str, sender: str, from_self: bool, days: float) -> dict:
    return {"message_msg_id": msg_id, "message_conv_id": "x" if from_self else sender, "message_conv_type": 1,
            "message_sender": sender, "message_is_from_self": from_self, "message_server_time": _epoch(days),
            "message_elem_array": [{"elem_type": 0, "text_elem_content": "hi"}]}


def _writers_frame() -> Any:
    """Messages as TIMMsgGetMsgList gives them (newest first): me 5, x 3, zed 2, yan 2, w 1, with
    zed's before yan's (so a sort that is not stable, or none, may put zed first)."""
    from ...frames import messages_frame

    senders = ["me"] * 5 + ["zed", "zed", "x", "x", "x", "yan", "yan", "w"]
    return messages_frame([_message(f"m{i}", sender, sender == "me", i / 10) for i, sender in enumerate(senders)])


WRITERS_WRONG = r"""
def top_writers(messages, n):
    counts = messages.groupby("sender").size()
    return counts.sort_values(ascending=False, kind="stable").head(n)

top_writers(messages, 3)
"""

EXPECTED_WRITERS = [("x", 3), ("yan", 2), ("zed", 2)]


@exercise("11.2", "11-analysis", "Who writes the most?", "python", wrong=WRITERS_WRONG, wrong_hint="is_from_self")
def top_writers(function: Callable[..., Any]) -> None:
    result = _called(function, _writers_frame(), 3)
    if result is None or result is ...:
        raise Unmet("your function returns nothing", "end it with return and the Series of counts")
    try:
        pairs = [(str(sender), int(count)) for sender, count in result.items()]
    except (AttributeError, TypeError, ValueError):
        raise Unmet(f"it gave a {type(result).__name__}, not a Series of sender -> count",
                    "count with messages.groupby(\"sender\").size(): a Series indexed by sender") from None
    if any(sender == "me" for sender, _ in pairs):
        raise Unmet(f"it gave {pairs}: me's own messages are counted",
                    "leave out the messages the logged-in user sent: messages[~messages.is_from_self]")
    if sorted(pairs) != sorted(EXPECTED_WRITERS):
        raise Unmet(f"for others' messages x 3, yan 2, zed 2 and w 1, it gave {pairs}, not {EXPECTED_WRITERS}",
                    "count the messages per sender, then keep the n largest counts (head(n) after sorting)")
    if pairs != EXPECTED_WRITERS:
        raise Unmet(f"it gave {pairs}: the right counts, not in the order asked ({EXPECTED_WRITERS})",
                    "the most first, and equal counts in the order of the sender ids: groupby sorts by sender, and "
                    "sort_values(ascending=False, kind=\"stable\") keeps that order among equals")
