/* Block lists and friend groups (TIMFriendshipManager.h 6.1-6.3, 7.1-7.4). Worker thread only. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "TIMCloud.h"
#include "store/registry_friends_internal.h"
#include "util/json_check.h"

int registry_blocked_list(struct registry *r, const char *user, char **list) {
    return fquery(r, fstmt(r, F_BLOCKED_LIST, user, NULL), list, "list blocked users");
}

int registry_is_blocked(struct registry *r, const char *blocker, const char *user, bool *blocked) {
    sqlite3_stmt *st = fstmt(r, F_IS_BLOCKED, blocker, user);
    if (st == NULL) return rfail(r, "read the block list");
    int rc = sqlite3_step(st);
    *blocked = rc == SQLITE_ROW && sqlite3_column_int(st, 0) != 0;
    stmt_done(st);
    return rc == SQLITE_ROW ? ERR_SUCC : rfail(r, "read the block list");
}

/* Blocking ends a friendship both ways, as the vendor's server does (its REST API's block list
 * call: "拉黑后会同时解除双方的好友关系"); the news of it is the delete's (2.2). */
static int unfriend_blocked(struct registry *r, const char *user, const char *changed) {
    return fdelete(r, user, changed, true, NULL);
}

int registry_block(struct registry *r, const char *user, const char *ids_json, bool block, uint64_t now, char **results) {
    *results = NULL;
    int result = registry_check_user_ids(r, ids_json, ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS);
    if (result == ERR_SUCC) result = rbegin(r);
    if (result != ERR_SUCC) return result;
    char *rows[2] = {NULL}, *profiles = NULL; /* the results, the ids that change */
    sqlite3_stmt *st = fstmt(r, F_BLOCK_RESULTS, user, ids_json);
    if (st != NULL) sqlite3_bind_int(st, 3, block);
    result = frow(r, st, rows, 2, "read the block list");
    bool changed = result == ERR_SUCC && strcmp(rows[1], "[]") != 0;
    if (changed && block) {
        result = unfriend_blocked(r, user, rows[1]);
        st = result == ERR_SUCC ? fstmt(r, F_BLOCK, user, rows[1]) : NULL;
        if (st != NULL) sqlite3_bind_int64(st, 3, (sqlite3_int64)now);
        if (result == ERR_SUCC) result = fexec(r, st, "block users");
        if (result == ERR_SUCC) result = fprofiles(r, user, rows[1], &profiles);
        if (result == ERR_SUCC) result = fnews(r, user, FRIEND_NEWS_BLOCKED, NULL, NULL, profiles, NULL);
    } else if (changed) {
        result = fexec(r, fstmt(r, F_UNBLOCK, user, rows[1]), "unblock users");
        if (result == ERR_SUCC) result = fnews(r, user, FRIEND_NEWS_UNBLOCKED, NULL, NULL, rows[1], NULL);
    }
    result = rfinish(r, result);
    if (result == ERR_SUCC) {
        *results = rows[0];
        rows[0] = NULL;
    }
    free(rows[0]);
    free(rows[1]);
    free(profiles);
    return result;
}

/* ---- friend groups ---- */

/* ERR_SUCC unless a group name of names_json is empty or too long (9005), or a group exists
 * (exist false) or does not (exist true): 30001. */
static int check_groups(struct registry *r, const char *user, const char *names_json, bool exist) {
    sqlite3_stmt *st = fstmt(r, F_GROUP_PARAM_CHECK, user, names_json);
    if (st != NULL) sqlite3_bind_int(st, 3, exist);
    return fcheck(r, st, "check friend groups");
}

/* Puts friends (a JSON array of ids, with their results) in group `name`, with its news (kind). */
struct group_move {
    const char *user, *ids;
    enum friend_news_kind kind;
    char *results;
};

static int add_to_group(struct registry *r, const char *name, void *ctx) {
    struct group_move *m = ctx;
    char *rows[2] = {NULL}, *profiles = NULL; /* results, the friends among the ids */
    int result = frow(r, fstmt(r, F_GROUP_MEMBER_RESULTS, m->user, m->ids), rows, 2, "read friends");
    sqlite3_stmt *st = result == ERR_SUCC ? fstmt(r, F_GROUP_ADD, m->user, rows[1]) : NULL;
    if (st != NULL) sqlite3_bind_text(st, 3, name, -1, SQLITE_STATIC);
    if (result == ERR_SUCC) result = fexec(r, st, "add friends to a group");
    if (result == ERR_SUCC) result = fprofiles(r, m->user, rows[1], &profiles);
    if (result == ERR_SUCC) result = fnews(r, m->user, m->kind, name, NULL, profiles, NULL);
    free(m->results);
    m->results = rows[0];
    free(rows[1]);
    free(profiles);
    return result;
}

int registry_friend_group_create(struct registry *r, const char *user, const char *param_json, char **results) {
    *results = NULL;
    char *names = NULL, *ids = NULL;
    int result = fmember_text(r, param_json, "$.friendship_create_friend_group_param_name_array", &names);
    if (result == ERR_SUCC) result = fmember_text(r, param_json, "$.friendship_create_friend_group_param_identifier_array", &ids);
    struct group_move m = {user, ids != NULL ? ids : "[]", FRIEND_NEWS_GROUP_CREATED, NULL};
    if (result == ERR_SUCC && (names == NULL || strcmp(names, "[]") == 0)) {
        snprintf(r->error, sizeof r->error, "friendship_create_friend_group_param_name_array names no group");
        result = ERR_SDK_FRIENDSHIP_FRIEND_GROUP_EMPTY;
    }
    if (result == ERR_SUCC) result = registry_check_user_ids(r, m.ids, ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS);
    if (result == ERR_SUCC) result = check_groups(r, user, names, false);
    if (result == ERR_SUCC) result = rbegin(r);
    if (result == ERR_SUCC) {
        result = fexec(r, fstmt(r, F_GROUPS_ENSURE, user, names), "make friend groups");
        if (result == ERR_SUCC) result = feach(r, names, add_to_group, &m);
        result = rfinish(r, result);
    }
    if (result == ERR_SUCC) {
        *results = m.results;
        m.results = NULL;
    }
    free(m.results);
    free(names);
    free(ids);
    return result;
}

int registry_friend_group_list(struct registry *r, const char *user, const char *names_json, char **groups) {
    return fquery(r, fstmt(r, F_GROUP_LIST, user, names_json), groups, "list friend groups");
}

int registry_friend_group_delete(struct registry *r, const char *user, const char *names_json) {
    int result = check_groups(r, user, names_json, true);
    if (result == ERR_SUCC) result = rbegin(r);
    if (result != ERR_SUCC) return result;
    result = fexec(r, fstmt(r, F_GROUP_DELETE, user, names_json), "delete friend groups");
    if (result == ERR_SUCC) result = fexec(r, fstmt(r, F_GROUP_UNSET, user, names_json), "delete friend groups");
    if (result == ERR_SUCC) result = fnews(r, user, FRIEND_NEWS_GROUP_DELETED, NULL, NULL, names_json, NULL);
    return rfinish(r, result);
}

/* Renames group `name` to new_name (not taken; 9005 when not a name). */
static int rename_group(struct registry *r, const char *user, const char *name, const char *new_name) {
    char *new_names = json_array_of(new_name);
    int result = new_names != NULL ? check_groups(r, user, new_names, false) : ERR_OUT_OF_MEMORY;
    free(new_names);
    const enum friend_stmt renames[] = {F_GROUP_RENAME, F_GROUP_RENAME_MEMBERS}; /* the group, its friends' lists */
    for (size_t i = 0; result == ERR_SUCC && i < sizeof renames / sizeof renames[0]; i++) {
        sqlite3_stmt *st = fstmt(r, renames[i], user, name);
        if (st != NULL) sqlite3_bind_text(st, 3, new_name, -1, SQLITE_STATIC);
        result = fexec(r, st, "rename a friend group");
    }
    return result == ERR_SUCC ? fnews(r, user, FRIEND_NEWS_GROUP_RENAMED, name, new_name, NULL, NULL) : result;
}

/* Takes friends (m->ids) out of group `name`, with the news of those that were in it. */
static int remove_from_group(struct registry *r, const char *name, struct group_move *m) {
    char *rows[2] = {NULL};
    int result = frow(r, fstmt(r, F_GROUP_MEMBER_RESULTS, m->user, m->ids), rows, 2, "read friends");
    sqlite3_stmt *st = result == ERR_SUCC ? fstmt(r, F_GROUP_REMOVE, m->user, rows[1]) : NULL;
    if (st != NULL) sqlite3_bind_text(st, 3, name, -1, SQLITE_STATIC);
    if (result == ERR_SUCC) result = fexec(r, st, "remove friends from a group");
    if (result == ERR_SUCC) result = fnews(r, m->user, FRIEND_NEWS_GROUP_REMOVED, name, NULL, rows[1], NULL);
    m->results = rows[0];
    free(rows[1]);
    return result;
}

/* One change per call, by priority: a new name, else friends added, else friends removed
 * (TIMFriendshipManager.h 1064). */
int registry_friend_group_modify(struct registry *r, const char *user, const char *param_json, char **results) {
    *results = NULL;
    char *name = NULL, *new_name = NULL, *add = NULL, *remove = NULL, *names = NULL;
    int result = fmember_text(r, param_json, "$.friendship_modify_friend_group_param_name", &name);
    if (result == ERR_SUCC) result = fmember_text(r, param_json, "$.friendship_modify_friend_group_param_new_name", &new_name);
    if (result == ERR_SUCC) result = fmember_text(r, param_json, "$.friendship_modify_friend_group_param_add_identifier_array", &add);
    if (result == ERR_SUCC) result = fmember_text(r, param_json, "$.friendship_modify_friend_group_param_delete_identifier_array", &remove);
    names = result == ERR_SUCC && name != NULL ? json_array_of(name) : NULL;
    if (result == ERR_SUCC) result = names != NULL ? check_groups(r, user, names, true) : ERR_OUT_OF_MEMORY;
    struct group_move m = {user, add != NULL ? add : remove, FRIEND_NEWS_GROUP_ADDED, NULL};
    if (result == ERR_SUCC && new_name == NULL && m.ids == NULL) {
        snprintf(r->error, sizeof r->error, "nothing to change: give a new name, or friends to add or remove");
        result = ERR_INVALID_PARAMETERS;
    }
    if (result == ERR_SUCC && new_name == NULL) result = registry_check_user_ids(r, m.ids, ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS);
    if (result == ERR_SUCC) result = rbegin(r);
    if (result == ERR_SUCC) {
        result = new_name != NULL ? rename_group(r, user, name, new_name)
                 : add != NULL    ? add_to_group(r, name, &m)
                                  : remove_from_group(r, name, &m);
        result = rfinish(r, result);
    }
    if (result == ERR_SUCC) {
        *results = m.results;
        m.results = NULL;
    }
    free(m.results);
    free(name);
    free(new_name);
    free(add);
    free(remove);
    free(names);
    return result;
}
