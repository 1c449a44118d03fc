"""The public API's types as docs/api.md gives them, checked by mypy (tests/test_lint.py), never
run: each ``assert_type`` fails the check when a method's declared type drifts from the docs."""

from __future__ import annotations

from typing import Optional, Union

import pandas as pd
from typing_extensions import assert_type

from timconv_nb import Client, Conversation, ConvKey, Group, GroupMember, JoinedGroup, Message, ReceiveOpt, Recorder
from timconv_nb.client import LibraryInfo
from timconv_nb.errors import TIMError
from timconv_nb.native import NativeLibrary


def sync_methods(client: Client, message: Message) -> None:
    assert_type(client.login("alice"), None)
    assert_type(client.create_conversation("bob"), Conversation)
    assert_type(client.create_conversation("team", "group"), Conversation)
    assert_type(client.conversation("bob"), Conversation)
    assert_type(client.conversation_list(), list[Conversation])
    assert_type(client.conversations(), pd.DataFrame)
    assert_type(client.set_draft("bob", "see you", edit_time=0), None)
    assert_type(client.send_text("team", "hi", "group", at=["bob"]), Message)
    assert_type(client.send_message("bob", {"message_elem_array": []}), Message)
    assert_type(client.messages("bob", count=5), pd.DataFrame)
    assert_type(client.mark_read("bob", up_to=message), None)
    assert_type(client.c2c_receive_options(["bob"]), dict[str, ReceiveOpt])
    assert_type(client.total_unread(), int)
    assert_type(client.unread_count(mark=1), int)
    assert_type(client.delete_conversations(["c2c_bob", ConvKey.parse("group_team")]), dict[str, Optional[TIMError]])
    assert_type(client.conversation_group_list(), list[str])
    assert_type(client.conversation_page(0, 10, has_unread=True), tuple[pd.DataFrame, int, bool])
    assert_type(client.create_group("Team", members=["bob", ("carol", 3)]), str)
    assert_type(client.group_list(), list[JoinedGroup])
    assert_type(client.groups(), pd.DataFrame)
    assert_type(client.groups_info(["team"]), dict[str, Union[Group, TIMError]])
    assert_type(client.member_list("team", roles=1), list[GroupMember])
    assert_type(client.members("team"), pd.DataFrame)
    assert_type(client.search_group_members(["bob"]), dict[str, list[GroupMember]])
    assert_type(client.mark_group_members("live", ["bob"], 1000), None)
    assert_type(client.set_group_attributes("team", {"k": "v"}), None)
    assert_type(client.group_attributes("team"), dict[str, str])
    assert_type(client.set_group_counters("team", {"n": 1}), dict[str, int])
    assert_type(client.group_counters("team", ["n"]), dict[str, int])
    assert_type(client.increase_group_counter("team", "n", 1), int)
    assert_type(client.revoke_message(message), None)
    assert_type(client.delete_messages([message]), None)
    assert_type(client.modify_message(message, text="edited", cloud_custom_data="reply:1"), Message)
    assert_type(client.set_local_custom_data(message, data="played", number=1), Message)
    assert_type(client.save_message("bob", "a note", sender="bob", time=0), Message)
    assert_type(client.import_messages("bob", pd.DataFrame({"sender": [], "text": [], "time": []})), None)
    assert_type(client.experimental_api({"request_internal_operation": "internal_operation_write_log"}), None)
    assert_type(Client.library_info(), LibraryInfo)
    assert_type(client.native, NativeLibrary)
    assert_type(client.recorder, Optional[Recorder])
    assert_type(Client.create_conversation.c_function, str)
    assert_type(client.create_conversation.c_function, str)


async def awaited_methods(client: Client) -> None:
    assert_type(await client.create_conversation_async("bob"), Conversation)
    assert_type(await client.conversations_async(), pd.DataFrame)
    assert_type(await client.total_unread_async(), int)
    assert_type(await client.subscribe_unread_async(mark=1), None)
    assert_type(await client.wait_for_sync_async(), None)
    assert_type(await client.import_messages_async("bob", ["hello"]), None)


def renamed_methods(client: Client) -> None:
    """The names of the previous release (client.RENAMED) still type as the methods they stand for."""
    assert_type(client.listed_conversations(keep_json=True), pd.DataFrame)
    assert_type(client.joined_groups(), list[JoinedGroup])
    assert_type(client.group_members("team"), list[GroupMember])
    assert_type(client.conversation_groups(), list[str])
