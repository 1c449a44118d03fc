/* Messages, only as far as conversations need them: enums and JSON keys of the vendor SDK's
 * TIMMessageManager.h. */
#ifndef TIMCONV_TIM_MESSAGE_MANAGER_H_
#define TIMCONV_TIM_MESSAGE_MANAGER_H_

#include "TIMCloudDef.h"

#ifdef __cplusplus
extern "C" {
#endif

enum TIMMsgStatus {
    kTIMMsg_Sending = 1,
    kTIMMsg_SendSucc = 2,
    kTIMMsg_SendFail = 3,
    kTIMMsg_Deleted = 4,
    kTIMMsg_LocalImported = 5,
    kTIMMsg_Revoked = 6,
    kTIMMsg_Cancel = 7,
};

enum TIMElemType {
    kTIMElem_Text,
    kTIMElem_Image,
    kTIMElem_Sound,
    kTIMElem_Custom,
    kTIMElem_File,
    kTIMElem_GroupTips,
    kTIMElem_Face,
    kTIMElem_Location,
    kTIMElem_GroupReport,
    kTIMElem_Video,
    kTIMElem_FriendChange,
    kTIMElem_ProfileChange,
    kTIMElem_Merge,
    kTIMElem_Invalid = -1,
};

/* Group system notifications (kTIMElem_GroupReport); the local engine sends kTIMGroupReport_Delete
 * to every member of a dismissed group. */
enum TIMGroupReportType {
    kTIMGroupReport_None,
    kTIMGroupReport_AddRequest,
    kTIMGroupReport_AddAccept,
    kTIMGroupReport_AddRefuse,
    kTIMGroupReport_BeKicked,
    kTIMGroupReport_Delete,
    kTIMGroupReport_Create,
    kTIMGroupReport_Invite,
    kTIMGroupReport_Quit,
    kTIMGroupReport_GrantAdmin,
    kTIMGroupReport_CancelAdmin,
    kTIMGroupReport_GroupRecycle,
    kTIMGroupReport_InviteReqToInvitee,
    kTIMGroupReport_InviteAccept,
    kTIMGroupReport_InviteRefuse,
    kTIMGroupReport_ReadReport,
    kTIMGroupReport_UserDefine,
    kTIMGroupReport_ShutUpMember,
    kTIMGroupReport_TopicCreate,
    kTIMGroupReport_TopicDelete,
    kTIMGroupReport_GroupMessageRead,
    kTIMGroupReport_GroupMessageRecvOption,
    kTIMGroupReport_BannedFromGroup,
    kTIMGroupReport_UnbannedFromGroup,
    kTIMGroupReport_InviteReqToAdmin,
};

#ifndef __cplusplus
typedef enum TIMMsgStatus TIMMsgStatus;
typedef enum TIMElemType TIMElemType;
typedef enum TIMGroupReportType TIMGroupReportType;
#endif

/* New messages for the logged-in user; json_msg_array is an array of Messages. */
typedef void (*TIMRecvNewMsgCallback)(const char* json_msg_array, const void* user_data);

/* Adds a receive callback (up to 16; adding one again replaces its user_data). */
TIM_API void TIMAddRecvNewMsgCallback(TIMRecvNewMsgCallback cb, const void* user_data);

/* Removes a receive callback. */
TIM_API void TIMRemoveRecvNewMsgCallback(TIMRecvNewMsgCallback cb);

/* A received message was revoked by its sender (or by the group's owner or an admin): an array of
 * MsgLocator objects with the revoker (kTIMMsgRevokerUserId). Runs on the worker thread. */
typedef void (*TIMMsgRevokeCallback)(const char* json_msg_revoke_info_array, const void* user_data);

/* Sets the revoke callback (NULL removes it). */
TIM_API void TIMSetMsgRevokeCallback(TIMMsgRevokeCallback cb, const void* user_data);

/* Revokes a message (json_msg_param: the Message, found by its message_msg_id): within 2 minutes
 * of sending (20016 C2C, 10031 group); in C2C only one's own, in a group also any member's by the
 * owner or an admin (10007 otherwise); never an online message (10032). Every copy becomes
 * kTIMMsg_Revoked; the recipients' revoke callbacks fire; the last message follows. */
TIM_API int TIMMsgRevoke(const char* conv_id, enum TIMConvType conv_type, const char* json_msg_param, TIMCommCallback cb, const void* user_data);

/* Deletes one message of the conversation from the local store (MsgDeleteParam: the Message in
 * msg_delete_param_msg). The last message and the unread count follow (event Update). A message
 * that is not there: ERR_INVALID_PARAMETERS. */
TIM_API int TIMMsgDelete(const char* conv_id, enum TIMConvType conv_type, const char* json_msgdel_param, TIMCommCallback cb, const void* user_data);

/* Deletes a JSON array of Messages of the conversation (at most 50: more is
 * ERR_INVALID_PARAMETERS), all or none; as TIMMsgDelete otherwise. */
TIM_API int TIMMsgListDelete(const char* conv_id, enum TIMConvType conv_type, const char* json_msg_array, TIMCommCallback cb, const void* user_data);

/* Deletes every message of the conversation: no last message, nothing unread (event Update). */
TIM_API int TIMMsgClearHistoryMessage(const char* conv_id, enum TIMConvType conv_type, TIMCommCallback cb, const void* user_data);

/* 6.9 The stored Messages whose ids json_message_id_array (a JSON array of strings) lists, in any
 * conversation, revoked ones included (kTIMMsg_Revoked); ids not stored are left out. */
TIM_API int TIMMsgFindMessages(const char* json_message_id_array, TIMCommCallback cb, const void* user_data);

/* 6.10 The Messages of a conversation that the MsgLocators of json_msg_Locator_array name (the revoke
 * callback's, for one), in their order: a group's by message_locator_seq, a C2C conversation's by
 * message_locator_time and message_locator_rand. */
TIM_API int TIMMsgFindByMsgLocatorList(const char* conv_id, enum TIMConvType conv_type, const char* json_msg_Locator_array, TIMCommCallback cb, const void* user_data);

/* 6.11 Searches the local history (json_search_message_param, a MessageSearchParam: 1 to 5
 * keywords, all or any of them, or senders alone; element types; one conversation or all; the
 * time position and the period back from it; a page). Revoked messages, group tips and reports
 * are never found. Callback JSON: a MessageSearchResult, one item per conversation (searching all,
 * an item carries its one message only when it has exactly one). */
TIM_API int TIMMsgSearchLocalMessages(const char* json_search_message_param, TIMCommCallback cb, const void* user_data);

/* Sends a Message (json_msg_param: at least message_elem_array; never a kTIMElem_GroupTips or
 * kTIMElem_GroupReport element, which only the server sends): stores it as the conversation's
 * last message, creating the conversation if needed (event Add, else Update), and delivers it to
 * the peer (C2C) or to every member of the group, with the group's next seq (10010: no such
 * group; 10007: the sender is not a member). message_id_buffer (128 bytes),
 * when not NULL, receives the message id at once. Callback JSON: the sent Message. */
TIM_API int TIMMsgSendMessage(const char* conv_id, enum TIMConvType conv_type, const char* json_msg_param, char* message_id_buffer, TIMCommCallback cb, const void* user_data);

/* Marks the conversation read (json_msg_param may be NULL or ""): unread to 0, events Update and
 * total unread. Unknown: callback 6004. */
TIM_API int TIMMsgReportReaded(const char* conv_id, enum TIMConvType conv_type, const char* json_msg_param, TIMCommCallback cb, const void* user_data);

/* Marks every conversation read. */
TIM_API int TIMMsgMarkAllMessageAsRead(TIMCommCallback cb, const void* user_data);

/* 5.1 Sets how the logged-in user receives the C2C messages of each user a JSON array of user ids
 * lists (at most 30: more is answered ERR_INVALID_PARAMETERS). The option also holds for a peer
 * without a conversation yet. */
TIM_API int TIMMsgSetC2CReceiveMessageOpt(const char* json_identifier_array, TIMReceiveMessageOpt opt, TIMCommCallback cb, const void* user_data);

/* 5.2 The receive options of a JSON array of user ids: a GetC2CRecvMsgOptResult array. */
TIM_API int TIMMsgGetC2CReceiveMessageOpt(const char* json_identifier_array, TIMCommCallback cb, const void* user_data);

/* 5.3 Sets how the logged-in user receives the messages of group group_id. */
TIM_API int TIMMsgSetGroupReceiveMessageOpt(const char* group_id, TIMReceiveMessageOpt opt, TIMCommCallback cb, const void* user_data);

/* 6.1 A page of a conversation's history (json_get_msg_param, a MsgGetMsgListParam; NULL or "":
 * the 20 newest). Older messages newest first; newer (msg_getmsglist_param_is_forward) oldest
 * first. From the start message (not in the page), else a group's start seq (in the page), else
 * time_begin; with none, older pages start at the newest message and newer ones are empty. A
 * time range (time_begin, time_period seconds the page's way; 0: no end) bounds the page; a
 * group's seq array, when given, lists those messages instead. Callback JSON: Message array. */
TIM_API int TIMMsgGetMsgList(const char* conv_id, enum TIMConvType conv_type, const char* json_get_msg_param, TIMCommCallback cb, const void* user_data);

/* 2.6, 3.6 A message was modified (TIMMsgModifyMessage, vendor 1259-1260): json_msg_array holds
 * the Messages as they are now. Called in the process of the user who modified it and in those of
 * the users who keep a copy (the C2C peer, every member of the group). Runs on the worker thread. */
typedef void (*TIMMsgUpdateCallback)(const char* json_msg_array, const void* user_data);

/* Sets the message update callback (NULL removes it). */
TIM_API void TIMSetMsgUpdateCallback(TIMMsgUpdateCallback cb, const void* user_data);

/* 6.3 Modifies a stored message (json_msg_param: the Message, found by its message_msg_id, as a
 * send, the list or the update callback gave it): any member of its conversation may change its
 * cloud custom data (kTIMMsgCloudCustomStr) and the content of its text, custom, face or location
 * elements (each keeping its type); its custom fields change the caller's copy only. Every copy
 * follows, and every holder's update callback fires; the last message follows. The caller's copy
 * must be the latest (its kTIMMsgVersion): else ERR_SDK_MSG_MODIFY_CONFLICT (vendor 1261). A
 * revoked message, or elements of another number or type: ERR_INVALID_PARAMETERS; a group one is
 * no longer a member of: 10007 (10010 when dismissed). Callback JSON: the Message as it is now,
 * also after a conflict (vendor 1262). */
TIM_API int TIMMsgModifyMessage(const char* json_msg_param, TIMCommCallback cb, const void* user_data);

/* 4.6 Sets the custom fields kTIMMsgCustomStr and kTIMMsgCustomInt of a stored message
 * (json_msg_param: the Message, found by its message_msg_id): kept in this store only, never sent
 * (vendor 935, 2290-2291, 2342-2345). The last message follows. Callback JSON: the Message as it
 * is now. */
TIM_API int TIMMsgSetLocalCustomData(const char* json_msg_param, TIMCommCallback cb, const void* user_data);

/* 6.7 Saves a Message the caller made into the conversation, never delivered: it is
 * kTIMMsg_LocalImported and read, its sender the given one (C2C: oneself or the peer; default
 * oneself), its time the given server time (else client time, else now). It becomes the last
 * message when it is the newest (event Add or Update). Callback JSON: the saved Message. */
TIM_API int TIMMsgSaveMsg(const char* conv_id, enum TIMConvType conv_type, const char* json_msg_param, TIMCommCallback cb, const void* user_data);

/* 6.8 Imports a JSON array of Messages into the conversation, as TIMMsgSaveMsg saves one, all or
 * none; each keeps its own time, so the history pages them in time order, and the newest message
 * becomes the last. A message whose message_msg_id is stored already is not imported again. */
TIM_API int TIMMsgImportMsgList(const char* conv_id, enum TIMConvType conv_type, const char* json_msg_array, TIMCommCallback cb, const void* user_data);

/* Elem JSON keys */
static const char* kTIMElemType TIM_KEY_ATTR = "elem_type";
static const char* kTIMTextElemContent TIM_KEY_ATTR = "text_elem_content";
static const char* kTIMCustomElemData TIM_KEY_ATTR = "custom_elem_data";
static const char* kTIMCustomElemDesc TIM_KEY_ATTR = "custom_elem_desc";
static const char* kTIMCustomElemExt TIM_KEY_ATTR = "custom_elem_ext";

/* Message JSON keys (kTIMMsgIsFormSelf is the vendor's spelling) */
static const char* kTIMMsgElemArray TIM_KEY_ATTR = "message_elem_array";
static const char* kTIMMsgConvId TIM_KEY_ATTR = "message_conv_id";
static const char* kTIMMsgConvType TIM_KEY_ATTR = "message_conv_type";
static const char* kTIMMsgSender TIM_KEY_ATTR = "message_sender";
static const char* kTIMMsgPriority TIM_KEY_ATTR = "message_priority";
static const char* kTIMMsgClientTime TIM_KEY_ATTR = "message_client_time";
static const char* kTIMMsgServerTime TIM_KEY_ATTR = "message_server_time";
static const char* kTIMMsgIsFormSelf TIM_KEY_ATTR = "message_is_from_self";
static const char* kTIMMsgPlatform TIM_KEY_ATTR = "message_platform";
static const char* kTIMMsgIsRead TIM_KEY_ATTR = "message_is_read";
static const char* kTIMMsgIsOnlineMsg TIM_KEY_ATTR = "message_is_online_msg";
static const char* kTIMMsgIsPeerRead TIM_KEY_ATTR = "message_is_peer_read";
static const char* kTIMMsgStatus TIM_KEY_ATTR = "message_status";
static const char* kTIMMsgUniqueId TIM_KEY_ATTR = "message_unique_id";
static const char* kTIMMsgMsgId TIM_KEY_ATTR = "message_msg_id";
static const char* kTIMMsgRand TIM_KEY_ATTR = "message_rand";
static const char* kTIMMsgSeq TIM_KEY_ATTR = "message_seq";
static const char* kTIMMsgCustomInt TIM_KEY_ATTR = "message_custom_int";
static const char* kTIMMsgCustomStr TIM_KEY_ATTR = "message_custom_str";
/* string: the message's cloud custom data, which every copy carries (vendor 2346-2347). */
static const char* kTIMMsgCloudCustomStr TIM_KEY_ATTR = "message_cloud_custom_str";
/* uint64: how many times the message was modified (vendor 2330-2331, "internal"; a modification
 * names the copy it changes by it, 1261). */
static const char* kTIMMsgVersion TIM_KEY_ATTR = "message_version";
/* bool: the message does not count as unread (vendor 2349). */
static const char* kTIMMsgIsExcludedFromUnreadCount TIM_KEY_ATTR = "message_is_excluded_from_unread_count";
/* array string: the user ids a group message mentions (kImSDK_MessageAtALL: everyone) (vendor 2351). */
static const char* kTIMMsgGroupAtUserArray TIM_KEY_ATTR = "message_group_at_user_array";
/* object UserProfile: the sender's profile (vendor 2355). */
static const char* kTIMMsgSenderProfile TIM_KEY_ATTR = "message_sender_profile";
/* bool: the message does not become its conversation's last message (vendor 2359). */
static const char* kTIMMsgExcludedFromLastMessage TIM_KEY_ATTR = "message_excluded_from_last_message";
/* In kTIMMsgGroupAtUserArray: mention everyone in the group (vendor 2242). */
static const char* kImSDK_MessageAtALL TIM_KEY_ATTR = "__kImSDK_MessageAtALL__";

/* 1.8 TIMKeywordListMatchType: a message with one of the keywords, or with all of them. */
enum TIMKeywordListMatchType {
    TIMKeywordListMatchType_Or,
    TIMKeywordListMatchType_And
};

/* 8.3 MessageSearchParam (vendor 2479-2503): array string, the keywords (at most 5); array
 * TIMElemType, the types searched (empty: all); the conversation's id and TIMConvType
 * (kTIMConv_Invalid: every conversation); uint64 UTC seconds, where the search starts back from
 * (0: now), and how far back (0: no limit); uint, the page's index (from 0) and size (0: no
 * pages); uint TIMKeywordListMatchType (default Or); array string, the senders; the cloud
 * search's count and cursor. */
static const char* kTIMMsgSearchParamKeywordArray TIM_KEY_ATTR = "msg_search_param_keyword_array";
static const char* kTIMMsgSearchParamMessageTypeArray TIM_KEY_ATTR = "msg_search_param_message_type_array";
static const char* kTIMMsgSearchParamConvId TIM_KEY_ATTR = "msg_search_param_conv_id";
static const char* kTIMMsgSearchParamConvType TIM_KEY_ATTR = "msg_search_param_conv_type";
static const char* kTIMMsgSearchParamSearchTimePosition TIM_KEY_ATTR = "msg_search_param_search_time_position";
static const char* kTIMMsgSearchParamSearchTimePeriod TIM_KEY_ATTR = "msg_search_param_search_time_period";
static const char* kTIMMsgSearchParamPageIndex TIM_KEY_ATTR = "msg_search_param_page_index";
static const char* kTIMMsgSearchParamPageSize TIM_KEY_ATTR = "msg_search_param_page_size";
static const char* kTIMMsgSearchParamKeywordListMatchType TIM_KEY_ATTR = "msg_search_param_keyword_list_match_type";
static const char* kTIMMsgSearchParamSenderIdentifierArray TIM_KEY_ATTR = "msg_search_param_send_identifier_array";
static const char* kTIMMsgSearchParamSearchCount TIM_KEY_ATTR = "msg_search_param_search_count";
static const char* kTIMMsgSearchParamSearchCursor TIM_KEY_ATTR = "msg_search_param_search_cursor";

/* 8.4 MessageSearchResultItem (vendor 2506-2519): the conversation's id and type, how many of its
 * messages match, and the matching Messages (searching all conversations: only when exactly one). */
static const char* kTIMMsgSearchResultItemConvId TIM_KEY_ATTR = "msg_search_result_item_conv_id";
static const char* kTIMMsgSearchResultItemConvType TIM_KEY_ATTR = "msg_search_result_item_conv_type";
static const char* kTIMMsgSearchResultItemTotalMessageCount TIM_KEY_ATTR = "msg_search_result_item_total_message_count";
static const char* kTIMMsgSearchResultItemMessageArray TIM_KEY_ATTR = "msg_search_result_item_message_array";

/* 8.5 MessageSearchResult (vendor 2522-2528): the matching messages (one conversation) or
 * conversations (all), the page of items, the cloud search's cursor. */
static const char* kTIMMsgSearchResultTotalCount TIM_KEY_ATTR = "msg_search_result_total_count";
static const char* kTIMMsgSearchResultItemArray TIM_KEY_ATTR = "msg_search_result_item_array";
static const char* kTIMMsgSearchResultSearchCursor TIM_KEY_ATTR = "msg_search_result_search_cursor";

/* Revoke information (vendor 2376-2382) */
static const char* kTIMMsgRevokerUserId TIM_KEY_ATTR = "message_revoker_user_id";
static const char* kTIMMsgRevokeReason TIM_KEY_ATTR = "message_revoke_reason";

/* MsgLocator (vendor 8.2) */
static const char* kTIMMsgLocatorConvId TIM_KEY_ATTR = "message_locator_conv_id";
static const char* kTIMMsgLocatorConvType TIM_KEY_ATTR = "message_locator_conv_type";
static const char* kTIMMsgLocatorIsRevoked TIM_KEY_ATTR = "message_locator_is_revoked";
static const char* kTIMMsgLocatorTime TIM_KEY_ATTR = "message_locator_time";
static const char* kTIMMsgLocatorSeq TIM_KEY_ATTR = "message_locator_seq";
static const char* kTIMMsgLocatorIsSelf TIM_KEY_ATTR = "message_locator_is_self";
static const char* kTIMMsgLocatorRand TIM_KEY_ATTR = "message_locator_rand";
static const char* kTIMMsgLocatorUniqueId TIM_KEY_ATTR = "message_locator_unique_id";

/* MsgDeleteParam (vendor 8.5) */
static const char* kTIMMsgDeleteParamMsg TIM_KEY_ATTR = "msg_delete_param_msg";
static const char* kTIMMsgDeleteParamIsRamble TIM_KEY_ATTR = "msg_delete_param_is_ramble";

/* GroupReportElem (vendor 7.11) */
static const char* kTIMGroupReportElemReportType TIM_KEY_ATTR = "group_report_elem_report_type";
static const char* kTIMGroupReportElemGroupId TIM_KEY_ATTR = "group_report_elem_group_id";
static const char* kTIMGroupReportElemGroupName TIM_KEY_ATTR = "group_report_elem_group_name";
static const char* kTIMGroupReportElemOpUser TIM_KEY_ATTR = "group_report_elem_op_user";

/* 8.1 MsgGetMsgListParam (vendor 2439-2457): object Message, the message to start from (not in
 * the page); uint, how many (default 20); bool, roaming (locally every message is here); array
 * TIMElemType, the types to list (only without roaming; empty: every type); bool, newer messages
 * (else older); uint64, a group's seq to start from (in the page); uint64 UTC seconds, where the
 * time range starts, and its length in seconds; array uint64, the group seqs to list. */
static const char* kTIMMsgGetMsgListParamLastMsg TIM_KEY_ATTR = "msg_getmsglist_param_last_msg";
static const char* kTIMMsgGetMsgListParamCount TIM_KEY_ATTR = "msg_getmsglist_param_count";
static const char* kTIMMsgGetMsgListParamIsRamble TIM_KEY_ATTR = "msg_getmsglist_param_is_ramble";
static const char* kTIMMsgGetMsgListMessageTypeArray TIM_KEY_ATTR = "msg_getmsglist_param_message_type_array";
static const char* kTIMMsgGetMsgListParamIsForward TIM_KEY_ATTR = "msg_getmsglist_param_is_forward";
static const char* kTIMMsgGetMsgListParamLastMsgSeq TIM_KEY_ATTR = "msg_getmsglist_param_last_msg_seq";
static const char* kTIMMsgGetMsgListParamTimeBegin TIM_KEY_ATTR = "msg_getmsglist_param_time_begin";
static const char* kTIMMsgGetMsgListParamTimePeriod TIM_KEY_ATTR = "msg_getmsglist_param_time_period";
static const char* kTIMMsgGetMsgListParamMessageSeqArray TIM_KEY_ATTR = "msg_getmsglist_param_message_seq_array";

/* 9.1 GetC2CRecvMsgOptResult: string, the user id; uint TIMReceiveMessageOpt, its option. */
static const char* kTIMMsgGetC2CRecvMsgOptResultIdentifier TIM_KEY_ATTR = "msg_recv_msg_opt_result_identifier";
static const char* kTIMMsgGetC2CRecvMsgOptResultOpt TIM_KEY_ATTR = "msg_recv_msg_opt_result_opt";

/* ---- Not implemented by the local engine (yet) ----
 * The rest of the vendor's declarations in this header, in its order and as it writes them, so
 * that code written for the whole API compiles and links (spec section 10). Each call answers
 * ERR_SDK_INTERFACE_NOT_SUPPORT (7013) through its callback, on the worker thread; each setter
 * accepts its callback, which is never called (src/api/not_here_message.c). docs/vendor.md says,
 * per function, whether it is planned locally or what of Tencent's cloud it needs. */
enum TIMGroupMessageReadMembersFilter {
    TIM_GROUP_MESSAGE_READ_MEMBERS_FILTER_READ = 0,
    TIM_GROUP_MESSAGE_READ_MEMBERS_FILTER_UNREAD = 1,
};
#ifndef __cplusplus
typedef enum TIMGroupMessageReadMembersFilter TIMGroupMessageReadMembersFilter;
#endif

typedef void (*TIMMsgElemUploadProgressCallback)(const char* json_msg, uint32_t index, uint32_t cur_size, uint32_t total_size, const void* user_data);
typedef void (*TIMMsgGroupMessageReadMemberListCallback)(const char* json_group_member_array, uint64_t next_seq, bool is_finished, const void* user_data);
typedef void (*TIMMsgReadedReceiptCallback)(const char* json_msg_read_receipt_array, const void* user_data);
typedef void (*TIMMsgExtensionsChangedCallback)(const char* message_id, const char* message_extension_array, const void* user_data);
typedef void (*TIMMsgExtensionsDeletedCallback)(const char* message_id, const char* message_extension_key_array, const void* user_data);
typedef void (*TIMMsgReactionsChangedCallback)(const char* message_reaction_change_info_array, const void* user_data);
typedef void (*TIMMsgAllMessageReceiveOptionCallback)(const char* json_receive_message_option_info, const void* user_data);
typedef void (*TIMMsgGroupPinnedMessageChangedCallback)(const char *group_id, const char* json_msg, bool is_pinned, const char *op_user, const void* user_data);

TIM_API void TIMSetMsgElemUploadProgressCallback(TIMMsgElemUploadProgressCallback cb, const void* user_data);
TIM_API void TIMSetMsgReadedReceiptCallback(TIMMsgReadedReceiptCallback cb, const void* user_data);
TIM_API void TIMSetMsgExtensionsChangedCallback(TIMMsgExtensionsChangedCallback cb, const void* user_data);
TIM_API void TIMSetMsgExtensionsDeletedCallback(TIMMsgExtensionsDeletedCallback cb, const void* user_data);
TIM_API void TIMSetMsgReactionsChangedCallback(TIMMsgReactionsChangedCallback cb, const void* user_data);
TIM_API void TIMSetMsgAllMessageReceiveOptionCallback(TIMMsgAllMessageReceiveOptionCallback cb, const void* user_data);
TIM_API void TIMSetMsgGroupPinnedMessageChangedCallback(TIMMsgGroupPinnedMessageChangedCallback cb, const void* user_data);
TIM_API int TIMMsgCancelSend(const char* conv_id, enum TIMConvType conv_type, const char* message_id, TIMCommCallback cb, const void* user_data);
TIM_API int TIMMsgBatchSend(const char* json_batch_send_param, TIMCommCallback cb, const void* user_data);
TIM_API int TIMMsgDownloadElemToPath(const char* json_download_elem_param, const char* path, TIMCommCallback cb, const void* user_data);
TIM_API int TIMMsgDownloadMergerMessage(const char* json_single_msg, TIMCommCallback cb, const void* user_data);
TIM_API int TIMMsgSetAllReceiveMessageOpt(TIMReceiveMessageOpt opt, int32_t start_hour, int32_t start_minute, int32_t start_second, uint32_t duration, TIMCommCallback cb, const void* user_data);
TIM_API int TIMMsgSetAllReceiveMessageOpt2(TIMReceiveMessageOpt opt, uint32_t start_time_stamp, uint32_t duration, TIMCommCallback cb, const void* user_data);
TIM_API int TIMMsgGetAllReceiveMessageOpt(TIMCommCallback cb, const void* user_data);
TIM_API int TIMMsgSearchCloudMessages(const char* json_search_message_param, TIMCommCallback cb, const void* user_data);
TIM_API int TIMMsgSendMessageReadReceipts(const char* json_msg_array, TIMCommCallback cb, const void* user_data);
TIM_API int TIMMsgGetMessageReadReceipts(const char* json_msg_array, TIMCommCallback cb, const void* user_data);
TIM_API int TIMMsgGetGroupMessageReadMemberList(const char* json_msg, TIMGroupMessageReadMembersFilter filter, uint64_t next_seq, uint32_t count, TIMMsgGroupMessageReadMemberListCallback cb, const void* user_data);
TIM_API int TIMMsgSetMessageExtensions(const char *json_msg, const char *json_extension_array, TIMCommCallback cb, const void *user_data);
TIM_API int TIMMsgGetMessageExtensions(const char *json_msg, TIMCommCallback cb, const void *user_data);
TIM_API int TIMMsgDeleteMessageExtensions(const char *json_msg, const char *json_extension_key_array, TIMCommCallback cb, const void *user_data);
TIM_API int TIMMsgAddMessageReaction(const char *json_msg, const char *reaction_id, TIMCommCallback cb, const void *user_data);
TIM_API int TIMMsgRemoveMessageReaction(const char *json_msg, const char *reaction_id, TIMCommCallback cb, const void *user_data);
TIM_API int TIMMsgGetMessageReactions(const char *json_msg_array, uint32_t max_user_count_per_reaction, TIMCommCallback cb, const void *user_data);
TIM_API int TIMMsgGetAllUserListOfMessageReaction(const char *json_msg, const char *reaction_id, uint32_t next_seq, uint32_t count, TIMCommCallback cb, const void *user_data);
TIM_API int TIMMsgTranslateText(const char *json_source_text_array, const char *source_language, const char *target_language, TIMCommCallback cb, const void *user_data);
TIM_API int TIMMsgConvertVoiceToText(const char *url, const char *language, TIMCommCallback cb, const void *user_data);
TIM_API int TIMPinGroupMessage(const char* group_id, const char* json_msg, bool is_pinned, TIMCommCallback cb, const void* user_data);
TIM_API int TIMGetPinnedGroupMessageList(const char* group_id, TIMCommCallback cb, const void* user_data);
TIM_API int TIMMsgSendNewMsg(const char* conv_id, enum TIMConvType conv_type, const char* json_msg_param, TIMCommCallback cb, const void* user_data);
TIM_API int TIMMsgSendNewMsgEx(const char* conv_id, enum TIMConvType conv_type, const char* json_msg_param, TIMCommCallback msgid_cb, TIMCommCallback res_cb, const void* user_data);

#ifdef __cplusplus
}
#endif

#endif  /* TIMCONV_TIM_MESSAGE_MANAGER_H_ */
