/* The one answer of the functions the local engine does not implement: see not_here.h. */
#include "api/not_here.h"

#include "runtime/engine.h"

static void answer(struct task *t, struct store *unused, struct task_result *r) {
    (void)unused;
    task_result_answer(r, t);
}

int not_here_answer(const char *api, const char *why, TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(false);
    if (code != TIM_SUCC) return code;
    /* Answered in its turn without running (engine.c answers a task with an answer_code); task_new
     * wants a run function all the same, and this one would say the same. */
    struct task *t = task_new(api, answer, ARGS_NONE, cb, user_data);
    if (t == NULL) return TIM_ERR_PARAM;
    t->needs_store = false;
    t->answer_code = ERR_SDK_INTERFACE_NOT_SUPPORT;
    t->answer_desc = why;
    return engine_submit(t, ADMIT_INITIALIZED);
}
