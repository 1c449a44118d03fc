/* Helpers shared by the API files: see calls.h. */
#define _POSIX_C_SOURCE 200809L
#include "calls.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_check.h"

#include "store.h"

int check_conv_key(const char *conv_id, int conv_type) {
    if (!text_is_valid_id(conv_id)) return TIM_ERR_PARAM;
    if (conv_type != kTIMConv_C2C && conv_type != kTIMConv_Group) return TIM_ERR_CONV;
    return TIM_SUCC;
}

struct task *conv_task(const char *api, task_run_fn run, const char *conv_id, int conv_type, TIMCommCallback cb,
                       const void *user_data) {
    struct task *t = task_new(api, run, cb, user_data);
    if (t == NULL) return NULL;
    t->needs_store = true;
    snprintf(t->conv_id, sizeof t->conv_id, "%s", conv_id);
    t->conv_type = conv_type;
    return t;
}

void store_failed(struct task_result *r, struct store *s, int code, const struct task *t) {
    if (code == ERR_INVALID_CONVERSATION) {
        task_result_fail(r, code, "conversation %s of type %d does not exist", t->conv_id, t->conv_type);
    } else {
        task_result_fail(r, code, "%s", store_error(s));
    }
}

int check_id_array(const char *json, int64_t *count) {
    if (!text_is_json_size_ok(json)) return TIM_ERR_PARAM;
    int code = json_check_id_array(json, count);
    return code == TIM_SUCC && *count == 0 ? TIM_ERR_PARAM : code;
}

int check_group_name(const char *name) { return text_is_valid_id(name) ? TIM_SUCC : TIM_ERR_PARAM; }

struct task *batch_task(const char *api, task_run_fn run, const char *ids, int64_t count, TIMCommCallback cb,
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

int parse_filter(const char *json, struct conv_filter *filter, char group_buffer[TEXT_ID_MAX + 1]) {
    *filter = (struct conv_filter){.group = group_buffer};
    group_buffer[0] = '\0';
    if (json == NULL || json[0] == '\0') return TIM_SUCC;
    if (!text_is_json_size_ok(json)) return TIM_ERR_PARAM;
    char *group = NULL;
    int code = json_check_filter(json, &filter->conv_type, &filter->has_unread, &filter->mark_type,
                                 &filter->has_group_at_info, &group);
    if (code == TIM_SUCC && group != NULL && group[0] != '\0' && !text_is_valid_id(group)) code = TIM_ERR_PARAM;
    if (code == TIM_SUCC && group != NULL) snprintf(group_buffer, TEXT_ID_MAX + 1, "%s", group);
    free(group);
    return code;
}

int submit_store_call(const char *api, task_run_fn run, TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(true);
    if (code != TIM_SUCC) return code;
    struct task *t = task_new(api, run, cb, user_data);
    if (t == NULL) return TIM_ERR_PARAM;
    t->needs_store = true;
    return engine_submit(t, true);
}
