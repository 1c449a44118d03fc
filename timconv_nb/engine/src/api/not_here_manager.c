/* The functions of TIMManager.h the local engine does not implement (yet), in the vendor's order: one
 * line each (api/not_here.h says what they answer, and why each). */
#include "api/not_here.h"

NOT_HERE_SETTER(TIMSetUserSigExpiredCallback, TIMUserSigExpiredCallback, NOT_YET("UserSigs: the engine checks their expiry at login"))
NOT_HERE_CALL(TIMSetConfig, (const char* json_config, TIMCommCallback cb, const void* user_data), cb, NOT_YET("settings: the log level; its proxies have nothing to reach"))
