/* The registry of application callbacks and announcing through it: see listeners.h (the rows,
 * their columns and the lock discipline). */
#include "notify/listeners.h"

#include <assert.h>
#include <pthread.h>

#include "notify/engine_log.h"
#include "store/store.h"

/* A registration: fn is the registered callback cast to a generic function type; call() casts
 * it back to the type of its kind's row. */
typedef void (*listener_fn)(void);
struct listener {
    listener_fn fn;
    const void *user_data;
};

enum registration { REGISTRATION_ONE, REGISTRATION_LIST };
enum per { PER_NOTE, PER_ELEMENT };

/* Each kind's registration and per columns. */
static const struct {
    enum registration registration;
    enum per per;
} columns[LISTENER_KIND_COUNT] = {
#define LISTENER_COLUMNS(kind, setter, type, registration, per, arguments) \
    [LISTENER_##kind] = {REGISTRATION_##registration, PER_##per},
    TIMCONV_LISTENERS(LISTENER_COLUMNS)
#undef LISTENER_COLUMNS
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
/* A ONE kind's registration is its slot 0; a LIST kind's are its non-empty slots. */
static struct listener registered[LISTENER_KIND_COUNT][LISTENERS_MAX];

/* Registers fn for kind as its registration column says. A LIST kind's callback that is
 * registered already has its user_data replaced; past the limit it is not added (the vendor's
 * signature leaves no way to say so). */
static void enroll(enum listener_kind kind, listener_fn fn, const void *user_data) {
    assert(kind > LISTENER_NONE && kind < LISTENER_KIND_COUNT);
    struct listener *slots = registered[kind];
    pthread_mutex_lock(&lock);
    if (columns[kind].registration == REGISTRATION_ONE) {
        slots[0] = (struct listener){fn, fn != NULL ? user_data : NULL};
    } else if (fn != NULL) {
        int slot = -1;
        for (int i = 0; i < LISTENERS_MAX; i++) {
            if (slots[i].fn == fn) {
                slot = i;
                break;
            }
            if (slot < 0 && slots[i].fn == NULL) slot = i;
        }
        if (slot >= 0) slots[slot] = (struct listener){fn, user_data};
    }
    pthread_mutex_unlock(&lock);
}

/* Takes fn out of a LIST kind's registrations. */
static void unenroll(enum listener_kind kind, listener_fn fn) {
    assert(columns[kind].registration == REGISTRATION_LIST);
    pthread_mutex_lock(&lock);
    for (int i = 0; i < LISTENERS_MAX; i++) {
        if (registered[kind][i].fn == fn) registered[kind][i] = (struct listener){NULL, NULL};
    }
    pthread_mutex_unlock(&lock);
}

/* Copies kind's registrations into out; returns how many. */
static int registrations(enum listener_kind kind, struct listener out[LISTENERS_MAX]) {
    int n = 0;
    pthread_mutex_lock(&lock);
    for (int i = 0; i < LISTENERS_MAX; i++) {
        if (registered[kind][i].fn != NULL) out[n++] = registered[kind][i];
    }
    pthread_mutex_unlock(&lock);
    return n;
}

bool listener_wanted(enum listener_kind kind) {
    struct listener ignored[LISTENERS_MAX];
    return registrations(kind, ignored) > 0;
}

/* The vendor's setters (or adders), one per row. */
#define LISTENER_SETTER(kind, setter, type, registration, per, arguments) \
    void setter(type cb, const void *user_data) { enroll(LISTENER_##kind, (listener_fn)cb, user_data); }
TIMCONV_LISTENERS(LISTENER_SETTER)
#undef LISTENER_SETTER

/* The removers of the LIST rows. */
void TIMRemoveRecvNewMsgCallback(TIMRecvNewMsgCallback cb) { unenroll(LISTENER_RECV_MSG, (listener_fn)cb); }

/* A note's JSON array, "[]" when it has none. */
static const char *note_array(const struct note *n) { return n->json != NULL ? n->json : "[]"; }

/* A note's value as a callback's int count (clamped). */
static int note_count(const struct note *n) { return n->value > INT32_MAX ? INT32_MAX : (int)n->value; }

/* A note's text, "" when it has none. */
static const char *note_text(const struct note *n) { return n->text != NULL ? n->text : ""; }

/* Calls l's callback with the arguments n's row names. */
static void call(const struct listener *l, const struct note *n) {
    const void *user_data = l->user_data;
    switch (n->kind) {
#define LISTENER_CALL(kind, setter, type, registration, per, arguments) \
    case LISTENER_##kind: ((type)l->fn)arguments; break;
        TIMCONV_LISTENERS(LISTENER_CALL)
#undef LISTENER_CALL
    case LISTENER_NONE:
    case LISTENER_KIND_COUNT: break;
    }
}

struct element_call {
    const struct listener *listener;
    const struct note *note;
};

static void call_with_element(const char *element, void *ctx) {
    const struct element_call *c = ctx;
    struct note one = *c->note;
    one.json = (char *)element; /* borrowed, as every string of an announced note */
    call(c->listener, &one);
}

void listener_announce(struct store *s, const struct note *n) {
    assert(n->kind > LISTENER_NONE && n->kind < LISTENER_KIND_COUNT);
    struct listener to[LISTENERS_MAX];
    int count = registrations(n->kind, to);
    for (int i = 0; i < count; i++) {
        if (columns[n->kind].per == PER_NOTE) {
            call(&to[i], n);
        } else if (s != NULL && n->json != NULL) {
            struct element_call each = {&to[i], n};
            if (store_array_each(s, n->json, call_with_element, &each) != ERR_SUCC) {
                engine_log(kTIMLog_Error, "cannot announce the elements of a note: %s", store_error(s));
            }
        }
    }
}
