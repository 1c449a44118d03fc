/* The pendency calls (TIMGroupManager.h 8.1-8.3): TIMGroupGetPendencyList, TIMGroupHandlePendency and
 * TIMGroupReportPendencyReaded, over the requests to join that TIMGroupJoin leaves waiting
 * (store/registry_pendency.c). */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "api/delivery.h"
#include "api/group_calls.h"

static void run_pendency_list(struct task *t, struct store *s, struct task_result *r) {
    (void)t;
    (void)s;
    struct registry *reg = group_registry(r);
    if (reg == NULL) return;
    int code = registry_pendency_list(reg, engine_user_id(), &r->json);
    if (code != ERR_SUCC) registry_failed(r, reg, code);
}

static void run_handle_pendency(struct task *t, struct store *s, struct task_result *r) {
    struct registry *reg = group_registry(r);
    if (reg == NULL) return;
    struct group_change c;
    const struct im_group_args *a = &t->args.im_group;
    int code = registry_handle_pendency(reg, a->json, a->group_id, engine_user_id(), t->accepted_at, &c);
    if (code != ERR_SUCC) {
        registry_failed(r, reg, code);
        return;
    }
    tell_members(t, s, r, &c);
    r->unread_may_change = true;
    group_change_clear(&c);
}

static void run_pendency_read(struct task *t, struct store *s, struct task_result *r) {
    (void)s;
    struct registry *reg = group_registry(r);
    if (reg == NULL) return;
    int code = registry_pendency_read(reg, engine_user_id(), t->args.im_group.time_stamp);
    if (code != ERR_SUCC) registry_failed(r, reg, code);
}

/* GroupPendencyOption (13.1); GroupHandlePendencyParam (13.4) with its GroupPendency (13.2), the
 * group id first (json_check_fields gives it back). */
static const struct json_field pendency_option_fields[] = {
    {"$.group_pendency_option_start_time", "integer", true},
    {"$.group_pendency_option_max_limited", "integer", false},
};
static const struct json_field handle_fields[] = {
    {"$.group_handle_pendency_param_pendency.group_pendency_group_id", "text", true},
    {"$.group_handle_pendency_param_pendency", "object", true},
    {"$.group_handle_pendency_param_pendency.group_pendency_form_identifier", "text", true},
    {"$.group_handle_pendency_param_pendency.group_pendency_pendency_type", "integer", false},
    {"$.group_handle_pendency_param_is_accept", "true false", false},
    {"$.group_handle_pendency_param_handle_msg", "text", false},
};

/* Every pendency comes at once (group_pendency_result_next_start_time 0): the option asks nothing more. */
int TIMGroupGetPendencyList(const char *json_group_getpendency_list_param, TIMCommCallback cb, const void *user_data) {
    return submit_group_param_call("TIMGroupGetPendencyList", run_pendency_list, json_group_getpendency_list_param,
                                   GROUP_FIELDS(pendency_option_fields), PARAM_CHECKED_ONLY, cb, user_data);
}

int TIMGroupHandlePendency(const char *json_group_handle_pendency_param, TIMCommCallback cb, const void *user_data) {
    return submit_group_param_call("TIMGroupHandlePendency", run_handle_pendency, json_group_handle_pendency_param,
                                   GROUP_FIELDS(handle_fields), PARAM_NAMES_GROUP, cb, user_data);
}

int TIMGroupReportPendencyReaded(uint64_t time_stamp, TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(true);
    if (code != TIM_SUCC) return code;
    struct task *t = task_new("TIMGroupReportPendencyReaded", run_pendency_read, ARGS_IM_GROUP, cb, user_data);
    if (t == NULL) return TIM_ERR_PARAM;
    t->args.im_group.time_stamp = time_stamp;
    return engine_submit(t, ADMIT_LOGGED_IN);
}
