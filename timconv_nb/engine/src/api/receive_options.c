/* Receive options (TIMMessageManager.h 5.1 to 5.3): whether and how the logged-in user receives
 * the messages of a C2C peer or of a group. kTIMRecvMsgOpt_Not_Receive: messages never arrive;
 * the other non-Receive options still store them but leave them out of the total unread count
 * (the SDK's push notifications have no local counterpart). */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "api/calls.h"
#include "util/json_check.h"

/* The vendor's limit on users per TIMMsgSetC2CReceiveMessageOpt ("一次最大允许设置 30 个用户"). */
#define RECV_OPT_USERS_MAX 30

static bool valid_opt(int opt) { return opt >= kTIMRecvMsgOpt_Receive && opt <= kTIMRecvMsgOpt_Not_Notify_Except_At; }

static void run_set(struct task *t, struct store *s, struct task_result *r) {
    const struct recv_opt_args *a = &t->args.recv_opt;
    char *changed = NULL;
    int code = store_recv_opt_set(s, a->conv_type, a->ids, a->opt, &changed);
    if (code != ERR_SUCC) {
        store_failed(r, s, code, t);
        return;
    }
    task_result_note(r, LISTENER_CONV_EVENT, kTIMConvEvent_Update, changed);
    r->unread_may_change = true; /* only Receive conversations count in the total */
}

static void run_get(struct task *t, struct store *s, struct task_result *r) {
    int code = store_recv_opt_get(s, t->args.recv_opt.ids, &r->json);
    if (code != ERR_SUCC) store_failed(r, s, code, t);
}

/* The task of a receive option call over ids (taken); NULL when out of memory (ids freed). */
static struct task *recv_opt_task(const char *api, task_run_fn run, char *ids, int conv_type, int opt,
                                  TIMCommCallback cb, const void *user_data) {
    struct task *t = ids != NULL ? task_new(api, run, ARGS_RECV_OPT, cb, user_data) : NULL;
    if (t == NULL) {
        free(ids);
        return NULL;
    }
    t->args.recv_opt = (struct recv_opt_args){.ids = ids, .conv_type = conv_type, .opt = opt};
    return t;
}

int TIMMsgSetC2CReceiveMessageOpt(const char *json_identifier_array, TIMReceiveMessageOpt opt, TIMCommCallback cb,
                                  const void *user_data) {
    int code = engine_precheck(true);
    int64_t count = 0;
    if (code == TIM_SUCC) code = check_id_array(json_identifier_array, &count);
    if (code == TIM_SUCC && !valid_opt((int)opt)) code = TIM_ERR_PARAM;
    if (code != TIM_SUCC) return code;
    struct task *t = recv_opt_task("TIMMsgSetC2CReceiveMessageOpt", run_set, strdup(json_identifier_array),
                                   kTIMConv_C2C, (int)opt, cb, user_data);
    if (t == NULL) return TIM_ERR_PARAM;
    if (count > RECV_OPT_USERS_MAX) {
        t->answer_code = ERR_INVALID_PARAMETERS;
        t->answer_desc = "at most 30 users per TIMMsgSetC2CReceiveMessageOpt";
    }
    return engine_submit(t, ADMIT_LOGGED_IN);
}

int TIMMsgGetC2CReceiveMessageOpt(const char *json_identifier_array, TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(true);
    int64_t count = 0;
    if (code == TIM_SUCC) code = check_id_array(json_identifier_array, &count);
    if (code != TIM_SUCC) return code;
    struct task *t = recv_opt_task("TIMMsgGetC2CReceiveMessageOpt", run_get, strdup(json_identifier_array),
                                   kTIMConv_C2C, 0, cb, user_data);
    return t != NULL ? engine_submit(t, ADMIT_LOGGED_IN) : TIM_ERR_PARAM;
}

int TIMMsgSetGroupReceiveMessageOpt(const char *group_id, TIMReceiveMessageOpt opt, TIMCommCallback cb,
                                    const void *user_data) {
    int code = engine_precheck(true);
    if (code == TIM_SUCC && !text_is_valid_id(group_id)) code = TIM_ERR_PARAM;
    if (code == TIM_SUCC && !valid_opt((int)opt)) code = TIM_ERR_PARAM;
    if (code != TIM_SUCC) return code;
    struct task *t = recv_opt_task("TIMMsgSetGroupReceiveMessageOpt", run_set, json_array_of(group_id), kTIMConv_Group,
                                   (int)opt, cb, user_data);
    return t != NULL ? engine_submit(t, ADMIT_LOGGED_IN) : TIM_ERR_PARAM;
}
