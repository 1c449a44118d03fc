/* Types shared by every module: synchronous result codes, conversation types, the common
 * callback. Values are those of the vendor SDK's TIMCloudDef.h. */
#ifndef TIMCONV_TIM_CLOUD_DEF_H_
#define TIMCONV_TIM_CLOUD_DEF_H_

#include "TIMCloudComm.h"

/* Synchronous return value of every call. Only TIM_SUCC means the callback will run. */
enum TIMResult {
    TIM_SUCC = 0,           /* accepted */
    TIM_ERR_SDKUNINIT = -1, /* TIMInit has not succeeded (or TIMUninit ran) */
    TIM_ERR_NOTLOGIN = -2,  /* the call needs a logged-in user */
    TIM_ERR_JSON = -3,      /* JSON that does not parse, or has the wrong shape */
    TIM_ERR_PARAM = -4,     /* NULL, empty, over-long or non-UTF-8 argument */
    TIM_ERR_CONV = -5,      /* conversation type out of range, or unknown conversation */
    TIM_ERR_GROUP = -6,     /* invalid group */
};

enum TIMConvType {
    kTIMConv_Invalid,
    kTIMConv_C2C,
    kTIMConv_Group,
    kTIMConv_System, /* deprecated */
};

enum TIMReceiveMessageOpt {
    kTIMRecvMsgOpt_Receive = 0,
    kTIMRecvMsgOpt_Not_Receive,
    kTIMRecvMsgOpt_Not_Notify,
    kTIMRecvMsgOpt_Not_Notify_Except_At,
};

#ifndef __cplusplus
/* The vendor headers use the bare enum names, which only C++ accepts without these. */
typedef enum TIMResult TIMResult;
typedef enum TIMConvType TIMConvType;
typedef enum TIMReceiveMessageOpt TIMReceiveMessageOpt;
#endif

/* Result of an asynchronous call. code is ERR_SUCC (0) on success; desc is never NULL ("" on
 * success); json_params is the call's JSON result ("" when it has none). All strings are valid
 * only during the call. Runs on the engine's worker thread. */
typedef void (*TIMCommCallback)(int32_t code, const char* desc, const char* json_params, const void* user_data);

#endif  /* TIMCONV_TIM_CLOUD_DEF_H_ */
