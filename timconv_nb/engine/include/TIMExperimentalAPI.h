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

#ifdef __cplusplus
}
#endif

#endif  /* TIMCONV_TIM_EXPERIMENTAL_API_H_ */
