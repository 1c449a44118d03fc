/* TIMGroupModifyGroupInfo (TIMGroupManager.h 5.3): the registry's change (store/registry_info.c);
 * a new name or face goes into each member's group conversation by store_conv_faces_set (the one
 * path of names and faces, profiles' too), then the kTIMGroupTip_GroupInfoChange tip every member
 * receives, whose delivery makes the Update event in every member's process (its ConvInfo read
 * after the faces changed). */
#include <stdio.h>
#include <string.h>

#include "api/delivery.h"
#include "api/group_calls.h"
#include "notify/engine_log.h"
#include "store/store_cache.h"

struct faces_to_show {
    struct store *own; /* the logged-in user's store */
    const char *faces; /* a {CONV_FACE_*} array */
};

/* One member's store shows the group's new name and face (a failure logged: the change is made). */
static void show_faces(const char *member, void *ctx) {
    const struct faces_to_show *f = ctx;
    char err[512] = "";
    int code = ERR_SUCC;
    struct store *s = strcmp(member, engine_user_id()) == 0
                          ? f->own
                          : store_cache_open(engine_data_root(), engine_app_id(), member, f->own, &code, err, sizeof err);
    if (s != NULL) code = store_conv_faces_set(s, kTIMConv_Group, f->faces, NULL);
    if (s != NULL && code != ERR_SUCC) snprintf(err, sizeof err, "%s", store_error(s));
    if (code != ERR_SUCC) engine_log(kTIMLog_Error, "cannot show the group's new name and face to %s: %s", member, err);
}

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
    if (c.faces != NULL) {
        struct faces_to_show f = {s, c.faces};
        if (store_array_each(s, c.recipients, show_faces, &f) != ERR_SUCC) {
            engine_log(kTIMLog_Error, "cannot read the members of %s: %s", c.id, store_error(s));
        }
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
