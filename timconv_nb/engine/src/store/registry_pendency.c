/* The group registry's pendencies (TIMGroupManager.h 4.3, 8.1-8.3): a request to join a Public group
 * whose add option asks for approval waits for its owner or an admin, who lists, accepts or refuses
 * it; each user keeps the time up to which they have read them (see registry.h). Worker thread
 * only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "TIMCloud.h"
#include "store/registry_internal.h"
#include "store/store_internal.h"
#include "util/json_check.h"
#include "util/sql_text.h"

/* c->notice: a GroupReportElem of report_type by op_user with msg, in the group c names. */
static int report_notice(struct registry *r, struct group_change *c, int report_type, const char *op_user,
                         const char *msg) {
    sqlite3_stmt *st = bind_group(r, R_REPORT_MESSAGE, c->id);
    sqlite3_bind_text(st, 2, c->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, op_user, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 4, report_type);
    sqlite3_bind_text(st, 5, msg, -1, SQLITE_STATIC);
    return rquery_text(r, st, &c->notice, "build group report");
}

int registry_request_join(struct registry *r, struct group_row *g, const char *group_id, const char *user,
                          const char *hello, uint64_t now, struct group_change *c) {
    sqlite3_stmt *st = bind_group(r, R_PENDENCY_ADD, group_id);
    sqlite3_bind_text(st, 2, user, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, (sqlite3_int64)now);
    sqlite3_bind_text(st, 4, hello != NULL ? hello : "", -1, SQLITE_STATIC);
    int result = rexec(r, st, "add the request to join");
    /* TIMGroupManager.h 484: the owner and the admins receive a system message of the request. */
    if (result == ERR_SUCC) result = take_seq(r, group_id, now, &c->seq);
    if (result == ERR_SUCC) result = describe_change(r, group_id, g, c);
    if (result == ERR_SUCC) {
        free(c->recipients);
        result = rquery_text(r, bind_group(r, R_APPROVERS, group_id), &c->recipients, "read the approvers");
    }
    if (result == ERR_SUCC) result = report_notice(r, c, kTIMGroupReport_AddRequest, user, hello != NULL ? hello : "");
    return result;
}

/* What a GroupHandlePendencyParam asks (R_HANDLE_PARAM; types checked). */
struct handle_param {
    char from[TEXT_ID_MAX + 1];
    int type;
    bool accept;
    char *msg; /* malloc'd */
};

static int read_handle_param(struct registry *r, const char *param_json, struct handle_param *p) {
    *p = (struct handle_param){0};
    sqlite3_stmt *st = bind_group(r, R_HANDLE_PARAM, param_json);
    int rc = sqlite3_step(st);
    int result = ERR_SUCC;
    if (rc == SQLITE_ROW) {
        bool oom = false;
        if (!sql_text_into(st, 0, p->from, sizeof p->from)) {
            result = refuse(r, ERR_SVR_GROUP_INVALID_PARAMETERS, "the pendency's requester is not a user id%s", "");
        }
        p->type = sqlite3_column_int(st, 1);
        p->accept = sqlite3_column_int(st, 2) != 0;
        p->msg = sql_text_copy(st, 3, &oom);
        if (p->msg == NULL && result == ERR_SUCC) result = ERR_OUT_OF_MEMORY;
    } else {
        result = rfail(r, "read the pendency parameters");
    }
    stmt_done(st);
    return result;
}

/* The state of the pendency (group_id, from, to, type): -1 when there is none, else its handled flag. */
static int pendency_state(struct registry *r, const char *group_id, const struct handle_param *p, const char *to,
                          int *handled) {
    sqlite3_stmt *st = bind_group(r, R_PENDENCY_GET, group_id);
    sqlite3_bind_text(st, 2, p->from, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, to, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 4, p->type);
    int rc = sqlite3_step(st);
    *handled = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    stmt_done(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? ERR_SUCC : rfail(r, "read the pendency");
}

/* TIMGroupManager.h 1380-1382: the approver accepts or refuses one pendency, once. */
int registry_handle_pendency(struct registry *r, const char *param_json, const char *group_id, const char *user,
                             uint64_t now, struct group_change *c) {
    *c = (struct group_change){0};
    struct handle_param p;
    int result = read_handle_param(r, param_json, &p);
    if (result == ERR_SUCC && p.type != kTIMGroupPendency_GroupJoinNeedApprovedByAdmin) {
        result = refuse(r, ERR_SVR_GROUP_INVALID_PARAMETERS,
                        "only requests to join (pendency type 0) wait locally: an invitation adds at once%s", "");
    }
    if (result != ERR_SUCC) {
        free(p.msg);
        return result;
    }
    struct group_row g;
    int role, handled = -1, requester_role = kTIMMemberRole_None;
    result = begin_change(r, group_id, user, &g, &role, c);
    if (result == ERR_SUCC && role < kTIMMemberRole_Admin) {
        result = refuse(r, ERR_SVR_GROUP_PERMISSION_DENY, "only the owner or an admin of %s handles its requests",
                        group_id);
    }
    if (result == ERR_SUCC) result = pendency_state(r, group_id, &p, "", &handled);
    if (result == ERR_SUCC && handled < 0) {
        result = refuse(r, ERR_SVR_GROUP_INVALID_PARAMETERS, "no such request to join %s", group_id);
    }
    if (result == ERR_SUCC && handled > 0) { /* TIMErrorCode.h 361 */
        result = refuse(r, ERR_SVR_GROUP_REQ_ALLREADY_BEEN_PROCESSED, "the request to join %s was handled already",
                        group_id);
    }
    if (result == ERR_SUCC) {
        sqlite3_stmt *st = bind_group(r, R_PENDENCY_HANDLE, group_id);
        sqlite3_bind_text(st, 2, p.from, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 3, p.accept ? kTIMGroupPendency_Accept : kTIMGroupPendency_Refuse);
        sqlite3_bind_text(st, 4, p.msg, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 5, user, -1, SQLITE_STATIC);
        result = rexec(r, st, "handle the request");
    }
    if (result == ERR_SUCC) result = read_role(r, group_id, p.from, &requester_role);
    bool joins = p.accept && requester_role == kTIMMemberRole_None;
    if (result == ERR_SUCC && joins && g.members >= g.max_member) {
        result = refuse(r, ERR_SVR_GROUP_FULL_MEMBER_COUNT, "%s is full", group_id);
    }
    if (result == ERR_SUCC && joins) {
        sqlite3_stmt *st = bind_group(r, R_MEMBER_INSERT, group_id);
        sqlite3_bind_text(st, 2, p.from, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 3, kTIMMemberRole_Normal);
        sqlite3_bind_int64(st, 4, (sqlite3_int64)now);
        result = rexec(r, st, "add member");
        g.members++;
    }
    bool tells = joins || !p.accept;
    if (result == ERR_SUCC && tells) result = take_seq(r, group_id, now, &c->seq);
    if (result == ERR_SUCC) result = describe_change(r, group_id, &g, c);
    char *requester = result == ERR_SUCC && tells ? json_array_of(p.from) : NULL;
    if (result == ERR_SUCC && tells && requester == NULL) result = ERR_OUT_OF_MEMORY;
    if (result == ERR_SUCC && joins) { /* every member, the new one too, receives the tip of the join */
        result = tip_notice(r, c, kTIMGroupTip_Invite, kTIMGroupJoin_Apply, user, requester, NULL);
    } else if (result == ERR_SUCC && tells) { /* the requester alone receives the refusal */
        free(c->recipients);
        c->recipients = requester;
        requester = NULL;
        result = report_notice(r, c, kTIMGroupReport_AddRefuse, user, p.msg);
    }
    free(requester);
    free(p.msg);
    return end_change(r, result, &g, c);
}

int registry_pendency_list(struct registry *r, const char *user, char **result_json) {
    sqlite3_stmt *st = rstmt(r, R_PENDENCY_LIST);
    sqlite3_bind_text(st, 1, user, -1, SQLITE_STATIC);
    return rquery_text(r, st, result_json, "list pendencies");
}

int registry_pendency_read(struct registry *r, const char *user, uint64_t time_stamp) {
    int result = rbegin(r);
    if (result == ERR_SUCC) {
        sqlite3_stmt *st = rstmt(r, R_PENDENCY_READ);
        sqlite3_bind_text(st, 1, user, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)(time_stamp > INT64_MAX ? INT64_MAX : time_stamp));
        result = rexec(r, st, "report pendencies read");
    }
    return rfinish(r, result);
}
