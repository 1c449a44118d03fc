/* cffi declarations: the waiter, the one completion of blocking calls (API mode; the code is
 * waiter.c). Passing timconv_waiter_done as the callback and a waiter as user_data lets a Python
 * thread wait for a call with the GIL released, and the library's thread complete it without
 * entering Python at all. Valid C too: the preprocessor lines are dropped for cffi.
 *
 * The reply's JSON is copied, unless the waiter lends it: then the library's thread, having
 * answered, waits until the waiting side releases the waiter, so that a large reply is read in
 * place and never copied (the library's thread is held for that long). */
#ifndef TIMCONV_WAITER_H
#define TIMCONV_WAITER_H

#include <stddef.h>
#include <stdint.h>

#include "reply.h"

typedef struct timconv_waiter timconv_waiter;
/* A waiter (lend: 1 to lend the reply's JSON, 0 to copy it); NULL when out of memory. */
timconv_waiter* timconv_waiter_new(int lend);
void timconv_waiter_done(int32_t code, const char* desc, const char* json_params, const void* user_data);
/* Waits up to timeout_seconds for the callback; 1 once it came, 0 when the time ran out. */
int timconv_waiter_wait(timconv_waiter* waiter, double timeout_seconds);
/* The reply (reply.h), to read once timconv_waiter_wait returned 1 and until the release. */
const timconv_reply* timconv_waiter_reply(timconv_waiter* waiter);
/* The call was refused, or never made: no callback will come for this waiter. */
void timconv_waiter_refused(timconv_waiter* waiter);
/* The waiting side is done with the waiter (also after a timeout, when the callback may still
 * come); a lent reply is handed back to the library's thread. */
void timconv_waiter_release(timconv_waiter* waiter);

#endif
