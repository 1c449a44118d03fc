/* The experimental API (TIMExperimentalAPI.h): the operations the vendor's own wrappers send,
 * naming their UI platform before TIMInit and writing their log lines into the SDK's log. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "api/calls.h"
#include "notify/engine_log.h"
#include "util/json_check.h"

static void run_experimental(struct task *t, struct store *unused, struct task_result *r) {
    (void)unused;
    (void)r;
    const struct experimental_args *a = &t->args.experimental;
    switch (a->operation) {
    case EXPERIMENTAL_SET_UI_PLATFORM:
        engine_log(kTIMLog_Info, "UI platform %lld (callExperimentalAPI)", (long long)a->ui_platform);
        break;
    case EXPERIMENTAL_WRITE_LOG: engine_log(a->log_level, "%s", a->log_line); break;
    }
}

int callExperimentalAPI(const char *json_param, TIMCommCallback cb, const void *user_data) {
    if (!text_is_json_size_ok(json_param)) return TIM_ERR_PARAM;
    /* The JSON checker opens at TIMInit; the vendor's wrappers call this before it. */
    if (json_check_open() != 0) return TIM_ERR_PARAM;
    int64_t ui_platform = 0;
    int log_level = kTIMLog_Info;
    char *operation = NULL, *log_line = NULL;
    int code = json_check_experimental(json_param, &ui_platform, &log_level, &operation, &log_line);
    if (code != TIM_SUCC) {
        free(operation);
        free(log_line);
        return code;
    }
    struct task *t = task_new("callExperimentalAPI", run_experimental, ARGS_EXPERIMENTAL, cb, user_data);
    if (t == NULL) {
        free(operation);
        free(log_line);
        return TIM_ERR_PARAM;
    }
    t->needs_store = false;
    struct experimental_args *a = &t->args.experimental;
    a->ui_platform = ui_platform;
    a->log_level = (enum TIMLogLevel)log_level;
    if (strcmp(operation, kTIMInternalOperationSetUIPlatform) == 0) {
        a->operation = EXPERIMENTAL_SET_UI_PLATFORM;
        free(log_line);
    } else if (strcmp(operation, kTIMInternalOperationWriteLog) == 0) {
        a->operation = EXPERIMENTAL_WRITE_LOG;
        a->log_line = log_line;
    } else {
        free(log_line);
        t->answer_code = ERR_SDK_INTERFACE_NOT_SUPPORT;
        t->answer_desc = "callExperimentalAPI: the local engine implements only internal_operation_set_ui_platform "
                         "and internal_operation_write_log";
    }
    free(operation);
    if (engine_precheck(false) == TIM_SUCC) return engine_submit(t, ADMIT_INITIALIZED);
    /* Before TIMInit there is no worker thread: the callback runs now, before the call returns. */
    struct task_result r = {.code = ERR_SUCC};
    if (t->answer_code != ERR_SUCC) {
        task_result_answer(&r, t);
    } else {
        run_experimental(t, NULL, &r);
    }
    if (cb != NULL) cb(r.code, r.desc, "", user_data);
    task_result_clear(&r);
    task_free(t);
    return TIM_SUCC;
}
