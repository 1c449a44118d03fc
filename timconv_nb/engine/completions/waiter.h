/* cffi declarations: the waiter, a C completion object for blocking calls (API mode; the code is
 * waiter.c). Passing timconv_waiter_done as the callback and a waiter as user_data lets a Python
 * thread wait for a call with the GIL released, and the library's thread complete it without
 * entering Python at all. Valid C too: the preprocessor lines are dropped for cffi. */
#ifndef TIMCONV_WAITER_H
#define TIMCONV_WAITER_H

#include <stddef.h>
#include <stdint.h>

#include "reply.h"

typedef struct timconv_waiter timconv_waiter;
timconv_waiter* timconv_waiter_new(void);
void timconv_waiter_done(int32_t code, const char* desc, const char* json_params, const void* user_data);
int timconv_waiter_wait(timconv_waiter* waiter, double timeout_seconds);
/* The reply (reply.h), to read once timconv_waiter_wait returned 1: it no longer changes. */
const timconv_reply* timconv_waiter_reply(timconv_waiter* waiter);
void timconv_waiter_release(timconv_waiter* waiter);
/* strlen, for reading a callback's text in place (a buffer over it) without copying it. */
size_t timconv_text_length(const char* text);

#endif
