/* cffi declarations: the local engine's own extensions (timconv_ext.h). Not in the vendor SDK:
 * kept apart so that the ABI comparison with libImSDK.so covers functions.h only. */

void timconv_set_clock(uint64_t epoch_seconds);
int timconv_fault_fail_next(const char* function, uint32_t count, int32_t code);
int timconv_fault_delay(const char* function, uint32_t milliseconds);
int timconv_fault_drop_login(void);
void timconv_fault_clear(void);
const char* timconv_sqlite_version(void);
int timconv_conv_list_columns(TIMCommCallback cb, const void* user_data);
