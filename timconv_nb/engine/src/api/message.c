/* The message calls conversations need (TIMMessageManager.h): sending (delivered as
 * api/delivery.h says), read reports, the message list. */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/calls.h"
#include "api/delivery.h"
#include "runtime/profile_news.h"
#include "store/registry.h"
#include "store/registry_friends.h"
#include "util/json_check.h"

/* ---- send ---- */

/* The fields a sent message is built with (a group message's seq and group from the registry). */
static struct message_fields send_fields(const struct task *t) {
    const struct send_args *a = &t->args.send;
    return (struct message_fields){
        .sender = engine_user_id(),
        .now = t->accepted_at,
        .msg_id = a->msg_id,
        .rand = a->rand,
        .unique_id = a->unique_id,
        .online = a->online,
        .seq = a->group.seq,
        .group_name = a->group.name,
        .group_type = a->group.type,
        .group_face_url = a->group.face_url,
    };
}

/* Stores the message in the sender's store; its delivery comes once that is committed. */
static void run_send(struct task *t, struct store *s, struct task_result *r) {
    struct send_args *a = &t->args.send;
    /* The registry says whether the sender may send: a group gives the seq, a peer may have
     * blocked the sender (TIMErrorCode.h 303). */
    struct registry *reg = group_registry(r);
    if (reg == NULL) return;
    bool blocked = false;
    int code = a->conv.type != kTIMConv_C2C
                   ? registry_next_seq(reg, a->conv.id, engine_user_id(), t->accepted_at, &a->group)
                   : registry_is_blocked(reg, a->conv.id, engine_user_id(), &blocked);
    if (code == ERR_SUCC && blocked) {
        task_result_fail(r, ERR_SVR_MSG_IN_PEER_BLACKLIST, "%s blocked %s: the message is refused", a->conv.id,
                         engine_user_id());
        return;
    }
    if (code != ERR_SUCC) {
        task_result_fail(r, code, "%s", registry_error(reg));
        return;
    }
    struct message_fields fields = send_fields(t);
    bool created = false;
    char *info = NULL;
    code = store_msg_send(s, a->conv.id, a->conv.type, &a->body, &fields, &created, &r->json,
                              conv_info_if_wanted(&info));
    if (code != ERR_SUCC) {
        store_failed(r, s, code, t);
        return;
    }
    if (created && a->conv.type == kTIMConv_C2C) profile_news_new_c2c(s, a->conv.id, info != NULL ? &info : NULL);
    if (!fields.online) conv_changed(r, created ? kTIMConvEvent_Add : kTIMConvEvent_Update, info);
}

/* Delivers a committed message to the peer, or to every member of the group (after_commit): each
 * recipient's copy is built from the message's body, as the sender's was (not from r's copy). */
static void deliver_sent(struct task *t, struct store *s, struct task_result *r, bool batched) {
    (void)r;
    const struct send_args *a = &t->args.send;
    struct message_fields fields = send_fields(t);
    bool c2c = a->conv.type == kTIMConv_C2C;
    struct delivery d = {s, c2c ? fields.sender : a->conv.id, a->conv.type, &a->body, &fields, batched};
    if (c2c) {
        deliver_to(a->conv.id, &d);
    } else {
        deliver_to_each(s, a->group.recipients, &d);
    }
}

int TIMMsgSendMessage(const char *conv_id, enum TIMConvType conv_type, const char *json_msg_param,
                      char *message_id_buffer, TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(true);
    if (code == TIM_SUCC) code = check_conv_key(conv_id, (int)conv_type);
    if (code == TIM_SUCC && !text_is_json_size_ok(json_msg_param)) code = TIM_ERR_PARAM;
    bool online = false;
    struct message_body body;
    if (code == TIM_SUCC) code = json_check_message(json_msg_param, &online, &body);
    if (code != TIM_SUCC) return code;
    struct task *t = conv_task("TIMMsgSendMessage", run_send, ARGS_SEND, conv_id, (int)conv_type, cb, user_data);
    if (t == NULL) {
        message_body_clear(&body);
        return TIM_ERR_PARAM;
    }
    struct send_args *a = &t->args.send;
    a->body = body;
    message_identity(t->accepted_at, a->msg_id, sizeof a->msg_id, &a->unique_id, &a->rand);
    a->online = online;
    t->effect = online ? EFFECT_NONE : EFFECT_CREATES;
    t->after_commit = deliver_sent;
    t->batchable = true; /* queued sends share the sender's transaction, then are delivered */
    char message_id[sizeof a->msg_id];
    memcpy(message_id, a->msg_id, sizeof message_id);
    code = engine_submit(t, ADMIT_LOGGED_IN);
    if (code == TIM_SUCC && message_id_buffer != NULL) memcpy(message_id_buffer, message_id, strlen(message_id) + 1);
    return code;
}

/* ---- read reports ---- */

/* TIMMessageManager.h 2798: an empty or NULL conv_id reads every conversation of conv_type;
 * 2806: json_msg_param NULL or "" reads up to the latest message, a Message up to that message
 * (its server time in a C2C conversation, its seq in a group). */
int TIMMsgReportReaded(const char *conv_id, enum TIMConvType conv_type, const char *json_msg_param, TIMCommCallback cb,
                       const void *user_data) {
    int code = engine_precheck(true);
    bool every = conv_id == NULL || conv_id[0] == '\0';
    if (code == TIM_SUCC) code = check_conv_key(every ? "every" : conv_id, (int)conv_type);
    int64_t server_time = 0, seq = 0;
    if (code == TIM_SUCC && json_msg_param != NULL && json_msg_param[0] != '\0') {
        code = text_is_json_size_ok(json_msg_param) ? json_check_read_message(json_msg_param, &server_time, &seq)
                                                    : TIM_ERR_PARAM;
    }
    if (code != TIM_SUCC) return code;
    struct task *t = conv_task("TIMMsgReportReaded", run_read_up_to, ARGS_CLEAN, every ? "" : conv_id, (int)conv_type,
                               cb, user_data);
    if (t == NULL) return TIM_ERR_PARAM;
    t->args.clean.timestamp = (uint64_t)server_time;
    t->args.clean.sequence = (uint64_t)seq;
    return engine_submit(t, ADMIT_LOGGED_IN);
}

static void run_mark_all_read(struct task *t, struct store *s, struct task_result *r) {
    char *infos = NULL;
    int code = store_clean_unread(s, 0, NULL, 0, 0, t->accepted_at, &infos);
    if (code != ERR_SUCC) {
        store_failed(r, s, code, t);
        return;
    }
    task_result_note(r, LISTENER_CONV_EVENT, kTIMConvEvent_Update, infos);
    r->unread_may_change = true;
}

int TIMMsgMarkAllMessageAsRead(TIMCommCallback cb, const void *user_data) {
    return submit_store_call("TIMMsgMarkAllMessageAsRead", run_mark_all_read, cb, user_data);
}

/* ---- message list ---- */

static void run_msg_list(struct task *t, struct store *s, struct task_result *r) {
    const struct msg_list_args *a = &t->args.msg_list;
    int code = store_msg_list(s, a->conv.id, a->conv.type, &a->param, &r->json);
    if (code != ERR_SUCC) store_failed(r, s, code, t);
}

/* TIMMessageManager.h 1150-1204: json_get_msg_param NULL or "" asks for the 20 newest. */
int TIMMsgGetMsgList(const char *conv_id, enum TIMConvType conv_type, const char *json_get_msg_param,
                     TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(true);
    if (code == TIM_SUCC) code = check_conv_key(conv_id, (int)conv_type);
    struct msg_list_param param = {.count = 20};
    if (code == TIM_SUCC && json_get_msg_param != NULL && json_get_msg_param[0] != '\0') {
        code = text_is_json_size_ok(json_get_msg_param) ? json_check_msg_list_param(json_get_msg_param, &param)
                                                        : TIM_ERR_PARAM;
    }
    struct task *t = code == TIM_SUCC ? conv_task("TIMMsgGetMsgList", run_msg_list, ARGS_MSG_LIST, conv_id,
                                                  (int)conv_type, cb, user_data)
                                      : NULL;
    if (t == NULL) {
        msg_list_param_clear(&param);
        return code == TIM_SUCC ? TIM_ERR_PARAM : code;
    }
    t->args.msg_list.param = param;
    return engine_submit(t, ADMIT_LOGGED_IN);
}
