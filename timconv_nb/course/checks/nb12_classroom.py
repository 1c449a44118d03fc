"""The exercises of notebook 12, a classroom: three users in one notebook."""

from __future__ import annotations

from typing import Any

from ..exercises import Unmet, exercise

#: The messages of the notebook's group that mention alice, and why (TIMGroupAtType).
_MENTIONS = {"@alice can you share the room link?": "AT_ME", "@all starting in 5 minutes": "AT_ALL"}

MENTIONS_WRONG = """
mentions = {history.text.iloc[i]: at_type for i, (seq, at_type) in enumerate(conversation.group_at)}
"""


@exercise("12.1", "12-classroom", "Who mentioned alice?", "python", wrong=MENTIONS_WRONG, wrong_hint="by its seq")
def who_mentioned_alice(mentions: Any) -> None:
    if not isinstance(mentions, dict):
        raise Unmet(f"mentions is {mentions!r}, not a dict",
                    "build {text: at_type} from conversation.group_at, whose items are (seq, GroupAtType) pairs")
    for text, at_type in mentions.items():
        if text not in _MENTIONS:
            raise Unmet(f"{text!r} does not mention alice",
                        "select each reminder's message by its seq: history[history.seq == seq] (a position, "
                        "history.iloc[i], names whatever message is there now)")
        if getattr(at_type, "name", None) != _MENTIONS[text]:
            raise Unmet(f"{text!r} is given {at_type!r}, not GroupAtType.{_MENTIONS[text]}",
                        "keep the at_type of each (seq, at_type) pair of conversation.group_at")
    missing = sorted(set(_MENTIONS) - set(mentions))
    if missing:
        raise Unmet(f"{missing[0]!r} mentions alice but is missing",
                    "take every (seq, at_type) pair of conversation.group_at: one per message that mentions her")


REVOKE_WRONG = """
bobs = peers["bob"].messages("class", "group")
slides = bobs.index[0]
peers["bob"].revoke_message({"message_msg_id": slides, "message_conv_id": "class", "message_conv_type": ConvType.GROUP})
"""

_REGRETTED = "Hi all, I have the slides"


@exercise("12.2", "12-classroom", "Revoke the right message", "python", wrong=REVOKE_WRONG,
          wrong_hint="positions move")
def revoke_the_right_message(messages: Any) -> None:
    if not all(hasattr(messages, column) for column in ("text", "status")):
        raise Unmet("the answer is not a message frame", "pass alice's messages: client.messages(\"class\", \"group\")")
    revoked = sorted(messages.text[messages.status == 6])   # kTIMMsg_Revoked
    if not revoked:
        raise Unmet("no message of class is revoked in alice's store",
                    f"as bob, find his row whose text is {_REGRETTED!r} (bobs[bobs.text == ...]) and pass its index, "
                    "the message_msg_id, to peers[\"bob\"].revoke_message")
    if revoked != [_REGRETTED]:
        raise Unmet(f"the revoked message says {[t for t in revoked if t != _REGRETTED][0]!r}",
                    f"select bob's row by its text, {_REGRETTED!r}, not by its place: positions move as messages "
                    "arrive (the frame is newest first)")
