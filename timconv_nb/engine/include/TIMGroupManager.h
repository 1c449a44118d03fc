/* Groups, as far as a conversation learner needs them: the declarations, enums and JSON keys of
 * the vendor SDK's TIMGroupManager.h that the local engine implements. Membership is kept in the
 * data root, shared by every process of the same sdk_app_id (the local "server"). */
#ifndef TIMCONV_TIM_GROUP_MANAGER_H_
#define TIMCONV_TIM_GROUP_MANAGER_H_

#include "TIMCloudDef.h"

#ifdef __cplusplus
extern "C" {
#endif

/* 1.1 What a kTIMGroupTip_GroupInfoChange tip says changed (GroupTipGroupChangeInfo's flag). */
enum TIMGroupTipGroupChangeFlag {
    kTIMGroupTipChangeFlag_Unknown = 0x0,
    kTIMGroupTipChangeFlag_Name = 0x1,
    kTIMGroupTipChangeFlag_Introduction = 0x2,
    kTIMGroupTipChangeFlag_Notification = 0x3,
    kTIMGroupTipChangeFlag_FaceUrl = 0x4,
    kTIMGroupTipChangeFlag_Owner = 0x5,
    kTIMGroupTipChangeFlag_Custom = 0x6,
    kTIMGroupTipChangeFlag_Attribute = 0x7,
    kTIMGroupTipChangeFlag_ShutupAll = 0x08,
    kTIMGroupTipChangeFlag_TopicCustomData = 0x09,
    kTIMGroupTipChangeFlag_MessageReceiveOpt = 0x0A,
    kTIMGroupTipChangeFlag_GroupAddOpt = 0x0B,
    kTIMGroupTipChangeFlag_GroupApproveOpt = 0x0C,
    kTIMGroupTipChangeFlag_EnablePermissionGroup = 0x0D,
    kTIMGroupTipChangeFlag_DefaultPermissions = 0x0E,
};

/* 1.2 Group tip types (kTIMGroupTip_Invite also reports a member who joined: see its join type). */
enum TIMGroupTipType {
    kTIMGroupTip_None,
    kTIMGroupTip_Invite,
    kTIMGroupTip_Quit,
    kTIMGroupTip_Kick,
    kTIMGroupTip_SetAdmin,
    kTIMGroupTip_CancelAdmin,
    kTIMGroupTip_GroupInfoChange,
    kTIMGroupTip_MemberInfoChange,
    kTIMGroupTip_MemberMarkChange,
    kTIMGroupTip_TopicInfoChange,
    KTIMGroupTip_PinnedMessageAdded,
    KTIMGroupTip_PinnedMessageDeleted,
};

/* 1.3 Group types: who may join (TIMGroupJoin), quit and dismiss (TIMGroupQuit, TIMGroupDelete). */
enum TIMGroupType {
    kTIMGroup_Public,     /* anyone may ask to join; the add option decides */
    kTIMGroup_Private,    /* Work: joined only by invitation, never dismissed */
    kTIMGroup_ChatRoom,   /* Meeting: anyone joins and leaves freely */
    kTIMGroup_BChatRoom,
    kTIMGroup_AVChatRoom, /* Live: anyone joins and leaves freely */
    kTIMGroup_Community,  /* anyone joins freely */
};

/* 1.4 How a group may be joined. */
enum TIMGroupAddOption {
    kTIMGroupAddOpt_Forbid = 0,
    kTIMGroupAddOpt_Auth = 1,
    kTIMGroupAddOpt_Any = 2,
    kTIMGroupAddOpt_Unknown = 3,
};

/* 1.5 Member roles. */
enum TIMGroupMemberRole {
    kTIMMemberRole_None = 0,
    kTIMMemberRole_Normal = 200,
    kTIMMemberRole_Admin = 300,
    kTIMMemberRole_Owner = 400,
};

/* 1.6 Where TIMGroupSearchGroups looks (GroupSearchParam's field list). */
enum TIMGroupSearchFieldKey {
    kTIMGroupSearchFieldKey_GroupId = 0x01,
    kTIMGroupSearchFieldKey_GroupName = 0x01 << 1,
};

/* 1.7 What TIMGroupModifyGroupInfo changes (bits of group_modify_info_param_modify_flag). */
enum TIMGroupModifyInfoFlag {
    kTIMGroupModifyInfoFlag_None = 0x00,
    kTIMGroupModifyInfoFlag_Name = 0x01,
    kTIMGroupModifyInfoFlag_Notification = 0x01 << 1,
    kTIMGroupModifyInfoFlag_Introduction = 0x01 << 2,
    kTIMGroupModifyInfoFlag_FaceUrl = 0x01 << 3,
    kTIMGroupModifyInfoFlag_AddOption = 0x01 << 4,
    kTIMGroupModifyInfoFlag_MaxMemberNum = 0x01 << 5,
    kTIMGroupModifyInfoFlag_Visible = 0x01 << 6,
    kTIMGroupModifyInfoFlag_Searchable = 0x01 << 7,
    kTIMGroupModifyInfoFlag_ShutupAll = 0x01 << 8,
    kTIMGroupModifyInfoFlag_Custom = 0x01 << 9,
    kTIMGroupTopicModifyInfoFlag_CustomString = 0x01 << 11,
    kTIMGroupModifyInfoFlag_ApproveOption = 0x01 << 12,
    kTIMGroupModifyInfoFlag_EnablePermissionGroup = 0x1 << 13,
    kTIMGroupModifyInfoFlag_DefaultPermissions = 0x1 << 14,
    kTIMGroupModifyInfoFlag_Owner = -0x7fffffff - 1, /* the vendor writes 0x01 << 31, which C does not allow in an int */
};

/* 1.8 Which roles TIMGroupGetMemberInfoList returns (0: all). */
enum TIMGroupMemberRoleFlag {
    kTIMGroupMemberRoleFlag_All = 0x00,
    kTIMGroupMemberRoleFlag_Owner = 0x01,
    kTIMGroupMemberRoleFlag_Admin = 0x01 << 1,
    kTIMGroupMemberRoleFlag_Member = 0x01 << 2,
};

/* 1.9 Where TIMGroupSearchGroupMembers looks (GroupMemberSearchParam's field list). */
enum TIMGroupMemberSearchFieldKey {
    kTIMGroupMemberSearchFieldKey_Identifier = 0x01,
    kTIMGroupMemberSearchFieldKey_NickName = 0x01 << 1,
    kTIMGroupMemberSearchFieldKey_Remark = 0x01 << 2,
    kTIMGroupMemberSearchFieldKey_NameCard = 0x01 << 3,
};

/* 1.10 What TIMGroupModifyMemberInfo changes (bits of group_modify_member_info_modify_flag). */
enum TIMGroupMemberModifyInfoFlag {
    kTIMGroupMemberModifyFlag_None = 0x00,
    kTIMGroupMemberModifyFlag_MsgFlag = 0x01,
    kTIMGroupMemberModifyFlag_MemberRole = 0x01 << 1,
    kTIMGroupMemberModifyFlag_ShutupTime = 0x01 << 2,
    kTIMGroupMemberModifyFlag_NameCard = 0x01 << 3,
    kTIMGroupMemberModifyFlag_Custom = 0x01 << 4,
};

/* 1.11 What became of each user of TIMGroupInviteMember and TIMGroupDeleteMember. */
enum HandleGroupMemberResult {
    kTIMGroupMember_HandledErr,
    kTIMGroupMember_HandledSuc,
    kTIMGroupMember_Included,
    kTIMGroupMember_Invited,
};

/* 1.12 What a pendency waits for (the local engine keeps requests to join). */
enum TIMGroupPendencyType {
    kTIMGroupPendency_GroupJoinNeedApprovedByAdmin = 0,
    kTIMGroupPendency_GroupInviteNeedApprovedByInvitee = 1,
    kTIMGroupPendency_GroupInviteNeedApprovedByAdmin = 2,
};

/* 1.13 Whether a pendency was handled, as its reader sees it. */
enum TIMGroupPendencyHandle {
    kTIMGroupPendency_NotHandle = 0,
    kTIMGroupPendency_OtherHandle = 1,
    kTIMGroupPendency_OperatorHandle = 2,
};

/* 1.14 How it was handled. */
enum TIMGroupPendencyHandleResult {
    kTIMGroupPendency_Refuse = 0,
    kTIMGroupPendency_Accept = 1,
};

/* 1.15 How a member came in (kTIMGroupTipsElemJoinType). */
enum TIMGroupJoinType {
    kTIMGroupJoin_None = 0,
    kTIMGroupJoin_Apply = 1,
    kTIMGroupJoin_Invite = 2,
};

#ifndef __cplusplus
typedef enum TIMGroupTipGroupChangeFlag TIMGroupTipGroupChangeFlag;
typedef enum TIMGroupTipType TIMGroupTipType;
typedef enum TIMGroupType TIMGroupType;
typedef enum TIMGroupAddOption TIMGroupAddOption;
typedef enum TIMGroupMemberRole TIMGroupMemberRole;
typedef enum TIMGroupSearchFieldKey TIMGroupSearchFieldKey;
typedef enum TIMGroupModifyInfoFlag TIMGroupModifyInfoFlag;
typedef enum TIMGroupMemberRoleFlag TIMGroupMemberRoleFlag;
typedef enum TIMGroupMemberSearchFieldKey TIMGroupMemberSearchFieldKey;
typedef enum TIMGroupMemberModifyInfoFlag TIMGroupMemberModifyInfoFlag;
typedef enum HandleGroupMemberResult HandleGroupMemberResult;
typedef enum TIMGroupPendencyType TIMGroupPendencyType;
typedef enum TIMGroupPendencyHandle TIMGroupPendencyHandle;
typedef enum TIMGroupPendencyHandleResult TIMGroupPendencyHandleResult;
typedef enum TIMGroupJoinType TIMGroupJoinType;
#endif

/* 2.1 A group tip (one GroupTipsElem object) for every member of the group: a member joined
 * (kTIMGroupTip_Invite, join type Apply) or quit. Runs on the engine's worker thread. */
typedef void (*TIMGroupTipsEventCallback)(const char* json_group_tip, const void* user_data);

/* 3.1 Sets the group tips callback (NULL removes it). */
TIM_API void TIMSetGroupTipsEventCallback(TIMGroupTipsEventCallback cb, const void* user_data);

/* 4.1 Creates a group (CreateGroupParam): the caller becomes its owner and first member, and has
 * its group conversation (event Add). The group id is given (1 to 48 bytes of printable ASCII,
 * not starting with "@TGS#"; a Community's starts with "@TGS#_"), or generated ("@TGS#..."). Callback
 * JSON: CreateGroupResult. Codes: 8501 invalid id, 10021 id in use, 10004 invalid parameters. */
TIM_API int TIMGroupCreate(const char* json_group_create_param, TIMCommCallback cb, const void* user_data);

/* 4.2 Dismisses a group: its owner only (10007 otherwise), never a Work (Private) group. Every
 * member then receives a kTIMElem_GroupReport message of type kTIMGroupReport_Delete. */
TIM_API int TIMGroupDelete(const char* group_id, TIMCommCallback cb, const void* user_data);

/* 4.3 Joins a group: never a Work (Private) group (8508), nor one whose add option is Forbid
 * (10007); a Public group at once when its add option is Any, else the request (with hello_msg)
 * waits for the owner or an admin (TIMGroupHandlePendency), who receive a kTIMGroupReport_AddRequest
 * report; Meeting, Live and Community groups freely. 10013 already a member, 10010 no such group,
 * 10014 full. Every member receives the tip of a join. */
TIM_API int TIMGroupJoin(const char* group_id, const char* hello_msg, TIMCommCallback cb, const void* user_data);

/* 4.4 Quits a group: anyone from a Work group; the owner of any other type may not (10009).
 * 10007 not a member. The members, and the one who quit, receive the tip. */
TIM_API int TIMGroupQuit(const char* group_id, TIMCommCallback cb, const void* user_data);

/* 4.5 The groups the logged-in user is a member of: a GroupBaseInfo array. */
TIM_API int TIMGroupGetJoinedGroupList(TIMCommCallback cb, const void* user_data);

/* 5.1 The GroupDetailInfo of a JSON array of group ids: a GetGroupInfoResult array, one per id
 * in order (code 10010 for a group that does not exist). */
TIM_API int TIMGroupGetGroupInfoList(const char* json_group_getinfo_param, TIMCommCallback cb, const void* user_data);

/* 5.2 Searches the groups the user is in (GroupSearchParam): those whose name (or id, as the field
 * list says) holds one of 1 to 5 keywords (6017 otherwise), whatever the case. Callback: a
 * GroupDetailInfo array. */
TIM_API int TIMGroupSearchGroups(const char *json_group_search_groups_param, TIMCommCallback cb, const void* user_data);

/* 5.3 Changes a group's information (GroupModifyInfoParam; its modify flag says which keys, bits of
 * TIMGroupModifyInfoFlag). Who may: the owner alone transfers the group (never a Live group's), and
 * alone with no other flag; anyone of a Work group, the owner or an admin of the others, changes the
 * rest. Limits: name 1 to 30 bytes (8502), introduction 240 (8503), notification 300 (8504), face URL
 * 100 (8505). Every member receives a kTIMGroupTip_GroupInfoChange tip (GroupTipGroupChangeInfo per
 * change), and each member's group conversation shows the new name and face. */
TIM_API int TIMGroupModifyGroupInfo(const char* json_group_modifyinfo_param, TIMCommCallback cb, const void* user_data);

/* 5.8 How many members of a group are logged in now, in any process of the app (a member asks;
 * 10007 otherwise). Callback: a GroupGetOnlineMemberCountResult. */
TIM_API int TIMGroupGetOnlineMemberCount(const char* group_id, TIMCommCallback cb, const void* user_data);

/* 7.1 The members of a group (GroupGetMemberInfoListParam: the group id; optionally user ids and
 * a role flag, or a mark type of 1000 and above for the members marked with it, 7.6): a
 * GroupGetMemberInfoListResult. 10007 when the caller is not a member. */
TIM_API int TIMGroupGetMemberInfoList(const char* json_group_getmeminfos_param, TIMCommCallback cb, const void* user_data);

/* 7.3 Changes a member's information (GroupModifyMemberInfoParam): the role (the owner sets or
 * cancels admins: kTIMGroupTip_SetAdmin / kTIMGroupTip_CancelAdmin tips), the mute time (seconds
 * from now, 0 lifts it; the owner or an admin, over members of lower role: a
 * kTIMGroupTip_MemberInfoChange tip), the name card (one's own, or the owner's or an admin's
 * over others; 50 bytes, 8506). Muted members cannot send (10017). */
TIM_API int TIMGroupModifyMemberInfo(const char* json_group_modifymeminfo_param, TIMCommCallback cb, const void* user_data);

/* 7.4 Invites users (GroupInviteMemberParam, 1 to 20; none: 8510, more: 10005): any member, into
 * any group but a Live one (10007); the invitees are added at once (a Public or Meeting group's
 * would consent first: that has no local counterpart). Callback: a GroupInviteMemberResult array;
 * every member receives a kTIMGroupTip_Invite tip (join type Invite). */
TIM_API int TIMGroupInviteMember(const char* json_group_invite_param, TIMCommCallback cb, const void* user_data);

/* 7.5 Removes members (GroupDeleteMemberParam): the owner of a Work group; the owner or an admin
 * of the others, over members of lower role. Callback: a GroupDeleteMemberResult array; the members
 * and those removed receive a kTIMGroupTip_Kick tip. */
TIM_API int TIMGroupDeleteMember(const char* json_group_delete_param, TIMCommCallback cb, const void* user_data);

/* 8.1 The pendencies waiting for the logged-in user's approval (GroupPendencyOption): the requests
 * to join the groups they own or administer, newest first, handled or not, all at once. Callback:
 * a GroupPendencyResult. */
TIM_API int TIMGroupGetPendencyList(const char* json_group_getpendency_list_param, TIMCommCallback cb, const void* user_data);

/* 8.2 Accepts or refuses one request to join (GroupHandlePendencyParam), once (10024 after): the
 * owner or an admin (10007). Accepted: the requester joins (every member receives the tip);
 * refused: the requester receives a kTIMGroupReport_AddRefuse report. */
TIM_API int TIMGroupHandlePendency(const char* json_group_handle_pendency_param, TIMCommCallback cb, const void* user_data);

/* 8.3 The pendencies added up to time_stamp (seconds) count as read (GroupPendencyResult's unread). */
TIM_API int TIMGroupReportPendencyReaded(uint64_t time_stamp, TIMCommCallback cb, const void* user_data);

/* 2.2, 3.2 A group's attributes changed (TIMGroupInitGroupAttributes, Set, Delete): called in the
 * process of every member logged in, the one who changed them too, with the group's id and all its
 * attributes now (a GroupAttributes array). Runs on the engine's worker thread, within about 100 ms
 * of the change (the registry is polled); changes made between two polls are told once, as they
 * stand. */
typedef void (*TIMGroupAttributeChangedCallback)(const char *group_id, const char* json_group_attribute_array, const void* user_data);
TIM_API void TIMSetGroupAttributeChangedCallback(TIMGroupAttributeChangedCallback cb, const void* user_data);

/* 2.3, 3.3 A group's counter changed (TIMGroupSetGroupCounters, Increase, Decrease): called in the
 * process of every member logged in, once per counter changed, with its key and new value; as
 * 2.2 for the thread and timing. */
typedef void (*TIMGroupCounterChangedCallback)(const char *group_id, const char *group_counter_key, int64_t group_counter_new_value, const void *user_data);
TIM_API void TIMSetGroupCounterChangedCallback(TIMGroupCounterChangedCallback cb, const void* user_data);

/* 5.4 Replaces a group's attributes with a GroupAttributes array (keys and values strings), by a
 * member (10007 otherwise), in a group of any type. Limits: 16 keys of 1 to 32 bytes, values of at
 * most 4096 bytes, 16384 bytes in all (10004). A process changes the attributes it last read or
 * wrote (10056 when they changed since: get them first). At most 10 changes (5.4-5.6 together) in
 * 5 seconds in one process (8511). The callback's json_param is empty. */
TIM_API int TIMGroupInitGroupAttributes(const char *group_id, const char *json_group_attributes, TIMCommCallback cb, const void* user_data);

/* 5.5 Adds or updates the attributes of a GroupAttributes array; as 5.4. */
TIM_API int TIMGroupSetGroupAttributes(const char *group_id, const char *json_group_attributes, TIMCommCallback cb, const void* user_data);

/* 5.6 Deletes the attributes of a JSON array of keys (NULL, "" or []: all of them); as 5.4. */
TIM_API int TIMGroupDeleteGroupAttributes(const char *group_id, const char *json_keys, TIMCommCallback cb, const void* user_data);

/* 5.7 A group's attributes of a JSON array of keys (NULL, "" or []: all), a GroupAttributes array
 * by key, for a member (10007); the version later changes are made on. At most 20 in 5 seconds in
 * one process (8511). */
TIM_API int TIMGroupGetGroupAttributes(const char *group_id, const char *json_keys, TIMCommCallback cb, const void* user_data);

/* 5.9 Sets counters from a GroupCounter array (keys 1 to 128 bytes, 10004; int64 values), by a
 * member (10007), in any group but a Community (10007). Callback: the GroupCounter array set. */
TIM_API int TIMGroupSetGroupCounters(const char* group_id, const char* json_group_counter_array, TIMCommCallback cb, const void* user_data);

/* 5.10 A group's counters of a JSON array of keys (NULL, "" or []: all), a GroupCounter array by
 * key (keys never set left out), for a member; as 5.9. */
TIM_API int TIMGroupGetGroupCounters(const char* group_id, const char* json_group_counter_key_array, TIMCommCallback cb, const void* user_data);

/* 5.11, 5.12 Adds group_counter_value to (or takes it from) a counter, 0 when it has none yet
 * (10004 when the result would leave int64); as 5.9. Callback: a GroupCounter array of the
 * counter. */
TIM_API int TIMGroupIncreaseGroupCounter(const char* group_id, const char* group_counter_key, int64_t group_counter_value, TIMCommCallback cb, const void* user_data);
TIM_API int TIMGroupDecreaseGroupCounter(const char* group_id, const char* group_counter_key, int64_t group_counter_value, TIMCommCallback cb, const void* user_data);

/* 7.2 Searches the members of the groups the user is in (GroupMemberSearchParam: a group id list,
 * all of the user's groups when empty; 1 to 5 keywords and a field list, 6017 otherwise) whose id,
 * nickname or name card holds a keyword, whatever the case (friend remarks: no friends are kept
 * yet). Callback: a GroupSearchGroupMembersResult array, one per group with a member found. */
TIM_API int TIMGroupSearchGroupMembers(const char *json_group_search_group_members_param, TIMCommCallback cb, const void* user_data);

/* 7.6 The owner of a Live group (10007 otherwise) marks (enable_mark) or unmarks members (a JSON
 * array of 1 or more user ids, members: 10004) with mark_type (at least 1000: TIM_ERR_PARAM
 * otherwise; at most 10 types in a group: 10004). Every member receives a
 * kTIMGroupTip_MemberMarkChange tip; TIMGroupGetMemberInfoList with a role flag of a mark type
 * lists the members marked with it. */
TIM_API int TIMGroupMarkGroupMemberList(const char* group_id, const char* member_array, uint32_t mark_type, bool enable_mark, TIMCommCallback cb, const void* user_data);

/* 9.1 GroupTipGroupChangeInfo */
static const char* kTIMGroupTipGroupChangeInfoFlag TIM_KEY_ATTR = "group_tips_group_change_info_flag";
static const char* kTIMGroupTipGroupChangeInfoValue TIM_KEY_ATTR = "group_tips_group_change_info_value";
static const char* kTIMGroupTipGroupChangeInfoKey TIM_KEY_ATTR = "group_tips_group_change_info_key";
static const char* kTIMGroupTipGroupChangeInfoBoolValue TIM_KEY_ATTR = "group_tips_group_change_info_bool_value";
static const char* kTIMGroupTipGroupChangeInfoIntValue TIM_KEY_ATTR = "group_tips_group_change_info_int_value";
static const char* kTIMGroupTipGroupChangeInfoUint64Value TIM_KEY_ATTR = "group_tips_group_change_info_uint64_value";

/* 9.2 GroupTipMemberChangeInfo */
static const char* kTIMGroupTipMemberChangeInfoIdentifier TIM_KEY_ATTR = "group_tips_member_change_info_identifier";
static const char* kTIMGroupTipMemberChangeInfoShutupTime TIM_KEY_ATTR = "group_tips_member_change_info_shutupTime";

/* 9.3 GroupTipMemberMarkChangeInfo */
static const char* kTIMGroupTipMemberChangeInfoEnableMark TIM_KEY_ATTR = "group_tips_member_mark_change_info_enableMark";
static const char* kTIMGroupTipMemberMarkChangeInfoMarkType TIM_KEY_ATTR = "group_tips_member_mark_change_info_markType";
static const char* kTIMGroupTipMemberMarkChangeInfoUserIDList TIM_KEY_ATTR = "group_tips_member_mark_change_info_userIDList";

/* 9.4 GroupTipsElem */
static const char* kTIMGroupTipsElemTipType TIM_KEY_ATTR = "group_tips_elem_tip_type";
static const char* kTIMGroupTipsElemJoinType TIM_KEY_ATTR = "group_tips_elem_join_type";
static const char* kTIMGroupTipsElemOpUser TIM_KEY_ATTR = "group_tips_elem_op_user";
static const char* kTIMGroupTipsElemGroupId TIM_KEY_ATTR = "group_tips_elem_group_id";
static const char* kTIMGroupTipsElemUserArray TIM_KEY_ATTR = "group_tips_elem_user_array";
static const char* kTIMGroupTipsElemGroupChangeInfoArray TIM_KEY_ATTR = "group_tips_elem_group_change_info_array";
static const char* kTIMGroupTipsElemMemberChangeInfoArray TIM_KEY_ATTR = "group_tips_elem_member_change_info_array";
static const char* kTIMGroupTipsElemMemberNum TIM_KEY_ATTR = "group_tips_elem_member_num";
static const char* kTIMGroupTipsElemMemberMarkInfoArray TIM_KEY_ATTR = "group_tips_elem_member_mark_info_array";

/* 10.1 GroupMemberInfo */
static const char* kTIMGroupMemberInfoIdentifier TIM_KEY_ATTR = "group_member_info_identifier";
static const char* kTIMGroupMemberInfoGroupId TIM_KEY_ATTR = "group_member_info_group_id";
static const char* kTIMGroupMemberInfoJoinTime TIM_KEY_ATTR = "group_member_info_join_time";
static const char* kTIMGroupMemberInfoMemberRole TIM_KEY_ATTR = "group_member_info_member_role";
static const char* kTIMGroupMemberInfoShutupTime TIM_KEY_ATTR = "group_member_info_shutup_time";
static const char* kTIMGroupMemberInfoNameCard TIM_KEY_ATTR = "group_member_info_name_card";
static const char* kTIMGroupMemberInfoNickName TIM_KEY_ATTR = "group_member_info_nick_name";

/* 10.2 CreateGroupParam */
static const char* kTIMCreateGroupParamGroupName TIM_KEY_ATTR = "create_group_param_group_name";
static const char* kTIMCreateGroupParamGroupId TIM_KEY_ATTR = "create_group_param_group_id";
static const char* kTIMCreateGroupParamGroupType TIM_KEY_ATTR = "create_group_param_group_type";
static const char* kTIMCreateGroupParamGroupMemberArray TIM_KEY_ATTR = "create_group_param_group_member_array";
static const char* kTIMCreateGroupParamNotification TIM_KEY_ATTR = "create_group_param_notification";
static const char* kTIMCreateGroupParamIntroduction TIM_KEY_ATTR = "create_group_param_introduction";
static const char* kTIMCreateGroupParamFaceUrl TIM_KEY_ATTR = "create_group_param_face_url";
static const char* kTIMCreateGroupParamAddOption TIM_KEY_ATTR = "create_group_param_add_option";
static const char* kTIMCreateGroupParamMaxMemberCount TIM_KEY_ATTR = "create_group_param_max_member_num";

/* 10.3 CreateGroupResult */
static const char* kTIMCreateGroupResultGroupId TIM_KEY_ATTR = "create_group_result_groupid";

/* 10.4 GroupSelfInfo */
static const char* kTIMGroupSelfInfoJoinTime TIM_KEY_ATTR = "group_self_info_join_time";
static const char* kTIMGroupSelfInfoRole TIM_KEY_ATTR = "group_self_info_role";
static const char* kTIMGroupSelfInfoUnReadNum TIM_KEY_ATTR = "group_self_info_unread_num";
static const char* kTIMGroupSelfInfoMsgFlag TIM_KEY_ATTR = "group_self_info_msg_flag";

/* 10.5 GroupBaseInfo */
static const char* kTIMGroupBaseInfoGroupId TIM_KEY_ATTR = "group_base_info_group_id";
static const char* kTIMGroupBaseInfoGroupName TIM_KEY_ATTR = "group_base_info_group_name";
static const char* kTIMGroupBaseInfoGroupType TIM_KEY_ATTR = "group_base_info_group_type";
static const char* kTIMGroupBaseInfoFaceUrl TIM_KEY_ATTR = "group_base_info_face_url";
static const char* kTIMGroupBaseInfoInfoSeq TIM_KEY_ATTR = "group_base_info_info_seq";
static const char* kTIMGroupBaseInfoLatestSeq TIM_KEY_ATTR = "group_base_info_latest_seq";
static const char* kTIMGroupBaseInfoReadedSeq TIM_KEY_ATTR = "group_base_info_readed_seq";
static const char* kTIMGroupBaseInfoMsgFlag TIM_KEY_ATTR = "group_base_info_msg_flag";
static const char* kTIMGroupBaseInfoIsShutupAll TIM_KEY_ATTR = "group_base_info_is_shutup_all";
static const char* kTIMGroupBaseInfoSelfInfo TIM_KEY_ATTR = "group_base_info_self_info";

/* 10.7 GroupDetailInfo */
static const char* kTIMGroupDetailInfoGroupId TIM_KEY_ATTR = "group_detail_info_group_id";
static const char* kTIMGroupDetailInfoGroupType TIM_KEY_ATTR = "group_detail_info_group_type";
static const char* kTIMGroupDetailInfoGroupName TIM_KEY_ATTR = "group_detail_info_group_name";
static const char* kTIMGroupDetailInfoNotification TIM_KEY_ATTR = "group_detail_info_notification";
static const char* kTIMGroupDetailInfoIntroduction TIM_KEY_ATTR = "group_detail_info_introduction";
static const char* kTIMGroupDetailInfoFaceUrl TIM_KEY_ATTR = "group_detail_info_face_url";
static const char* kTIMGroupDetailInfoCreateTime TIM_KEY_ATTR = "group_detail_info_create_time";
static const char* kTIMGroupDetailInfoInfoSeq TIM_KEY_ATTR = "group_detail_info_info_seq";
static const char* kTIMGroupDetailInfoLastInfoTime TIM_KEY_ATTR = "group_detail_info_last_info_time";
static const char* kTIMGroupDetailInfoNextMsgSeq TIM_KEY_ATTR = "group_detail_info_next_msg_seq";
static const char* kTIMGroupDetailInfoLastMsgTime TIM_KEY_ATTR = "group_detail_info_last_msg_time";
static const char* kTIMGroupDetailInfoMemberNum TIM_KEY_ATTR = "group_detail_info_member_num";
static const char* kTIMGroupDetailInfoMaxMemberNum TIM_KEY_ATTR = "group_detail_info_max_member_num";
static const char* kTIMGroupDetailInfoAddOption TIM_KEY_ATTR = "group_detail_info_add_option";
static const char* kTIMGroupDetailInfoApproveOption TIM_KEY_ATTR = "group_detail_info_approve_option";
static const char* kTIMGroupDetailInfoVisible TIM_KEY_ATTR = "group_detail_info_visible";
static const char* kTIMGroupDetailInfoSearchable TIM_KEY_ATTR = "group_detail_info_searchable";
static const char* kTIMGroupDetailInfoIsShutupAll TIM_KEY_ATTR = "group_detail_info_is_shutup_all";
static const char* kTIMGroupDetailInfoOwnerIdentifier TIM_KEY_ATTR = "group_detail_info_owner_identifier";

/* 10.8 GetGroupInfoResult */
static const char* kTIMGetGroupInfoResultCode TIM_KEY_ATTR = "get_groups_info_result_code";
static const char* kTIMGetGroupInfoResultDesc TIM_KEY_ATTR = "get_groups_info_result_desc";
static const char* kTIMGetGroupInfoResultInfo TIM_KEY_ATTR = "get_groups_info_result_info";

/* 10.9 GroupSearchParam */
static const char* TIMGroupSearchParamKeywordList TIM_KEY_ATTR = "group_search_params_keyword_list";
static const char* TIMGroupSearchParamFieldList TIM_KEY_ATTR = "group_search_params_field_list";

/* 10.10 GroupModifyInfoParam */
static const char* kTIMGroupModifyInfoParamGroupId TIM_KEY_ATTR = "group_modify_info_param_group_id";
static const char* kTIMGroupModifyInfoParamModifyFlag TIM_KEY_ATTR = "group_modify_info_param_modify_flag";
static const char* kTIMGroupModifyInfoParamGroupName TIM_KEY_ATTR = "group_modify_info_param_group_name";
static const char* kTIMGroupModifyInfoParamNotification TIM_KEY_ATTR = "group_modify_info_param_notification";
static const char* kTIMGroupModifyInfoParamIntroduction TIM_KEY_ATTR = "group_modify_info_param_introduction";
static const char* kTIMGroupModifyInfoParamFaceUrl TIM_KEY_ATTR = "group_modify_info_param_face_url";
static const char* kTIMGroupModifyInfoParamAddOption TIM_KEY_ATTR = "group_modify_info_param_add_option";
static const char* kTIMGroupModifyInfoParamApproveOption TIM_KEY_ATTR = "group_modify_info_param_approve_option";
static const char* kTIMGroupModifyInfoParamMaxMemberNum TIM_KEY_ATTR = "group_modify_info_param_max_member_num";
static const char* kTIMGroupModifyInfoParamVisible TIM_KEY_ATTR = "group_modify_info_param_visible";
static const char* kTIMGroupModifyInfoParamSearchAble TIM_KEY_ATTR = "group_modify_info_param_searchable";
static const char* kTIMGroupModifyInfoParamIsShutupAll TIM_KEY_ATTR = "group_modify_info_param_is_shutup_all";
static const char* kTIMGroupModifyInfoParamOwner TIM_KEY_ATTR = "group_modify_info_param_owner";
static const char* kTIMGroupModifyInfoParamCustomInfo TIM_KEY_ATTR = "group_modify_info_param_custom_info";

/* 10.11 GroupAttributes */
static const char* TIMGroupAttributeKey TIM_KEY_ATTR = "group_attribute_key";
static const char* TIMGroupAttributeValue TIM_KEY_ATTR = "group_attribute_value";

/* 10.12 GroupCounter */
static const char* kTIMGroupCounterKey TIM_KEY_ATTR = "group_counter_key";
static const char* kTIMGroupCounterValue TIM_KEY_ATTR = "group_counter_value";

/* 10.12 GroupGetOnlineMemberCountResult */
static const char* TIMGroupGetOnlineMemberCountResult TIM_KEY_ATTR = "group_get_online_member_count_result";

/* 12.1 GroupMemberGetInfoOption, 12.2 GroupGetMemberInfoListParam, 12.3 its result */
static const char* kTIMGroupMemberGetInfoOptionRoleFlag TIM_KEY_ATTR = "group_member_get_info_option_role_flag";
static const char* kTIMGroupGetMemberInfoListParamGroupId TIM_KEY_ATTR = "group_get_members_info_list_param_group_id";
static const char* kTIMGroupGetMemberInfoListParamIdentifierArray TIM_KEY_ATTR = "group_get_members_info_list_param_identifier_array";
static const char* kTIMGroupGetMemberInfoListParamOption TIM_KEY_ATTR = "group_get_members_info_list_param_option";
static const char* kTIMGroupGetMemberInfoListParamNextSeq TIM_KEY_ATTR = "group_get_members_info_list_param_next_seq";
static const char* kTIMGroupGetMemberInfoListResultNexSeq TIM_KEY_ATTR = "group_get_member_info_list_result_next_seq";
static const char* kTIMGroupGetMemberInfoListResultInfoArray TIM_KEY_ATTR = "group_get_member_info_list_result_info_array";

/* 12.4 GroupMemberSearchParam, 12.5 GroupSearchGroupMembersResult */
static const char* TIMGroupMemberSearchParamGroupidList TIM_KEY_ATTR = "group_search_member_params_groupid_list";
static const char* TIMGroupMemberSearchParamKeywordList TIM_KEY_ATTR = "group_search_member_params_keyword_list";
static const char* TIMGroupMemberSearchParamFieldList TIM_KEY_ATTR = "group_search_member_params_field_list";
static const char* TIMGroupSearchGroupMembersResultGroupID TIM_KEY_ATTR = "group_search_member_result_groupid";
static const char* TIMGroupSearchGroupMembersResultMemberInfoList TIM_KEY_ATTR = "group_search_member_result_member_info_list";

/* 12.7 GroupModifyMemberInfoParam */
static const char* kTIMGroupModifyMemberInfoParamGroupId TIM_KEY_ATTR = "group_modify_member_info_group_id";
static const char* kTIMGroupModifyMemberInfoParamIdentifier TIM_KEY_ATTR = "group_modify_member_info_identifier";
static const char* kTIMGroupModifyMemberInfoParamModifyFlag TIM_KEY_ATTR = "group_modify_member_info_modify_flag";
static const char* kTIMGroupModifyMemberInfoParamMsgFlag TIM_KEY_ATTR = "group_modify_member_info_msg_flag";
static const char* kTIMGroupModifyMemberInfoParamMemberRole TIM_KEY_ATTR = "group_modify_member_info_member_role";
static const char* kTIMGroupModifyMemberInfoParamShutupTime TIM_KEY_ATTR = "group_modify_member_info_shutup_time";
static const char* kTIMGroupModifyMemberInfoParamNameCard TIM_KEY_ATTR = "group_modify_member_info_name_card";
static const char* kTIMGroupModifyMemberInfoParamCustomInfo TIM_KEY_ATTR = "group_modify_member_info_custom_info";

/* 12.8 GroupInviteMemberParam, 12.9 its result */
static const char* kTIMGroupInviteMemberParamGroupId TIM_KEY_ATTR = "group_invite_member_param_group_id";
static const char* kTIMGroupInviteMemberParamIdentifierArray TIM_KEY_ATTR = "group_invite_member_param_identifier_array";
static const char* kTIMGroupInviteMemberParamUserData TIM_KEY_ATTR = "group_invite_member_param_user_data";
static const char* kTIMGroupInviteMemberResultIdentifier TIM_KEY_ATTR = "group_invite_member_result_identifier";
static const char* kTIMGroupInviteMemberResultResult TIM_KEY_ATTR = "group_invite_member_result_result";

/* 12.10 GroupDeleteMemberParam, 12.11 its result */
static const char* kTIMGroupDeleteMemberParamGroupId TIM_KEY_ATTR = "group_delete_member_param_group_id";
static const char* kTIMGroupDeleteMemberParamIdentifierArray TIM_KEY_ATTR = "group_delete_member_param_identifier_array";
static const char* kTIMGroupDeleteMemberParamUserData TIM_KEY_ATTR = "group_delete_member_param_user_data";
static const char* kTIMGroupDeleteMemberParamDuration TIM_KEY_ATTR = "group_delete_member_param_duration";
static const char* kTIMGroupDeleteMemberResultIdentifier TIM_KEY_ATTR = "group_delete_member_result_identifier";
static const char* kTIMGroupDeleteMemberResultResult TIM_KEY_ATTR = "group_delete_member_result_result";
/* ---- Not implemented by the local engine (yet) ----
 * The rest of the vendor's declarations in this header, in its order and as it writes them, so
 * that code written for the whole API compiles and links (spec section 10). Each call answers
 * ERR_SDK_INTERFACE_NOT_SUPPORT (7013) through its callback, on the worker thread; each setter
 * accepts its callback, which is never called (src/api/not_here_group.c). docs/vendor.md says,
 * per function, whether it is planned locally or what of Tencent's cloud it needs. */
typedef void (*TIMGroupTopicCreatedCallback)(const char *group_id, const char *topic_id, const void* user_data);
typedef void (*TIMGroupTopicDeletedCallback)(const char *group_id, const char *topic_id_array, const void* user_data);
typedef void (*TIMGroupTopicChangedCallback)(const char *group_id, const char *topic_info, const void* user_data);

TIM_API void TIMSetGroupTopicCreatedCallback(TIMGroupTopicCreatedCallback cb, const void* user_data);
TIM_API void TIMSetGroupTopicDeletedCallback(TIMGroupTopicDeletedCallback cb, const void* user_data);
TIM_API void TIMSetGroupTopicChangedCallback(TIMGroupTopicChangedCallback cb, const void* user_data);
TIM_API int TIMGroupGetJoinedCommunityList(TIMCommCallback cb, const void* user_data);
TIM_API int TIMGroupCreateTopicInCommunity(const char *group_id, const char *json_topic_info, TIMCommCallback cb, const void* user_data);
TIM_API int TIMGroupDeleteTopicFromCommunity(const char *group_id, const char *json_topic_id_array, TIMCommCallback cb, const void* user_data);
TIM_API int TIMGroupSetTopicInfo(const char *json_topic_info, TIMCommCallback cb, const void* user_data);
TIM_API int TIMGroupGetTopicInfoList(const char *group_id, const char *json_topic_id_array, TIMCommCallback cb, const void* user_data);

/* 13.1 GroupPendencyOption */
static const char* kTIMGroupPendencyOptionStartTime TIM_KEY_ATTR = "group_pendency_option_start_time";
static const char* kTIMGroupPendencyOptionMaxLimited TIM_KEY_ATTR = "group_pendency_option_max_limited";

/* 13.2 GroupPendency */
static const char* kTIMGroupPendencyGroupId TIM_KEY_ATTR = "group_pendency_group_id";
static const char* kTIMGroupPendencyFromIdentifier TIM_KEY_ATTR = "group_pendency_form_identifier";
static const char* kTIMGroupPendencyToIdentifier TIM_KEY_ATTR = "group_pendency_to_identifier";
static const char* kTIMGroupPendencyAddTime TIM_KEY_ATTR = "group_pendency_add_time";
static const char* kTIMGroupPendencyPendencyType TIM_KEY_ATTR = "group_pendency_pendency_type";
static const char* kTIMGroupPendencyHandled TIM_KEY_ATTR = "group_pendency_handled";
static const char* kTIMGroupPendencyHandleResult TIM_KEY_ATTR = "group_pendency_handle_result";
static const char* kTIMGroupPendencyApplyInviteMsg TIM_KEY_ATTR = "group_pendency_apply_invite_msg";
static const char* kTIMGroupPendencyFromUserDefinedData TIM_KEY_ATTR = "group_pendency_form_user_defined_data";
static const char* kTIMGroupPendencyApprovalMsg TIM_KEY_ATTR = "group_pendency_approval_msg";
static const char* kTIMGroupPendencyToUserDefinedData TIM_KEY_ATTR = "group_pendency_to_user_defined_data";
static const char* kTIMGroupPendencySelfIdentifier TIM_KEY_ATTR = "group_pendency_self_identifier";

/* 13.3 GroupPendencyResult */
static const char* kTIMGroupPendencyResultNextStartTime TIM_KEY_ATTR = "group_pendency_result_next_start_time";
static const char* kTIMGroupPendencyResultReadTimeSeq TIM_KEY_ATTR = "group_pendency_result_read_time_seq";
static const char* kTIMGroupPendencyResultUnReadNum TIM_KEY_ATTR = "group_pendency_result_unread_num";
static const char* kTIMGroupPendencyResultPendencyArray TIM_KEY_ATTR = "group_pendency_result_pendency_array";

/* 13.4 GroupHandlePendencyParam */
static const char* kTIMGroupHandlePendencyParamIsAccept TIM_KEY_ATTR = "group_handle_pendency_param_is_accept";
static const char* kTIMGroupHandlePendencyParamHandleMsg TIM_KEY_ATTR = "group_handle_pendency_param_handle_msg";
static const char* kTIMGroupHandlePendencyParamPendency TIM_KEY_ATTR = "group_handle_pendency_param_pendency";

#ifdef __cplusplus
}
#endif

#endif  /* TIMCONV_TIM_GROUP_MANAGER_H_ */
