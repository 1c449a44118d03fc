/* What happens to a message after it is sent (TIMMessageManager.h 6.2, 6.4-6.6): revoke (every
 * copy, and the recipients' revoke callbacks), local delete of some or all messages; the
 * conversation's last message and unread count follow each. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/calls.h"
#include "api/delivery.h"
#include "store/registry.h"
#include "util/json_check.h"

/* TIMMessageManager.h 1218: "撤回消息的时间限制默认 2 minutes". */
#define REVOKE_SECONDS_MAX 120

/* The vendor's limit on TIMMsgListDelete (1332: "一次最多只能删除 50 条消息"). */
#define LIST_DELETE_MAX 50

/* Whether the logged-in user may revoke message m of the conversation (1222: in C2C one's own
 * only; in a group also any member's, as its owner or an admin); sets r when not. */
static bool may_revoke(const struct msg_ref_args *a, const struct found_message *m, uint64_t now,
                       struct task_result *r) {
    bool group = a->conv.type == kTIMConv_Group;
    if (!m->from_self && !group) {
        task_result_fail(r, ERR_INVALID_PARAMETERS, "only one's own messages can be revoked in a C2C conversation");
        return false;
    }
    if (!m->from_self) {
        struct registry *reg = group_registry(r);
        int role = kTIMMemberRole_None;
        int code = reg != NULL ? registry_role(reg, a->conv.id, engine_user_id(), &role) : r->code;
        if (reg != NULL && code != ERR_SUCC) task_result_fail(r, code, "%s", registry_error(reg));
        if (code != ERR_SUCC) return false;
        if (role != kTIMMemberRole_Owner && role != kTIMMemberRole_Admin) {
            task_result_fail(r, ERR_SVR_GROUP_PERMISSION_DENY,
                             "only the group's owner or an admin may revoke another member's message");
            return false;
        }
    }
    if (now > (uint64_t)m->server_time + REVOKE_SECONDS_MAX) {
        task_result_fail(r, group ? ERR_SVR_GROUP_REVOKE_MSG_TIME_LIMIT : ERR_SVR_MSG_REVOKE_TIME_LIMIT,
                         "the message was sent more than 2 minutes ago");
        return false;
    }
    return true;
}

struct revoke_delivery {
    const struct store *own;
    const char *group_id;
    const char *msg_id;
};

static void revoke_member_copy(const char *member, void *ctx) {
    const struct revoke_delivery *d = ctx;
    revoke_delivered(member, d->own, d->group_id, kTIMConv_Group, d->msg_id, engine_user_id());
}

static void run_revoke(struct task *t, struct store *s, struct task_result *r) {
    const struct msg_ref_args *a = &t->args.msg_ref;
    struct found_message m;
    int code = store_msg_find(s, a->conv.id, a->conv.type, a->msg_id, &m);
    if (code == ERR_INVALID_PARAMETERS && a->conv.type == kTIMConv_Group) code = ERR_SVR_GROUP_REVOKE_MSG_NOT_FOUND;
    if (code != ERR_SUCC) {
        store_failed(r, s, code, t);
        return;
    }
    if (!may_revoke(a, &m, t->accepted_at, r)) return;
    char *info = NULL;
    const char *me = engine_user_id();
    code = store_msg_revoke(s, a->conv.id, a->conv.type, m.seq, me, false, &info);
    if (code != ERR_SUCC) {
        store_failed(r, s, code, t);
        return;
    }
    if (info != NULL) task_result_event(r, kTIMConvEvent_Update, info);
    if (a->conv.type == kTIMConv_C2C) {
        revoke_delivered(a->conv.id, s, me, kTIMConv_C2C, a->msg_id, me); /* the peer sees the conversation as me */
        return;
    }
    /* The revoke itself has succeeded; a group since dismissed has no members left to tell. */
    char err[512] = "";
    struct registry *reg = registry_get(engine_data_root(), engine_app_id(), &code, err, sizeof err);
    char *members = NULL;
    if (reg != NULL) code = registry_members(reg, a->conv.id, &members);
    if (members != NULL) {
        struct revoke_delivery d = {s, a->conv.id, a->msg_id};
        store_array_each(s, members, revoke_member_copy, &d);
    }
    free(members);
}

static void run_delete(struct task *t, struct store *s, struct task_result *r) {
    const struct msg_ref_args *a = &t->args.msg_ref;
    char *info = NULL;
    int code = a->msg_ids != NULL ? store_msg_delete(s, a->conv.id, a->conv.type, a->msg_ids, &info)
                                  : store_msg_clear(s, a->conv.id, a->conv.type, &info);
    if (code != ERR_SUCC) {
        store_failed(r, s, code, t);
        return;
    }
    task_result_event(r, kTIMConvEvent_Update, info);
    r->unread_may_change = true;
}

/* Submits a call on messages of a conversation (msg_ids and msg_id taken; NULL allowed); with a
 * refusal, the call is answered ERR_INVALID_PARAMETERS with it instead of run. */
static int submit_msg_ref(const char *api, task_run_fn run, const char *conv_id, int conv_type, char *msg_ids,
                          char *msg_id, const char *refusal, TIMCommCallback cb, const void *user_data) {
    struct task *t = conv_task(api, run, ARGS_MSG_REF, conv_id, conv_type, cb, user_data);
    if (t == NULL) {
        free(msg_ids);
        free(msg_id);
        return TIM_ERR_PARAM;
    }
    t->args.msg_ref.msg_ids = msg_ids;
    t->args.msg_ref.msg_id = msg_id;
    if (refusal != NULL) {
        t->answer_code = ERR_INVALID_PARAMETERS;
        t->answer_desc = refusal;
    }
    return engine_submit(t, ADMIT_LOGGED_IN);
}

/* The checks every call here starts with: SDK state, conversation, the JSON argument (NULL, or
 * over-size: TIM_ERR_PARAM; the clear call has none). */
static int precheck(const char *conv_id, int conv_type, const char *json, bool takes_json) {
    int code = engine_precheck(true);
    if (code == TIM_SUCC) code = check_conv_key(conv_id, conv_type);
    if (code == TIM_SUCC && takes_json && !text_is_json_size_ok(json)) code = TIM_ERR_PARAM;
    return code;
}

int TIMMsgRevoke(const char *conv_id, enum TIMConvType conv_type, const char *json_msg_param, TIMCommCallback cb,
                 const void *user_data) {
    int code = precheck(conv_id, (int)conv_type, json_msg_param, true);
    char *msg_id = NULL;
    if (code == TIM_SUCC) code = json_check_msg_ref(json_msg_param, &msg_id);
    if (code != TIM_SUCC) return code;
    return submit_msg_ref("TIMMsgRevoke", run_revoke, conv_id, (int)conv_type, NULL, msg_id, NULL, cb, user_data);
}

int TIMMsgDelete(const char *conv_id, enum TIMConvType conv_type, const char *json_msgdel_param, TIMCommCallback cb,
                 const void *user_data) {
    int code = precheck(conv_id, (int)conv_type, json_msgdel_param, true);
    char *msg_id = NULL;
    if (code == TIM_SUCC) code = json_check_delete_param(json_msgdel_param, &msg_id);
    char *msg_ids = code == TIM_SUCC ? json_array_of(msg_id) : NULL;
    free(msg_id);
    if (code == TIM_SUCC && msg_ids == NULL) code = TIM_ERR_PARAM;
    if (code != TIM_SUCC) return code;
    return submit_msg_ref("TIMMsgDelete", run_delete, conv_id, (int)conv_type, msg_ids, NULL, NULL, cb, user_data);
}

int TIMMsgListDelete(const char *conv_id, enum TIMConvType conv_type, const char *json_msg_array, TIMCommCallback cb,
                     const void *user_data) {
    int code = precheck(conv_id, (int)conv_type, json_msg_array, true);
    int64_t count = 0;
    char *msg_ids = NULL;
    if (code == TIM_SUCC) code = json_check_msg_array(json_msg_array, &count, &msg_ids);
    if (code == TIM_SUCC && count == 0) code = TIM_ERR_PARAM;
    if (code != TIM_SUCC) {
        free(msg_ids);
        return code;
    }
    return submit_msg_ref("TIMMsgListDelete", run_delete, conv_id, (int)conv_type, msg_ids, NULL,
                          count > LIST_DELETE_MAX ? "at most 50 messages per TIMMsgListDelete" : NULL, cb, user_data);
}

int TIMMsgClearHistoryMessage(const char *conv_id, enum TIMConvType conv_type, TIMCommCallback cb,
                              const void *user_data) {
    int code = precheck(conv_id, (int)conv_type, NULL, false);
    if (code != TIM_SUCC) return code;
    return submit_msg_ref("TIMMsgClearHistoryMessage", run_delete, conv_id, (int)conv_type, NULL, NULL, NULL, cb,
                          user_data);
}
