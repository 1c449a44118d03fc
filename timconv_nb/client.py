"""The Pythonic client: one class over the local engine or any library with its C ABI.

Each method of the API is declared once, below, by the C function it calls
(:func:`~timconv_nb.calls.api_call`): its arguments are checked in Python
(:mod:`timconv_nb.arguments`), the call goes through the binding (:mod:`timconv_nb.native`),
and the callback's JSON becomes the return value. Sync methods wait with the client's timeout
and raise :class:`~timconv_nb.errors.CallTimeoutError` naming the call when it expires; each has
an ``*_async`` twin to ``await`` (also at a notebook's top level).

The C SDK is one instance per process, so at most one Client is open at a time: opening a
second raises :class:`~timconv_nb.errors.ClientAlreadyOpenError`, unless ``replace=True``
closes the first (handy when a notebook cell is run again).

Names say what comes back (docs/api.md, "Naming"): ``conversations()``, ``groups()``,
``members(group_id)``, ``messages(conv_id)`` return DataFrames; ``conversation_list()``,
``group_list()``, ``member_list(group_id)``, ``conversation_group_list()`` return lists of value
objects (or names); ``conversation(conv_id)`` one object. The names of the previous release
(:data:`RENAMED`) still work for one release, with a DeprecationWarning.
"""

from __future__ import annotations

import asyncio
import html
import inspect
import logging
import os
import textwrap
import warnings
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Optional, TypedDict, Union

import pandas as pd

from . import arguments, engine_log, native, process_slot, wire as k
from .arguments import ConvTypeLike, check_id, check_text
from .calls import Caller, CArgs, EngineThread, api_call
from .dispatch import EventHandler, EventHub, SyncWatch
from .errors import CallTimeoutError, InvalidConversationError, NotLoggedInError, TIMError, error_for
from .events import EVENTS, NetworkStatus, handler_docs
from .faults import Faults
from .frames import (
    conversations_frame,
    conversations_frame_from_columns,
    friends_frame,
    groups_frame,
    members_frame,
    messages_frame,
    profiles_frame,
    search_frame,
)
from .friends import (
    FriendGroup,
    FriendProfile,
    FriendRequestPage,
    FriendResult,
    FriendType,
    PendencyType,
    ResponseAction,
    SearchField,
    add_friend_param,
    added,
    friend_infos,
    friend_item,
    group_name,
    names_param,
    per_user,
    relations,
)
from .membership import (
    Group,
    GroupMember,
    GroupPendency,
    GroupType,
    GroupTypeLike,
    JoinedGroup,
    MemberResult,
    MemberRole,
    group_attributes_of,
)
from .model import Conversation, ConvEvent, ConvType, LoginStatus, Message, ReceiveOpt, text_message
from .profiles import AddPermission, Gender, UserProfile, UserStatus, profile_item, status_param
from .recording import Recorder
from .typed_json import decode_conv_columns
from .wire import ConvKey, JsonObject

__all__ = ["Client", "DEFAULT_APP_ID", "default_data_dir", "EventHandler", "EVENTS", "Faults", "LibraryInfo", "RENAMED"]

log = logging.getLogger(__name__)

class LibraryInfo(TypedDict):
    """What :meth:`Client.library_info` tells of a library."""

    path: str
    version: str
    is_local: bool


#: App id of the local engine when none is given (any non-zero number works locally).
DEFAULT_APP_ID = 1400000001


def _chosen_library(library: Union[str, os.PathLike[str], None]) -> Union[str, os.PathLike[str], None]:
    """The library a Client opens: ``library``, else ``$TIMCONV_SDK_LIB``, else None (the local
    engine)."""
    return library or os.environ.get("TIMCONV_SDK_LIB") or None


def default_data_dir() -> Path:
    """Where the local engine keeps its stores unless told otherwise: ``$TIMCONV_DATA_DIR``, else
    ``$XDG_DATA_HOME/timconv_nb`` (``~/.local/share/timconv_nb``)."""
    if os.environ.get("TIMCONV_DATA_DIR"):
        return Path(os.environ["TIMCONV_DATA_DIR"])
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "timconv_nb"


# ---- result converters ----

def _conversation_list(infos: list[JsonObject]) -> list[Conversation]:
    return [Conversation.from_json(info) for info in infos]


def _one_conversation(found: list[JsonObject], conv_id: str, conv_type: ConvTypeLike = ConvType.C2C) -> Conversation:
    if not found:
        raise InvalidConversationError(6004, f"no {ConvType.parse(conv_type).prefix} conversation {conv_id!r}",
                                       "TIMConvGetConvInfo")
    return Conversation.from_json(found[0])


def _unread_total(result: JsonObject) -> int:
    """The count in a GetTotalUnreadNumberResult (both unread calls answer with one)."""
    return int(result[k.kTIMConvGetTotalUnreadMessageCountResultUnreadCount])


def _per_id(function: str) -> Callable[[list[JsonObject]], dict[str, Optional[TIMError]]]:
    """The converter of a batch call's ConversationOperationResult array: {id: None on success,
    else the TIMError for that id}."""

    def convert(results: list[JsonObject]) -> dict[str, Optional[TIMError]]:
        return {
            r[k.kTIMConversationOperationResultConversationID]:
                None if r[k.kTIMConversationOperationResultResultCode] == 0
                else error_for(r[k.kTIMConversationOperationResultResultCode],
                               r[k.kTIMConversationOperationResultResultInfo], function)
            for r in results
        }

    return convert


def _receive_options(results: list[JsonObject]) -> dict[str, ReceiveOpt]:
    return {r[k.kTIMMsgGetC2CRecvMsgOptResultIdentifier]: ReceiveOpt(r[k.kTIMMsgGetC2CRecvMsgOptResultOpt])
            for r in results}


def _names(names: list[str]) -> list[str]:
    """A JSON array of names, as it is parsed."""
    return names


def _profile_list(profiles: list[JsonObject]) -> list[UserProfile]:
    return [UserProfile.from_json(profile) for profile in profiles]


def _profile_list_param(user_ids: Iterable[str]) -> bytes:
    """A FriendShipGetProfileListParam naming 1 to 100 users."""
    ids = arguments.id_list(user_ids)
    if not 1 <= len(ids) <= 100:
        raise ValueError(f"give 1 to 100 user ids, not {len(ids)}")
    return arguments.json_arg({k.kTIMFriendShipGetProfileListParamIdentifierArray:
                               [check_id(one, "user id").decode() for one in ids]})


def _user_status_list(statuses: list[JsonObject]) -> list[UserStatus]:
    return [UserStatus.from_json(status) for status in statuses]


def _friend_profiles(profiles: list[JsonObject]) -> list[FriendProfile]:
    return [FriendProfile.from_json(profile) for profile in profiles]


def _found_friends(results: list[JsonObject]) -> list[FriendProfile]:
    return [profile for _, profile in friend_infos(results).values()]


def _friend_groups(groups: list[JsonObject]) -> list[FriendGroup]:
    return [FriendGroup.from_json(group) for group in groups]


def _user_ids(user_ids: Iterable[str], may_be_empty: bool = False) -> list[str]:
    """User ids as a parameter's array: checked, at least one unless ``may_be_empty``."""
    ids = [check_id(one, "user id").decode() for one in arguments.id_list(user_ids)]
    if not ids and not may_be_empty:
        raise ValueError("give at least one user id")
    return ids


def _ids_and_type(key_ids: str, key_type: str, user_ids: Iterable[str], friend_type: Union[FriendType, int]) -> bytes:
    """A parameter naming users (1 or more) and a FriendType."""
    return arguments.json_arg({key_ids: _user_ids(user_ids),
                               key_type: int(FriendType(arguments.check_int(friend_type, "friend_type", 0, 1)))})


def _group_change(name: str, key: str, value: object) -> bytes:
    """A FriendshipModifyFriendGroupParam making one change (14.3)."""
    return arguments.json_arg({k.kTIMFriendshipModifyFriendGroupParamName: group_name(name), key: value})


def _created_group(result: JsonObject) -> str:
    return str(result[k.kTIMCreateGroupResultGroupId])


def _group_list(infos: list[JsonObject]) -> list[JoinedGroup]:
    return [JoinedGroup.from_json(info) for info in infos]


def _groups_info(results: list[JsonObject], group_ids: Iterable[str]) -> dict[str, Union[Group, TIMError]]:
    """{group id: Group}, or the error of an id that names no group (in the order asked)."""
    found: dict[str, Union[Group, TIMError]] = {}
    for result, asked in zip(results, arguments.id_list(group_ids)):
        code = int(result[k.kTIMGetGroupInfoResultCode])
        found[asked] = (Group.from_json(result[k.kTIMGetGroupInfoResultInfo]) if code == 0
                        else error_for(code, str(result.get(k.kTIMGetGroupInfoResultDesc, "")),
                                       "TIMGroupGetGroupInfoList"))
    return found


def _member_results(id_key: str, result_key: str) -> Callable[[list[JsonObject]], dict[str, MemberResult]]:
    """{user id: MemberResult} of a GroupInviteMemberResult or GroupDeleteMemberResult array."""
    def results(items: list[JsonObject]) -> dict[str, MemberResult]:
        return {str(item[id_key]): MemberResult(int(item[result_key])) for item in items}
    return results


def _pendency_list(result: JsonObject) -> list[GroupPendency]:
    return [GroupPendency.from_json(p) for p in result.get(k.kTIMGroupPendencyResultPendencyArray) or ()]


def _searched_groups(infos: list[JsonObject]) -> list[Group]:
    return [Group.from_json(info) for info in infos]


def _searched_members(results: list[JsonObject]) -> dict[str, list[GroupMember]]:
    """{group id: the GroupMembers found} of a GroupSearchGroupMembersResult array."""
    return {str(found[k.TIMGroupSearchGroupMembersResultGroupID]):
            [GroupMember.from_json(m) for m in found.get(k.TIMGroupSearchGroupMembersResultMemberInfoList) or ()]
            for found in results}


def _counters(items: list[JsonObject]) -> dict[str, int]:
    """{key: value} of a GroupCounter array."""
    return {str(c[k.kTIMGroupCounterKey]): int(c[k.kTIMGroupCounterValue]) for c in items}


def _counter(items: list[JsonObject]) -> int:
    """The value of the one counter of a GroupCounter array."""
    return int(items[0][k.kTIMGroupCounterValue])


def _online_count(result: JsonObject) -> int:
    return int(result[k.TIMGroupGetOnlineMemberCountResult])


def _member_list(result: JsonObject) -> list[GroupMember]:
    return [GroupMember.from_json(m) for m in result.get(k.kTIMGroupGetMemberInfoListResultInfoArray) or ()]


def _page(result: JsonObject) -> tuple[pd.DataFrame, int, bool]:
    return (conversations_frame(result[k.TIMConversationListResultConvList]),
            int(result[k.TIMConversationListResultNextSeq]), bool(result[k.TIMConversationListResultIsFinished]))


#: The method names of the previous release -> the method that replaced each. The old name and
#: its ``*_async`` twin still work until the next release, with a DeprecationWarning.
RENAMED = {
    "listed_conversations": "conversations",  # the same frame (keep_json=True: from the list's JSON)
    "joined_groups": "group_list",
    "group_members": "member_list",
    "conversation_groups": "conversation_group_list",
}


def _deprecated(cls: type, old: str, new: str, suffix: str) -> Any:
    """Method ``old + suffix`` of ``cls``: calls ``new + suffix`` ("" or "_async"), with a
    DeprecationWarning naming it (shown where the old name is called)."""
    old, new = old + suffix, new + suffix
    message = f"Client.{old} is deprecated and goes in the next release: use Client.{new}"

    method: Callable[..., Any]
    if suffix:
        async def method(self: Any, *args: Any, **kwargs: Any) -> Any:
            warnings.warn(message, DeprecationWarning, stacklevel=2)
            return await getattr(self, new)(*args, **kwargs)
    else:
        def method(self: Any, *args: Any, **kwargs: Any) -> Any:
            warnings.warn(message, DeprecationWarning, stacklevel=2)
            return getattr(self, new)(*args, **kwargs)

    method.__name__, method.__qualname__ = old, f"{cls.__name__}.{old}"
    vars(method)["__signature__"] = inspect.signature(getattr(cls, new))  # what help() and inspect show
    method.__doc__ = f"Deprecated: :meth:`{new}` (this name goes in the next release)."
    return method


def _with_renamed(cls: type) -> type:
    """``cls`` answering to the names of :data:`RENAMED` too, each with a DeprecationWarning."""
    for old, new in RENAMED.items():
        for suffix in ("", "_async"):
            setattr(cls, old + suffix, _deprecated(cls, old, new, suffix))
    return cls


@_with_renamed
class Client:
    """A session with the conversation API of the local engine (default) or of a library
    with the same C ABI opened by path (``library=`` or ``$TIMCONV_SDK_LIB``).

    Calls TIMInit when created and TIMUninit on :meth:`close` (or leaving a ``with`` block).
    ``log_dir`` is the SDK's log folder (``sdk_config_log_file_path``; created if needed): give
    the vendor library one you can write. With ``secret_key`` (local engine only, for teaching)
    logins must bring a valid UserSig (:func:`timconv_nb.usersig.gen_user_sig`), as on the real
    service.
    """

    def __init__(
        self,
        data_dir: Union[str, os.PathLike[str], None] = None,
        app_id: int = DEFAULT_APP_ID,
        *,
        library: Union[str, os.PathLike[str], None] = None,
        timeout: float = 10.0,
        replace: bool = False,
        secret_key: Optional[str] = None,
        log_dir: Union[str, os.PathLike[str], None] = None,
    ) -> None:
        self.app_id = arguments.check_int(app_id, "app_id", 1, 2**64 - 1)
        self.timeout = arguments.check_timeout(timeout)
        self.data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
        self._closed = True
        process_slot.claim(self, replace)
        try:
            self.native = native.open_library(_chosen_library(library))
            engine_thread = EngineThread()
            self._caller = Caller(self.native, lambda: self.timeout, engine_thread)
            self._events = EventHub(self.native, engine_thread)
            self._sync = SyncWatch(self._events)
            self.native.set_log_handler(engine_log.forward)
            # The SDK tells its connection's state from TIMInit on: heard from the start, kept.
            self._network_status: Optional[NetworkStatus] = None
            self._events.on("network_status", self._note_network_status)
            self.data_dir.mkdir(parents=True, exist_ok=True)
            settings: dict[str, Any] = {k.kTIMSdkConfigConfigFilePath: str(self.data_dir.resolve())}
            if log_dir is not None:
                Path(log_dir).mkdir(parents=True, exist_ok=True)
                settings[k.kTIMSdkConfigLogFilePath] = str(Path(log_dir).resolve())
            if secret_key is not None:
                if not self.native.is_local_engine:
                    raise ValueError("secret_key is for the local engine; Tencent's servers hold the real one")
                settings[k.kTimconvSecretKey] = check_text(secret_key, "secret_key")
            self.native.init(app_id, settings)
        except BaseException:
            process_slot.release(self)
            raise
        self._closed = False
        log.info("opened %s (app id %s, data in %s)", self.version, app_id, self.data_dir)

    @staticmethod
    def library_info(library: Union[str, os.PathLike[str], None] = None) -> LibraryInfo:
        """What a Client would run on, without starting it (no TIMInit, so safe on the vendor
        library too): its path, ``TIMGetSDKVersion()``, and whether it is the local engine."""
        lib = native.open_library(_chosen_library(library))
        return LibraryInfo(path=lib.path, version=lib.version(), is_local=lib.is_local_engine)

    # ---- lifecycle ----

    def close(self) -> None:
        """TIMUninit: waits until every accepted call has called back and releases every
        handle. Closing twice is harmless."""
        with process_slot.held():
            self._close_locked()

    def _close_locked(self) -> None:
        """Closes with the process slot's lock held."""
        if self._closed:
            return
        self._closed = True
        self._events.open = False
        try:
            self.native.uninit()
            self._caller.close()
        finally:
            for source in self.native.global_handlers:
                self.native.set_handler(source, None)
            process_slot.release_locked(self)
        log.info("closed %s", self.version)

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    @property
    def closed(self) -> bool:
        return self._closed

    # ---- facts ----

    @property
    def version(self) -> str:
        """The library's TIMGetSDKVersion()."""
        return self.native.version()

    @property
    def is_local(self) -> bool:
        """True on the local engine, False on another library (the vendor's)."""
        return self.native.is_local_engine

    @property
    def login_status(self) -> LoginStatus:
        return LoginStatus(self.native.login_status())

    @property
    def user_id(self) -> Optional[str]:
        """The logged-in user, or None."""
        return None if self._closed else self.native.login_user_id()

    def on_engine_thread(self) -> bool:
        """True inside event handlers and callbacks: the engine's own thread."""
        return self._caller.engine_thread.is_current()

    def _facts(self) -> list[tuple[str, Any]]:
        state = "closed" if self._closed else (self.user_id or "nobody logged in")
        return [
            ("library", f"{'local engine' if self.is_local else 'vendor SDK'}: {self.version}"),
            ("path", self.native.path),
            ("app id", self.app_id),
            ("user", state),
        ]

    def __repr__(self) -> str:
        facts = dict(self._facts())
        return f"<Client {facts['library']!r} app_id={self.app_id} user={facts['user']!r}>"

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><th style='text-align:left'>{html.escape(k)}</th><td>{html.escape(str(v))}</td></tr>"
            for k, v in self._facts()
        )
        return f"<table class='tc-client'>{rows}</table>"

    # ==== the API: each method pair declared once, by the C function it calls ====

    # ---- login, and the sync that follows it ----

    @api_call("TIMLogin", before=lambda client: client._sync.expect())
    def login(user_id: str, user_sig: str = "") -> CArgs:
        """TIMLogin. On the local engine any ``user_sig`` is accepted (unless the client was opened
        with a ``secret_key``). The conversation list may still be syncing when it returns: see
        :meth:`wait_for_sync`."""
        return check_id(user_id, "user_id"), check_text(user_sig, "user_sig").encode()

    login_async = login.awaitable

    def wait_for_sync(self, timeout: Optional[float] = None) -> None:
        """Waits for the conversation sync after the last login (``kTIMConvEvent_Finish``), as the
        vendor advises before reading the list; at once when it is over. Raises
        CallTimeoutError after ``timeout`` seconds (default: the client's timeout)."""
        if self.login_status is LoginStatus.UNLOGINED:
            raise NotLoggedInError(-2, "nobody is logged in: there is no sync to wait for", "wait_for_sync")
        waited = self.timeout if timeout is None else arguments.check_timeout(timeout)
        if not self._sync.wait(waited):
            raise CallTimeoutError(call="wait_for_sync", desc=f"no kTIMConvEvent_Finish within {waited:g}s")

    async def wait_for_sync_async(self, timeout: Optional[float] = None) -> None:
        """Awaitable :meth:`wait_for_sync` (the wait runs in a worker thread)."""
        await asyncio.to_thread(self.wait_for_sync, timeout)

    @api_call("TIMLogout")
    def logout() -> CArgs:
        """TIMLogout (succeeds with nobody logged in)."""
        return ()

    logout_async = logout.awaitable

    # ---- conversations ----

    @api_call("TIMConvCreate", result=Conversation.from_json)
    def create_conversation(conv_id: str, conv_type: ConvTypeLike = ConvType.C2C) -> CArgs:
        """TIMConvCreate: creates the conversation, or gets it when it exists."""
        return arguments.conv_key(conv_id, conv_type)

    create_conversation_async = create_conversation.awaitable

    @api_call("TIMConvDelete")
    def delete_conversation(conv_id: str, conv_type: ConvTypeLike = ConvType.C2C) -> CArgs:
        """TIMConvDelete. Unknown: InvalidConversationError (a LookupError)."""
        return arguments.conv_key(conv_id, conv_type)

    delete_conversation_async = delete_conversation.awaitable

    @api_call("TIMConvGetConvList", result=_conversation_list)
    def conversation_list() -> CArgs:
        """TIMConvGetConvList as Conversation objects."""
        return ()

    conversation_list_async = conversation_list.awaitable

    @api_call("TIMConvGetConvList", result=conversations_frame, parse=False, result_takes_arguments=True)
    def _conversations_from_json(keep_json: bool = False) -> CArgs:
        """TIMConvGetConvList as a DataFrame, from its JSON; ``keep_json``: that JSON text in
        ``frame.attrs["json"]``."""
        return ()

    _conversations_from_json_async = _conversations_from_json.awaitable

    @api_call("timconv_conv_list_columns", decode=decode_conv_columns, result=conversations_frame_from_columns)
    def _conversations_from_columns() -> CArgs:
        """timconv_conv_list_columns (timconv_ext.h): the local engine's list as columns, as a DataFrame."""
        return ()

    _conversations_from_columns_async = _conversations_from_columns.awaitable

    def conversations(self, keep_json: bool = False) -> pd.DataFrame:
        """TIMConvGetConvList as a DataFrame (schema: docs/api.md). On the local engine the rows
        come as columns (timconv_conv_list_columns): the same frame, about twice as fast and a
        fraction of the memory. ``keep_json``: the list's JSON text in ``frame.attrs["json"]``."""
        if keep_json or not self.native.is_local_engine:
            return self._conversations_from_json(keep_json)
        return self._conversations_from_columns()

    async def conversations_async(self, keep_json: bool = False) -> pd.DataFrame:
        """Awaitable :meth:`conversations`."""
        if keep_json or not self.native.is_local_engine:
            return await self._conversations_from_json_async(keep_json)
        return await self._conversations_from_columns_async()

    # The vendor's call behind both paths (the columns are the local engine's faster form of it).
    conversations.c_function = conversations_async.c_function = "TIMConvGetConvList"  # type: ignore[attr-defined]

    @api_call("TIMConvGetConvInfo", result=_one_conversation, result_takes_arguments=True)
    def conversation(conv_id: str, conv_type: ConvTypeLike = ConvType.C2C) -> CArgs:
        """TIMConvGetConvInfo for one conversation. Unknown: InvalidConversationError."""
        return (arguments.info_param(conv_id, conv_type),)

    conversation_async = conversation.awaitable

    # ---- drafts (the C calls answer with their TIMResult alone) ----

    @api_call("TIMConvSetDraft", callback=False)
    def set_draft(conv_id: str, draft: Union[str, JsonObject], conv_type: ConvTypeLike = ConvType.C2C, *,
                  user_define: str = "", edit_time: Union[None, int, float, datetime] = None) -> CArgs:
        """TIMConvSetDraft: ``draft`` is plain text or a Message dict; ``edit_time`` defaults to
        now. Synchronous in C: when it returns, a later list sees the draft."""
        return (*arguments.conv_key(conv_id, conv_type), arguments.draft_param(draft, user_define, edit_time))

    set_draft_async = set_draft.awaitable

    @api_call("TIMConvCancelDraft", callback=False)
    def cancel_draft(conv_id: str, conv_type: ConvTypeLike = ConvType.C2C) -> CArgs:
        """TIMConvCancelDraft (no draft: nothing happens)."""
        return arguments.conv_key(conv_id, conv_type)

    cancel_draft_async = cancel_draft.awaitable

    # ---- messages ----

    @api_call("TIMMsgSendMessage", result=Message.from_json)
    def send_message(conv_id: str, message: JsonObject, conv_type: ConvTypeLike = ConvType.C2C) -> CArgs:
        """TIMMsgSendMessage with a Message dict (``{"message_elem_array": [...]}``); creates the
        conversation if needed. On the local engine the peer (or the group's local members)
        receives it."""
        return (*arguments.conv_key(conv_id, conv_type), arguments.json_arg(arguments.check_message(message)), None)

    send_message_async = send_message.awaitable

    @api_call("TIMMsgSendMessage", result=Message.from_json)
    def send_text(conv_id: str, text: str, conv_type: ConvTypeLike = ConvType.C2C, *, at: Iterable[str] = ()) -> CArgs:
        """TIMMsgSendMessage with one text element (see :meth:`send_message`). In a group, ``at`` lists the user ids
        it mentions (``timconv_nb.AT_ALL``: everyone), as ``message_group_at_user_array``."""
        message = text_message(check_text(text, "text"))
        if at:
            message[k.kTIMMsgGroupAtUserArray] = [check_id(user, "at user").decode() for user in arguments.id_list(at)]
        return (*arguments.conv_key(conv_id, conv_type), arguments.json_arg(message), None)

    send_text_async = send_text.awaitable

    @api_call("TIMMsgGetMsgList", result=messages_frame, parse=False)
    def messages(conv_id: str, conv_type: ConvTypeLike = ConvType.C2C, count: int = 20, *, start: Any = None,
                 newer: bool = False, from_seq: Optional[int] = None, since: Union[None, int, float, datetime] = None,
                 period: Union[None, int, float, timedelta] = None, seqs: Optional[Iterable[int]] = None,
                 types: Optional[Iterable[int]] = None) -> CArgs:
        """TIMMsgGetMsgList: a page of history as a DataFrame (schema: docs/api.md). Older messages
        newest first (from the newest, or from message ``start``: a Message, its JSON or a frame
        row), or with ``newer=True`` newer ones oldest first; ``from_seq`` starts a group's page at
        that seq (included), ``since`` at a time, ``period`` (seconds) bounds it; ``seqs`` lists a
        group's messages by seq; ``types`` keeps the messages of those TIMElemType values."""
        return (*arguments.conv_key(conv_id, conv_type),
                arguments.msg_list_param(count, start=start, newer=newer, from_seq=from_seq, since=since,
                                         period=period, seqs=seqs, types=types))

    messages_async = messages.awaitable

    @api_call("TIMMsgFindMessages", result=messages_frame, parse=False)
    def find_messages(msg_ids: Iterable[Any]) -> CArgs:
        """TIMMsgFindMessages: the stored messages of these ids (strings, or Messages), in any
        conversation, revoked ones included, as a DataFrame in the ids' order (ids not stored are
        left out)."""
        return (arguments.message_ids_param(msg_ids),)

    find_messages_async = find_messages.awaitable

    @api_call("TIMMsgFindByMsgLocatorList", result=messages_frame, parse=False)
    def find_by_locators(conv_id: str, locators: Iterable[Any], conv_type: ConvTypeLike = ConvType.C2C) -> CArgs:
        """TIMMsgFindByMsgLocatorList: the messages of a conversation that MsgLocators name (the
        RevokedMessages of the ``message_revoked`` event, or their JSON) as a DataFrame."""
        return (*arguments.conv_key(conv_id, conv_type), arguments.locators_param(locators))

    find_by_locators_async = find_by_locators.awaitable

    @api_call("TIMMsgSearchLocalMessages", result=search_frame, parse=False)
    def search_messages(keywords: Iterable[str] = (), *, match_all: bool = False,
                        senders: Optional[Iterable[str]] = None, types: Optional[Iterable[int]] = None,
                        conv_id: Optional[str] = None, conv_type: ConvTypeLike = ConvType.C2C,
                        since: Union[None, int, float, datetime] = None,
                        period: Union[None, int, float, timedelta] = None, page: int = 0,
                        page_size: int = 0) -> CArgs:
        """TIMMsgSearchLocalMessages: messages with any (``match_all``: every one) of up to 5
        keywords, from ``senders``, of first element ``types``, in conversation ``conv_id`` (None:
        all), within ``period`` seconds back from ``since`` (None: now); page ``page`` of
        ``page_size`` (0: every match). A DataFrame (``frames.search_frame``: a row per message
        found; searching all conversations, one with several matches is a row without message)."""
        conv = None if conv_id is None else arguments.conv_key(conv_id, conv_type)
        return (arguments.search_param(keywords, match_all=match_all, senders=senders, types=types, conv=conv,
                                       since=since, period=period, page=page, page_size=page_size),)

    search_messages_async = search_messages.awaitable

    def iter_message_pages(self, conv_id: str, conv_type: ConvTypeLike = ConvType.C2C, page_size: int = 50, *,
                           start: Any = None, newer: bool = False, since: Union[None, int, float, datetime] = None,
                           period: Union[None, int, float, timedelta] = None,
                           types: Optional[Iterable[int]] = None) -> Iterator[pd.DataFrame]:
        """Yields a conversation's history page by page (DataFrames, as :meth:`messages` gives
        them), each message once: older pages back to the first message, or with ``newer=True``
        newer ones up to the latest (from ``start`` or ``since``). Each page starts past the last
        message of the one before, so messages arriving meanwhile neither repeat nor shift pages."""
        types = None if types is None else list(types)
        while True:
            frame = self.messages(conv_id, conv_type, page_size, start=start, newer=newer, since=since, period=period,
                                  types=types)
            if len(frame):
                yield frame
            if len(frame) < page_size:
                return
            start = frame.iloc[-1]

    @api_call("TIMMsgReportReaded")
    def mark_read(conv_id: str, conv_type: ConvTypeLike = ConvType.C2C, *,
                  up_to: Union[None, Message, JsonObject] = None) -> CArgs:
        """TIMMsgReportReaded: reads the conversation up to its latest message, or up to message
        ``up_to`` (a Message or its JSON); the read position (``read_time`` of a C2C
        conversation, ``read_seq`` of a group) moves there and the unread count follows."""
        message = up_to.raw if isinstance(up_to, Message) else up_to
        if message is not None and not isinstance(message, dict):
            raise TypeError(f"up_to must be a Message or a dict, not {type(message).__name__}")
        return (*arguments.conv_key(conv_id, conv_type), None if message is None else arguments.json_arg(message))

    mark_read_async = mark_read.awaitable

    @api_call("TIMMsgMarkAllMessageAsRead")
    def mark_all_read() -> CArgs:
        """TIMMsgMarkAllMessageAsRead."""
        return ()

    mark_all_read_async = mark_all_read.awaitable

    # ---- receive options ----

    @api_call("TIMMsgSetC2CReceiveMessageOpt")
    def set_c2c_receive_option(user_ids: Iterable[str], option: Union[ReceiveOpt, int]) -> CArgs:
        """TIMMsgSetC2CReceiveMessageOpt: how the messages of each user (at most 30 a call) are
        received; ``ReceiveOpt.NOT_RECEIVE`` stops them, the other non-Receive options keep them
        out of the total unread. Holds also for users without a conversation yet."""
        return arguments.ids_param(user_ids, "user id"), arguments.receive_opt(option)

    set_c2c_receive_option_async = set_c2c_receive_option.awaitable

    @api_call("TIMMsgGetC2CReceiveMessageOpt", result=_receive_options)
    def c2c_receive_options(user_ids: Iterable[str]) -> CArgs:
        """TIMMsgGetC2CReceiveMessageOpt: {user id: ReceiveOpt}."""
        return (arguments.ids_param(user_ids, "user id"),)

    c2c_receive_options_async = c2c_receive_options.awaitable

    @api_call("TIMMsgSetGroupReceiveMessageOpt")
    def set_group_receive_option(group_id: str, option: Union[ReceiveOpt, int]) -> CArgs:
        """TIMMsgSetGroupReceiveMessageOpt: how the messages of a group are received (see
        :meth:`set_c2c_receive_option`); the group conversation's ``recv_opt`` column shows it."""
        return check_id(group_id, "group_id"), arguments.receive_opt(option)

    set_group_receive_option_async = set_group_receive_option.awaitable

    # ---- groups (TIMGroupManager.h; membership is kept in the data root, shared by every process) ----

    @api_call("TIMGroupCreate", result=_created_group)
    def create_group(name: str, group_id: Optional[str] = None, group_type: GroupTypeLike = GroupType.PUBLIC, *,
                     members: Iterable[Union[str, tuple[str, Union[MemberRole, int]]]] = (), introduction: str = "",
                     notification: str = "", face_url: str = "", add_option: Optional[int] = None,
                     max_members: Optional[int] = None) -> CArgs:
        """TIMGroupCreate: makes a group (``group_id`` given, or generated as ``@TGS#...``) with
        the user as owner and ``members`` (at most 20 user ids, or (id, MemberRole) pairs) in it;
        returns its id. The type decides who may join, quit and dismiss (``GroupType``: Public,
        Work, Meeting, Live, Community); a Public group is joined at once with
        ``add_option=GroupAddOption.ANY``, else by its owner's or an admin's approval
        (``group_pendency_list``, ``handle_group_pendency``)."""
        return (arguments.create_group_param(name, group_id, group_type, members, introduction, notification,
                                             face_url, add_option, max_members),)

    create_group_async = create_group.awaitable

    @api_call("TIMGroupJoin")
    def join_group(group_id: str, hello: str = "") -> CArgs:
        """TIMGroupJoin: by the rules of the group's type (a Work group only by invitation, 8508); every
        member receives a group tip, and the group conversation appears. A Public group that asks
        for approval keeps the request (with ``hello``) for its owner and admins instead."""
        return arguments.group_id(group_id), check_text(hello, "hello").encode()

    join_group_async = join_group.awaitable

    @api_call("TIMGroupQuit")
    def quit_group(group_id: str) -> CArgs:
        """TIMGroupQuit (the owner may quit only a Work group); the members receive a group tip.
        The group conversation stays, with the messages received so far."""
        return (arguments.group_id(group_id),)

    quit_group_async = quit_group.awaitable

    @api_call("TIMGroupDelete")
    def dismiss_group(group_id: str) -> CArgs:
        """TIMGroupDelete: the owner dismisses a group (never a Work group); every member receives
        a group report message."""
        return (arguments.group_id(group_id),)

    dismiss_group_async = dismiss_group.awaitable

    @api_call("TIMGroupModifyGroupInfo")
    def modify_group_info(group_id: str, *, name: Optional[str] = None, notification: Optional[str] = None,
                          introduction: Optional[str] = None, face_url: Optional[str] = None,
                          add_option: Optional[int] = None, approve_option: Optional[int] = None,
                          max_members: Optional[int] = None, mute_all: Optional[bool] = None,
                          owner: Optional[str] = None) -> CArgs:
        """TIMGroupModifyGroupInfo: changes what is given (None: unchanged). Anyone of a Work group,
        the owner or an admin of the others; ``owner`` (a member) transfers the group, by its owner
        and alone. Every member receives a GROUP_INFO_CHANGE tip, and their group conversation shows
        the new name and face (an ``update`` event in each member's process)."""
        return (arguments.modify_group_info_param(group_id, name, notification, introduction, face_url, add_option,
                                                  approve_option, max_members, mute_all, owner),)

    modify_group_info_async = modify_group_info.awaitable

    @api_call("TIMGroupInviteMember", result=_member_results(k.kTIMGroupInviteMemberResultIdentifier,
                                                             k.kTIMGroupInviteMemberResultResult))
    def invite_members(group_id: str, user_ids: Iterable[str]) -> CArgs:
        """TIMGroupInviteMember (1 to 20 users): any member of a Work group or a Community, never into a
        Live group. {user id: MemberResult}; every member receives an INVITE tip naming those added."""
        return (arguments.member_users_param(k.kTIMGroupInviteMemberParamGroupId,
                                             k.kTIMGroupInviteMemberParamIdentifierArray, group_id, user_ids),)

    invite_members_async = invite_members.awaitable

    @api_call("TIMGroupDeleteMember", result=_member_results(k.kTIMGroupDeleteMemberResultIdentifier,
                                                             k.kTIMGroupDeleteMemberResultResult))
    def remove_members(group_id: str, user_ids: Iterable[str]) -> CArgs:
        """TIMGroupDeleteMember: the owner of a Work group, the owner or an admin of the others, over
        members of a lower rank. {user id: MemberResult}; the members and those removed receive a
        KICK tip; their conversations stay."""
        return (arguments.member_users_param(k.kTIMGroupDeleteMemberParamGroupId,
                                             k.kTIMGroupDeleteMemberParamIdentifierArray, group_id, user_ids),)

    remove_members_async = remove_members.awaitable

    @api_call("TIMGroupModifyMemberInfo")
    def modify_member_info(group_id: str, user_id: str, *, role: Optional[int] = None,
                           mute_seconds: Optional[int] = None, name_card: Optional[str] = None) -> CArgs:
        """TIMGroupModifyMemberInfo: a member's role (NORMAL or ADMIN: SET_ADMIN / CANCEL_ADMIN tips),
        mute for ``mute_seconds`` (0 lifts it: a MEMBER_INFO_CHANGE tip; a muted member cannot send,
        10017) or name card (at most 50 bytes; one's own, or as the owner or an admin). The owner or an
        admin acts on members of a lower rank."""
        return (arguments.modify_member_param(group_id, user_id, role, mute_seconds, name_card),)

    modify_member_info_async = modify_member_info.awaitable

    @api_call("TIMGroupSearchGroups", result=_searched_groups)
    def search_group_list(keywords: Iterable[str], by_id: bool = False, by_name: bool = True) -> CArgs:
        """TIMGroupSearchGroups: the groups the user is in whose name (``by_name``) or id (``by_id``)
        holds one of 1 to 5 keywords, whatever the case, as Group objects."""
        return (arguments.search_groups_param(keywords, by_id, by_name),)

    search_group_list_async = search_group_list.awaitable

    @api_call("TIMGroupGetOnlineMemberCount", result=_online_count)
    def online_member_count(group_id: str) -> CArgs:
        """TIMGroupGetOnlineMemberCount: how many of the group's members are logged in now, in any
        process of the app (a member asks)."""
        return (arguments.group_id(group_id),)

    online_member_count_async = online_member_count.awaitable

    @api_call("TIMGroupSearchGroupMembers", result=_searched_members)
    def search_group_members(keywords: Iterable[str], group_ids: Iterable[str] = (), *, by_id: bool = True,
                             by_nick_name: bool = True, by_name_card: bool = True) -> CArgs:
        """TIMGroupSearchGroupMembers: {group id: GroupMembers} of the members of the user's groups
        (``group_ids``, or all of them) whose id, nickname or name card holds one of 1 to 5
        keywords, whatever the case; a group with nobody found is left out."""
        fields = (1 if by_id else 0) | (2 if by_nick_name else 0) | (8 if by_name_card else 0)
        if not fields:
            raise ValueError("search the ids, the nicknames, the name cards, or some of them")
        return (arguments.search_members_param(keywords, group_ids, fields),)

    search_group_members_async = search_group_members.awaitable

    @api_call("TIMGroupMarkGroupMemberList")
    def mark_group_members(group_id: str, user_ids: Iterable[str], mark_type: int, enable: bool = True) -> CArgs:
        """TIMGroupMarkGroupMemberList: the owner of a Live group marks members with ``mark_type``
        (at least 1000; at most 10 types in a group), or unmarks them (``enable=False``); every
        member gets a MEMBER_MARK_CHANGE tip, and ``member_list(group_id, roles=mark_type)`` lists
        the members marked."""
        return arguments.mark_members_args(group_id, user_ids, mark_type, enable)

    mark_group_members_async = mark_group_members.awaitable

    # ---- group attributes and counters (TIMGroupManager.h 5.4-5.7, 5.9-5.12) ----

    @api_call("TIMGroupInitGroupAttributes")
    def init_group_attributes(group_id: str, attributes: dict[str, str]) -> CArgs:
        """TIMGroupInitGroupAttributes: the group's attributes become ``attributes`` (a member; at
        most 16 keys of 32 bytes, values of 4 KB, 16 KB in all: 10004). A process changes what it
        last read or wrote (10056 otherwise: read them with :meth:`group_attributes` first); at most
        10 changes in 5 seconds (8511). Every member's process hears ``group_attributes_changed``."""
        return arguments.group_id(group_id), arguments.group_attributes_param(attributes)

    init_group_attributes_async = init_group_attributes.awaitable

    @api_call("TIMGroupSetGroupAttributes")
    def set_group_attributes(group_id: str, attributes: dict[str, str]) -> CArgs:
        """TIMGroupSetGroupAttributes: adds or updates ``attributes`` (as :meth:`init_group_attributes`)."""
        return arguments.group_id(group_id), arguments.group_attributes_param(attributes)

    set_group_attributes_async = set_group_attributes.awaitable

    @api_call("TIMGroupDeleteGroupAttributes")
    def delete_group_attributes(group_id: str, keys: Optional[Iterable[str]] = None) -> CArgs:
        """TIMGroupDeleteGroupAttributes: the attributes of ``keys`` (None: all of them), as
        :meth:`init_group_attributes`."""
        return arguments.group_id(group_id), arguments.group_data_keys_param(keys)

    delete_group_attributes_async = delete_group_attributes.awaitable

    @api_call("TIMGroupGetGroupAttributes", result=group_attributes_of)
    def group_attributes(group_id: str, keys: Optional[Iterable[str]] = None) -> CArgs:
        """TIMGroupGetGroupAttributes: {key: value} of ``keys`` (None: all), for a member; at most 20
        reads in 5 seconds (8511)."""
        return arguments.group_id(group_id), arguments.group_data_keys_param(keys)

    group_attributes_async = group_attributes.awaitable

    @api_call("TIMGroupSetGroupCounters", result=_counters)
    def set_group_counters(group_id: str, counters: dict[str, int]) -> CArgs:
        """TIMGroupSetGroupCounters: sets int64 ``counters`` (keys 1 to 128 bytes), by a member, in
        any group but a Community; {key: value} set. Every member's process hears
        ``group_counter_changed`` per counter."""
        return arguments.group_id(group_id), arguments.group_counters_param(counters)

    set_group_counters_async = set_group_counters.awaitable

    @api_call("TIMGroupGetGroupCounters", result=_counters)
    def group_counters(group_id: str, keys: Optional[Iterable[str]] = None) -> CArgs:
        """TIMGroupGetGroupCounters: {key: value} of ``keys`` (None: all; keys never set left out)."""
        return arguments.group_id(group_id), arguments.group_data_keys_param(keys)

    group_counters_async = group_counters.awaitable

    @api_call("TIMGroupIncreaseGroupCounter", result=_counter)
    def increase_group_counter(group_id: str, key: str, value: int) -> CArgs:
        """TIMGroupIncreaseGroupCounter: adds ``value`` to the counter (0 when new); its new value
        (10004 past int64)."""
        return arguments.counter_change_args(group_id, key, value)

    increase_group_counter_async = increase_group_counter.awaitable

    @api_call("TIMGroupDecreaseGroupCounter", result=_counter)
    def decrease_group_counter(group_id: str, key: str, value: int) -> CArgs:
        """TIMGroupDecreaseGroupCounter: takes ``value`` from the counter (0 when new); its new value."""
        return arguments.counter_change_args(group_id, key, value)

    decrease_group_counter_async = decrease_group_counter.awaitable

    @api_call("TIMGroupGetPendencyList", result=_pendency_list)
    def group_pendency_list() -> CArgs:
        """TIMGroupGetPendencyList: the requests to join the groups the user owns or administers
        (``GroupPendency``, newest first, handled or not)."""
        return (arguments.json_arg({k.kTIMGroupPendencyOptionStartTime: 0}),)

    group_pendency_list_async = group_pendency_list.awaitable

    @api_call("TIMGroupHandlePendency")
    def handle_group_pendency(pendency: Union[GroupPendency, JsonObject], accept: bool, message: str = "") -> CArgs:
        """TIMGroupHandlePendency: the owner or an admin accepts (the requester joins: every member gets
        the INVITE tip) or refuses (the requester gets a report) a request, once (10024 after)."""
        return (arguments.handle_pendency_param(pendency, accept, message),)

    handle_group_pendency_async = handle_group_pendency.awaitable

    @api_call("TIMGroupReportPendencyReaded")
    def report_group_pendency_read(until: Union[int, float, datetime]) -> CArgs:
        """TIMGroupReportPendencyReaded: the requests added up to ``until`` count as read."""
        return (arguments.epoch_arg(until, "until"),)

    report_group_pendency_read_async = report_group_pendency_read.awaitable

    @api_call("TIMGroupGetJoinedGroupList", result=_group_list)
    def group_list() -> CArgs:
        """TIMGroupGetJoinedGroupList as JoinedGroup objects (role, unread, read seq, ...)."""
        return ()

    group_list_async = group_list.awaitable

    @api_call("TIMGroupGetJoinedGroupList", result=groups_frame, parse=False)
    def groups() -> CArgs:
        """TIMGroupGetJoinedGroupList as a DataFrame indexed by group id (schema: docs/api.md)."""
        return ()

    groups_async = groups.awaitable

    @api_call("TIMGroupGetGroupInfoList", result=_groups_info, result_takes_arguments=True)
    def groups_info(group_ids: Iterable[str]) -> CArgs:
        """TIMGroupGetGroupInfoList: {group id: Group}, or the GroupNotFoundError of an id that
        names no group."""
        return (arguments.group_ids_param(group_ids),)

    groups_info_async = groups_info.awaitable

    @api_call("TIMGroupGetMemberInfoList", result=_member_list)
    def member_list(group_id: str, roles: Optional[int] = None, user_ids: Iterable[str] = ()) -> CArgs:
        """TIMGroupGetMemberInfoList as GroupMember objects: every member, or those of ``roles``
        (bits of TIMGroupMemberRoleFlag: 1 the owner, 2 admins, 4 the others) or ``user_ids``.
        Only members may list a group's members."""
        return (arguments.member_list_param(group_id, roles, user_ids),)

    member_list_async = member_list.awaitable

    @api_call("TIMGroupGetMemberInfoList", result=members_frame, parse=False)
    def members(group_id: str, roles: Optional[int] = None, user_ids: Iterable[str] = ()) -> CArgs:
        """TIMGroupGetMemberInfoList as a DataFrame indexed by user id (see :meth:`member_list`)."""
        return (arguments.member_list_param(group_id, roles, user_ids),)

    members_async = members.awaitable

    # ---- what happens to a message after it is sent ----

    @api_call("TIMMsgRevoke")
    def revoke_message(message: Union[Message, JsonObject]) -> CArgs:
        """TIMMsgRevoke: within 2 minutes of sending; one's own message, or in a group any
        member's as its owner or an admin. Every copy shows it revoked (``Message.revoked``); the
        recipients get a ``message_revoked`` event."""
        return (*arguments.message_conversation([message]), arguments.json_arg(arguments.stored_message(message)))

    revoke_message_async = revoke_message.awaitable

    @api_call("TIMMsgDelete")
    def delete_message(message: Union[Message, JsonObject]) -> CArgs:
        """TIMMsgDelete: deletes one message from the local store; the conversation's last
        message and unread count follow."""
        param = {k.kTIMMsgDeleteParamMsg: arguments.stored_message(message), k.kTIMMsgDeleteParamIsRamble: False}
        return (*arguments.message_conversation([message]), arguments.json_arg(param))

    delete_message_async = delete_message.awaitable

    @api_call("TIMMsgListDelete")
    def delete_messages(messages: Iterable[Union[Message, JsonObject]]) -> CArgs:
        """TIMMsgListDelete: deletes 1 to 50 messages of one conversation, all or none."""
        return arguments.messages_param(messages)

    delete_messages_async = delete_messages.awaitable

    @api_call("TIMMsgClearHistoryMessage")
    def clear_history(conv_id: str, conv_type: ConvTypeLike = ConvType.C2C) -> CArgs:
        """TIMMsgClearHistoryMessage: deletes every message of the conversation; it stays, with no
        last message and nothing unread."""
        return arguments.conv_key(conv_id, conv_type)

    clear_history_async = clear_history.awaitable

    # ---- edits, saves and imports ----

    @api_call("TIMMsgModifyMessage", result=Message.from_json)
    def modify_message(message: Union[Message, JsonObject], *, text: Optional[str] = None,
                       elements: Optional[Iterable[JsonObject]] = None,
                       cloud_custom_data: Optional[str] = None) -> CArgs:
        """TIMMsgModifyMessage: changes a stored message (as a send, the list or a
        ``message_updated`` event gave it): the text of its one text element (``text``), its
        elements (``elements``: text, custom, face or location ones, each keeping its type) or its
        cloud custom data. Any member of its conversation may; every copy follows and every holder
        gets a ``message_updated`` event. Returns the Message as it is now; a copy modified since it
        was read raises ModifyConflictError (read it again, e.g. with :meth:`find_messages`)."""
        return (arguments.json_arg(arguments.modification(message, text=text, elements=elements,
                                                          cloud_custom_data=cloud_custom_data)),)

    modify_message_async = modify_message.awaitable

    @api_call("TIMMsgSetLocalCustomData", result=Message.from_json)
    def set_local_custom_data(message: Union[Message, JsonObject], data: Optional[str] = None,
                              number: Optional[int] = None) -> CArgs:
        """TIMMsgSetLocalCustomData: the message's custom fields (``data``: message_custom_str,
        ``number``: message_custom_int), kept in this user's store only: never sent, and kept
        across logins. Returns the Message as it is now."""
        return (arguments.local_data_param(message, data, number),)

    set_local_custom_data_async = set_local_custom_data.awaitable

    @api_call("TIMMsgSaveMsg", result=Message.from_json)
    def save_message(conv_id: str, message: Union[str, Message, JsonObject], conv_type: ConvTypeLike = ConvType.C2C,
                     *, sender: Optional[str] = None, time: Union[None, int, float, datetime] = None) -> CArgs:
        """TIMMsgSaveMsg: writes a message (a text, or a Message) into the conversation, never
        delivered: status LOCAL_IMPORTED, from ``sender`` (C2C: oneself or the peer; default
        oneself) at ``time`` (default: its own, else now). It becomes the last message when it is
        the newest. Returns the saved Message."""
        body = arguments.local_message(message, sender, time)
        return (*arguments.conv_key(conv_id, conv_type), arguments.json_arg(body))

    save_message_async = save_message.awaitable

    @api_call("TIMMsgImportMsgList")
    def import_messages(conv_id: str, messages: Any, conv_type: ConvTypeLike = ConvType.C2C) -> CArgs:
        """TIMMsgImportMsgList: writes a history into the conversation, all or none, as
        :meth:`save_message` writes one message: a list of Messages (or their JSON, or texts), or a
        DataFrame with columns ``sender``, ``text`` and ``time`` (timezone-aware, or seconds; or
        ``server_time``, so a :meth:`messages` frame imports as it is). Each keeps its own time:
        :meth:`messages` pages them in time order, and the newest becomes the last message. A
        message whose id is stored already is not imported again."""
        return (*arguments.conv_key(conv_id, conv_type), arguments.imported_messages(messages))

    import_messages_async = import_messages.awaitable

    # ---- pinning, unread, batch delete ----

    @api_call("TIMConvPinConversation")
    def pin(conv_id: str, conv_type: ConvTypeLike = ConvType.C2C, pinned: bool = True) -> CArgs:
        """TIMConvPinConversation: pinned conversations list first."""
        return (*arguments.conv_key(conv_id, conv_type), bool(pinned))

    pin_async = pin.awaitable

    @api_call("TIMConvGetTotalUnreadMessageCount", result=_unread_total)
    def total_unread() -> CArgs:
        """TIMConvGetTotalUnreadMessageCount."""
        return ()

    total_unread_async = total_unread.awaitable

    @api_call("TIMConvDeleteConversationList", result=_per_id("TIMConvDeleteConversationList"))
    def delete_conversations(keys: Iterable[Union[str, ConvKey]], clear_messages: bool = True) -> CArgs:
        """TIMConvDeleteConversationList for up to 100 ids like ``"c2c_bob"``/``"group_team"``.
        Returns {id: None on success, else the TIMError for that id}."""
        return arguments.keys_param(keys), bool(clear_messages)

    delete_conversations_async = delete_conversations.awaitable

    # ---- marks, custom data, conversation groups ----

    @api_call("TIMConvMarkConversation", result=_per_id("TIMConvMarkConversation"))
    def mark_conversations(keys: Iterable[Union[str, ConvKey]], mark: int, enable: bool = True) -> CArgs:
        """TIMConvMarkConversation: sets (or clears) marks on up to 100 conversations: each bit of
        ``mark`` is a mark of its own (``MarkType.STAR``, ..., or an extension bit 32 to 63, as in
        the vendor's ``MarkType.UNREAD | (1 << 32)``). Returns {id: None or TIMError}."""
        return arguments.keys_param(keys), arguments.mark_bit(mark), bool(enable)

    mark_conversations_async = mark_conversations.awaitable

    @api_call("TIMConvSetConversationCustomData", result=_per_id("TIMConvSetConversationCustomData"))
    def set_custom_data(keys: Iterable[Union[str, ConvKey]], data: str) -> CArgs:
        """TIMConvSetConversationCustomData: the ``custom_data`` column of up to 100
        conversations (at most 256 bytes; "" clears it). Returns {id: None or TIMError}."""
        return arguments.keys_param(keys), arguments.custom_data(data)

    set_custom_data_async = set_custom_data.awaitable

    @api_call("TIMConvCreateConversationGroup", result=_per_id("TIMConvCreateConversationGroup"))
    def create_conversation_group(name: str, keys: Iterable[Union[str, ConvKey]]) -> CArgs:
        """TIMConvCreateConversationGroup: a named group (1 to 32 bytes; at most 20 groups) of
        conversations. Returns {id: None or TIMError}."""
        return check_id(name, "group name"), arguments.keys_param(keys)

    create_conversation_group_async = create_conversation_group.awaitable

    @api_call("TIMConvAddConversationsToGroup", result=_per_id("TIMConvAddConversationsToGroup"))
    def add_to_conversation_group(name: str, keys: Iterable[Union[str, ConvKey]]) -> CArgs:
        """TIMConvAddConversationsToGroup (a group holds at most 1,000 conversations: past it,
        error 51008 for those ids). Returns {id: None or TIMError}."""
        return check_id(name, "group name"), arguments.keys_param(keys)

    add_to_conversation_group_async = add_to_conversation_group.awaitable

    @api_call("TIMConvDeleteConversationsFromGroup", result=_per_id("TIMConvDeleteConversationsFromGroup"))
    def remove_from_conversation_group(name: str, keys: Iterable[Union[str, ConvKey]]) -> CArgs:
        """TIMConvDeleteConversationsFromGroup (one not in the group succeeds unchanged).
        Returns {id: None or TIMError}."""
        return check_id(name, "group name"), arguments.keys_param(keys)

    remove_from_conversation_group_async = remove_from_conversation_group.awaitable

    @api_call("TIMConvGetConversationGroupList", result=_names)
    def conversation_group_list() -> CArgs:
        """TIMConvGetConversationGroupList: the group names, in name order."""
        return ()

    conversation_group_list_async = conversation_group_list.awaitable

    @api_call("TIMConvDeleteConversationGroup")
    def delete_conversation_group(name: str) -> CArgs:
        """TIMConvDeleteConversationGroup: its conversations stay, outside any group of that name."""
        return (check_id(name, "group name"),)

    delete_conversation_group_async = delete_conversation_group.awaitable

    @api_call("TIMConvRenameConversationGroup")
    def rename_conversation_group(old_name: str, new_name: str) -> CArgs:
        """TIMConvRenameConversationGroup."""
        return check_id(old_name, "old group name"), check_id(new_name, "new group name")

    rename_conversation_group_async = rename_conversation_group.awaitable

    # ---- filters, unread by filter, cleaning unread ----

    @api_call("TIMConvGetUnreadMessageCountByFilter", result=_unread_total)
    def unread_count(*, conv_type: Optional[ConvTypeLike] = None, mark: Optional[int] = None,
                     group: Optional[str] = None) -> CArgs:
        """TIMConvGetUnreadMessageCountByFilter: the unread total of the conversations passing
        the filter (no filter: the same as :meth:`total_unread`). None leaves a key out ("any");
        ``mark=0`` counts the conversations without marks, ``group=""`` those in no group."""
        return (arguments.filter_param(conv_type, None, mark, group),)

    unread_count_async = unread_count.awaitable

    @api_call("TIMConvSubscribeUnreadMessageCountByFilter", callback=False)
    def subscribe_unread(*, conv_type: Optional[ConvTypeLike] = None, mark: Optional[int] = None,
                         group: Optional[str] = None) -> CArgs:
        """TIMConvSubscribeUnreadMessageCountByFilter: from now on the ``unread_by_filter`` event
        tells each change of this filter's unread total (at most 32 filters at once; filters are
        told apart by conv type, mark and group, as in :meth:`unread_count`)."""
        return (arguments.filter_param(conv_type, None, mark, group),)

    subscribe_unread_async = subscribe_unread.awaitable

    @api_call("TIMConvUnsubscribeUnreadMessageCountByFilter", callback=False)
    def unsubscribe_unread(*, conv_type: Optional[ConvTypeLike] = None, mark: Optional[int] = None,
                           group: Optional[str] = None) -> CArgs:
        """TIMConvUnsubscribeUnreadMessageCountByFilter (not subscribed: nothing happens)."""
        return (arguments.filter_param(conv_type, None, mark, group),)

    unsubscribe_unread_async = unsubscribe_unread.awaitable

    @api_call("TIMConvCleanConversationUnreadMessageCount")
    def clean_unread(conversation: str = "", *, timestamp: Union[int, float, datetime] = 0,
                     sequence: int = 0) -> CArgs:
        """TIMConvCleanConversationUnreadMessageCount: marks read the messages of one conversation
        (``"c2c_bob"``), of every c2c or group conversation (``"c2c"``, ``"group"``), or of all
        (``""``); a c2c conversation up to ``timestamp``, a group up to message ``sequence``
        (0: everything)."""
        target = arguments.clean_target(conversation)
        return target, arguments.epoch_arg(timestamp, "timestamp") or 0, arguments.sequence(sequence)

    clean_unread_async = clean_unread.awaitable

    @api_call("TIMConvGetConversationListByFilter", result=_page)
    def conversation_page(next_seq: int = 0, count: int = 100, *, conv_type: Optional[ConvTypeLike] = None,
                          has_unread: Optional[bool] = None, mark: Optional[int] = None,
                          group: Optional[str] = None) -> CArgs:
        """TIMConvGetConversationListByFilter: one page as (frame, next_seq, finished). A filter
        key left None means "any"; a value means what it says, as the vendor documents:
        ``has_unread=False`` the conversations without unread messages, ``mark=0`` those without
        marks, ``group=""`` those in no conversation group."""
        return (arguments.filter_param(conv_type, has_unread, mark, group), int(next_seq),
                arguments.check_int(count, "count", 1, 2**32 - 1))

    conversation_page_async = conversation_page.awaitable

    def iter_conversation_pages(self, page_size: int = 100, *, conv_type: Optional[ConvTypeLike] = None,
                                has_unread: Optional[bool] = None, mark: Optional[int] = None,
                                group: Optional[str] = None) -> Iterator[pd.DataFrame]:
        """Yields the filtered list page by page (DataFrames), each conversation once, in order.
        Filters as for :meth:`conversation_page`."""
        next_seq = 0
        while True:
            frame, next_seq, finished = self.conversation_page(next_seq, page_size, conv_type=conv_type,
                                                               has_unread=has_unread, mark=mark, group=group)
            if len(frame):
                yield frame
            if finished:
                return

    # ---- the experimental API ----

    @api_call("callExperimentalAPI")
    def experimental_api(request: JsonObject) -> CArgs:
        """callExperimentalAPI with a request object (``{"request_internal_operation":
        "internal_operation_write_log", ...}``). The local engine implements the operations the
        vendor's own wrappers send (set UI platform, write log); others raise NotSupportedError."""
        if not isinstance(request, dict):
            raise TypeError(f"request must be a dict, not {type(request).__name__}")
        return (arguments.json_arg(request),)

    experimental_api_async = experimental_api.awaitable

    # ---- profiles (TIMManager.h 6.1-6.4; kept in the data root, shared by every process) ----

    @api_call("TIMProfileGetUserProfileList", result=_profile_list)
    def profile_list(user_ids: Iterable[str]) -> CArgs:
        """TIMProfileGetUserProfileList as UserProfile objects, in the order asked (1 to 100 users;
        one who never set a profile has empty fields)."""
        return (_profile_list_param(user_ids),)

    profile_list_async = profile_list.awaitable

    @api_call("TIMProfileGetUserProfileList", result=profiles_frame, parse=False)
    def profiles(user_ids: Iterable[str]) -> CArgs:
        """TIMProfileGetUserProfileList as a DataFrame indexed by user id (schema: docs/api.md)."""
        return (_profile_list_param(user_ids),)

    profiles_async = profiles.awaitable

    @api_call("TIMProfileModifySelfUserProfile")
    def set_self_profile(*, nickname: Optional[str] = None, face_url: Optional[str] = None,
                         gender: Union[Gender, int, None] = None, signature: Optional[str] = None,
                         add_permission: Union[AddPermission, int, None] = None, location: Optional[str] = None,
                         language: Optional[int] = None, birthday: Optional[int] = None, level: Optional[int] = None,
                         role: Optional[int] = None, custom: Optional[dict[str, str]] = None) -> CArgs:
        """TIMProfileModifySelfUserProfile: changes the fields given (None: unchanged). Then the
        ``self_info_updated`` event, and every C2C conversation others hold with the user shows the
        new nickname and face (an ``update`` event in their processes)."""
        return (arguments.json_arg(profile_item(
            nickname=nickname, face_url=face_url, gender=gender, signature=signature, add_permission=add_permission,
            location=location, language=language, birthday=birthday, level=level, role=role, custom=custom)),)

    set_self_profile_async = set_self_profile.awaitable

    @api_call("TIMSubscribeUserInfo")
    def subscribe_user_info(user_ids: Iterable[str]) -> CArgs:
        """TIMSubscribeUserInfo: their profile changes then come as ``user_info_changed`` events (at
        most 200 subscriptions; past that the first subscribed go)."""
        return (arguments.ids_param(user_ids, "user id"),)

    subscribe_user_info_async = subscribe_user_info.awaitable

    @api_call("TIMUnsubscribeUserInfo")
    def unsubscribe_user_info(user_ids: Optional[Iterable[str]] = None) -> CArgs:
        """TIMUnsubscribeUserInfo: the users given, or (None) every subscription."""
        return (None if user_ids is None else arguments.ids_param(user_ids, "user id"),)

    unsubscribe_user_info_async = unsubscribe_user_info.awaitable

    # ---- user status (TIMManager.h 6.5-6.8) ----

    @api_call("TIMGetUserStatus", result=_user_status_list)
    def user_status_list(user_ids: Iterable[str]) -> CArgs:
        """TIMGetUserStatus as UserStatus objects, in the order asked (one's own included): ONLINE
        while a process holds the user's login, OFFLINE when none does after a login, UNLOGINED
        after a logout or before any login."""
        return (arguments.ids_param(user_ids, "user id"),)

    user_status_list_async = user_status_list.awaitable

    @api_call("TIMSetSelfStatus")
    def set_self_status(custom_status: str) -> CArgs:
        """TIMSetSelfStatus: one's custom status (at most 100 bytes); the ``user_status_changed``
        event follows here and in the processes of those who subscribed."""
        return (arguments.json_arg(status_param(custom_status)),)

    set_self_status_async = set_self_status.awaitable

    @api_call("TIMSubscribeUserStatus")
    def subscribe_user_status(user_ids: Iterable[str]) -> CArgs:
        """TIMSubscribeUserStatus: their statuses' changes then come as ``user_status_changed``
        events (not one's own id; at most 200, the first subscribed go past that)."""
        return (arguments.ids_param(user_ids, "user id"),)

    subscribe_user_status_async = subscribe_user_status.awaitable

    @api_call("TIMUnsubscribeUserStatus")
    def unsubscribe_user_status(user_ids: Optional[Iterable[str]] = None) -> CArgs:
        """TIMUnsubscribeUserStatus: the users given, or (None) every subscription."""
        return (None if user_ids is None else arguments.ids_param(user_ids, "user id"),)

    unsubscribe_user_status_async = unsubscribe_user_status.awaitable

    # ---- friendship (TIMFriendshipManager.h; kept in the data root, shared by every process) ----

    @api_call("TIMFriendshipGetFriendProfileList", result=_friend_profiles)
    def friend_list() -> CArgs:
        """TIMFriendshipGetFriendProfileList as FriendProfile objects, first added first."""
        return ()

    friend_list_async = friend_list.awaitable

    @api_call("TIMFriendshipGetFriendProfileList", result=friends_frame, parse=False)
    def friends() -> CArgs:
        """TIMFriendshipGetFriendProfileList as a DataFrame indexed by user id (schema: docs/api.md)."""
        return ()

    friends_async = friends.awaitable

    @api_call("TIMFriendshipGetFriendsInfo", result=friend_infos)
    def friend_info(user_ids: Iterable[str]) -> CArgs:
        """TIMFriendshipGetFriendsInfo: {user id: (Relation, FriendProfile)} for anyone, friend or not."""
        return (arguments.ids_param(user_ids, "user id"),)

    friend_info_async = friend_info.awaitable

    @api_call("TIMFriendshipSearchFriends", result=_found_friends)
    def search_friends(keywords: Iterable[str], fields: Optional[Iterable[Union[SearchField, int]]] = None) -> CArgs:
        """TIMFriendshipSearchFriends: the friends whose id, nickname or remark (``fields``; None:
        all three) holds one of 1 to 5 keywords, letters of either case alike."""
        words = [check_text(word, "keyword") for word in arguments.id_list(keywords)]
        param: JsonObject = {k.kTIMFriendshipSearchParamKeywordList: words}
        if fields is not None:
            param[k.kTIMFriendshipSearchParamSearchFieldList] = [int(SearchField(f)) for f in fields]
        return (arguments.json_arg(param),)

    search_friends_async = search_friends.awaitable

    @api_call("TIMFriendshipModifyFriendProfile")
    def set_friend_profile(user_id: str, *, remark: Optional[str] = None, groups: Optional[Iterable[str]] = None,
                           custom: Optional[dict[str, str]] = None) -> CArgs:
        """TIMFriendshipModifyFriendProfile: a friend's remark (the name their C2C conversation then
        shows, with an ``update`` event in every process of the user's), friend groups (replacing
        theirs) or custom fields; then the ``friend_profile_updated`` event."""
        friend = check_id(user_id, "user id").decode()
        item = friend_item(remark=remark, groups=groups, custom=custom)
        return (arguments.json_arg({k.kTIMFriendshipModifyFriendProfileParamIdentifier: friend,
                                    k.kTIMFriendshipModifyFriendProfileParamItem: item}),)

    set_friend_profile_async = set_friend_profile.awaitable

    @api_call("TIMFriendshipAddFriend", result=added)
    def add_friend(user_id: str, *, friend_type: Union[FriendType, int] = FriendType.BOTH, remark: str = "",
                   group: str = "", source: str = "", wording: str = "") -> CArgs:
        """TIMFriendshipAddFriend, as the user's add permission says: a FriendResult with code 0
        (friends now) or 30539 (a request waits for them); the refusals raise (FriendshipError:
        30015 already friends, 30515/30525 a block list, 30516 they let nobody add them)."""
        check_id(user_id, "user id")
        return (arguments.json_arg(add_friend_param(user_id, friend_type=friend_type, remark=remark, group=group,
                                                    source=source, wording=wording)),)

    add_friend_async = add_friend.awaitable

    @api_call("TIMFriendshipDeleteFriend", result=per_user("TIMFriendshipDeleteFriend"))
    def delete_friends(user_ids: Iterable[str], friend_type: Union[FriendType, int] = FriendType.BOTH) -> CArgs:
        """TIMFriendshipDeleteFriend: one way (from one's own list) or both ways; {user id: None,
        or the error (31704: not a friend)}."""
        return (_ids_and_type(k.kTIMFriendshipDeleteFriendParamIdentifierArray,
                              k.kTIMFriendshipDeleteFriendParamFriendType, user_ids, friend_type),)

    delete_friends_async = delete_friends.awaitable

    @api_call("TIMFriendshipCheckFriendType", result=relations)
    def check_friends(user_ids: Iterable[str], friend_type: Union[FriendType, int] = FriendType.BOTH) -> CArgs:
        """TIMFriendshipCheckFriendType: {user id: Relation}; one way asks only whether they are in
        one's own list (NONE or IN_MY_LIST)."""
        return (_ids_and_type(k.kTIMFriendshipCheckFriendTypeParamIdentifierArray,
                              k.kTIMFriendshipCheckFriendTypeParamCheckType, user_ids, friend_type),)

    check_friends_async = check_friends.awaitable

    @api_call("TIMFriendshipGetPendencyList", result=FriendRequestPage.from_json)
    def friend_requests(pendency_type: Union[PendencyType, int] = PendencyType.BOTH, start_seq: int = 0,
                        limit: int = 0) -> CArgs:
        """TIMFriendshipGetPendencyList: a FriendRequestPage of the requests to the user, from the
        user, or both, after ``start_seq`` (its ``next_seq`` asks for the next), up to ``limit`` (0: all)."""
        start = arguments.check_int(start_seq, "start_seq", 0, 2**63 - 1)
        size = arguments.check_int(limit, "limit", 0, 2**31 - 1)
        return (arguments.json_arg({k.kTIMFriendshipGetPendencyListParamType: int(PendencyType(pendency_type)),
                                    k.kTIMFriendshipGetPendencyListParamStartSeq: start,
                                    k.kTIMFriendshipGetPendencyListParamLimitedSize: size}),)

    friend_requests_async = friend_requests.awaitable

    @api_call("TIMFriendshipHandleFriendAddRequest", result=FriendResult.from_json)
    def respond_to_friend_request(user_id: str, action: Union[ResponseAction, int], *, remark: str = "",
                                  group: str = "") -> CArgs:
        """TIMFriendshipHandleFriendAddRequest: AGREE (the asker has the user as a friend),
        AGREE_AND_ADD (both ways; ``remark`` and ``group`` for one's own list) or REJECT."""
        checked = add_friend_param(user_id, remark=remark, group=group)  # the same limits as adding's
        return (arguments.json_arg({
            k.kTIMFriendResponseIdentifier: check_id(user_id, "user id").decode(),
            k.kTIMFriendResponseAction: int(ResponseAction(action)),
            k.kTIMFriendResponseRemark: checked.get(k.kTIMFriendshipAddFriendParamRemark, ""),
            k.kTIMFriendResponseGroupName: checked.get(k.kTIMFriendshipAddFriendParamGroupName, "")}),)

    respond_to_friend_request_async = respond_to_friend_request.awaitable

    @api_call("TIMFriendshipReportPendencyReaded")
    def report_friend_requests_read(until: Union[None, int, float, datetime] = None) -> CArgs:
        """TIMFriendshipReportPendencyReaded: the requests up to ``until`` (None: now) are read; the
        ``friend_requests_read`` event follows in every process of the user's."""
        return (arguments.epoch_arg(until, "until") or 0,)

    report_friend_requests_read_async = report_friend_requests_read.awaitable

    @api_call("TIMFriendshipDeletePendency", result=per_user("TIMFriendshipDeletePendency"))
    def delete_friend_requests(user_ids: Iterable[str],
                               pendency_type: Union[PendencyType, int] = PendencyType.COME_IN) -> CArgs:
        """TIMFriendshipDeletePendency: {user id: None, or the error (30614: no such request)}."""
        return (arguments.json_arg({k.kTIMFriendshipDeletePendencyParamType: int(PendencyType(pendency_type)),
                                    k.kTIMFriendshipDeletePendencyParamIdentifierArray:
                                        _user_ids(user_ids)}),)

    delete_friend_requests_async = delete_friend_requests.awaitable

    @api_call("TIMFriendshipGetBlackList", result=_friend_profiles)
    def blocked_list() -> CArgs:
        """TIMFriendshipGetBlackList: the FriendProfiles of the users blocked, first blocked first."""
        return ()

    blocked_list_async = blocked_list.awaitable

    @api_call("TIMFriendshipAddToBlackList", result=per_user("TIMFriendshipAddToBlackList"))
    def block(user_ids: Iterable[str]) -> CArgs:
        """TIMFriendshipAddToBlackList: their C2C messages to the user are refused (20007), and a
        friendship with them ends both ways; {user id: None, or the error}."""
        return (arguments.ids_param(user_ids, "user id"),)

    block_async = block.awaitable

    @api_call("TIMFriendshipDeleteFromBlackList", result=per_user("TIMFriendshipDeleteFromBlackList"))
    def unblock(user_ids: Iterable[str]) -> CArgs:
        """TIMFriendshipDeleteFromBlackList: {user id: None, or the error (30001: not blocked)}."""
        return (arguments.ids_param(user_ids, "user id"),)

    unblock_async = unblock.awaitable

    @api_call("TIMFriendshipCreateFriendGroup", result=per_user("TIMFriendshipCreateFriendGroup"))
    def create_friend_group(names: Iterable[str], user_ids: Iterable[str] = ()) -> CArgs:
        """TIMFriendshipCreateFriendGroup: new groups (not existing ones), with these friends;
        {user id: None, or the error (31704: not a friend)}."""
        friends = _user_ids(user_ids, may_be_empty=True)
        return (arguments.json_arg({k.kTIMFriendshipCreateFriendGroupParamNameArray: names_param(names),
                                    k.kTIMFriendshipCreateFriendGroupParamIdentifierArray: friends}),)

    create_friend_group_async = create_friend_group.awaitable

    @api_call("TIMFriendshipGetFriendGroupList", result=_friend_groups)
    def friend_group_list(names: Optional[Iterable[str]] = None) -> CArgs:
        """TIMFriendshipGetFriendGroupList: FriendGroups by name (None: every group)."""
        return (None if names is None else arguments.json_arg(names_param(names)),)

    friend_group_list_async = friend_group_list.awaitable

    @api_call("TIMFriendshipDeleteFriendGroup")
    def delete_friend_groups(names: Iterable[str]) -> CArgs:
        """TIMFriendshipDeleteFriendGroup: the groups go; their friends stay friends."""
        return (arguments.json_arg(names_param(names)),)

    delete_friend_groups_async = delete_friend_groups.awaitable

    @api_call("TIMFriendshipModifyFriendGroup")
    def rename_friend_group(name: str, new_name: str) -> CArgs:
        """TIMFriendshipModifyFriendGroup with a new name."""
        return (_group_change(name, k.kTIMFriendshipModifyFriendGroupParamNewName, group_name(new_name)),)

    rename_friend_group_async = rename_friend_group.awaitable

    @api_call("TIMFriendshipModifyFriendGroup", result=per_user("TIMFriendshipModifyFriendGroup"))
    def add_to_friend_group(name: str, user_ids: Iterable[str]) -> CArgs:
        """TIMFriendshipModifyFriendGroup adding friends: {user id: None, or the error (31704)}."""
        return (_group_change(name, k.kTIMFriendshipModifyFriendGroupParamAddIdentifierArray, _user_ids(user_ids)),)

    add_to_friend_group_async = add_to_friend_group.awaitable

    @api_call("TIMFriendshipModifyFriendGroup", result=per_user("TIMFriendshipModifyFriendGroup"))
    def remove_from_friend_group(name: str, user_ids: Iterable[str]) -> CArgs:
        """TIMFriendshipModifyFriendGroup removing friends: {user id: None, or the error}."""
        return (_group_change(name, k.kTIMFriendshipModifyFriendGroupParamDeleteIdentifierArray, _user_ids(user_ids)),)

    remove_from_friend_group_async = remove_from_friend_group.awaitable

    # ---- the local engine's clock ----

    def set_clock(self, when: Union[None, int, float, datetime]) -> None:
        """Local engine only: makes its clock read ``when`` (a timezone-aware datetime or epoch
        seconds) until set again; None returns to the real clock. For reproducible notebooks."""
        if not self.is_local:
            raise NotImplementedError("set_clock is an extension of the local engine; the vendor SDK has no such call")
        self.native.set_clock(arguments.epoch_arg(when, "when") or 0)

    # ---- recording the C traffic, scripted faults ----

    @property
    def recorder(self) -> Optional[Recorder]:
        """The recorder of this client's C traffic, or None when not recording."""
        return self.native.recorder

    def start_recording(self, recorder: Optional[Recorder] = None) -> Recorder:
        """Records every C call, callback and event from now on (see timconv_nb.recording)."""
        return self.native.start_recording(recorder)

    def stop_recording(self) -> Optional[Recorder]:
        """Stops recording; returns the recorder with what it recorded."""
        return self.native.stop_recording()

    def recording(self, recorder: Optional[Recorder] = None) -> AbstractContextManager[Recorder]:
        """``with client.recording() as recorder:`` records the C traffic of the block."""
        return self.native.recording(recorder)

    @property
    def faults(self) -> Faults:
        """Scripted faults of the local engine, to show failure on demand (see :class:`Faults`)."""
        if not self.is_local:
            raise NotImplementedError("scripted faults are an extension of the local engine; the vendor SDK has none")
        return Faults(self.native)

    # ---- events ----

    def on(self, event: Union[ConvEvent, str], handler: EventHandler) -> EventHandler:
        return self._events.on(event, handler)

    on.__doc__ = ("Subscribes ``handler`` to an event and returns it (usable as a decorator):\n\n"
                  + textwrap.indent(handler_docs(), "        ")
                  + "\n\n        Handlers run on the engine's thread; one that raises is logged and harms nothing"
                    " else.")

    def _note_network_status(self, status: NetworkStatus, code: int, desc: str) -> None:
        self._network_status = status

    @property
    def network_status(self) -> Optional[NetworkStatus]:
        """The SDK's connection to its server, as its network status callback last told it
        (``TIMSetNetworkStatusListenerCallback``; the local engine is connected from TIMInit on)."""
        return self._network_status

    def off(self, event: Union[ConvEvent, str], handler: EventHandler) -> None:
        """Stops calling ``handler`` for that event (ValueError when it was not subscribed)."""
        self._events.off(event, handler)

    if TYPE_CHECKING:
        # The names of the previous release (RENAMED) as type checkers see them: the methods they
        # stand for. At run time _with_renamed installs each, with a DeprecationWarning.
        listed_conversations, listed_conversations_async = conversations, conversations_async
        joined_groups, joined_groups_async = group_list, group_list_async
        group_members, group_members_async = member_list, member_list_async
        conversation_groups, conversation_groups_async = conversation_group_list, conversation_group_list_async
