/* cffi declarations: the Python functions the C side calls back (API mode only; see types.h).
 * Each receives, as user_data, a handle that names the Python object it is for. */

extern "Python" void timconv_comm_callback(int32_t code, const char* desc, const char* json_params, const void* user_data);
extern "Python" void timconv_log_callback(enum TIMLogLevel level, const char* log, const void* user_data);
extern "Python" void timconv_conv_event_callback(enum TIMConvEvent conv_event, const char* json_conv_array, const void* user_data);
extern "Python" void timconv_total_unread_callback(int total_unread_count, const void* user_data);
extern "Python" void timconv_recv_msg_callback(const char* json_msg_array, const void* user_data);
extern "Python" void timconv_unread_by_filter_callback(const char* filter, int total_unread_count, const void* user_data);
extern "Python" void timconv_group_created_callback(const char* group_name, const char* conversation_array, const void* user_data);
extern "Python" void timconv_group_deleted_callback(const char* group_name, const void* user_data);
extern "Python" void timconv_group_renamed_callback(const char* old_name, const char* new_name, const void* user_data);
extern "Python" void timconv_group_added_callback(const char* group_name, const char* conversation_array, const void* user_data);
extern "Python" void timconv_group_removed_callback(const char* group_name, const char* conversation_array, uint32_t reason, const void* user_data);
