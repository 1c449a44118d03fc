/* The vendor SDK's TIMOfflinePushManager.h (8.0.5906): its functions, and the types they name.
 * Offline push: the device token, and the app's foreground or background state. */
#ifndef TIMCONV_TIM_OFFLINE_PUSH_MANAGER_H_
#define TIMCONV_TIM_OFFLINE_PUSH_MANAGER_H_

#include "TIMCloudDef.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Not implemented by the local engine (yet) ----
 * The vendor's declarations, in its order and as it writes them, so
 * that code written for the whole API compiles and links (spec section 10). Each call answers
 * ERR_SDK_INTERFACE_NOT_SUPPORT (7013) through its callback, on the worker thread; each setter
 * accepts its callback, which is never called (src/api/not_here_offline_push.c). docs/vendor.md says,
 * per function, whether it is planned locally or what of Tencent's cloud it needs. */
TIM_API int TIMMsgSetOfflinePushToken(const char *json_token, TIMCommCallback cb, const void* user_data);
TIM_API int TIMMsgDoBackground(uint32_t unread_count, TIMCommCallback cb, const void* user_data);
TIM_API int TIMMsgDoForeground(TIMCommCallback cb, const void* user_data);

#ifdef __cplusplus
}
#endif

#endif  /* TIMCONV_TIM_OFFLINE_PUSH_MANAGER_H_ */
