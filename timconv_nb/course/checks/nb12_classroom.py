"""The exercises of notebook 12, a classroom: three users in one notebook."""

from __future__ import annotations

import numbers
from typing import Any

from ..exercises import Unmet, exercise

#: The messages of the notebook's group that mention alice, and why (TIMGroupAtType).
_MENTIONS = {"@alice can you share the room link?": "AT_ME", "@all starting in 5 minutes": "AT_ALL"}
#: The group's messages, by seq, as the notebook sends them (seq 1 is the tip that made the members).
_TEXTS = {2: "Hi all, I have the slides", 3: "@alice can you share the room link?", 4: "@all starting in 5 minutes",
          5: "thanks!", 6: "I will post the slides after the class"}

MENTIONS_WRONG = """
mentions = {history.text.iloc[i]: at_type for i, (seq, at_type) in enumerate(conversation.group_at)}
"""

_BY_SEQ = ("select each reminder's message by its seq: history[history.seq == seq] (a position, history.iloc[i], "
           "names whatever message is there now, and seq - 1 is not a position)")


@exercise("12.1", "12-classroom", "Who mentioned alice?", "python", wrong=MENTIONS_WRONG, wrong_hint="by its seq")
def who_mentioned_alice(mentions: Any) -> None:
    if not isinstance(mentions, dict):
        raise Unmet(f"mentions is {mentions!r}, not a dict",
                    "build {text: at_type} from conversation.group_at, whose items are (seq, GroupAtType) pairs")
    seqs = [key for key in mentions if isinstance(key, numbers.Integral)]
    if seqs:
        raise Unmet(f"the keys {', '.join(map(str, seqs))} are seqs, not the messages' texts",
                    "look each seq up in history: the text of the row whose seq column equals it "
                    "(history.set_index(\"seq\")[\"text\"][seq])")
    for text, at_type in mentions.items():
        if text not in _MENTIONS:
            raise Unmet(f"{text!r} does not mention alice", _BY_SEQ)
        if getattr(at_type, "name", None) is None:
            raise Unmet(f"{text!r} is given {at_type!r}, not a GroupAtType",
                        "keep the at_type of each (seq, at_type) pair of conversation.group_at")
        if at_type.name != _MENTIONS[text]:
            raise Unmet(f"{text!r} is given the reminder of another message ({at_type.name}; its own is "
                        f"{_MENTIONS[text]})", _BY_SEQ)
    missing = sorted(set(_MENTIONS) - set(mentions))
    if missing:
        raise Unmet(f"{missing[0]!r} mentions alice but is missing",
                    "take every (seq, at_type) pair of conversation.group_at: one per message that mentions her")


REVOKE_WRONG = """
bobs = peers["bob"].messages("class", "group")
slides = bobs.index[bobs.text == "Hi all, I have the slides"][0]
client.revoke_message({"message_msg_id": slides, "message_conv_id": "class", "message_conv_type": ConvType.GROUP})
"""

_REGRETTED_SEQ = 2
_START_AGAIN = ("a revoked message stays revoked: to try again, restart the kernel and run the notebook from the "
                "top")


@exercise("12.2", "12-classroom", "Revoke the right message", "python", wrong=REVOKE_WRONG, wrong_hint="as bob")
def revoke_the_right_message(heard: Any) -> None:
    if not isinstance(heard, list):
        raise Unmet(f"the answer is {type(heard).__name__}, not a list",
                    "pass revoked, the list alice's \"message_revoked\" handler fills")
    if not heard:
        raise Unmet("alice's process heard no revoke",
                    "revoke it as bob, peers[\"bob\"].revoke_message(...): the revoke callback reaches the other "
                    "members (TIMMessageManager.h 696), so a revoke alice made herself (client.revoke_message) "
                    "is not announced to her. If she did, restart the kernel and run the notebook from the top: a "
                    "revoked message stays revoked")
    for item in heard:
        if getattr(item, "revoker", None) != "bob":
            raise Unmet(f"{getattr(item, 'revoker', item)!r} revoked a message, not bob",
                        f"revoke it as bob, through peers[\"bob\"]; {_START_AGAIN}")
        if item.seq != _REGRETTED_SEQ:
            raise Unmet(f"bob revoked seq {item.seq}, {_TEXTS.get(item.seq, 'another message')!r}",
                        f"select bob's row by its text, {_TEXTS[_REGRETTED_SEQ]!r}, not by its place: positions "
                        f"move as messages arrive (the frame is newest first); {_START_AGAIN}")
