/* The group registry's information changes (TIMGroupManager.h 5.3, TIMGroupModifyGroupInfo): who may
 * change what, the vendor's limits, and the tip telling the members (see registry.h). Worker
 * thread only. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "TIMCloud.h"
#include "store/registry_internal.h"
#include "store/store_internal.h"
#include "util/sql_text.h"

/* The flags the registry keeps (the others: custom fields, topics, permission groups). */
#define KEPT_FLAGS                                                                                                 \
    ((uint32_t)kTIMGroupModifyInfoFlag_Name | kTIMGroupModifyInfoFlag_Notification |                              \
     kTIMGroupModifyInfoFlag_Introduction | kTIMGroupModifyInfoFlag_FaceUrl | kTIMGroupModifyInfoFlag_AddOption | \
     kTIMGroupModifyInfoFlag_MaxMemberNum | kTIMGroupModifyInfoFlag_Visible | kTIMGroupModifyInfoFlag_Searchable | \
     kTIMGroupModifyInfoFlag_ShutupAll | kTIMGroupModifyInfoFlag_ApproveOption | REGISTRY_OWNER_FLAG)

/* What a GroupModifyInfoParam asks (R_MODIFY_PARAM): -1 for what it does not give. */
struct modify_param {
    uint32_t flag;
    int64_t name_bytes, introduction_bytes, notification_bytes, face_url_bytes;
    int64_t add_option, approve_option, max_member, visible, searchable, shutup_all;
    char owner[TEXT_ID_MAX + 1]; /* "" when absent */
};

static int read_modify_param(struct registry *r, const char *param_json, struct modify_param *p) {
    *p = (struct modify_param){0};
    sqlite3_stmt *st = bind_group(r, R_MODIFY_PARAM, param_json);
    int rc = sqlite3_step(st);
    int result = ERR_SUCC;
    if (rc == SQLITE_ROW) {
        p->flag = (uint32_t)sqlite3_column_int64(st, 0);
        int64_t *ints[] = {&p->name_bytes, &p->introduction_bytes, &p->notification_bytes, &p->face_url_bytes,
                           &p->add_option, &p->approve_option, &p->max_member, &p->visible, &p->searchable,
                           &p->shutup_all};
        for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) *ints[i] = sqlite3_column_int64(st, 1 + (int)i);
        if (sqlite3_column_type(st, 11) != SQLITE_NULL && !sql_text_into(st, 11, p->owner, sizeof p->owner)) {
            result = refuse(r, ERR_SVR_GROUP_INVALID_PARAMETERS, "the new owner of %s is not a user id", "");
        }
    } else {
        result = rfail(r, "read the modify parameters");
    }
    stmt_done(st);
    return result;
}

/* A value the flag names must be given: 10004 otherwise (TIMGroupManager.h 10.10: "当 modify_flag 包含
 * ... 时必填"). */
static int require(struct registry *r, const struct modify_param *p, uint32_t bit, int64_t given, const char *key) {
    if (!(p->flag & bit) || given >= 0) return ERR_SUCC;
    return refuse(r, ERR_SVR_GROUP_INVALID_PARAMETERS, "the modify flag names %s, which the parameter does not give",
                  key);
}

/* The vendor's limits of the texts (TIMErrorCode.h 87-90) and options. */
static int check_values(struct registry *r, const struct modify_param *p, const struct group_row *g) {
    static const struct {
        uint32_t bit;
        size_t offset;
        const char *key;
    } needed[] = {
        {kTIMGroupModifyInfoFlag_Name, offsetof(struct modify_param, name_bytes), "group_modify_info_param_group_name"},
        {kTIMGroupModifyInfoFlag_Notification, offsetof(struct modify_param, notification_bytes),
         "group_modify_info_param_notification"},
        {kTIMGroupModifyInfoFlag_Introduction, offsetof(struct modify_param, introduction_bytes),
         "group_modify_info_param_introduction"},
        {kTIMGroupModifyInfoFlag_FaceUrl, offsetof(struct modify_param, face_url_bytes), "group_modify_info_param_face_url"},
        {kTIMGroupModifyInfoFlag_AddOption, offsetof(struct modify_param, add_option), "group_modify_info_param_add_option"},
        {kTIMGroupModifyInfoFlag_MaxMemberNum, offsetof(struct modify_param, max_member),
         "group_modify_info_param_max_member_num"},
        {kTIMGroupModifyInfoFlag_Visible, offsetof(struct modify_param, visible), "group_modify_info_param_visible"},
        {kTIMGroupModifyInfoFlag_Searchable, offsetof(struct modify_param, searchable), "group_modify_info_param_searchable"},
        {kTIMGroupModifyInfoFlag_ShutupAll, offsetof(struct modify_param, shutup_all), "group_modify_info_param_is_shutup_all"},
        {kTIMGroupModifyInfoFlag_ApproveOption, offsetof(struct modify_param, approve_option),
         "group_modify_info_param_approve_option"},
    };
    int result = ERR_SUCC;
    for (size_t i = 0; result == ERR_SUCC && i < sizeof needed / sizeof needed[0]; i++) {
        int64_t given = *(const int64_t *)((const char *)p + needed[i].offset);
        result = require(r, p, needed[i].bit, given, needed[i].key);
    }
    if (result == ERR_SUCC && (p->flag & REGISTRY_OWNER_FLAG) && p->owner[0] == '\0') {
        result = refuse(r, ERR_SVR_GROUP_INVALID_PARAMETERS, "the modify flag names %s, which the parameter does not give",
                        "group_modify_info_param_owner");
    }
    if (result != ERR_SUCC) return result;
    if ((p->flag & kTIMGroupModifyInfoFlag_Name) && (p->name_bytes < 1 || p->name_bytes > REGISTRY_NAME_MAX)) {
        return refuse(r, ERR_SDK_GROUP_INVALID_NAME, "a group name is 1 to 30 bytes of UTF-8%s", "");
    }
    if ((p->flag & kTIMGroupModifyInfoFlag_Introduction) && p->introduction_bytes > REGISTRY_INTRODUCTION_MAX) {
        return refuse(r, ERR_SDK_GROUP_INVALID_INTRODUCTION, "a group introduction is at most 240 bytes%s", "");
    }
    if ((p->flag & kTIMGroupModifyInfoFlag_Notification) && p->notification_bytes > REGISTRY_NOTIFICATION_MAX) {
        return refuse(r, ERR_SDK_GROUP_INVALID_NOTIFICATION, "a group notification is at most 300 bytes%s", "");
    }
    if ((p->flag & kTIMGroupModifyInfoFlag_FaceUrl) && p->face_url_bytes > REGISTRY_FACE_URL_MAX) {
        return refuse(r, ERR_SDK_GROUP_INVALID_FACE_URL, "a group face URL is at most 100 bytes%s", "");
    }
    bool options_ok = (!(p->flag & kTIMGroupModifyInfoFlag_AddOption) || p->add_option <= kTIMGroupAddOpt_Any) &&
                      (!(p->flag & kTIMGroupModifyInfoFlag_ApproveOption) || p->approve_option <= kTIMGroupAddOpt_Any);
    if (!options_ok) return refuse(r, ERR_SVR_GROUP_INVALID_PARAMETERS, "an add or approve option is 0, 1 or 2%s", "");
    if ((p->flag & kTIMGroupModifyInfoFlag_AddOption) && g->type == kTIMGroup_Private) {
        return refuse(r, ERR_SVR_GROUP_INVALID_PARAMETERS,
                      "a Work group is joined only by invitation: its add option stays Forbid%s", "");
    }
    int64_t limit = registry_type_member_limit(g->type);
    if ((p->flag & kTIMGroupModifyInfoFlag_MaxMemberNum) &&
        (p->max_member < g->members || p->max_member < 1 || (limit > 0 && p->max_member > limit))) {
        return refuse(r, ERR_SVR_GROUP_INVALID_PARAMETERS,
                      "max_member_num must hold the members the group has and stay within its type's limit%s", "");
    }
    return ERR_SUCC;
}

/* Who may (TIMGroupManager.h 629-635): the owner alone transfers a group, not a Live one, and with
 * no other change; anyone of a Work group, the owner or an admin of the others, changes the rest. */
static int check_permission(struct registry *r, const struct modify_param *p, const struct group_row *g, int role,
                            const char *group_id) {
    if (role == kTIMMemberRole_None) return refuse(r, ERR_SVR_GROUP_PERMISSION_DENY, "not a member of %s", group_id);
    if (p->flag & REGISTRY_OWNER_FLAG) {
        if (p->flag != REGISTRY_OWNER_FLAG) {
            return refuse(r, ERR_SVR_GROUP_INVALID_PARAMETERS,
                          "a transfer of %s changes nothing else: give kTIMGroupModifyInfoFlag_Owner alone", group_id);
        }
        if (role != kTIMMemberRole_Owner) return refuse(r, ERR_SVR_GROUP_PERMISSION_DENY, "only the owner transfers %s", group_id);
        if (g->type == kTIMGroup_AVChatRoom) {
            return refuse(r, ERR_SVR_GROUP_PERMISSION_DENY, "%s is a Live group, which cannot be transferred", group_id);
        }
        return ERR_SUCC;
    }
    if (g->type != kTIMGroup_Private && role < kTIMMemberRole_Admin) {
        return refuse(r, ERR_SVR_GROUP_PERMISSION_DENY, "only the owner or an admin changes the information of %s",
                      group_id);
    }
    return ERR_SUCC;
}

/* The old owner becomes a member, the new one the owner (who must be a member already). */
static int transfer(struct registry *r, const char *group_id, const char *old_owner, const char *new_owner) {
    int role = kTIMMemberRole_None;
    int result = read_role(r, group_id, new_owner, &role);
    if (result == ERR_SUCC && role == kTIMMemberRole_None) {
        return refuse(r, ERR_SVR_GROUP_INVALID_PARAMETERS, "the new owner of %s must be one of its members", group_id);
    }
    if (result == ERR_SUCC && role == kTIMMemberRole_Owner) {
        return refuse(r, ERR_SVR_GROUP_INVALID_PARAMETERS, "the new owner of %s owns it already", group_id);
    }
    const struct {
        const char *user;
        int role;
    } roles[] = {{old_owner, kTIMMemberRole_Normal}, {new_owner, kTIMMemberRole_Owner}};
    for (size_t i = 0; result == ERR_SUCC && i < 2; i++) {
        sqlite3_stmt *st = bind_group(r, R_SET_ROLE, group_id);
        sqlite3_bind_text(st, 2, roles[i].user, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 3, roles[i].role);
        result = rexec(r, st, "transfer the group");
    }
    return result;
}

int registry_modify_info(struct registry *r, const char *param_json, const char *group_id, const char *user,
                         uint64_t now, struct group_change *c) {
    struct modify_param p;
    int result = read_modify_param(r, param_json, &p);
    if (result == ERR_SUCC && p.flag == kTIMGroupModifyInfoFlag_None) {
        result = refuse(r, ERR_SVR_GROUP_INVALID_PARAMETERS, "the modify flag of %s names no change", group_id);
    }
    if (result == ERR_SUCC && (p.flag & ~KEPT_FLAGS)) {
        result = refuse(r, ERR_SVR_GROUP_INVALID_PARAMETERS,
                        "the modify flag names what the local engine does not keep: custom fields (their keys are "
                        "configured in Tencent's console), topics or permission groups (%s unchanged)",
                        group_id);
    }
    if (result != ERR_SUCC) {
        *c = (struct group_change){0};
        return result;
    }
    struct group_row g;
    int role;
    result = begin_change(r, group_id, user, &g, &role, c);
    if (result == ERR_SUCC) result = check_permission(r, &p, &g, role, group_id);
    if (result == ERR_SUCC) result = check_values(r, &p, &g);
    if (result == ERR_SUCC && (p.flag & REGISTRY_OWNER_FLAG)) result = transfer(r, group_id, g.owner, p.owner);
    if (result == ERR_SUCC) {
        sqlite3_stmt *st = bind_group(r, R_MODIFY_GROUP, param_json);
        sqlite3_bind_int64(st, 2, p.flag);
        sqlite3_bind_int64(st, 3, (sqlite3_int64)now);
        sqlite3_bind_text(st, 4, group_id, -1, SQLITE_STATIC);
        result = rexec(r, st, "change the group");
    }
    char *changes = NULL;
    if (result == ERR_SUCC) {
        sqlite3_stmt *st = bind_group(r, R_CHANGE_INFO, param_json);
        sqlite3_bind_int64(st, 2, p.flag);
        result = rquery_text(r, st, &changes, "describe the change");
    }
    /* The group as changed: its new name and face are what the members' conversations show. */
    if (result == ERR_SUCC) {
        group_row_clear(&g);
        result = read_group(r, group_id, &g);
    }
    if (result == ERR_SUCC && changes != NULL) result = take_seq(r, group_id, now, &c->seq);
    if (result == ERR_SUCC) result = describe_change(r, group_id, &g, c);
    if (result == ERR_SUCC && changes != NULL) {
        result = tip_notice(r, c, kTIMGroupTip_GroupInfoChange, kTIMGroupJoin_None, user, "[]", changes);
    }
    if (result == ERR_SUCC && (p.flag & (kTIMGroupModifyInfoFlag_Name | kTIMGroupModifyInfoFlag_FaceUrl))) {
        result = rquery_text(r, bind_group(r, R_GROUP_FACES, group_id), &c->faces, "read the group's face");
    }
    free(changes);
    return end_change(r, result, &g, c);
}
