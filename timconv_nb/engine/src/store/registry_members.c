/* The group registry's member changes (TIMGroupManager.h 7.3-7.5): inviting (TIMGroupInviteMember),
 * removing (TIMGroupDeleteMember) and a member's role, mute and name card
 * (TIMGroupModifyMemberInfo), with who may do each, and the tips telling the members (see
 * registry.h). Worker thread only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "TIMCloud.h"
#include "store/registry_internal.h"
#include "store/store_internal.h"
#include "util/json_check.h"
#include "util/sql_text.h"

/* The user ids of a parameter at path (a JSON array, its type checked) and their count. */
static int param_users(struct registry *r, const char *param_json, const char *path, char **users, int64_t *count) {
    sqlite3_stmt *st = bind_group(r, R_PARAM_USERS, param_json);
    sqlite3_bind_text(st, 2, path, -1, SQLITE_STATIC);
    *users = NULL;
    *count = 0;
    int rc = sqlite3_step(st);
    int result = ERR_SUCC;
    if (rc == SQLITE_ROW) {
        bool oom = false;
        *users = sql_text_copy(st, 0, &oom);
        *count = sqlite3_column_int64(st, 1);
        if (*users == NULL) result = ERR_OUT_OF_MEMORY;
    } else {
        result = rfail(r, "read the user ids");
    }
    stmt_done(st);
    return result;
}

/* Reads the text of the first column of st (stepped and reset) into *out (malloc'd, NULL: none). */
static int query_with_users(struct registry *r, enum reg_stmt id, const char *group_id, const char *users,
                            char **out, const char *what) {
    sqlite3_stmt *st = bind_group(r, id, group_id);
    sqlite3_bind_text(st, 2, users, -1, SQLITE_STATIC);
    return rquery_text(r, st, out, what);
}

/* The users of a JSON array (?2) that are not members of the group yet, and those that are. */
static int split_members(struct registry *r, const char *group_id, const char *users, char **outsiders,
                         int64_t *outsider_count) {
    int result = query_with_users(r, R_OUTSIDERS, group_id, users, outsiders, "read the invited users");
    *outsider_count = 0;
    if (result == ERR_SUCC && *outsiders != NULL) {
        sqlite3_stmt *st = rstmt(r, R_ARRAY_LENGTH);
        sqlite3_bind_text(st, 1, *outsiders, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW) *outsider_count = sqlite3_column_int64(st, 0);
        stmt_done(st);
    }
    return result;
}

/* The per-user results of a call over `users` (JSON array): `done` (JSON array) got done_code, the
 * others other_code; as objects {id_key: user, result_key: code}. */
static int member_results(struct registry *r, const char *users, const char *done, int done_code, int other_code,
                          const char *id_key, const char *result_key, char **results) {
    sqlite3_stmt *st = rstmt(r, R_MEMBER_RESULTS);
    sqlite3_bind_text(st, 1, users, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, done != NULL ? done : "[]", -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 3, done_code);
    sqlite3_bind_int(st, 4, other_code);
    sqlite3_bind_text(st, 5, id_key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, result_key, -1, SQLITE_STATIC);
    return rquery_text(r, st, results, "the results per user");
}

static int check_users(struct registry *r, const char *users, int64_t count) {
    if (count == 0) return refuse(r, ERR_SDK_GROUP_INVITE_NO_MEMBER, "the invitation names nobody%s", "");
    if (count > REGISTRY_INITIAL_MEMBERS_MAX) {
        return refuse(r, ERR_SVR_GROUP_ACOUNT_COUNT_LIMIT, "at most 20 users in one call%s", "");
    }
    sqlite3_stmt *st = rstmt(r, R_BAD_IDS);
    sqlite3_bind_text(st, 1, users, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    bool bad = rc == SQLITE_ROW && sqlite3_column_int(st, 0) != 0;
    stmt_done(st);
    if (rc != SQLITE_ROW) return rfail(r, "read the user ids");
    return bad ? refuse(r, ERR_SVR_GROUP_INVALID_PARAMETERS, "a user id is 1 to 127 bytes%s", "") : ERR_SUCC;
}

int registry_invite(struct registry *r, const char *param_json, const char *group_id, const char *user, uint64_t now,
                    struct group_change *c, char **results) {
    *results = NULL;
    *c = (struct group_change){0};
    char *users = NULL;
    int64_t count = 0;
    int result = param_users(r, param_json, "$.group_invite_member_param_identifier_array", &users, &count);
    if (result == ERR_SUCC) result = check_users(r, users, count);
    if (result != ERR_SUCC) {
        free(users);
        return result;
    }
    struct group_row g;
    int role;
    result = begin_change(r, group_id, user, &g, &role, c);
    if (result == ERR_SUCC && role == kTIMMemberRole_None) {
        result = refuse(r, ERR_SVR_GROUP_PERMISSION_DENY, "not a member of %s: only members invite", group_id);
    }
    /* TIMGroupManager.h 1221: a Live group takes no invitations. */
    if (result == ERR_SUCC && (g.type == kTIMGroup_AVChatRoom || g.type == kTIMGroup_BChatRoom)) {
        result = refuse(r, ERR_SVR_GROUP_PERMISSION_DENY, "%s is a Live group, which takes no invitations", group_id);
    }
    char *outsiders = NULL;
    int64_t added = 0;
    if (result == ERR_SUCC) result = split_members(r, group_id, users, &outsiders, &added);
    if (result == ERR_SUCC && g.members + added > g.max_member) {
        result = refuse(r, ERR_SVR_GROUP_FULL_MEMBER_COUNT, "%s cannot hold them all", group_id);
    }
    if (result == ERR_SUCC && added > 0) {
        sqlite3_stmt *st = bind_group(r, R_ADD_MEMBERS, group_id);
        sqlite3_bind_text(st, 2, outsiders, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 3, (sqlite3_int64)now);
        result = rexec(r, st, "add the invited users");
        g.members += added;
    }
    if (result == ERR_SUCC && added > 0) result = take_seq(r, group_id, now, &c->seq);
    if (result == ERR_SUCC) result = describe_change(r, group_id, &g, c);
    if (result == ERR_SUCC && added > 0) {
        result = tip_notice(r, c, kTIMGroupTip_Invite, kTIMGroupJoin_Invite, user, outsiders, NULL);
    }
    if (result == ERR_SUCC) {
        result = member_results(r, users, outsiders, kTIMGroupMember_HandledSuc, kTIMGroupMember_Included,
                                "group_invite_member_result_identifier", "group_invite_member_result_result", results);
    }
    free(outsiders);
    free(users);
    result = end_change(r, result, &g, c);
    if (result != ERR_SUCC) {
        free(*results);
        *results = NULL;
    }
    return result;
}

/* TIMGroupManager.h 1180-1181, 1265-1266: the owner or an admin acts on other members (`act`, a
 * verb), and only on those of a lower rank than their own (an admin on members, the owner on admins
 * too): nobody acts on one of their own rank or above. users: a JSON array. */
static int check_outranks(struct registry *r, const char *group_id, int role, const char *users, const char *act) {
    char why[256];
    if (role < kTIMMemberRole_Admin) {
        snprintf(why, sizeof why, "only the owner or an admin %s other members of %s, of a lower rank", act, group_id);
        return refuse(r, ERR_SVR_GROUP_PERMISSION_DENY, "%s", why);
    }
    sqlite3_stmt *st = bind_group(r, R_OUTRANKED, group_id);
    sqlite3_bind_text(st, 2, users, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 3, role);
    int rc = sqlite3_step(st);
    bool outranked = rc == SQLITE_ROW && sqlite3_column_int(st, 0) != 0;
    stmt_done(st);
    if (rc != SQLITE_ROW) return rfail(r, "read the roles");
    if (!outranked) return ERR_SUCC;
    snprintf(why, sizeof why, "nobody %s a member of %s of their own rank or above, only of a lower rank", act,
             group_id);
    return refuse(r, ERR_SVR_GROUP_PERMISSION_DENY, "%s", why);
}

/* TIMGroupManager.h 1265-1266: the owner of a Work group removes; the owner or an admin of the
 * others. Nobody removes one of their own rank or above (an admin removes members, the owner
 * admins too). */
int registry_remove(struct registry *r, const char *param_json, const char *group_id, const char *user, uint64_t now,
                    struct group_change *c, char **results) {
    *results = NULL;
    *c = (struct group_change){0};
    char *users = NULL;
    int64_t count = 0;
    int result = param_users(r, param_json, "$.group_delete_member_param_identifier_array", &users, &count);
    if (result == ERR_SUCC && count == 0) {
        result = refuse(r, ERR_SVR_GROUP_INVALID_PARAMETERS, "the removal names nobody%s", "");
    }
    if (result != ERR_SUCC) {
        free(users);
        return result;
    }
    struct group_row g;
    int role;
    result = begin_change(r, group_id, user, &g, &role, c);
    if (result == ERR_SUCC && role == kTIMMemberRole_None) {
        result = refuse(r, ERR_SVR_GROUP_PERMISSION_DENY, "not a member of %s", group_id);
    }
    if (result == ERR_SUCC && g.type == kTIMGroup_Private && role != kTIMMemberRole_Owner) {
        result = refuse(r, ERR_SVR_GROUP_PERMISSION_DENY, "only the owner removes members of the Work group %s",
                        group_id);
    }
    if (result == ERR_SUCC) result = check_outranks(r, group_id, role, users, "removes");
    char *removed = NULL;
    if (result == ERR_SUCC) result = query_with_users(r, R_INSIDERS, group_id, users, &removed, "read the members");
    bool any = removed != NULL && strcmp(removed, "[]") != 0;
    /* Those removed are told too: the recipients are read before they go. */
    if (result == ERR_SUCC && any) result = take_seq(r, group_id, now, &c->seq);
    if (result == ERR_SUCC) result = describe_change(r, group_id, &g, c);
    if (result == ERR_SUCC && any) {
        sqlite3_stmt *st = bind_group(r, R_REMOVE_MEMBERS, group_id);
        sqlite3_bind_text(st, 2, removed, -1, SQLITE_STATIC);
        result = rexec(r, st, "remove members");
        c->members -= sqlite3_changes(r->db);
    }
    if (result == ERR_SUCC && any) result = tip_notice(r, c, kTIMGroupTip_Kick, kTIMGroupJoin_None, user, removed, NULL);
    if (result == ERR_SUCC) {
        result = member_results(r, users, removed, kTIMGroupMember_HandledSuc, kTIMGroupMember_HandledErr,
                                "group_delete_member_result_identifier", "group_delete_member_result_result", results);
    }
    free(removed);
    free(users);
    result = end_change(r, result, &g, c);
    if (result != ERR_SUCC) {
        free(*results);
        *results = NULL;
    }
    return result;
}

/* What a GroupModifyMemberInfoParam asks (R_MEMBER_PARAM; types checked). */
struct member_param {
    uint32_t flag;
    char target[TEXT_ID_MAX + 1];
    int64_t role, shutup_seconds, name_card_bytes; /* -1: absent */
};

static int read_member_param(struct registry *r, const char *param_json, struct member_param *p) {
    *p = (struct member_param){0};
    sqlite3_stmt *st = bind_group(r, R_MEMBER_PARAM, param_json);
    int rc = sqlite3_step(st);
    int result = ERR_SUCC;
    if (rc == SQLITE_ROW) {
        p->flag = (uint32_t)sqlite3_column_int64(st, 0);
        if (!sql_text_into(st, 1, p->target, sizeof p->target)) {
            result = refuse(r, ERR_SVR_GROUP_INVALID_PARAMETERS, "the member is not a user id%s", "");
        }
        p->role = sqlite3_column_int64(st, 2);
        p->shutup_seconds = sqlite3_column_int64(st, 3);
        p->name_card_bytes = sqlite3_column_int64(st, 4);
    } else {
        result = rfail(r, "read the member parameters");
    }
    stmt_done(st);
    return result;
}

/* The values the flags name are given and within the vendor's limits. */
static int check_member_values(struct registry *r, const struct member_param *p) {
    const uint32_t kept = kTIMGroupMemberModifyFlag_MemberRole | kTIMGroupMemberModifyFlag_ShutupTime |
                          kTIMGroupMemberModifyFlag_NameCard;
    if (p->flag == 0) return refuse(r, ERR_SVR_GROUP_INVALID_PARAMETERS, "the modify flag names no change%s", "");
    if (p->flag & ~kept) {
        return refuse(r, ERR_SVR_GROUP_INVALID_PARAMETERS,
                      "the modify flag names what the local engine does not change here: a member's receive option "
                      "(TIMMsgSetGroupReceiveMessageOpt sets one's own) or custom fields (keys configured in "
                      "Tencent's console)%s", "");
    }
    if ((p->flag & kTIMGroupMemberModifyFlag_MemberRole) && (p->flag & kTIMGroupMemberModifyFlag_ShutupTime)) {
        return refuse(r, ERR_SVR_GROUP_INVALID_PARAMETERS,
                      "a role and a mute are changed by separate calls (each has its own tip)%s", "");
    }
    if ((p->flag & kTIMGroupMemberModifyFlag_MemberRole) && p->role != kTIMMemberRole_Normal &&
        p->role != kTIMMemberRole_Admin) {
        return refuse(r, ERR_SVR_GROUP_INVALID_PARAMETERS,
                      "a member's role becomes Normal (200) or Admin (300); the owner is changed by "
                      "TIMGroupModifyGroupInfo%s", "");
    }
    if ((p->flag & kTIMGroupMemberModifyFlag_ShutupTime) && p->shutup_seconds < 0) {
        return refuse(r, ERR_SVR_GROUP_INVALID_PARAMETERS, "the mute time is a number of seconds (0 lifts it)%s", "");
    }
    if ((p->flag & kTIMGroupMemberModifyFlag_NameCard) &&
        (p->name_card_bytes < 0 || p->name_card_bytes > REGISTRY_NAME_CARD_MAX)) {
        return refuse(r, ERR_SDK_GROUP_INVALID_NAME_CARD, "a name card is at most 50 bytes of UTF-8%s", "");
    }
    return ERR_SUCC;
}

/* TIMGroupManager.h 1180-1181: the owner or an admin changes roles and mutes (check_outranks); one's
 * own name card is one's own to change. */
static int check_member_permission(struct registry *r, const struct member_param *p, int role, int target_role,
                                   const char *user, const char *group_id) {
    if (role == kTIMMemberRole_None) return refuse(r, ERR_SVR_GROUP_PERMISSION_DENY, "not a member of %s", group_id);
    if (target_role == kTIMMemberRole_None) {
        return refuse(r, ERR_SVR_GROUP_INVALID_PARAMETERS, "the member to change is not a member of %s", group_id);
    }
    if (p->flag == kTIMGroupMemberModifyFlag_NameCard && strcmp(p->target, user) == 0) return ERR_SUCC;
    char *target = json_array_of(p->target);
    int result = target != NULL ? check_outranks(r, group_id, role, target, "changes") : ERR_OUT_OF_MEMORY;
    free(target);
    return result;
}

int registry_modify_member(struct registry *r, const char *param_json, const char *group_id, const char *user,
                           uint64_t now, struct group_change *c) {
    *c = (struct group_change){0};
    struct member_param p;
    int result = read_member_param(r, param_json, &p);
    if (result == ERR_SUCC) result = check_member_values(r, &p);
    if (result != ERR_SUCC) return result;
    struct group_row g;
    int role, target_role = kTIMMemberRole_None;
    result = begin_change(r, group_id, user, &g, &role, c);
    if (result == ERR_SUCC) result = read_role(r, group_id, p.target, &target_role);
    if (result == ERR_SUCC) result = check_member_permission(r, &p, role, target_role, user, group_id);
    if (result == ERR_SUCC) {
        sqlite3_stmt *st = bind_group(r, R_SET_MEMBER, group_id);
        sqlite3_bind_text(st, 2, p.target, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 3, p.flag);
        sqlite3_bind_text(st, 4, param_json, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 5, (sqlite3_int64)now);
        result = rexec(r, st, "change the member");
    }
    /* The tip: a new admin, an admin no more (1.2 SetAdmin, CancelAdmin), or a mute (MemberInfoChange
     * with GroupTipMemberChangeInfo, 9.2); a name card has none. */
    int tip = kTIMGroupTip_None;
    if (p.flag & kTIMGroupMemberModifyFlag_MemberRole && p.role != target_role) {
        tip = p.role == kTIMMemberRole_Admin ? kTIMGroupTip_SetAdmin : kTIMGroupTip_CancelAdmin;
    } else if (p.flag & kTIMGroupMemberModifyFlag_ShutupTime) {
        tip = kTIMGroupTip_MemberInfoChange;
    }
    if (result == ERR_SUCC && tip != kTIMGroupTip_None) result = take_seq(r, group_id, now, &c->seq);
    if (result == ERR_SUCC) result = describe_change(r, group_id, &g, c);
    char *more = NULL;
    if (result == ERR_SUCC && tip == kTIMGroupTip_MemberInfoChange) {
        sqlite3_stmt *st = bind_group(r, R_MUTE_CHANGE, p.target);
        sqlite3_bind_int64(st, 2, p.shutup_seconds);
        result = rquery_text(r, st, &more, "describe the mute");
    }
    char *target = result == ERR_SUCC && tip != kTIMGroupTip_None ? json_array_of(p.target) : NULL;
    if (result == ERR_SUCC && tip != kTIMGroupTip_None) {
        result = target != NULL ? tip_notice(r, c, tip, kTIMGroupJoin_None, user, target, more) : ERR_OUT_OF_MEMORY;
    }
    free(target);
    free(more);
    return end_change(r, result, &g, c);
}
