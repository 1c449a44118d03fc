/* The conversation API (TIMConversationManager.h): argument checks on the caller's thread,
 * then tasks that run against the store on the worker thread. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "json_check.h"
#include "store.h"

/* TIM_ERR_PARAM for a bad id, TIM_ERR_CONV for a type other than C2C or Group. */
static int check_conv_key(const char *conv_id, int conv_type) {
    if (!text_is_valid_id(conv_id)) return TIM_ERR_PARAM;
    if (conv_type != kTIMConv_C2C && conv_type != kTIMConv_Group) return TIM_ERR_CONV;
    return TIM_SUCC;
}

/* Builds the task of a call on one conversation; NULL when out of memory. */
static struct task *conv_task(const char *api, task_run_fn run, const char *conv_id, int conv_type, TIMCommCallback cb,
                              const void *user_data) {
    struct task *t = task_new(api, run, cb, user_data);
    if (t == NULL) return NULL;
    t->needs_store = true;
    snprintf(t->conv_id, sizeof t->conv_id, "%s", conv_id);
    t->conv_type = conv_type;
    return t;
}

/* Maps a store failure onto the task's result, naming the conversation. */
static void store_failed(struct task_result *r, struct store *s, int code, const struct task *t) {
    if (code == ERR_INVALID_CONVERSATION) {
        task_result_fail(r, code, "conversation %s of type %d does not exist", t->conv_id, t->conv_type);
    } else {
        task_result_fail(r, code, "%s", store_error(s));
    }
}

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
    int code = store_conv_delete(s, t->conv_id, t->conv_type, &info);
    if (code != ERR_SUCC) {
        store_failed(r, s, code, t);
        return;
    }
    task_result_event(r, kTIMConvEvent_Del, info);
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

/* ---- list and info ---- */

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
