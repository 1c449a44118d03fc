/* The reply copies: see reply.h. */
#define _POSIX_C_SOURCE 200809L
#include "reply.h"

#include "TIMErrorCode.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void timconv_reply_store(timconv_reply* reply, int32_t code, const char* desc, const char* json) {
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    reply->desc = strdup(desc != NULL ? desc : "");
    reply->json = strdup(json != NULL ? json : "");
    reply->code = (reply->desc == NULL || reply->json == NULL) ? ERR_OUT_OF_MEMORY : code;
    reply->thread = (uint64_t)pthread_self();
    reply->done_ns = (int64_t)now.tv_sec * 1000000000LL + now.tv_nsec;
}

void timconv_reply_clear(timconv_reply* reply) {
    free(reply->desc);
    free(reply->json);
    reply->desc = reply->json = NULL;
}
