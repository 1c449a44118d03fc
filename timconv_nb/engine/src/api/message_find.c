/* Finding stored messages (TIMMessageManager.h 6.9, 6.10): by message id across every
 * conversation, and by MsgLocator (what the revoke callback hands out) in one. Both include
 * revoked messages (kTIMMsg_Revoked), as the vendor documents; deleted ones are no longer stored. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "api/calls.h"
#include "util/json_check.h"

/* A copy of a required JSON argument that check accepts: TIM_ERR_PARAM when NULL or over the
 * size limit (spec section 2), else check's code. */
static int checked_copy(const char *json, int (*check)(const char *), char **copy) {
    *copy = NULL;
    if (!text_is_json_size_ok(json)) return TIM_ERR_PARAM;
    int code = check(json);
    if (code == TIM_SUCC && (*copy = strdup(json)) == NULL) code = TIM_ERR_PARAM;
    return code;
}

static int check_ids(const char *json) {
    int64_t length = 0;
    return json_check_id_array(json, &length);
}

static void run_find_ids(struct task *t, struct store *s, struct task_result *r) {
    int code = store_msg_find_ids(s, t->args.msg_query.json, &r->json);
    if (code != ERR_SUCC) store_failed(r, s, code, t);
}

/* 1456-1484: json_message_id_array, a JSON array of message ids. Callback JSON: the Messages found. */
int TIMMsgFindMessages(const char *json_message_id_array, TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(true);
    char *ids = NULL;
    if (code == TIM_SUCC) code = checked_copy(json_message_id_array, check_ids, &ids);
    struct task *t = code == TIM_SUCC ? task_new("TIMMsgFindMessages", run_find_ids, ARGS_MSG_QUERY, cb, user_data) : NULL;
    if (t == NULL) {
        free(ids);
        return code == TIM_SUCC ? TIM_ERR_PARAM : code;
    }
    t->args.msg_query.json = ids;
    return engine_submit(t, ADMIT_LOGGED_IN);
}

static void run_find_locators(struct task *t, struct store *s, struct task_result *r) {
    const struct msg_query_args *a = &t->args.msg_query;
    int code = store_msg_find_locators(s, a->conv.id, a->conv.type, a->json, &r->json);
    if (code != ERR_SUCC) store_failed(r, s, code, t);
}

/* 1486-1528: json_msg_Locator_array, MsgLocators of conversation (conv_type, conv_id), one message
 * each. Callback JSON: the Messages found, in the locators' order. */
int TIMMsgFindByMsgLocatorList(const char *conv_id, enum TIMConvType conv_type, const char *json_msg_Locator_array,
                               TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(true);
    if (code == TIM_SUCC) code = check_conv_key(conv_id, (int)conv_type);
    char *locators = NULL;
    if (code == TIM_SUCC) code = checked_copy(json_msg_Locator_array, json_check_locator_array, &locators);
    struct task *t = code == TIM_SUCC ? conv_task("TIMMsgFindByMsgLocatorList", run_find_locators, ARGS_MSG_QUERY,
                                                  conv_id, (int)conv_type, cb, user_data)
                                      : NULL;
    if (t == NULL) {
        free(locators);
        return code == TIM_SUCC ? TIM_ERR_PARAM : code;
    }
    t->args.msg_query.json = locators;
    return engine_submit(t, ADMIT_LOGGED_IN);
}
