/* The conversation API (TIMConversationManager.h): argument checks on the caller's thread,
 * then tasks that run against the store on the worker thread. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calls.h"
#include "json_check.h"
#include "store.h"

/* ---- create ---- */

static void run_create(struct task *t, struct store *s, struct task_result *r) {
    bool created = false;
    char *info = NULL;
    int code = store_conv_create(s, t->conv_id, t->conv_type, t->accepted_at, &created, &info);
    if (code != ERR_SUCC) {
        store_failed(r, s, code, t);
        return;
    }
    r->json = info;
    if (created) {
        char *copy = strdup(info);
        if (copy != NULL) task_result_event(r, kTIMConvEvent_Add, copy);
    }
}

int TIMConvCreate(const char *conv_id, enum TIMConvType conv_type, TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(true);
    if (code == TIM_SUCC) code = check_conv_key(conv_id, (int)conv_type);
    if (code != TIM_SUCC) return code;
    struct task *t = conv_task("TIMConvCreate", run_create, conv_id, (int)conv_type, cb, user_data);
    if (t == NULL) return TIM_ERR_PARAM;
    t->batchable = true;
    t->effect = EFFECT_CREATES;
    return engine_submit(t, true);
}

/* ---- delete ---- */

static void run_delete(struct task *t, struct store *s, struct task_result *r) {
    char *info = NULL;
    int code = store_conv_delete(s, t->conv_id, t->conv_type, true, &info);
    if (code != ERR_SUCC) {
        store_failed(r, s, code, t);
        return;
    }
    task_result_event(r, kTIMConvEvent_Del, info);
    r->unread_may_change = true;
}

int TIMConvDelete(const char *conv_id, enum TIMConvType conv_type, TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(true);
    if (code == TIM_SUCC) code = check_conv_key(conv_id, (int)conv_type);
    if (code != TIM_SUCC) return code;
    struct task *t = conv_task("TIMConvDelete", run_delete, conv_id, (int)conv_type, cb, user_data);
    if (t == NULL) return TIM_ERR_PARAM;
    t->batchable = true;
    t->effect = EFFECT_DELETES;
    return engine_submit(t, true);
}

/* At most this many conversations per TIMConvDeleteConversationList. */
#define DELETE_LIST_MAX 100

static void run_delete_list(struct task *t, struct store *s, struct task_result *r) {
    char *deleted = NULL;
    bool clear_messages = t->flag;
    int code = store_conv_batch(s, t->json, store_op_delete, &clear_messages, &r->json, &deleted);
    if (code != ERR_SUCC) {
        store_failed(r, s, code, t);
        return;
    }
    task_result_note(r, NOTE_CONV_EVENT, kTIMConvEvent_Del, deleted);
    r->unread_may_change = true;
}

int TIMConvDeleteConversationList(const char *conversation_id_array, bool clear_message, TIMCommCallback cb,
                                  const void *user_data) {
    int code = engine_precheck(true);
    if (code != TIM_SUCC) return code;
    if (!text_is_json_size_ok(conversation_id_array)) return TIM_ERR_PARAM;
    int64_t count = 0;
    code = json_check_id_array(conversation_id_array, &count);
    if (code != TIM_SUCC) return code;
    if (count > DELETE_LIST_MAX) return TIM_ERR_PARAM;
    struct task *t = task_new("TIMConvDeleteConversationList", run_delete_list, cb, user_data);
    if (t == NULL || (t->json = strdup(conversation_id_array)) == NULL) {
        task_free(t);
        return TIM_ERR_PARAM;
    }
    t->needs_store = true;
    t->flag = clear_message;
    t->effect = EFFECT_DELETES_LISTED;
    return engine_submit(t, true);
}

/* ---- marks and custom data ---- */

static void run_mark(struct task *t, struct store *s, struct task_result *r) {
    struct conv_mark mark = {t->numbers[0], t->flag};
    char *changed = NULL;
    int code = store_conv_batch(s, t->json, store_op_mark, &mark, &r->json, &changed);
    if (code != ERR_SUCC) {
        store_failed(r, s, code, t);
        return;
    }
    task_result_note(r, NOTE_CONV_EVENT, kTIMConvEvent_Update, changed);
}

int TIMConvMarkConversation(const char *conversation_id_array, uint64_t mark_type, bool enable_mark,
                            TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(true);
    int64_t count = 0;
    if (code == TIM_SUCC) code = check_id_array(conversation_id_array, &count);
    /* Marks are stored as SQLite integers: the top bit cannot be one. */
    if (code == TIM_SUCC && (mark_type == 0 || mark_type > INT64_MAX)) code = TIM_ERR_PARAM;
    if (code != TIM_SUCC) return code;
    struct task *t = batch_task("TIMConvMarkConversation", run_mark, conversation_id_array, count, cb, user_data);
    if (t == NULL) return TIM_ERR_PARAM;
    t->numbers[0] = mark_type;
    t->flag = enable_mark;
    return engine_submit(t, true);
}

/* The vendor's limit on conv_custom_data, in bytes. */
#define CUSTOM_DATA_MAX 256

static void run_custom_data(struct task *t, struct store *s, struct task_result *r) {
    char *changed = NULL;
    int code = store_conv_batch(s, t->json, store_op_custom_data, t->extra, &r->json, &changed);
    if (code != ERR_SUCC) {
        store_failed(r, s, code, t);
        return;
    }
    task_result_note(r, NOTE_CONV_EVENT, kTIMConvEvent_Update, changed);
}

int TIMConvSetConversationCustomData(const char *conversation_id_array, const char *custom_data, TIMCommCallback cb,
                                     const void *user_data) {
    int code = engine_precheck(true);
    int64_t count = 0;
    if (code == TIM_SUCC) code = check_id_array(conversation_id_array, &count);
    size_t len = custom_data != NULL ? strnlen(custom_data, CUSTOM_DATA_MAX + 1) : 0;
    if (code == TIM_SUCC && (len > CUSTOM_DATA_MAX || (len > 0 && !text_is_utf8(custom_data, len)))) {
        code = TIM_ERR_PARAM;
    }
    if (code != TIM_SUCC) return code;
    struct task *t = batch_task("TIMConvSetConversationCustomData", run_custom_data, conversation_id_array, count, cb,
                                user_data);
    if (t == NULL || (t->extra = strndup(len > 0 ? custom_data : "", len)) == NULL) {
        task_free(t);
        return TIM_ERR_PARAM;
    }
    return engine_submit(t, true);
}

/* ---- pin ---- */

/* Records the Update event of a change to one conversation, or, when nobody listens (info was
 * not read), only that something changed. */
static void updated(struct task_result *r, char *info) {
    if (info != NULL) {
        task_result_event(r, kTIMConvEvent_Update, info);
    } else {
        task_result_changed(r);
    }
}

/* The ConvInfo out-parameter for a store call: only worth reading when someone gets the event
 * (the callbacks of pin and the draft calls carry no JSON). */
static char **info_if_wanted(char **info) { return engine_conv_events_wanted() ? info : NULL; }

static void run_pin(struct task *t, struct store *s, struct task_result *r) {
    char *info = NULL;
    int code = store_conv_pin(s, t->conv_id, t->conv_type, t->flag, info_if_wanted(&info));
    if (code != ERR_SUCC) {
        store_failed(r, s, code, t);
        return;
    }
    updated(r, info);
}

int TIMConvPinConversation(const char *conv_id, TIMConvType conv_type, bool is_pinned, TIMCommCallback cb,
                           const void *user_data) {
    int code = engine_precheck(true);
    if (code == TIM_SUCC) code = check_conv_key(conv_id, (int)conv_type);
    if (code != TIM_SUCC) return code;
    struct task *t = conv_task("TIMConvPinConversation", run_pin, conv_id, (int)conv_type, cb, user_data);
    if (t == NULL) return TIM_ERR_PARAM;
    t->batchable = true;
    t->flag = is_pinned;
    return engine_submit(t, true);
}

/* ---- list and info ---- */

/* numbers[]: next_seq, count, then the filter's conv type, mark type and has_group_at_info;
 * flag: has_unread; text: the conversation group. */
static void run_page(struct task *t, struct store *s, struct task_result *r) {
    struct conv_filter filter = {
        .conv_type = (int)t->numbers[2],
        .has_unread = t->flag,
        .mark_type = t->numbers[3],
        .group = t->text,
        .has_group_at_info = t->numbers[4] != 0,
    };
    int code = store_conv_page(s, &filter, t->numbers[0], (uint32_t)t->numbers[1], &r->json);
    if (code != ERR_SUCC) store_failed(r, s, code, t);
}

int TIMConvGetConversationListByFilter(const char *filter, uint64_t next_seq, uint32_t count, TIMCommCallback cb,
                                       const void *user_data) {
    int code = engine_precheck(true);
    struct conv_filter f;
    char group[TEXT_ID_MAX + 1];
    if (code == TIM_SUCC) code = parse_filter(filter, &f, group);
    if (code == TIM_SUCC && count == 0) code = TIM_ERR_PARAM;
    if (code != TIM_SUCC) return code;
    struct task *t = task_new("TIMConvGetConversationListByFilter", run_page, cb, user_data);
    if (t == NULL) return TIM_ERR_PARAM;
    t->needs_store = true;
    t->numbers[0] = next_seq;
    t->numbers[1] = count;
    t->numbers[2] = (uint64_t)f.conv_type;
    t->numbers[3] = f.mark_type;
    t->flag = f.has_unread;
    t->numbers[4] = f.has_group_at_info;
    snprintf(t->text, sizeof t->text, "%s", group);
    return engine_submit(t, true);
}

static void run_list(struct task *t, struct store *s, struct task_result *r) {
    int code = store_conv_list(s, &r->json);
    if (code != ERR_SUCC) store_failed(r, s, code, t);
}

int TIMConvGetConvList(TIMCommCallback cb, const void *user_data) {
    return submit_store_call("TIMConvGetConvList", run_list, cb, user_data);
}

static void run_info(struct task *t, struct store *s, struct task_result *r) {
    int code = store_conv_info_batch(s, t->json, &r->json);
    if (code != ERR_SUCC) store_failed(r, s, code, t);
}

int TIMConvGetConvInfo(const char *json_get_conv_list_param, TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(true);
    if (code != TIM_SUCC) return code;
    if (!text_is_json_size_ok(json_get_conv_list_param)) return TIM_ERR_PARAM;
    code = json_check_conv_info_param(json_get_conv_list_param);
    if (code != TIM_SUCC) return code;
    struct task *t = task_new("TIMConvGetConvInfo", run_info, cb, user_data);
    if (t == NULL || (t->json = strdup(json_get_conv_list_param)) == NULL) {
        task_free(t);
        return TIM_ERR_PARAM;
    }
    t->needs_store = true;
    return engine_submit(t, true);
}

/* ---- drafts (synchronous) ---- */

/* Writes (json set) or removes (json NULL) the draft; failures reach the log (engine.c). */
static void run_draft(struct task *t, struct store *s, struct task_result *r) {
    char *info = NULL;
    int code = store_draft_write(s, t->conv_id, t->conv_type, t->json, t->accepted_at, info_if_wanted(&info));
    if (code != ERR_SUCC) {
        store_failed(r, s, code, t);
        return;
    }
    updated(r, info);
}

static int submit_draft(const char *api, const char *conv_id, int conv_type, const char *json_draft) {
    struct task *t = conv_task(api, run_draft, conv_id, conv_type, NULL, NULL);
    if (t == NULL || (json_draft != NULL && (t->json = strdup(json_draft)) == NULL)) {
        task_free(t);
        return TIM_ERR_PARAM;
    }
    t->has_callback = false;
    t->batchable = true;
    return engine_submit_if_conv_exists(t);
}

int TIMConvSetDraft(const char *conv_id, enum TIMConvType conv_type, const char *json_draft_param) {
    int code = engine_precheck(true);
    if (code == TIM_SUCC) code = check_conv_key(conv_id, (int)conv_type);
    if (code == TIM_SUCC && !text_is_json_size_ok(json_draft_param)) code = TIM_ERR_PARAM;
    if (code == TIM_SUCC) code = json_check_draft(json_draft_param);
    if (code != TIM_SUCC) return code;
    return submit_draft("TIMConvSetDraft", conv_id, (int)conv_type, json_draft_param);
}

int TIMConvCancelDraft(const char *conv_id, enum TIMConvType conv_type) {
    int code = engine_precheck(true);
    if (code == TIM_SUCC) code = check_conv_key(conv_id, (int)conv_type);
    if (code != TIM_SUCC) return code;
    return submit_draft("TIMConvCancelDraft", conv_id, (int)conv_type, NULL);
}
