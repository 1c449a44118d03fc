/* cffi declarations: the local engine's own extensions (timconv_ext.h). Not in the vendor SDK:
 * kept apart so that the ABI comparison with libImSDK.so covers functions.h only. */

void timconv_set_clock(uint64_t epoch_seconds);
