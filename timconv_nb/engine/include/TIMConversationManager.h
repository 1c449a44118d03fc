/* Conversations: the part of the vendor SDK's TIMConversationManager.h that the local engine
 * implements, with the vendor's names, signatures, enum values and JSON keys.
 *
 * Every call validates its arguments synchronously (order: not initialised, not logged in,
 * bad id, bad conversation type, missing or over-size JSON, bad JSON, then -- for the
 * synchronous draft calls -- unknown conversation). Only on TIM_SUCC is the callback invoked,
 * exactly once, on the engine's worker thread, in the order the calls were accepted. */
#ifndef TIMCONV_TIM_CONVERSATION_MANAGER_H_
#define TIMCONV_TIM_CONVERSATION_MANAGER_H_

#include "TIMCloudDef.h"

#ifdef __cplusplus
extern "C" {
#endif

enum TIMConvEvent {
    kTIMConvEvent_Add,
    kTIMConvEvent_Del,
    kTIMConvEvent_Update,
    kTIMConvEvent_Start,
    kTIMConvEvent_Finish,
};

enum TIMConversationMarkType {
    kTIMConversationMarkTypeStar = 0x1,
    kTIMConversationMarkTypeUnread = 0x1 << 1,
    kTIMConversationMarkTypeFold = 0x1 << 2,
    kTIMConversationMarkTypeHide = 0x1 << 3,
};

enum TIMGroupAtType {
    kTIMGroup_At_Me = 1,
    kTIMGroup_At_All,
    kTIMGroup_At_All_At_ME,
};

#ifndef __cplusplus
typedef enum TIMConvEvent TIMConvEvent;
typedef enum TIMConversationMarkType TIMConversationMarkType;
typedef enum TIMGroupAtType TIMGroupAtType;
#endif

/* Conversation events; json_conv_array is an array of the changed conversations' ConvInfo.
 * Runs on the worker thread, before the callback of the call that caused it. */
typedef void (*TIMConvEventCallback)(enum TIMConvEvent conv_event, const char* json_conv_array, const void* user_data);

/* The total of unread messages changed (conversations set not to notify do not count). */
typedef void (*TIMConvTotalUnreadMessageCountChangedCallback)(int total_unread_count, const void* user_data);

/* The unread total of the conversations passing a subscribed filter changed. filter: the
 * subscribed ConversationListFilter's conv type, mark type and conversation group. */
typedef void (*TIMConvTotalUnreadMessageCountChangedByFilterCallback)(const char* filter, int total_unread_count, const void* user_data);

/* Conversation groups changed. conversation_array: JSON array of the ConvInfo concerned.
 * reason (removed): 0, the application removed them (the local engine never evicts). */
typedef void (*TIMConvConversationGroupCreatedCallback)(const char* group_name, const char* conversation_array, const void* user_data);
typedef void (*TIMConvConversationGroupDeletedCallback)(const char* group_name, const void* user_data);
typedef void (*TIMConvConversationGroupNameChangedCallback)(const char* old_name, const char* new_name, const void* user_data);
typedef void (*TIMConvConversationsAddedToGroupCallback)(const char* group_name, const char* conversation_array, const void* user_data);
typedef void (*TIMConvConversationsDeletedFromGroupCallback)(const char* group_name, const char* conversation_array, uint32_t reason, const void* user_data);

/* Sets (or, with NULL, clears) the conversation event callback. */
TIM_API void TIMSetConvEventCallback(TIMConvEventCallback cb, const void* user_data);

/* Sets (or, with NULL, clears) the callback told when the total unread count changes. */
TIM_API void TIMSetConvTotalUnreadMessageCountChangedCallback(TIMConvTotalUnreadMessageCountChangedCallback cb, const void* user_data);

/* Set (or, with NULL, clear) the callbacks above. Like every callback they run on the engine's
 * thread, after the change is stored and before the callback of the call that made it. */
TIM_API void TIMSetConvUnreadMessageCountChangedByFilterCallback(TIMConvTotalUnreadMessageCountChangedByFilterCallback cb, const void* user_data);
TIM_API void TIMSetConvConversationGroupCreatedCallback(TIMConvConversationGroupCreatedCallback cb, const void* user_data);
TIM_API void TIMSetConvConversationGroupDeletedCallback(TIMConvConversationGroupDeletedCallback cb, const void* user_data);
TIM_API void TIMSetConvConversationGroupNameChangedCallback(TIMConvConversationGroupNameChangedCallback cb, const void* user_data);
TIM_API void TIMSetConvConversationsAddedToGroupCallback(TIMConvConversationsAddedToGroupCallback cb, const void* user_data);
TIM_API void TIMSetConvConversationsDeletedFromGroupCallback(TIMConvConversationsDeletedFromGroupCallback cb, const void* user_data);

/* Callback JSON: array of ConvInfo, pinned first, then most recently active first. */
TIM_API int TIMConvGetConvList(TIMCommCallback cb, const void* user_data);

/* json_get_conv_list_param: array of {get_conversation_list_param_conv_id,
 * get_conversation_list_param_conv_type}. Callback JSON: array of the ConvInfo found, in the
 * order asked. */
TIM_API int TIMConvGetConvInfo(const char* json_get_conv_list_param, TIMCommCallback cb, const void* user_data);

/* Pages of the list, pinned first then most recently active, keeping those that pass `filter`
 * (a ConversationListFilter; NULL or "" keeps all). next_seq 0 starts at the top; count >= 1.
 * Callback JSON: a ConversationListResult (conv list, next_seq for the next page,
 * is_finished). */
TIM_API int TIMConvGetConversationListByFilter(const char* filter, uint64_t next_seq, uint32_t count, TIMCommCallback cb, const void* user_data);

/* Removes the conversation and its messages (event Del). Unknown: callback 6004. */
TIM_API int TIMConvDelete(const char* conv_id, enum TIMConvType conv_type, TIMCommCallback cb, const void* user_data);

/* Deletes up to 100 conversations named c2c_<id> / group_<id> (more: TIM_ERR_PARAM), with
 * their messages when clear_message. Callback JSON: one ConversationOperationResult per id, in
 * order (result code 0, 6004 unknown, or 6017 not a conversation id); one Del event lists those
 * deleted. */
TIM_API int TIMConvDeleteConversationList(const char* conversation_id_array, bool clear_message, TIMCommCallback cb, const void* user_data);

/* Synchronous. json_draft_param: {draft_msg: {message_elem_array: [...]}, draft_user_define,
 * draft_edit_time (filled with the current time when absent)}. Event Update. */
TIM_API int TIMConvSetDraft(const char* conv_id, enum TIMConvType conv_type, const char* json_draft_param);

/* Synchronous. Removes the draft (no draft: still TIM_SUCC). Event Update. */
TIM_API int TIMConvCancelDraft(const char* conv_id, enum TIMConvType conv_type);

/* Sets (enable_mark) or clears mark_type (a TIMConversationMarkType bit, or a custom bit) on up
 * to 100 conversations (more: callback 51006). Callback JSON: one ConversationOperationResult per
 * id; one Update event lists those changed. */
TIM_API int TIMConvMarkConversation(const char* conversation_id_array, uint64_t mark_type, bool enable_mark, TIMCommCallback cb, const void* user_data);

/* Creates conversation group group_name (1 to 32 bytes: longer, callback 51011; at most 20
 * groups: 51010) holding up to 100 conversations. Callback JSON: one
 * ConversationOperationResult per id; one Update event lists those added. */
TIM_API int TIMConvCreateConversationGroup(const char* group_name, const char* conversation_id_array, TIMCommCallback cb, const void* user_data);

/* Adds up to 100 conversations to an existing conversation group (unknown group: callback
 * 51009). Results and event as for TIMConvCreateConversationGroup. */
TIM_API int TIMConvAddConversationsToGroup(const char* group_name, const char* conversation_id_array, TIMCommCallback cb, const void* user_data);

/* Sets conv_custom_data (UTF-8, at most 256 bytes: longer, TIM_ERR_PARAM; NULL clears it) on up
 * to 100 conversations (more: callback 51006). Results and event as for TIMConvMarkConversation. */
TIM_API int TIMConvSetConversationCustomData(const char* conversation_id_array, const char* custom_data, TIMCommCallback cb, const void* user_data);

/* Callback JSON: array of the conversation group names, in name order. */
TIM_API int TIMConvGetConversationGroupList(TIMCommCallback cb, const void* user_data);

/* Deletes a conversation group (unknown: callback 51009); its conversations stay and leave it
 * (Update event), then the group-deleted callback. */
TIM_API int TIMConvDeleteConversationGroup(const char* group_name, TIMCommCallback cb, const void* user_data);

/* Renames a conversation group (unknown: 51009; new name taken: 6017; over 32 bytes: 51011). */
TIM_API int TIMConvRenameConversationGroup(const char* old_name, const char* new_name, TIMCommCallback cb, const void* user_data);

/* Removes up to 100 conversations from a conversation group (unknown group: 51009). A
 * conversation not in the group succeeds unchanged. Results and events as for adding. */
TIM_API int TIMConvDeleteConversationsFromGroup(const char* group_name, const char* conversation_id_array, TIMCommCallback cb, const void* user_data);

/* Pins or unpins (event Update). Unknown: callback 6004. */
TIM_API int TIMConvPinConversation(const char* conv_id, TIMConvType conv_type, bool is_pinned, TIMCommCallback cb, const void* user_data);

/* Callback JSON: {conv_get_total_unread_message_count_result_unread_count: n}. */
TIM_API int TIMConvGetTotalUnreadMessageCount(TIMCommCallback cb, const void* user_data);

/* The unread total over the conversations passing `filter` (a ConversationListFilter; NULL or
 * "" counts all; has_unread_count does not change a sum). Callback JSON as above. */
TIM_API int TIMConvGetUnreadMessageCountByFilter(const char* filter, TIMCommCallback cb, const void* user_data);

/* Synchronous. Watches (or stops watching) the unread total of `filter`; filters are told apart by
 * conv type, mark type and conversation group. At most 32 at once (more: TIM_ERR_PARAM).
 * Unsubscribing a filter not subscribed is TIM_SUCC. */
TIM_API int TIMConvSubscribeUnreadMessageCountByFilter(const char* filter);
TIM_API int TIMConvUnsubscribeUnreadMessageCountByFilter(const char* filter);

/* Marks read the messages of one conversation ("c2c_<id>", "group_<id>"), of every c2c or group
 * conversation ("c2c", "group"), or of all ("" or NULL): for c2c up to clean_timestamp
 * (seconds), for groups up to clean_sequence (message seq); 0 means all. Update events list the
 * conversations changed. Unknown conversation: callback 6004. */
TIM_API int TIMConvCleanConversationUnreadMessageCount(const char* conversation_id, uint64_t clean_timestamp, uint64_t clean_sequence, TIMCommCallback cb, const void* user_data);

/* Creates the conversation if it is new (event Add), or gets it. Callback JSON: one ConvInfo. */
TIM_API int TIMConvCreate(const char* conv_id, enum TIMConvType conv_type, TIMCommCallback cb, const void* user_data);

/* Draft JSON keys */
static const char* kTIMDraftMsg TIM_KEY_ATTR = "draft_msg";
static const char* kTIMDraftUserDefine TIM_KEY_ATTR = "draft_user_define";
static const char* kTIMDraftEditTime TIM_KEY_ATTR = "draft_edit_time";

/* GroupAtInfo JSON keys */
static const char* kTIMGroupAtInfoSeq TIM_KEY_ATTR = "conv_group_at_info_seq";
static const char* kTIMGroupAtInfoAtType TIM_KEY_ATTR = "conv_group_at_info_at_type";

/* ConvInfo JSON keys */
static const char* kTIMConvId TIM_KEY_ATTR = "conv_id";
static const char* kTIMConvType TIM_KEY_ATTR = "conv_type";
static const char* kTIMConvOwner TIM_KEY_ATTR = "conv_owner";
static const char* kTIMConvFaceUrl TIM_KEY_ATTR = "conv_face_url";
static const char* kTIMConvUnReadNum TIM_KEY_ATTR = "conv_unread_num";
static const char* kTIMConvActiveTime TIM_KEY_ATTR = "conv_active_time";
static const char* kTIMConvIsHasLastMsg TIM_KEY_ATTR = "conv_is_has_lastmsg";
static const char* kTIMConvLastMsg TIM_KEY_ATTR = "conv_last_msg";
static const char* kTIMConvIsHasDraft TIM_KEY_ATTR = "conv_is_has_draft";
static const char* kTIMConvDraft TIM_KEY_ATTR = "conv_draft";
static const char* kTIMConvRecvOpt TIM_KEY_ATTR = "conv_recv_opt";
static const char* kTIMConvGroupType TIM_KEY_ATTR = "conv_group_type";
static const char* kTIMConvGroupAtInfoArray TIM_KEY_ATTR = "conv_group_at_info_array";
static const char* kTIMConvIsPinned TIM_KEY_ATTR = "conv_is_pinned";
static const char* kTIMConvShowName TIM_KEY_ATTR = "conv_show_name";
static const char* kTIMConvMarkArray TIM_KEY_ATTR = "conv_mark_array";
static const char* kTIMConvCustomData TIM_KEY_ATTR = "conv_custom_data";
static const char* kTIMConvConversationGroupArray TIM_KEY_ATTR = "conv_conversation_group_array";
/* uint64, read-only: the UTC time of the last message read, C2C conversations only (vendor 973). */
static const char* kTIMConvC2CReadTimestamp TIM_KEY_ATTR = "conv_c2c_read_timestamp";
/* uint64, read-only: the seq of the last group message read (vendor 975). */
static const char* kTIMConvGroupReadSequence TIM_KEY_ATTR = "conv_group_read_sequence";

/* ConversationListFilter JSON keys */
static const char* kTIMConversationListFilterConvType TIM_KEY_ATTR = "conversation_list_filter_conv_type";
static const char* kTIMConversationListFilterConversationGroup TIM_KEY_ATTR = "conversation_list_filter_conversation_group";
static const char* kTIMConversationListFilterMarkType TIM_KEY_ATTR = "conversation_list_filter_mark_type";
static const char* kTIMConversationListFilterHasUnreadCount TIM_KEY_ATTR = "conversation_list_filter_has_unread_count";
static const char* kTIMConversationListFilterHasGroupAtInfo TIM_KEY_ATTR = "conversation_list_filter_has_group_at_info";

/* ConversationListResult JSON keys (the vendor spells these without the leading k) */
static const char* TIMConversationListResultConvList TIM_KEY_ATTR = "conversation_list_result_conv_list";
static const char* TIMConversationListResultNextSeq TIM_KEY_ATTR = "conversation_list_result_next_seq";
static const char* TIMConversationListResultIsFinished TIM_KEY_ATTR = "conversation_list_result_is_finished";

/* GetConversationListParam JSON keys */
static const char* kTIMGetConversationListParamConvId TIM_KEY_ATTR = "get_conversation_list_param_conv_id";
static const char* kTIMGetConversationListParamConvType TIM_KEY_ATTR = "get_conversation_list_param_conv_type";

/* ConvGetTotalUnreadMessageCountResult JSON keys */
static const char* kTIMConvGetTotalUnreadMessageCountResultUnreadCount TIM_KEY_ATTR = "conv_get_total_unread_message_count_result_unread_count";

/* ConversationOperationResult JSON keys */
static const char* kTIMConversationOperationResultConversationID TIM_KEY_ATTR = "conversation_operation_result_conversation_id";
static const char* kTIMConversationOperationResultResultCode TIM_KEY_ATTR = "conversation_operation_result_result_code";
static const char* kTIMConversationOperationResultResultInfo TIM_KEY_ATTR = "conversation_operation_result_result_info";

#ifdef __cplusplus
}
#endif

#endif  /* TIMCONV_TIM_CONVERSATION_MANAGER_H_ */
