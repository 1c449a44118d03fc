/* Unread counts (TIMConversationManager.h, sections 6.11 to 6.15): the total, the total by
 * filter and its subscriptions, and cleaning unread counts. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/calls.h"
#include "notify/unread_filters.h"

/* Callback JSON of both totals: a GetTotalUnreadNumberResult. */
static void answer_total(struct task_result *r, int64_t total) {
    char json[96];
    snprintf(json, sizeof json, "{\"conv_get_total_unread_message_count_result_unread_count\":%lld}", (long long)total);
    r->json = strdup(json);
}

static void run_total_unread(struct task *t, struct store *s, struct task_result *r) {
    int64_t total = 0;
    int code = store_total_unread(s, &total);
    if (code != ERR_SUCC) {
        store_failed(r, s, code, t);
        return;
    }
    answer_total(r, total);
}

int TIMConvGetTotalUnreadMessageCount(TIMCommCallback cb, const void *user_data) {
    return submit_store_call("TIMConvGetTotalUnreadMessageCount", run_total_unread, cb, user_data);
}

static void run_unread_by_filter(struct task *t, struct store *s, struct task_result *r) {
    struct conv_filter filter = filter_of(&t->args.filter);
    int64_t total = 0;
    int code = store_unread_by_filter(s, &filter, &total, NULL);
    if (code != ERR_SUCC) {
        store_failed(r, s, code, t);
        return;
    }
    answer_total(r, total);
}

int TIMConvGetUnreadMessageCountByFilter(const char *filter, TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(true);
    struct filter_args parsed;
    if (code == TIM_SUCC) code = parse_filter(filter, &parsed);
    if (code != TIM_SUCC) return code;
    struct task *t = task_new("TIMConvGetUnreadMessageCountByFilter", run_unread_by_filter, ARGS_FILTER, cb, user_data);
    if (t == NULL) return TIM_ERR_PARAM;
    t->args.filter = parsed;
    return engine_submit(t, ADMIT_LOGGED_IN);
}

/* Takes the totals of filters subscribed since the last check, in call order, so that every
 * change after the subscription is announced. */
static void run_take_totals(struct task *t, struct store *s, struct task_result *r) {
    (void)t;
    (void)r;
    unread_filters_check(s);
}

int TIMConvSubscribeUnreadMessageCountByFilter(const char *filter) {
    int code = engine_precheck(true);
    struct filter_args parsed;
    if (code == TIM_SUCC) code = parse_filter(filter, &parsed);
    struct conv_filter subscribed = filter_of(&parsed);
    if (code == TIM_SUCC) code = unread_filters_add(&subscribed);
    if (code != TIM_SUCC) return code;
    struct task *t = task_new("TIMConvSubscribeUnreadMessageCountByFilter", run_take_totals, ARGS_NONE, NULL, NULL);
    if (t == NULL) {
        unread_filters_remove(&subscribed);
        return TIM_ERR_PARAM;
    }
    t->has_callback = false;
    return engine_submit(t, ADMIT_LOGGED_IN);
}

int TIMConvUnsubscribeUnreadMessageCountByFilter(const char *filter) {
    int code = engine_precheck(false);
    struct filter_args parsed;
    if (code == TIM_SUCC) code = parse_filter(filter, &parsed);
    struct conv_filter unsubscribed = filter_of(&parsed);
    if (code == TIM_SUCC) unread_filters_remove(&unsubscribed);
    return code;
}

void run_read_up_to(struct task *t, struct store *s, struct task_result *r) {
    const struct clean_args *a = &t->args.clean;
    char *changed = NULL;
    int code = store_clean_unread(s, a->conv.type, a->conv.id[0] != '\0' ? a->conv.id : NULL, a->timestamp,
                                  a->sequence, t->accepted_at, &changed);
    if (code != ERR_SUCC) {
        store_failed(r, s, code, t);
        return;
    }
    task_result_note(r, LISTENER_CONV_EVENT, kTIMConvEvent_Update, changed);
    r->unread_may_change = true;
}

int TIMConvCleanConversationUnreadMessageCount(const char *conversation_id, uint64_t clean_timestamp,
                                               uint64_t clean_sequence, TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(true);
    if (code != TIM_SUCC) return code;
    int conv_type = 0;
    char conv_id[TEXT_ID_MAX + 1] = "";
    if (conversation_id == NULL || conversation_id[0] == '\0') {
        conv_type = 0;
    } else if (strcmp(conversation_id, "c2c") == 0) {
        conv_type = kTIMConv_C2C;
    } else if (strcmp(conversation_id, "group") == 0) {
        conv_type = kTIMConv_Group;
    } else if (!text_parse_conv_key(conversation_id, &conv_type, conv_id)) {
        return TIM_ERR_PARAM;
    }
    struct task *t = conv_task("TIMConvCleanConversationUnreadMessageCount", run_read_up_to, ARGS_CLEAN, conv_id,
                               conv_type, cb, user_data);
    if (t == NULL) return TIM_ERR_PARAM;
    t->args.clean.timestamp = clean_timestamp;
    t->args.clean.sequence = clean_sequence;
    return engine_submit(t, ADMIT_LOGGED_IN);
}
