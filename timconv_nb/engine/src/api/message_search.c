/* Searching the local history (TIMMessageManager.h 6.11): keywords (all or any), senders,
 * element types, one conversation or all, a time range, pages; the result grouped per
 * conversation as MessageSearchResult (8.4, 8.5) says. The index is the store's
 * (store/store_search.c). */
#include <stdlib.h>

#include "api/calls.h"
#include "util/json_check.h"

#define SEARCH_KEYWORDS_MAX 5 /* 2480: "最多支持5个" */

static void run_search(struct task *t, struct store *s, struct task_result *r) {
    const struct search_param *p = &t->args.search;
    if (p->keyword_count > SEARCH_KEYWORDS_MAX) {
        task_result_fail(r, ERR_INVALID_PARAMETERS, "at most %d keywords, not %lld", SEARCH_KEYWORDS_MAX,
                         (long long)p->keyword_count);
    } else if (p->keywords == NULL && p->senders == NULL) {
        task_result_fail(r, ERR_INVALID_PARAMETERS, "give keywords (msg_search_param_keyword_array) or senders");
    } else if (p->conv_type != 0 && (p->conv_id == NULL || p->conv_id[0] == '\0')) {
        task_result_fail(r, ERR_INVALID_PARAMETERS, "msg_search_param_conv_type names one conversation: give its id");
    } else {
        int code = store_msg_search(s, p, t->accepted_at, &r->json);
        if (code != ERR_SUCC) store_failed(r, s, code, t);
    }
}

/* 1530-1565: json_search_message_param, a MessageSearchParam. Callback JSON: MessageSearchResult. */
int TIMMsgSearchLocalMessages(const char *json_search_message_param, TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(true);
    struct search_param param = {0};
    if (code == TIM_SUCC) {
        code = text_is_json_size_ok(json_search_message_param) ? json_check_search_param(json_search_message_param, &param)
                                                               : TIM_ERR_PARAM;
    }
    struct task *t = code == TIM_SUCC ? task_new("TIMMsgSearchLocalMessages", run_search, ARGS_SEARCH, cb, user_data)
                                      : NULL;
    if (t == NULL) {
        search_param_clear(&param);
        return code == TIM_SUCC ? TIM_ERR_PARAM : code;
    }
    t->args.search = param;
    return engine_submit(t, ADMIT_LOGGED_IN);
}
