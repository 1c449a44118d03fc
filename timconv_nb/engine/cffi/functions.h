/* cffi declarations: the functions of the C API (ABI mode only; see types.h). */

void TIMSetLogCallback(TIMLogCallback cb, const void* user_data);
void TIMSetKickedOfflineCallback(TIMKickedOfflineCallback cb, const void* user_data);
int TIMInit(uint64_t sdk_app_id, const char* json_sdk_config);
int TIMUninit(void);
const char* TIMGetSDKVersion(void);
uint64_t TIMGetServerTime(void);
int TIMLogin(const char* user_id, const char* user_sig, TIMCommCallback cb, const void* user_data);
int TIMLogout(TIMCommCallback cb, const void* user_data);
int TIMGetLoginUserID(char* user_id_buffer);
TIMLoginStatus TIMGetLoginStatus(void);

void TIMSetConvEventCallback(TIMConvEventCallback cb, const void* user_data);
int TIMConvGetConvList(TIMCommCallback cb, const void* user_data);
int TIMConvGetConvInfo(const char* json_get_conv_list_param, TIMCommCallback cb, const void* user_data);
int TIMConvDelete(const char* conv_id, enum TIMConvType conv_type, TIMCommCallback cb, const void* user_data);
int TIMConvSetDraft(const char* conv_id, enum TIMConvType conv_type, const char* json_draft_param);
int TIMConvCancelDraft(const char* conv_id, enum TIMConvType conv_type);
int TIMConvCreate(const char* conv_id, enum TIMConvType conv_type, TIMCommCallback cb, const void* user_data);
void TIMSetConvTotalUnreadMessageCountChangedCallback(TIMConvTotalUnreadMessageCountChangedCallback cb, const void* user_data);
int TIMConvGetConversationListByFilter(const char* filter, uint64_t next_seq, uint32_t count, TIMCommCallback cb, const void* user_data);
int TIMConvDeleteConversationList(const char* conversation_id_array, bool clear_message, TIMCommCallback cb, const void* user_data);
int TIMConvPinConversation(const char* conv_id, TIMConvType conv_type, bool is_pinned, TIMCommCallback cb, const void* user_data);
int TIMConvGetTotalUnreadMessageCount(TIMCommCallback cb, const void* user_data);
int TIMConvMarkConversation(const char* conversation_id_array, uint64_t mark_type, bool enable_mark, TIMCommCallback cb, const void* user_data);
int TIMConvCreateConversationGroup(const char* group_name, const char* conversation_id_array, TIMCommCallback cb, const void* user_data);
int TIMConvAddConversationsToGroup(const char* group_name, const char* conversation_id_array, TIMCommCallback cb, const void* user_data);
int TIMConvDeleteConversationsFromGroup(const char* group_name, const char* conversation_id_array, TIMCommCallback cb, const void* user_data);
int TIMConvGetConversationGroupList(TIMCommCallback cb, const void* user_data);
int TIMConvDeleteConversationGroup(const char* group_name, TIMCommCallback cb, const void* user_data);
int TIMConvRenameConversationGroup(const char* old_name, const char* new_name, TIMCommCallback cb, const void* user_data);
int TIMConvSetConversationCustomData(const char* conversation_id_array, const char* custom_data, TIMCommCallback cb, const void* user_data);
int TIMConvGetUnreadMessageCountByFilter(const char* filter, TIMCommCallback cb, const void* user_data);
int TIMConvSubscribeUnreadMessageCountByFilter(const char* filter);
int TIMConvUnsubscribeUnreadMessageCountByFilter(const char* filter);
int TIMConvCleanConversationUnreadMessageCount(const char* conversation_id, uint64_t clean_timestamp, uint64_t clean_sequence, TIMCommCallback cb, const void* user_data);
void TIMSetConvUnreadMessageCountChangedByFilterCallback(TIMConvTotalUnreadMessageCountChangedByFilterCallback cb, const void* user_data);
void TIMSetConvConversationGroupCreatedCallback(TIMConvConversationGroupCreatedCallback cb, const void* user_data);
void TIMSetConvConversationGroupDeletedCallback(TIMConvConversationGroupDeletedCallback cb, const void* user_data);
void TIMSetConvConversationGroupNameChangedCallback(TIMConvConversationGroupNameChangedCallback cb, const void* user_data);
void TIMSetConvConversationsAddedToGroupCallback(TIMConvConversationsAddedToGroupCallback cb, const void* user_data);
void TIMSetConvConversationsDeletedFromGroupCallback(TIMConvConversationsDeletedFromGroupCallback cb, const void* user_data);

void TIMAddRecvNewMsgCallback(TIMRecvNewMsgCallback cb, const void* user_data);
void TIMRemoveRecvNewMsgCallback(TIMRecvNewMsgCallback cb);
int TIMMsgSendMessage(const char* conv_id, enum TIMConvType conv_type, const char* json_msg_param, char* message_id_buffer, TIMCommCallback cb, const void* user_data);
int TIMMsgReportReaded(const char* conv_id, enum TIMConvType conv_type, const char* json_msg_param, TIMCommCallback cb, const void* user_data);
int TIMMsgMarkAllMessageAsRead(TIMCommCallback cb, const void* user_data);
int TIMMsgSetC2CReceiveMessageOpt(const char* json_identifier_array, TIMReceiveMessageOpt opt, TIMCommCallback cb, const void* user_data);
int TIMMsgGetC2CReceiveMessageOpt(const char* json_identifier_array, TIMCommCallback cb, const void* user_data);
int TIMMsgSetGroupReceiveMessageOpt(const char* group_id, TIMReceiveMessageOpt opt, TIMCommCallback cb, const void* user_data);
void TIMSetMsgRevokeCallback(TIMMsgRevokeCallback cb, const void* user_data);
int TIMMsgRevoke(const char* conv_id, enum TIMConvType conv_type, const char* json_msg_param, TIMCommCallback cb, const void* user_data);
int TIMMsgDelete(const char* conv_id, enum TIMConvType conv_type, const char* json_msgdel_param, TIMCommCallback cb, const void* user_data);
int TIMMsgListDelete(const char* conv_id, enum TIMConvType conv_type, const char* json_msg_array, TIMCommCallback cb, const void* user_data);
int TIMMsgClearHistoryMessage(const char* conv_id, enum TIMConvType conv_type, TIMCommCallback cb, const void* user_data);
int TIMMsgGetMsgList(const char* conv_id, enum TIMConvType conv_type, const char* json_get_msg_param, TIMCommCallback cb, const void* user_data);

void TIMSetGroupTipsEventCallback(TIMGroupTipsEventCallback cb, const void* user_data);
int TIMGroupCreate(const char* json_group_create_param, TIMCommCallback cb, const void* user_data);
int TIMGroupDelete(const char* group_id, TIMCommCallback cb, const void* user_data);
int TIMGroupJoin(const char* group_id, const char* hello_msg, TIMCommCallback cb, const void* user_data);
int TIMGroupQuit(const char* group_id, TIMCommCallback cb, const void* user_data);
int TIMGroupGetJoinedGroupList(TIMCommCallback cb, const void* user_data);
int TIMGroupGetGroupInfoList(const char* json_group_getinfo_param, TIMCommCallback cb, const void* user_data);
int TIMGroupGetMemberInfoList(const char* json_group_getmeminfos_param, TIMCommCallback cb, const void* user_data);

int callExperimentalAPI(const char* json_param, TIMCommCallback cb, const void* user_data);
