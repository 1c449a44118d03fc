/* The group registry's membership rules (TIMGroupManager.h 4.1-4.4): create, join, quit,
 * dismiss, and who may send (see registry.h). Worker thread only. */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "TIMCloud.h"
#include "store/registry_internal.h"
#include "store/store_internal.h"
#include "util/sql_text.h"

/* ---- create ---- */

/* The vendor's member limits by group type (TIMGroupManager.h 1.3); 0: no limit. */
int64_t registry_type_member_limit(int type) {
    static const int64_t limit[] = {[kTIMGroup_Public] = 2000, [kTIMGroup_Private] = 200, [kTIMGroup_ChatRoom] = 6000,
                                    [kTIMGroup_BChatRoom] = 0, [kTIMGroup_AVChatRoom] = 0, [kTIMGroup_Community] = 100000};
    return limit[type];
}

/* The add option a group of `type` gets when CreateGroupParam names none: a Work group is joined
 * only by invitation; a Public one asks the owner; the others let anyone in. */
static int default_add_option(int type) {
    if (type == kTIMGroup_Private) return kTIMGroupAddOpt_Forbid;
    return type == kTIMGroup_Public ? kTIMGroupAddOpt_Auth : kTIMGroupAddOpt_Any;
}

/* A server-style id, "@TGS#" then (a Community's "_") random capitals, not taken yet. */
static int generate_id(struct registry *r, int type, char *id, size_t size) {
    for (int attempt = 0; attempt < 16; attempt++) {
        unsigned char bytes[10] = {0};
        if (getrandom(bytes, sizeof bytes, 0) != (ssize_t)sizeof bytes) {
            for (size_t i = 0; i < sizeof bytes; i++) bytes[i] = (unsigned char)(rand() & 0xff);
        }
        char tail[sizeof bytes + 1];
        for (size_t i = 0; i < sizeof bytes; i++) tail[i] = (char)('A' + bytes[i] % 26);
        tail[sizeof bytes] = '\0';
        snprintf(id, size, "@TGS#%s%s", type == kTIMGroup_Community ? "_" : "", tail);
        struct group_row g;
        int result = read_group(r, id, &g);
        group_row_clear(&g);
        if (result == ERR_SVR_GROUP_NOT_FOUND) return ERR_SUCC;
        if (result != ERR_SUCC) return result;
    }
    return refuse(r, ERR_SDK_INTERNAL_ERROR, "cannot generate a free group id%s", "");
}

/* TIMErrorCode.h 86: an id of one's own is printable ASCII (0x20-0x7e), at most 48 bytes, and does
 * not look like a generated one ("@TGS#"); TIMGroupManager.h 1553: except a Community's, which
 * must start with "@TGS#_". */
static int check_own_id(struct registry *r, const char *id, int type) {
    bool reserved = strncmp(id, "@TGS#", 5) == 0;
    bool community_prefix = strncmp(id, "@TGS#_", 6) == 0;
    if (strlen(id) > REGISTRY_GROUP_ID_MAX || !text_is_printable_ascii(id)) {
        return refuse(r, ERR_SDK_GROUP_INVALID_ID, "invalid group id %s: 1 to 48 bytes of printable ASCII", id);
    }
    if (type == kTIMGroup_Community ? !community_prefix : reserved) {
        return refuse(r, ERR_SDK_GROUP_INVALID_ID,
                      type == kTIMGroup_Community ? "invalid group id %s: a Community's own id starts with @TGS#_"
                                                  : "invalid group id %s: @TGS# starts only the ids the server makes",
                      id);
    }
    return ERR_SUCC;
}

/* Reads the integers of CreateGroupParam that decide the rules: type, add option, max members,
 * and the given id ("" when none). */
static int read_create_param(struct registry *r, const char *param_json, int *type, int *add_option,
                             int64_t *max_member, char *id, size_t id_size) {
    sqlite3_stmt *st = bind_group(r, R_CREATE_PARAM, param_json);
    int rc = sqlite3_step(st);
    int result = ERR_SUCC;
    if (rc == SQLITE_ROW) {
        *type = sqlite3_column_int(st, 0);
        *add_option = sqlite3_column_int(st, 1);
        *max_member = sqlite3_column_int64(st, 2);
        if (sqlite3_column_bytes(st, 3) >= (int)id_size) {
            result = refuse(r, ERR_SDK_GROUP_INVALID_ID, "invalid group id: over 48 bytes%s", "");
        } else if (!sql_text_into(st, 3, id, id_size)) {
            result = ERR_OUT_OF_MEMORY;
        }
        if (sqlite3_column_int64(st, 4) > REGISTRY_INITIAL_MEMBERS_MAX) {
            result = refuse(r, ERR_SVR_GROUP_INVALID_PARAMETERS, "at most 20 initial members%s", "");
        }
        if (sqlite3_column_int(st, 5)) { /* TIMErrorCode.h 94 */
            result = refuse(r, ERR_SDK_GROUP_INVITE_SUPER_DENY, "an initial member cannot be the owner%s", "");
        }
        /* TIMErrorCode.h 87-90: the texts' limits in bytes */
        static const struct {
            int64_t max;
            int code;
            const char *what;
        } texts[] = {{REGISTRY_NAME_MAX, ERR_SDK_GROUP_INVALID_NAME, "a group name is 1 to 30 bytes"},
                     {REGISTRY_INTRODUCTION_MAX, ERR_SDK_GROUP_INVALID_INTRODUCTION, "an introduction is at most 240 bytes"},
                     {REGISTRY_NOTIFICATION_MAX, ERR_SDK_GROUP_INVALID_NOTIFICATION, "a notification is at most 300 bytes"},
                     {REGISTRY_FACE_URL_MAX, ERR_SDK_GROUP_INVALID_FACE_URL, "a face URL is at most 100 bytes"}};
        for (int i = 0; result == ERR_SUCC && i < 4; i++) {
            if (sqlite3_column_int64(st, 6 + i) > texts[i].max) result = refuse(r, texts[i].code, "%s", texts[i].what);
        }
    } else {
        result = rfail(r, "read the create parameters");
    }
    stmt_done(st);
    return result;
}

int registry_create(struct registry *r, const char *param_json, const char *owner, uint64_t now,
                    struct group_change *c) {
    *c = (struct group_change){0};
    int type = 0, add_option = -1;
    int64_t max_member = 0;
    char id[REGISTRY_GROUP_ID_MAX + 2] = "";
    int result = read_create_param(r, param_json, &type, &add_option, &max_member, id, sizeof id);
    if (result == ERR_SUCC && (type < kTIMGroup_Public || type > kTIMGroup_Community)) {
        result = refuse(r, ERR_SVR_GROUP_INVALID_PARAMETERS, "unknown group type%s", "");
    }
    if (result == ERR_SUCC && (add_option < -1 || add_option > kTIMGroupAddOpt_Any)) {
        result = refuse(r, ERR_SVR_GROUP_INVALID_PARAMETERS, "unknown add option%s", "");
    }
    int64_t limit = result == ERR_SUCC ? registry_type_member_limit(type) : 0;
    if (result == ERR_SUCC && (max_member < 0 || (limit > 0 && max_member > limit))) {
        result = refuse(r, ERR_SVR_GROUP_INVALID_PARAMETERS, "max_member_num beyond what the group type allows%s", "");
    }
    if (result == ERR_SUCC && id[0] != '\0') result = check_own_id(r, id, type);
    if (result != ERR_SUCC) return result;
    if (add_option < 0 || type == kTIMGroup_Private) add_option = default_add_option(type);
    if (max_member == 0) max_member = limit > 0 ? limit : INT32_MAX;

    result = rbegin(r);
    if (result != ERR_SUCC) return result;
    if (id[0] == '\0') {
        result = generate_id(r, type, id, sizeof id);
    } else {
        struct group_row existing;
        result = read_group(r, id, &existing);
        group_row_clear(&existing);
        if (result == ERR_SUCC) result = refuse(r, ERR_SVR_GROUP_GROUPID_IN_USED, "the group id %s is in use", id);
        if (result == ERR_SVR_GROUP_NOT_FOUND) result = ERR_SUCC;
    }
    if (result == ERR_SUCC) {
        sqlite3_stmt *st = bind_group(r, R_GROUP_INSERT, id);
        sqlite3_bind_int(st, 2, type);
        sqlite3_bind_text(st, 3, param_json, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 4, add_option);
        sqlite3_bind_int64(st, 5, max_member);
        sqlite3_bind_text(st, 6, owner, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 7, (sqlite3_int64)now);
        result = rexec(r, st, "create group");
    }
    if (result == ERR_SUCC) {
        sqlite3_stmt *st = bind_group(r, R_MEMBER_INSERT, id);
        sqlite3_bind_text(st, 2, owner, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 3, kTIMMemberRole_Owner);
        sqlite3_bind_int64(st, 4, (sqlite3_int64)now);
        result = rexec(r, st, "add the owner");
    }
    if (result == ERR_SUCC) {
        sqlite3_stmt *st = bind_group(r, R_INITIAL_MEMBERS, id);
        sqlite3_bind_text(st, 2, param_json, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 3, (sqlite3_int64)now);
        sqlite3_bind_text(st, 4, owner, -1, SQLITE_STATIC);
        result = rexec(r, st, "add the initial members");
    }
    struct group_row g = {0};
    if (result == ERR_SUCC) result = read_group(r, id, &g);
    if (result == ERR_SUCC && limit > 0 && g.members > max_member) {
        result = refuse(r, ERR_SDK_GROUP_MEMBER_COUNT_LIMIT, "more initial members than %s may hold", id);
    }
    if (result == ERR_SUCC && g.members > 1) result = take_seq(r, id, now, &c->seq);
    if (result == ERR_SUCC) result = describe_change(r, id, &g, c);
    char *invited = NULL;
    if (result == ERR_SUCC && g.members > 1) result = registry_initial_names(r, id, owner, &invited);
    if (result == ERR_SUCC && invited != NULL) result = tip_notice(r, c, kTIMGroupTip_Invite, kTIMGroupJoin_Invite, owner, invited, NULL);
    free(invited);
    group_row_clear(&g);
    result = rfinish(r, result);
    if (result != ERR_SUCC) group_change_clear(c);
    return result;
}

int registry_initial_names(struct registry *r, const char *group_id, const char *owner, char **names) {
    sqlite3_stmt *st = bind_group(r, R_INITIAL_NAMES, group_id);
    sqlite3_bind_text(st, 2, owner, -1, SQLITE_STATIC);
    return rquery_text(r, st, names, "read the initial members");
}

/* ---- join, quit, dismiss, send ---- */

int begin_change(struct registry *r, const char *group_id, const char *user, struct group_row *g, int *role,
                        struct group_change *c) {
    *c = (struct group_change){0};
    *g = (struct group_row){0};
    *role = kTIMMemberRole_None;
    int result = rbegin(r);
    if (result == ERR_SUCC) result = read_group(r, group_id, g);
    if (result == ERR_SUCC) result = read_role(r, group_id, user, role);
    return result;
}

int end_change(struct registry *r, int result, struct group_row *g, struct group_change *c) {
    group_row_clear(g);
    result = rfinish(r, result);
    if (result != ERR_SUCC) group_change_clear(c);
    return result;
}

int registry_join(struct registry *r, const char *group_id, const char *user, const char *hello, uint64_t now,
                  struct group_change *c) {
    struct group_row g;
    int role;
    int result = begin_change(r, group_id, user, &g, &role, c);
    if (result == ERR_SUCC && role != kTIMMemberRole_None) {
        result = refuse(r, ERR_SVR_GROUP_ALLREADY_MEMBER, "already a member of %s", group_id);
    }
    /* TIMGroupManager.h 4.3: a Work group is joined only by invitation; a Public one by the owner's
     * or an admin's approval unless anyone may join; the others freely. */
    if (result == ERR_SUCC && g.type == kTIMGroup_Private) { /* TIMErrorCode.h 93 */
        result = refuse(r, ERR_SDK_GROUP_JOIN_PRIVATE_GROUP_DENY,
                        "%s is a Work group: its members invite others in (TIMGroupInviteMember)", group_id);
    }
    if (result == ERR_SUCC && g.add_option == kTIMGroupAddOpt_Forbid) {
        result = refuse(r, ERR_SVR_GROUP_PERMISSION_DENY,
                        "%s cannot be joined: its add option is Forbid, so it takes members only by invitation",
                        group_id);
    }
    if (result == ERR_SUCC && g.type == kTIMGroup_Public && g.add_option == kTIMGroupAddOpt_Auth) {
        result = registry_request_join(r, &g, group_id, user, hello, now, c);
        return end_change(r, result, &g, c);
    }
    if (result == ERR_SUCC && g.members >= g.max_member) {
        result = refuse(r, ERR_SVR_GROUP_FULL_MEMBER_COUNT, "%s is full", group_id);
    }
    if (result == ERR_SUCC) {
        sqlite3_stmt *st = bind_group(r, R_MEMBER_INSERT, group_id);
        sqlite3_bind_text(st, 2, user, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 3, kTIMMemberRole_Normal);
        sqlite3_bind_int64(st, 4, (sqlite3_int64)now);
        result = rexec(r, st, "add member");
        g.members++;
    }
    if (result == ERR_SUCC) result = take_seq(r, group_id, now, &c->seq);
    if (result == ERR_SUCC) result = describe_change(r, group_id, &g, c);
    if (result == ERR_SUCC) result = user_tip(r, c, kTIMGroupTip_Invite, kTIMGroupJoin_Apply, user);
    return end_change(r, result, &g, c);
}

int registry_quit(struct registry *r, const char *group_id, const char *user, uint64_t now, struct group_change *c) {
    struct group_row g;
    int role;
    int result = begin_change(r, group_id, user, &g, &role, c);
    if (result == ERR_SUCC && role == kTIMMemberRole_None) {
        result = refuse(r, ERR_SVR_GROUP_PERMISSION_DENY, "not a member of %s", group_id);
    }
    /* TIMGroupManager.h 4.4: anyone may quit a Work group; the owner of any other may not. */
    if (result == ERR_SUCC && role == kTIMMemberRole_Owner && g.type != kTIMGroup_Private) {
        result = refuse(r, ERR_SVR_GROUP_SUPER_NOT_ALLOW_QUIT,
                        "the owner may not quit %s (only a Work group's owner may): dismiss it instead", group_id);
    }
    /* The one who quits is told too: recipients are read before the member goes. */
    if (result == ERR_SUCC) result = take_seq(r, group_id, now, &c->seq);
    if (result == ERR_SUCC) result = describe_change(r, group_id, &g, c);
    if (result == ERR_SUCC) {
        sqlite3_stmt *st = bind_group(r, R_MEMBER_DELETE, group_id);
        sqlite3_bind_text(st, 2, user, -1, SQLITE_STATIC);
        result = rexec(r, st, "remove member");
        c->members--;
    }
    /* A Work group's owner may quit (500); the group is not left without one (local decision). */
    if (result == ERR_SUCC && role == kTIMMemberRole_Owner) {
        sqlite3_stmt *st = bind_group(r, R_PASS_OWNER, group_id);
        sqlite3_bind_text(st, 2, user, -1, SQLITE_STATIC);
        result = rexec(r, st, "pass ownership");
        if (result == ERR_SUCC) result = rexec(r, bind_group(r, R_PASS_OWNER_ROLE, group_id), "pass ownership");
    }
    if (result == ERR_SUCC) result = user_tip(r, c, kTIMGroupTip_Quit, kTIMGroupJoin_None, user);
    return end_change(r, result, &g, c);
}

int registry_dismiss(struct registry *r, const char *group_id, const char *user, uint64_t now,
                     struct group_change *c) {
    struct group_row g;
    int role;
    int result = begin_change(r, group_id, user, &g, &role, c);
    /* TIMGroupManager.h 4.2: nobody dismisses a Work group; the owner dismisses the others. */
    if (result == ERR_SUCC && g.type == kTIMGroup_Private) {
        result = refuse(r, ERR_SVR_GROUP_PERMISSION_DENY, "%s is a Work group, which nobody may dismiss", group_id);
    }
    if (result == ERR_SUCC && role != kTIMMemberRole_Owner) {
        result = refuse(r, ERR_SVR_GROUP_PERMISSION_DENY, "only the owner may dismiss %s", group_id);
    }
    if (result == ERR_SUCC) result = take_seq(r, group_id, now, &c->seq);
    if (result == ERR_SUCC) result = describe_change(r, group_id, &g, c);
    if (result == ERR_SUCC) result = rexec(r, bind_group(r, R_MEMBERS_DELETE, group_id), "remove members");
    if (result == ERR_SUCC) result = rexec(r, bind_group(r, R_PENDENCIES_DELETE, group_id), "forget the requests");
    if (result == ERR_SUCC) result = rexec(r, bind_group(r, R_GROUP_DELETE, group_id), "dismiss group");
    c->members = 0;
    if (result == ERR_SUCC) {
        sqlite3_stmt *st = bind_group(r, R_REPORT_MESSAGE, group_id);
        sqlite3_bind_text(st, 2, c->name, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, user, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 4, kTIMGroupReport_Delete);
        result = rquery_text(r, st, &c->notice, "build group report");
    }
    return end_change(r, result, &g, c);
}

int registry_next_seq(struct registry *r, const char *group_id, const char *sender, uint64_t now,
                      struct group_change *c) {
    struct group_row g;
    int role;
    int result = begin_change(r, group_id, sender, &g, &role, c);
    if (result == ERR_SUCC && role == kTIMMemberRole_None) {
        result = refuse(r, ERR_SVR_GROUP_PERMISSION_DENY, "not a member of %s: only members send to a group", group_id);
    }
    /* TIMGroupManager.h 1691 (kTIMGroupModifyInfoFlag_ShutupAll) and 1207 (a member's mute time):
     * a muted member does not send; muting everyone leaves the owner and admins their voice. */
    int64_t muted_until = 0;
    if (result == ERR_SUCC) result = read_member(r, group_id, sender, now, &role, &muted_until);
    if (result == ERR_SUCC && muted_until > 0) {
        result = refuse(r, ERR_SVR_GROUP_SHUTUP_DENY, "muted in %s for a while: the owner or an admin may lift it",
                        group_id);
    }
    if (result == ERR_SUCC && g.shutup_all && role == kTIMMemberRole_Normal) {
        result = refuse(r, ERR_SVR_GROUP_SHUTUP_DENY, "everyone but the owner and admins is muted in %s", group_id);
    }
    if (result == ERR_SUCC) result = take_seq(r, group_id, now, &c->seq);
    if (result == ERR_SUCC) result = describe_change(r, group_id, &g, c);
    return end_change(r, result, &g, c);
}
