/* The member calls (TIMGroupManager.h 7.3-7.6): TIMGroupModifyMemberInfo, TIMGroupInviteMember,
 * TIMGroupDeleteMember and TIMGroupMarkGroupMemberList. The registry's change
 * (store/registry_members.c, registry_group_data.c for marks), then the tip every member receives
 * (those removed too). */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "api/calls.h"
#include "api/delivery.h"
#include "api/group_calls.h"
#include "store/registry_group_data.h"

/* A change whose callback carries the results per user (invite, remove). */
typedef int (*member_change)(struct registry *r, const char *param_json, const char *group_id, const char *user,
                             uint64_t now, struct group_change *c, char **results);

static void run_member_change(struct task *t, struct store *s, struct task_result *r, member_change change) {
    struct registry *reg = group_registry(r);
    if (reg == NULL) return;
    struct group_change c;
    const struct im_group_args *a = &t->args.im_group;
    int code = change(reg, a->json, a->group_id, engine_user_id(), t->accepted_at, &c, &r->json);
    if (code != ERR_SUCC) {
        registry_failed(r, reg, code);
        return;
    }
    tell_members(t, s, r, &c);
    r->unread_may_change = true;
    group_change_clear(&c);
}

static void run_invite(struct task *t, struct store *s, struct task_result *r) {
    run_member_change(t, s, r, registry_invite);
}

static void run_remove(struct task *t, struct store *s, struct task_result *r) {
    run_member_change(t, s, r, registry_remove);
}

static void run_modify_member(struct task *t, struct store *s, struct task_result *r) {
    struct registry *reg = group_registry(r);
    if (reg == NULL) return;
    struct group_change c;
    const struct im_group_args *a = &t->args.im_group;
    int code = registry_modify_member(reg, a->json, a->group_id, engine_user_id(), t->accepted_at, &c);
    if (code != ERR_SUCC) {
        registry_failed(r, reg, code);
        return;
    }
    tell_members(t, s, r, &c);
    group_change_clear(&c);
}

static void run_mark(struct task *t, struct store *s, struct task_result *r) {
    struct registry *reg = group_registry(r);
    if (reg == NULL) return;
    struct group_change c;
    const struct im_group_args *a = &t->args.im_group;
    int code = registry_mark_members(reg, a->group_id, engine_user_id(), a->json, (uint32_t)a->value, a->flag,
                                     t->accepted_at, &c);
    if (code != ERR_SUCC) {
        registry_failed(r, reg, code);
        return;
    }
    tell_members(t, s, r, &c);
    group_change_clear(&c);
}

/* GroupModifyMemberInfoParam (12.7), GroupInviteMemberParam (12.8), GroupDeleteMemberParam (12.10):
 * the group id first (json_check_fields gives it back). */
static const struct json_field modify_member_fields[] = {
    {"$.group_modify_member_info_group_id", "text", true},
    {"$.group_modify_member_info_identifier", "text", true},
    {"$.group_modify_member_info_modify_flag", "integer", true},
    {"$.group_modify_member_info_msg_flag", "integer", false},
    {"$.group_modify_member_info_member_role", "integer", false},
    {"$.group_modify_member_info_shutup_time", "integer", false},
    {"$.group_modify_member_info_name_card", "text", false},
    {"$.group_modify_member_info_custom_info", "array", false},
};
static const struct json_field invite_fields[] = {
    {"$.group_invite_member_param_group_id", "text", true},
    {"$.group_invite_member_param_identifier_array", "texts", true},
    {"$.group_invite_member_param_user_data", "text", false},
};
static const struct json_field delete_fields[] = {
    {"$.group_delete_member_param_group_id", "text", true},
    {"$.group_delete_member_param_identifier_array", "texts", true},
    {"$.group_delete_member_param_user_data", "text", false},
    {"$.group_delete_member_param_duration", "integer", false},
};

int TIMGroupModifyMemberInfo(const char *json_group_modifymeminfo_param, TIMCommCallback cb, const void *user_data) {
    return submit_group_param_call("TIMGroupModifyMemberInfo", run_modify_member, json_group_modifymeminfo_param,
                                   GROUP_FIELDS(modify_member_fields), PARAM_NAMES_GROUP, cb, user_data);
}

int TIMGroupInviteMember(const char *json_group_invite_param, TIMCommCallback cb, const void *user_data) {
    return submit_group_param_call("TIMGroupInviteMember", run_invite, json_group_invite_param,
                                   GROUP_FIELDS(invite_fields), PARAM_NAMES_GROUP, cb, user_data);
}

int TIMGroupDeleteMember(const char *json_group_delete_param, TIMCommCallback cb, const void *user_data) {
    return submit_group_param_call("TIMGroupDeleteMember", run_remove, json_group_delete_param,
                                   GROUP_FIELDS(delete_fields), PARAM_NAMES_GROUP, cb, user_data);
}

/* TIMGroupManager.h 1299: a mark type is at least 1000; the members are 1 or more user ids. */
int TIMGroupMarkGroupMemberList(const char *group_id, const char *member_array, uint32_t mark_type, bool enable_mark,
                                TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(true);
    if (code == TIM_SUCC) code = check_group_id(group_id);
    int64_t count = 0;
    if (code == TIM_SUCC) code = check_id_array(member_array, &count);
    if (code == TIM_SUCC && mark_type < GROUP_MARK_TYPE_MIN) code = TIM_ERR_PARAM;
    if (code != TIM_SUCC) return code;
    char *members = strdup(member_array);
    struct task *t = members != NULL ? group_task("TIMGroupMarkGroupMemberList", run_mark, group_id, members, cb,
                                                 user_data)
                                     : NULL;
    if (t == NULL) return TIM_ERR_PARAM;
    t->args.im_group.value = mark_type;
    t->args.im_group.flag = enable_mark;
    return engine_submit(t, ADMIT_LOGGED_IN);
}
