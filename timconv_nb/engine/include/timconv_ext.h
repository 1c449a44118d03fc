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
 * and workloads spread over time. TIMUninit returns to the real clock. */
TIM_API void timconv_set_clock(uint64_t epoch_seconds);

/* Scripted faults, for teaching failure on demand (none until added; TIMUninit removes them).
 *
 * The next `count` calls of `function` (its C name, e.g. "TIMConvCreate"; any call the engine
 * queues, drafts included) fail with `code`: a TIMResult below 0 is returned at once and nothing
 * is queued; a callback code above 0 (e.g. 6017, 6022) answers the call, in its turn, without
 * running it. TIM_SUCC, or TIM_ERR_PARAM for another name, count 0, code 0, or 16 rules already. */
TIM_API int timconv_fault_fail_next(const char* function, uint32_t count, int32_t code);

/* Holds back the events and callback of every call of `function` (NULL: of every call) by
 * `milliseconds`, at most 60,000 (more: TIM_ERR_PARAM); 0 removes the delay. */
TIM_API int timconv_fault_delay(const char* function, uint32_t milliseconds);

/* Drops the login as a lost session would: once the calls accepted before it have run, nobody is
 * logged in (TIMGetLoginStatus: kTIMLoginStatus_UnLogined). Later calls get TIM_ERR_NOTLOGIN,
 * calls already queued 6014. TIM_SUCC, or TIM_ERR_NOTLOGIN when nobody is logged in. */
TIM_API int timconv_fault_drop_login(void);

/* Removes every fault rule. */
TIM_API void timconv_fault_clear(void);

/* The version of the SQLite the engine carries and runs on (sqlite3_libversion of its own copy,
 * third_party/sqlite), e.g. "3.53.2", whatever SQLite the process has loaded besides. */
TIM_API const char* timconv_sqlite_version(void);

/* TIMConvGetConvList's list as columns, for building tables without a row object per
 * conversation: the callback's JSON is one object whose members are the ConvInfo keys conv_id,
 * conv_type, conv_show_name, conv_unread_num, conv_active_time, conv_is_pinned, conv_recv_opt,
 * conv_custom_data, conv_c2c_read_timestamp (null for a group), conv_group_read_sequence (null
 * for a C2C conversation), conv_mark_array, conv_conversation_group_array,
 * conv_group_at_info_array (those three null when empty), conv_draft and conv_last_msg (null
 * when there is none), each an array with one element per conversation, in TIMConvGetConvList's
 * order. Same admission and
 * codes as TIMConvGetConvList. */
TIM_API int timconv_conv_list_columns(TIMCommCallback cb, const void* user_data);

#ifdef __cplusplus
}
#endif

#endif  /* TIMCONV_EXT_H_ */
