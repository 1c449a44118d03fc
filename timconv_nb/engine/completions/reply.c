/* Replies and the count of live completions: see reply.h. */
#define _POSIX_C_SOURCE 200809L
#include "reply.h"

#include "TIMErrorCode.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static atomic_long live_completions;

static void stamp(timconv_reply* reply, int32_t code, const char* desc) {
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    reply->desc = strdup(desc != NULL ? desc : "");
    reply->code = reply->desc == NULL ? ERR_OUT_OF_MEMORY : code;
    reply->thread = (uint64_t)pthread_self();
    reply->done_ns = (int64_t)now.tv_sec * 1000000000LL + now.tv_nsec;
}

void timconv_reply_store(timconv_reply* reply, int32_t code, const char* desc, const char* json) {
    stamp(reply, code, desc);
    reply->json = strdup(json != NULL ? json : "");
    reply->json_lent = 0;
    if (reply->json == NULL) reply->code = ERR_OUT_OF_MEMORY;
}

void timconv_reply_lend(timconv_reply* reply, int32_t code, const char* desc, const char* json) {
    stamp(reply, code, desc);
    reply->json = (char*)(json != NULL ? json : "");
    reply->json_lent = 1;
}

void timconv_reply_clear(timconv_reply* reply) {
    free(reply->desc);
    if (!reply->json_lent) free(reply->json);
    reply->desc = reply->json = NULL;
    reply->json_lent = 0;
}

size_t timconv_text_length(const char* text) { return text != NULL ? strlen(text) : 0; }

long timconv_completions_live(void) { return atomic_load(&live_completions); }
void timconv_completion_opened(void) { atomic_fetch_add(&live_completions, 1); }
void timconv_completion_freed(void) { atomic_fetch_sub(&live_completions, 1); }
