/* Edits of stored messages and messages written without being sent: see store_edits.h. */
#define _POSIX_C_SOURCE 200809L
#include "store/store_edits.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "TIMCloudDef.h"
#include "store/store_internal.h"
#include "util/sql_text.h"

/* The members each kind of edit takes of its Message (ST_MSG_PATCH's ?5). */
static const char modify_members[] = "[\"message_elem_array\",\"message_cloud_custom_str\",\"message_custom_str\","
                                     "\"message_custom_int\",\"message_version\"]";
static const char local_members[] = "[\"message_custom_str\",\"message_custom_int\"]";
/* What a modification changes in the other copies: never the modifier's custom fields. */
static const char shared_members[] = "[\"message_elem_array\",\"message_cloud_custom_str\",\"message_version\"]";

/* Finds the message Message `named` names (by its id) in any conversation: its key, seq and
 * Message (*stored, malloc'd). */
static int find_by_id(struct store *s, const char *named, struct edited_message *out, int64_t *seq, char **stored) {
    sqlite3_stmt *st = stmt(s, ST_MSG_BY_ID);
    sqlite3_bind_text(st, 1, named, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    int result = ERR_SUCC;
    if (rc == SQLITE_ROW) {
        bool oom = false;
        out->conv_type = sqlite3_column_int(st, 0);
        *seq = sqlite3_column_int64(st, 2);
        *stored = sql_text_copy(st, 3, &oom);
        if (!sql_text_into(st, 1, out->conv_id, sizeof out->conv_id) || *stored == NULL) result = ERR_OUT_OF_MEMORY;
    } else if (rc == SQLITE_DONE) {
        snprintf(s->error, sizeof s->error, "no message of this message_msg_id is stored");
        result = ERR_INVALID_PARAMETERS;
    } else {
        result = fail(s, "find message");
    }
    stmt_done(st);
    return result;
}

int store_msg_locate(struct store *s, const char *named, struct edited_message *out) {
    *out = (struct edited_message){0};
    int64_t seq = 0;
    return find_by_id(s, named, out, &seq, &out->msg);
}

/* Whether modification param may change `stored` (ST_MSG_EDIT_REFUSAL): ERR_SUCC with the new
 * message_version in *version, ERR_INVALID_PARAMETERS with the reason, or the conflict. */
static int may_modify(struct store *s, const char *param, const char *stored, int64_t *version, bool *shared) {
    sqlite3_stmt *st = stmt(s, ST_MSG_EDIT_REFUSAL);
    sqlite3_bind_text(st, 1, param, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, stored, -1, SQLITE_STATIC);
    int result = ERR_SUCC;
    if (sqlite3_step(st) == SQLITE_ROW) {
        *version = sqlite3_column_int64(st, 2);
        *shared = sqlite3_column_int(st, 3) != 0;
        if (sqlite3_column_type(st, 1) != SQLITE_NULL) {
            if (!sql_text_into(st, 1, s->error, sizeof s->error)) snprintf(s->error, sizeof s->error, "refused");
            result = ERR_INVALID_PARAMETERS;
        } else if (sqlite3_column_int(st, 0) != 0) {
            snprintf(s->error, sizeof s->error, "the message was modified since this copy of it was read (now at"
                     " message_version %lld): modify the latest one, which the callback gives",
                     (long long)*version - 1);
            result = ERR_SDK_MSG_MODIFY_CONFLICT;
        }
    } else {
        result = fail(s, "check modification");
    }
    stmt_done(st);
    return result;
}

/* Patches message seq of (conv_type, conv_id) with the members of `source` that `members` names
 * (version: its new message_version, or 0 to keep source's); *msg: the Message as stored. */
static int patch(struct store *s, const char *conv_id, int conv_type, int64_t seq, const char *source,
                 const char *members, int64_t version, char **msg) {
    sqlite3_stmt *st = bind_key(s, ST_MSG_PATCH, conv_id, conv_type);
    sqlite3_bind_int64(st, 3, seq);
    sqlite3_bind_text(st, 4, source, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, members, -1, SQLITE_STATIC);
    if (version > 0) sqlite3_bind_int64(st, 6, version);
    return query_text(s, st, msg, "modify message");
}

/* The last message follows a change of Message msg (by its id); *info (when info is not NULL): the
 * ConvInfo when it is the last. */
static int follow_last(struct store *s, const char *conv_id, int conv_type, const char *msg, char **info) {
    sqlite3_stmt *st = bind_key(s, ST_CONV_LAST_MSG_ID, conv_id, conv_type);
    sqlite3_bind_text(st, 3, msg, -1, SQLITE_STATIC);
    int result = exec_stmt(s, st, "update last message");
    bool is_last = result == ERR_SUCC && sqlite3_changes(s->db) > 0;
    if (is_last && info != NULL) result = conv_info(s, conv_id, conv_type, info);
    return result;
}

int store_msg_edit(struct store *s, enum msg_edit edit, const char *param, struct edited_message *out, char **info) {
    *out = (struct edited_message){0};
    *info = NULL;
    int result = begin(s);
    if (result != ERR_SUCC) return result;
    int64_t seq = 0, version = 0;
    char *stored = NULL;
    result = find_by_id(s, param, out, &seq, &stored);
    if (result == ERR_SUCC && edit == EDIT_MODIFY) result = may_modify(s, param, stored, &version, &out->shared);
    if (result == ERR_SUCC) {
        const char *members = edit == EDIT_MODIFY ? modify_members : local_members;
        result = patch(s, out->conv_id, out->conv_type, seq, param, members, version, &out->msg);
    }
    if (result == ERR_SUCC) result = follow_last(s, out->conv_id, out->conv_type, param, info);
    result = finish(s, result);
    if (result != ERR_SUCC) { /* the callback gives the latest Message, also after a failure (1262) */
        free(out->msg);
        out->msg = stored;
        stored = NULL;
    }
    free(stored);
    if (result != ERR_SUCC) {
        free(*info);
        *info = NULL;
    }
    return result;
}

int store_msg_modified(struct store *s, const char *conv_id, int conv_type, const char *modified) {
    int result = begin(s);
    if (result != ERR_SUCC) return result;
    struct edited_message found = {0};
    int64_t seq = 0;
    char *stored = NULL, *copy = NULL;
    result = find_by_id(s, modified, &found, &seq, &stored);
    bool here = result == ERR_SUCC && found.conv_type == conv_type && strcmp(found.conv_id, conv_id) == 0;
    if (result == ERR_INVALID_PARAMETERS) result = ERR_SUCC; /* never delivered here, or deleted since */
    if (here) result = patch(s, conv_id, conv_type, seq, modified, shared_members, 0, &copy);
    if (result == ERR_SUCC && copy != NULL) result = follow_last(s, conv_id, conv_type, modified, NULL);
    if (result == ERR_SUCC && copy != NULL) result = to_inbox(s, conv_id, conv_type, false, copy, INBOX_MODIFIED);
    free(stored);
    free(copy);
    return finish(s, result);
}

/* Writes the messages (ST_MSG_IMPORT): *count of them; *first (when not NULL) the first. */
static int write_messages(struct store *s, const char *conv_id, int conv_type, const char *owner,
                          const char *messages, uint64_t now, int64_t *count, char **first) {
    sqlite3_stmt *st = bind_key(s, ST_MSG_IMPORT, conv_id, conv_type);
    sqlite3_bind_text(st, 3, messages, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, owner, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 5, (sqlite3_int64)now);
    int rc;
    int result = ERR_SUCC;
    *count = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        bool oom = false;
        if (*count == 0 && first != NULL && (*first = sql_text_copy(st, 0, &oom)) == NULL) result = ERR_OUT_OF_MEMORY;
        (*count)++;
    }
    if (rc != SQLITE_DONE) result = fail(s, "import messages");
    stmt_done(st);
    return result;
}

int store_msg_import(struct store *s, const char *conv_id, int conv_type, const char *owner, const char *messages,
                     uint64_t now, bool *created, char **saved, char **info) {
    *created = false;
    *info = NULL;
    if (saved != NULL) *saved = NULL;
    int result = begin(s);
    if (result != ERR_SUCC) return result;
    int64_t senders_ok = 0, order = 0, count = 0;
    sqlite3_stmt *st = bind_key(s, ST_IMPORT_SENDERS_OK, conv_id, conv_type);
    sqlite3_bind_text(st, 3, messages, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, owner, -1, SQLITE_STATIC);
    result = query_int(s, st, &senders_ok, "check senders");
    if (result == ERR_SUCC && !senders_ok) {
        snprintf(s->error, sizeof s->error, "a C2C conversation's messages are its two users': each sender must be"
                 " %s or %s", owner, conv_id);
        result = ERR_INVALID_PARAMETERS;
    }
    if (result == ERR_SUCC) {
        sqlite3_stmt *exists = bind_key(s, ST_CONV_EXISTS, conv_id, conv_type);
        int rc = sqlite3_step(exists);
        *created = rc == SQLITE_DONE;
        stmt_done(exists);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) result = fail(s, "read conversation");
    }
    if (result == ERR_SUCC) result = write_messages(s, conv_id, conv_type, owner, messages, now, &count, saved);
    if (result == ERR_SUCC && saved != NULL && count == 0) {
        snprintf(s->error, sizeof s->error, "a message of this message_msg_id is stored already");
        result = ERR_INVALID_PARAMETERS;
    }
    *created = *created && count > 0; /* nothing imported: no conversation made */
    if (result == ERR_SUCC && count > 0) result = next_active_order(s, &order);
    if (result == ERR_SUCC && *created) {
        st = bind_key(s, ST_CONV_INSERT, conv_id, conv_type);
        sqlite3_bind_int64(st, 3, (sqlite3_int64)now);
        sqlite3_bind_int64(st, 4, order);
        result = exec_stmt(s, st, "create conversation");
    }
    bool last_changed = false;
    if (result == ERR_SUCC && count > 0) {
        st = bind_key(s, ST_CONV_LAST_NEWEST, conv_id, conv_type);
        sqlite3_bind_int64(st, 3, order);
        result = exec_stmt(s, st, "update last message");
        last_changed = result == ERR_SUCC && sqlite3_changes(s->db) > 0;
    }
    if (result == ERR_SUCC && (*created || last_changed)) result = conv_info(s, conv_id, conv_type, info);
    result = finish(s, result);
    if (result != ERR_SUCC) {
        *created = false;
        free(*info);
        *info = NULL;
        if (saved != NULL) {
            free(*saved);
            *saved = NULL;
        }
    }
    return result;
}
