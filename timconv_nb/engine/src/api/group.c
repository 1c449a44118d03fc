/* The group calls of membership and lists (TIMGroupManager.h 4.1-4.5, 5.1, 7.1): the group
 * registry (store/registry.h), the member's group conversation, and the tips and reports every
 * member receives as messages of the group (group_calls.h). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/calls.h"
#include "api/delivery.h"
#include "api/group_calls.h"
#include "notify/engine_log.h"

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
    code = store_group_conv_ensure(s, c.id, c.name, c.face_url, c.type, t->accepted_at, &created, &info);
    if (code == ERR_SUCC) {
        task_result_event(r, created ? kTIMConvEvent_Add : kTIMConvEvent_Update, info);
    } else {
        engine_log(kTIMLog_Error, "group %s was created, but not its conversation: %s", c.id, store_error(s));
    }
    tell_members(t, s, r, &c);
    r->json = json_object_of("create_group_result_groupid", c.id);
    if (r->json == NULL) task_result_fail(r, ERR_OUT_OF_MEMORY, "group %s was created; out of memory", c.id);
    group_change_clear(&c);
}

/* quit and dismiss: a registry change, then its notice to the members. */
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

static void run_join(struct task *t, struct store *s, struct task_result *r) {
    struct registry *reg = group_registry(r);
    if (reg == NULL) return;
    struct group_change c;
    const struct im_group_args *a = &t->args.im_group;
    int code = registry_join(reg, a->group_id, engine_user_id(), a->json, t->accepted_at, &c);
    if (code != ERR_SUCC) {
        registry_failed(r, reg, code);
        return;
    }
    tell_members(t, s, r, &c);
    r->unread_may_change = true;
    group_change_clear(&c);
}
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
    int code = registry_member_list(reg, a->json, a->group_id, engine_user_id(), t->accepted_at, &r->json);
    if (code != ERR_SUCC) registry_failed(r, reg, code);
}

/* ---- the API ---- */

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
    /* hello_msg is optional (选填): NULL, or UTF-8 text within the JSON size limit; a request that
     * waits for approval keeps it (group_pendency_apply_invite_msg). */
    int code = engine_precheck(true);
    if (code == TIM_SUCC && hello_msg != NULL &&
        (!text_is_json_size_ok(hello_msg) || !text_is_utf8(hello_msg, strlen(hello_msg)))) {
        code = TIM_ERR_PARAM;
    }
    if (code == TIM_SUCC) code = check_group_id(group_id);
    char *hello = code == TIM_SUCC && hello_msg != NULL ? strdup(hello_msg) : NULL;
    if (code == TIM_SUCC && hello_msg != NULL && hello == NULL) code = TIM_ERR_PARAM;
    return code == TIM_SUCC ? submit_group_call("TIMGroupJoin", run_join, group_id, hello, cb, user_data) : code;
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
