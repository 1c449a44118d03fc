/* The callbacks an application registers for the SDK's notifications (log, conversation events,
 * unread totals, new messages, conversation groups), each with its user_data.
 *
 * Lock discipline: one mutex, private to listeners.c, guards the registry. It is a leaf: held
 * only to copy or store a registration, never while a callback runs or while taking any other
 * lock, so it may be taken with any other lock held. */
#ifndef TIMCONV_LISTENERS_H_
#define TIMCONV_LISTENERS_H_

#include "TIMCloud.h"

enum listener_kind {
    LISTENER_LOG,
    LISTENER_CONV_EVENT,
    LISTENER_TOTAL_UNREAD,
    LISTENER_UNREAD_BY_FILTER,
    LISTENER_GROUP_CREATED,
    LISTENER_GROUP_DELETED,
    LISTENER_GROUP_RENAMED,
    LISTENER_GROUP_ADDED,
    LISTENER_GROUP_REMOVED,
    LISTENER_KIND_COUNT
};

/* A registration: fn is the registered callback cast to a generic function type; callers cast
 * it back to the type of its kind before calling it. */
typedef void (*listener_fn)(void);
struct listener {
    listener_fn fn;
    const void *user_data;
};

/* How many receive-message callbacks may be registered at once. */
#define RECV_LISTENERS_MAX 16

/* A copy of the registration of `kind` (fn NULL when none). */
struct listener listener_get(enum listener_kind kind);

/* Copies the registered receive-message callbacks into out; returns how many. */
int listeners_recv(struct listener out[RECV_LISTENERS_MAX]);

#endif  /* TIMCONV_LISTENERS_H_ */
