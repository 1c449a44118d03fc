/* The functions of TIMOfflinePushManager.h the local engine does not implement (yet), in the vendor's order: one
 * line each (api/not_here.h says what they answer, and why each). */
#include "api/not_here.h"

NOT_HERE_CALL(TIMMsgSetOfflinePushToken, (const char *json_token, TIMCommCallback cb, const void* user_data), cb, CLOUD("offline push: a device token registered with Tencent's push service"))
NOT_HERE_CALL(TIMMsgDoBackground, (uint32_t unread_count, TIMCommCallback cb, const void* user_data), cb, CLOUD("offline push: the app's state, reported to Tencent's server for pushes and badges"))
NOT_HERE_CALL(TIMMsgDoForeground, (TIMCommCallback cb, const void* user_data), cb, CLOUD("offline push: the app's state, reported to Tencent's server for pushes and badges"))
