/* Messages written into a conversation by the caller, never delivered (TIMMessageManager.h 6.7,
 * 6.8): one saved, or a history imported with its own senders and times. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "api/calls.h"
#include "runtime/profile_news.h"
#include "store/store_edits.h"
#include "util/json_check.h"

/* Writes the task's Message (a save: the callback JSON is the saved Message) or array of them;
 * the conversation's event follows (Add when it was made, Update when its last message changed). */
static void run_write(struct task *t, struct store *s, struct task_result *r, bool save) {
    const struct msg_query_args *a = &t->args.msg_query;
    bool created = false;
    char *info = NULL;
    int code = store_msg_import(s, a->conv.id, a->conv.type, engine_user_id(), a->json, t->accepted_at, &created,
                                save ? &r->json : NULL, &info);
    if (code != ERR_SUCC) {
        store_failed(r, s, code, t);
        return;
    }
    if (created && a->conv.type == kTIMConv_C2C) profile_news_new_c2c(s, a->conv.id, &info);
    if (info != NULL) task_result_event(r, created ? kTIMConvEvent_Add : kTIMConvEvent_Update, info);
}

static void run_save(struct task *t, struct store *s, struct task_result *r) { run_write(t, s, r, true); }

static void run_import(struct task *t, struct store *s, struct task_result *r) { run_write(t, s, r, false); }

/* Submits a write of json (a Message, or with `array` an array of them) into the conversation. */
static int submit_write(const char *api, task_run_fn run, const char *conv_id, int conv_type, const char *json,
                        bool array, TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(true);
    if (code == TIM_SUCC) code = check_conv_key(conv_id, conv_type);
    if (code == TIM_SUCC && !text_is_json_size_ok(json)) code = TIM_ERR_PARAM;
    int64_t count = 0;
    if (code == TIM_SUCC) code = json_check_local_messages(json, array, &count);
    char *copy = code == TIM_SUCC ? strdup(json) : NULL;
    struct task *t = copy != NULL ? conv_task(api, run, ARGS_MSG_QUERY, conv_id, conv_type, cb, user_data) : NULL;
    if (t == NULL) {
        free(copy);
        return code == TIM_SUCC ? TIM_ERR_PARAM : code;
    }
    t->args.msg_query.json = copy;
    t->effect = count > 0 ? EFFECT_CREATES : EFFECT_NONE;
    return engine_submit(t, ADMIT_LOGGED_IN);
}

/* 1391-1404: json_msg_param, a Message the caller made (LOCAL_MESSAGE_OK, util/json_check_sql.c). */
int TIMMsgSaveMsg(const char *conv_id, enum TIMConvType conv_type, const char *json_msg_param, TIMCommCallback cb,
                  const void *user_data) {
    return submit_write("TIMMsgSaveMsg", run_save, conv_id, (int)conv_type, json_msg_param, false, cb, user_data);
}

/* 1406-1454: json_msg_array, a JSON array of such Messages (as a listing or an earlier export gives
 * them, 1417). */
int TIMMsgImportMsgList(const char *conv_id, enum TIMConvType conv_type, const char *json_msg_array,
                        TIMCommCallback cb, const void *user_data) {
    return submit_write("TIMMsgImportMsgList", run_import, conv_id, (int)conv_type, json_msg_array, true, cb,
                        user_data);
}
