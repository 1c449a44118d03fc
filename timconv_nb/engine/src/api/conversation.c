/* The conversation API (TIMConversationManager.h): argument checks on the caller's thread,
 * then tasks that run against the store on the worker thread. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/calls.h"
#include "runtime/profile_news.h"
#include "timconv_ext.h"
#include "util/json_check.h"

/* ---- create ---- */

static void run_create(struct task *t, struct store *s, struct task_result *r) {
    bool created = false;
    char *info = NULL;
    int code = store_conv_create(s, t->args.conv.id, t->args.conv.type, t->accepted_at, &created, &info);
    if (code != ERR_SUCC) {
        store_failed(r, s, code, t);
        return;
    }
    if (created && t->args.conv.type == kTIMConv_C2C) profile_news_new_c2c(s, t->args.conv.id, &info);
    r->json = info;
    if (created) {
        char *copy = strdup(info);
        if (copy != NULL) task_result_event(r, kTIMConvEvent_Add, copy);
    }
}

/* The task of a write to one conversation (create, delete, pin), which may share a transaction
 * with the writes queued next to it; NULL with *code set when refused or out of memory. */
static struct task *conv_write_task(const char *api, task_run_fn run, enum task_args_kind kind, const char *conv_id,
                                    int conv_type, enum conv_effect effect, TIMCommCallback cb, const void *user_data,
                                    int *code) {
    *code = engine_precheck(true);
    if (*code == TIM_SUCC) *code = check_conv_key(conv_id, conv_type);
    if (*code != TIM_SUCC) return NULL;
    struct task *t = conv_task(api, run, kind, conv_id, conv_type, cb, user_data);
    if (t == NULL) {
        *code = TIM_ERR_PARAM;
        return NULL;
    }
    t->batchable = true;
    t->effect = effect;
    return t;
}

int TIMConvCreate(const char *conv_id, enum TIMConvType conv_type, TIMCommCallback cb, const void *user_data) {
    int code;
    struct task *t = conv_write_task("TIMConvCreate", run_create, ARGS_CONV, conv_id, (int)conv_type, EFFECT_CREATES, cb,
                                     user_data, &code);
    return t != NULL ? engine_submit(t, ADMIT_LOGGED_IN) : code;
}

/* ---- delete ---- */

static void run_delete(struct task *t, struct store *s, struct task_result *r) {
    char *info = NULL;
    int code = store_conv_delete(s, t->args.conv.id, t->args.conv.type, true, &info);
    if (code != ERR_SUCC) {
        store_failed(r, s, code, t);
        return;
    }
    task_result_event(r, kTIMConvEvent_Del, info);
    r->unread_may_change = true;
}

int TIMConvDelete(const char *conv_id, enum TIMConvType conv_type, TIMCommCallback cb, const void *user_data) {
    int code;
    struct task *t = conv_write_task("TIMConvDelete", run_delete, ARGS_CONV, conv_id, (int)conv_type, EFFECT_DELETES, cb,
                                     user_data, &code);
    return t != NULL ? engine_submit(t, ADMIT_LOGGED_IN) : code;
}

/* At most this many conversations per TIMConvDeleteConversationList. */
#define DELETE_LIST_MAX 100

static void run_delete_list(struct task *t, struct store *s, struct task_result *r) {
    char *deleted = NULL;
    bool clear_messages = t->args.ids.flag;
    int code = store_conv_batch(s, t->args.ids.ids, store_op_delete, &clear_messages, &r->json, &deleted);
    if (code != ERR_SUCC) {
        store_failed(r, s, code, t);
        return;
    }
    task_result_note(r, LISTENER_CONV_EVENT, kTIMConvEvent_Del, deleted);
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
    struct task *t = batch_task("TIMConvDeleteConversationList", run_delete_list, ARGS_IDS, conversation_id_array,
                                count, cb, user_data);
    if (t == NULL) return TIM_ERR_PARAM;
    t->args.ids.flag = clear_message;
    t->effect = EFFECT_DELETES_LISTED;
    return engine_submit(t, ADMIT_LOGGED_IN);
}

/* ---- marks and custom data ---- */

static void run_mark(struct task *t, struct store *s, struct task_result *r) {
    struct conv_mark mark = {t->args.ids.mark_type, t->args.ids.flag};
    char *changed = NULL;
    int code = store_conv_batch(s, t->args.ids.ids, store_op_mark, &mark, &r->json, &changed);
    if (code != ERR_SUCC) {
        store_failed(r, s, code, t);
        return;
    }
    task_result_note(r, LISTENER_CONV_EVENT, kTIMConvEvent_Update, changed);
}

int TIMConvMarkConversation(const char *conversation_id_array, uint64_t mark_type, bool enable_mark,
                            TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(true);
    int64_t count = 0;
    if (code == TIM_SUCC) code = check_id_array(conversation_id_array, &count);
    /* One or more marks, each bit its own (TIMConversationManager.h 616-621: bits 32 to 63 extend). */
    if (code == TIM_SUCC && mark_type == 0) code = TIM_ERR_PARAM;
    if (code != TIM_SUCC) return code;
    struct task *t =
        batch_task("TIMConvMarkConversation", run_mark, ARGS_IDS, conversation_id_array, count, cb, user_data);
    if (t == NULL) return TIM_ERR_PARAM;
    t->args.ids.mark_type = mark_type;
    t->args.ids.flag = enable_mark;
    return engine_submit(t, ADMIT_LOGGED_IN);
}

/* The vendor's limit on conv_custom_data, in bytes. */
#define CUSTOM_DATA_MAX 256

static void run_custom_data(struct task *t, struct store *s, struct task_result *r) {
    char *changed = NULL;
    int code = store_conv_batch(s, t->args.ids.ids, store_op_custom_data, t->args.ids.text, &r->json, &changed);
    if (code != ERR_SUCC) {
        store_failed(r, s, code, t);
        return;
    }
    task_result_note(r, LISTENER_CONV_EVENT, kTIMConvEvent_Update, changed);
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
    struct task *t = batch_task("TIMConvSetConversationCustomData", run_custom_data, ARGS_IDS, conversation_id_array,
                                count, cb, user_data);
    if (t == NULL || (t->args.ids.text = strndup(len > 0 ? custom_data : "", len)) == NULL) {
        task_free(t);
        return TIM_ERR_PARAM;
    }
    return engine_submit(t, ADMIT_LOGGED_IN);
}

/* ---- pin ---- */

static void run_pin(struct task *t, struct store *s, struct task_result *r) {
    char *info = NULL;
    const struct pin_args *a = &t->args.pin;
    int code = store_conv_pin(s, a->conv.id, a->conv.type, a->pinned, conv_info_if_wanted(&info));
    if (code != ERR_SUCC) {
        store_failed(r, s, code, t);
        return;
    }
    conv_changed(r, kTIMConvEvent_Update, info);
}

int TIMConvPinConversation(const char *conv_id, TIMConvType conv_type, bool is_pinned, TIMCommCallback cb,
                           const void *user_data) {
    int code;
    struct task *t = conv_write_task("TIMConvPinConversation", run_pin, ARGS_PIN, conv_id, (int)conv_type, EFFECT_NONE,
                                     cb, user_data, &code);
    if (t == NULL) return code;
    t->args.pin.pinned = is_pinned;
    return engine_submit(t, ADMIT_LOGGED_IN);
}

/* ---- list and info ---- */

static void run_page(struct task *t, struct store *s, struct task_result *r) {
    const struct filter_args *a = &t->args.filter;
    struct conv_filter filter = filter_of(a);
    int code = store_conv_page(s, &filter, a->next_seq, a->count, &r->json);
    if (code != ERR_SUCC) store_failed(r, s, code, t);
}

int TIMConvGetConversationListByFilter(const char *filter, uint64_t next_seq, uint32_t count, TIMCommCallback cb,
                                       const void *user_data) {
    int code = engine_precheck(true);
    struct filter_args parsed;
    if (code == TIM_SUCC) code = parse_filter(filter, &parsed);
    if (code == TIM_SUCC && count == 0) code = TIM_ERR_PARAM;
    if (code != TIM_SUCC) return code;
    struct task *t = task_new("TIMConvGetConversationListByFilter", run_page, ARGS_FILTER, cb, user_data);
    if (t == NULL) return TIM_ERR_PARAM;
    t->args.filter = parsed;
    t->args.filter.next_seq = next_seq;
    t->args.filter.count = count;
    return engine_submit(t, ADMIT_LOGGED_IN);
}

static void run_list(struct task *t, struct store *s, struct task_result *r) {
    int code = store_conv_list(s, &r->json);
    if (code != ERR_SUCC) store_failed(r, s, code, t);
}

int TIMConvGetConvList(TIMCommCallback cb, const void *user_data) {
    return submit_store_call("TIMConvGetConvList", run_list, cb, user_data);
}

static void run_list_columns(struct task *t, struct store *s, struct task_result *r) {
    int code = store_conv_columns(s, &r->json);
    if (code != ERR_SUCC) store_failed(r, s, code, t);
}

int timconv_conv_list_columns(TIMCommCallback cb, const void *user_data) {
    return submit_store_call("timconv_conv_list_columns", run_list_columns, cb, user_data);
}

static void run_info(struct task *t, struct store *s, struct task_result *r) {
    int code = store_conv_info_batch(s, t->args.info.params, &r->json);
    if (code != ERR_SUCC) store_failed(r, s, code, t);
}

int TIMConvGetConvInfo(const char *json_get_conv_list_param, TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(true);
    if (code != TIM_SUCC) return code;
    if (!text_is_json_size_ok(json_get_conv_list_param)) return TIM_ERR_PARAM;
    code = json_check_conv_info_param(json_get_conv_list_param);
    if (code != TIM_SUCC) return code;
    struct task *t = task_new("TIMConvGetConvInfo", run_info, ARGS_INFO, cb, user_data);
    if (t == NULL || (t->args.info.params = strdup(json_get_conv_list_param)) == NULL) {
        task_free(t);
        return TIM_ERR_PARAM;
    }
    return engine_submit(t, ADMIT_LOGGED_IN);
}

/* ---- drafts (synchronous) ---- */

/* Writes (json set) or removes (json NULL) the draft; failures reach the log (engine.c). */
static void run_draft(struct task *t, struct store *s, struct task_result *r) {
    char *info = NULL;
    const struct draft_args *a = &t->args.draft;
    int code = store_draft_write(s, a->conv.id, a->conv.type, a->draft, t->accepted_at, conv_info_if_wanted(&info));
    if (code != ERR_SUCC) {
        store_failed(r, s, code, t);
        return;
    }
    conv_changed(r, kTIMConvEvent_Update, info);
}

static int submit_draft(const char *api, const char *conv_id, int conv_type, const char *json_draft) {
    struct task *t = conv_task(api, run_draft, ARGS_DRAFT, conv_id, conv_type, NULL, NULL);
    if (t == NULL || (json_draft != NULL && (t->args.draft.draft = strdup(json_draft)) == NULL)) {
        task_free(t);
        return TIM_ERR_PARAM;
    }
    t->has_callback = false;
    t->batchable = true;
    return engine_submit(t, ADMIT_CONV_EXISTS);
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
