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
    return engine_submit(t, true);
}

/* ---- marks and conversation groups ---- */

/* The vendor's limits: conversations per call, bytes of a group name. */
#define BATCH_MAX 100
#define GROUP_NAME_MAX 32

/* Checks a JSON array of conversation ids: TIM_ERR_PARAM when missing, over-size or empty,
 * TIM_ERR_JSON when not an array of strings; *count is its length. */
static int check_id_array(const char *json, int64_t *count) {
    if (!text_is_json_size_ok(json)) return TIM_ERR_PARAM;
    int code = json_check_id_array(json, count);
    return code == TIM_SUCC && *count == 0 ? TIM_ERR_PARAM : code;
}

/* The task of a batch call over conversation ids; answered with 51006 past BATCH_MAX ids. */
static struct task *batch_task(const char *api, task_run_fn run, const char *ids, int64_t count, TIMCommCallback cb,
                               const void *user_data) {
    struct task *t = task_new(api, run, cb, user_data);
    if (t == NULL || (t->json = strdup(ids)) == NULL) {
        task_free(t);
        return NULL;
    }
    t->needs_store = true;
    if (count > BATCH_MAX) {
        t->answer_code = ERR_SVR_CONV_CONV_MARK_REQ_COUNT_EXCEED_LIMIT;
        t->answer_desc = "at most 100 conversations per call";
    }
    return t;
}

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

/* flag: create the group first. */
static void run_group_add(struct task *t, struct store *s, struct task_result *r) {
    char *changed = NULL;
    int code = store_group_add(s, t->text, t->flag, t->json, &r->json, &changed);
    if (code != ERR_SUCC) {
        task_result_fail(r, code, "%s", store_error(s));
        return;
    }
    task_result_note(r, NOTE_CONV_EVENT, kTIMConvEvent_Update, changed);
}

static int submit_group_add(const char *api, const char *group_name, const char *ids, bool create, TIMCommCallback cb,
                            const void *user_data) {
    int code = engine_precheck(true);
    int64_t count = 0;
    if (code == TIM_SUCC && (group_name == NULL || group_name[0] == '\0' ||
                             !text_is_utf8(group_name, strnlen(group_name, TEXT_ID_MAX + 1)) ||
                             strnlen(group_name, TEXT_ID_MAX + 1) > TEXT_ID_MAX)) {
        code = TIM_ERR_PARAM;
    }
    if (code == TIM_SUCC) code = check_id_array(ids, &count);
    if (code != TIM_SUCC) return code;
    struct task *t = batch_task(api, run_group_add, ids, count, cb, user_data);
    if (t == NULL) return TIM_ERR_PARAM;
    snprintf(t->text, sizeof t->text, "%s", group_name);
    t->flag = create;
    if (t->answer_code == ERR_SUCC && strlen(group_name) > GROUP_NAME_MAX) {
        t->answer_code = ERR_SVR_CONV_CONV_GROUP_NAME_EXCEED_LENGTH;
        t->answer_desc = "a conversation group name is at most 32 bytes";
    }
    return engine_submit(t, true);
}

int TIMConvCreateConversationGroup(const char *group_name, const char *conversation_id_array, TIMCommCallback cb,
                                   const void *user_data) {
    return submit_group_add("TIMConvCreateConversationGroup", group_name, conversation_id_array, true, cb, user_data);
}

int TIMConvAddConversationsToGroup(const char *group_name, const char *conversation_id_array, TIMCommCallback cb,
                                   const void *user_data) {
    return submit_group_add("TIMConvAddConversationsToGroup", group_name, conversation_id_array, false, cb, user_data);
}

/* ---- pin and unread ---- */

static void run_pin(struct task *t, struct store *s, struct task_result *r) {
    char *info = NULL;
    int code = store_conv_pin(s, t->conv_id, t->conv_type, t->flag, &info);
    if (code != ERR_SUCC) {
        store_failed(r, s, code, t);
        return;
    }
    task_result_event(r, kTIMConvEvent_Update, info);
}

int TIMConvPinConversation(const char *conv_id, TIMConvType conv_type, bool is_pinned, TIMCommCallback cb,
                           const void *user_data) {
    int code = engine_precheck(true);
    if (code == TIM_SUCC) code = check_conv_key(conv_id, (int)conv_type);
    if (code != TIM_SUCC) return code;
    struct task *t = conv_task("TIMConvPinConversation", run_pin, conv_id, (int)conv_type, cb, user_data);
    if (t == NULL) return TIM_ERR_PARAM;
    t->flag = is_pinned;
    return engine_submit(t, true);
}

static void run_total_unread(struct task *t, struct store *s, struct task_result *r) {
    int64_t total = 0;
    int code = store_total_unread(s, &total);
    if (code != ERR_SUCC) {
        store_failed(r, s, code, t);
        return;
    }
    char json[96];
    snprintf(json, sizeof json, "{\"conv_get_total_unread_message_count_result_unread_count\":%lld}", (long long)total);
    r->json = strdup(json);
}

int TIMConvGetTotalUnreadMessageCount(TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(true);
    if (code != TIM_SUCC) return code;
    struct task *t = task_new("TIMConvGetTotalUnreadMessageCount", run_total_unread, cb, user_data);
    if (t == NULL) return TIM_ERR_PARAM;
    t->needs_store = true;
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
    if (code != TIM_SUCC) return code;
    int conv_type = 0;
    bool has_unread = false, has_at = false;
    uint64_t mark_type = 0;
    char *group = NULL;
    if (filter != NULL && filter[0] != '\0') {
        if (!text_is_json_size_ok(filter)) return TIM_ERR_PARAM;
        code = json_check_filter(filter, &conv_type, &has_unread, &mark_type, &has_at, &group);
        if (code != TIM_SUCC) return code;
    }
    if (count == 0 || (group != NULL && group[0] != '\0' && !text_is_valid_id(group))) code = TIM_ERR_PARAM;
    struct task *t = code == TIM_SUCC ? task_new("TIMConvGetConversationListByFilter", run_page, cb, user_data) : NULL;
    if (code == TIM_SUCC && t == NULL) code = TIM_ERR_PARAM;
    if (t != NULL) {
        t->needs_store = true;
        t->numbers[0] = next_seq;
        t->numbers[1] = count;
        t->numbers[2] = (uint64_t)conv_type;
        t->numbers[3] = mark_type;
        t->flag = has_unread;
        t->numbers[4] = has_at;
        snprintf(t->text, sizeof t->text, "%s", group != NULL ? group : "");
    }
    free(group);
    return t != NULL ? engine_submit(t, true) : code;
}


static void run_list(struct task *t, struct store *s, struct task_result *r) {
    int code = store_conv_list(s, &r->json);
    if (code != ERR_SUCC) store_failed(r, s, code, t);
}

int TIMConvGetConvList(TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(true);
    if (code != TIM_SUCC) return code;
    struct task *t = task_new("TIMConvGetConvList", run_list, cb, user_data);
    if (t == NULL) return TIM_ERR_PARAM;
    t->needs_store = true;
    return engine_submit(t, true);
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
    int code = store_draft_write(s, t->conv_id, t->conv_type, t->json, t->accepted_at, &info);
    if (code != ERR_SUCC) {
        store_failed(r, s, code, t);
        return;
    }
    task_result_event(r, kTIMConvEvent_Update, info);
}

static int submit_draft(const char *api, const char *conv_id, int conv_type, const char *json_draft) {
    struct task *t = conv_task(api, run_draft, conv_id, conv_type, NULL, NULL);
    if (t == NULL || (json_draft != NULL && (t->json = strdup(json_draft)) == NULL)) {
        task_free(t);
        return TIM_ERR_PARAM;
    }
    t->has_callback = false;
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
