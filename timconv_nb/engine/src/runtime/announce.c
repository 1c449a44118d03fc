/* Announcing: see announce.h. */
#define _POSIX_C_SOURCE 200809L
#include "runtime/announce.h"

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
    listener_announce(s, &(struct note){.kind = LISTENER_TOTAL_UNREAD, .value = total});
}

void announce_result(struct store *s, struct task_result *r) {
    for (int i = 0; i < TASK_MAX_NOTES; i++) {
        if (r->notes[i].kind != LISTENER_NONE) listener_announce(s, &r->notes[i]);
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
        task_result_note(&r, LISTENER_CONV_EVENT, kTIMConvEvent_Add, unless_empty(news.added));
        task_result_note(&r, LISTENER_CONV_EVENT, kTIMConvEvent_Update, unless_empty(news.updated));
        task_result_note(&r, LISTENER_RECV_MSG, 0, unless_empty(news.messages));
        task_result_note(&r, LISTENER_GROUP_TIPS, 0, unless_empty(news.tips));
        news.added = news.updated = news.messages = news.tips = NULL; /* taken by the notes */
    }
    announce_result(s, &r);
    if (inbox_last_id != before) {
        news.revoked = unless_empty(news.revoked);
        if (news.revoked != NULL) listener_announce(s, &(struct note){.kind = LISTENER_MSG_REVOKE, .json = news.revoked});
        news.modified = unless_empty(news.modified);
        if (news.modified != NULL) listener_announce(s, &(struct note){.kind = LISTENER_MSG_UPDATE, .json = news.modified});
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
