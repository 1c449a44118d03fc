/* cffi declarations: the types of the C API. Read by native.py (ABI mode, for calls into any
 * library with the engine's ABI) and by cffi_build.py (API mode, for the callbacks). Plain
 * declarations only: cffi's parser takes no preprocessor lines. */

enum TIMResult {
    TIM_SUCC = 0,
    TIM_ERR_SDKUNINIT = -1,
    TIM_ERR_NOTLOGIN = -2,
    TIM_ERR_JSON = -3,
    TIM_ERR_PARAM = -4,
    TIM_ERR_CONV = -5,
    TIM_ERR_GROUP = -6,
};

enum TIMConvType {
    kTIMConv_Invalid = 0,
    kTIMConv_C2C = 1,
    kTIMConv_Group = 2,
    kTIMConv_System = 3,
};

enum TIMReceiveMessageOpt {
    kTIMRecvMsgOpt_Receive = 0,
    kTIMRecvMsgOpt_Not_Receive = 1,
    kTIMRecvMsgOpt_Not_Notify = 2,
    kTIMRecvMsgOpt_Not_Notify_Except_At = 3,
};

enum TIMLoginStatus {
    kTIMLoginStatus_Logined = 1,
    kTIMLoginStatus_Logining = 2,
    kTIMLoginStatus_UnLogined = 3,
    kTIMLoginStatus_Logouting = 4,
};

enum TIMNetworkStatus { kTIMConnected = 0, kTIMDisconnected = 1, kTIMConnecting = 2, kTIMConnectFailed = 3 };

enum TIMLogLevel {
    kTIMLog_Off = 0,
    kTIMLog_Test = 1,
    kTIMLog_Verbose = 2,
    kTIMLog_Debug = 3,
    kTIMLog_Info = 4,
    kTIMLog_Warn = 5,
    kTIMLog_Error = 6,
    kTIMLog_Assert = 7,
};

enum TIMConvEvent {
    kTIMConvEvent_Add = 0,
    kTIMConvEvent_Del = 1,
    kTIMConvEvent_Update = 2,
    kTIMConvEvent_Start = 3,
    kTIMConvEvent_Finish = 4,
};

typedef enum TIMConvType TIMConvType;
typedef enum TIMLoginStatus TIMLoginStatus;
typedef enum TIMReceiveMessageOpt TIMReceiveMessageOpt;

typedef void (*TIMCommCallback)(int32_t code, const char* desc, const char* json_params, const void* user_data);
typedef void (*TIMLogCallback)(enum TIMLogLevel level, const char* log, const void* user_data);
typedef void (*TIMConvEventCallback)(enum TIMConvEvent conv_event, const char* json_conv_array, const void* user_data);
typedef void (*TIMConvTotalUnreadMessageCountChangedCallback)(int total_unread_count, const void* user_data);
typedef void (*TIMRecvNewMsgCallback)(const char* json_msg_array, const void* user_data);
typedef void (*TIMConvTotalUnreadMessageCountChangedByFilterCallback)(const char* filter, int total_unread_count, const void* user_data);
typedef void (*TIMConvConversationGroupCreatedCallback)(const char* group_name, const char* conversation_array, const void* user_data);
typedef void (*TIMConvConversationGroupDeletedCallback)(const char* group_name, const void* user_data);
typedef void (*TIMConvConversationGroupNameChangedCallback)(const char* old_name, const char* new_name, const void* user_data);
typedef void (*TIMConvConversationsAddedToGroupCallback)(const char* group_name, const char* conversation_array, const void* user_data);
typedef void (*TIMConvConversationsDeletedFromGroupCallback)(const char* group_name, const char* conversation_array, uint32_t reason, const void* user_data);
typedef void (*TIMGroupTipsEventCallback)(const char* json_group_tip, const void* user_data);
typedef void (*TIMMsgRevokeCallback)(const char* json_msg_revoke_info_array, const void* user_data);
typedef void (*TIMKickedOfflineCallback)(const void* user_data);
typedef void (*TIMNetworkStatusListenerCallback)(enum TIMNetworkStatus status, int32_t code, const char* desc, const void* user_data);
