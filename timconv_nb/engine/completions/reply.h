/* A call's reply as the binding's C completions keep it (the waiter, the answer queue): copies of
 * what the library passed to its TIMCommCallback, made on the library's thread, with that thread
 * and the time it answered, so that Python can read them later on its own thread. Also a cffi
 * declaration (the preprocessor lines dropped). */
#ifndef TIMCONV_REPLY_H
#define TIMCONV_REPLY_H

#include <stdint.h>

typedef struct timconv_reply {
    int32_t code;
    char* desc;
    char* json;
    uint64_t thread;  /* the thread that called back (pthread_self, as Python's thread ident) */
    int64_t done_ns;  /* when it called back, nanoseconds since the epoch */
} timconv_reply;

/* Copies the callback's arguments into `reply` (NULL texts as ""); when a copy cannot be made the
 * code becomes ERR_OUT_OF_MEMORY, so the caller still learns that the call ended. */
void timconv_reply_store(timconv_reply* reply, int32_t code, const char* desc, const char* json);
/* Frees the copies. */
void timconv_reply_clear(timconv_reply* reply);

#endif
