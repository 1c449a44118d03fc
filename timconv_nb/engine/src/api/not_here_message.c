/* The functions of TIMMessageManager.h the local engine does not implement (yet), in the vendor's order: one
 * line each (api/not_here.h says what they answer, and why each). */
#include <stdlib.h>

#include "api/not_here.h"
#include "notify/engine_log.h"

NOT_HERE_SETTER(TIMSetMsgElemUploadProgressCallback, TIMMsgElemUploadProgressCallback, CLOUD("uploading media to Tencent's cloud storage"))
NOT_HERE_SETTER(TIMSetMsgReadedReceiptCallback, TIMMsgReadedReceiptCallback, NOT_YET("receipts"))
NOT_HERE_SETTER(TIMSetMsgExtensionsChangedCallback, TIMMsgExtensionsChangedCallback, NOT_YET("message extensions"))
NOT_HERE_SETTER(TIMSetMsgExtensionsDeletedCallback, TIMMsgExtensionsDeletedCallback, NOT_YET("message extensions"))
NOT_HERE_SETTER(TIMSetMsgReactionsChangedCallback, TIMMsgReactionsChangedCallback, NOT_YET("reactions"))
NOT_HERE_SETTER(TIMSetMsgAllMessageReceiveOptionCallback, TIMMsgAllMessageReceiveOptionCallback, NOT_YET("do-not-disturb"))
NOT_HERE_SETTER(TIMSetMsgGroupPinnedMessageChangedCallback, TIMMsgGroupPinnedMessageChangedCallback, NOT_YET("pins"))
NOT_HERE_CALL(TIMMsgCancelSend, (const char* conv_id, enum TIMConvType conv_type, const char* message_id, TIMCommCallback cb, const void* user_data), cb, NOT_YET("sending: a send not yet run could be cancelled"))
NOT_HERE_CALL(TIMMsgBatchSend, (const char* json_batch_send_param, TIMCommCallback cb, const void* user_data), cb, NOT_YET("sending to many users"))
NOT_HERE_CALL(TIMMsgDownloadElemToPath, (const char* json_download_elem_param, const char* path, TIMCommCallback cb, const void* user_data), cb, CLOUD("downloading media from Tencent's cloud storage"))
NOT_HERE_CALL(TIMMsgDownloadMergerMessage, (const char* json_single_msg, TIMCommCallback cb, const void* user_data), cb, CLOUD("downloading a merged message's messages from Tencent's cloud storage"))
NOT_HERE_CALL(TIMMsgSetAllReceiveMessageOpt, (TIMReceiveMessageOpt opt, int32_t start_hour, int32_t start_minute, int32_t start_second, uint32_t duration, TIMCommCallback cb, const void* user_data), cb, NOT_YET("do-not-disturb"))
NOT_HERE_CALL(TIMMsgSetAllReceiveMessageOpt2, (TIMReceiveMessageOpt opt, uint32_t start_time_stamp, uint32_t duration, TIMCommCallback cb, const void* user_data), cb, NOT_YET("do-not-disturb"))
NOT_HERE_CALL(TIMMsgGetAllReceiveMessageOpt, (TIMCommCallback cb, const void* user_data), cb, NOT_YET("do-not-disturb"))
NOT_HERE_CALL(TIMMsgSearchCloudMessages, (const char* json_search_message_param, TIMCommCallback cb, const void* user_data), cb, NOT_YET("search: every message is in the local stores"))
NOT_HERE_CALL(TIMMsgSendMessageReadReceipts, (const char* json_msg_array, TIMCommCallback cb, const void* user_data), cb, NOT_YET("receipts"))
NOT_HERE_CALL(TIMMsgGetMessageReadReceipts, (const char* json_msg_array, TIMCommCallback cb, const void* user_data), cb, NOT_YET("receipts"))
NOT_HERE_CALL(TIMMsgSetMessageExtensions, (const char *json_msg, const char *json_extension_array, TIMCommCallback cb, const void *user_data), cb, NOT_YET("message extensions"))
NOT_HERE_CALL(TIMMsgGetMessageExtensions, (const char *json_msg, TIMCommCallback cb, const void *user_data), cb, NOT_YET("message extensions"))
NOT_HERE_CALL(TIMMsgDeleteMessageExtensions, (const char *json_msg, const char *json_extension_key_array, TIMCommCallback cb, const void *user_data), cb, NOT_YET("message extensions"))
NOT_HERE_CALL(TIMMsgAddMessageReaction, (const char *json_msg, const char *reaction_id, TIMCommCallback cb, const void *user_data), cb, NOT_YET("reactions"))
NOT_HERE_CALL(TIMMsgRemoveMessageReaction, (const char *json_msg, const char *reaction_id, TIMCommCallback cb, const void *user_data), cb, NOT_YET("reactions"))
NOT_HERE_CALL(TIMMsgGetMessageReactions, (const char *json_msg_array, uint32_t max_user_count_per_reaction, TIMCommCallback cb, const void *user_data), cb, NOT_YET("reactions"))
NOT_HERE_CALL(TIMMsgGetAllUserListOfMessageReaction, (const char *json_msg, const char *reaction_id, uint32_t next_seq, uint32_t count, TIMCommCallback cb, const void *user_data), cb, NOT_YET("reactions"))
NOT_HERE_CALL(TIMMsgTranslateText, (const char *json_source_text_array, const char *source_language, const char *target_language, TIMCommCallback cb, const void *user_data), cb, CLOUD("machine translation"))
NOT_HERE_CALL(TIMMsgConvertVoiceToText, (const char *url, const char *language, TIMCommCallback cb, const void *user_data), cb, CLOUD("speech to text"))
NOT_HERE_CALL(TIMPinGroupMessage, (const char* group_id, const char* json_msg, bool is_pinned, TIMCommCallback cb, const void* user_data), cb, NOT_YET("pins"))
NOT_HERE_CALL(TIMGetPinnedGroupMessageList, (const char* group_id, TIMCommCallback cb, const void* user_data), cb, NOT_YET("pins"))
NOT_HERE_CALL(TIMMsgSendNewMsg, (const char* conv_id, enum TIMConvType conv_type, const char* json_msg_param, TIMCommCallback cb, const void* user_data), cb, NOT_YET("sending: older forms of TIMMsgSendMessage"))
NOT_HERE_CALL(TIMMsgSendNewMsgEx, (const char* conv_id, enum TIMConvType conv_type, const char* json_msg_param, TIMCommCallback msgid_cb, TIMCommCallback res_cb, const void* user_data), res_cb, NOT_YET("sending: older forms of TIMMsgSendMessage"))

/* The callback of TIMMsgGetGroupMessageReadMemberList carries no code. Its answer, on the worker
 * thread in its turn: an empty text as json_group_member_array (not a JSON array: the vendor's
 * example, TIMMessageManager.h 1678-1685, takes one that does not parse as the failure; "[]" would
 * pretend that nobody read the message), next_seq 0, is_finished true; the 7013 and its reason go
 * to the log, at warning level. */
struct read_members_call {
    TIMMsgGroupMessageReadMemberListCallback cb;
    const void *user_data;
};

static void answer_read_members(int32_t code, const char *desc, const char *json_params, const void *user_data) {
    (void)json_params;
    struct read_members_call *call = (struct read_members_call *)user_data;
    engine_log(kTIMLog_Warn, "%d %s", code, desc);
    call->cb("", 0, true, call->user_data);
    free(call);
}

int TIMMsgGetGroupMessageReadMemberList(const char *json_msg, TIMGroupMessageReadMembersFilter filter, uint64_t next_seq,
                                        uint32_t count, TIMMsgGroupMessageReadMemberListCallback cb,
                                        const void *user_data) {
    static const char why[] = "TIMMsgGetGroupMessageReadMemberList" NOT_YET("receipts");
    if (cb == NULL) return not_here_answer("TIMMsgGetGroupMessageReadMemberList", why, NULL, user_data);
    struct read_members_call *call = malloc(sizeof *call);
    if (call == NULL) return TIM_ERR_PARAM;
    *call = (struct read_members_call){cb, user_data};
    int code = not_here_answer("TIMMsgGetGroupMessageReadMemberList", why, answer_read_members, call);
    if (code != TIM_SUCC) free(call);
    return code;
}
