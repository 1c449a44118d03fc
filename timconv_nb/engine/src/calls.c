/* Helpers shared by the API files: see calls.h. */
#include "calls.h"

#include <stdio.h>

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
