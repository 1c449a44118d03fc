/* Helpers shared by the API files: see calls.h. */
#define _POSIX_C_SOURCE 200809L
#include "api/calls.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "notify/listeners.h"
#include "util/json_check.h"

int check_conv_key(const char *conv_id, int conv_type) {
    if (!text_is_valid_id(conv_id)) return TIM_ERR_PARAM;
    if (conv_type != kTIMConv_C2C && conv_type != kTIMConv_Group) return TIM_ERR_CONV;
    return TIM_SUCC;
}

struct task *conv_task(const char *api, task_run_fn run, enum task_args_kind kind, const char *conv_id, int conv_type,
                       TIMCommCallback cb, const void *user_data) {
    struct task *t = task_new(api, run, kind, cb, user_data);
    if (t == NULL) return NULL;
    struct conv_ref *conv = (struct conv_ref *)task_conv(t);
    assert(conv != NULL);
    snprintf(conv->id, sizeof conv->id, "%s", conv_id);
    conv->type = conv_type;
    return t;
}

void store_failed(struct task_result *r, struct store *s, int code, const struct task *t) {
    const struct conv_ref *conv = task_conv(t);
    if (code == ERR_INVALID_CONVERSATION && conv != NULL) {
        task_result_fail(r, code, "conversation %s of type %d does not exist", conv->id, conv->type);
    } else {
        task_result_fail(r, code, "%s", store_error(s));
    }
}

char **conv_info_if_wanted(char **info) { return listener_wanted(LISTENER_CONV_EVENT) ? info : NULL; }

void conv_changed(struct task_result *r, enum TIMConvEvent event, char *info) {
    if (info != NULL) {
        task_result_event(r, event, info);
    } else {
        task_result_changed(r);
    }
}

int check_id_array(const char *json, int64_t *count) {
    if (!text_is_json_size_ok(json)) return TIM_ERR_PARAM;
    int code = json_check_id_array(json, count);
    return code == TIM_SUCC && *count == 0 ? TIM_ERR_PARAM : code;
}

int check_group_name(const char *name) { return text_is_valid_id(name) ? TIM_SUCC : TIM_ERR_PARAM; }

struct task *batch_task(const char *api, task_run_fn run, enum task_args_kind kind, const char *ids, int64_t count,
                        TIMCommCallback cb, const void *user_data) {
    assert(kind == ARGS_IDS || kind == ARGS_GROUP);
    struct task *t = task_new(api, run, kind, cb, user_data);
    if (t == NULL) return NULL;
    char *copy = strdup(ids);
    if (copy == NULL) {
        task_free(t);
        return NULL;
    }
    if (kind == ARGS_IDS) {
        t->args.ids.ids = copy;
    } else {
        t->args.group.ids = copy;
    }
    if (count > BATCH_MAX) {
        t->answer_code = ERR_SVR_CONV_CONV_MARK_REQ_COUNT_EXCEED_LIMIT;
    }
    return t;
}

int parse_filter(const char *json, struct filter_args *out) {
    *out = (struct filter_args){.filter = {.has_unread = FILTER_ANY, .has_group_at_info = FILTER_ANY}};
    if (json == NULL || json[0] == '\0') return TIM_SUCC;
    if (!text_is_json_size_ok(json)) return TIM_ERR_PARAM;
    char *group = NULL;
    struct conv_filter *f = &out->filter;
    int code = json_check_filter(json, &f->conv_type, &f->has_unread, &f->mark_set, &f->mark_type,
                                 &f->has_group_at_info, &group);
    if (code == TIM_SUCC && group != NULL && group[0] != '\0' && !text_is_valid_id(group)) code = TIM_ERR_PARAM;
    if (code == TIM_SUCC && group != NULL) {
        snprintf(out->group, sizeof out->group, "%s", group);
        out->group_set = true;
    }
    free(group);
    out->filter.group = NULL; /* filter_of() points it into wherever the arguments end up */
    return code;
}

struct conv_filter filter_of(const struct filter_args *a) {
    struct conv_filter filter = a->filter;
    filter.group = a->group_set ? a->group : NULL;
    return filter;
}

int submit_store_call(const char *api, task_run_fn run, TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(true);
    if (code != TIM_SUCC) return code;
    struct task *t = task_new(api, run, ARGS_NONE, cb, user_data);
    return t != NULL ? engine_submit(t, ADMIT_LOGGED_IN) : TIM_ERR_PARAM;
}
