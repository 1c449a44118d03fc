"""Reproducible workloads for notebooks and benchmarks, built only through the public API.

``build_workload`` makes peers who talk with one user (``me``), groups they share, messages
spread over a time span, drafts and pinned conversations. The same seed gives the same data:
it sets the local engine's clock (``Client.set_clock``) for every message, so it needs the
local engine.
"""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Optional

from tqdm.auto import tqdm

from .checks import check_int
from .client import Client

__all__ = ["Workload", "build_workload"]

log = logging.getLogger(__name__)

#: Where workloads end unless told otherwise: fixed, so that a seed always gives the same data.
DEFAULT_END = datetime(2026, 11, 1, 12, 0, tzinfo=timezone.utc)
#: Above this many messages a progress bar shows.
PROGRESS_THRESHOLD = 1000

PHRASES = [
    "are you free tomorrow?", "sounds good", "see you at 5", "can you review my draft?", "thanks!",
    "running late, sorry", "lunch?", "the build is green again", "where are the slides?", "call me back",
    "good morning", "did you get my message?", "let's ship it", "on my way", "happy birthday!",
]


@dataclass
class Workload:
    """What ``build_workload`` made."""

    me: str
    peers: list[str]
    groups: dict[str, list[str]]  # group id -> its members (``me`` included)
    messages: int
    drafts: list[str] = field(default_factory=list)  # conversation keys with a draft of ``me``
    pinned: list[str] = field(default_factory=list)  # conversation keys ``me`` pinned
    start: Optional[datetime] = None
    end: Optional[datetime] = None


def build_workload(
    client: Client,
    *,
    me: str = "me",
    peers: int = 20,
    messages: int = 200,
    groups: int = 3,
    drafts: int = 5,
    pinned: int = 2,
    read_fraction: float = 0.5,
    span: timedelta = timedelta(days=14),
    end: datetime = DEFAULT_END,
    seed: int = 0,
) -> Workload:
    """Fills the local engine with a workload around user ``me`` and leaves ``me`` logged in.

    Messages are spread uniformly over ``span`` before ``end``: 60% from a peer to ``me``, 25%
    from ``me`` to a peer, 15% to a group by one of its members. Then ``me`` marks about
    ``read_fraction`` of its conversations read, writes ``drafts`` drafts and pins ``pinned``
    conversations. The engine's clock is back to real time when it returns."""
    if not client.is_local:
        raise NotImplementedError("build_workload sets the engine's clock, which only the local engine can do")
    for name, value in [("peers", peers), ("messages", messages), ("groups", groups), ("drafts", drafts),
                        ("pinned", pinned)]:
        check_int(value, name, 0, expected="a non-negative int")
    if peers == 0 and (messages or groups):
        raise ValueError("messages and groups need at least one peer")
    rng = random.Random(seed)
    peer_ids = [f"peer{i:03d}" for i in range(peers)]
    group_members = {
        f"group{j:02d}": [me] + sorted(rng.sample(peer_ids, k=min(len(peer_ids), rng.randint(2, 6))))
        for j in range(groups)
    }
    start = end - span
    work = Workload(me=me, peers=peer_ids, groups=group_members, messages=messages, start=start, end=end)
    current: Optional[str] = None

    def act_as(user: str) -> None:
        nonlocal current
        if current != user:
            client.login(user)
            current = user

    try:
        client.set_clock(start)
        act_as(me)
        for group, members in group_members.items():  # me makes each group with its members in it
            client.create_group(group, group, "work", members=[m for m in members if m != me])
        times = sorted(start + span * rng.random() for _ in range(messages))
        for when in tqdm(times, desc="messages", disable=messages < PROGRESS_THRESHOLD):
            client.set_clock(when)
            roll = rng.random()
            text = rng.choice(PHRASES)
            if roll < 0.60 or (roll >= 0.85 and not group_members):
                act_as(rng.choice(peer_ids))
                client.send_text(me, text)
            elif roll < 0.85:
                act_as(me)
                client.send_text(rng.choice(peer_ids), text)
            else:
                group = rng.choice(sorted(group_members))
                act_as(rng.choice(group_members[group]))
                client.send_text(group, text, "group")
        client.set_clock(end)
        act_as(me)
        conversations = client.conversation_list()
        for conv in conversations:
            if conv.unread and rng.random() < read_fraction:
                client.mark_read(conv.conv_id, conv.conv_type)
        for conv in rng.sample(conversations, k=min(drafts, len(conversations))):
            client.set_draft(conv.conv_id, rng.choice(PHRASES), conv.conv_type, user_define=f"seed {seed}")
            work.drafts.append(conv.key)
        for conv in rng.sample(conversations, k=min(pinned, len(conversations))):
            client.pin(conv.conv_id, conv.conv_type)
            work.pinned.append(conv.key)
    finally:
        client.set_clock(None)
    log.info("workload: %d peers, %d groups, %d messages for %s", peers, groups, messages, me)
    return work
