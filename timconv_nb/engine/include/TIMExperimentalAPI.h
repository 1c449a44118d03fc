/* The vendor's experimental API (its TIMExperimentalAPI.h, 8.0.5906): the one function, and the
 * keys of the operations the local engine implements. The vendor's own wrappers (the
 * im_electron_sdk package) call it before TIMInit to name their UI platform, and to write their
 * log lines into the SDK's log. */
#ifndef TIMCONV_TIM_EXPERIMENTAL_API_H_
#define TIMCONV_TIM_EXPERIMENTAL_API_H_

#include "TIMCloudComm.h"

#ifdef __cplusplus
extern "C" {
#endif

/* 3.1 Runs one experimental operation named by the request's kTIMRequestInternalOperation.
 * Locally: kTIMInternalOperationSetUIPlatform (accepted; the platform is only logged) and
 * kTIMInternalOperationWriteLog (one line into the engine's log, at the given TIMLogLevel);
 * any other operation calls back ERR_SDK_INTERFACE_NOT_SUPPORT. Works before TIMInit too: the
 * callback then runs before the call returns (no worker thread exists yet). */
TIM_API int callExperimentalAPI(const char* json_param, TIMCommCallback cb, const void* user_data);

/* 4.1 TIMInternalOperation: the operations implemented locally. */
static const char* kTIMInternalOperationSetUIPlatform TIM_KEY_ATTR = "internal_operation_set_ui_platform";
static const char* kTIMInternalOperationWriteLog TIM_KEY_ATTR = "internal_operation_write_log";

/* 4.x Request: string, the operation. */
static const char* kTIMRequestInternalOperation TIM_KEY_ATTR = "request_internal_operation";
/* uint32, the UI platform (kTIMInternalOperationSetUIPlatform). */
static const char* kTIMRequestSetUIPlatformParam TIM_KEY_ATTR = "request_set_ui_platform_param";
/* int TIMLogLevel, and string, the line (kTIMInternalOperationWriteLog). */
static const char* kTIMRequestWriteLogLogLevelParam TIM_KEY_ATTR = "request_write_log_log_level_param";
static const char* kTIMRequestWriteLogLogContentParam TIM_KEY_ATTR = "request_write_log_log_content_param";

/* ---- Not implemented by the local engine (yet) ----
 * The rest of the vendor's declarations in this header, in its order and as it writes them, so
 * that code written for the whole API compiles and links (spec section 10). Each call answers
 * ERR_SDK_INTERFACE_NOT_SUPPORT (7013) through its callback, on the worker thread; each setter
 * accepts its callback, which is never called (src/api/not_here_experimental.c). docs/vendor.md says,
 * per function, whether it is planned locally or what of Tencent's cloud it needs. */
typedef void (*TIMExperimentalNotifyCallback)(const char* key, const char* data, const void* user_data);

TIM_API void TIMSetExperimentalNotifyCallback(TIMExperimentalNotifyCallback cb, const void *user_data);

#ifdef __cplusplus
}
#endif

#endif  /* TIMCONV_TIM_EXPERIMENTAL_API_H_ */
