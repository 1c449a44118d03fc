/* The callbacks an application registers for the SDK's notifications, each with its user_data.
 *
 * TIMCONV_LISTENERS is the one C place a notification is added: one row names its kind, the
 * vendor's setter and the callback type; the enum below and the setters in listeners.c are made
 * from it. (Python's one place is timconv_nb/events.py.)
 *
 * Lock discipline: one mutex, private to listeners.c, guards the registry. It is a leaf: held
 * only to copy or store a registration, never while a callback runs or while taking any other
 * lock, so it may be taken with any other lock held. */
#ifndef TIMCONV_LISTENERS_H_
#define TIMCONV_LISTENERS_H_

#include <stdbool.h>

#include "TIMCloud.h"

/* X(kind, setter, callback type) for every notification with one registration. */
#define TIMCONV_LISTENERS(X)                                                                                      \
    X(LOG, TIMSetLogCallback, TIMLogCallback)                                                                     \
    X(CONV_EVENT, TIMSetConvEventCallback, TIMConvEventCallback)                                                  \
    X(TOTAL_UNREAD, TIMSetConvTotalUnreadMessageCountChangedCallback, TIMConvTotalUnreadMessageCountChangedCallback) \
    X(UNREAD_BY_FILTER, TIMSetConvUnreadMessageCountChangedByFilterCallback,                                      \
      TIMConvTotalUnreadMessageCountChangedByFilterCallback)                                                     \
    X(GROUP_CREATED, TIMSetConvConversationGroupCreatedCallback, TIMConvConversationGroupCreatedCallback)         \
    X(GROUP_DELETED, TIMSetConvConversationGroupDeletedCallback, TIMConvConversationGroupDeletedCallback)         \
    X(GROUP_RENAMED, TIMSetConvConversationGroupNameChangedCallback, TIMConvConversationGroupNameChangedCallback) \
    X(GROUP_ADDED, TIMSetConvConversationsAddedToGroupCallback, TIMConvConversationsAddedToGroupCallback)         \
    X(GROUP_REMOVED, TIMSetConvConversationsDeletedFromGroupCallback, TIMConvConversationsDeletedFromGroupCallback) \
    X(GROUP_TIPS, TIMSetGroupTipsEventCallback, TIMGroupTipsEventCallback)                                        \
    X(MSG_REVOKE, TIMSetMsgRevokeCallback, TIMMsgRevokeCallback)                                                  \
    X(KICKED_OFFLINE, TIMSetKickedOfflineCallback, TIMKickedOfflineCallback)

enum listener_kind {
#define LISTENER_KIND(kind, setter, type) LISTENER_##kind,
    TIMCONV_LISTENERS(LISTENER_KIND)
#undef LISTENER_KIND
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

/* Whether a callback of `kind` is registered: when none is, work that only an announcement
 * would carry (the ConvInfo JSON of an event) may be skipped. */
bool listener_wanted(enum listener_kind kind);

/* Copies the registered receive-message callbacks into out; returns how many. */
int listeners_recv(struct listener out[RECV_LISTENERS_MAX]);

#endif  /* TIMCONV_LISTENERS_H_ */
