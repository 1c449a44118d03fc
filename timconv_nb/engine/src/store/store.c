/* One user's persistent store: see store.h. This file: opening and closing, the statements'
 * compilation, failures, and transactions (store_sql.c holds the SQL).
 *
 * Durability: WAL journal with synchronous=NORMAL. A transaction is in the WAL file before
 * COMMIT returns and the worker delivers a callback only after COMMIT, so an acknowledged write
 * survives the process being killed at any instant (power loss would need synchronous=FULL).
 * Every statement binds its parameters; no value ever becomes part of an SQL text. */
#define _POSIX_C_SOURCE 200809L
#include "store/store_internal.h"

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "TIMCloudDef.h"
#include "TIMErrorCode.h"
#include "util/fsutil.h"
#include "util/text.h"
#include "util/sql_text.h"

const char *store_error(const struct store *s) { return s->error; }

/* The prepared statement `id`, compiled on first use: most stores (a recipient's, say) need only
 * a few, and compiling the view-based ones is most of the cost of opening a store. NULL only when
 * SQLite cannot compile it (out of memory); SQLite then refuses the NULL statement with
 * SQLITE_MISUSE, which the callers report as a failure. */
void stmt_done(sqlite3_stmt *st) {
    if (st == NULL) return; /* a statement that did not compile: SQLite's clear_bindings needs one */
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
}

sqlite3_stmt *stmt(struct store *s, enum stmt_id id) {
    if (s->stmt[id] == NULL) {
        sqlite3_prepare_v3(s->db, store_stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT, &s->stmt[id], NULL);
    }
    return s->stmt[id];
}

/* Records the writer's last error and returns the TIMErrCode for it. */
/* What the user can do about an SQLite failure, or "" when there is nothing to say. */
static const char *advice(int rc) {
    switch (rc & 0xff) {
    case SQLITE_FULL: return " (the disk is full: free some space, then retry; nothing was half-written)";
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM: return " (the data folder cannot be written: make it writable or choose another"
                             " sdk_config_config_file_path)";
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return " (the file is damaged: move it away to start afresh)";
    default: return "";
    }
}

/* The SQLite code of the same situation as a file-system errno, for advice(). */
static int errno_to_sqlite(int errno_value) {
    return errno_value == ENOSPC || errno_value == EDQUOT ? SQLITE_FULL
           : errno_value == EROFS || errno_value == EACCES || errno_value == EPERM ? SQLITE_READONLY
                                                                                 : SQLITE_ERROR;
}

int fail(struct store *s, const char *what) {
    int rc = sqlite3_extended_errcode(s->db);
    snprintf(s->error, sizeof s->error, "%s: %s%s", what, sqlite3_errmsg(s->db), advice(rc));
    return rc == SQLITE_NOMEM ? ERR_OUT_OF_MEMORY : ERR_IO_OPERATION_FAILED;
}

sqlite3_stmt *bind_key(struct store *s, enum stmt_id id, const char *conv_id, int conv_type) {
    sqlite3_stmt *st = stmt(s, id);
    sqlite3_bind_int(st, 1, conv_type);
    sqlite3_bind_text(st, 2, conv_id, -1, SQLITE_STATIC);
    return st;
}

/* Steps a statement that returns no rows (or whose rows are ignored) and resets it. */
int exec_stmt(struct store *s, sqlite3_stmt *st, const char *what) {
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    }
    stmt_done(st);
    return rc == SQLITE_DONE ? ERR_SUCC : fail(s, what);
}

/* Steps a statement expected to yield one text value; *out is a malloc'd copy, or NULL when
 * there is no row. */
int query_text(struct store *s, sqlite3_stmt *st, char **out, const char *what) {
    *out = NULL;
    int rc = sqlite3_step(st);
    int result = ERR_SUCC;
    if (rc == SQLITE_ROW) {
        bool oom = false;
        *out = sql_text_copy(st, 0, &oom);
        if (oom) result = ERR_OUT_OF_MEMORY;
    } else if (rc != SQLITE_DONE) {
        result = fail(s, what);
    }
    stmt_done(st);
    return result;
}

int begin(struct store *s) {
    if (!s->in_batch) return exec_stmt(s, stmt(s, ST_BEGIN), "begin");
    if (s->batch_failure != ERR_SUCC) return s->batch_failure; /* the batch is lost: fail fast */
    return exec_stmt(s, stmt(s, ST_SAVEPOINT), "savepoint");
}

int begin_lean(struct store *s) {
    if (!s->in_batch) return begin(s);
    if (s->batch_failure != ERR_SUCC) return s->batch_failure;
    /* The search index (FTS5) keeps an earlier write's terms in memory and writes them out when
     * the next statement opens: an empty savepoint writes them now, so that the changes counted
     * below are this write's alone. */
    int flushed = exec_stmt(s, stmt(s, ST_SAVEPOINT), "savepoint");
    if (flushed == ERR_SUCC && (flushed = exec_stmt(s, stmt(s, ST_RELEASE), "release savepoint")) != ERR_SUCC) {
        s->batch_failure = flushed; /* the savepoint stays open: the batch cannot go on */
    }
    if (flushed != ERR_SUCC) return flushed;
    s->lean = true;
    s->lean_changes = sqlite3_total_changes64(s->db);
    return ERR_SUCC;
}

/* Commits when everything so far succeeded, else rolls back; returns the first failure. */
int finish(struct store *s, int result) {
    if (s->in_batch) {
        bool lean = s->lean;
        s->lean = false;
        if (result != ERR_SUCC && !lean) exec_stmt(s, stmt(s, ST_ROLLBACK_TO), "rollback to savepoint");
        /* A failed statement's own changes are undone and not counted: what remains is earlier. */
        if (result != ERR_SUCC && lean && sqlite3_total_changes64(s->db) != s->lean_changes &&
            s->batch_failure == ERR_SUCC) {
            s->batch_failure = result;
        }
        /* Some failures (a full disk, I/O) make SQLite roll the whole transaction back. */
        if (sqlite3_get_autocommit(s->db)) {
            if (s->batch_failure == ERR_SUCC) s->batch_failure = result != ERR_SUCC ? result : ERR_IO_OPERATION_FAILED;
            return s->batch_failure;
        }
        if (lean) return result;
        int released = exec_stmt(s, stmt(s, ST_RELEASE), "release savepoint");
        return result != ERR_SUCC ? result : released;
    }
    if (result == ERR_SUCC) {
        result = exec_stmt(s, stmt(s, ST_COMMIT), "commit");
        if (result == ERR_SUCC) return ERR_SUCC;
    }
    if (!sqlite3_get_autocommit(s->db)) exec_stmt(s, stmt(s, ST_ROLLBACK), "rollback");
    return result;
}

int store_batch_begin(struct store *s) {
    int result = exec_stmt(s, stmt(s, ST_BEGIN), "begin batch");
    s->in_batch = result == ERR_SUCC;
    s->batch_failure = ERR_SUCC;
    s->batch_order_read = false;
    return result;
}

int store_batch_fail(struct store *s, int code, const char *why) {
    s->batch_failure = code;
    snprintf(s->error, sizeof s->error, "%s", why);
    return store_batch_end(s);
}

int store_batch_end(struct store *s) {
    s->in_batch = false;
    int result = s->batch_failure;
    if (result == ERR_SUCC && s->batch_order_read) { /* the batch's activation counter, written once */
        sqlite3_stmt *st = stmt(s, ST_SET_ACTIVE_ORDER);
        sqlite3_bind_int64(st, 1, s->batch_order);
        result = exec_stmt(s, st, "active order");
    }
    if (result == ERR_SUCC) result = exec_stmt(s, stmt(s, ST_COMMIT), "commit batch");
    if (!sqlite3_get_autocommit(s->db)) exec_stmt(s, stmt(s, ST_ROLLBACK), "rollback batch");
    return result;
}

/* Steps a statement expected to yield one integer; resets it. */
int query_int(struct store *s, sqlite3_stmt *st, int64_t *out, const char *what) {
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) *out = sqlite3_column_int64(st, 0);
    stmt_done(st);
    return rc == SQLITE_ROW ? ERR_SUCC : fail(s, what);
}

/* Appends text to a growing JSON array (kept as "[a,b" until closed). */
int append_item(char **array, size_t *len, const char *item) {
    size_t n = strlen(item);
    char *grown = realloc(*array, *len + n + 3);
    if (grown == NULL) return ERR_OUT_OF_MEMORY;
    grown[*len] = *len == 0 ? '[' : ',';
    memcpy(grown + *len + 1, item, n + 1);
    *array = grown;
    *len += n + 1;
    return ERR_SUCC;
}

int store_reader_conv_exists(struct store *s, const char *conv_id, int conv_type, bool *exists) {
    sqlite3_stmt *st = s->reader_exists;
    sqlite3_bind_int(st, 1, conv_type);
    sqlite3_bind_text(st, 2, conv_id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    *exists = rc == SQLITE_ROW;
    stmt_done(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? ERR_SUCC : ERR_IO_OPERATION_FAILED;
}

int store_open_connection(const char *path, sqlite3 **db) {
    int rc = sqlite3_open_v2(path, db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_busy_timeout(*db, STORE_BUSY_TIMEOUT_MS);
    /* Closing would otherwise checkpoint (and fsync) the WAL each time a user logs out or a
     * delivery closes a recipient's store; automatic checkpoints still keep the WAL short. */
    if (rc == SQLITE_OK) rc = sqlite3_db_config(*db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_exec(*db, "PRAGMA synchronous=NORMAL", NULL, NULL, NULL);
    /* SQLite's default 2 MiB page cache is outgrown by large accounts (a million conversations
     * make a 1 GB store); pages beyond it come back from the OS at a syscall each. */
    if (rc == SQLITE_OK) rc = sqlite3_exec(*db, "PRAGMA cache_size=-16384", NULL, NULL, NULL);
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
    if (found == 0) { /* a new store */
        rc = sqlite3_exec(s->db, store_schema_sql, NULL, NULL, NULL);
        if (rc == SQLITE_OK) rc = sqlite3_exec(s->db, store_view_sql, NULL, NULL, NULL);
    } else if (found >= 1 && found < SCHEMA_VERSION) { /* an older one, brought up to date step by step */
        if (found < 2) rc = sqlite3_exec(s->db, store_unread_index_sql, NULL, NULL, NULL);
        if (rc == SQLITE_OK && found < 3) rc = sqlite3_exec(s->db, store_v3_sql, NULL, NULL, NULL);
        if (rc == SQLITE_OK && found < 4) rc = sqlite3_exec(s->db, store_v4_sql, NULL, NULL, NULL);
        if (rc == SQLITE_OK && found < 5) rc = sqlite3_exec(s->db, store_v5_sql, NULL, NULL, NULL);
        if (rc == SQLITE_OK && found < 6) rc = sqlite3_exec(s->db, store_v6_sql, NULL, NULL, NULL);
        if (rc == SQLITE_OK) rc = sqlite3_exec(s->db, store_view_sql, NULL, NULL, NULL);
    } else if (found != SCHEMA_VERSION) {
        rc = SQLITE_MISMATCH;
    }
    if (rc == SQLITE_OK && found != SCHEMA_VERSION) {
        rc = sqlite3_exec(s->db, "PRAGMA user_version=" SCHEMA_VERSION_TEXT, NULL, NULL, NULL);
    }
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(stmt(s, ST_SET_OWNER), 1, user_id, -1, SQLITE_STATIC);
        rc = sqlite3_step(stmt(s, ST_SET_OWNER)) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(s->db);
        stmt_done(stmt(s, ST_SET_OWNER));
    }
    if (rc == SQLITE_OK) rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
    /* The failure's own message, before a rollback replaces it with "not an error". */
    if (rc != SQLITE_OK) snprintf(s->error, sizeof s->error, "%s", sqlite3_errmsg(s->db));
    if (rc != SQLITE_OK && !sqlite3_get_autocommit(s->db)) sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_prepare_v3(s->reader, store_stmt_sql[ST_CONV_EXISTS], -1, SQLITE_PREPARE_PERSISTENT, &s->reader_exists,
                                NULL);
    }
    return rc;
}

int store_session_take(struct store *s, int64_t token) {
    sqlite3_stmt *st = stmt(s, ST_SESSION_TAKE);
    sqlite3_bind_int64(st, 1, token);
    return exec_stmt(s, st, "take the session");
}

int store_session_holder(struct store *s, int64_t *token) {
    return query_int(s, stmt(s, ST_SESSION_HOLDER), token, "read the session");
}

int store_changed_elsewhere(struct store *s, bool *changed) {
    int64_t version = 0;
    int result = query_int(s, stmt(s, ST_DATA_VERSION), &version, "read data version");
    *changed = result == ERR_SUCC && version != s->data_version;
    if (result == ERR_SUCC) s->data_version = version;
    return result;
}

char *store_user_dir(const char *root, uint64_t app_id, const char *user_id, size_t room) {
    char hex_user[2 * TEXT_ID_MAX + 1];
    text_hex_encode(user_id, hex_user);
    size_t dir_size = strlen(root) + 64 + sizeof hex_user;
    char *dir = malloc(dir_size + room);
    /* The user id only ever appears hex-encoded in the path, so it cannot name another place. */
    if (dir != NULL) snprintf(dir, dir_size, "%s/timconv/%" PRIu64 "/%s", root, app_id, hex_user);
    return dir;
}

int store_open(const char *root, uint64_t app_id, const char *user_id, struct store **out, char *err, size_t err_size) {
    *out = NULL;
    char *dir = store_user_dir(root, app_id, user_id, 16);
    struct store *s = calloc(1, sizeof *s);
    if (dir == NULL || s == NULL) {
        free(dir);
        free(s);
        snprintf(err, err_size, "out of memory");
        return ERR_OUT_OF_MEMORY;
    }
    int result = ERR_SUCC;
    int errno_value = fs_make_private_dirs(dir);
    if (errno_value != 0) {
        snprintf(err, err_size, "cannot create the data folder %s: %s%s", dir, strerror(errno_value),
                 advice(errno_to_sqlite(errno_value)));
        result = ERR_IO_OPERATION_FAILED;
    }
    if (result == ERR_SUCC) {
        strcat(dir, "/store.db");
        errno_value = fs_make_private_file(dir);
        if (errno_value != 0) {
            snprintf(err, err_size, "cannot create the store %s: %s%s", dir, strerror(errno_value),
                     advice(errno_to_sqlite(errno_value)));
            result = ERR_IO_OPERATION_FAILED;
        }
    }
    if (result == ERR_SUCC) {
        int rc = store_open_connection(dir, &s->db);
        if (rc == SQLITE_OK) rc = store_open_connection(dir, &s->reader);
        if (rc == SQLITE_OK) rc = prepare(s, user_id);
        if (rc != SQLITE_OK) {
            sqlite3 *db = s->db != NULL ? s->db : s->reader;
            const char *why = s->error[0] != '\0' ? s->error : db != NULL ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
            snprintf(err, err_size, "cannot open the store %s: %s%s", dir,
                     rc == SQLITE_MISMATCH ? "unknown schema version" : why, advice(rc));
            result = rc == SQLITE_NOMEM ? ERR_OUT_OF_MEMORY : ERR_IO_OPERATION_FAILED;
        }
    }
    free(dir);
    bool ignored;
    if (result == ERR_SUCC) result = store_changed_elsewhere(s, &ignored); /* the baseline for polling */
    if (result != ERR_SUCC) {
        if (err[0] == '\0') snprintf(err, err_size, "%s", s->error);
        store_close(s);
        return result;
    }
    *out = s;
    return ERR_SUCC;
}

static int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

int store_for_each_user(const char *root, uint64_t app_id, void (*fn)(const char *user_id, void *ctx), void *ctx) {
    size_t n = strlen(root) + 64;
    char *path = malloc(n);
    if (path == NULL) return ERR_OUT_OF_MEMORY;
    snprintf(path, n, "%s/timconv/%" PRIu64, root, app_id);
    DIR *dir = opendir(path);
    free(path);
    if (dir == NULL) return ERR_SUCC; /* nobody has a store yet */
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        const char *name = entry->d_name;
        size_t len = strlen(name);
        if (len == 0 || len % 2 != 0 || len > 2 * TEXT_ID_MAX) continue;
        char user[TEXT_ID_MAX + 1];
        bool ok = true;
        for (size_t i = 0; ok && i < len; i += 2) {
            int hi = hex_value(name[i]), lo = hex_value(name[i + 1]);
            ok = hi >= 0 && lo >= 0;
            user[i / 2] = (char)(ok ? hi * 16 + lo : 0);
        }
        user[len / 2] = '\0';
        if (ok && text_is_valid_id(user)) fn(user, ctx);
    }
    closedir(dir);
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

