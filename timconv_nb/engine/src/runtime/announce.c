/* Announcing: see announce.h. */
#define _POSIX_C_SOURCE 200809L
#include "runtime/announce.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "notify/engine_log.h"
#include "notify/listeners.h"
#include "notify/unread_filters.h"

static int64_t last_total_unread; /* the total last announced (or found at login) */
static int64_t inbox_last_id;     /* the last inbox row announced */

static void announce_total_unread(struct store *s) {
    int64_t total = 0;
    if (s == NULL || store_total_unread(s, &total) != ERR_SUCC || total == last_total_unread) return;
    last_total_unread = total;
    struct listener listener = listener_get(LISTENER_TOTAL_UNREAD);
    if (listener.fn != NULL) {
        ((TIMConvTotalUnreadMessageCountChangedCallback)listener.fn)((int)(total > INT32_MAX ? INT32_MAX : total),
                                                                      listener.user_data);
    }
}

static void announce_new_messages(const char *json) {
    struct listener recv[RECV_LISTENERS_MAX];
    int n = listeners_recv(recv);
    for (int k = 0; k < n; k++) ((TIMRecvNewMsgCallback)recv[k].fn)(json, recv[k].user_data);
}

static void call_tips_listener(const char *tip, void *ctx) {
    const struct listener *l = ctx;
    ((TIMGroupTipsEventCallback)l->fn)(tip, l->user_data);
}

/* The group tips callback, once per GroupTipsElem of a JSON array (TIMGroupManager.h 2.1). */
static void announce_group_tips(struct store *s, const char *tips) {
    struct listener l = listener_get(LISTENER_GROUP_TIPS);
    if (l.fn == NULL || s == NULL || tips == NULL || strcmp(tips, "[]") == 0) return;
    if (store_array_each(s, tips, call_tips_listener, &l) != ERR_SUCC) {
        engine_log(kTIMLog_Error, "cannot announce group tips: %s", store_error(s));
    }
}

/* Fires one note through the callback registered for its kind (the store reads the array of
 * a group tips note, one callback per tip). */
static void announce_note(struct store *s, const struct note *note) {
    static const enum listener_kind listener_of[] = {
        [NOTE_CONV_EVENT] = LISTENER_CONV_EVENT,       [NOTE_GROUP_CREATED] = LISTENER_GROUP_CREATED,
        [NOTE_GROUP_DELETED] = LISTENER_GROUP_DELETED, [NOTE_GROUP_RENAMED] = LISTENER_GROUP_RENAMED,
        [NOTE_GROUP_ADDED] = LISTENER_GROUP_ADDED,     [NOTE_GROUP_REMOVED] = LISTENER_GROUP_REMOVED,
    };
    assert(note->kind > NOTE_NONE && note->kind <= NOTE_GROUP_TIPS);
    if (note->kind == NOTE_NEW_MESSAGES) {
        announce_new_messages(note->json);
        return;
    }
    if (note->kind == NOTE_GROUP_TIPS) {
        announce_group_tips(s, note->json);
        return;
    }
    struct listener l = listener_get(listener_of[note->kind]);
    const char *array = note->json != NULL ? note->json : "[]";
    const char *name = note->group_name;
    if (l.fn == NULL) return;
    /* A group note whose name could not be copied (out of memory) is not announced. */
    if (note->kind != NOTE_CONV_EVENT && name == NULL) return;
    switch (note->kind) {
    case NOTE_CONV_EVENT: ((TIMConvEventCallback)l.fn)(note->event, array, l.user_data); break;
    case NOTE_GROUP_CREATED: ((TIMConvConversationGroupCreatedCallback)l.fn)(name, array, l.user_data); break;
    case NOTE_GROUP_DELETED: ((TIMConvConversationGroupDeletedCallback)l.fn)(name, l.user_data); break;
    case NOTE_GROUP_RENAMED:
        if (note->new_group_name != NULL) {
            ((TIMConvConversationGroupNameChangedCallback)l.fn)(name, note->new_group_name, l.user_data);
        }
        break;
    case NOTE_GROUP_ADDED: ((TIMConvConversationsAddedToGroupCallback)l.fn)(name, array, l.user_data); break;
    case NOTE_GROUP_REMOVED: ((TIMConvConversationsDeletedFromGroupCallback)l.fn)(name, array, 0, l.user_data); break;
    case NOTE_NONE:
    case NOTE_NEW_MESSAGES:
    case NOTE_GROUP_TIPS: break;
    }
}

static void announce_revoked(const char *locators) {
    struct listener l = listener_get(LISTENER_MSG_REVOKE);
    if (l.fn != NULL && locators != NULL && strcmp(locators, "[]") != 0) {
        ((TIMMsgRevokeCallback)l.fn)(locators, l.user_data);
    }
}

void announce_result(struct store *s, struct task_result *r) {
    for (int i = 0; i < TASK_MAX_NOTES; i++) {
        if (r->notes[i].kind != NOTE_NONE) announce_note(s, &r->notes[i]);
    }
    if (r->unread_may_change) announce_total_unread(s);
    /* Marks and groups decide which filters a conversation passes: any change may move a total. */
    if (r->changed || r->unread_may_change) unread_filters_check(s);
}

/* An array worth announcing: taken when it holds something, else freed (NULL returned). */
static char *unless_empty(char *array) {
    if (array != NULL && strcmp(array, "[]") == 0) {
        free(array);
        return NULL;
    }
    return array;
}

void announce_deliveries(struct store *s) {
    bool changed = false;
    if (s == NULL || store_changed_elsewhere(s, &changed) != ERR_SUCC || !changed) return;
    struct inbox_news news;
    int64_t before = inbox_last_id;
    if (store_inbox_since(s, &inbox_last_id, &news) != ERR_SUCC) {
        engine_log(kTIMLog_Error, "cannot read delivered messages: %s", store_error(s));
        return;
    }
    struct task_result r = {.code = ERR_SUCC, .unread_may_change = true};
    if (inbox_last_id != before) {
        task_result_note(&r, NOTE_CONV_EVENT, kTIMConvEvent_Add, unless_empty(news.added));
        task_result_note(&r, NOTE_CONV_EVENT, kTIMConvEvent_Update, unless_empty(news.updated));
        task_result_note(&r, NOTE_NEW_MESSAGES, kTIMConvEvent_Update, unless_empty(news.messages));
        task_result_note(&r, NOTE_GROUP_TIPS, kTIMConvEvent_Update, unless_empty(news.tips));
        news.added = news.updated = news.messages = news.tips = NULL; /* taken by the notes */
    }
    announce_result(s, &r);
    if (inbox_last_id != before) {
        announce_revoked(news.revoked);
        /* Announced: the inbox need not keep them (the messages themselves are in the store). */
        if (store_inbox_trim(s, inbox_last_id) != ERR_SUCC) {
            engine_log(kTIMLog_Warn, "cannot trim the inbox: %s", store_error(s));
        }
    }
    inbox_news_clear(&news);
    task_result_clear(&r);
}

int announce_baseline(struct store *s) {
    int64_t total = 0;
    bool ignored;
    int code = store_inbox_reset(s);
    if (code == ERR_SUCC) code = store_total_unread(s, &total);
    if (code == ERR_SUCC) code = store_changed_elsewhere(s, &ignored); /* the baseline for polling */
    last_total_unread = total;
    inbox_last_id = 0;
    unread_filters_rebase();
    return code;
}
