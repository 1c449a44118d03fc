/* Friends and friend news (registry_friends.h): the helpers the friendship files share, the friend
 * calls' rules (TIMFriendshipManager.h 4.1-4.7), and reading the news. Worker thread only. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "TIMCloud.h"
#include "store/registry_friends_internal.h"
#include "store/store_internal.h"
#include "util/error_meaning.h"
#include "util/json_check.h"
#include "util/sql_text.h"

sqlite3_stmt *fstmt(struct registry *r, enum friend_stmt id, const char *text1, const char *text2) {
    if (r->friend_stmt[id] == NULL) {
        sqlite3_prepare_v3(r->db, friend_sql[id], -1, SQLITE_PREPARE_PERSISTENT, &r->friend_stmt[id], NULL);
    }
    sqlite3_stmt *st = r->friend_stmt[id];
    if (st != NULL && text1 != NULL) sqlite3_bind_text(st, 1, text1, -1, SQLITE_STATIC);
    if (st != NULL && text2 != NULL) sqlite3_bind_text(st, 2, text2, -1, SQLITE_STATIC);
    return st;
}

void registry_friends_close(struct registry *r) {
    for (int i = 0; i < F_COUNT; i++) sqlite3_finalize(r->friend_stmt[i]);
}

int fquery(struct registry *r, sqlite3_stmt *st, char **out, const char *what) {
    *out = NULL;
    return st != NULL ? rquery_text(r, st, out, what) : rfail(r, what);
}

int frow(struct registry *r, sqlite3_stmt *st, char **cols, int n, const char *what) {
    for (int i = 0; i < n; i++) cols[i] = NULL;
    if (st == NULL) return rfail(r, what);
    int rc = sqlite3_step(st);
    bool oom = false;
    for (int i = 0; rc == SQLITE_ROW && i < n; i++) {
        bool lost = false; /* sql_text_copy sets its flag either way */
        cols[i] = sql_text_copy(st, i, &lost);
        oom = oom || lost;
    }
    stmt_done(st);
    if (rc == SQLITE_ROW && !oom) return ERR_SUCC;
    for (int i = 0; i < n; i++) {
        free(cols[i]);
        cols[i] = NULL;
    }
    return oom ? ERR_OUT_OF_MEMORY : rc == SQLITE_DONE ? ERR_SUCC : rfail(r, what);
}

int fexec(struct registry *r, sqlite3_stmt *st, const char *what) {
    return st != NULL ? rexec(r, st, what) : rfail(r, what);
}

int fcheck(struct registry *r, sqlite3_stmt *st, const char *what) {
    if (st == NULL) return rfail(r, what);
    int rc = sqlite3_step(st);
    int result = ERR_SUCC;
    if (rc == SQLITE_ROW) {
        result = sqlite3_column_int(st, 0);
        const unsigned char *text = sqlite3_column_text(st, 1);
        snprintf(r->error, sizeof r->error, "%s", text != NULL ? (const char *)text : what);
    } else if (rc != SQLITE_DONE) {
        result = rfail(r, what);
    }
    stmt_done(st);
    return result;
}

int fnews(struct registry *r, const char *to, enum friend_news_kind kind, const char *name, const char *new_name,
          const char *json, const char *renamed) {
    sqlite3_stmt *st = fstmt(r, F_NEWS_ADD, to, json);
    if (st != NULL) {
        sqlite3_bind_int(st, 3, (int)kind);
        if (name != NULL) sqlite3_bind_text(st, 4, name, -1, SQLITE_STATIC);
        if (new_name != NULL) sqlite3_bind_text(st, 5, new_name, -1, SQLITE_STATIC);
        if (renamed != NULL) sqlite3_bind_text(st, 6, renamed, -1, SQLITE_STATIC);
    }
    return fexec(r, st, "write friend news");
}

int fprofiles(struct registry *r, const char *owner, const char *ids_json, char **profiles) {
    return fquery(r, fstmt(r, F_PROFILES, owner, ids_json), profiles, "read friend profiles");
}

int fstate(struct registry *r, const char *user, const char *peer, struct friend_state *state) {
    *state = (struct friend_state){0};
    sqlite3_stmt *st = fstmt(r, F_STATE, user, peer);
    if (st == NULL) return rfail(r, "read the relation");
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *state = (struct friend_state){sqlite3_column_int(st, 0) != 0, sqlite3_column_int(st, 1) != 0,
                                       sqlite3_column_int(st, 2) != 0, sqlite3_column_int(st, 3) != 0,
                                       sqlite3_column_int(st, 4)};
    }
    stmt_done(st);
    return rc == SQLITE_ROW ? ERR_SUCC : rfail(r, "read the relation");
}

int finsert(struct registry *r, const char *owner, const char *friend_id, const char *remark, const char *group,
            const char *source, const char *wording, uint64_t now) {
    char *groups = group != NULL && group[0] != '\0' ? json_array_of(group) : strdup("[]");
    if (groups == NULL) return ERR_OUT_OF_MEMORY;
    int result = fexec(r, fstmt(r, F_GROUPS_ENSURE, owner, groups), "make a friend group");
    sqlite3_stmt *st = result == ERR_SUCC ? fstmt(r, F_INSERT, owner, friend_id) : NULL;
    if (st != NULL) {
        sqlite3_bind_text(st, 3, remark, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, groups, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 5, source, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 6, wording, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 7, (sqlite3_int64)now);
    }
    if (result == ERR_SUCC) result = fexec(r, st, "add a friend");
    free(groups);
    return result;
}

int fresult(struct registry *r, const char *id, int code, const char *desc, char **result) {
    sqlite3_stmt *st = fstmt(r, F_RESULT, id, desc);
    if (st != NULL) sqlite3_bind_int(st, 3, code);
    return fquery(r, st, result, "make a friend result");
}

int registry_friend_list(struct registry *r, const char *user, char **list) {
    return fquery(r, fstmt(r, F_LIST, user, NULL), list, "list friends");
}

int registry_friends_info(struct registry *r, const char *user, const char *ids_json, char **results) {
    int result = registry_check_user_ids(r, ids_json, ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS);
    return result == ERR_SUCC ? fquery(r, fstmt(r, F_INFO, user, ids_json), results, "read friends") : result;
}

int registry_friend_search(struct registry *r, const char *user, const char *param_json, char **results) {
    *results = NULL;
    int result = fcheck(r, fstmt(r, F_SEARCH_CHECK, user, param_json), "check the search");
    return result == ERR_SUCC ? fquery(r, fstmt(r, F_SEARCH, user, param_json), results, "search friends") : result;
}

int registry_friend_modify(struct registry *r, const char *user, const char *param_json) {
    int result = fcheck(r, fstmt(r, F_MODIFY_CHECK, user, param_json), "check the friend profile");
    if (result == ERR_SUCC) result = rbegin(r);
    if (result != ERR_SUCC) return result;
    result = fexec(r, fstmt(r, F_MODIFY, user, param_json), "change the friend profile");
    char *news[3] = {NULL}; /* the update, the renamed friend, the groups named (made when missing) */
    if (result == ERR_SUCC) result = frow(r, fstmt(r, F_MODIFY_NEWS, NULL, param_json), news, 3, "read the change");
    if (result == ERR_SUCC && news[2] != NULL) result = fexec(r, fstmt(r, F_GROUPS_ENSURE, user, news[2]), "make a friend group");
    if (result == ERR_SUCC) result = fnews(r, user, FRIEND_NEWS_PROFILE, NULL, NULL, news[0], news[1]);
    for (int i = 0; i < 3; i++) free(news[i]);
    return rfinish(r, result);
}

int fmember_text(struct registry *r, const char *json, const char *path, char **text) {
    return fquery(r, fstmt(r, F_MEMBER, json, path), text, "read a parameter");
}

int fmember_int(struct registry *r, const char *json, const char *path, int64_t otherwise, int64_t *value) {
    sqlite3_stmt *st = fstmt(r, F_MEMBER, json, path);
    if (st == NULL) return rfail(r, "read a parameter");
    int rc = sqlite3_step(st);
    *value = rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL ? sqlite3_column_int64(st, 0) : otherwise;
    stmt_done(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? ERR_SUCC : rfail(r, "read a parameter");
}

int fenum(struct registry *r, const char *json, const char *path, int max) {
    sqlite3_stmt *st = fstmt(r, F_ENUM_CHECK, json, path);
    if (st == NULL) return rfail(r, "check a parameter");
    sqlite3_bind_int(st, 3, max);
    int rc = sqlite3_step(st);
    stmt_done(st);
    if (rc == SQLITE_ROW) {
        snprintf(r->error, sizeof r->error, "%s takes an integer from 0 to %d", path + 2, max);
        return ERR_INVALID_PARAMETERS;
    }
    return rc == SQLITE_DONE ? ERR_SUCC : rfail(r, "check a parameter");
}

int feach(struct registry *r, const char *array, int (*fn)(struct registry *r, const char *value, void *ctx), void *ctx) {
    /* Its own statement: fn may use every shared one. */
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(r->db, friend_sql[F_EACH], -1, &st, NULL) != SQLITE_OK) {
        sqlite3_finalize(st);
        return rfail(r, "read a list");
    }
    sqlite3_bind_text(st, 1, array, -1, SQLITE_STATIC);
    int result = ERR_SUCC, rc;
    while (result == ERR_SUCC && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const unsigned char *value = sqlite3_column_text(st, 0);
        result = value != NULL ? fn(r, (const char *)value, ctx) : ERR_OUT_OF_MEMORY;
    }
    if (result == ERR_SUCC && rc != SQLITE_DONE) result = rfail(r, "read a list");
    sqlite3_finalize(st);
    return result;
}

/* A friend of `value`'s lost the user ctx: their news. */
static int tell_deleted(struct registry *r, const char *value, void *ctx) {
    return fnews(r, value, FRIEND_NEWS_DELETED, NULL, NULL, ctx, ctx);
}

int fdelete(struct registry *r, const char *user, const char *ids_json, bool both, char **results) {
    char *rows[3] = {NULL}; /* the results, mine deleted, theirs deleted */
    sqlite3_stmt *st = fstmt(r, F_DELETE_RESULTS, user, ids_json);
    if (st != NULL) sqlite3_bind_int(st, 3, both);
    int result = frow(r, st, rows, 3, "read friends to delete");
    st = result == ERR_SUCC ? fstmt(r, F_DELETE, user, ids_json) : NULL;
    if (st != NULL) sqlite3_bind_int(st, 3, both);
    if (result == ERR_SUCC) result = fexec(r, st, "delete friends");
    /* Their remarks went with them: the conversations show names again (registry_profiles.c). */
    if (result == ERR_SUCC && rows[1] != NULL && strcmp(rows[1], "[]") != 0) {
        result = fnews(r, user, FRIEND_NEWS_DELETED, NULL, NULL, rows[1], rows[1]);
    }
    char *self = result == ERR_SUCC ? json_array_of(user) : NULL;
    if (result == ERR_SUCC) result = self != NULL ? feach(r, rows[2], tell_deleted, self) : ERR_OUT_OF_MEMORY;
    free(self);
    if (results != NULL && result == ERR_SUCC) {
        *results = rows[0];
        rows[0] = NULL;
    }
    for (int i = 0; i < 3; i++) free(rows[i]);
    return result;
}

int registry_friend_delete(struct registry *r, const char *user, const char *param_json, char **results) {
    *results = NULL;
    char *ids = NULL;
    int64_t type = 0;
    int result = fenum(r, param_json, "$.friendship_delete_friend_param_friend_type", 1);
    if (result == ERR_SUCC) result = fmember_int(r, param_json, "$.friendship_delete_friend_param_friend_type", 1, &type);
    if (result == ERR_SUCC) result = fmember_text(r, param_json, "$.friendship_delete_friend_param_identifier_array", &ids);
    if (result == ERR_SUCC) result = registry_check_user_ids(r, ids, ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS);
    if (result == ERR_SUCC) result = rbegin(r);
    if (result == ERR_SUCC) result = rfinish(r, fdelete(r, user, ids, type == 1, results));
    free(ids);
    return result;
}

int registry_friend_check(struct registry *r, const char *user, const char *param_json, char **results) {
    *results = NULL;
    char *ids = NULL;
    int64_t type = 0;
    int result = fenum(r, param_json, "$.friendship_check_friendtype_param_check_type", 1);
    if (result == ERR_SUCC) result = fmember_int(r, param_json, "$.friendship_check_friendtype_param_check_type", 1, &type);
    if (result == ERR_SUCC) result = fmember_text(r, param_json, "$.friendship_check_friendtype_param_identifier_array", &ids);
    if (result == ERR_SUCC) result = registry_check_user_ids(r, ids, ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS);
    sqlite3_stmt *st = result == ERR_SUCC ? fstmt(r, F_CHECK, user, ids) : NULL;
    if (st != NULL) sqlite3_bind_int64(st, 3, type);
    if (result == ERR_SUCC) result = fquery(r, st, results, "check friends");
    free(ids);
    return result;
}

int registry_friend_news(struct registry *r, const char *user, int64_t since, int64_t until, friend_news_fn fn,
                         void *ctx) {
    sqlite3_stmt *st = fstmt(r, F_NEWS, user, NULL);
    if (st == NULL) return rfail(r, "read friend news");
    sqlite3_bind_int64(st, 2, since);
    sqlite3_bind_int64(st, 3, until);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        fn((enum friend_news_kind)sqlite3_column_int(st, 0), (const char *)sqlite3_column_text(st, 1),
           (const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 3), ctx);
    }
    stmt_done(st);
    return rc == SQLITE_DONE ? ERR_SUCC : rfail(r, "read friend news");
}

/* A FriendshipAddFriendParam's values (F_ADD_PARAM's columns). */
enum { ADD_ID, ADD_TYPE, ADD_REMARK, ADD_GROUP, ADD_SOURCE, ADD_WORDING, ADD_COUNT };

/* The first thing wrong with the values: its code (described), or ERR_SUCC. */
static int check_add(struct registry *r, char *const *v) {
    const char *wrong = NULL;
    int code = ERR_SUCC;
    if (strcmp(v[ADD_TYPE], "0") != 0 && strcmp(v[ADD_TYPE], "1") != 0) {
        code = ERR_INVALID_PARAMETERS, wrong = "friendship_add_friend_param_friend_type takes 0 (one way) or 1 (both ways)";
    } else if (strlen(v[ADD_REMARK]) > FRIEND_REMARK_MAX) {
        code = ERR_SDK_FRIENDSHIP_INVALID_ADD_REMARK, wrong = "friendship_add_friend_param_remark is longer than 96 bytes";
    } else if (strlen(v[ADD_WORDING]) > FRIEND_WORDING_MAX) {
        code = ERR_SDK_FRIENDSHIP_INVALID_ADD_WORDING, wrong = "friendship_add_friend_param_add_wording is longer than 120 bytes";
    } else if (strlen(v[ADD_GROUP]) > FRIEND_GROUP_NAME_MAX) {
        code = ERR_SDK_FRIENDSHIP_FRIEND_GROUP_EMPTY, wrong = "friendship_add_friend_param_group_name is longer than 30 bytes";
    }
    if (wrong != NULL) snprintf(r->error, sizeof r->error, "%s", wrong);
    return code;
}

/* The add a FriendResult says, by the users' relation and the peer's add permission
 * (TIMFriendshipManager.h 745-771; TIMErrorCode.h 265-269); *desc says why. */
static int add_outcome(const struct friend_state *s, const char **desc) {
    int code = s->i_block        ? ERR_SVR_FRIENDSHIP_IN_SELF_BLACKLIST
               : s->they_block   ? ERR_SVR_FRIENDSHIP_IN_PEER_BLACKLIST
               : s->mine         ? ERR_SVR_FRIENDSHIP_ALREADY_FRIENDS
               : s->permission == kTIMProfileAddPermission_DenyAny     ? ERR_SVR_FRIENDSHIP_ALLOW_TYPE_DENY_ANY
               : s->permission == kTIMProfileAddPermission_AllowAny    ? ERR_SUCC
                                                                       : ERR_SVR_FRIENDSHIP_ALLOW_TYPE_NEED_CONFIRM;
    *desc = code == ERR_SUCC ? "" : error_meaning(code);
    return code;
}

/* Makes user and v[ADD_ID] friends (one way or both), with the news of both. */
static int add_now(struct registry *r, const char *user, char *const *v, const struct friend_state *s, uint64_t now) {
    const char *peer = v[ADD_ID];
    char *one = json_array_of(peer), *self = json_array_of(user);
    int result = one != NULL && self != NULL ? ERR_SUCC : ERR_OUT_OF_MEMORY;
    if (result == ERR_SUCC) result = finsert(r, user, peer, v[ADD_REMARK], v[ADD_GROUP], v[ADD_SOURCE], v[ADD_WORDING], now);
    if (result == ERR_SUCC) result = fnews(r, user, FRIEND_NEWS_ADDED, NULL, NULL, one, v[ADD_REMARK][0] ? one : NULL);
    if (result == ERR_SUCC && strcmp(v[ADD_TYPE], "1") == 0 && !s->theirs) {
        result = finsert(r, peer, user, "", NULL, v[ADD_SOURCE], v[ADD_WORDING], now);
        if (result == ERR_SUCC) result = fnews(r, peer, FRIEND_NEWS_ADDED, NULL, NULL, self, NULL);
    }
    if (result == ERR_SUCC) result = fexec(r, fstmt(r, F_REQUEST_DROP, user, peer), "drop friend requests");
    free(one);
    free(self);
    return result;
}

/* Leaves user's request waiting for v[ADD_ID], who hears of it (2.4). */
static int add_request(struct registry *r, const char *user, char *const *v, uint64_t now) {
    sqlite3_stmt *st = fstmt(r, F_REQUEST_UPSERT, user, v[ADD_ID]);
    if (st != NULL) {
        sqlite3_bind_int(st, 3, atoi(v[ADD_TYPE]));
        for (int i = ADD_REMARK; i <= ADD_WORDING; i++) sqlite3_bind_text(st, i + 2, v[i], -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 8, (sqlite3_int64)now);
    }
    int result = fexec(r, st, "ask to be friends");
    char *pendency = NULL;
    if (result == ERR_SUCC) result = fquery(r, fstmt(r, F_REQUEST_PENDENCY, user, v[ADD_ID]), &pendency, "read the request");
    if (result == ERR_SUCC) result = fnews(r, v[ADD_ID], FRIEND_NEWS_REQUEST, NULL, NULL, pendency, NULL);
    free(pendency);
    return result;
}

int registry_friend_add(struct registry *r, const char *user, const char *param_json, uint64_t now, char **result_json) {
    *result_json = NULL;
    char *v[ADD_COUNT];
    int result = frow(r, fstmt(r, F_ADD_PARAM, NULL, param_json), v, ADD_COUNT, "read the friend to add");
    for (int i = 0; result == ERR_SUCC && i < ADD_COUNT; i++) {
        if (v[i] == NULL) result = ERR_OUT_OF_MEMORY; /* every column has a value */
    }
    if (result == ERR_SUCC) result = check_add(r, v);
    if (result == ERR_SUCC && strcmp(v[ADD_ID], user) == 0) {
        snprintf(r->error, sizeof r->error, "one cannot add oneself as a friend");
        result = ERR_SVR_FRIENDSHIP_INVALID_PARAMETERS;
    }
    if (result == ERR_SUCC) result = rbegin(r);
    if (result == ERR_SUCC) {
        struct friend_state s;
        result = fstate(r, user, v[ADD_ID], &s);
        const char *desc = "";
        int outcome = result == ERR_SUCC ? add_outcome(&s, &desc) : ERR_SUCC;
        if (result == ERR_SUCC && outcome == ERR_SUCC) result = add_now(r, user, v, &s, now);
        if (result == ERR_SUCC && outcome == ERR_SVR_FRIENDSHIP_ALLOW_TYPE_NEED_CONFIRM) result = add_request(r, user, v, now);
        if (result == ERR_SUCC) result = fresult(r, v[ADD_ID], outcome, desc, result_json);
        result = rfinish(r, result);
    }
    for (int i = 0; i < ADD_COUNT; i++) free(v[i]);
    if (result != ERR_SUCC) {
        free(*result_json);
        *result_json = NULL;
    }
    return result;
}
