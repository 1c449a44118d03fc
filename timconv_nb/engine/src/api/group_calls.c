/* What the group calls share: see group_calls.h. */
#define _POSIX_C_SOURCE 200809L
#include "api/group_calls.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/delivery.h"
#include "notify/engine_log.h"

int check_group_id(const char *group_id) {
    return text_is_valid_id(group_id) && strlen(group_id) <= REGISTRY_GROUP_ID_MAX ? TIM_SUCC : TIM_ERR_GROUP;
}

struct task *group_task(const char *api, task_run_fn run, const char *group_id, char *json, TIMCommCallback cb,
                        const void *user_data) {
    struct task *t = task_new(api, run, ARGS_IM_GROUP, cb, user_data);
    if (t == NULL) {
        free(json);
        return NULL;
    }
    if (group_id != NULL) snprintf(t->args.im_group.group_id, sizeof t->args.im_group.group_id, "%s", group_id);
    t->args.im_group.json = json;
    return t;
}

int submit_group_call(const char *api, task_run_fn run, const char *group_id, char *json, TIMCommCallback cb,
                      const void *user_data) {
    struct task *t = group_task(api, run, group_id, json, cb, user_data);
    return t != NULL ? engine_submit(t, ADMIT_LOGGED_IN) : TIM_ERR_PARAM;
}

int submit_group_param_call(const char *api, task_run_fn run, const char *json, const struct json_field *fields,
                            size_t count, enum group_param_use use, TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(true);
    if (code == TIM_SUCC && !text_is_json_size_ok(json)) code = TIM_ERR_PARAM;
    char *group_id = NULL;
    if (code == TIM_SUCC) code = json_check_fields(json, fields, count, use == PARAM_NAMES_GROUP ? &group_id : NULL);
    if (code == TIM_SUCC && use == PARAM_NAMES_GROUP) code = check_group_id(group_id);
    char *copy = code == TIM_SUCC && use != PARAM_CHECKED_ONLY ? strdup(json) : NULL;
    if (code == TIM_SUCC && use != PARAM_CHECKED_ONLY && copy == NULL) code = TIM_ERR_PARAM;
    if (code == TIM_SUCC) code = submit_group_call(api, run, group_id, copy, cb, user_data);
    free(group_id);
    return code;
}

void registry_failed(struct task_result *r, struct registry *reg, int code) {
    task_result_fail(r, code, "%s", registry_error(reg));
}

void tell_members(struct task *t, struct store *s, struct task_result *r, const struct group_change *c) {
    if (c->notice == NULL) return;
    char msg_id[TEXT_ID_MAX + 1];
    uint64_t unique_id = 0;
    uint32_t rand = 0;
    message_identity(t->accepted_at, msg_id, sizeof msg_id, &unique_id, &rand);
    struct message_fields fields = {
        .sender = engine_user_id(),
        .now = t->accepted_at,
        .msg_id = msg_id,
        .rand = rand,
        .unique_id = unique_id,
        .seq = c->seq,
        .group_name = c->name,
        .group_type = c->type,
        .group_face_url = c->face_url, /* a member the tip makes the conversation of sees the face too */
    };
    struct message_body body;
    if (json_prepare_message(c->notice, &body) != TIM_SUCC) {
        engine_log(kTIMLog_Error, "cannot prepare the notice of group %s", c->id);
        return;
    }
    if (json_array_has(c->recipients, fields.sender)) {
        bool created = false;
        char *sent = NULL, *info = NULL;
        int code = store_msg_send(s, c->id, kTIMConv_Group, &body, &fields, &created, &sent, &info);
        if (code != ERR_SUCC) {
            engine_log(kTIMLog_Error, "cannot store the notice of group %s: %s", c->id, store_error(s));
        } else {
            if (info != NULL) task_result_event(r, created ? kTIMConvEvent_Add : kTIMConvEvent_Update, info);
            if (c->tips != NULL) task_result_note(r, LISTENER_GROUP_TIPS, 0, strdup(c->tips));
        }
        free(sent);
    }
    struct delivery d = {s, c->id, kTIMConv_Group, &body, &fields, false};
    deliver_to_each(s, c->recipients, &d);
    message_body_clear(&body);
}
