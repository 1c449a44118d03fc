/* Types shared by every module: synchronous result codes, conversation types, the common
 * callback. Values are those of the vendor SDK's TIMCloudDef.h. */
#ifndef TIMCONV_TIM_CLOUD_DEF_H_
#define TIMCONV_TIM_CLOUD_DEF_H_

#include "TIMCloudComm.h"

/* Synchronous return value of every call: X(name, value, meaning), one row per code, made into
 * enum TIMResult below and read by Python's timconv_nb/errors.py. Only TIM_SUCC means the
 * callback will run. The meanings are the vendor's (TIMCloudDef.h 17-33), saying what each means
 * for the local engine; each is one string literal or adjacent ones, without escapes. */
#define TIMCONV_RESULT_CODES(X)                                                                                   \
    X(TIM_SUCC, 0, "the call was accepted: its callback will run")                                                \
    X(TIM_ERR_SDKUNINIT, -1, "the SDK is not initialised (TIMInit has not succeeded, or TIMUninit ran)")         \
    X(TIM_ERR_NOTLOGIN, -2, "nobody is logged in")                                                                \
    X(TIM_ERR_JSON, -3, "the JSON argument does not parse or has the wrong shape")                                \
    X(TIM_ERR_PARAM, -4, "an argument is missing, empty, too long or not UTF-8")                                  \
    X(TIM_ERR_CONV, -5, "unknown conversation, or a conversation type other than C2C or Group")                   \
    X(TIM_ERR_GROUP, -6, "invalid group: its id is missing, empty, longer than 48 bytes or not UTF-8")

enum TIMResult {
#define TIMCONV_RESULT_CODE_ENUM(name, value, meaning) name = value,
    TIMCONV_RESULT_CODES(TIMCONV_RESULT_CODE_ENUM)
#undef TIMCONV_RESULT_CODE_ENUM
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
