"""Value objects for groups (TIMGroupManager.h): group types and roles, a group's details, a
joined group with the user's side of it, a member, and the group tips every member receives."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import IntEnum, IntFlag
from typing import Any, Optional, Union

from . import wire as k
from .checks import is_int
from .model import describe_tip, epoch_to_datetime
from .wire import JsonObject

__all__ = ["GroupType", "GroupTypeLike", "GroupAddOption", "MemberRole", "GroupTipType", "GroupInfoChangeFlag",
           "GroupModifyFlag", "GroupInfoChange", "MemberModifyFlag", "MemberResult", "Group", "JoinedGroup",
           "GroupMember", "GroupTip", "GroupPendency", "group_attributes_of"]


class GroupType(IntEnum):
    """``enum TIMGroupType``. The vendor's product names are aliases: a Work group is
    ``kTIMGroup_Private``, a Meeting group ``kTIMGroup_ChatRoom``, a Live group
    ``kTIMGroup_AVChatRoom``."""

    PUBLIC = 0      #: anyone may ask to join; the add option decides
    PRIVATE = 1     #: joined only by invitation (the initial members); never dismissed
    CHATROOM = 2    #: anyone joins and quits freely
    BCHATROOM = 3
    AVCHATROOM = 4  #: anyone joins and quits freely
    COMMUNITY = 5   #: anyone joins freely
    WORK = 1
    MEETING = 2
    LIVE = 4

    @classmethod
    def parse(cls, value: GroupTypeLike) -> GroupType:
        """A GroupType from itself, its value, or its name in any case ("work", "Meeting")."""
        if not (is_int(value) or isinstance(value, str)):
            raise TypeError(f"group type must be GroupType, int or str, not {type(value).__name__}")
        if isinstance(value, str):
            try:
                return cls[value.upper()]
            except KeyError:
                names = ", ".join(sorted(n.lower() for n in cls.__members__))
                raise ValueError(f"group type must be one of {names}, not {value!r}") from None
        return cls(value)

    @property
    def label(self) -> str:
        """The product name: Public, Work, Meeting, BChatRoom, Live, Community."""
        return _TYPE_LABELS[self]


_TYPE_LABELS = {GroupType.PUBLIC: "Public", GroupType.PRIVATE: "Work", GroupType.CHATROOM: "Meeting",
                GroupType.BCHATROOM: "BChatRoom", GroupType.AVCHATROOM: "Live", GroupType.COMMUNITY: "Community"}


#: A group type as the API takes it: a GroupType, its value, or its name in any case.
GroupTypeLike = Union[GroupType, int, str]


class GroupAddOption(IntEnum):
    """``enum TIMGroupAddOption``: how a group may be joined."""

    FORBID = 0
    AUTH = 1  #: the owner or an admin approves each request (``group_pendency_list``)
    ANY = 2


class MemberRole(IntEnum):
    """``enum TIMGroupMemberRole``."""

    NONE = 0
    NORMAL = 200
    ADMIN = 300
    OWNER = 400


class GroupTipType(IntEnum):
    """``enum TIMGroupTipType`` (the ones the local engine sends: INVITE for a member who joined
    or was invited, QUIT, GROUP_INFO_CHANGE)."""

    NONE = 0
    INVITE = 1
    QUIT = 2
    KICK = 3
    SET_ADMIN = 4
    CANCEL_ADMIN = 5
    GROUP_INFO_CHANGE = 6
    MEMBER_INFO_CHANGE = 7
    MEMBER_MARK_CHANGE = 8


class GroupModifyFlag(IntFlag):
    """``enum TIMGroupModifyInfoFlag``: what ``TIMGroupModifyGroupInfo`` changes (the bits the local
    engine keeps). OWNER is the vendor's ``0x01 << 31``, negative as its C enum is."""

    NAME = 0x01
    NOTIFICATION = 0x01 << 1
    INTRODUCTION = 0x01 << 2
    FACE_URL = 0x01 << 3
    ADD_OPTION = 0x01 << 4
    MAX_MEMBER_NUM = 0x01 << 5
    VISIBLE = 0x01 << 6
    SEARCHABLE = 0x01 << 7
    SHUTUP_ALL = 0x01 << 8
    APPROVE_OPTION = 0x01 << 12
    OWNER = 0x01 << 31


class MemberModifyFlag(IntFlag):
    """``enum TIMGroupMemberModifyInfoFlag``: what ``TIMGroupModifyMemberInfo`` changes (the bits the
    local engine keeps)."""

    MEMBER_ROLE = 0x01 << 1
    SHUTUP_TIME = 0x01 << 2
    NAME_CARD = 0x01 << 3


class MemberResult(IntEnum):
    """``enum HandleGroupMemberResult``: what became of one user of an invitation or a removal."""

    FAILED = 0  #: kTIMGroupMember_HandledErr (a removal's user who was no member)
    DONE = 1  #: kTIMGroupMember_HandledSuc
    ALREADY_MEMBER = 2  #: kTIMGroupMember_Included
    INVITED = 3  #: kTIMGroupMember_Invited (waiting for the invitee)


class GroupInfoChangeFlag(IntEnum):
    """``enum TIMGroupTipGroupChangeFlag``: what a GROUP_INFO_CHANGE tip says changed."""

    UNKNOWN = 0x0
    NAME = 0x1
    INTRODUCTION = 0x2
    NOTIFICATION = 0x3
    FACE_URL = 0x4
    OWNER = 0x5
    CUSTOM = 0x6
    ATTRIBUTE = 0x7
    SHUTUP_ALL = 0x08
    TOPIC_CUSTOM_DATA = 0x09
    MESSAGE_RECEIVE_OPT = 0x0A
    GROUP_ADD_OPT = 0x0B
    GROUP_APPROVE_OPT = 0x0C
    ENABLE_PERMISSION_GROUP = 0x0D
    DEFAULT_PERMISSIONS = 0x0E


@dataclass(frozen=True)
class GroupInfoChange:
    """One change a GROUP_INFO_CHANGE tip reports (GroupTipGroupChangeInfo): what, and its new value
    (text for a name, introduction, notification, face or owner; a bool for SHUTUP_ALL; an int for
    the add and approve options)."""

    flag: GroupInfoChangeFlag
    value: Union[str, bool, int]

    @classmethod
    def from_json(cls, data: JsonObject) -> GroupInfoChange:
        flag = GroupInfoChangeFlag(int(data.get(k.kTIMGroupTipGroupChangeInfoFlag, 0)))
        value: Union[str, bool, int] = str(data.get(k.kTIMGroupTipGroupChangeInfoValue, ""))
        if k.kTIMGroupTipGroupChangeInfoBoolValue in data:
            value = bool(data[k.kTIMGroupTipGroupChangeInfoBoolValue])
        elif k.kTIMGroupTipGroupChangeInfoIntValue in data:
            value = int(data[k.kTIMGroupTipGroupChangeInfoIntValue])
        return cls(flag, value)


def _type(value: Any) -> GroupType:
    return GroupType(int(value or 0))


@dataclass(frozen=True)
class Group:
    """A group's details (GroupDetailInfo)."""

    group_id: str
    name: str
    group_type: GroupType
    owner: str
    member_count: int
    max_members: int
    add_option: GroupAddOption
    introduction: str
    notification: str
    face_url: str
    create_time: Optional[datetime]
    next_seq: int
    info_seq: int
    muted_all: bool
    raw: JsonObject = field(repr=False, compare=False)

    @classmethod
    def from_json(cls, data: JsonObject) -> Group:
        return cls(
            group_id=str(data[k.kTIMGroupDetailInfoGroupId]),
            name=str(data.get(k.kTIMGroupDetailInfoGroupName, "")),
            group_type=_type(data.get(k.kTIMGroupDetailInfoGroupType)),
            owner=str(data.get(k.kTIMGroupDetailInfoOwnerIdentifier, "")),
            member_count=int(data.get(k.kTIMGroupDetailInfoMemberNum, 0)),
            max_members=int(data.get(k.kTIMGroupDetailInfoMaxMemberNum, 0)),
            add_option=GroupAddOption(int(data.get(k.kTIMGroupDetailInfoAddOption, 0))),
            introduction=str(data.get(k.kTIMGroupDetailInfoIntroduction, "")),
            notification=str(data.get(k.kTIMGroupDetailInfoNotification, "")),
            face_url=str(data.get(k.kTIMGroupDetailInfoFaceUrl, "")),
            create_time=epoch_to_datetime(data.get(k.kTIMGroupDetailInfoCreateTime)),
            next_seq=int(data.get(k.kTIMGroupDetailInfoNextMsgSeq, 0)),
            info_seq=int(data.get(k.kTIMGroupDetailInfoInfoSeq, 0)),
            muted_all=bool(data.get(k.kTIMGroupDetailInfoIsShutupAll, False)),
            raw=data,
        )


@dataclass(frozen=True)
class JoinedGroup:
    """A group the user is a member of (GroupBaseInfo with GroupSelfInfo)."""

    group_id: str
    name: str
    group_type: GroupType
    role: MemberRole
    join_time: Optional[datetime]
    unread: int
    read_seq: int
    latest_seq: int
    recv_opt: int
    raw: JsonObject = field(repr=False, compare=False)

    @classmethod
    def from_json(cls, data: JsonObject) -> JoinedGroup:
        me = data.get(k.kTIMGroupBaseInfoSelfInfo) or {}
        return cls(
            group_id=str(data[k.kTIMGroupBaseInfoGroupId]),
            name=str(data.get(k.kTIMGroupBaseInfoGroupName, "")),
            group_type=_type(data.get(k.kTIMGroupBaseInfoGroupType)),
            role=MemberRole(int(me.get(k.kTIMGroupSelfInfoRole, 0))),
            join_time=epoch_to_datetime(me.get(k.kTIMGroupSelfInfoJoinTime)),
            unread=int(me.get(k.kTIMGroupSelfInfoUnReadNum, 0)),
            read_seq=int(data.get(k.kTIMGroupBaseInfoReadedSeq, 0)),
            latest_seq=int(data.get(k.kTIMGroupBaseInfoLatestSeq, 0)),
            recv_opt=int(data.get(k.kTIMGroupBaseInfoMsgFlag, 0)),
            raw=data,
        )


@dataclass(frozen=True)
class GroupMember:
    """A member of a group (GroupMemberInfo)."""

    user_id: str
    group_id: str
    role: MemberRole
    join_time: Optional[datetime]
    name_card: str
    muted_until: Optional[datetime]  #: None when not muted
    nick_name: str  #: the member's profile's nickname, as a member search gives it ("" otherwise)
    raw: JsonObject = field(repr=False, compare=False)

    @classmethod
    def from_json(cls, data: JsonObject) -> GroupMember:
        return cls(
            user_id=str(data[k.kTIMGroupMemberInfoIdentifier]),
            group_id=str(data.get(k.kTIMGroupMemberInfoGroupId, "")),
            role=MemberRole(int(data.get(k.kTIMGroupMemberInfoMemberRole, 0))),
            join_time=epoch_to_datetime(data.get(k.kTIMGroupMemberInfoJoinTime)),
            name_card=str(data.get(k.kTIMGroupMemberInfoNameCard, "")),
            muted_until=epoch_to_datetime(data.get(k.kTIMGroupMemberInfoShutupTime) or None),
            nick_name=str(data.get(k.kTIMGroupMemberInfoNickName, "")),
            raw=data,
        )


@dataclass(frozen=True)
class GroupTip:
    """A group tip (GroupTipsElem): who did what to whom in which group, and how many members it
    has now."""

    tip_type: GroupTipType
    group_id: str
    op_user: str
    users: tuple[str, ...]
    member_count: int
    join_type: int  #: TIMGroupJoinType for INVITE: 1 joined by themselves, 2 invited
    changes: tuple[GroupInfoChange, ...]  #: what a GROUP_INFO_CHANGE tip says changed
    raw: JsonObject = field(repr=False, compare=False)

    @classmethod
    def from_json(cls, data: JsonObject) -> GroupTip:
        return cls(
            tip_type=GroupTipType(int(data.get(k.kTIMGroupTipsElemTipType, 0))),
            group_id=str(data.get(k.kTIMGroupTipsElemGroupId, "")),
            op_user=str(data.get(k.kTIMGroupTipsElemOpUser, "")),
            users=tuple(str(u) for u in data.get(k.kTIMGroupTipsElemUserArray) or ()),
            member_count=int(data.get(k.kTIMGroupTipsElemMemberNum, 0)),
            join_type=int(data.get(k.kTIMGroupTipsElemJoinType, 0)),
            changes=tuple(GroupInfoChange.from_json(change)
                          for change in data.get(k.kTIMGroupTipsElemGroupChangeInfoArray) or ()),
            raw=data,
        )

    @property
    def summary(self) -> str:
        """What happened, in words ("bob joined team (2 members)")."""
        added = self.tip_type is GroupTipType.INVITE and self.join_type == 2
        return f"{describe_tip(self.raw)} {'to ' if added else ''}{self.group_id} ({self.member_count} members)"


@dataclass(frozen=True)
class GroupPendency:
    """A request waiting for approval (GroupPendency): who asked to join which group, when, with what
    message, and whether it was handled (1 by another approver, 2 by the reader) and how (1 accepted)."""

    group_id: str
    from_user: str
    add_time: Optional[datetime]
    pendency_type: int  #: TIMGroupPendencyType (0: a request to join, for the owner and admins)
    message: str
    handled: int  #: TIMGroupPendencyHandle
    handle_result: int  #: TIMGroupPendencyHandleResult
    approver: str
    raw: JsonObject = field(repr=False, compare=False)

    @classmethod
    def from_json(cls, data: JsonObject) -> GroupPendency:
        return cls(
            group_id=str(data[k.kTIMGroupPendencyGroupId]),
            from_user=str(data.get(k.kTIMGroupPendencyFromIdentifier, "")),
            add_time=epoch_to_datetime(data.get(k.kTIMGroupPendencyAddTime)),
            pendency_type=int(data.get(k.kTIMGroupPendencyPendencyType, 0)),
            message=str(data.get(k.kTIMGroupPendencyApplyInviteMsg, "")),
            handled=int(data.get(k.kTIMGroupPendencyHandled, 0)),
            handle_result=int(data.get(k.kTIMGroupPendencyHandleResult, 0)),
            approver=str(data.get(k.kTIMGroupPendencyToIdentifier, "")),
            raw=data,
        )


def group_attributes_of(items: list[JsonObject]) -> dict[str, str]:
    """{key: value} of a GroupAttributes array (TIMGroupManager.h 10.11)."""
    return {str(a[k.TIMGroupAttributeKey]): str(a[k.TIMGroupAttributeValue]) for a in items}
