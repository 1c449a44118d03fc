/* Extensions of the timconv_nb local engine: not part of the vendor SDK's API (hence the
 * timconv_ prefix), absent from libImSDK.so. Include explicitly; TIMCloud.h does not. */
#ifndef TIMCONV_EXT_H_
#define TIMCONV_EXT_H_

#include "TIMCloudComm.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Makes the engine's clock read epoch_seconds (active times, message times, draft edit times,
 * TIMGetServerTime) until set again; 0 returns to the real clock. For reproducible notebooks
 * and workloads spread over time. */
TIM_API void timconv_set_clock(uint64_t epoch_seconds);

#ifdef __cplusplus
}
#endif

#endif  /* TIMCONV_EXT_H_ */
