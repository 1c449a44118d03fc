/* The group registry: connection, the helpers its operations are made of, and the reads (see
 * registry.h). Worker thread only (no lock). */
#define _DEFAULT_SOURCE
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "TIMCloud.h"
#include "store/registry_internal.h"
#include "store/store_internal.h"
#include "util/fsutil.h"
#include "util/json_check.h"
#include "util/sql_text.h"

static struct registry *open_registry; /* worker thread only */

const char *registry_error(const struct registry *r) { return r->error; }

void group_change_clear(struct group_change *c) {
    free(c->name);
    free(c->face_url);
    free(c->recipients);
    free(c->notice);
    free(c->tips);
    free(c->faces);
    *c = (struct group_change){0};
}

sqlite3_stmt *rstmt(struct registry *r, enum reg_stmt id) {
    if (r->stmt[id] == NULL) sqlite3_prepare_v3(r->db, reg_sql[id], -1, SQLITE_PREPARE_PERSISTENT, &r->stmt[id], NULL);
    return r->stmt[id];
}

int rfail(struct registry *r, const char *what) {
    int rc = sqlite3_errcode(r->db);
    snprintf(r->error, sizeof r->error, "group registry: %s: %s", what, sqlite3_errmsg(r->db));
    return rc == SQLITE_NOMEM ? ERR_OUT_OF_MEMORY : ERR_IO_OPERATION_FAILED;
}

/* A rule of the group type refused the change: the vendor's code with a description. */
int refuse(struct registry *r, int code, const char *fmt, const char *group_id) {
    snprintf(r->error, sizeof r->error, fmt, group_id);
    return code;
}

int rexec(struct registry *r, sqlite3_stmt *st, const char *what) {
    int rc = sqlite3_step(st);
    stmt_done(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_SUCC : rfail(r, what);
}

int rquery_text(struct registry *r, sqlite3_stmt *st, char **out, const char *what) {
    *out = NULL;
    int rc = sqlite3_step(st);
    int result = ERR_SUCC;
    if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
        bool oom = false;
        *out = sql_text_copy(st, 0, &oom);
        if (oom) result = ERR_OUT_OF_MEMORY;
    } else if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        result = rfail(r, what);
    }
    stmt_done(st);
    return result;
}

sqlite3_stmt *bind_group(struct registry *r, enum reg_stmt id, const char *group_id) {
    sqlite3_stmt *st = rstmt(r, id);
    sqlite3_bind_text(st, 1, group_id, -1, SQLITE_STATIC);
    return st;
}

static bool batching; /* worker thread only: between registry_batch_begin and registry_batch_end */

void registry_batch_begin(void) { batching = true; }

int registry_batch_end(char *err, size_t err_size) {
    batching = false;
    struct registry *r = open_registry;
    if (r == NULL || !r->batch_open) return ERR_SUCC;
    r->batch_open = false;
    int result = r->batch_failure;
    r->batch_failure = ERR_SUCC;
    if (result == ERR_SUCC) result = rexec(r, rstmt(r, R_COMMIT), "commit batch");
    if (result != ERR_SUCC) snprintf(err, err_size, "%s", r->error);
    if (!sqlite3_get_autocommit(r->db)) rexec(r, rstmt(r, R_ROLLBACK), "rollback batch");
    return result;
}

/* A change's beginning: its own transaction, or in a batch a savepoint (the batch's transaction
 * begun by its first change). */
int rbegin(struct registry *r) {
    if (!batching) return rexec(r, rstmt(r, R_BEGIN), "begin");
    if (r->batch_failure != ERR_SUCC) return r->batch_failure;
    if (!r->batch_open) {
        int result = rexec(r, rstmt(r, R_BEGIN), "begin batch");
        if (result != ERR_SUCC) return result;
        r->batch_open = true;
    }
    int result = rexec(r, rstmt(r, R_SAVEPOINT), "savepoint");
    if (result != ERR_SUCC) r->batch_failure = result;
    return result;
}

int rfinish(struct registry *r, int result) {
    if (r->batch_open) { /* the change's savepoint released, undone first when the change failed */
        char kept[sizeof r->error];
        memcpy(kept, r->error, sizeof kept); /* the first failure is the one to report */
        int lost = ERR_SUCC;
        if (!sqlite3_get_autocommit(r->db)) {
            if (result != ERR_SUCC) lost = rexec(r, rstmt(r, R_ROLLBACK_TO), "rollback to savepoint");
            int released = rexec(r, rstmt(r, R_RELEASE), "release savepoint");
            if (lost == ERR_SUCC) lost = released;
        }
        /* Some failures (a full disk, I/O) make SQLite roll the whole transaction back: the
         * batch's earlier seqs with it, so the batch is lost. */
        if (lost == ERR_SUCC && sqlite3_get_autocommit(r->db)) lost = result != ERR_SUCC ? result : ERR_IO_OPERATION_FAILED;
        if (lost != ERR_SUCC && r->batch_failure == ERR_SUCC) r->batch_failure = lost;
        if (result != ERR_SUCC) memcpy(r->error, kept, sizeof kept);
        return result != ERR_SUCC ? result : lost;
    }
    if (result == ERR_SUCC) result = rexec(r, rstmt(r, R_COMMIT), "commit");
    if (result != ERR_SUCC && !sqlite3_get_autocommit(r->db)) {
        char kept[sizeof r->error];
        memcpy(kept, r->error, sizeof kept); /* the first failure is the one to report */
        rexec(r, rstmt(r, R_ROLLBACK), "rollback");
        memcpy(r->error, kept, sizeof kept);
    }
    return result;
}



/* Reads group_id: ERR_SVR_GROUP_NOT_FOUND when there is none. */
int read_group(struct registry *r, const char *group_id, struct group_row *g) {
    *g = (struct group_row){0};
    sqlite3_stmt *st = bind_group(r, R_GROUP, group_id);
    int rc = sqlite3_step(st);
    int result = ERR_SUCC;
    if (rc == SQLITE_ROW) {
        g->type = sqlite3_column_int(st, 0);
        g->add_option = sqlite3_column_int(st, 1);
        bool owner_read = sql_text_into(st, 2, g->owner, sizeof g->owner), oom = false;
        g->max_member = sqlite3_column_int64(st, 3);
        g->name = sql_text_copy(st, 4, &oom);
        g->members = sqlite3_column_int64(st, 5);
        g->face_url = sql_text_copy(st, 6, &oom);
        g->shutup_all = sqlite3_column_int(st, 7) != 0;
        if (!owner_read || g->name == NULL || g->face_url == NULL) result = ERR_OUT_OF_MEMORY;
    } else if (rc == SQLITE_DONE) {
        result = refuse(r, ERR_SVR_GROUP_NOT_FOUND, "no such group: %s (never created, or dismissed)", group_id);
    } else {
        result = rfail(r, "read group");
    }
    stmt_done(st);
    return result;
}

void group_row_clear(struct group_row *g) {
    free(g->name);
    free(g->face_url);
    *g = (struct group_row){0};
}

int read_member(struct registry *r, const char *group_id, const char *user, uint64_t now, int *role,
                int64_t *muted_until) {
    sqlite3_stmt *st = bind_group(r, R_MEMBER_ROLE, group_id);
    sqlite3_bind_text(st, 2, user, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, (sqlite3_int64)now);
    int rc = sqlite3_step(st);
    *role = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : kTIMMemberRole_None;
    *muted_until = rc == SQLITE_ROW ? sqlite3_column_int64(st, 1) : 0;
    stmt_done(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? ERR_SUCC : rfail(r, "read member");
}

int read_role(struct registry *r, const char *group_id, const char *user, int *role) {
    int64_t muted_until = 0;
    return read_member(r, group_id, user, 0, role, &muted_until);
}

/* The seq of the next message of group_id (taken), at time now. */
int take_seq(struct registry *r, const char *group_id, uint64_t now, int64_t *seq) {
    sqlite3_stmt *st = bind_group(r, R_NEXT_SEQ, group_id);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)now);
    int rc = sqlite3_step(st);
    *seq = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    stmt_done(st);
    return rc == SQLITE_ROW ? ERR_SUCC : rfail(r, "next group seq");
}

/* c->notice: the tip of tip_type (join type, operator, the users it names, JSON array). */
int tip_notice(struct registry *r, struct group_change *c, int tip_type, int join_type, const char *op_user,
               const char *users, const char *more) {
    sqlite3_stmt *st = bind_group(r, R_TIP_MESSAGE, c->id);
    sqlite3_bind_int(st, 2, tip_type);
    sqlite3_bind_int(st, 3, join_type);
    sqlite3_bind_text(st, 4, op_user, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, users, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 6, c->members);
    if (more != NULL) sqlite3_bind_text(st, 7, more, -1, SQLITE_STATIC);
    int result = rquery_text(r, st, &c->notice, "build group tip");
    if (result == ERR_SUCC) result = rquery_text(r, bind_group(r, R_NOTICE_ELEMS, c->notice), &c->tips, "read group tip");
    return result;
}

int user_tip(struct registry *r, struct group_change *c, int tip_type, int join_type, const char *user) {
    char *users = json_array_of(user);
    int result = users != NULL ? tip_notice(r, c, tip_type, join_type, user, users, NULL) : ERR_OUT_OF_MEMORY;
    free(users);
    return result;
}

/* Fills c from group g (name taken) and the current members. */
int describe_change(struct registry *r, const char *group_id, struct group_row *g, struct group_change *c) {
    snprintf(c->id, sizeof c->id, "%s", group_id);
    c->name = g->name;
    g->name = NULL;
    free(c->face_url);
    c->face_url = g->face_url;
    g->face_url = NULL;
    c->type = g->type;
    c->members = g->members;
    return rquery_text(r, bind_group(r, R_RECIPIENTS, group_id), &c->recipients, "read members");
}

static int read_user_version(sqlite3 *db, int *version) {
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_step(st) == SQLITE_ROW ? SQLITE_OK : sqlite3_errcode(db);
    if (rc == SQLITE_OK) *version = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return rc;
}

static int open_db(struct registry *r, char *err, size_t err_size) {
    char dir[4200];
    snprintf(dir, sizeof dir, "%s/timconv/%" PRIu64, r->root, r->app_id);
    int errno_value = fs_make_private_dirs(dir);
    char path[4300];
    snprintf(path, sizeof path, "%s/groups.db", dir);
    if (errno_value == 0) errno_value = fs_make_private_file(path);
    if (errno_value != 0) {
        snprintf(err, err_size, "cannot create the group registry %s: %s", path, strerror(errno_value));
        return ERR_IO_OPERATION_FAILED;
    }
    int rc = store_open_connection(path, &r->db);
    if (rc == SQLITE_OK) rc = sqlite3_exec(r->db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_exec(r->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    int version = 0;
    if (rc == SQLITE_OK) rc = read_user_version(r->db, &version);
    if (rc == SQLITE_OK && version == 1) rc = sqlite3_exec(r->db, registry_upgrade_sql, NULL, NULL, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_exec(r->db, registry_schema_sql, NULL, NULL, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_exec(r->db, registry_profiles_schema_sql, NULL, NULL, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_exec(r->db, registry_friends_schema_sql, NULL, NULL, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_exec(r->db, registry_group_data_schema_sql, NULL, NULL, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_exec(r->db, "COMMIT", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        snprintf(err, err_size, "cannot open the group registry %s: %s", path,
                 r->db != NULL ? sqlite3_errmsg(r->db) : sqlite3_errstr(rc));
        if (r->db != NULL && !sqlite3_get_autocommit(r->db)) sqlite3_exec(r->db, "ROLLBACK", NULL, NULL, NULL);
        return rc == SQLITE_NOMEM ? ERR_OUT_OF_MEMORY : ERR_IO_OPERATION_FAILED;
    }
    return ERR_SUCC;
}

void registry_close(void) {
    struct registry *r = open_registry;
    open_registry = NULL;
    if (r == NULL) return;
    for (int i = 0; i < R_COUNT; i++) sqlite3_finalize(r->stmt[i]);
    registry_profiles_close(r);
    registry_friends_close(r);
    registry_group_data_close(r);
    sqlite3_close(r->db);
    free(r);
}

struct registry *registry_get(const char *root, uint64_t app_id, int *code, char *err, size_t err_size) {
    struct registry *r = open_registry;
    if (r != NULL && r->app_id == app_id && strcmp(r->root, root) == 0) {
        *code = ERR_SUCC;
        return r;
    }
    registry_close();
    r = calloc(1, sizeof *r);
    if (r == NULL || strlen(root) >= sizeof r->root) {
        free(r);
        *code = r == NULL ? ERR_OUT_OF_MEMORY : ERR_IO_OPERATION_FAILED;
        snprintf(err, err_size, "cannot open the group registry under %s", root);
        return NULL;
    }
    snprintf(r->root, sizeof r->root, "%s", root);
    r->app_id = app_id;
    *code = open_db(r, err, err_size);
    if (*code != ERR_SUCC) {
        sqlite3_close(r->db);
        free(r);
        return NULL;
    }
    open_registry = r;
    return r;
}

int registry_role(struct registry *r, const char *group_id, const char *user, int *role) {
    struct group_row g;
    int result = read_group(r, group_id, &g);
    group_row_clear(&g);
    *role = kTIMMemberRole_None;
    return result == ERR_SUCC ? read_role(r, group_id, user, role) : result;
}

int registry_members(struct registry *r, const char *group_id, char **members) {
    *members = NULL;
    struct group_row g;
    int result = read_group(r, group_id, &g);
    group_row_clear(&g);
    return result == ERR_SUCC ? rquery_text(r, bind_group(r, R_RECIPIENTS, group_id), members, "read members") : result;
}

/* ---- lists ---- */

int registry_joined(struct registry *r, const char *user, char **list) {
    sqlite3_stmt *st = rstmt(r, R_JOINED);
    sqlite3_bind_text(st, 1, user, -1, SQLITE_STATIC);
    return rquery_text(r, st, list, "list joined groups");
}

int registry_info_list(struct registry *r, const char *ids_json, char **list) {
    return rquery_text(r, bind_group(r, R_INFO_LIST, ids_json), list, "list group information");
}

/* The length of the array at path of a parameter (its type checked; 0 when absent). */
static int param_array_length(struct registry *r, const char *param_json, const char *path, int64_t *length) {
    sqlite3_stmt *st = bind_group(r, R_PARAM_USERS, param_json);
    sqlite3_bind_text(st, 2, path, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    *length = rc == SQLITE_ROW ? sqlite3_column_int64(st, 1) : 0;
    stmt_done(st);
    return rc == SQLITE_ROW ? ERR_SUCC : rfail(r, "read the parameter");
}

/* A search's keywords, the array at path: 1 to 5 ("关键字列表最多支持5个", TIMGroupManager.h 563, 1123),
 * 6017 otherwise. */
static int check_keywords(struct registry *r, const char *param_json, const char *path) {
    int64_t keywords = 0;
    int result = param_array_length(r, param_json, path, &keywords);
    if (result == ERR_SUCC && (keywords < 1 || keywords > 5)) {
        result = refuse(r, ERR_INVALID_PARAMETERS, "give 1 to 5 keywords%s", "");
    }
    return result;
}

int registry_search_groups(struct registry *r, const char *param_json, const char *user, char **list) {
    *list = NULL;
    int result = check_keywords(r, param_json, "$.group_search_params_keyword_list");
    if (result != ERR_SUCC) return result;
    sqlite3_stmt *st = bind_group(r, R_SEARCH_GROUPS, param_json);
    sqlite3_bind_text(st, 2, user, -1, SQLITE_STATIC);
    return rquery_text(r, st, list, "search groups");
}

int registry_search_members(struct registry *r, const char *param_json, const char *user, uint64_t now, char **list) {
    *list = NULL;
    int64_t fields = 0;
    int result = check_keywords(r, param_json, "$.group_search_member_params_keyword_list");
    if (result == ERR_SUCC) result = param_array_length(r, param_json, "$.group_search_member_params_field_list", &fields);
    if (result == ERR_SUCC && fields < 1) {
        result = refuse(r, ERR_INVALID_PARAMETERS, "name the fields to search (TIMGroupMemberSearchFieldKey)%s", "");
    }
    if (result != ERR_SUCC) return result;
    sqlite3_stmt *st = bind_group(r, R_SEARCH_MEMBERS, param_json);
    sqlite3_bind_text(st, 2, user, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, (sqlite3_int64)now);
    return rquery_text(r, st, list, "search members");
}

int registry_member_list(struct registry *r, const char *param_json, const char *group_id, const char *user,
                         uint64_t now, char **result_json) {
    int role = kTIMMemberRole_None;
    int result = registry_role(r, group_id, user, &role);
    if (result == ERR_SUCC && role == kTIMMemberRole_None) {
        result = refuse(r, ERR_SVR_GROUP_PERMISSION_DENY, "not a member of %s: only members list its members", group_id);
    }
    if (result == ERR_SUCC) {
        sqlite3_stmt *st = bind_group(r, R_MEMBER_LIST, param_json);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)now);
        result = rquery_text(r, st, result_json, "list members");
    }
    return result;
}
