/* The group searches and counts (TIMGroupManager.h 5.2, 5.8, 7.2): TIMGroupSearchGroups over the
 * groups the user is in, TIMGroupSearchGroupMembers over their members, and TIMGroupGetOnlineMemberCount from who is logged in now
 * (store/presence.h). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/calls.h"
#include "api/delivery.h"
#include "api/group_calls.h"
#include "store/presence.h"
#include "util/json_check.h"

static void run_search_groups(struct task *t, struct store *s, struct task_result *r) {
    (void)s;
    struct registry *reg = group_registry(r);
    if (reg == NULL) return;
    int code = registry_search_groups(reg, t->args.im_group.json, engine_user_id(), &r->json);
    if (code != ERR_SUCC) registry_failed(r, reg, code);
}

static void run_search_members(struct task *t, struct store *s, struct task_result *r) {
    (void)s;
    struct registry *reg = group_registry(r);
    if (reg == NULL) return;
    int code = registry_search_members(reg, t->args.im_group.json, engine_user_id(), t->accepted_at, &r->json);
    if (code != ERR_SUCC) registry_failed(r, reg, code);
}

/* The logged-in user is online here; the lock that tells the others (presence.h) is another
 * process's, which this one cannot see for its own user. */
static void count_online(const char *user, void *count) {
    if (strcmp(user, engine_user_id()) == 0 || presence_online(engine_data_root(), engine_app_id(), user)) {
        ++*(int64_t *)count;
    }
}

static void run_online_count(struct task *t, struct store *s, struct task_result *r) {
    struct registry *reg = group_registry(r);
    if (reg == NULL) return;
    const char *group_id = t->args.im_group.group_id;
    int role = 0;
    char *members = NULL;
    int code = registry_role(reg, group_id, engine_user_id(), &role);
    if (code == ERR_SUCC && role == kTIMMemberRole_None) {
        task_result_fail(r, ERR_SVR_GROUP_PERMISSION_DENY, "not a member of %s: only members count who is online",
                         group_id);
        return;
    }
    if (code == ERR_SUCC) code = registry_members(reg, group_id, &members);
    if (code != ERR_SUCC) {
        registry_failed(r, reg, code);
        return;
    }
    int64_t online = 0;
    code = store_array_each(s, members, count_online, &online);
    free(members);
    if (code != ERR_SUCC) {
        store_failed(r, s, code, t);
        return;
    }
    char json[96];
    snprintf(json, sizeof json, "{\"group_get_online_member_count_result\":%lld}", (long long)online);
    r->json = strdup(json);
    if (r->json == NULL) task_result_fail(r, ERR_OUT_OF_MEMORY, "out of memory");
}

/* GroupSearchParam (10.9): 1 to 5 keywords (checked when run), the fields to look in. */
static const struct json_field search_fields[] = {
    {"$.group_search_params_keyword_list", "texts", true},
    {"$.group_search_params_field_list", "array", false},
};

int TIMGroupSearchGroups(const char *json_group_search_groups_param, TIMCommCallback cb, const void *user_data) {
    return submit_group_param_call("TIMGroupSearchGroups", run_search_groups, json_group_search_groups_param,
                                   GROUP_FIELDS(search_fields), PARAM_KEPT, cb, user_data);
}

/* GroupMemberSearchParam (12.4): 1 to 5 keywords and the fields (checked when run), the groups. */
static const struct json_field search_members_fields[] = {
    {"$.group_search_member_params_keyword_list", "texts", true},
    {"$.group_search_member_params_field_list", "array", true},
    {"$.group_search_member_params_groupid_list", "texts", false},
};

int TIMGroupSearchGroupMembers(const char *json_group_search_group_members_param, TIMCommCallback cb,
                               const void *user_data) {
    return submit_group_param_call("TIMGroupSearchGroupMembers", run_search_members,
                                   json_group_search_group_members_param, GROUP_FIELDS(search_members_fields),
                                   PARAM_KEPT, cb, user_data);
}

int TIMGroupGetOnlineMemberCount(const char *group_id, TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(true);
    if (code == TIM_SUCC) code = check_group_id(group_id);
    if (code != TIM_SUCC) return code;
    return submit_group_call("TIMGroupGetOnlineMemberCount", run_online_count, group_id, NULL, cb, user_data);
}
