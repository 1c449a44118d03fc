"""The JSON the C API speaks: every key the package reads or writes, and the conversation key.

Each key keeps the name of the vendor's own constant (``kTIMConvId`` in
``TIMConversationManager.h`` is ``kTIMConvId`` here), so one grep finds a key in both languages.
This module is the only Python place a key string is written; the model, the client's argument
builders, the frames and the widgets import it from here.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any, NamedTuple, Union

from .checks import is_int

__all__ = ["ConvType", "ConvKey", "JsonObject"]

#: A JSON object of the SDK's, parsed (a ConvInfo, a Message, a Draft ...): keys as below, values
#: of any JSON type.
JsonObject = dict[str, Any]

# ruff: noqa: N816 -- the vendor's constant names, verbatim

# ---- TIMManager.h: SdkConfig ----
kTIMSdkConfigConfigFilePath = "sdk_config_config_file_path"
kTIMSdkConfigLogFilePath = "sdk_config_log_file_path"
#: The local engine's extension: UserSigs are verified with this key (timconv_ext.h).
kTimconvSecretKey = "timconv_secret_key"

# ---- TIMManager.h: profiles (8.1, 8.3-8.5) ----
kTIMFriendShipGetProfileListParamIdentifierArray = "friendship_getprofilelist_param_identifier_array"
kTIMUserProfileIdentifier = "user_profile_identifier"
kTIMUserProfileNickName = "user_profile_nick_name"
kTIMUserProfileGender = "user_profile_gender"
kTIMUserProfileFaceUrl = "user_profile_face_url"
kTIMUserProfileSelfSignature = "user_profile_self_signature"
kTIMUserProfileAddPermission = "user_profile_add_permission"
kTIMUserProfileLocation = "user_profile_location"
kTIMUserProfileLanguage = "user_profile_language"
kTIMUserProfileBirthDay = "user_profile_birthday"
kTIMUserProfileLevel = "user_profile_level"
kTIMUserProfileRole = "user_profile_role"
kTIMUserProfileCustomStringArray = "user_profile_custom_string_array"
kTIMUserProfileItemNickName = "user_profile_item_nick_name"
kTIMUserProfileItemGender = "user_profile_item_gender"
kTIMUserProfileItemFaceUrl = "user_profile_item_face_url"
kTIMUserProfileItemSelfSignature = "user_profile_item_self_signature"
kTIMUserProfileItemAddPermission = "user_profile_item_add_permission"
kTIMUserProfileItemLocation = "user_profile_item_location"
kTIMUserProfileItemLanguage = "user_profile_item_language"
kTIMUserProfileItemBirthDay = "user_profile_item_birthday"
kTIMUserProfileItemLevel = "user_profile_item_level"
kTIMUserProfileItemRole = "user_profile_item_role"
kTIMUserProfileItemCustomStringArray = "user_profile_item_custom_string_array"
kTIMUserProfileCustomStringInfoKey = "user_profile_custom_string_info_key"
kTIMUserProfileCustomStringInfoValue = "user_profile_custom_string_info_value"

# ---- TIMManager.h: user status (8.2) ----
kTIMUserStatusIdentifier = "user_status_identifier"
kTIMUserStatusStatusType = "user_status_status_type"
kTIMUserStatusCustomStatus = "user_status_custom_status"
kTIMUserStatusOnlineDevices = "user_status_online_devices"

# ---- TIMConversationManager.h: ConvInfo ----
kTIMConvId = "conv_id"
kTIMConvType = "conv_type"
kTIMConvOwner = "conv_owner"
kTIMConvUnReadNum = "conv_unread_num"
kTIMConvActiveTime = "conv_active_time"
kTIMConvIsHasLastMsg = "conv_is_has_lastmsg"
kTIMConvLastMsg = "conv_last_msg"
kTIMConvIsHasDraft = "conv_is_has_draft"
kTIMConvDraft = "conv_draft"
kTIMConvRecvOpt = "conv_recv_opt"
kTIMConvIsPinned = "conv_is_pinned"
kTIMConvShowName = "conv_show_name"
kTIMConvFaceUrl = "conv_face_url"
kTIMConvMarkArray = "conv_mark_array"
kTIMConvCustomData = "conv_custom_data"
kTIMConvConversationGroupArray = "conv_conversation_group_array"
kTIMConvC2CReadTimestamp = "conv_c2c_read_timestamp"
kTIMConvGroupReadSequence = "conv_group_read_sequence"
kTIMConvGroupAtInfoArray = "conv_group_at_info_array"
kTIMGroupAtInfoSeq = "conv_group_at_info_seq"
kTIMGroupAtInfoAtType = "conv_group_at_info_at_type"

# ---- Draft ----
kTIMDraftMsg = "draft_msg"
kTIMDraftUserDefine = "draft_user_define"
kTIMDraftEditTime = "draft_edit_time"

# ---- ConversationListFilter, ConversationListResult ----
kTIMConversationListFilterConvType = "conversation_list_filter_conv_type"
kTIMConversationListFilterConversationGroup = "conversation_list_filter_conversation_group"
kTIMConversationListFilterMarkType = "conversation_list_filter_mark_type"
kTIMConversationListFilterHasUnreadCount = "conversation_list_filter_has_unread_count"
TIMConversationListResultConvList = "conversation_list_result_conv_list"
TIMConversationListResultNextSeq = "conversation_list_result_next_seq"
TIMConversationListResultIsFinished = "conversation_list_result_is_finished"

# ---- GetConversationListParam, GetTotalUnreadNumberResult, ConversationOperationResult ----
kTIMGetConversationListParamConvId = "get_conversation_list_param_conv_id"
kTIMGetConversationListParamConvType = "get_conversation_list_param_conv_type"
kTIMConvGetTotalUnreadMessageCountResultUnreadCount = "conv_get_total_unread_message_count_result_unread_count"
kTIMConversationOperationResultConversationID = "conversation_operation_result_conversation_id"
kTIMConversationOperationResultResultCode = "conversation_operation_result_result_code"
kTIMConversationOperationResultResultInfo = "conversation_operation_result_result_info"

# ---- TIMMessageManager.h: Message, Elem, MsgGetMsgListParam ----
kTIMElemType = "elem_type"
kTIMTextElemContent = "text_elem_content"
kTIMMsgElemArray = "message_elem_array"
kTIMMsgConvId = "message_conv_id"
kTIMMsgConvType = "message_conv_type"
kTIMMsgSender = "message_sender"
kTIMMsgPriority = "message_priority"
kTIMMsgClientTime = "message_client_time"
kTIMMsgServerTime = "message_server_time"
kTIMMsgIsFormSelf = "message_is_from_self"  # sic: the vendor's spelling of the constant
kTIMMsgIsRead = "message_is_read"
kTIMMsgStatus = "message_status"
kTIMMsgUniqueId = "message_unique_id"
kTIMMsgMsgId = "message_msg_id"
kTIMMsgSeq = "message_seq"
kTIMMsgCustomInt = "message_custom_int"
kTIMMsgCustomStr = "message_custom_str"
kTIMMsgCloudCustomStr = "message_cloud_custom_str"
kTIMMsgVersion = "message_version"
kTIMMsgGetMsgListParamLastMsg = "msg_getmsglist_param_last_msg"
kTIMMsgGetMsgListParamCount = "msg_getmsglist_param_count"
kTIMMsgGetMsgListMessageTypeArray = "msg_getmsglist_param_message_type_array"
kTIMMsgGetMsgListParamIsForward = "msg_getmsglist_param_is_forward"
kTIMMsgGetMsgListParamLastMsgSeq = "msg_getmsglist_param_last_msg_seq"
kTIMMsgGetMsgListParamTimeBegin = "msg_getmsglist_param_time_begin"
kTIMMsgGetMsgListParamTimePeriod = "msg_getmsglist_param_time_period"
kTIMMsgGetMsgListParamMessageSeqArray = "msg_getmsglist_param_message_seq_array"
kTIMMsgSearchParamKeywordArray = "msg_search_param_keyword_array"
kTIMMsgSearchParamMessageTypeArray = "msg_search_param_message_type_array"
kTIMMsgSearchParamConvId = "msg_search_param_conv_id"
kTIMMsgSearchParamConvType = "msg_search_param_conv_type"
kTIMMsgSearchParamSearchTimePosition = "msg_search_param_search_time_position"
kTIMMsgSearchParamSearchTimePeriod = "msg_search_param_search_time_period"
kTIMMsgSearchParamPageIndex = "msg_search_param_page_index"
kTIMMsgSearchParamPageSize = "msg_search_param_page_size"
kTIMMsgSearchParamKeywordListMatchType = "msg_search_param_keyword_list_match_type"
kTIMMsgSearchParamSenderIdentifierArray = "msg_search_param_send_identifier_array"
kTIMMsgSearchResultItemConvId = "msg_search_result_item_conv_id"
kTIMMsgSearchResultItemConvType = "msg_search_result_item_conv_type"
kTIMMsgSearchResultItemTotalMessageCount = "msg_search_result_item_total_message_count"
kTIMMsgSearchResultItemMessageArray = "msg_search_result_item_message_array"
kTIMMsgSearchResultTotalCount = "msg_search_result_total_count"
kTIMMsgSearchResultItemArray = "msg_search_result_item_array"
kTIMMsgGroupAtUserArray = "message_group_at_user_array"
#: In kTIMMsgGroupAtUserArray: mention everyone in the group.
kImSDK_MessageAtALL = "__kImSDK_MessageAtALL__"
AT_ALL = kImSDK_MessageAtALL
kTIMMsgGetC2CRecvMsgOptResultIdentifier = "msg_recv_msg_opt_result_identifier"
kTIMMsgGetC2CRecvMsgOptResultOpt = "msg_recv_msg_opt_result_opt"

kTIMMsgRevokerUserId = "message_revoker_user_id"
kTIMMsgRevokeReason = "message_revoke_reason"

# ---- MsgLocator (a revoked message), MsgDeleteParam ----
kTIMMsgLocatorConvId = "message_locator_conv_id"
kTIMMsgLocatorConvType = "message_locator_conv_type"
kTIMMsgLocatorIsRevoked = "message_locator_is_revoked"
kTIMMsgLocatorTime = "message_locator_time"
kTIMMsgLocatorSeq = "message_locator_seq"
kTIMMsgLocatorIsSelf = "message_locator_is_self"
kTIMMsgLocatorRand = "message_locator_rand"
kTIMMsgLocatorUniqueId = "message_locator_unique_id"
kTIMMsgDeleteParamMsg = "msg_delete_param_msg"
kTIMMsgDeleteParamIsRamble = "msg_delete_param_is_ramble"

# ---- GroupReportElem (a group's system notice: kTIMGroupReport_Delete when dismissed) ----
kTIMGroupReportElemReportType = "group_report_elem_report_type"
kTIMGroupReportElemGroupId = "group_report_elem_group_id"
kTIMGroupReportElemGroupName = "group_report_elem_group_name"
kTIMGroupReportElemOpUser = "group_report_elem_op_user"

# ---- TIMGroupManager.h: GroupTipsElem ----
kTIMGroupTipsElemTipType = "group_tips_elem_tip_type"
kTIMGroupTipsElemJoinType = "group_tips_elem_join_type"
kTIMGroupTipsElemOpUser = "group_tips_elem_op_user"
kTIMGroupTipsElemGroupId = "group_tips_elem_group_id"
kTIMGroupTipsElemUserArray = "group_tips_elem_user_array"
kTIMGroupTipsElemMemberNum = "group_tips_elem_member_num"

# ---- GroupMemberInfo ----
kTIMGroupMemberInfoIdentifier = "group_member_info_identifier"
kTIMGroupMemberInfoGroupId = "group_member_info_group_id"
kTIMGroupMemberInfoJoinTime = "group_member_info_join_time"
kTIMGroupMemberInfoMemberRole = "group_member_info_member_role"

# ---- CreateGroupParam, CreateGroupResult ----
kTIMCreateGroupParamGroupName = "create_group_param_group_name"
kTIMCreateGroupParamGroupId = "create_group_param_group_id"
kTIMCreateGroupParamGroupType = "create_group_param_group_type"
kTIMCreateGroupParamGroupMemberArray = "create_group_param_group_member_array"
kTIMCreateGroupParamNotification = "create_group_param_notification"
kTIMCreateGroupParamIntroduction = "create_group_param_introduction"
kTIMCreateGroupParamFaceUrl = "create_group_param_face_url"
kTIMCreateGroupParamAddOption = "create_group_param_add_option"
kTIMCreateGroupParamMaxMemberCount = "create_group_param_max_member_num"
kTIMCreateGroupResultGroupId = "create_group_result_groupid"

# ---- GroupSelfInfo, GroupBaseInfo (the joined-group list) ----
kTIMGroupSelfInfoJoinTime = "group_self_info_join_time"
kTIMGroupSelfInfoRole = "group_self_info_role"
kTIMGroupSelfInfoUnReadNum = "group_self_info_unread_num"
kTIMGroupSelfInfoMsgFlag = "group_self_info_msg_flag"
kTIMGroupBaseInfoGroupId = "group_base_info_group_id"
kTIMGroupBaseInfoGroupName = "group_base_info_group_name"
kTIMGroupBaseInfoGroupType = "group_base_info_group_type"
kTIMGroupBaseInfoFaceUrl = "group_base_info_face_url"
kTIMGroupBaseInfoLatestSeq = "group_base_info_latest_seq"
kTIMGroupBaseInfoReadedSeq = "group_base_info_readed_seq"
kTIMGroupBaseInfoMsgFlag = "group_base_info_msg_flag"
kTIMGroupBaseInfoSelfInfo = "group_base_info_self_info"

# ---- GroupDetailInfo, GetGroupInfoResult ----
kTIMGroupDetailInfoGroupId = "group_detail_info_group_id"
kTIMGroupDetailInfoGroupType = "group_detail_info_group_type"
kTIMGroupDetailInfoGroupName = "group_detail_info_group_name"
kTIMGroupDetailInfoNotification = "group_detail_info_notification"
kTIMGroupDetailInfoIntroduction = "group_detail_info_introduction"
kTIMGroupDetailInfoFaceUrl = "group_detail_info_face_url"
kTIMGroupDetailInfoCreateTime = "group_detail_info_create_time"
kTIMGroupDetailInfoNextMsgSeq = "group_detail_info_next_msg_seq"
kTIMGroupDetailInfoLastMsgTime = "group_detail_info_last_msg_time"
kTIMGroupDetailInfoMemberNum = "group_detail_info_member_num"
kTIMGroupDetailInfoMaxMemberNum = "group_detail_info_max_member_num"
kTIMGroupDetailInfoAddOption = "group_detail_info_add_option"
kTIMGroupDetailInfoOwnerIdentifier = "group_detail_info_owner_identifier"
kTIMGetGroupInfoResultCode = "get_groups_info_result_code"
kTIMGetGroupInfoResultDesc = "get_groups_info_result_desc"
kTIMGetGroupInfoResultInfo = "get_groups_info_result_info"

# ---- GroupMemberGetInfoOption, GroupGetMemberInfoListParam, GroupGetMemberInfoListResult ----
kTIMGroupMemberGetInfoOptionRoleFlag = "group_member_get_info_option_role_flag"
kTIMGroupGetMemberInfoListParamGroupId = "group_get_members_info_list_param_group_id"
kTIMGroupGetMemberInfoListParamIdentifierArray = "group_get_members_info_list_param_identifier_array"
kTIMGroupGetMemberInfoListParamOption = "group_get_members_info_list_param_option"
kTIMGroupGetMemberInfoListParamNextSeq = "group_get_members_info_list_param_next_seq"
kTIMGroupGetMemberInfoListResultNexSeq = "group_get_member_info_list_result_next_seq"  # sic
kTIMGroupGetMemberInfoListResultInfoArray = "group_get_member_info_list_result_info_array"

# ---- GroupTipGroupChangeInfo, GroupTipMemberChangeInfo, and the GroupTipsElem members carrying them ----
kTIMGroupTipGroupChangeInfoFlag = "group_tips_group_change_info_flag"
kTIMGroupTipGroupChangeInfoValue = "group_tips_group_change_info_value"
kTIMGroupTipGroupChangeInfoBoolValue = "group_tips_group_change_info_bool_value"
kTIMGroupTipGroupChangeInfoIntValue = "group_tips_group_change_info_int_value"
kTIMGroupTipMemberChangeInfoIdentifier = "group_tips_member_change_info_identifier"
kTIMGroupTipMemberChangeInfoShutupTime = "group_tips_member_change_info_shutupTime"
kTIMGroupTipsElemGroupChangeInfoArray = "group_tips_elem_group_change_info_array"
kTIMGroupTipsElemMemberChangeInfoArray = "group_tips_elem_member_change_info_array"

# ---- what TIMGroupModifyGroupInfo's changes added to GroupDetailInfo and GroupMemberInfo ----
kTIMGroupDetailInfoInfoSeq = "group_detail_info_info_seq"
kTIMGroupDetailInfoLastInfoTime = "group_detail_info_last_info_time"
kTIMGroupDetailInfoApproveOption = "group_detail_info_approve_option"
kTIMGroupDetailInfoVisible = "group_detail_info_visible"
kTIMGroupDetailInfoSearchable = "group_detail_info_searchable"
kTIMGroupDetailInfoIsShutupAll = "group_detail_info_is_shutup_all"
kTIMGroupMemberInfoShutupTime = "group_member_info_shutup_time"
kTIMGroupMemberInfoNameCard = "group_member_info_name_card"

# ---- GroupModifyInfoParam ----
kTIMGroupModifyInfoParamGroupId = "group_modify_info_param_group_id"
kTIMGroupModifyInfoParamModifyFlag = "group_modify_info_param_modify_flag"
kTIMGroupModifyInfoParamGroupName = "group_modify_info_param_group_name"
kTIMGroupModifyInfoParamNotification = "group_modify_info_param_notification"
kTIMGroupModifyInfoParamIntroduction = "group_modify_info_param_introduction"
kTIMGroupModifyInfoParamFaceUrl = "group_modify_info_param_face_url"
kTIMGroupModifyInfoParamAddOption = "group_modify_info_param_add_option"
kTIMGroupModifyInfoParamApproveOption = "group_modify_info_param_approve_option"
kTIMGroupModifyInfoParamMaxMemberNum = "group_modify_info_param_max_member_num"
kTIMGroupModifyInfoParamVisible = "group_modify_info_param_visible"
kTIMGroupModifyInfoParamSearchAble = "group_modify_info_param_searchable"  # sic
kTIMGroupModifyInfoParamIsShutupAll = "group_modify_info_param_is_shutup_all"
kTIMGroupModifyInfoParamOwner = "group_modify_info_param_owner"

# ---- GroupModifyMemberInfoParam, GroupInviteMemberParam and GroupDeleteMemberParam, and their results ----
kTIMGroupModifyMemberInfoParamGroupId = "group_modify_member_info_group_id"
kTIMGroupModifyMemberInfoParamIdentifier = "group_modify_member_info_identifier"
kTIMGroupModifyMemberInfoParamModifyFlag = "group_modify_member_info_modify_flag"
kTIMGroupModifyMemberInfoParamMemberRole = "group_modify_member_info_member_role"
kTIMGroupModifyMemberInfoParamShutupTime = "group_modify_member_info_shutup_time"
kTIMGroupModifyMemberInfoParamNameCard = "group_modify_member_info_name_card"
kTIMGroupInviteMemberParamGroupId = "group_invite_member_param_group_id"
kTIMGroupInviteMemberParamIdentifierArray = "group_invite_member_param_identifier_array"
kTIMGroupInviteMemberResultIdentifier = "group_invite_member_result_identifier"
kTIMGroupInviteMemberResultResult = "group_invite_member_result_result"
kTIMGroupDeleteMemberParamGroupId = "group_delete_member_param_group_id"
kTIMGroupDeleteMemberParamIdentifierArray = "group_delete_member_param_identifier_array"
kTIMGroupDeleteMemberResultIdentifier = "group_delete_member_result_identifier"
kTIMGroupDeleteMemberResultResult = "group_delete_member_result_result"

# ---- GroupPendencyOption, GroupPendency, GroupPendencyResult, GroupHandlePendencyParam ----
kTIMGroupPendencyOptionStartTime = "group_pendency_option_start_time"
kTIMGroupPendencyOptionMaxLimited = "group_pendency_option_max_limited"
kTIMGroupPendencyGroupId = "group_pendency_group_id"
kTIMGroupPendencyFromIdentifier = "group_pendency_form_identifier"  # sic
kTIMGroupPendencyToIdentifier = "group_pendency_to_identifier"
kTIMGroupPendencyAddTime = "group_pendency_add_time"
kTIMGroupPendencyPendencyType = "group_pendency_pendency_type"
kTIMGroupPendencyHandled = "group_pendency_handled"
kTIMGroupPendencyHandleResult = "group_pendency_handle_result"
kTIMGroupPendencyApplyInviteMsg = "group_pendency_apply_invite_msg"
kTIMGroupPendencyApprovalMsg = "group_pendency_approval_msg"
kTIMGroupPendencyResultReadTimeSeq = "group_pendency_result_read_time_seq"
kTIMGroupPendencyResultUnReadNum = "group_pendency_result_unread_num"
kTIMGroupPendencyResultPendencyArray = "group_pendency_result_pendency_array"
kTIMGroupHandlePendencyParamIsAccept = "group_handle_pendency_param_is_accept"
kTIMGroupHandlePendencyParamHandleMsg = "group_handle_pendency_param_handle_msg"
kTIMGroupHandlePendencyParamPendency = "group_handle_pendency_param_pendency"

# ---- GroupSearchParam, GroupGetOnlineMemberCountResult ----
TIMGroupSearchParamKeywordList = "group_search_params_keyword_list"
TIMGroupSearchParamFieldList = "group_search_params_field_list"
TIMGroupGetOnlineMemberCountResult = "group_get_online_member_count_result"

# ---- TIMFriendshipManager.h: the friendship calls' and notifications' keys (10-15) ----
kTIMFriendProfileCustomStringInfoKey = "friend_profile_custom_string_info_key"
kTIMFriendProfileCustomStringInfoValue = "friend_profile_custom_string_info_value"
kTIMFriendProfileIdentifier = "friend_profile_identifier"
kTIMFriendProfileGroupNameArray = "friend_profile_group_name_array"
kTIMFriendProfileRemark = "friend_profile_remark"
kTIMFriendProfileAddWording = "friend_profile_add_wording"
kTIMFriendProfileAddSource = "friend_profile_add_source"
kTIMFriendProfileAddTime = "friend_profile_add_time"
kTIMFriendProfileUserProfile = "friend_profile_user_profile"
kTIMFriendProfileCustomStringArray = "friend_profile_custom_string_array"
kTIMFriendProfileItemRemark = "friend_profile_item_remark"
kTIMFriendProfileItemGroupNameArray = "friend_profile_item_group_name_array"
kTIMFriendProfileItemCustomStringArray = "friend_profile_item_custom_string_array"
kTIMFriendshipModifyFriendProfileParamIdentifier = "friendship_modify_friend_profile_param_identifier"
kTIMFriendshipModifyFriendProfileParamItem = "friendship_modify_friend_profile_param_item"
kTIMFriendProfileUpdateIdentifier = "friend_profile_update_identifier"
kTIMFriendProfileUpdateItem = "friend_profile_update_item"
kTIMFriendshipAddFriendParamIdentifier = "friendship_add_friend_param_identifier"
kTIMFriendshipAddFriendParamFriendType = "friendship_add_friend_param_friend_type"
kTIMFriendshipAddFriendParamRemark = "friendship_add_friend_param_remark"
kTIMFriendshipAddFriendParamGroupName = "friendship_add_friend_param_group_name"
kTIMFriendshipAddFriendParamAddSource = "friendship_add_friend_param_add_source"
kTIMFriendshipAddFriendParamAddWording = "friendship_add_friend_param_add_wording"
kTIMFriendshipDeleteFriendParamFriendType = "friendship_delete_friend_param_friend_type"
kTIMFriendshipDeleteFriendParamIdentifierArray = "friendship_delete_friend_param_identifier_array"
kTIMFriendAddPendencyType = "friend_add_pendency_type"
kTIMFriendAddPendencyIdentifier = "friend_add_pendency_identifier"
kTIMFriendAddPendencyNickName = "friend_add_pendency_nick_name"
kTIMFriendAddPendencyFaceUrl = "friend_add_pendency_face_url"
kTIMFriendAddPendencyAddTime = "friend_add_pendency_add_time"
kTIMFriendAddPendencyAddSource = "friend_add_pendency_add_source"
kTIMFriendAddPendencyAddWording = "friend_add_pendency_add_wording"
kTIMFriendshipGetPendencyListParamType = "friendship_get_pendency_list_param_type"
kTIMFriendshipGetPendencyListParamStartSeq = "friendship_get_pendency_list_param_start_seq"
kTIMFriendshipGetPendencyListParamStartTime = "friendship_get_pendency_list_param_start_time"
kTIMFriendshipGetPendencyListParamLimitedSize = "friendship_get_pendency_list_param_limited_size"
kTIMPendencyPageStartTime = "pendency_page_start_time"
kTIMPendencyPageUnReadNum = "pendency_page_unread_num"
kTIMPendencyPageCurrentSeq = "pendency_page_current_seq"
kTIMPendencyPagePendencyInfoArray = "pendency_page_pendency_info_array"
kTIMFriendAddPendencyInfoType = "friend_add_pendency_info_type"
kTIMFriendAddPendencyInfoIdentifier = "friend_add_pendency_info_identifier"
kTIMFriendAddPendencyInfoNickName = "friend_add_pendency_info_nick_name"
kTIMFriendAddPendencyInfoFaceUrl = "friend_add_pendency_info_face_url"
kTIMFriendAddPendencyInfoAddTime = "friend_add_pendency_info_add_time"
kTIMFriendAddPendencyInfoAddSource = "friend_add_pendency_info_add_source"
kTIMFriendAddPendencyInfoAddWording = "friend_add_pendency_info_add_wording"
kTIMFriendResponseIdentifier = "friend_response_identifier"
kTIMFriendResponseAction = "friend_response_action"
kTIMFriendResponseRemark = "friend_response_remark"
kTIMFriendResponseGroupName = "friend_response_group_name"
kTIMFriendshipDeletePendencyParamType = "friendship_delete_pendency_param_type"
kTIMFriendshipDeletePendencyParamIdentifierArray = "friendship_delete_pendency_param_identifier_array"
kTIMFriendshipCheckFriendTypeParamCheckType = "friendship_check_friendtype_param_check_type"
kTIMFriendshipCheckFriendTypeParamIdentifierArray = "friendship_check_friendtype_param_identifier_array"
kTIMFriendshipCheckFriendTypeResultIdentifier = "friendship_check_friendtype_result_identifier"
kTIMFriendshipCheckFriendTypeResultRelation = "friendship_check_friendtype_result_relation"
kTIMFriendshipCheckFriendTypeResultCode = "friendship_check_friendtype_result_code"
kTIMFriendshipCheckFriendTypeResultDesc = "friendship_check_friendtype_result_desc"
kTIMFriendResultIdentifier = "friend_result_identifier"
kTIMFriendResultCode = "friend_result_code"
kTIMFriendResultDesc = "friend_result_desc"
kTIMFriendshipCreateFriendGroupParamNameArray = "friendship_create_friend_group_param_name_array"
kTIMFriendshipCreateFriendGroupParamIdentifierArray = "friendship_create_friend_group_param_identifier_array"
kTIMFriendGroupInfoName = "friend_group_info_name"
kTIMFriendGroupInfoCount = "friend_group_info_count"
kTIMFriendGroupInfoIdentifierArray = "friend_group_info_identifier_array"
kTIMFriendshipModifyFriendGroupParamName = "friendship_modify_friend_group_param_name"
kTIMFriendshipModifyFriendGroupParamNewName = "friendship_modify_friend_group_param_new_name"
kTIMFriendshipModifyFriendGroupParamDeleteIdentifierArray = (
    "friendship_modify_friend_group_param_delete_identifier_array")
kTIMFriendshipModifyFriendGroupParamAddIdentifierArray = "friendship_modify_friend_group_param_add_identifier_array"
kTIMFriendshipSearchParamKeywordList = "friendship_search_param_keyword_list"
kTIMFriendshipSearchParamSearchFieldList = "friendship_search_param_search_field_list"
kTIMFriendshipFriendInfoGetResultIdentifier = "friendship_friend_info_get_result_identifier"
kTIMFriendshipFriendInfoGetResultRelationType = "friendship_friend_info_get_result_relation_type"
kTIMFriendshipFriendInfoGetResultErrorCode = "friendship_friend_info_get_result_error_code"
kTIMFriendshipFriendInfoGetResultErrorMessage = "friendship_friend_info_get_result_error_message"
kTIMFriendshipFriendInfoGetResultFriendInfo = "friendship_friend_info_get_result_field_info"
# ---- GroupMemberSearchParam, GroupSearchGroupMembersResult (7.2), a member's profile in GroupMemberInfo ----
TIMGroupMemberSearchParamGroupidList = "group_search_member_params_groupid_list"
TIMGroupMemberSearchParamKeywordList = "group_search_member_params_keyword_list"
TIMGroupMemberSearchParamFieldList = "group_search_member_params_field_list"
TIMGroupSearchGroupMembersResultGroupID = "group_search_member_result_groupid"
TIMGroupSearchGroupMembersResultMemberInfoList = "group_search_member_result_member_info_list"
kTIMGroupMemberInfoNickName = "group_member_info_nick_name"

# ---- GroupTipMemberMarkChangeInfo (9.3) and the GroupTipsElem member carrying it ----
kTIMGroupTipMemberChangeInfoEnableMark = "group_tips_member_mark_change_info_enableMark"
kTIMGroupTipMemberMarkChangeInfoMarkType = "group_tips_member_mark_change_info_markType"
kTIMGroupTipMemberMarkChangeInfoUserIDList = "group_tips_member_mark_change_info_userIDList"
kTIMGroupTipsElemMemberMarkInfoArray = "group_tips_elem_member_mark_info_array"

# ---- GroupAttributes (10.11), GroupCounter (10.12) ----
TIMGroupAttributeKey = "group_attribute_key"
TIMGroupAttributeValue = "group_attribute_value"
kTIMGroupCounterKey = "group_counter_key"
kTIMGroupCounterValue = "group_counter_value"

#: ``enum TIMElemType``: a text element, a group tip, a group report.
kTIMElem_Text = 0
kTIMElem_GroupTips = 5
kTIMElem_GroupReport = 8
#: ``enum TIMMsgStatus``: a revoked message.
kTIMMsg_Revoked = 6
#: ``enum TIMGroupReportType``: the group was dismissed.
kTIMGroupReport_Delete = 5


class ConvType(IntEnum):
    """``enum TIMConvType`` (the values the conversation API accepts)."""

    C2C = 1
    GROUP = 2

    @property
    def prefix(self) -> str:
        """The prefix of Tencent's conversation ids: ``c2c`` or ``group``."""
        return "c2c" if self is ConvType.C2C else "group"

    @classmethod
    def parse(cls, value: Union[ConvType, int, str]) -> ConvType:
        """A ConvType from itself, 1/2, or "c2c"/"group" (any case)."""
        if not (is_int(value) or isinstance(value, str)):
            raise TypeError(f"conversation type must be ConvType, int or str, not {type(value).__name__}")
        if isinstance(value, str):
            names = {"c2c": cls.C2C, "group": cls.GROUP}
            if value.lower() not in names:
                raise ValueError(f"conversation type must be 'c2c' or 'group', not {value!r}")
            return names[value.lower()]
        try:
            return cls(value)
        except ValueError:
            raise ValueError(f"conversation type must be 1 (C2C) or 2 (Group), not {value}") from None


#: prefix -> ConvType, and the int values as the JSON carries them -> prefix.
_BY_PREFIX = {kind.prefix: kind for kind in ConvType}
PREFIXES = {int(kind): kind.prefix for kind in ConvType}


class ConvKey(NamedTuple):
    """Tencent's conversation id, ``c2c_<id>`` or ``group_<id>``: the key the batch calls take,
    the index of conversation frames, and the value of the widgets' pickers."""

    conv_type: ConvType
    conv_id: str

    def __str__(self) -> str:
        return f"{self.conv_type.prefix}_{self.conv_id}"

    @classmethod
    def parse(cls, key: str) -> ConvKey:
        """``"c2c_bob"`` -> ConvKey(C2C, "bob"); ValueError for anything else."""
        if not isinstance(key, str):
            raise TypeError(f"a conversation key must be str, not {type(key).__name__}")
        prefix, sep, conv_id = key.partition("_")
        if not sep or prefix not in _BY_PREFIX or not conv_id:
            raise ValueError(f"a conversation key is 'c2c_<id>' or 'group_<id>', not {key!r}")
        return cls(_BY_PREFIX[prefix], conv_id)

    @classmethod
    def format(cls, conv_type: int, conv_id: str) -> str:
        """The key of (type, id) as text, for hot loops (no tuple made)."""
        return f"{PREFIXES[conv_type]}_{conv_id}"
