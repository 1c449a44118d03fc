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

#ifndef __cplusplus
typedef enum TIMNetworkStatus TIMNetworkStatus;
typedef enum TIMLoginStatus TIMLoginStatus;
typedef enum TIMLogLevel TIMLogLevel;
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

static const char* kTIMSdkConfigConfigFilePath TIM_KEY_ATTR = "sdk_config_config_file_path";
static const char* kTIMSdkConfigLogFilePath TIM_KEY_ATTR = "sdk_config_log_file_path";
/* int64: the main thread's id, for the platforms that call back on it (vendor 721; Linux does not). */
static const char* kTIMSdkConfigMainThreadID TIM_KEY_ATTR = "sdk_config_main_thread_id";

/* ---- Not implemented by the local engine (yet) ----
 * The rest of the vendor's declarations in this header, in its order and as it writes them, so
 * that code written for the whole API compiles and links (spec section 10). Each call answers
 * ERR_SDK_INTERFACE_NOT_SUPPORT (7013) through its callback, on the worker thread; each setter
 * accepts its callback, which is never called (src/api/not_here_manager.c). docs/vendor.md says,
 * per function, whether it is planned locally or what of Tencent's cloud it needs. */
typedef void (*TIMUserSigExpiredCallback)(const void* user_data);
typedef void (*TIMSelfInfoUpdatedCallback)(const char* json_user_profile, const void* user_data);
typedef void (*TIMUserStatusChangedCallback)(const char* json_user_status_array, const void* user_data);
typedef void (*TIMUserInfoChangedCallback)(const char* json_user_info_array, const void* user_data);

TIM_API void TIMSetUserSigExpiredCallback(TIMUserSigExpiredCallback cb, const void* user_data);
TIM_API void TIMSetSelfInfoUpdatedCallback(TIMSelfInfoUpdatedCallback cb, const void* user_data);
TIM_API void TIMSetUserStatusChangedCallback(TIMUserStatusChangedCallback cb, const void* user_data);
TIM_API void TIMSetUserInfoChangedCallback(TIMUserInfoChangedCallback cb, const void *user_data);
TIM_API int TIMSetConfig(const char* json_config, TIMCommCallback cb, const void* user_data);
TIM_API int TIMProfileGetUserProfileList(const char* json_get_user_profile_list_param, TIMCommCallback cb, const void* user_data);
TIM_API int TIMProfileModifySelfUserProfile(const char* json_modify_self_user_profile_param, TIMCommCallback cb, const void* user_data);
TIM_API int TIMSubscribeUserInfo(const char *json_user_id_list, TIMCommCallback cb, const void* user_data);
TIM_API int TIMUnsubscribeUserInfo(const char *json_user_id_list, TIMCommCallback cb, const void* user_data);
TIM_API int TIMGetUserStatus(const char *json_identifier_array, TIMCommCallback cb, const void* user_data);
TIM_API int TIMSetSelfStatus(const char *json_current_user_status, TIMCommCallback cb, const void* user_data);
TIM_API int TIMSubscribeUserStatus(const char *json_identifier_array, TIMCommCallback cb, const void* user_data);
TIM_API int TIMUnsubscribeUserStatus(const char *json_identifier_array, TIMCommCallback cb, const void* user_data);

#ifdef __cplusplus
}
#endif

#endif  /* TIMCONV_TIM_MANAGER_H_ */
