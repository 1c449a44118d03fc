/* The functions of TIMManager.h the local engine does not implement (yet), in the vendor's order: one
 * line each (api/not_here.h says what they answer, and why each). */
#include "api/not_here.h"

NOT_HERE_SETTER(TIMSetUserSigExpiredCallback, TIMUserSigExpiredCallback, NOT_YET("UserSigs: the engine checks their expiry at login"))
NOT_HERE_SETTER(TIMSetSelfInfoUpdatedCallback, TIMSelfInfoUpdatedCallback, NOT_YET("profiles"))
NOT_HERE_SETTER(TIMSetUserStatusChangedCallback, TIMUserStatusChangedCallback, NOT_YET("user status"))
NOT_HERE_SETTER(TIMSetUserInfoChangedCallback, TIMUserInfoChangedCallback, NOT_YET("profiles"))
NOT_HERE_CALL(TIMSetConfig, (const char* json_config, TIMCommCallback cb, const void* user_data), cb, NOT_YET("settings: the log level; its proxies have nothing to reach"))
NOT_HERE_CALL(TIMProfileGetUserProfileList, (const char* json_get_user_profile_list_param, TIMCommCallback cb, const void* user_data), cb, NOT_YET("profiles"))
NOT_HERE_CALL(TIMProfileModifySelfUserProfile, (const char* json_modify_self_user_profile_param, TIMCommCallback cb, const void* user_data), cb, NOT_YET("profiles"))
NOT_HERE_CALL(TIMSubscribeUserInfo, (const char *json_user_id_list, TIMCommCallback cb, const void* user_data), cb, NOT_YET("profiles"))
NOT_HERE_CALL(TIMUnsubscribeUserInfo, (const char *json_user_id_list, TIMCommCallback cb, const void* user_data), cb, NOT_YET("profiles"))
NOT_HERE_CALL(TIMGetUserStatus, (const char *json_identifier_array, TIMCommCallback cb, const void* user_data), cb, NOT_YET("user status"))
NOT_HERE_CALL(TIMSetSelfStatus, (const char *json_current_user_status, TIMCommCallback cb, const void* user_data), cb, NOT_YET("user status"))
NOT_HERE_CALL(TIMSubscribeUserStatus, (const char *json_identifier_array, TIMCommCallback cb, const void* user_data), cb, NOT_YET("user status"))
NOT_HERE_CALL(TIMUnsubscribeUserStatus, (const char *json_identifier_array, TIMCommCallback cb, const void* user_data), cb, NOT_YET("user status"))
