"""The bad-input matrix (issue #7): every string parameter of every function gets NULL, "", 1 MiB + 1
bytes, bytes that are not UTF-8, JSON of the wrong type, JSON nested 100,000 deep and JSON whose
strings are not UTF-8; every enum parameter values out of range; from Python, NUL characters and
wrong types. Each gets its documented code, nothing crashes, and the store is unchanged: its
content compared row by row, and PRAGMA integrity_check. A function the engine does not implement
(docs/vendor.md) is accepted whatever the input and answers 7013: its rows are made from its
declaration."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from conftest import APP_ID, RawEngine, engine_library_path
from not_here_table import DECLARED, declare_not_here
from timconv_nb import declarations, errors, native
from timconv_nb.native import parameter_names

NULL = native.ffi.NULL
HUGE = b"x" * (1024 * 1024 + 1)
INPUTS = {
    "null": NULL,
    "empty": b"",
    "huge": HUGE,
    "not_utf8": b"\xff\xfe",
    "deep": b"[" * 100_000 + b"]" * 100_000,
}

# What each kind of string parameter answers to each input (a TIMResult: 0 accepted, -3
# TIM_ERR_JSON, -4 TIM_ERR_PARAM); "wrong_json" is JSON of another type than the one expected,
# "bad_utf8_json" JSON of the expected shape with a string that is not UTF-8 (docs/engine.md).
# A required JSON argument: NULL is missing (-4), "" is text that does not parse (-3).
EXPECTED = {
    "id": {"null": -4, "empty": -4, "huge": -4, "not_utf8": -4, "deep": -4},
    "user_sig": {"null": -4, "empty": 0, "huge": -4, "not_utf8": 0, "deep": 0},
    "json": {"null": -4, "empty": -3, "huge": -4, "not_utf8": -3, "deep": -3, "wrong_json": -3, "bad_utf8_json": -3},
    "json_optional": {"null": 0, "empty": 0, "huge": -4, "not_utf8": -3, "deep": -3, "wrong_json": -3,
                      "bad_utf8_json": -3},
    "custom_data": {"null": 0, "empty": 0, "huge": -4, "not_utf8": -4, "deep": -4},
    "clean_key": {"null": 0, "empty": 0, "huge": -4, "not_utf8": -4, "deep": -4},
    # TIMMsgReportReaded's conv_id: NULL or "" read every conversation of the type (vendor 2798).
    "report_key": {"null": 0, "empty": 0, "huge": -4, "not_utf8": -4, "deep": -4},
    "fault_name": {"null": -4, "empty": -4, "huge": -4, "not_utf8": -4, "deep": -4},
    "fault_scope": {"null": 0, "empty": -4, "huge": -4, "not_utf8": -4, "deep": -4},  # NULL: every call
    "out_buffer": {"null": -4},
    # A group id: TIM_ERR_GROUP (-6), the vendor's TIMResult for an invalid group.
    "group_id": {"null": -6, "empty": -6, "huge": -6, "not_utf8": -6, "deep": -6},
    # TIMGroupJoin's hello_msg is optional (选填): any UTF-8 text within the JSON size limit.
    "hello": {"null": 0, "empty": 0, "huge": -4, "not_utf8": -4, "deep": 0},
    # A function the engine does not implement reads none of its arguments: accepted, then 7013.
    "not_here": {"null": 0, "empty": 0, "huge": 0, "not_utf8": 0, "deep": 0},
    # A group counter's key: some UTF-8 text; its length (1 to 128 bytes) is checked when the call runs (10004).
    "counter_key": {"null": -4, "empty": -4, "huge": -4, "not_utf8": -4, "deep": 0},
}
NOT_SUPPORTED = next(row.code for row in errors.ERROR_CODES if row.name == "ERR_SDK_INTERFACE_NOT_SUPPORT")

DRAFT = b'{"draft_msg": {"message_elem_array": [{"elem_type": 0, "text_elem_content": "x"}]}}'
MESSAGE = b'{"message_elem_array": [{"elem_type": 0, "text_elem_content": "x"}]}'
NOBODY = b'["c2c_nobody"]'

# Each function with valid arguments that change nothing stored (an unknown conversation, an
# existing group name for a create, ...), so that whatever an input does, the store must not change.
# Values: (valid value, role) for strings, plain values for the rest.
CALLS: dict[str, dict[str, Any]] = {
    "TIMLogin": {"user_id": (b"alice", "id"), "user_sig": (b"sig", "user_sig")},
    "TIMGetLoginUserID": {"user_id_buffer": (native.ffi.new("char[128]"), "out_buffer")},
    "TIMConvGetConvInfo": {"json_get_conv_list_param": (
        b'[{"get_conversation_list_param_conv_id": "bob", "get_conversation_list_param_conv_type": 1}]', "json")},
    "TIMConvDelete": {"conv_id": (b"nobody", "id"), "conv_type": 1},
    "TIMConvSetDraft": {"conv_id": (b"nobody", "id"), "conv_type": 1, "json_draft_param": (DRAFT, "json")},
    "TIMConvCancelDraft": {"conv_id": (b"nobody", "id"), "conv_type": 1},
    "TIMConvCreate": {"conv_id": (b"bob", "id"), "conv_type": 1},
    "TIMConvGetConversationListByFilter": {"filter": (b"{}", "json_optional"), "next_seq": 0, "count": 10},
    "TIMConvDeleteConversationList": {"conversation_id_array": (NOBODY, "json"), "clear_message": True},
    "TIMConvPinConversation": {"conv_id": (b"nobody", "id"), "conv_type": 1, "is_pinned": True},
    "TIMConvMarkConversation": {"conversation_id_array": (NOBODY, "json"), "mark_type": 1, "enable_mark": True},
    "TIMConvSetConversationCustomData": {"conversation_id_array": (NOBODY, "json"),
                                         "custom_data": (b"x", "custom_data")},
    "TIMConvCreateConversationGroup": {"group_name": (b"friends", "id"), "conversation_id_array": (NOBODY, "json")},
    "TIMConvAddConversationsToGroup": {"group_name": (b"friends", "id"), "conversation_id_array": (NOBODY, "json")},
    "TIMConvDeleteConversationsFromGroup": {"group_name": (b"friends", "id"),
                                            "conversation_id_array": (NOBODY, "json")},
    "TIMConvDeleteConversationGroup": {"group_name": (b"nogroup", "id")},
    "TIMConvRenameConversationGroup": {"old_name": (b"nogroup", "id"), "new_name": (b"other", "id")},
    "TIMConvGetUnreadMessageCountByFilter": {"filter": (b"{}", "json_optional")},
    "TIMConvSubscribeUnreadMessageCountByFilter": {"filter": (b"{}", "json_optional")},
    "TIMConvUnsubscribeUnreadMessageCountByFilter": {"filter": (b"{}", "json_optional")},
    "TIMConvCleanConversationUnreadMessageCount": {"conversation_id": (b"c2c_nobody", "clean_key"),
                                                   "clean_timestamp": 0, "clean_sequence": 0},
    "TIMMsgSendMessage": {"conv_id": (b"nobody", "id"), "conv_type": 1, "json_msg_param": (MESSAGE, "json"),
                          "message_id_buffer": NULL},
    "TIMMsgReportReaded": {"conv_id": (b"nobody", "report_key"), "conv_type": 1,
                           "json_msg_param": (b'{"message_server_time": 1}', "json_optional")},
    "TIMMsgGetMsgList": {"conv_id": (b"nobody", "id"), "conv_type": 1,
                         "json_get_msg_param": (b'{"msg_getmsglist_param_count": 5}', "json_optional")},
    "TIMMsgSetC2CReceiveMessageOpt": {"json_identifier_array": (NOBODY, "json"), "opt": 0},
    "TIMMsgGetC2CReceiveMessageOpt": {"json_identifier_array": (NOBODY, "json")},
    "TIMMsgSetGroupReceiveMessageOpt": {"group_id": (b"nobody", "id"), "opt": 0},
    "TIMGroupCreate": {"json_group_create_param": (
        b'{"create_group_param_group_name": "Taken", "create_group_param_group_id": "taken",'
        b' "create_group_param_group_type": 1}', "json")},  # 10021: the id is in use
    "TIMGroupDelete": {"group_id": (b"nogroup", "group_id")},
    "TIMGroupJoin": {"group_id": (b"nogroup", "group_id"), "hello_msg": (b"hi", "hello")},
    "TIMGroupQuit": {"group_id": (b"nogroup", "group_id")},
    "TIMGroupGetGroupInfoList": {"json_group_getinfo_param": (b'["nogroup"]', "json")},
    "TIMGroupGetMemberInfoList": {"json_group_getmeminfos_param": (
        b'{"group_get_members_info_list_param_group_id": "nogroup"}', "json")},
    "TIMMsgRevoke": {"conv_id": (b"nobody", "id"), "conv_type": 1,
                     "json_msg_param": (b'{"message_msg_id": "none"}', "json")},
    "TIMMsgDelete": {"conv_id": (b"nobody", "id"), "conv_type": 1,
                     "json_msgdel_param": (b'{"msg_delete_param_msg": {"message_msg_id": "none"}}', "json")},
    "TIMMsgListDelete": {"conv_id": (b"nobody", "id"), "conv_type": 1,
                         "json_msg_array": (b'[{"message_msg_id": "none"}]', "json")},
    "TIMMsgClearHistoryMessage": {"conv_id": (b"nobody", "id"), "conv_type": 1},
    "TIMMsgFindMessages": {"json_message_id_array": (b'["none"]', "json")},
    "TIMMsgSearchLocalMessages": {"json_search_message_param": (b'{"msg_search_param_keyword_array": ["x"]}', "json")},
    "TIMMsgFindByMsgLocatorList": {"conv_id": (b"nobody", "id"), "conv_type": 1,
                                   "json_msg_Locator_array": (b'[{"message_locator_seq": 1}]', "json")},
    "callExperimentalAPI": {"json_param": (b'{"request_internal_operation": "internal_operation_set_ui_platform"}',
                                           "json")},
    "TIMGroupModifyGroupInfo": {"json_group_modifyinfo_param": (
        b'{"group_modify_info_param_group_id": "nogroup", "group_modify_info_param_modify_flag": 1,'
        b' "group_modify_info_param_group_name": "x"}', "json")},
    "TIMGroupModifyMemberInfo": {"json_group_modifymeminfo_param": (
        b'{"group_modify_member_info_group_id": "nogroup", "group_modify_member_info_identifier": "bob",'
        b' "group_modify_member_info_modify_flag": 8, "group_modify_member_info_name_card": "b"}', "json")},
    "TIMGroupInviteMember": {"json_group_invite_param": (
        b'{"group_invite_member_param_group_id": "nogroup", "group_invite_member_param_identifier_array": ["bob"]}',
        "json")},
    "TIMGroupDeleteMember": {"json_group_delete_param": (
        b'{"group_delete_member_param_group_id": "nogroup", "group_delete_member_param_identifier_array": ["bob"]}',
        "json")},
    "TIMGroupGetPendencyList": {"json_group_getpendency_list_param": (b'{"group_pendency_option_start_time": 0}',
                                                                     "json")},
    "TIMGroupHandlePendency": {"json_group_handle_pendency_param": (
        b'{"group_handle_pendency_param_pendency": {"group_pendency_group_id": "nogroup",'
        b' "group_pendency_form_identifier": "bob"}}', "json")},
    "TIMGroupSearchGroups": {"json_group_search_groups_param": (b'{"group_search_params_keyword_list": ["x"]}',
                                                                "json")},
    "TIMGroupGetOnlineMemberCount": {"group_id": (b"nogroup", "group_id")},
    # Profiles (TIMManager.h 6.1-6.4): a modification refused when it runs (40605: no gender 9),
    # subscribing to oneself (left out: one's own changes need none), unsubscribing nobody.
    "TIMProfileGetUserProfileList": {"json_get_user_profile_list_param": (
        b'{"friendship_getprofilelist_param_identifier_array": ["bob"]}', "json")},
    "TIMProfileModifySelfUserProfile": {"json_modify_self_user_profile_param": (
        b'{"user_profile_item_gender": 9}', "json")},
    "TIMSubscribeUserInfo": {"json_user_id_list": (b'["alice"]', "json")},
    "TIMUnsubscribeUserInfo": {"json_user_id_list": (b'["nobody"]', "json_optional")},
    # User status (6.5-6.8): a custom status refused when it runs (6017: not a string), subscribing
    # to oneself (left out, 667), unsubscribing nobody.
    "TIMGetUserStatus": {"json_identifier_array": (b'["bob"]', "json")},
    "TIMSetSelfStatus": {"json_current_user_status": (b'{"user_status_custom_status": 1}', "json")},
    "TIMSubscribeUserStatus": {"json_identifier_array": (b'["alice"]', "json")},
    "TIMUnsubscribeUserStatus": {"json_identifier_array": (b'["nobody"]', "json_optional")},
    "timconv_fault_fail_next": {"function": (b"TIMConvGetConvList", "fault_name"), "count": 1, "code": 6022},
    "timconv_fault_delay": {"function": (b"TIMConvGetConvList", "fault_scope"), "milliseconds": 0},
    # Edits, saves and imports (TIMMessageManager.h 4.6, 6.3, 6.7, 6.8): a message not stored (6017),
    # a C2C message of a stranger (6017: the conversation's messages are its two users').
    "TIMMsgModifyMessage": {"json_msg_param": (b'{"message_msg_id": "none", "message_cloud_custom_str": "x"}', "json")},
    "TIMMsgSetLocalCustomData": {"json_msg_param": (b'{"message_msg_id": "none", "message_custom_int": 1}', "json")},
    "TIMMsgSaveMsg": {"conv_id": (b"nobody", "id"), "conv_type": 1, "json_msg_param": (
        b'{"message_elem_array": [{"elem_type": 0, "text_elem_content": "x"}], "message_sender": "carol"}', "json")},
    "TIMMsgImportMsgList": {"conv_id": (b"nobody", "id"), "conv_type": 1, "json_msg_array": (
        b'[{"message_elem_array": [{"elem_type": 0, "text_elem_content": "x"}], "message_sender": "carol"}]', "json")},
    # Friendship (TIMFriendshipManager.h 4-7): reads, or changes refused when they run (a non-friend's
    # remark 30001, adding oneself 30001, deleting a non-friend 31704, no request 30614, blocking
    # oneself, unblocking nobody, an empty group name 9005, groups that do not exist 30001).
    "TIMFriendshipGetFriendsInfo": {"friend_id_list": (b'["bob"]', "json")},
    "TIMFriendshipModifyFriendProfile": {"json_modify_friend_info_param": (
        b'{"friendship_modify_friend_profile_param_identifier": "bob",'
        b' "friendship_modify_friend_profile_param_item": {"friend_profile_item_remark": "x"}}', "json")},
    "TIMFriendshipSearchFriends": {"json_search_friends_param": (b'{"friendship_search_param_keyword_list": ["x"]}',
                                                                 "json")},
    "TIMFriendshipAddFriend": {"json_add_friend_param": (b'{"friendship_add_friend_param_identifier": "alice"}',
                                                         "json")},
    "TIMFriendshipDeleteFriend": {"json_delete_friend_param": (
        b'{"friendship_delete_friend_param_identifier_array": ["nobody"]}', "json")},
    "TIMFriendshipCheckFriendType": {"json_check_friend_list_param": (
        b'{"friendship_check_friendtype_param_identifier_array": ["bob"]}', "json")},
    "TIMFriendshipGetPendencyList": {"json_get_pendency_list_param": (b'{"friendship_get_pendency_list_param_type": 0}',
                                                                      "json")},
    "TIMFriendshipHandleFriendAddRequest": {"json_handle_friend_add_param": (
        b'{"friend_response_identifier": "bob", "friend_response_action": 0}', "json")},
    "TIMFriendshipDeletePendency": {"json_delete_pendency_param": (
        b'{"friendship_delete_pendency_param_type": 0, "friendship_delete_pendency_param_identifier_array": ["bob"]}',
        "json")},
    "TIMFriendshipAddToBlackList": {"json_add_to_blacklist_param": (b'["alice"]', "json")},
    "TIMFriendshipDeleteFromBlackList": {"json_delete_from_blacklist_param": (b'["bob"]', "json")},
    "TIMFriendshipCreateFriendGroup": {"json_create_friend_group_param": (
        b'{"friendship_create_friend_group_param_name_array": [""]}', "json")},
    "TIMFriendshipGetFriendGroupList": {"json_get_friend_group_list_param": (b'["nogroup"]', "json_optional")},
    "TIMFriendshipDeleteFriendGroup": {"json_delete_friend_group_param": (b'["nogroup"]', "json")},
    "TIMFriendshipModifyFriendGroup": {"json_modify_friend_group_param": (
        b'{"friendship_modify_friend_group_param_name": "nogroup",'
        b' "friendship_modify_friend_group_param_new_name": "x"}', "json")},
    # A group's attributes, counters and marks (TIMGroupManager.h 5.4-5.12, 7.2, 7.6): on a group that does
    # not exist (10010 when run); a key list is optional (NULL or "": every key, 787, 866).
    "TIMGroupInitGroupAttributes": {"group_id": (b"nogroup", "group_id"), "json_group_attributes": (
        b'[{"group_attribute_key": "k", "group_attribute_value": "v"}]', "json")},
    "TIMGroupSetGroupAttributes": {"group_id": (b"nogroup", "group_id"), "json_group_attributes": (
        b'[{"group_attribute_key": "k", "group_attribute_value": "v"}]', "json")},
    "TIMGroupDeleteGroupAttributes": {"group_id": (b"nogroup", "group_id"), "json_keys": (b'["k"]', "json_optional")},
    "TIMGroupGetGroupAttributes": {"group_id": (b"nogroup", "group_id"), "json_keys": (b'["k"]', "json_optional")},
    "TIMGroupSetGroupCounters": {"group_id": (b"nogroup", "group_id"), "json_group_counter_array": (
        b'[{"group_counter_key": "k", "group_counter_value": 1}]', "json")},
    "TIMGroupGetGroupCounters": {"group_id": (b"nogroup", "group_id"),
                                 "json_group_counter_key_array": (b'["k"]', "json_optional")},
    "TIMGroupIncreaseGroupCounter": {"group_id": (b"nogroup", "group_id"), "group_counter_key": (b"k", "counter_key"),
                                     "group_counter_value": 1},
    "TIMGroupDecreaseGroupCounter": {"group_id": (b"nogroup", "group_id"), "group_counter_key": (b"k", "counter_key"),
                                     "group_counter_value": 1},
    "TIMGroupSearchGroupMembers": {"json_group_search_group_members_param": (
        b'{"group_search_member_params_keyword_list": ["x"], "group_search_member_params_field_list": [1]}', "json")},
    "TIMGroupMarkGroupMemberList": {"group_id": (b"nogroup", "group_id"), "member_array": (b'["bob"]', "json"),
                                    "mark_type": 1000, "enable_mark": True},
}


def callback_parameter(function: str) -> str | None:
    """The parameter a call answers through: its TIMCommCallback just before user_data (None when
    it has none: the setters, the synchronous calls, TIMMsgGetGroupMessageReadMemberList)."""
    params = DECLARED.functions[function].parameters.split(",")
    if len(params) < 2 or params[-2].split()[0] != "TIMCommCallback":
        return None
    return parameter_names(function)[-2]


def not_here_row(function: declarations.Function) -> dict[str, Any]:
    """A row of a function the engine does not implement: any text for its strings (role
    not_here), a buffer for an out-parameter, NULL for another callback, 1 for the rest."""
    row: dict[str, Any] = {}
    answered_through = callback_parameter(function.name)
    for name, declaration in zip(function.parameter_names, function.parameters.split(",")):
        if answered_through is not None and name in (answered_through, "user_data"):
            continue  # call() passes them
        if "const char" in declaration:
            row[name] = (b"x", "not_here")
        elif "char*" in declaration:  # written to: never a Python bytes object
            row[name] = native.ffi.new("char[128]")
        elif "Callback" in declaration or name == "user_data":
            row[name] = NULL
        else:
            row[name] = 1
    return row


CALLS.update({f.name: not_here_row(f) for f in DECLARED.functions.values() if not f.local and f.returns == "int"})
# TIMConvSendMessage to an unknown conversation would create it: its valid conv_id never runs with
# a bad message, because the message is checked first; and bad ids are refused before anything.
WRONG_JSON = {"json": {b"[": b"{}"}, "json_optional": {}}

STRING_CASES = [
    (function, param, kind)
    for function, params in CALLS.items()
    for param, value in params.items() if isinstance(value, tuple)
    for kind in EXPECTED[value[1]]
] + [
    (function, param, kind)
    for function, params in CALLS.items()
    for param, value in params.items() if isinstance(value, tuple) and value[1] in ("json", "json_optional")
    for kind in ("wrong_json", "bad_utf8_json")
]
ENUM_CASES = [(function, value) for function, params in CALLS.items() if "conv_type" in params
              for value in (0, 3, 4, 2**31 - 1, 2**32 - 1)]  # the last is -1 as C's unsigned enum


def bad_value(valid: bytes, kind: str) -> Any:
    if kind == "wrong_json":  # an object where an array is expected, and the other way round
        return b"{}" if valid.startswith(b"[") else b"[]"
    if kind == "bad_utf8_json":
        return b'["c2c_\xff"]' if valid.startswith(b"[") else b'{"draft_user_define": "\xff"}'
    return INPUTS[kind]


def store_content(paths: tuple) -> dict:
    """Every row of every table of the user's store and of the group registry, checked intact."""
    content = {}
    for path in paths:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            tables = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            content.update({(path.name, table): sorted(db.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
                            for table in tables})
        finally:
            db.close()
    return content


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    """alice logged in, with conversations, a draft, messages and a group; and her store's path."""
    root = tmp_path_factory.mktemp("matrix")
    declare_not_here()
    lib = native.open_library(engine_library_path())
    raw = RawEngine(lib, root)
    assert raw.init() == 0
    raw.login("alice")
    raw.call("TIMConvCreate", b"bob", 1)
    raw.call("TIMConvCreate", b"team", 2)
    assert lib.lib.TIMConvSetDraft(b"bob", 1, DRAFT) == 0
    raw.call("TIMMsgSendMessage", b"bob", 1, MESSAGE, NULL)
    raw.call("TIMConvCreateConversationGroup", b"friends", b'["c2c_bob"]')
    raw.call("TIMConvMarkConversation", b'["group_team"]', 2, True)
    raw.call("TIMGroupCreate", b'{"create_group_param_group_name": "Taken", "create_group_param_group_id": "taken"}')
    raw.call("TIMMsgSendMessage", b"taken", 2, MESSAGE, NULL)
    store = root / "timconv" / str(APP_ID) / b"alice".hex() / "store.db"
    registry = root / "timconv" / str(APP_ID) / "groups.db"
    raw.conv_list()  # every call above has run
    yield raw, (store, registry), store_content((store, registry))
    lib.lib.TIMUninit()
    lib.set_handler("conv_event", None)
    lib.set_log_handler(None)


def call(raw: RawEngine, function: str, args: dict) -> tuple[int, Any]:
    """Calls function with args (plus a callback when it takes one); returns the TIMResult and the
    callback's code (None when refused or without callback)."""
    answered_through = callback_parameter(function)
    passed = (answered_through, "user_data") if answered_through is not None else ()
    values = [args[name] for name in parameter_names(function) if name not in passed]
    if answered_through is not None:
        result, done, replies = raw.start(function, *values)
        if result == 0:
            assert done.wait(10), f"{function} accepted but never called back"
            return result, replies[0].code
        return result, None
    return int(getattr(raw.lib, function)(*values)), None


def check_unchanged(raw: RawEngine, store: tuple, before: dict) -> None:
    raw.conv_list()  # whatever a call queued has run
    assert store_content(store) == before


@pytest.mark.parametrize("function,param,kind", STRING_CASES)
def test_each_string_parameter(engine, function: str, param: str, kind: str) -> None:
    raw, store, before = engine
    args = {name: value[0] if isinstance(value, tuple) else value for name, value in CALLS[function].items()}
    valid, role = CALLS[function][param]
    args[param] = bad_value(valid if isinstance(valid, bytes) else b"{", kind)
    expected = EXPECTED[role].get(kind, -3)
    result, code = call(raw, function, args)
    assert result == expected, f"{function}({param}={kind}): {result}, documented {expected}"
    if role == "not_here" and callback_parameter(function) is not None:
        assert code == NOT_SUPPORTED, f"{function}({param}={kind}): answered {code}"
    check_unchanged(raw, store, before)


@pytest.mark.parametrize("function,value", ENUM_CASES)
def test_each_conv_type_out_of_range(engine, function: str, value: int) -> None:
    raw, store, before = engine
    args = {name: v[0] if isinstance(v, tuple) else v for name, v in CALLS[function].items()}
    args["conv_type"] = value
    local = DECLARED.functions[function].local
    assert call(raw, function, args) == ((-5, None) if local else (0, NOT_SUPPORTED))  # TIM_ERR_CONV, or 7013
    check_unchanged(raw, store, before)


def test_every_string_parameter_is_in_the_matrix() -> None:
    for function in declarations.read().functions.values():
        if function.returns == "void" or function.name == "TIMInit":
            continue  # callback setters take no strings; TIMInit needs a stopped engine: test_init_config_matrix
        strings = [name for name, decl in zip(function.parameter_names, function.parameters.split(","))
                   if "char*" in decl]
        for name in strings:
            assert name in CALLS.get(function.name, {}), f"{function.name}({name}) is not in the matrix"


def test_init_config_matrix(tmp_path: Path) -> None:
    lib = native.open_library(engine_library_path())
    good = json.dumps({"sdk_config_config_file_path": str(tmp_path)}).encode()
    cases = {**INPUTS, "wrong_json": b"[]", "bad_utf8_json": b'{"sdk_config_config_file_path": "\xff"}'}
    expected = {"null": 0, "empty": 0, "huge": -4, "not_utf8": -3, "deep": -3, "wrong_json": -3, "bad_utf8_json": -3}
    for kind, value in cases.items():
        result = lib.lib.TIMInit(APP_ID, value)
        if result == 0:
            assert lib.lib.TIMUninit() == 0
        assert result == expected[kind], f"TIMInit({kind}): {result}"
    assert lib.lib.TIMInit(0, good) == -4
    assert lib.lib.TIMInit(APP_ID, good) == 0 and lib.lib.TIMUninit() == 0


# ---- from Python: NUL characters and wrong types never reach C ----

def client_cases():
    nul, wrong = "a\0b", 12345
    return [
        ("create_conversation", (nul,)), ("create_conversation", (wrong,)), ("create_conversation", ("bob", 7)),
        ("delete_conversation", (nul,)), ("conversation", (wrong,)), ("set_draft", ("bob", nul)),
        ("set_draft", ("bob", wrong)), ("set_draft", ("bob", "x"), {"user_define": nul}),
        ("set_draft", ("bob", {"message_elem_array": "no"})), ("cancel_draft", (None,)),
        ("send_text", ("bob", nul)), ("send_message", ("bob", ["not", "a", "dict"])), ("pin", (nul,)),
        ("mark_read", (wrong,)), ("messages", ("bob",), {"count": 0}), ("delete_conversations", ("c2c_bob",)),
        ("delete_conversations", ([nul],)), ("mark_conversations", (["c2c_bob"], 0)),
        ("mark_conversations", (["c2c_bob"], 2**64)), ("set_custom_data", (["c2c_bob"], nul)),
        ("set_custom_data", (["c2c_bob"], wrong)), ("create_conversation_group", (nul, ["c2c_bob"])),
        ("rename_conversation_group", ("friends", wrong)), ("delete_conversation_group", ("",)),
        ("conversation_page", (), {"group": nul}), ("conversation_page", (), {"count": 0}),
        ("unread_count", (), {"conv_type": "system"}), ("clean_unread", ("bob",)),
        ("clean_unread", ("c2c_bob",), {"sequence": -1}), ("login", (nul,)), ("set_clock", ("tomorrow",)),
        ("add_friend", (nul,)), ("add_friend", (wrong,)), ("add_friend", ("bob",), {"remark": nul}),
        ("set_friend_profile", ("bob",), {"remark": wrong}), ("block", ([nul],)), ("block", ("bob",)),
        ("create_friend_group", ([nul],)), ("search_friends", ([wrong],)), ("check_friends", (["bob"], 2)),
        ("respond_to_friend_request", ("bob", 3)), ("friend_requests", (), {"limit": -1}),
    ]


@pytest.mark.parametrize("case", client_cases(), ids=lambda case: f"{case[0]}{case[1]!r}"[:60])
def test_client_refuses_before_calling(client, case) -> None:
    method, args, kwargs = (*case, {}) if len(case) == 2 else case
    client.create_conversation("bob")
    with client.recording() as recorder:
        with pytest.raises((TypeError, ValueError)):
            getattr(client, method)(*args, **kwargs)
    assert [r.function for r in recorder.records] == []  # nothing reached C
