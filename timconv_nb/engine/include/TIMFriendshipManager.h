/* The vendor SDK's TIMFriendshipManager.h (8.0.5906): its functions, and the types they name.
 * Friends, friend requests, friend groups and the block list; official accounts and follows are not
 * implemented (the block at the end). */
#ifndef TIMCONV_TIM_FRIENDSHIP_MANAGER_H_
#define TIMCONV_TIM_FRIENDSHIP_MANAGER_H_

#include "TIMCloudDef.h"

#ifdef __cplusplus
extern "C" {
#endif

/* 1.1-1.6 The vendor's enums (TIMFriendshipManager.h 35-95). */
enum TIMFriendType {
    FriendTypeSingle,
    FriendTypeBoth,
};

enum TIMFriendPendencyType {
    FriendPendencyTypeComeIn,
    FriendPendencyTypeSendOut,
    FriendPendencyTypeBoth,
};

enum TIMFriendResponseAction {
    ResponseActionAgree,
    ResponseActionAgreeAndAdd,
    ResponseActionReject,
};

enum TIMFriendCheckRelation {
    FriendCheckNoRelation,
    FriendCheckAWithB,
    FriendCheckBWithA,
    FriendCheckBothWay,
};

enum TIMFriendshipSearchFieldKey {
    kTIMFriendshipSearchFieldKey_Identifier = 0x01,
    kTIMFriendshipSearchFieldKey_NickName = 0x01 << 1,
    kTIMFriendshipSearchFieldKey_Remark = 0x01 << 2,
};

enum TIMFriendshipRelationType {
    kTIMFriendshipRelationType_None,
    kTIMFriendshipRelationType_InMyFriendList,
    kTIMFriendshipRelationType_InOtherFriendList,
    kTIMFriendshipRelationType_BothFriend,
};

/* 2.1-2.13, 3.1-3.13 The notifications (runtime/friend_news.h says which processes hear each). */
typedef void(*TIMOnAddFriendCallback)(const char* json_identifier_array, const void* user_data);
typedef void(*TIMOnDeleteFriendCallback)(const char* json_identifier_array, const void* user_data);
typedef void(*TIMUpdateFriendProfileCallback)(const char* json_friend_profile_update_array, const void* user_data);
typedef void(*TIMFriendAddRequestCallback)(const char* json_friend_add_request_pendency_array, const void* user_data);
typedef void(*TIMFriendApplicationListDeletedCallback)(const char* json_identifier_array, const void* user_data);
typedef void(*TIMFriendApplicationListReadCallback)(const void* user_data);
typedef void(*TIMFriendBlackListAddedCallback)(const char* json_friend_black_added_array, const void* user_data);
typedef void(*TIMFriendBlackListDeletedCallback)(const char* json_identifier_array, const void* user_data);
typedef void(*TIMFriendGroupCreatedCallback)(const char* group_name, const char* json_friend_info_array, const void* user_data);
typedef void(*TIMFriendGroupDeletedCallback)(const char* json_group_name_array, const void* user_data);
typedef void(*TIMFriendGroupNameChangedCallback)(const char* old_group_name, const char* new_group_name, const void* user_data);
typedef void(*TIMFriendsAddedToGroupCallback)(const char* group_name, const char* json_friend_info_array, const void* user_data);
typedef void(*TIMFriendsDeletedFromGroupCallback)(const char* group_name, const char* json_friend_id_array, const void* user_data);

TIM_API void TIMSetOnAddFriendCallback(TIMOnAddFriendCallback cb, const void* user_data);
TIM_API void TIMSetOnDeleteFriendCallback(TIMOnDeleteFriendCallback cb, const void* user_data);
TIM_API void TIMSetUpdateFriendProfileCallback(TIMUpdateFriendProfileCallback cb, const void* user_data);
TIM_API void TIMSetFriendAddRequestCallback(TIMFriendAddRequestCallback cb, const void* user_data);
TIM_API void TIMSetFriendApplicationListDeletedCallback(TIMFriendApplicationListDeletedCallback cb, const void* user_data);
TIM_API void TIMSetFriendApplicationListReadCallback(TIMFriendApplicationListReadCallback cb, const void* user_data);
TIM_API void TIMSetFriendBlackListAddedCallback(TIMFriendBlackListAddedCallback cb, const void* user_data);
TIM_API void TIMSetFriendBlackListDeletedCallback(TIMFriendBlackListDeletedCallback cb, const void* user_data);
TIM_API void TIMSetFriendGroupCreatedCallback(TIMFriendGroupCreatedCallback cb, const void* user_data);
TIM_API void TIMSetFriendGroupDeletedCallback(TIMFriendGroupDeletedCallback cb, const void* user_data);
TIM_API void TIMSetFriendGroupNameChangedCallback(TIMFriendGroupNameChangedCallback cb, const void* user_data);
TIM_API void TIMSetFriendsAddedToGroupCallback(TIMFriendsAddedToGroupCallback cb, const void* user_data);
TIM_API void TIMSetFriendsDeletedFromGroupCallback(TIMFriendsDeletedFromGroupCallback cb, const void* user_data);

/* 4.1-7.4 The calls (api/friendship.c, api/friend_lists.c). */
TIM_API int TIMFriendshipGetFriendProfileList(TIMCommCallback cb, const void* user_data);
TIM_API int TIMFriendshipGetFriendsInfo(const char *friend_id_list,  TIMCommCallback cb, const void* user_data);
TIM_API int TIMFriendshipModifyFriendProfile(const char* json_modify_friend_info_param, TIMCommCallback cb, const void* user_data);
TIM_API int TIMFriendshipSearchFriends(const char *json_search_friends_param, TIMCommCallback cb, const void* user_data);
TIM_API int TIMFriendshipAddFriend(const char* json_add_friend_param, TIMCommCallback cb, const void* user_data);
TIM_API int TIMFriendshipDeleteFriend(const char* json_delete_friend_param, TIMCommCallback cb, const void* user_data);
TIM_API int TIMFriendshipCheckFriendType(const char* json_check_friend_list_param, TIMCommCallback cb, const void* user_data);
TIM_API int TIMFriendshipGetPendencyList(const char* json_get_pendency_list_param, TIMCommCallback cb, const void* user_data);
TIM_API int TIMFriendshipHandleFriendAddRequest(const char* json_handle_friend_add_param, TIMCommCallback cb, const void* user_data);
TIM_API int TIMFriendshipReportPendencyReaded(uint64_t time_stamp, TIMCommCallback cb, const void* user_data);
TIM_API int TIMFriendshipDeletePendency(const char* json_delete_pendency_param, TIMCommCallback cb, const void* user_data);
TIM_API int TIMFriendshipGetBlackList(TIMCommCallback cb, const void* user_data);
TIM_API int TIMFriendshipAddToBlackList(const char* json_add_to_blacklist_param, TIMCommCallback cb, const void* user_data);
TIM_API int TIMFriendshipDeleteFromBlackList(const char* json_delete_from_blacklist_param, TIMCommCallback cb, const void* user_data);
TIM_API int TIMFriendshipCreateFriendGroup(const char* json_create_friend_group_param, TIMCommCallback cb, const void* user_data);
TIM_API int TIMFriendshipGetFriendGroupList(const char* json_get_friend_group_list_param, TIMCommCallback cb, const void* user_data);
TIM_API int TIMFriendshipDeleteFriendGroup(const char* json_delete_friend_group_param, TIMCommCallback cb, const void* user_data);
TIM_API int TIMFriendshipModifyFriendGroup(const char* json_modify_friend_group_param, TIMCommCallback cb, const void* user_data);

/* 10-15 The JSON keys of the calls and notifications. */
static const char* kTIMFriendProfileCustomStringInfoKey TIM_KEY_ATTR = "friend_profile_custom_string_info_key";
static const char* kTIMFriendProfileCustomStringInfoValue TIM_KEY_ATTR = "friend_profile_custom_string_info_value";
static const char* kTIMFriendProfileIdentifier TIM_KEY_ATTR = "friend_profile_identifier";
static const char* kTIMFriendProfileGroupNameArray TIM_KEY_ATTR = "friend_profile_group_name_array";
static const char* kTIMFriendProfileRemark TIM_KEY_ATTR = "friend_profile_remark";
static const char* kTIMFriendProfileAddWording TIM_KEY_ATTR = "friend_profile_add_wording";
static const char* kTIMFriendProfileAddSource TIM_KEY_ATTR = "friend_profile_add_source";
static const char* kTIMFriendProfileAddTime TIM_KEY_ATTR = "friend_profile_add_time";
static const char* kTIMFriendProfileUserProfile TIM_KEY_ATTR = "friend_profile_user_profile";
static const char* kTIMFriendProfileCustomStringArray TIM_KEY_ATTR = "friend_profile_custom_string_array";
static const char* kTIMFriendProfileItemRemark TIM_KEY_ATTR = "friend_profile_item_remark";
static const char* kTIMFriendProfileItemGroupNameArray TIM_KEY_ATTR = "friend_profile_item_group_name_array";
static const char* kTIMFriendProfileItemCustomStringArray TIM_KEY_ATTR = "friend_profile_item_custom_string_array";
static const char* kTIMFriendshipModifyFriendProfileParamIdentifier TIM_KEY_ATTR = "friendship_modify_friend_profile_param_identifier";
static const char* kTIMFriendshipModifyFriendProfileParamItem TIM_KEY_ATTR = "friendship_modify_friend_profile_param_item";
static const char* kTIMFriendProfileUpdateIdentifier TIM_KEY_ATTR = "friend_profile_update_identifier";
static const char* kTIMFriendProfileUpdateItem TIM_KEY_ATTR = "friend_profile_update_item";
static const char* kTIMFriendshipAddFriendParamIdentifier TIM_KEY_ATTR = "friendship_add_friend_param_identifier";
static const char* kTIMFriendshipAddFriendParamFriendType TIM_KEY_ATTR = "friendship_add_friend_param_friend_type";
static const char* kTIMFriendshipAddFriendParamRemark TIM_KEY_ATTR = "friendship_add_friend_param_remark";
static const char* kTIMFriendshipAddFriendParamGroupName TIM_KEY_ATTR = "friendship_add_friend_param_group_name";
static const char* kTIMFriendshipAddFriendParamAddSource TIM_KEY_ATTR = "friendship_add_friend_param_add_source";
static const char* kTIMFriendshipAddFriendParamAddWording TIM_KEY_ATTR = "friendship_add_friend_param_add_wording";
static const char* kTIMFriendshipDeleteFriendParamFriendType TIM_KEY_ATTR = "friendship_delete_friend_param_friend_type";
static const char* kTIMFriendshipDeleteFriendParamIdentifierArray TIM_KEY_ATTR = "friendship_delete_friend_param_identifier_array";
static const char* kTIMFriendAddPendencyType TIM_KEY_ATTR = "friend_add_pendency_type";
static const char* kTIMFriendAddPendencyIdentifier TIM_KEY_ATTR = "friend_add_pendency_identifier";
static const char* kTIMFriendAddPendencyNickName TIM_KEY_ATTR = "friend_add_pendency_nick_name";
static const char* kTIMFriendAddPendencyFaceUrl TIM_KEY_ATTR = "friend_add_pendency_face_url";
static const char* kTIMFriendAddPendencyAddTime TIM_KEY_ATTR = "friend_add_pendency_add_time";
static const char* kTIMFriendAddPendencyAddSource TIM_KEY_ATTR = "friend_add_pendency_add_source";
static const char* kTIMFriendAddPendencyAddWording TIM_KEY_ATTR = "friend_add_pendency_add_wording";
static const char* kTIMFriendshipGetPendencyListParamType TIM_KEY_ATTR = "friendship_get_pendency_list_param_type";
static const char* kTIMFriendshipGetPendencyListParamStartSeq TIM_KEY_ATTR = "friendship_get_pendency_list_param_start_seq";
static const char* kTIMFriendshipGetPendencyListParamStartTime TIM_KEY_ATTR = "friendship_get_pendency_list_param_start_time";
static const char* kTIMFriendshipGetPendencyListParamLimitedSize TIM_KEY_ATTR = "friendship_get_pendency_list_param_limited_size";
static const char* kTIMPendencyPageStartTime TIM_KEY_ATTR = "pendency_page_start_time";
static const char* kTIMPendencyPageUnReadNum TIM_KEY_ATTR = "pendency_page_unread_num";
static const char* kTIMPendencyPageCurrentSeq TIM_KEY_ATTR = "pendency_page_current_seq";
static const char* kTIMPendencyPagePendencyInfoArray TIM_KEY_ATTR = "pendency_page_pendency_info_array";
static const char* kTIMFriendAddPendencyInfoType TIM_KEY_ATTR = "friend_add_pendency_info_type";
static const char* kTIMFriendAddPendencyInfoIdentifier TIM_KEY_ATTR = "friend_add_pendency_info_identifier";
static const char* kTIMFriendAddPendencyInfoNickName TIM_KEY_ATTR = "friend_add_pendency_info_nick_name";
static const char* kTIMFriendAddPendencyInfoFaceUrl TIM_KEY_ATTR = "friend_add_pendency_info_face_url";
static const char* kTIMFriendAddPendencyInfoAddTime TIM_KEY_ATTR = "friend_add_pendency_info_add_time";
static const char* kTIMFriendAddPendencyInfoAddSource TIM_KEY_ATTR = "friend_add_pendency_info_add_source";
static const char* kTIMFriendAddPendencyInfoAddWording TIM_KEY_ATTR = "friend_add_pendency_info_add_wording";
static const char* kTIMFriendResponseIdentifier TIM_KEY_ATTR = "friend_response_identifier";
static const char* kTIMFriendResponseAction TIM_KEY_ATTR = "friend_response_action";
static const char* kTIMFriendResponseRemark TIM_KEY_ATTR = "friend_response_remark";
static const char* kTIMFriendResponseGroupName TIM_KEY_ATTR = "friend_response_group_name";
static const char* kTIMFriendshipDeletePendencyParamType TIM_KEY_ATTR = "friendship_delete_pendency_param_type";
static const char* kTIMFriendshipDeletePendencyParamIdentifierArray TIM_KEY_ATTR = "friendship_delete_pendency_param_identifier_array";
static const char* kTIMFriendshipCheckFriendTypeParamCheckType TIM_KEY_ATTR = "friendship_check_friendtype_param_check_type";
static const char* kTIMFriendshipCheckFriendTypeParamIdentifierArray TIM_KEY_ATTR = "friendship_check_friendtype_param_identifier_array";
static const char* kTIMFriendshipCheckFriendTypeResultIdentifier TIM_KEY_ATTR = "friendship_check_friendtype_result_identifier";
static const char* kTIMFriendshipCheckFriendTypeResultRelation TIM_KEY_ATTR = "friendship_check_friendtype_result_relation";
static const char* kTIMFriendshipCheckFriendTypeResultCode TIM_KEY_ATTR = "friendship_check_friendtype_result_code";
static const char* kTIMFriendshipCheckFriendTypeResultDesc TIM_KEY_ATTR = "friendship_check_friendtype_result_desc";
static const char* kTIMFriendResultIdentifier TIM_KEY_ATTR = "friend_result_identifier";
static const char* kTIMFriendResultCode TIM_KEY_ATTR = "friend_result_code";
static const char* kTIMFriendResultDesc TIM_KEY_ATTR = "friend_result_desc";
static const char* kTIMFriendshipCreateFriendGroupParamNameArray TIM_KEY_ATTR = "friendship_create_friend_group_param_name_array";
static const char* kTIMFriendshipCreateFriendGroupParamIdentifierArray TIM_KEY_ATTR = "friendship_create_friend_group_param_identifier_array";
static const char* kTIMFriendGroupInfoName TIM_KEY_ATTR = "friend_group_info_name";
static const char* kTIMFriendGroupInfoCount TIM_KEY_ATTR = "friend_group_info_count";
static const char* kTIMFriendGroupInfoIdentifierArray TIM_KEY_ATTR = "friend_group_info_identifier_array";
static const char* kTIMFriendshipModifyFriendGroupParamName TIM_KEY_ATTR = "friendship_modify_friend_group_param_name";
static const char* kTIMFriendshipModifyFriendGroupParamNewName TIM_KEY_ATTR = "friendship_modify_friend_group_param_new_name";
static const char* kTIMFriendshipModifyFriendGroupParamDeleteIdentifierArray TIM_KEY_ATTR = "friendship_modify_friend_group_param_delete_identifier_array";
static const char* kTIMFriendshipModifyFriendGroupParamAddIdentifierArray TIM_KEY_ATTR = "friendship_modify_friend_group_param_add_identifier_array";
static const char* kTIMFriendshipSearchParamKeywordList TIM_KEY_ATTR = "friendship_search_param_keyword_list";
static const char* kTIMFriendshipSearchParamSearchFieldList TIM_KEY_ATTR = "friendship_search_param_search_field_list";
static const char* kTIMFriendshipFriendInfoGetResultIdentifier TIM_KEY_ATTR = "friendship_friend_info_get_result_identifier";
static const char* kTIMFriendshipFriendInfoGetResultRelationType TIM_KEY_ATTR = "friendship_friend_info_get_result_relation_type";
static const char* kTIMFriendshipFriendInfoGetResultErrorCode TIM_KEY_ATTR = "friendship_friend_info_get_result_error_code";
static const char* kTIMFriendshipFriendInfoGetResultErrorMessage TIM_KEY_ATTR = "friendship_friend_info_get_result_error_message";
static const char* kTIMFriendshipFriendInfoGetResultFriendInfo TIM_KEY_ATTR = "friendship_friend_info_get_result_field_info";

/* ---- Not implemented by the local engine (yet) ----
 * The vendor's declarations, in its order and as it writes them, so
 * that code written for the whole API compiles and links (spec section 10). Each call answers
 * ERR_SDK_INTERFACE_NOT_SUPPORT (7013) through its callback, on the worker thread; each setter
 * accepts its callback, which is never called (src/api/not_here_friendship.c). docs/vendor.md says,
 * per function, whether it is planned locally or what of Tencent's cloud it needs. */
typedef void (*TIMOfficialAccountSubscribedCallback)(const char* json_official_account_info, const void* user_data);
typedef void (*TIMOfficialAccountUnsubscribedCallback)(const char* official_account_id, const void* user_data);
typedef void (*TIMOfficialAccountDeletedCallback)(const char* official_account_id, const void* user_data);
typedef void (*TIMOfficialAccountInfoChangedCallback)(const char* json_official_account_info, const void* user_data);
typedef void (*TIMMyFollowingListChangedCallback)(const char* json_user_info_list, bool is_add, const void* user_data);
typedef void (*TIMMyFollowersListChangedCallback)(const char* json_user_info_list, bool is_add, const void* user_data);
typedef void (*TIMMutualFollowersListChangedCallback)(const char* json_user_info_list, bool is_add, const void* user_data);

TIM_API void TIMSetOfficialAccountSubscribedCallback(TIMOfficialAccountSubscribedCallback cb, const void* user_data);
TIM_API void TIMSetOfficialAccountUnsubscribedCallback(TIMOfficialAccountUnsubscribedCallback cb, const void *user_data);
TIM_API void TIMSetOfficialAccountDeletedCallback(TIMOfficialAccountDeletedCallback cb, const void *user_data);
TIM_API void TIMSetOfficialAccountInfoChangedCallback(TIMOfficialAccountInfoChangedCallback cb, const void *user_data);
TIM_API void TIMSetMyFollowingListChangedCallback(TIMMyFollowingListChangedCallback cb, const void *user_data);
TIM_API void TIMSetMyFollowersListChangedCallback(TIMMyFollowersListChangedCallback cb, const void *user_data);
TIM_API void TIMSetMutualFollowersListChangedCallback(TIMMutualFollowersListChangedCallback cb, const void *user_data);
TIM_API int TIMSubscribeOfficialAccount(const char* official_account_id, TIMCommCallback cb, const void* user_data);
TIM_API int TIMUnsubscribeOfficialAccount(const char* unsubscribe_official_account_id, TIMCommCallback cb, const void* user_data);
TIM_API int TIMGetOfficialAccountsInfo(const char* json_official_account_id_list, TIMCommCallback cb, const void* user_data);
TIM_API int TIMFollowUser(const char* json_user_id_list, TIMCommCallback cb, const void* user_data);
TIM_API int TIMUnfollowUser(const char* json_user_id_list, TIMCommCallback cb, const void* user_data);
TIM_API int TIMGetMyFollowingList(const char* next_cursor, TIMCommCallback cb, const void* user_data);
TIM_API int TIMGetMyFollowersList(const char* next_cursor, TIMCommCallback cb, const void* user_data);
TIM_API int TIMGetMutualFollowersList(const char* next_cursor, TIMCommCallback cb, const void* user_data);
TIM_API int TIMGetUserFollowInfo(const char* json_user_id_list, TIMCommCallback cb, const void* user_data);
TIM_API int  TIMCheckFollowType(const char* json_user_id_list, TIMCommCallback cb, const void* user_data);

#ifdef __cplusplus
}
#endif

#endif  /* TIMCONV_TIM_FRIENDSHIP_MANAGER_H_ */
