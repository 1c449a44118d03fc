"""Conversation lists as pandas DataFrames, with one documented schema (docs/api.md).

:func:`conversations_frame` turns ConvInfo JSON (a string or parsed list) into a frame, so the
same conversion serves ``Client.conversations()``, event payloads and vendor output. The frame
is indexed by Tencent's conversation id (``c2c_<id>`` / ``group_<id>``) and keeps the JSON it
came from in ``frame.attrs["json"]``.
"""

from __future__ import annotations

import json
from typing import Any, Union

import pandas as pd

from .model import ConvType, epoch_seconds, message_text

__all__ = ["CONVERSATION_COLUMNS", "conversations_frame"]

_TIME = pd.DatetimeTZDtype(unit="s", tz="UTC")
_CONV_TYPE = pd.CategoricalDtype(["c2c", "group"])

#: Column name -> dtype of the conversation frame.
CONVERSATION_COLUMNS: dict[str, Any] = {
    "conv_id": "string",
    "conv_type": _CONV_TYPE,
    "show_name": "string",
    "unread": "int64",
    "active_time": _TIME,
    "pinned": "bool",
    "has_draft": "bool",
    "draft_text": "string",
    "draft_user_define": "string",
    "draft_edit_time": _TIME,
    "last_msg_text": "string",
    "last_msg_sender": "string",
    "last_msg_time": _TIME,
    "recv_opt": "int64",
}


def conversations_frame(conv_infos: Union[str, bytes, list]) -> pd.DataFrame:
    """A DataFrame of ConvInfo objects (a JSON array text, or the parsed list), in their order."""
    infos = json.loads(conv_infos) if isinstance(conv_infos, (str, bytes)) else conv_infos
    raw_json = conv_infos if isinstance(conv_infos, str) else json.dumps(infos, ensure_ascii=False)
    columns: dict[str, list] = {name: [] for name in CONVERSATION_COLUMNS}
    index: list[str] = []
    for info in infos:
        conv_type = ConvType(info["conv_type"])
        draft = info.get("conv_draft") if info.get("conv_is_has_draft") else None
        last = info.get("conv_last_msg") if info.get("conv_is_has_lastmsg") else None
        index.append(f"{conv_type.prefix}_{info['conv_id']}")
        columns["conv_id"].append(info["conv_id"])
        columns["conv_type"].append(conv_type.prefix)
        columns["show_name"].append(info.get("conv_show_name", ""))
        columns["unread"].append(info.get("conv_unread_num", 0))
        columns["active_time"].append(epoch_seconds(info.get("conv_active_time")))
        columns["pinned"].append(bool(info.get("conv_is_pinned", False)))
        columns["has_draft"].append(draft is not None)
        columns["draft_text"].append(message_text(draft.get("draft_msg")) if draft else None)
        columns["draft_user_define"].append(draft.get("draft_user_define", "") if draft else None)
        columns["draft_edit_time"].append(epoch_seconds(draft.get("draft_edit_time")) if draft else None)
        columns["last_msg_text"].append(message_text(last) if last else None)
        columns["last_msg_sender"].append(last.get("message_sender", "") if last else None)
        columns["last_msg_time"].append(epoch_seconds(last.get("message_server_time")) if last else None)
        columns["recv_opt"].append(info.get("conv_recv_opt", 0))
    data = {}
    for name, dtype in CONVERSATION_COLUMNS.items():
        if dtype is _TIME:
            data[name] = pd.to_datetime(pd.array(columns[name], dtype="Int64"), unit="s", utc=True).as_unit("s")
        else:
            data[name] = pd.array(columns[name], dtype=dtype)
    frame = pd.DataFrame(data, index=pd.Index(index, dtype="string", name="conversation"))
    frame.attrs["json"] = raw_json
    return frame
