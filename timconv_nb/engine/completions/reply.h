/* A call's reply as the binding's completions keep it (the waiter, the answer queue): what the
 * library passed to its TIMCommCallback, with the thread that called back and when, so that
 * Python can read it later on its own thread. Also a cffi declaration (the preprocessor lines
 * dropped). */
#ifndef TIMCONV_REPLY_H
#define TIMCONV_REPLY_H

#include <stddef.h>
#include <stdint.h>

typedef struct timconv_reply {
    int32_t code;
    char* desc;       /* a copy */
    char* json;       /* a copy, or the library's own text while it is lent (see waiter.h) */
    int json_lent;    /* json is the library's text: valid only until the waiter is released */
    uint64_t thread;  /* the thread that called back (pthread_self, as Python's thread ident) */
    int64_t done_ns;  /* when it called back, nanoseconds since the epoch */
} timconv_reply;

/* Copies the callback's arguments into `reply` (NULL texts as ""); when a copy cannot be made the
 * code becomes ERR_OUT_OF_MEMORY, so the caller still learns that the call ended. */
void timconv_reply_store(timconv_reply* reply, int32_t code, const char* desc, const char* json);
/* As timconv_reply_store, but json is not copied: the reply points at the library's text, which
 * the caller keeps valid for as long as the reply is read. */
void timconv_reply_lend(timconv_reply* reply, int32_t code, const char* desc, const char* json);
/* Frees the copies. */
void timconv_reply_clear(timconv_reply* reply);
/* strlen, for reading a reply's JSON in place (a buffer over it) without copying it. */
size_t timconv_text_length(const char* text);

/* Completions (waiters and tickets) not yet freed, in this process: what a test reads to know
 * that every path let go of its completion. */
long timconv_completions_live(void);
void timconv_completion_opened(void);
void timconv_completion_freed(void);

#endif
