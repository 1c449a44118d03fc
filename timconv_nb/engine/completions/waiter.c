/* The waiter: see waiter.h. Compiled into timconv_nb._callbacks (not the engine), so it serves
 * every library with the engine's ABI.
 *
 * Lock discipline: `lock` guards every field; `changed` is broadcast when the reply arrives and
 * when the waiting side lets go, and each side waits on it for the other.
 * Lifetime: a waiter starts with two references, the waiting side's and the pending
 * callback's. The callback drops its own once it has answered (after the lent text is handed
 * back); the waiting side drops its own with timconv_waiter_release, and the callback's too with
 * timconv_waiter_refused when no callback will come. Whoever drops the last one frees it. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "reply.h"
#include "waiter.h"

struct timconv_waiter {
    pthread_mutex_t lock;
    pthread_cond_t changed;
    int lend;
    int done;      /* the reply is there */
    int released;  /* the waiting side is done with it */
    int references;
    timconv_reply reply;
};

/* How long a waiter watches before sleeping: a reply that comes within it costs no wake-up. A
 * write takes the engine 50 to 100 µs, and a wake-up after sleeping cost 150 µs more on the
 * 2-vCPU test machine (a new conversation: 270 µs median with a 50 µs watch, 98 µs with this). */
#define WAITER_SPIN_NS 300000

static atomic_int watching; /* waiters watching (spinning) right now */

static long long monotonic_ns(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long long)now.tv_sec * 1000000000LL + now.tv_nsec;
}

timconv_waiter* timconv_waiter_new(int lend) {
    timconv_waiter* w = calloc(1, sizeof *w);
    if (w == NULL) return NULL;
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_mutex_init(&w->lock, NULL);
    pthread_cond_init(&w->changed, &attr);
    pthread_condattr_destroy(&attr);
    w->lend = lend != 0;
    w->references = 2;
    timconv_completion_opened();
    return w;
}

static void drop_reference(timconv_waiter* w) {
    pthread_mutex_lock(&w->lock);
    int left = --w->references;
    pthread_mutex_unlock(&w->lock);
    if (left == 0) {
        timconv_reply_clear(&w->reply);
        pthread_cond_destroy(&w->changed);
        pthread_mutex_destroy(&w->lock);
        free(w);
        timconv_completion_freed();
    }
}

void timconv_waiter_done(int32_t code, const char* desc, const char* json_params, const void* user_data) {
    timconv_waiter* w = (timconv_waiter*)user_data;
    timconv_reply reply;
    if (!w->lend) timconv_reply_store(&reply, code, desc, json_params); /* copied outside the lock */
    pthread_mutex_lock(&w->lock);
    if (!w->lend) {
        w->reply = reply;
    } else if (!w->released) { /* nobody reads a reply the waiting side no longer wants */
        timconv_reply_lend(&w->reply, code, desc, json_params);
    }
    w->done = 1;
    pthread_cond_broadcast(&w->changed);
    if (w->lend) {
        while (!w->released) pthread_cond_wait(&w->changed, &w->lock);
        w->reply.json = NULL; /* the library's text: not ours once this callback returns */
        w->reply.json_lent = 0;
    }
    pthread_mutex_unlock(&w->lock);
    drop_reference(w);
}

int timconv_waiter_wait(timconv_waiter* w, double timeout_seconds) {
    long long start = monotonic_ns();
    long long deadline = start + (long long)(timeout_seconds * 1e9);
    /* One waiter at a time watches: several spinning threads would take the CPU the library's
     * own thread needs to answer them. */
    int watch = atomic_fetch_add(&watching, 1) == 0;
    pthread_mutex_lock(&w->lock);
    while (watch && !w->done && monotonic_ns() - start < WAITER_SPIN_NS) {
        pthread_mutex_unlock(&w->lock);
        pthread_mutex_lock(&w->lock);
    }
    atomic_fetch_sub(&watching, 1);
    struct timespec until = {(time_t)(deadline / 1000000000LL), (long)(deadline % 1000000000LL)};
    while (!w->done) {
        if (pthread_cond_timedwait(&w->changed, &w->lock, &until) != 0 && !w->done) break;
    }
    int done = w->done;
    pthread_mutex_unlock(&w->lock);
    return done;
}

const timconv_reply* timconv_waiter_reply(timconv_waiter* w) { return &w->reply; }

void timconv_waiter_refused(timconv_waiter* w) { drop_reference(w); }

void timconv_waiter_release(timconv_waiter* w) {
    pthread_mutex_lock(&w->lock);
    w->released = 1;
    pthread_cond_broadcast(&w->changed);
    pthread_mutex_unlock(&w->lock);
    drop_reference(w);
}
