/* The registry of application callbacks: see listeners.h (lock discipline included). */
#include "notify/listeners.h"

#include <assert.h>
#include <pthread.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct listener registered[LISTENER_KIND_COUNT];
static struct listener recv_listeners[RECV_LISTENERS_MAX];

static void set(enum listener_kind kind, listener_fn fn, const void *user_data) {
    assert(kind < LISTENER_KIND_COUNT);
    pthread_mutex_lock(&lock);
    registered[kind].fn = fn;
    registered[kind].user_data = fn != NULL ? user_data : NULL;
    pthread_mutex_unlock(&lock);
}

struct listener listener_get(enum listener_kind kind) {
    pthread_mutex_lock(&lock);
    struct listener copy = registered[kind];
    pthread_mutex_unlock(&lock);
    return copy;
}

int listeners_recv(struct listener out[RECV_LISTENERS_MAX]) {
    int n = 0;
    pthread_mutex_lock(&lock);
    for (int i = 0; i < RECV_LISTENERS_MAX; i++) {
        if (recv_listeners[i].fn != NULL) out[n++] = recv_listeners[i];
    }
    pthread_mutex_unlock(&lock);
    return n;
}

bool listener_wanted(enum listener_kind kind) { return listener_get(kind).fn != NULL; }

/* The vendor's setters, one per row of TIMCONV_LISTENERS. */
#define LISTENER_SETTER(kind, setter, type) \
    void setter(type cb, const void *user_data) { set(LISTENER_##kind, (listener_fn)cb, user_data); }
TIMCONV_LISTENERS(LISTENER_SETTER)
#undef LISTENER_SETTER

/* Adding a callback that is registered already replaces its user_data; past the limit the
 * callback is not added (the vendor's signature leaves no way to say so). */
void TIMAddRecvNewMsgCallback(TIMRecvNewMsgCallback cb, const void *user_data) {
    if (cb == NULL) return;
    listener_fn fn = (listener_fn)cb;
    pthread_mutex_lock(&lock);
    int slot = -1;
    for (int i = 0; i < RECV_LISTENERS_MAX; i++) {
        if (recv_listeners[i].fn == fn) {
            slot = i;
            break;
        }
        if (slot < 0 && recv_listeners[i].fn == NULL) slot = i;
    }
    if (slot >= 0) {
        recv_listeners[slot].fn = fn;
        recv_listeners[slot].user_data = user_data;
    }
    pthread_mutex_unlock(&lock);
}

void TIMRemoveRecvNewMsgCallback(TIMRecvNewMsgCallback cb) {
    pthread_mutex_lock(&lock);
    for (int i = 0; i < RECV_LISTENERS_MAX; i++) {
        if (recv_listeners[i].fn == (listener_fn)cb) recv_listeners[i] = (struct listener){NULL, NULL};
    }
    pthread_mutex_unlock(&lock);
}
