/* The group calls (TIMGroupManager.h): membership in the group registry (store/registry.h), the
 * member's group conversation, and the tips and reports every member receives as messages of the
 * group (as the vendor's server sends them), which also fire the group tips callback. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/calls.h"
#include "api/delivery.h"
#include "notify/engine_log.h"
#include "store/registry.h"
#include "util/json_check.h"

/* Sends c's notice (a tip or report) as the logged-in user, who made the change: their own copy
 * (when they are among those to tell) with its conversation event and tips, then every other
 * member's. The change itself has succeeded: a failure here is logged, not answered. */
static void tell_members(struct task *t, struct store *s, struct task_result *r, const struct group_change *c) {
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

/* Answers a registry failure with the vendor's code and the registry's description. */
static void registry_failed(struct task_result *r, struct registry *reg, int code) {
    task_result_fail(r, code, "%s", registry_error(reg));
}

/* ---- create, join, quit, dismiss ---- */

static void run_create(struct task *t, struct store *s, struct task_result *r) {
    struct registry *reg = group_registry(r);
    if (reg == NULL) return;
    struct group_change c;
    int code = registry_create(reg, t->args.im_group.json, engine_user_id(), t->accepted_at, &c);
    if (code != ERR_SUCC) {
        registry_failed(r, reg, code);
        return;
    }
    /* The group exists from here on, as it would on the vendor's server: the caller's own
     * conversation is its local copy, and a failure to write it is logged, not answered (the
     * next message of the group brings the conversation back). */
    bool created = false;
    char *info = NULL;
    code = store_group_conv_ensure(s, c.id, c.name, c.type, t->accepted_at, &created, &info);
    if (code == ERR_SUCC) {
        task_result_event(r, created ? kTIMConvEvent_Add : kTIMConvEvent_Update, info);
    } else {
        engine_log(kTIMLog_Error, "group %s was created, but not its conversation: %s", c.id, store_error(s));
    }
    if (c.notice != NULL) tell_members(t, s, r, &c);
    r->json = json_object_of("create_group_result_groupid", c.id);
    if (r->json == NULL) task_result_fail(r, ERR_OUT_OF_MEMORY, "group %s was created; out of memory", c.id);
    group_change_clear(&c);
}

/* join, quit and dismiss: a registry change, then its notice to the members. */
typedef int (*membership_change)(struct registry *r, const char *group_id, const char *user, uint64_t now,
                                 struct group_change *c);

static void run_membership(struct task *t, struct store *s, struct task_result *r, membership_change change) {
    struct registry *reg = group_registry(r);
    if (reg == NULL) return;
    struct group_change c;
    int code = change(reg, t->args.im_group.group_id, engine_user_id(), t->accepted_at, &c);
    if (code != ERR_SUCC) {
        registry_failed(r, reg, code);
        return;
    }
    tell_members(t, s, r, &c);
    r->unread_may_change = true;
    group_change_clear(&c);
}

static void run_join(struct task *t, struct store *s, struct task_result *r) { run_membership(t, s, r, registry_join); }
static void run_quit(struct task *t, struct store *s, struct task_result *r) { run_membership(t, s, r, registry_quit); }
static void run_dismiss(struct task *t, struct store *s, struct task_result *r) {
    run_membership(t, s, r, registry_dismiss);
}

/* ---- lists ---- */

static void run_joined(struct task *t, struct store *s, struct task_result *r) {
    (void)t;
    struct registry *reg = group_registry(r);
    if (reg == NULL) return;
    char *base = NULL;
    int code = registry_joined(reg, engine_user_id(), &base);
    if (code != ERR_SUCC) {
        registry_failed(r, reg, code);
        return;
    }
    code = store_group_self_info(s, base != NULL ? base : "[]", &r->json);
    if (code != ERR_SUCC) store_failed(r, s, code, t);
    free(base);
}

static void run_info_list(struct task *t, struct store *s, struct task_result *r) {
    (void)s;
    struct registry *reg = group_registry(r);
    if (reg == NULL) return;
    int code = registry_info_list(reg, t->args.im_group.json, &r->json);
    if (code != ERR_SUCC) registry_failed(r, reg, code);
}

static void run_member_list(struct task *t, struct store *s, struct task_result *r) {
    (void)s;
    struct registry *reg = group_registry(r);
    if (reg == NULL) return;
    const struct im_group_args *a = &t->args.im_group;
    int code = registry_member_list(reg, a->json, a->group_id, engine_user_id(), &r->json);
    if (code != ERR_SUCC) registry_failed(r, reg, code);
}

/* ---- the API ---- */

/* A group id argument: 1 to 48 bytes of UTF-8 (TIM_ERR_GROUP otherwise, as the vendor's
 * TIMResult names an invalid group). */
static int check_group_id(const char *group_id) {
    return text_is_valid_id(group_id) && strlen(group_id) <= REGISTRY_GROUP_ID_MAX ? TIM_SUCC : TIM_ERR_GROUP;
}

/* Submits a group task naming group_id (may be NULL) with json (taken; may be NULL). */
static int submit_group_call(const char *api, task_run_fn run, const char *group_id, char *json, TIMCommCallback cb,
                             const void *user_data) {
    struct task *t = task_new(api, run, ARGS_IM_GROUP, cb, user_data);
    if (t == NULL) {
        free(json);
        return TIM_ERR_PARAM;
    }
    if (group_id != NULL) snprintf(t->args.im_group.group_id, sizeof t->args.im_group.group_id, "%s", group_id);
    t->args.im_group.json = json;
    return engine_submit(t, ADMIT_LOGGED_IN);
}

int TIMGroupCreate(const char *json_group_create_param, TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(true);
    if (code == TIM_SUCC && !text_is_json_size_ok(json_group_create_param)) code = TIM_ERR_PARAM;
    char *name = NULL;
    if (code == TIM_SUCC) code = json_check_group_create(json_group_create_param, &name);
    if (code == TIM_SUCC && !text_is_valid_id(name)) code = TIM_ERR_PARAM; /* 1 to 127 bytes of UTF-8 */
    free(name);
    if (code != TIM_SUCC) return code;
    char *json = strdup(json_group_create_param);
    if (json == NULL) return TIM_ERR_PARAM;
    return submit_group_call("TIMGroupCreate", run_create, NULL, json, cb, user_data);
}

/* The calls naming one group. */
static int group_id_call(const char *api, task_run_fn run, const char *group_id, TIMCommCallback cb,
                         const void *user_data) {
    int code = engine_precheck(true);
    if (code == TIM_SUCC) code = check_group_id(group_id);
    if (code != TIM_SUCC) return code;
    return submit_group_call(api, run, group_id, NULL, cb, user_data);
}

int TIMGroupDelete(const char *group_id, TIMCommCallback cb, const void *user_data) {
    return group_id_call("TIMGroupDelete", run_dismiss, group_id, cb, user_data);
}

int TIMGroupJoin(const char *group_id, const char *hello_msg, TIMCommCallback cb, const void *user_data) {
    /* hello_msg is optional (选填): NULL, or UTF-8 text within the JSON size limit. The local
     * engine has no approval flow for it to reach. */
    int code = engine_precheck(true);
    if (code == TIM_SUCC && hello_msg != NULL &&
        (!text_is_json_size_ok(hello_msg) || !text_is_utf8(hello_msg, strlen(hello_msg)))) {
        code = TIM_ERR_PARAM;
    }
    return code == TIM_SUCC ? group_id_call("TIMGroupJoin", run_join, group_id, cb, user_data) : code;
}

int TIMGroupQuit(const char *group_id, TIMCommCallback cb, const void *user_data) {
    return group_id_call("TIMGroupQuit", run_quit, group_id, cb, user_data);
}

int TIMGroupGetJoinedGroupList(TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(true);
    if (code != TIM_SUCC) return code;
    return submit_group_call("TIMGroupGetJoinedGroupList", run_joined, NULL, NULL, cb, user_data);
}

int TIMGroupGetGroupInfoList(const char *json_group_getinfo_param, TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(true);
    int64_t count = 0;
    if (code == TIM_SUCC) code = check_id_array(json_group_getinfo_param, &count);
    if (code != TIM_SUCC) return code;
    char *json = strdup(json_group_getinfo_param);
    if (json == NULL) return TIM_ERR_PARAM;
    return submit_group_call("TIMGroupGetGroupInfoList", run_info_list, NULL, json, cb, user_data);
}

int TIMGroupGetMemberInfoList(const char *json_group_getmeminfos_param, TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(true);
    if (code == TIM_SUCC && !text_is_json_size_ok(json_group_getmeminfos_param)) code = TIM_ERR_PARAM;
    char *group_id = NULL;
    if (code == TIM_SUCC) code = json_check_member_param(json_group_getmeminfos_param, &group_id);
    if (code == TIM_SUCC) code = check_group_id(group_id);
    char *json = code == TIM_SUCC ? strdup(json_group_getmeminfos_param) : NULL;
    if (code == TIM_SUCC && json == NULL) code = TIM_ERR_PARAM;
    if (code == TIM_SUCC) code = submit_group_call("TIMGroupGetMemberInfoList", run_member_list, group_id, json, cb, user_data);
    free(group_id);
    return code;
}
