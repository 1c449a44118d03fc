/* One user's persistent store: see store.h.
 *
 * Durability: WAL journal with synchronous=NORMAL. A transaction is in the WAL file before
 * COMMIT returns and the worker delivers a callback only after COMMIT, so an acknowledged write
 * survives the process being killed at any instant (power loss would need synchronous=FULL).
 * Every statement binds its parameters; no value ever becomes part of an SQL text. */
#define _POSIX_C_SOURCE 200809L
#include "store.h"

#include <inttypes.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "TIMErrorCode.h"
#include "fsutil.h"
#include "text.h"

#define SCHEMA_VERSION 1
#define SCHEMA_VERSION_TEXT "1"

/* The schema. conv_info is the one definition of the ConvInfo JSON (spec section 4): optional
 * members (conv_last_msg, conv_draft, conv_group_type) are inserted only when they apply. */
static const char schema_sql[] =
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS conversation ("
    " conv_type INTEGER NOT NULL,"
    " conv_id TEXT NOT NULL,"
    " active_time INTEGER NOT NULL,"  /* seconds: creation or latest message, whichever later */
    " active_order INTEGER NOT NULL," /* rises each time a conversation becomes active: ties */
    " unread INTEGER NOT NULL DEFAULT 0,"
    " recv_opt INTEGER NOT NULL DEFAULT 0,"
    " pinned INTEGER NOT NULL DEFAULT 0,"
    " show_name TEXT NOT NULL,"
    " face_url TEXT NOT NULL DEFAULT '',"
    " custom_data TEXT NOT NULL DEFAULT '',"
    " mark_array TEXT NOT NULL DEFAULT '[]',"
    " group_array TEXT NOT NULL DEFAULT '[]',"
    " draft TEXT,"    /* Draft JSON, NULL when none */
    " last_msg TEXT," /* Message JSON, NULL when none */
    " PRIMARY KEY (conv_type, conv_id)) WITHOUT ROWID;"
    "CREATE INDEX IF NOT EXISTS conversation_list_order"
    " ON conversation (pinned DESC, active_time DESC, active_order DESC);"
    "INSERT OR IGNORE INTO meta (key, value) VALUES ('active_order', 0);"
    "CREATE VIEW IF NOT EXISTS conv_info AS"
    " SELECT conv_type, conv_id, pinned, active_time, active_order,"
    "  CASE WHEN draft IS NULL THEN with_msg ELSE json_insert(with_msg, '$.conv_draft', json(draft)) END AS info"
    " FROM (SELECT *,"
    "  CASE WHEN last_msg IS NULL THEN with_type"
    "   ELSE json_insert(with_type, '$.conv_last_msg', json(last_msg)) END AS with_msg"
    " FROM (SELECT *,"
    "  CASE WHEN conv_type = 2 THEN json_insert(base, '$.conv_group_type', 0) ELSE base END AS with_type"
    " FROM (SELECT *, json_object("
    "  'conv_id', conv_id, 'conv_type', conv_type,"
    "  'conv_owner', (SELECT value FROM meta WHERE key = 'owner'),"
    "  'conv_unread_num', unread, 'conv_active_time', active_time,"
    "  'conv_is_has_lastmsg', json(CASE WHEN last_msg IS NULL THEN 'false' ELSE 'true' END),"
    "  'conv_is_has_draft', json(CASE WHEN draft IS NULL THEN 'false' ELSE 'true' END),"
    "  'conv_recv_opt', recv_opt,"
    "  'conv_is_pinned', json(CASE WHEN pinned THEN 'true' ELSE 'false' END),"
    "  'conv_show_name', show_name, 'conv_face_url', face_url,"
    "  'conv_mark_array', json(mark_array), 'conv_custom_data', custom_data,"
    "  'conv_conversation_group_array', json(group_array),"
    "  'conv_group_at_info_array', json('[]')) AS base"
    " FROM conversation)));";

enum stmt_id {
    ST_BEGIN,
    ST_COMMIT,
    ST_ROLLBACK,
    ST_SET_OWNER,
    ST_CONV_EXISTS,
    ST_CONV_INFO,
    ST_NEXT_ACTIVE_ORDER,
    ST_CONV_INSERT,
    ST_CONV_DELETE,
    ST_CONV_LIST,
    ST_CONV_INFO_BATCH,
    ST_DRAFT_SET,
    ST_DRAFT_CLEAR,
    ST_COUNT
};

static const char *const stmt_sql[ST_COUNT] = {
    [ST_BEGIN] = "BEGIN IMMEDIATE",
    [ST_COMMIT] = "COMMIT",
    [ST_ROLLBACK] = "ROLLBACK",
    [ST_SET_OWNER] = "INSERT OR REPLACE INTO meta (key, value) VALUES ('owner', ?1)",
    [ST_CONV_EXISTS] = "SELECT 1 FROM conversation WHERE conv_type = ?1 AND conv_id = ?2",
    [ST_CONV_INFO] = "SELECT info FROM conv_info WHERE conv_type = ?1 AND conv_id = ?2",
    [ST_NEXT_ACTIVE_ORDER] = "UPDATE meta SET value = value + 1 WHERE key = 'active_order' RETURNING value",
    [ST_CONV_INSERT] =
        "INSERT INTO conversation (conv_type, conv_id, active_time, active_order, show_name)"
        " VALUES (?1, ?2, ?3, ?4, ?2)",
    [ST_CONV_DELETE] = "DELETE FROM conversation WHERE conv_type = ?1 AND conv_id = ?2",
    [ST_CONV_LIST] =
        "SELECT '[' || coalesce(group_concat(info, ','), '') || ']' FROM"
        " (SELECT info FROM conv_info ORDER BY pinned DESC, active_time DESC, active_order DESC)",
    [ST_CONV_INFO_BATCH] =
        "SELECT '[' || coalesce(group_concat(info, ','), '') || ']' FROM"
        " (SELECT c.info FROM json_each(?1) AS p JOIN conv_info AS c"
        "  ON c.conv_type = json_extract(p.value, '$.get_conversation_list_param_conv_type')"
        "  AND c.conv_id = json_extract(p.value, '$.get_conversation_list_param_conv_id')"
        "  ORDER BY p.key)",
    [ST_DRAFT_SET] =
        "UPDATE conversation SET draft ="
        " json_set(json(?3), '$.draft_edit_time', coalesce(json_extract(?3, '$.draft_edit_time'), ?4))"
        " WHERE conv_type = ?1 AND conv_id = ?2",
    [ST_DRAFT_CLEAR] = "UPDATE conversation SET draft = NULL WHERE conv_type = ?1 AND conv_id = ?2",
};

struct store {
    sqlite3 *db;     /* writer: worker thread only */
    sqlite3 *reader; /* reader: engine lock held */
    sqlite3_stmt *stmt[ST_COUNT];
    sqlite3_stmt *reader_exists;
    char error[256];
};

const char *store_error(const struct store *s) { return s->error; }

/* Records the writer's last error and returns the TIMErrCode for it. */
static int fail(struct store *s, const char *what) {
    int rc = sqlite3_errcode(s->db);
    snprintf(s->error, sizeof s->error, "%s: %s", what, sqlite3_errmsg(s->db));
    return rc == SQLITE_NOMEM ? ERR_OUT_OF_MEMORY : ERR_IO_OPERATION_FAILED;
}

static sqlite3_stmt *bind_key(struct store *s, enum stmt_id id, const char *conv_id, int conv_type) {
    sqlite3_stmt *st = s->stmt[id];
    sqlite3_bind_int(st, 1, conv_type);
    sqlite3_bind_text(st, 2, conv_id, -1, SQLITE_STATIC);
    return st;
}

/* Steps a statement that returns no rows (or whose rows are ignored) and resets it. */
static int exec_stmt(struct store *s, sqlite3_stmt *st, const char *what) {
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE ? ERR_SUCC : fail(s, what);
}

/* Steps a statement expected to yield one text value; *out is a malloc'd copy, or NULL when
 * there is no row. */
static int query_text(struct store *s, sqlite3_stmt *st, char **out, const char *what) {
    *out = NULL;
    int rc = sqlite3_step(st);
    int result = ERR_SUCC;
    if (rc == SQLITE_ROW) {
        const char *text = (const char *)sqlite3_column_text(st, 0);
        if (text != NULL) {
            *out = strdup(text);
            if (*out == NULL) result = ERR_OUT_OF_MEMORY;
        }
    } else if (rc != SQLITE_DONE) {
        result = fail(s, what);
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return result;
}

static int begin(struct store *s) { return exec_stmt(s, s->stmt[ST_BEGIN], "begin"); }

/* Commits when everything so far succeeded, else rolls back; returns the first failure. */
static int finish(struct store *s, int result) {
    if (result == ERR_SUCC) {
        result = exec_stmt(s, s->stmt[ST_COMMIT], "commit");
        if (result == ERR_SUCC) return ERR_SUCC;
    }
    if (!sqlite3_get_autocommit(s->db)) exec_stmt(s, s->stmt[ST_ROLLBACK], "rollback");
    return result;
}

static int conv_info(struct store *s, const char *conv_id, int conv_type, char **info) {
    return query_text(s, bind_key(s, ST_CONV_INFO, conv_id, conv_type), info, "read conversation");
}

int store_conv_create(struct store *s, const char *conv_id, int conv_type, uint64_t now, bool *created, char **info) {
    *created = false;
    *info = NULL;
    int result = begin(s);
    if (result != ERR_SUCC) return result;
    result = conv_info(s, conv_id, conv_type, info);
    if (result == ERR_SUCC && *info == NULL) {
        sqlite3_stmt *order = s->stmt[ST_NEXT_ACTIVE_ORDER];
        int64_t active_order = 0;
        if (sqlite3_step(order) == SQLITE_ROW) {
            active_order = sqlite3_column_int64(order, 0);
        } else {
            result = fail(s, "next active order");
        }
        sqlite3_reset(order);
        if (result == ERR_SUCC) {
            sqlite3_stmt *st = bind_key(s, ST_CONV_INSERT, conv_id, conv_type);
            sqlite3_bind_int64(st, 3, (sqlite3_int64)now);
            sqlite3_bind_int64(st, 4, active_order);
            result = exec_stmt(s, st, "insert conversation");
        }
        if (result == ERR_SUCC) result = conv_info(s, conv_id, conv_type, info);
        *created = result == ERR_SUCC;
    }
    result = finish(s, result);
    if (result != ERR_SUCC) {
        free(*info);
        *info = NULL;
        *created = false;
    }
    return result;
}

int store_conv_delete(struct store *s, const char *conv_id, int conv_type, char **info) {
    *info = NULL;
    int result = begin(s);
    if (result != ERR_SUCC) return result;
    result = conv_info(s, conv_id, conv_type, info);
    if (result == ERR_SUCC && *info == NULL) result = ERR_INVALID_CONVERSATION;
    if (result == ERR_SUCC) result = exec_stmt(s, bind_key(s, ST_CONV_DELETE, conv_id, conv_type), "delete conversation");
    result = finish(s, result);
    if (result != ERR_SUCC) {
        free(*info);
        *info = NULL;
    }
    return result;
}

int store_conv_list(struct store *s, char **list) {
    return query_text(s, s->stmt[ST_CONV_LIST], list, "list conversations");
}

int store_conv_info_batch(struct store *s, const char *param_json, char **list) {
    sqlite3_stmt *st = s->stmt[ST_CONV_INFO_BATCH];
    sqlite3_bind_text(st, 1, param_json, -1, SQLITE_STATIC);
    return query_text(s, st, list, "read conversations");
}

int store_draft_write(struct store *s, const char *conv_id, int conv_type, const char *draft_json, uint64_t now,
                      char **info) {
    *info = NULL;
    int result = begin(s);
    if (result != ERR_SUCC) return result;
    sqlite3_stmt *st;
    if (draft_json != NULL) {
        st = bind_key(s, ST_DRAFT_SET, conv_id, conv_type);
        sqlite3_bind_text(st, 3, draft_json, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 4, (sqlite3_int64)now);
    } else {
        st = bind_key(s, ST_DRAFT_CLEAR, conv_id, conv_type);
    }
    result = exec_stmt(s, st, "write draft");
    if (result == ERR_SUCC && sqlite3_changes(s->db) == 0) result = ERR_INVALID_CONVERSATION;
    if (result == ERR_SUCC) result = conv_info(s, conv_id, conv_type, info);
    result = finish(s, result);
    if (result != ERR_SUCC) {
        free(*info);
        *info = NULL;
    }
    return result;
}

int store_reader_conv_exists(struct store *s, const char *conv_id, int conv_type, bool *exists) {
    sqlite3_stmt *st = s->reader_exists;
    sqlite3_bind_int(st, 1, conv_type);
    sqlite3_bind_text(st, 2, conv_id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    *exists = rc == SQLITE_ROW;
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? ERR_SUCC : ERR_IO_OPERATION_FAILED;
}

static int open_connection(const char *path, sqlite3 **db) {
    int rc = sqlite3_open_v2(path, db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_busy_timeout(*db, 5000);
    if (rc == SQLITE_OK) rc = sqlite3_exec(*db, "PRAGMA synchronous=NORMAL", NULL, NULL, NULL);
    return rc;
}

/* Creates the schema (or checks its version), records the owner, prepares statements. */
static int prepare(struct store *s, const char *user_id) {
    int rc = sqlite3_exec(s->db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
    if (rc != SQLITE_OK) return rc;
    rc = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (rc != SQLITE_OK) return rc;
    sqlite3_stmt *version = NULL;
    rc = sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &version, NULL);
    int found = rc == SQLITE_OK && sqlite3_step(version) == SQLITE_ROW ? sqlite3_column_int(version, 0) : -1;
    sqlite3_finalize(version);
    if (found == 0) {
        rc = sqlite3_exec(s->db, schema_sql, NULL, NULL, NULL);
        if (rc == SQLITE_OK) rc = sqlite3_exec(s->db, "PRAGMA user_version=" SCHEMA_VERSION_TEXT, NULL, NULL, NULL);
    } else if (found != SCHEMA_VERSION) {
        rc = SQLITE_MISMATCH;
    }
    for (int i = 0; rc == SQLITE_OK && i < ST_COUNT; i++) {
        rc = sqlite3_prepare_v3(s->db, stmt_sql[i], -1, SQLITE_PREPARE_PERSISTENT, &s->stmt[i], NULL);
    }
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(s->stmt[ST_SET_OWNER], 1, user_id, -1, SQLITE_STATIC);
        rc = sqlite3_step(s->stmt[ST_SET_OWNER]) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(s->db);
        sqlite3_reset(s->stmt[ST_SET_OWNER]);
        sqlite3_clear_bindings(s->stmt[ST_SET_OWNER]);
    }
    if (rc == SQLITE_OK) rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
    if (rc != SQLITE_OK && !sqlite3_get_autocommit(s->db)) sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_prepare_v3(s->reader, stmt_sql[ST_CONV_EXISTS], -1, SQLITE_PREPARE_PERSISTENT, &s->reader_exists,
                                NULL);
    }
    return rc;
}

int store_open(const char *root, uint64_t app_id, const char *user_id, struct store **out, char *err, size_t err_size) {
    *out = NULL;
    char hex_user[2 * TEXT_ID_MAX + 1];
    text_hex_encode(user_id, hex_user);
    size_t dir_size = strlen(root) + 64 + sizeof hex_user;
    char *dir = malloc(dir_size + 16);
    struct store *s = calloc(1, sizeof *s);
    if (dir == NULL || s == NULL) {
        free(dir);
        free(s);
        snprintf(err, err_size, "out of memory");
        return ERR_OUT_OF_MEMORY;
    }
    /* The user id only ever appears hex-encoded in the path, so it cannot name another place. */
    snprintf(dir, dir_size, "%s/timconv/%" PRIu64 "/%s", root, app_id, hex_user);
    int result = ERR_SUCC;
    int errno_value = fs_make_private_dirs(dir);
    if (errno_value != 0) {
        snprintf(err, err_size, "cannot create the data folder %s: %s", dir, strerror(errno_value));
        result = ERR_IO_OPERATION_FAILED;
    }
    if (result == ERR_SUCC) {
        strcat(dir, "/store.db");
        errno_value = fs_make_private_file(dir);
        if (errno_value != 0) {
            snprintf(err, err_size, "cannot create the store %s: %s", dir, strerror(errno_value));
            result = ERR_IO_OPERATION_FAILED;
        }
    }
    if (result == ERR_SUCC) {
        int rc = open_connection(dir, &s->db);
        if (rc == SQLITE_OK) rc = open_connection(dir, &s->reader);
        if (rc == SQLITE_OK) rc = prepare(s, user_id);
        if (rc != SQLITE_OK) {
            sqlite3 *db = s->db != NULL ? s->db : s->reader;
            snprintf(err, err_size, "cannot open the store %s: %s%s", dir,
                     rc == SQLITE_MISMATCH ? "unknown schema version" : (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)),
                     rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB ? " (the file is damaged: move it away to start afresh)"
                                                                 : "");
            result = rc == SQLITE_NOMEM ? ERR_OUT_OF_MEMORY : ERR_IO_OPERATION_FAILED;
        }
    }
    free(dir);
    if (result != ERR_SUCC) {
        store_close(s);
        return result;
    }
    *out = s;
    return ERR_SUCC;
}

void store_close(struct store *s) {
    if (s == NULL) return;
    for (int i = 0; i < ST_COUNT; i++) sqlite3_finalize(s->stmt[i]);
    sqlite3_finalize(s->reader_exists);
    sqlite3_close(s->reader);
    sqlite3_close(s->db);
    free(s);
}
