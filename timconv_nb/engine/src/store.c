/* One user's persistent store: see store.h.
 *
 * Durability: WAL journal with synchronous=NORMAL. A transaction is in the WAL file before
 * COMMIT returns and the worker delivers a callback only after COMMIT, so an acknowledged write
 * survives the process being killed at any instant (power loss would need synchronous=FULL).
 * Every statement binds its parameters; no value ever becomes part of an SQL text. */
#define _POSIX_C_SOURCE 200809L
#include "store_internal.h"

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "TIMCloudDef.h"
#include "TIMErrorCode.h"
#include "fsutil.h"
#include "text.h"

#define SCHEMA_VERSION 2
#define SCHEMA_VERSION_TEXT "2"

/* Version 2 added the index of conversations with unread messages: the unread totals then read
 * only those, not every conversation (a total is taken after every change that may move it). */
static const char unread_index_sql[] =
    "CREATE INDEX IF NOT EXISTS conversation_unread ON conversation (recv_opt, unread) WHERE unread > 0;";

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
    "CREATE INDEX IF NOT EXISTS conversation_list_order ON conversation (pinned DESC, active_order DESC);"
    "CREATE INDEX IF NOT EXISTS conversation_unread ON conversation (recv_opt, unread) WHERE unread > 0;"
    "CREATE TABLE IF NOT EXISTS message ("
    " conv_type INTEGER NOT NULL,"
    " conv_id TEXT NOT NULL,"
    " seq INTEGER NOT NULL,"      /* per conversation, from 1 */
    " msg TEXT NOT NULL,"         /* Message JSON */
    " PRIMARY KEY (conv_type, conv_id, seq)) WITHOUT ROWID;"
    /* Messages other processes delivered here, for the owner's process to announce. */
    "CREATE TABLE IF NOT EXISTS inbox ("
    " id INTEGER PRIMARY KEY,"
    " conv_type INTEGER NOT NULL,"
    " conv_id TEXT NOT NULL,"
    " created INTEGER NOT NULL,"  /* the delivery created the conversation */
    " msg TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS conv_group (name TEXT PRIMARY KEY) WITHOUT ROWID;"
    "INSERT OR IGNORE INTO meta (key, value) VALUES ('active_order', 0);"
    "CREATE VIEW IF NOT EXISTS conv_info AS"
    " SELECT conv_type, conv_id, pinned, active_time, active_order, unread, recv_opt, mark_array, group_array,"
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

/* Whether a conversation passes a ConversationListFilter bound as ?2 conv type, ?3 has unread,
 * ?4 mark, ?5 conversation group, ?6 has group @ info (0 and '' mean "any"). */
#define FILTER_PREDICATE \
    "(?2 = 0 OR conv_type = ?2)" \
    " AND (?3 = 0 OR unread > 0)" \
    " AND (?4 = 0 OR EXISTS (SELECT 1 FROM json_each(mark_array) WHERE value = ?4))" \
    " AND (?5 = '' OR EXISTS (SELECT 1 FROM json_each(group_array) WHERE value = ?5))" \
    " AND ?6 = 0" /* has_group_at_info: local groups carry no @ information */

/* Whether conversation group ?N holds the conversation. */
#define IN_GROUP(n) "EXISTS (SELECT 1 FROM json_each(group_array) WHERE value = ?" #n ")"

static const char *const stmt_sql[ST_COUNT] = {
    [ST_BEGIN] = "BEGIN IMMEDIATE",
    [ST_COMMIT] = "COMMIT",
    [ST_ROLLBACK] = "ROLLBACK",
    [ST_SAVEPOINT] = "SAVEPOINT call",
    [ST_RELEASE] = "RELEASE call",
    [ST_ROLLBACK_TO] = "ROLLBACK TO call",
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
        " (SELECT info FROM conv_info ORDER BY pinned DESC, active_order DESC)",
    /* A correlated lookup per entry, so each one uses the primary key. */
    [ST_CONV_INFO_BATCH] =
        "SELECT '[' || coalesce(group_concat(info, ','), '') || ']' FROM"
        " (SELECT (SELECT c.info FROM conv_info AS c"
        "   WHERE c.conv_type = json_extract(p.value, '$.get_conversation_list_param_conv_type')"
        "   AND c.conv_id = json_extract(p.value, '$.get_conversation_list_param_conv_id')) AS info"
        "  FROM json_each(?1) AS p ORDER BY p.key)",
    [ST_DRAFT_SET] =
        "UPDATE conversation SET draft ="
        " json_set(json(?3), '$.draft_edit_time', coalesce(json_extract(?3, '$.draft_edit_time'), ?4))"
        " WHERE conv_type = ?1 AND conv_id = ?2",
    [ST_DRAFT_CLEAR] = "UPDATE conversation SET draft = NULL WHERE conv_type = ?1 AND conv_id = ?2",
    [ST_MSG_DELETE_ALL] = "DELETE FROM message WHERE conv_type = ?1 AND conv_id = ?2",
    [ST_CONV_PIN] = "UPDATE conversation SET pinned = ?3 WHERE conv_type = ?1 AND conv_id = ?2",
    /* Conversations set not to notify (recv_opt other than Receive) do not count, as in the vendor SDK. */
    [ST_TOTAL_UNREAD] = "SELECT coalesce(sum(unread), 0) FROM conversation WHERE recv_opt = 0 AND unread > 0",
    /* One page of the filtered list. Cursor: (pinned << 62) | active_order of the last row given;
     * ?1 = 0 starts at the top. */
    [ST_CONV_PAGE] =
        "WITH page AS (SELECT info, (pinned << 62) | active_order AS cursor,"
        "  row_number() OVER (ORDER BY pinned DESC, active_order DESC) AS rn FROM ("
        "  SELECT * FROM conv_info"
        "  WHERE (?1 = 0 OR pinned < (?1 >> 62) OR (pinned = (?1 >> 62) AND active_order < (?1 & 4611686018427387903)))"
        "  AND " FILTER_PREDICATE
        "  ORDER BY pinned DESC, active_order DESC LIMIT ?7 + 1))"
        " SELECT json_object("
        "  'conversation_list_result_conv_list',"
        "   (SELECT json_group_array(json(info)) FROM (SELECT info FROM page WHERE rn <= ?7 ORDER BY rn)),"
        "  'conversation_list_result_next_seq', coalesce((SELECT cursor FROM page WHERE rn = min(?7, (SELECT count(*) FROM page))), 0),"
        "  'conversation_list_result_is_finished', json(CASE WHEN (SELECT count(*) FROM page) <= ?7 THEN 'true' ELSE 'false' END))",
    [ST_NEXT_SEQ] = "SELECT coalesce(max(seq), 0) + 1 FROM message WHERE conv_type = ?1 AND conv_id = ?2",
    /* A Message as stored: the caller's JSON with defaults for what it left out and the fields the
     * SDK owns set. ?1 msg, ?2 conv id, ?3 conv type, ?4 sender, ?5 from self, ?6 now, ?7 msg id,
     * ?8 seq, ?9 rand, ?10 unique id. */
    [ST_MSG_BUILD] =
        "SELECT json_set(json_insert(json(?1),"
        "  '$.message_client_time', ?6, '$.message_priority', 1, '$.message_platform', 0,"
        "  '$.message_custom_str', '', '$.message_custom_int', 0),"
        " '$.message_conv_id', ?2, '$.message_conv_type', ?3, '$.message_sender', ?4, '$.message_server_time', ?6,"
        " '$.message_is_from_self', json(CASE WHEN ?5 THEN 'true' ELSE 'false' END),"
        " '$.message_is_read', json(CASE WHEN ?5 THEN 'true' ELSE 'false' END),"
        " '$.message_status', 2, '$.message_msg_id', ?7, '$.message_seq', ?8, '$.message_rand', ?9,"
        " '$.message_unique_id', ?10, '$.message_is_peer_read', json('false'), '$.message_is_online_msg', json('false'))",
    [ST_MSG_INSERT] = "INSERT INTO message (conv_type, conv_id, seq, msg) VALUES (?1, ?2, ?3, ?4)",
    /* Creates the conversation or makes it the most recently active. */
    [ST_CONV_ACTIVATE] =
        "INSERT INTO conversation (conv_type, conv_id, active_time, active_order, show_name) VALUES (?1, ?2, ?3, ?4, ?2)"
        " ON CONFLICT (conv_type, conv_id) DO UPDATE SET active_time = excluded.active_time, active_order = excluded.active_order",
    [ST_CONV_RECORD_MSG] = "UPDATE conversation SET last_msg = ?3, unread = unread + ?4 WHERE conv_type = ?1 AND conv_id = ?2",
    [ST_INBOX_INSERT] = "INSERT INTO inbox (conv_type, conv_id, created, msg) VALUES (?1, ?2, ?3, ?4)",
    /* Newest first, older than seq ?4 (0: from the newest). */
    [ST_MSG_LIST] =
        "SELECT '[' || coalesce(group_concat(msg, ','), '') || ']' FROM"
        " (SELECT msg FROM message WHERE conv_type = ?1 AND conv_id = ?2 AND (?4 = 0 OR seq < ?4)"
        "  ORDER BY seq DESC LIMIT ?3)",
    /* Marks read the messages up to ?3 (0: all): the server time (seconds) of a c2c message, the
     * seq of a group message. */
    [ST_MSG_CLEAN_UNREAD] =
        "UPDATE message SET msg = json_set(msg, '$.message_is_read', json('true'))"
        " WHERE conv_type = ?1 AND conv_id = ?2 AND json_extract(msg, '$.message_is_read') = 0"
        " AND (?3 = 0 OR CASE WHEN ?1 = 1 THEN json_extract(msg, '$.message_server_time') ELSE seq END <= ?3)",
    /* The conversation's side of the same: ?4 messages were marked read. */
    [ST_CONV_CLEAN_UNREAD] =
        "UPDATE conversation SET unread = CASE WHEN ?3 = 0 THEN 0 ELSE max(0, unread - ?4) END,"
        " last_msg = CASE WHEN last_msg IS NOT NULL AND (?3 = 0 OR CASE WHEN ?1 = 1"
        "  THEN json_extract(last_msg, '$.message_server_time') ELSE json_extract(last_msg, '$.message_seq') END <= ?3)"
        "  THEN json_set(last_msg, '$.message_is_read', json('true')) ELSE last_msg END"
        " WHERE conv_type = ?1 AND conv_id = ?2 AND unread > 0",
    [ST_UNREAD_KEYS] = "SELECT conv_type, conv_id FROM conversation WHERE unread > 0 AND (?1 = 0 OR conv_type = ?1)",
    [ST_DATA_VERSION] = "PRAGMA data_version",
    /* What other processes delivered since ?1: the new messages, and the ConvInfo of the
     * conversations they created and of those they updated. */
    [ST_INBOX_SINCE] =
        "SELECT coalesce(max(i.id), ?1),"
        " '[' || coalesce(group_concat(i.msg, ','), '') || ']',"
        " (SELECT '[' || coalesce(group_concat(c.info, ','), '') || ']' FROM conv_info c WHERE EXISTS"
        "   (SELECT 1 FROM inbox j WHERE j.id > ?1 AND j.created AND j.conv_type = c.conv_type AND j.conv_id = c.conv_id)),"
        " (SELECT '[' || coalesce(group_concat(c.info, ','), '') || ']' FROM conv_info c WHERE EXISTS"
        "   (SELECT 1 FROM inbox j WHERE j.id > ?1 AND j.conv_type = c.conv_type AND j.conv_id = c.conv_id)"
        "   AND NOT EXISTS (SELECT 1 FROM inbox j WHERE j.id > ?1 AND j.created AND j.conv_type = c.conv_type"
        "   AND j.conv_id = c.conv_id))"
        " FROM (SELECT * FROM inbox WHERE id > ?1 ORDER BY id) AS i",
    [ST_INBOX_CLEAR] = "DELETE FROM inbox",
    [ST_ARRAY_ITEMS] = "SELECT value FROM json_each(?1) ORDER BY key",
    [ST_OP_RESULT] =
        "SELECT json_object('conversation_operation_result_conversation_id', ?1,"
        " 'conversation_operation_result_result_code', ?2, 'conversation_operation_result_result_info', ?3)",
    /* Sets (?4 true) or clears mark ?3, keeping the others in their order. */
    [ST_CONV_MARK] =
        "UPDATE conversation SET mark_array = (SELECT json_group_array(value) FROM"
        " (SELECT value FROM json_each(mark_array) WHERE value <> ?3 UNION ALL SELECT ?3 WHERE ?4))"
        " WHERE conv_type = ?1 AND conv_id = ?2",
    [ST_CONV_ADD_TO_GROUP] =
        "UPDATE conversation SET group_array = (SELECT json_group_array(value) FROM"
        " (SELECT value FROM json_each(group_array) WHERE value <> ?3 UNION ALL SELECT ?3))"
        " WHERE conv_type = ?1 AND conv_id = ?2",
    [ST_GROUP_COUNT] = "SELECT count(*) FROM conv_group",
    [ST_GROUP_EXISTS] = "SELECT count(*) FROM conv_group WHERE name = ?1",
    [ST_GROUP_INSERT] = "INSERT INTO conv_group (name) VALUES (?1)",
    [ST_GROUP_LIST] = "SELECT json_group_array(name) FROM (SELECT name FROM conv_group ORDER BY name)",
    [ST_GROUP_DELETE] = "DELETE FROM conv_group WHERE name = ?1",
    [ST_GROUP_RENAME] = "UPDATE conv_group SET name = ?2 WHERE name = ?1",
    [ST_GROUP_MEMBER_COUNT] = "SELECT count(*) FROM conversation WHERE " IN_GROUP(1),
    /* The group's conversations as a JSON array of c2c_<id> / group_<id> keys. */
    [ST_GROUP_MEMBER_KEYS] =
        "SELECT json_group_array(CASE conv_type WHEN 1 THEN 'c2c_' ELSE 'group_' END || conv_id)"
        " FROM conversation WHERE " IN_GROUP(1),
    [ST_GROUP_MEMBER_INFOS] =
        "SELECT '[' || coalesce(group_concat(info, ','), '') || ']' FROM conv_info WHERE " IN_GROUP(1),
    [ST_CONV_IN_GROUP] = "SELECT count(*) FROM conversation WHERE conv_type = ?1 AND conv_id = ?2 AND " IN_GROUP(3),
    [ST_CONV_REMOVE_FROM_GROUP] =
        "UPDATE conversation SET group_array = (SELECT json_group_array(value) FROM json_each(group_array) WHERE value <> ?3)"
        " WHERE conv_type = ?1 AND conv_id = ?2 AND " IN_GROUP(3),
    /* Renames group ?1 to ?2 in every conversation, keeping its place in each list. */
    [ST_CONVS_RENAME_GROUP] =
        "UPDATE conversation SET group_array ="
        " (SELECT json_group_array(CASE WHEN value = ?1 THEN ?2 ELSE value END) FROM json_each(group_array))"
        " WHERE " IN_GROUP(1),
    [ST_CONV_CUSTOM_DATA] = "UPDATE conversation SET custom_data = ?3 WHERE conv_type = ?1 AND conv_id = ?2",
    /* The unread total of a filter (bound as for ST_CONV_PAGE), and the filter as the callback
     * names it: conv type, mark type and group. */
    [ST_FILTER_UNREAD] =
        "SELECT coalesce(sum(unread), 0), json_object('conversation_list_filter_conv_type', ?2,"
        " 'conversation_list_filter_mark_type', ?4, 'conversation_list_filter_conversation_group', ?5)"
        " FROM conversation WHERE recv_opt = 0 AND unread > 0 AND " FILTER_PREDICATE,
};

const char *store_error(const struct store *s) { return s->error; }

/* The prepared statement `id`, compiled on first use: most stores (a recipient's, say) need only
 * a few, and compiling the view-based ones is most of the cost of opening a store. NULL only when
 * SQLite cannot compile it (out of memory); SQLite then refuses the NULL statement with
 * SQLITE_MISUSE, which the callers report as a failure. */
sqlite3_stmt *stmt(struct store *s, enum stmt_id id) {
    if (s->stmt[id] == NULL) {
        sqlite3_prepare_v3(s->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT, &s->stmt[id], NULL);
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
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE ? ERR_SUCC : fail(s, what);
}

/* Steps a statement expected to yield one text value; *out is a malloc'd copy, or NULL when
 * there is no row. */
int query_text(struct store *s, sqlite3_stmt *st, char **out, const char *what) {
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

int begin(struct store *s) {
    if (!s->in_batch) return exec_stmt(s, stmt(s, ST_BEGIN), "begin");
    if (s->batch_failure != ERR_SUCC) return s->batch_failure; /* the batch is lost: fail fast */
    return exec_stmt(s, stmt(s, ST_SAVEPOINT), "savepoint");
}

/* Commits when everything so far succeeded, else rolls back; returns the first failure. */
int finish(struct store *s, int result) {
    if (s->in_batch) {
        if (result != ERR_SUCC) exec_stmt(s, stmt(s, ST_ROLLBACK_TO), "rollback to savepoint");
        /* Some failures (a full disk, I/O) make SQLite roll the whole transaction back. */
        if (sqlite3_get_autocommit(s->db)) {
            if (s->batch_failure == ERR_SUCC) s->batch_failure = result != ERR_SUCC ? result : ERR_IO_OPERATION_FAILED;
            return s->batch_failure;
        }
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
    return result;
}

int store_batch_end(struct store *s) {
    s->in_batch = false;
    int result = s->batch_failure;
    if (result == ERR_SUCC) result = exec_stmt(s, stmt(s, ST_COMMIT), "commit batch");
    if (!sqlite3_get_autocommit(s->db)) exec_stmt(s, stmt(s, ST_ROLLBACK), "rollback batch");
    return result;
}

int conv_info(struct store *s, const char *conv_id, int conv_type, char **info) {
    return query_text(s, bind_key(s, ST_CONV_INFO, conv_id, conv_type), info, "read conversation");
}

static int next_active_order(struct store *s, int64_t *order) {
    return query_int(s, stmt(s, ST_NEXT_ACTIVE_ORDER), order, "next active order");
}

int store_conv_create(struct store *s, const char *conv_id, int conv_type, uint64_t now, bool *created, char **info) {
    *created = false;
    *info = NULL;
    int result = begin(s);
    if (result != ERR_SUCC) return result;
    sqlite3_stmt *exists = bind_key(s, ST_CONV_EXISTS, conv_id, conv_type);
    int rc = sqlite3_step(exists);
    sqlite3_reset(exists);
    sqlite3_clear_bindings(exists);
    if (rc == SQLITE_DONE) {
        int64_t active_order = 0;
        result = next_active_order(s, &active_order);
        if (result == ERR_SUCC) {
            sqlite3_stmt *st = bind_key(s, ST_CONV_INSERT, conv_id, conv_type);
            sqlite3_bind_int64(st, 3, (sqlite3_int64)now);
            sqlite3_bind_int64(st, 4, active_order);
            result = exec_stmt(s, st, "insert conversation");
        }
        *created = result == ERR_SUCC;
    } else if (rc != SQLITE_ROW) {
        result = fail(s, "read conversation");
    }
    /* One ConvInfo read either way: the callback's, and the Add event's when new. */
    if (result == ERR_SUCC) result = conv_info(s, conv_id, conv_type, info);
    result = finish(s, result);
    if (result != ERR_SUCC) {
        free(*info);
        *info = NULL;
        *created = false;
    }
    return result;
}

/* Deletes inside an open transaction; *info: the ConvInfo before the delete. */
static int delete_conv(struct store *s, const char *conv_id, int conv_type, bool clear_messages, char **info) {
    int result = conv_info(s, conv_id, conv_type, info);
    if (result == ERR_SUCC && *info == NULL) result = ERR_INVALID_CONVERSATION;
    if (result == ERR_SUCC) result = exec_stmt(s, bind_key(s, ST_CONV_DELETE, conv_id, conv_type), "delete conversation");
    if (result == ERR_SUCC && clear_messages) {
        result = exec_stmt(s, bind_key(s, ST_MSG_DELETE_ALL, conv_id, conv_type), "delete messages");
    }
    return result;
}

int store_conv_delete(struct store *s, const char *conv_id, int conv_type, bool clear_messages, char **info) {
    *info = NULL;
    int result = begin(s);
    if (result != ERR_SUCC) return result;
    result = finish(s, delete_conv(s, conv_id, conv_type, clear_messages, info));
    if (result != ERR_SUCC) {
        free(*info);
        *info = NULL;
    }
    return result;
}

int store_conv_list(struct store *s, char **list) {
    return query_text(s, stmt(s, ST_CONV_LIST), list, "list conversations");
}

int store_conv_info_batch(struct store *s, const char *param_json, char **list) {
    sqlite3_stmt *st = stmt(s, ST_CONV_INFO_BATCH);
    sqlite3_bind_text(st, 1, param_json, -1, SQLITE_STATIC);
    return query_text(s, st, list, "read conversations");
}

int store_draft_write(struct store *s, const char *conv_id, int conv_type, const char *draft_json, uint64_t now,
                      char **info) {
    if (info != NULL) *info = NULL;
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
    if (result == ERR_SUCC && info != NULL) result = conv_info(s, conv_id, conv_type, info);
    result = finish(s, result);
    if (result != ERR_SUCC && info != NULL) {
        free(*info);
        *info = NULL;
    }
    return result;
}

/* Steps a statement expected to yield one integer; resets it. */
int query_int(struct store *s, sqlite3_stmt *st, int64_t *out, const char *what) {
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) *out = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
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

/* Runs op for each key of a JSON array of c2c_<id> / group_<id> strings, inside the caller's
 * transaction. Appends one ConversationOperationResult per key to *results and the ConvInfo op
 * reports for each success to *changed (both left open, "[a,b"). A storage failure (I/O, out of
 * memory) ends the batch and is returned; other codes (6004, 6017, ...) are per-key results. */
int run_batch(struct store *s, const char *keys_json, store_conv_op op, const void *arg, char **results,
                     size_t *results_len, char **changed, size_t *changed_len) {
    int result = ERR_SUCC;
    /* Collect the keys first: the changes below must not run under an open SELECT. */
    sqlite3_stmt *items = stmt(s, ST_ARRAY_ITEMS);
    sqlite3_bind_text(items, 1, keys_json, -1, SQLITE_STATIC);
    char **keys = NULL;
    size_t count = 0;
    int rc;
    while ((rc = sqlite3_step(items)) == SQLITE_ROW) {
        char **grown = realloc(keys, (count + 1) * sizeof *keys);
        char *key = strdup((const char *)sqlite3_column_text(items, 0));
        if (grown != NULL) keys = grown;
        if (grown == NULL || key == NULL) {
            free(key);
            result = ERR_OUT_OF_MEMORY;
            break;
        }
        keys[count++] = key;
    }
    if (result == ERR_SUCC && rc != SQLITE_DONE) result = fail(s, "read conversation ids");
    sqlite3_reset(items);
    sqlite3_clear_bindings(items);
    for (size_t i = 0; result == ERR_SUCC && i < count; i++) {
        int conv_type = 0;
        char conv_id[TEXT_ID_MAX + 1];
        int code = ERR_INVALID_PARAMETERS;
        const char *info_text = "not a conversation id: expected c2c_<id> or group_<id>";
        char *info = NULL;
        if (text_parse_conv_key(keys[i], &conv_type, conv_id)) {
            code = op(s, conv_id, conv_type, arg, &info);
            info_text = code == ERR_SUCC ? "" : code == ERR_INVALID_CONVERSATION ? "conversation does not exist" : s->error;
        }
        if (code == ERR_IO_OPERATION_FAILED || code == ERR_OUT_OF_MEMORY) {
            result = code; /* a storage failure ends the batch; other codes are this key's result */
        }
        if (result == ERR_SUCC && info != NULL && code == ERR_SUCC) result = append_item(changed, changed_len, info);
        free(info);
        if (result == ERR_SUCC) {
            sqlite3_stmt *st = stmt(s, ST_OP_RESULT);
            sqlite3_bind_text(st, 1, keys[i], -1, SQLITE_STATIC);
            sqlite3_bind_int(st, 2, code);
            sqlite3_bind_text(st, 3, info_text, -1, SQLITE_TRANSIENT);
            char *item = NULL;
            result = query_text(s, st, &item, "build result");
            if (result == ERR_SUCC) result = append_item(results, results_len, item);
            free(item);
        }
    }
    for (size_t i = 0; i < count; i++) free(keys[i]);
    free(keys);
    return result;
}

/* Closes the batch's arrays (an empty result list is "[]"), or frees them on failure. */
int close_batch(int result, char **results, char **changed) {
    if (result == ERR_SUCC) {
        if (*results == NULL) {
            *results = strdup("[]");
            if (*results == NULL) result = ERR_OUT_OF_MEMORY;
        } else {
            strcat(*results, "]");
        }
        if (*changed != NULL) strcat(*changed, "]");
    }
    if (result != ERR_SUCC) {
        free(*results);
        free(*changed);
        *results = *changed = NULL;
    }
    return result;
}

int store_conv_batch(struct store *s, const char *keys_json, store_conv_op op, const void *arg, char **results,
                     char **changed) {
    *results = *changed = NULL;
    size_t results_len = 0, changed_len = 0;
    int result = begin(s);
    if (result != ERR_SUCC) return result;
    result = finish(s, run_batch(s, keys_json, op, arg, results, &results_len, changed, &changed_len));
    return close_batch(result, results, changed);
}

int store_op_delete(struct store *s, const char *conv_id, int conv_type, const void *clear_messages, char **info) {
    return delete_conv(s, conv_id, conv_type, *(const bool *)clear_messages, info);
}

/* Applies an UPDATE bound as (type, id, ?3[, ?4]) inside an open transaction and reports the
 * updated ConvInfo; ERR_INVALID_CONVERSATION when no row matched. */
int update_conv(struct store *s, enum stmt_id id, const char *conv_id, int conv_type, sqlite3_int64 third,
                       const char *third_text, sqlite3_int64 fourth, char **info) {
    sqlite3_stmt *st = bind_key(s, id, conv_id, conv_type);
    if (third_text != NULL) {
        sqlite3_bind_text(st, 3, third_text, -1, SQLITE_STATIC);
    } else {
        sqlite3_bind_int64(st, 3, third);
    }
    if (sqlite3_bind_parameter_count(st) >= 4) sqlite3_bind_int64(st, 4, fourth);
    int result = exec_stmt(s, st, "update conversation");
    if (result == ERR_SUCC && sqlite3_changes(s->db) == 0) result = ERR_INVALID_CONVERSATION;
    if (result == ERR_SUCC && info != NULL) result = conv_info(s, conv_id, conv_type, info);
    return result;
}

int store_op_mark(struct store *s, const char *conv_id, int conv_type, const void *mark, char **info) {
    const struct conv_mark *m = mark;
    return update_conv(s, ST_CONV_MARK, conv_id, conv_type, (sqlite3_int64)m->mark_type, NULL, m->enable, info);
}

int store_conv_pin(struct store *s, const char *conv_id, int conv_type, bool pinned, char **info) {
    if (info != NULL) *info = NULL;
    int result = begin(s);
    if (result != ERR_SUCC) return result;
    result = finish(s, update_conv(s, ST_CONV_PIN, conv_id, conv_type, pinned ? 1 : 0, NULL, 0, info));
    if (result != ERR_SUCC && info != NULL) {
        free(*info);
        *info = NULL;
    }
    return result;
}

int store_total_unread(struct store *s, int64_t *total) {
    return query_int(s, stmt(s, ST_TOTAL_UNREAD), total, "count unread messages");
}

/* Binds a ConversationListFilter as FILTER_PREDICATE expects it. */
static void bind_filter(sqlite3_stmt *st, const struct conv_filter *filter) {
    sqlite3_bind_int(st, 2, filter->conv_type);
    sqlite3_bind_int(st, 3, filter->has_unread ? 1 : 0);
    sqlite3_bind_int64(st, 4, (sqlite3_int64)filter->mark_type);
    sqlite3_bind_text(st, 5, filter->group != NULL ? filter->group : "", -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 6, filter->has_group_at_info ? 1 : 0);
}

int store_conv_page(struct store *s, const struct conv_filter *filter, uint64_t next_seq, uint32_t count, char **page) {
    sqlite3_stmt *st = stmt(s, ST_CONV_PAGE);
    sqlite3_bind_int64(st, 1, (sqlite3_int64)next_seq);
    bind_filter(st, filter);
    sqlite3_bind_int64(st, 7, count);
    return query_text(s, st, page, "list a page of conversations");
}

int store_unread_by_filter(struct store *s, const struct conv_filter *filter, int64_t *total, char **filter_json) {
    sqlite3_stmt *st = stmt(s, ST_FILTER_UNREAD);
    bind_filter(st, filter);
    int result = ERR_SUCC;
    if (sqlite3_step(st) == SQLITE_ROW) {
        *total = sqlite3_column_int64(st, 0);
        if (filter_json != NULL) {
            *filter_json = strdup((const char *)sqlite3_column_text(st, 1));
            if (*filter_json == NULL) result = ERR_OUT_OF_MEMORY;
        }
    } else {
        result = fail(s, "count unread messages by filter");
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return result;
}

/* Records a message in conversation (conv_type, conv_id), creating or activating it. `source`
 * is the caller's Message JSON (or the sender's stored copy, for a delivery). */
static int record_message(struct store *s, int conv_type, const char *conv_id, const char *source,
                          const struct message_fields *f, bool from_self, bool *created, char **stored) {
    *stored = NULL;
    sqlite3_stmt *exists = bind_key(s, ST_CONV_EXISTS, conv_id, conv_type);
    int rc = sqlite3_step(exists);
    *created = rc == SQLITE_DONE;
    sqlite3_reset(exists);
    sqlite3_clear_bindings(exists);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return fail(s, "read conversation");

    int64_t order = 0, seq = 0;
    int result = next_active_order(s, &order);
    if (result == ERR_SUCC) {
        sqlite3_stmt *st = bind_key(s, ST_CONV_ACTIVATE, conv_id, conv_type);
        sqlite3_bind_int64(st, 3, (sqlite3_int64)f->now);
        sqlite3_bind_int64(st, 4, order);
        result = exec_stmt(s, st, "activate conversation");
    }
    if (result == ERR_SUCC) result = query_int(s, bind_key(s, ST_NEXT_SEQ, conv_id, conv_type), &seq, "next message seq");
    if (result == ERR_SUCC) {
        sqlite3_stmt *st = stmt(s, ST_MSG_BUILD);
        sqlite3_bind_text(st, 1, source, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, conv_id, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 3, conv_type);
        sqlite3_bind_text(st, 4, f->sender, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 5, from_self ? 1 : 0);
        sqlite3_bind_int64(st, 6, (sqlite3_int64)f->now);
        sqlite3_bind_text(st, 7, f->msg_id, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 8, seq);
        sqlite3_bind_int64(st, 9, f->rand);
        sqlite3_bind_int64(st, 10, (sqlite3_int64)f->unique_id);
        result = query_text(s, st, stored, "build message");
        if (result == ERR_SUCC && *stored == NULL) result = fail(s, "build message");
    }
    if (result == ERR_SUCC) {
        sqlite3_stmt *st = bind_key(s, ST_MSG_INSERT, conv_id, conv_type);
        sqlite3_bind_int64(st, 3, seq);
        sqlite3_bind_text(st, 4, *stored, -1, SQLITE_STATIC);
        result = exec_stmt(s, st, "store message");
    }
    if (result == ERR_SUCC) {
        sqlite3_stmt *st = bind_key(s, ST_CONV_RECORD_MSG, conv_id, conv_type);
        sqlite3_bind_text(st, 3, *stored, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 4, from_self ? 0 : 1);
        result = exec_stmt(s, st, "update last message");
    }
    if (result != ERR_SUCC) {
        free(*stored);
        *stored = NULL;
    }
    return result;
}

int store_msg_send(struct store *s, const char *conv_id, int conv_type, const char *msg_json,
                   const struct message_fields *f, bool *created, char **sent, char **info) {
    *sent = *info = NULL;
    int result = begin(s);
    if (result != ERR_SUCC) return result;
    result = record_message(s, conv_type, conv_id, msg_json, f, true, created, sent);
    if (result == ERR_SUCC) result = conv_info(s, conv_id, conv_type, info);
    result = finish(s, result);
    if (result != ERR_SUCC) {
        free(*sent);
        free(*info);
        *sent = *info = NULL;
    }
    return result;
}

int store_msg_receive(struct store *s, const char *conv_id, int conv_type, const char *sent,
                      const struct message_fields *f, bool only_if_conv_exists) {
    int result = begin(s);
    if (result != ERR_SUCC) return result;
    bool known = true;
    if (only_if_conv_exists) {
        sqlite3_stmt *exists = bind_key(s, ST_CONV_EXISTS, conv_id, conv_type);
        int rc = sqlite3_step(exists);
        known = rc == SQLITE_ROW;
        sqlite3_reset(exists);
        sqlite3_clear_bindings(exists);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) result = fail(s, "read conversation");
    }
    if (result == ERR_SUCC && known) {
        bool created = false;
        char *stored = NULL;
        result = record_message(s, conv_type, conv_id, sent, f, false, &created, &stored);
        if (result == ERR_SUCC) {
            sqlite3_stmt *st = bind_key(s, ST_INBOX_INSERT, conv_id, conv_type);
            sqlite3_bind_int(st, 3, created ? 1 : 0);
            sqlite3_bind_text(st, 4, stored, -1, SQLITE_STATIC);
            result = exec_stmt(s, st, "announce message");
        }
        free(stored);
    }
    return finish(s, result);
}

int store_msg_list(struct store *s, const char *conv_id, int conv_type, int64_t count, int64_t before_seq, char **list) {
    sqlite3_stmt *st = bind_key(s, ST_MSG_LIST, conv_id, conv_type);
    sqlite3_bind_int64(st, 3, count);
    sqlite3_bind_int64(st, 4, before_seq);
    return query_text(s, st, list, "list messages");
}

/* Marks a conversation's messages read up to `upto` (0: all; see ST_MSG_CLEAN_UNREAD) inside an
 * open transaction; *changed tells whether its unread count changed. */
static int clean_unread(struct store *s, const char *conv_id, int conv_type, uint64_t upto, bool *changed) {
    int result = ERR_SUCC;
    int64_t marked = 0;
    if (upto != 0) {
        sqlite3_stmt *st = bind_key(s, ST_MSG_CLEAN_UNREAD, conv_id, conv_type);
        sqlite3_bind_int64(st, 3, (sqlite3_int64)upto);
        result = exec_stmt(s, st, "mark messages read");
        marked = sqlite3_changes(s->db);
    }
    if (result == ERR_SUCC) {
        sqlite3_stmt *st = bind_key(s, ST_CONV_CLEAN_UNREAD, conv_id, conv_type);
        sqlite3_bind_int64(st, 3, (sqlite3_int64)upto);
        sqlite3_bind_int64(st, 4, marked);
        result = exec_stmt(s, st, "mark conversation read");
    }
    *changed = result == ERR_SUCC && sqlite3_changes(s->db) > 0;
    /* Marking all: the messages only when there was something unread (most calls find nothing). */
    if (result == ERR_SUCC && upto == 0 && *changed) {
        sqlite3_stmt *st = bind_key(s, ST_MSG_CLEAN_UNREAD, conv_id, conv_type);
        sqlite3_bind_int64(st, 3, 0);
        result = exec_stmt(s, st, "mark messages read");
    }
    return result;
}

/* Collects the keys of the conversations with unread messages (of conv_type; 0: all). */
struct conv_key {
    int type;
    char id[TEXT_ID_MAX + 1];
};
static int unread_keys(struct store *s, int conv_type, struct conv_key **list, size_t *count) {
    *list = NULL;
    *count = 0;
    sqlite3_stmt *keys = stmt(s, ST_UNREAD_KEYS);
    sqlite3_bind_int(keys, 1, conv_type);
    int result = ERR_SUCC;
    int rc;
    while ((rc = sqlite3_step(keys)) == SQLITE_ROW) {
        struct conv_key *grown = realloc(*list, (*count + 1) * sizeof **list);
        if (grown == NULL) {
            result = ERR_OUT_OF_MEMORY;
            break;
        }
        *list = grown;
        grown[*count].type = sqlite3_column_int(keys, 0);
        snprintf(grown[*count].id, sizeof grown[*count].id, "%s", (const char *)sqlite3_column_text(keys, 1));
        (*count)++;
    }
    if (result == ERR_SUCC && rc != SQLITE_DONE) result = fail(s, "find unread conversations");
    sqlite3_reset(keys);
    sqlite3_clear_bindings(keys);
    return result;
}

int store_clean_unread(struct store *s, int conv_type, const char *conv_id, uint64_t clean_timestamp,
                       uint64_t clean_sequence, char **infos) {
    *infos = NULL;
    int result = begin(s);
    if (result != ERR_SUCC) return result;
    struct conv_key *list = NULL;
    size_t count = 0, len = 0;
    if (conv_id != NULL) {
        char *info = NULL;
        result = conv_info(s, conv_id, conv_type, &info);
        if (result == ERR_SUCC && info == NULL) result = ERR_INVALID_CONVERSATION;
        free(info);
        list = result == ERR_SUCC ? malloc(sizeof *list) : NULL;
        if (result == ERR_SUCC && list == NULL) result = ERR_OUT_OF_MEMORY;
        if (result == ERR_SUCC) {
            list[0].type = conv_type;
            snprintf(list[0].id, sizeof list[0].id, "%s", conv_id);
            count = 1;
        }
    } else {
        /* Collect the keys first: the updates below would disturb a running SELECT over them. */
        result = unread_keys(s, conv_type, &list, &count);
    }
    for (size_t i = 0; result == ERR_SUCC && i < count; i++) {
        bool changed = false;
        char *info = NULL;
        uint64_t upto = list[i].type == kTIMConv_C2C ? clean_timestamp : clean_sequence;
        result = clean_unread(s, list[i].id, list[i].type, upto, &changed);
        if (result == ERR_SUCC && changed) result = conv_info(s, list[i].id, list[i].type, &info);
        if (result == ERR_SUCC && info != NULL) result = append_item(infos, &len, info);
        free(info);
    }
    free(list);
    result = finish(s, result);
    if (result == ERR_SUCC && *infos != NULL) strcat(*infos, "]");
    if (result != ERR_SUCC) {
        free(*infos);
        *infos = NULL;
    }
    return result;
}

int store_changed_elsewhere(struct store *s, bool *changed) {
    int64_t version = 0;
    int result = query_int(s, stmt(s, ST_DATA_VERSION), &version, "read data version");
    *changed = result == ERR_SUCC && version != s->data_version;
    if (result == ERR_SUCC) s->data_version = version;
    return result;
}

int store_inbox_reset(struct store *s) { return exec_stmt(s, stmt(s, ST_INBOX_CLEAR), "clear inbox"); }

int store_inbox_since(struct store *s, int64_t *last_id, char **messages, char **added, char **updated) {
    *messages = *added = *updated = NULL;
    sqlite3_stmt *st = stmt(s, ST_INBOX_SINCE);
    sqlite3_bind_int64(st, 1, *last_id);
    int result = ERR_SUCC;
    if (sqlite3_step(st) == SQLITE_ROW) {
        *last_id = sqlite3_column_int64(st, 0);
        *messages = strdup((const char *)sqlite3_column_text(st, 1));
        *added = strdup((const char *)sqlite3_column_text(st, 2));
        *updated = strdup((const char *)sqlite3_column_text(st, 3));
        if (*messages == NULL || *added == NULL || *updated == NULL) result = ERR_OUT_OF_MEMORY;
    } else {
        result = fail(s, "read inbox");
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (result != ERR_SUCC) {
        free(*messages);
        free(*added);
        free(*updated);
        *messages = *added = *updated = NULL;
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
    if (found == 0 || found == 1) { /* a new store, or one of version 1 to bring up to date */
        rc = sqlite3_exec(s->db, found == 0 ? schema_sql : unread_index_sql, NULL, NULL, NULL);
        if (rc == SQLITE_OK) rc = sqlite3_exec(s->db, "PRAGMA user_version=" SCHEMA_VERSION_TEXT, NULL, NULL, NULL);
    } else if (found != SCHEMA_VERSION) {
        rc = SQLITE_MISMATCH;
    }
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(stmt(s, ST_SET_OWNER), 1, user_id, -1, SQLITE_STATIC);
        rc = sqlite3_step(stmt(s, ST_SET_OWNER)) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(s->db);
        sqlite3_reset(stmt(s, ST_SET_OWNER));
        sqlite3_clear_bindings(stmt(s, ST_SET_OWNER));
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
        int rc = open_connection(dir, &s->db);
        if (rc == SQLITE_OK) rc = open_connection(dir, &s->reader);
        if (rc == SQLITE_OK) rc = prepare(s, user_id);
        if (rc != SQLITE_OK) {
            sqlite3 *db = s->db != NULL ? s->db : s->reader;
            snprintf(err, err_size, "cannot open the store %s: %s%s", dir,
                     rc == SQLITE_MISMATCH ? "unknown schema version" : (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)),
                     advice(rc));
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
