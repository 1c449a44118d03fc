/* The SDK's notifications: the callbacks an application registers, each with its user_data, and
 * announcing a note through them.
 *
 * TIMCONV_LISTENERS is the one C place a notification is added: one row names its kind, the
 * vendor's setter and callback type, how callbacks are registered and called, and the arguments
 * a callback is called with from a note. The enum below, the setters, and listener_announce in
 * listeners.c are made from it. (Python's one place is timconv_nb/events.py.)
 *
 * Every notification is announced the same way: a `struct note` of its kind, carrying the values
 * its row's arguments name, handed to listener_announce (at once, or recorded in a task's result
 * and announced when the task completes). The special cases are columns of the row:
 *   registration ONE:  the setter replaces the one registration (a NULL callback removes it);
 *   registration LIST: the setter adds a callback to a list of up to LISTENERS_MAX (the vendor's
 *                      TIMAddRecvNewMsgCallback), and a remover (listeners.c, one line each)
 *                      takes it out; a note calls each callback of the list;
 *   per NOTE:          one call per note;
 *   per ELEMENT:       the note's json is a JSON array: one call per element, the row's
 *                      arguments seeing that element as n->json (group tips, one per tip).
 * The arguments are written with the note `n`, the registration's `user_data`, and two helpers
 * of listeners.c: note_array(n), n's JSON array ("[]" when it has none), note_count(n), n's
 * value as an int count (clamped), and note_text(n), n's text ("" when it has none).
 *
 * Lock discipline: one mutex, private to listeners.c, guards the registry. It is a leaf: held
 * only to copy or store a registration, never while a callback runs or while taking any other
 * lock, so it may be taken with any other lock held. */
#ifndef TIMCONV_LISTENERS_H_
#define TIMCONV_LISTENERS_H_

#include <stdbool.h>
#include <stdint.h>

#include "TIMCloud.h"

struct store;

/* X(kind, setter, callback type, registration, per, arguments): see above. */
#define TIMCONV_LISTENERS(X)                                                                                       \
    X(LOG, TIMSetLogCallback, TIMLogCallback, ONE, NOTE, ((enum TIMLogLevel)n->value, n->text, user_data))         \
    X(CONV_EVENT, TIMSetConvEventCallback, TIMConvEventCallback, ONE, NOTE,                                        \
      ((enum TIMConvEvent)n->value, note_array(n), user_data))                                                     \
    X(RECV_MSG, TIMAddRecvNewMsgCallback, TIMRecvNewMsgCallback, LIST, NOTE, (n->json, user_data))                 \
    X(TOTAL_UNREAD, TIMSetConvTotalUnreadMessageCountChangedCallback, TIMConvTotalUnreadMessageCountChangedCallback, \
      ONE, NOTE, (note_count(n), user_data))                                                                       \
    X(UNREAD_BY_FILTER, TIMSetConvUnreadMessageCountChangedByFilterCallback,                                       \
      TIMConvTotalUnreadMessageCountChangedByFilterCallback, ONE, NOTE, (n->json, note_count(n), user_data))       \
    X(GROUP_CREATED, TIMSetConvConversationGroupCreatedCallback, TIMConvConversationGroupCreatedCallback, ONE, NOTE, \
      (n->name, note_array(n), user_data))                                                                         \
    X(GROUP_DELETED, TIMSetConvConversationGroupDeletedCallback, TIMConvConversationGroupDeletedCallback, ONE, NOTE, \
      (n->name, user_data))                                                                                        \
    X(GROUP_RENAMED, TIMSetConvConversationGroupNameChangedCallback, TIMConvConversationGroupNameChangedCallback,   \
      ONE, NOTE, (n->name, n->new_name, user_data))                                                                \
    X(GROUP_ADDED, TIMSetConvConversationsAddedToGroupCallback, TIMConvConversationsAddedToGroupCallback, ONE, NOTE, \
      (n->name, note_array(n), user_data))                                                                         \
    X(GROUP_REMOVED, TIMSetConvConversationsDeletedFromGroupCallback, TIMConvConversationsDeletedFromGroupCallback, \
      ONE, NOTE, (n->name, note_array(n), 0, user_data))                                                           \
    X(GROUP_TIPS, TIMSetGroupTipsEventCallback, TIMGroupTipsEventCallback, ONE, ELEMENT, (n->json, user_data))     \
    X(MSG_REVOKE, TIMSetMsgRevokeCallback, TIMMsgRevokeCallback, ONE, NOTE, (n->json, user_data))                  \
    X(KICKED_OFFLINE, TIMSetKickedOfflineCallback, TIMKickedOfflineCallback, ONE, NOTE, (user_data))              \
    X(NETWORK_STATUS, TIMSetNetworkStatusListenerCallback, TIMNetworkStatusListenerCallback, ONE, NOTE,           \
      ((enum TIMNetworkStatus)n->value, n->code, note_text(n), user_data))                                       \
    X(SELF_INFO_UPDATED, TIMSetSelfInfoUpdatedCallback, TIMSelfInfoUpdatedCallback, ONE, NOTE, (n->json, user_data)) \
    X(USER_INFO_CHANGED, TIMSetUserInfoChangedCallback, TIMUserInfoChangedCallback, ONE, NOTE,                    \
      (note_array(n), user_data))                                                                                  \
    X(USER_STATUS_CHANGED, TIMSetUserStatusChangedCallback, TIMUserStatusChangedCallback, ONE, NOTE,              \
      (note_array(n), user_data))                                                                                 \
    X(MSG_UPDATE, TIMSetMsgUpdateCallback, TIMMsgUpdateCallback, ONE, NOTE, (note_array(n), user_data))         \
    X(FRIEND_ADDED, TIMSetOnAddFriendCallback, TIMOnAddFriendCallback, ONE, NOTE, (note_array(n), user_data))     \
    X(FRIEND_DELETED, TIMSetOnDeleteFriendCallback, TIMOnDeleteFriendCallback, ONE, NOTE, (note_array(n), user_data)) \
    X(FRIEND_PROFILE_UPDATED, TIMSetUpdateFriendProfileCallback, TIMUpdateFriendProfileCallback, ONE, NOTE,       \
      (note_array(n), user_data))                                                                                  \
    X(FRIEND_REQUEST, TIMSetFriendAddRequestCallback, TIMFriendAddRequestCallback, ONE, NOTE,                     \
      (note_array(n), user_data))                                                                                  \
    X(FRIEND_REQUESTS_DELETED, TIMSetFriendApplicationListDeletedCallback, TIMFriendApplicationListDeletedCallback, \
      ONE, NOTE, (note_array(n), user_data))                                                                       \
    X(FRIEND_REQUESTS_READ, TIMSetFriendApplicationListReadCallback, TIMFriendApplicationListReadCallback, ONE,   \
      NOTE, (user_data))                                                                                           \
    X(BLOCKED, TIMSetFriendBlackListAddedCallback, TIMFriendBlackListAddedCallback, ONE, NOTE,                    \
      (note_array(n), user_data))                                                                                  \
    X(UNBLOCKED, TIMSetFriendBlackListDeletedCallback, TIMFriendBlackListDeletedCallback, ONE, NOTE,              \
      (note_array(n), user_data))                                                                                  \
    X(FRIEND_GROUP_CREATED, TIMSetFriendGroupCreatedCallback, TIMFriendGroupCreatedCallback, ONE, NOTE,           \
      (n->name, note_array(n), user_data))                                                           \
    X(FRIEND_GROUP_DELETED, TIMSetFriendGroupDeletedCallback, TIMFriendGroupDeletedCallback, ONE, NOTE,           \
      (note_array(n), user_data))                                                                                  \
    X(FRIEND_GROUP_RENAMED, TIMSetFriendGroupNameChangedCallback, TIMFriendGroupNameChangedCallback, ONE, NOTE,   \
      (n->name, n->new_name, user_data))                                              \
    X(FRIENDS_GROUPED, TIMSetFriendsAddedToGroupCallback, TIMFriendsAddedToGroupCallback, ONE, NOTE,              \
      (n->name, note_array(n), user_data))                                                           \
    X(FRIENDS_UNGROUPED, TIMSetFriendsDeletedFromGroupCallback, TIMFriendsDeletedFromGroupCallback, ONE, NOTE,    \
      (n->name, note_array(n), user_data))                                                                         \
    X(GROUP_ATTRIBUTE_CHANGED, TIMSetGroupAttributeChangedCallback, TIMGroupAttributeChangedCallback, ONE, NOTE,  \
      (n->name, note_array(n), user_data))                                                                         \
    X(GROUP_COUNTER_CHANGED, TIMSetGroupCounterChangedCallback, TIMGroupCounterChangedCallback, ONE, NOTE,        \
      (n->name, note_text(n), n->value, user_data))

enum listener_kind {
    LISTENER_NONE, /* no notification: an unused note */
#define LISTENER_KIND(kind, setter, type, registration, per, arguments) LISTENER_##kind,
    TIMCONV_LISTENERS(LISTENER_KIND)
#undef LISTENER_KIND
    LISTENER_KIND_COUNT
};

/* How many callbacks a LIST notification may have registered at once. */
#define LISTENERS_MAX 16

/* A notification to announce: its kind and the values its row's arguments take. The strings are
 * malloc'd and owned when the note is recorded in a task's result (task.h); borrowed when the
 * note is announced at once. */
struct note {
    enum listener_kind kind;
    int64_t value;  /* a TIMConvEvent, a TIMLogLevel, a total, a TIMNetworkStatus, a group counter's value */
    int32_t code;   /* a network status's: ERR_SUCC, or why the connection failed */
    char *json;     /* a JSON array (of ConvInfo, Messages, GroupTipsElem, revoke locators, UserProfile), a filter, a UserProfile */
    char *name;     /* a conversation group's name; a group's id (its attributes or a counter changed) */
    char *new_name; /* a conversation group's new name */
    char *text;     /* a log line; a network status's description; a group counter's key (NULL: "") */
};

/* Calls the callbacks registered for n's kind with n's values, on the calling thread. s: the
 * store whose SQLite reads a per-ELEMENT note's array (NULL: such a note is not announced). */
void listener_announce(struct store *s, const struct note *n);

/* Whether a callback of `kind` is registered: when none is, work that only an announcement
 * would carry (the ConvInfo JSON of an event) may be skipped. */
bool listener_wanted(enum listener_kind kind);

#endif  /* TIMCONV_LISTENERS_H_ */
