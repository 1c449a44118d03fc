/* Lifecycle, login and logging: the part of the vendor SDK's TIMManager.h that the local
 * engine implements. */
#ifndef TIMCONV_TIM_MANAGER_H_
#define TIMCONV_TIM_MANAGER_H_

#include "TIMCloudDef.h"

#ifdef __cplusplus
extern "C" {
#endif

/* 1.1 The state of the SDK's connection to its server. */
enum TIMNetworkStatus {
    kTIMConnected,
    kTIMDisconnected,
    kTIMConnecting,
    kTIMConnectFailed,
};

enum TIMLoginStatus {
    kTIMLoginStatus_Logined = 1,
    kTIMLoginStatus_Logining = 2,
    kTIMLoginStatus_UnLogined = 3,
    kTIMLoginStatus_Logouting = 4,
};

enum TIMLogLevel {
    kTIMLog_Off,
    kTIMLog_Test,
    kTIMLog_Verbose,
    kTIMLog_Debug,
    kTIMLog_Info,
    kTIMLog_Warn,
    kTIMLog_Error,
    kTIMLog_Assert,
};

/* 1.4 A user's status (vendor TIMManager.h 79-89): online while some process of the app holds the
 * user's login, offline once none does; UnLogined for a user who logged out or never logged in. */
enum TIMUserStatusType {
    kTIMUserStatusType_Unkown = 0,
    kTIMUserStatusType_Online = 1,
    kTIMUserStatusType_Offline = 2,
    kTIMUserStatusType_UnLogined = 3,
};

/* 1.5 Gender (vendor 91-99). */
enum TIMGenderType {
    kTIMGenderType_Unknown,
    kTIMGenderType_Male,
    kTIMGenderType_Female,
};

/* 1.6 Who may add the user as a friend (vendor 101-111). */
enum TIMProfileAddPermission {
    kTIMProfileAddPermission_Unknown,
    kTIMProfileAddPermission_AllowAny,
    kTIMProfileAddPermission_NeedConfirm,
    kTIMProfileAddPermission_DenyAny,
};

/* 1.7 The kind of a profile change (vendor 113-119). */
enum TIMProfileChangeType {
    kTIMProfileChange_None,
    kTIMProfileChange_Profile,
};

#ifndef __cplusplus
typedef enum TIMNetworkStatus TIMNetworkStatus;
typedef enum TIMLoginStatus TIMLoginStatus;
typedef enum TIMLogLevel TIMLogLevel;
typedef enum TIMUserStatusType TIMUserStatusType;
typedef enum TIMGenderType TIMGenderType;
typedef enum TIMProfileAddPermission TIMProfileAddPermission;
typedef enum TIMProfileChangeType TIMProfileChangeType;
#endif

/* Receives the engine's log lines (Info and above). Runs on the engine's worker thread. */
typedef void (*TIMLogCallback)(enum TIMLogLevel level, const char* log, const void* user_data);

/* Sets (or, with NULL, clears) the log callback. May be called before TIMInit. */
TIM_API void TIMSetLogCallback(TIMLogCallback cb, const void* user_data);

/* 2.1 The SDK's connection to its server changed (vendor 221-224: TIMInit connects; the status is
 * not the device's network): status, with code ERR_SUCC (or the failure's code and desc, for
 * kTIMConnectFailed). On the local engine the server is the data folder on this machine: TIMInit
 * connects at once, announcing kTIMConnecting then kTIMConnected on the worker thread before any
 * call's callback; nothing else changes the connection (logins do not; after TIMUninit no
 * callback runs). Set it before TIMInit to hear them. */
typedef void (*TIMNetworkStatusListenerCallback)(enum TIMNetworkStatus status, int32_t code, const char* desc, const void* user_data);

/* 3.1 Sets the network status callback (NULL removes it). May be called before TIMInit. */
TIM_API void TIMSetNetworkStatusListenerCallback(TIMNetworkStatusListenerCallback cb, const void* user_data);

/* 2.2 The logged-in user was sent offline: the same user logged in elsewhere (another process of
 * the same app, on the local engine). Runs on the engine's worker thread. */
typedef void (*TIMKickedOfflineCallback)(const void* user_data);

/* 3.2 Sets the kicked-offline callback (NULL removes it). The user is then logged out here
 * (TIMGetLoginStatus: kTIMLoginStatus_UnLogined); logging in again sends the other login offline
 * in turn (TIMManager.h 238-239). */
TIM_API void TIMSetKickedOfflineCallback(TIMKickedOfflineCallback cb, const void* user_data);

/* 2.4 The logged-in user's own profile changed (json_user_profile: a UserProfile): after
 * TIMProfileModifySelfUserProfile, in the process that made it, before the call's callback; in
 * another process logged in as the same user (the vendor's other devices), when it next looks
 * (within 100 ms). */
typedef void (*TIMSelfInfoUpdatedCallback)(const char* json_user_profile, const void* user_data);

/* 2.5 Users' statuses changed (json_user_status_array: TIMUserStatus objects; vendor 270-277): a
 * subscribed user came online, went offline or logged out, or changed their custom status (within
 * 100 ms, in every process of the subscriber); also the user's own custom status, set by
 * TIMSetSelfStatus, in the process that set it. */
typedef void (*TIMUserStatusChangedCallback)(const char* json_user_status_array, const void* user_data);

/* 2.6 Subscribed users' profiles changed (json_user_info_array: UserProfile objects): only users
 * subscribed with TIMSubscribeUserInfo (vendor 287), announced within 100 ms of the
 * change by every process whose user subscribed to them. */
typedef void (*TIMUserInfoChangedCallback)(const char* json_user_info_array, const void* user_data);

/* 3.4 Sets the own-profile callback (NULL removes it). */
TIM_API void TIMSetSelfInfoUpdatedCallback(TIMSelfInfoUpdatedCallback cb, const void* user_data);

/* 3.5 Sets the user status callback (NULL removes it). */
TIM_API void TIMSetUserStatusChangedCallback(TIMUserStatusChangedCallback cb, const void* user_data);

/* 3.6 Sets the subscribed users' profile callback (NULL removes it). */
TIM_API void TIMSetUserInfoChangedCallback(TIMUserInfoChangedCallback cb, const void *user_data);

/* Starts the engine. json_sdk_config may be NULL or "": keys sdk_config_config_file_path (the
 * data root, default the current directory) and sdk_config_log_file_path (a folder that gets a
 * log file). sdk_app_id 0 -> TIM_ERR_PARAM. A second TIMInit while initialised changes
 * nothing and returns TIM_SUCC. */
TIM_API int TIMInit(uint64_t sdk_app_id, const char* json_sdk_config);

/* Stops the engine. Accepted calls not yet executed get their callback with
 * ERR_SDK_NOT_INITIALIZED; when it returns no callback is running or will run. Refused with
 * TIM_ERR_PARAM from inside a callback, TIM_ERR_SDKUNINIT when not initialised. */
TIM_API int TIMUninit(void);

/* A static string naming the engine and its version. */
TIM_API const char* TIMGetSDKVersion(void);

/* Seconds since the epoch. */
TIM_API uint64_t TIMGetServerTime(void);

/* Logs user_id in (1-127 bytes of UTF-8), opening its store; another user logged in is logged
 * out first. user_sig must not be NULL. A login while another is in progress calls back with
 * ERR_SDK_ACCOUNT_LOGIN_IN_PROCESS. */
TIM_API int TIMLogin(const char* user_id, const char* user_sig, TIMCommCallback cb, const void* user_data);

/* Logs the current user out (succeeds with nobody logged in). */
TIM_API int TIMLogout(TIMCommCallback cb, const void* user_data);

/* Copies the logged-in user's id, NUL-terminated, into a buffer of at least 128 bytes.
 * TIM_ERR_NOTLOGIN until the login callback has fired. */
TIM_API int TIMGetLoginUserID(char* user_id_buffer);

TIM_API TIMLoginStatus TIMGetLoginStatus(void);

/* 6.1 Profiles of users (vendor 503-528): a FriendShipGetProfileListParam whose
 * friendship_getprofilelist_param_identifier_array names 1 to 100 users; the callback's JSON is a
 * UserProfile array in the order asked. Anyone's profile, one's own included; a user who never set
 * one has the defaults (empty strings, 0: kTIMGenderType_Unknown, kTIMProfileAddPermission_Unknown).
 * Profiles are kept in the data root, shared by every process of the app. */
TIM_API int TIMProfileGetUserProfileList(const char* json_get_user_profile_list_param, TIMCommCallback cb, const void* user_data);

/* 6.2 Changes one's own profile (vendor 530-560): a UserProfileItem object with one or more items.
 * Strings at most 500 bytes (40601), numbers uint32 (40605 out of range), gender and add permission
 * values of their enums (40605; add permission 1-3), a value of the wrong JSON type 40610, nothing
 * to change 40001; custom keys 1 to 8 ASCII letters with or without the Tag_Profile_Custom_ prefix
 * (9001), values at most 500 bytes (40601). Then TIMSelfInfoUpdatedCallback, and the C2C
 * conversations others hold with the user follow the new nickname and face. */
TIM_API int TIMProfileModifySelfUserProfile(const char* json_modify_self_user_profile_param, TIMCommCallback cb, const void* user_data);

/* 6.3 Subscribes to users' profile changes (vendor 562-586): a JSON array of user ids (one's own
 * is left out: its changes come without one, vendor 573); at most 200 subscriptions, the first
 * subscribed dropped past that (vendor 572); kept with the user in the data root until
 * unsubscribed, as the vendor's server keeps them. */
TIM_API int TIMSubscribeUserInfo(const char *json_user_id_list, TIMCommCallback cb, const void* user_data);

/* 6.4 Unsubscribes (vendor 588-609): a JSON array of user ids; NULL, "" or [] every subscription
 * (vendor 597). */
TIM_API int TIMUnsubscribeUserInfo(const char *json_user_id_list, TIMCommCallback cb, const void* user_data);

/* 6.5 Users' statuses (vendor 611-632): a JSON array of user ids (one's own included,
 * vendor 620); the callback's JSON is a TIMUserStatus array in the order asked: online while a
 * process of the app holds the user's login, offline when the user logged in and no process holds
 * it (it died, or was uninitialised), not logged in after TIMLogout or before any login. */
TIM_API int TIMGetUserStatus(const char *json_identifier_array, TIMCommCallback cb, const void* user_data);

/* 6.6 Sets one's own custom status (vendor 634-654): a TIMUserStatus object whose
 * user_status_custom_status is a string of at most 100 bytes (else ERR_INVALID_PARAMETERS); then
 * TIMUserStatusChangedCallback here, and in the processes of the users who subscribed. */
TIM_API int TIMSetSelfStatus(const char *json_current_user_status, TIMCommCallback cb, const void* user_data);

/* 6.7 Subscribes to users' statuses (vendor 656-680): a JSON array of user ids (one's own is left
 * out, vendor 667); at most 200, the first subscribed dropped past that (668); kept with the user. */
TIM_API int TIMSubscribeUserStatus(const char *json_identifier_array, TIMCommCallback cb, const void* user_data);

/* 6.8 Unsubscribes (vendor 682-703): NULL, "" or [] every subscription (691). */
TIM_API int TIMUnsubscribeUserStatus(const char *json_identifier_array, TIMCommCallback cb, const void* user_data);

static const char* kTIMSdkConfigConfigFilePath TIM_KEY_ATTR = "sdk_config_config_file_path";
static const char* kTIMSdkConfigLogFilePath TIM_KEY_ATTR = "sdk_config_log_file_path";
/* int64: the main thread's id, for the platforms that call back on it (vendor 721; Linux does not). */
static const char* kTIMSdkConfigMainThreadID TIM_KEY_ATTR = "sdk_config_main_thread_id";

/* 8.1 FriendShipGetProfileListParam: array string, the users whose profiles to get. */
static const char* kTIMFriendShipGetProfileListParamIdentifierArray TIM_KEY_ATTR = "friendship_getprofilelist_param_identifier_array";

/* 8.2 TIMUserStatus */
static const char* kTIMUserStatusIdentifier TIM_KEY_ATTR = "user_status_identifier";
static const char* kTIMUserStatusStatusType TIM_KEY_ATTR = "user_status_status_type";
static const char* kTIMUserStatusCustomStatus TIM_KEY_ATTR = "user_status_custom_status";
static const char* kTIMUserStatusOnlineDevices TIM_KEY_ATTR = "user_status_online_devices";

/* 8.3 UserProfile */
static const char* kTIMUserProfileIdentifier TIM_KEY_ATTR = "user_profile_identifier";
static const char* kTIMUserProfileNickName TIM_KEY_ATTR = "user_profile_nick_name";
static const char* kTIMUserProfileGender TIM_KEY_ATTR = "user_profile_gender";
static const char* kTIMUserProfileFaceUrl TIM_KEY_ATTR = "user_profile_face_url";
static const char* kTIMUserProfileFriendRemark TIM_KEY_ATTR = "user_profile_friend_remark";
static const char* kTIMUserProfileSelfSignature TIM_KEY_ATTR = "user_profile_self_signature";
static const char* kTIMUserProfileAddPermission TIM_KEY_ATTR = "user_profile_add_permission";
static const char* kTIMUserProfileLocation TIM_KEY_ATTR = "user_profile_location";
static const char* kTIMUserProfileLanguage TIM_KEY_ATTR = "user_profile_language";
static const char* kTIMUserProfileBirthDay TIM_KEY_ATTR = "user_profile_birthday";
static const char* kTIMUserProfileLevel TIM_KEY_ATTR = "user_profile_level";
static const char* kTIMUserProfileRole TIM_KEY_ATTR = "user_profile_role";
static const char* kTIMUserProfileCustomStringArray TIM_KEY_ATTR = "user_profile_custom_string_array";

/* 8.4 UserProfileItem: what TIMProfileModifySelfUserProfile changes. */
static const char* kTIMUserProfileItemNickName TIM_KEY_ATTR = "user_profile_item_nick_name";
static const char* kTIMUserProfileItemGender TIM_KEY_ATTR = "user_profile_item_gender";
static const char* kTIMUserProfileItemFaceUrl TIM_KEY_ATTR = "user_profile_item_face_url";
static const char* kTIMUserProfileItemSelfSignature TIM_KEY_ATTR = "user_profile_item_self_signature";
static const char* kTIMUserProfileItemAddPermission TIM_KEY_ATTR = "user_profile_item_add_permission";
static const char* kTIMUserProfileItemLocation TIM_KEY_ATTR = "user_profile_item_location";
static const char* kTIMUserProfileItemLanguage TIM_KEY_ATTR = "user_profile_item_language";
static const char* kTIMUserProfileItemBirthDay TIM_KEY_ATTR = "user_profile_item_birthday";
static const char* kTIMUserProfileItemLevel TIM_KEY_ATTR = "user_profile_item_level";
static const char* kTIMUserProfileItemRole TIM_KEY_ATTR = "user_profile_item_role";
static const char* kTIMUserProfileItemCustomStringArray TIM_KEY_ATTR = "user_profile_item_custom_string_array";

/* 8.5 UserProfileCustomStringInfo: a custom field (its key with the Tag_Profile_Custom_ prefix). */
static const char* kTIMUserProfileCustomStringInfoKey TIM_KEY_ATTR = "user_profile_custom_string_info_key";
static const char* kTIMUserProfileCustomStringInfoValue TIM_KEY_ATTR = "user_profile_custom_string_info_value";

/* 8.6 ProfileChangeElem */
static const char* kTIMProfileChangeElemChangeType TIM_KEY_ATTR = "profile_change_elem_change_type";
static const char* kTIMProfileChangeElemFromIdentifier TIM_KEY_ATTR = "profile_change_elem_from_identifier";
static const char* kTIMProfileChangeElemUserProfileItem TIM_KEY_ATTR = "profile_change_elem_user_profile_item";
/* ---- Not implemented by the local engine (yet) ----
 * The rest of the vendor's declarations in this header, in its order and as it writes them, so
 * that code written for the whole API compiles and links (spec section 10). Each call answers
 * ERR_SDK_INTERFACE_NOT_SUPPORT (7013) through its callback, on the worker thread; each setter
 * accepts its callback, which is never called (src/api/not_here_manager.c). docs/vendor.md says,
 * per function, whether it is planned locally or what of Tencent's cloud it needs. */
typedef void (*TIMUserSigExpiredCallback)(const void* user_data);

TIM_API void TIMSetUserSigExpiredCallback(TIMUserSigExpiredCallback cb, const void* user_data);
TIM_API int TIMSetConfig(const char* json_config, TIMCommCallback cb, const void* user_data);

#ifdef __cplusplus
}
#endif

#endif  /* TIMCONV_TIM_MANAGER_H_ */
