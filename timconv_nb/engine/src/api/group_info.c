/* TIMGroupModifyGroupInfo (TIMGroupManager.h 5.3): the registry's change (store/registry_info.c),
 * then the kTIMGroupTip_GroupInfoChange tip every member receives, which carries the group's new
 * name and face into each member's group conversation (an Update event in every member's
 * process). */
#include "api/delivery.h"
#include "api/group_calls.h"

static void run_modify_info(struct task *t, struct store *s, struct task_result *r) {
    struct registry *reg = group_registry(r);
    if (reg == NULL) return;
    struct group_change c;
    const struct im_group_args *a = &t->args.im_group;
    int code = registry_modify_info(reg, a->json, a->group_id, engine_user_id(), t->accepted_at, &c);
    if (code != ERR_SUCC) {
        registry_failed(r, reg, code);
        return;
    }
    tell_members(t, s, r, &c);
    group_change_clear(&c);
}

/* GroupModifyInfoParam (10.10): the group id and flag; each value of its type when present. */
static const struct json_field modify_info_fields[] = {
    {"$.group_modify_info_param_group_id", "text", true},
    {"$.group_modify_info_param_modify_flag", "integer", true},
    {"$.group_modify_info_param_group_name", "text", false},
    {"$.group_modify_info_param_notification", "text", false},
    {"$.group_modify_info_param_introduction", "text", false},
    {"$.group_modify_info_param_face_url", "text", false},
    {"$.group_modify_info_param_add_option", "integer", false},
    {"$.group_modify_info_param_approve_option", "integer", false},
    {"$.group_modify_info_param_max_member_num", "integer", false},
    {"$.group_modify_info_param_visible", "integer", false},
    {"$.group_modify_info_param_searchable", "integer", false},
    {"$.group_modify_info_param_is_shutup_all", "true false", false},
    {"$.group_modify_info_param_owner", "text", false},
    {"$.group_modify_info_param_custom_info", "array", false},
};

int TIMGroupModifyGroupInfo(const char *json_group_modifyinfo_param, TIMCommCallback cb, const void *user_data) {
    return submit_group_param_call("TIMGroupModifyGroupInfo", run_modify_info, json_group_modifyinfo_param,
                                   GROUP_FIELDS(modify_info_fields), PARAM_NAMES_GROUP, cb, user_data);
}
