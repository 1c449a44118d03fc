/* The store's side of what happens to messages after they are sent (see store.h): finding one,
 * revoking it, deleting some or all, and the owner's view of their groups; the conversation's
 * last message and unread count follow each. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "TIMCloudDef.h"
#include "store/store_internal.h"
#include "util/sql_text.h"

int store_msg_find(struct store *s, const char *conv_id, int conv_type, const char *msg_id, struct found_message *m) {
    *m = (struct found_message){0};
    sqlite3_stmt *st = bind_key(s, ST_MSG_FIND, conv_id, conv_type);
    sqlite3_bind_text(st, 3, msg_id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    int result = ERR_SUCC;
    if (rc == SQLITE_ROW) {
        m->seq = sqlite3_column_int64(st, 0);
        m->server_time = sqlite3_column_int64(st, 2);
        m->from_self = sqlite3_column_int(st, 3) != 0;
        if (!sql_text_into(st, 4, m->sender, sizeof m->sender)) result = ERR_OUT_OF_MEMORY;
    } else if (rc == SQLITE_DONE) {
        snprintf(s->error, sizeof s->error, "no message %s in this conversation", msg_id);
        result = ERR_INVALID_PARAMETERS;
    } else {
        result = fail(s, "find message");
    }
    stmt_done(st);
    return result;
}

int store_msg_seq_of(struct store *s, const char *conv_id, int conv_type, const char *msg_id, int64_t *seq) {
    struct found_message m;
    int result = store_msg_find(s, conv_id, conv_type, msg_id, &m);
    *seq = result == ERR_SUCC ? m.seq : 0;
    return result == ERR_INVALID_PARAMETERS ? ERR_SUCC : result;
}

int store_msg_revoke(struct store *s, const char *conv_id, int conv_type, int64_t seq, const char *revoker,
                     bool announce, char **info) {
    *info = NULL;
    int result = begin(s);
    if (result != ERR_SUCC) return result;
    char *locator = NULL;
    sqlite3_stmt *st = bind_key(s, ST_MSG_REVOKE, conv_id, conv_type);
    sqlite3_bind_int64(st, 3, seq);
    sqlite3_bind_text(st, 4, revoker, -1, SQLITE_STATIC);
    result = query_text(s, st, &locator, "revoke message");
    if (result == ERR_SUCC && locator == NULL) {
        snprintf(s->error, sizeof s->error, "no message of seq %lld in this conversation", (long long)seq);
        result = ERR_INVALID_PARAMETERS;
    }
    bool last_changed = false;
    if (result == ERR_SUCC) {
        st = bind_key(s, ST_CONV_LAST_MSG_IS, conv_id, conv_type);
        sqlite3_bind_int64(st, 3, seq);
        result = exec_stmt(s, st, "update last message");
        last_changed = result == ERR_SUCC && sqlite3_changes(s->db) > 0;
    }
    if (result == ERR_SUCC && announce) result = to_inbox(s, conv_id, conv_type, false, locator, 1);
    if (result == ERR_SUCC && last_changed) result = conv_info(s, conv_id, conv_type, info);
    free(locator);
    result = finish(s, result);
    if (result != ERR_SUCC) {
        free(*info);
        *info = NULL;
    }
    return result;
}

int store_msg_delete(struct store *s, const char *conv_id, int conv_type, const char *msg_ids_json, char **info) {
    *info = NULL;
    int result = begin(s);
    if (result != ERR_SUCC) return result;
    char *seqs = NULL;
    int64_t wanted = 0, found = 0, unread = 0;
    result = conv_info(s, conv_id, conv_type, info);
    if (result == ERR_SUCC && *info == NULL) result = ERR_INVALID_CONVERSATION;
    free(*info);
    *info = NULL;
    if (result == ERR_SUCC) {
        sqlite3_stmt *st = stmt(s, ST_ARRAY_LENGTH);
        sqlite3_bind_text(st, 1, msg_ids_json, -1, SQLITE_STATIC);
        result = query_int(s, st, &wanted, "count messages");
    }
    if (result == ERR_SUCC) {
        sqlite3_stmt *st = bind_key(s, ST_MSG_SEQS_OF, conv_id, conv_type);
        sqlite3_bind_text(st, 3, msg_ids_json, -1, SQLITE_STATIC);
        result = query_text(s, st, &seqs, "find messages");
    }
    if (result == ERR_SUCC) {
        sqlite3_stmt *st = bind_key(s, ST_MSG_COUNT_SEQS, conv_id, conv_type);
        sqlite3_bind_text(st, 3, seqs, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW) {
            found = sqlite3_column_int64(st, 0);
            unread = sqlite3_column_int64(st, 1);
        } else {
            result = fail(s, "count messages");
        }
        stmt_done(st);
    }
    if (result == ERR_SUCC && found != wanted) {
        snprintf(s->error, sizeof s->error, "%lld of the %lld messages named are not in this conversation",
                 (long long)(wanted - found), (long long)wanted);
        result = ERR_INVALID_PARAMETERS;
    }
    if (result == ERR_SUCC) {
        sqlite3_stmt *st = bind_key(s, ST_MSG_DELETE_SEQS, conv_id, conv_type);
        sqlite3_bind_text(st, 3, seqs, -1, SQLITE_STATIC);
        result = exec_stmt(s, st, "delete messages");
    }
    if (result == ERR_SUCC) {
        sqlite3_stmt *st = bind_key(s, ST_CONV_AFTER_DELETE, conv_id, conv_type);
        sqlite3_bind_int64(st, 3, unread);
        result = exec_stmt(s, st, "update conversation");
    }
    if (result == ERR_SUCC) result = conv_info(s, conv_id, conv_type, info);
    free(seqs);
    result = finish(s, result);
    if (result != ERR_SUCC) {
        free(*info);
        *info = NULL;
    }
    return result;
}

int store_msg_clear(struct store *s, const char *conv_id, int conv_type, char **info) {
    *info = NULL;
    int result = begin(s);
    if (result != ERR_SUCC) return result;
    result = conv_info(s, conv_id, conv_type, info);
    if (result == ERR_SUCC && *info == NULL) result = ERR_INVALID_CONVERSATION;
    if (result == ERR_SUCC) result = exec_stmt(s, bind_key(s, ST_MSG_DELETE_ALL, conv_id, conv_type), "clear messages");
    if (result == ERR_SUCC) result = exec_stmt(s, bind_key(s, ST_CONV_CLEARED, conv_id, conv_type), "clear conversation");
    free(*info);
    *info = NULL;
    if (result == ERR_SUCC) result = conv_info(s, conv_id, conv_type, info);
    result = finish(s, result);
    if (result != ERR_SUCC) {
        free(*info);
        *info = NULL;
    }
    return result;
}

int store_group_conv_ensure(struct store *s, const char *group_id, const char *name, const char *face_url, int group_type, uint64_t now,
                            bool *created, char **info) {
    *info = NULL;
    int result = begin(s);
    if (result != ERR_SUCC) return result;
    result = conv_info(s, group_id, kTIMConv_Group, info);
    *created = result == ERR_SUCC && *info == NULL;
    free(*info);
    *info = NULL;
    int64_t order = 0;
    if (result == ERR_SUCC) result = next_active_order(s, &order);
    if (result == ERR_SUCC) {
        sqlite3_stmt *st = bind_key(s, ST_GROUP_CONV_ENSURE, group_id, kTIMConv_Group);
        sqlite3_bind_text(st, 3, name, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 4, group_type);
        sqlite3_bind_int64(st, 5, (sqlite3_int64)now);
        sqlite3_bind_int64(st, 6, order);
        sqlite3_bind_text(st, 7, face_url, -1, SQLITE_STATIC);
        result = exec_stmt(s, st, "make group conversation");
    }
    if (result == ERR_SUCC) result = conv_info(s, group_id, kTIMConv_Group, info);
    result = finish(s, result);
    if (result != ERR_SUCC) {
        free(*info);
        *info = NULL;
    }
    return result;
}

int store_group_self_info(struct store *s, const char *base_infos, char **out) {
    sqlite3_stmt *st = stmt(s, ST_GROUP_SELF_INFO);
    sqlite3_bind_text(st, 1, base_infos, -1, SQLITE_STATIC);
    return query_text(s, st, out, "read own group information");
}

int store_array_each(struct store *s, const char *array, void (*fn)(const char *item, void *ctx), void *ctx) {
    sqlite3_stmt *st = stmt(s, ST_ARRAY_ITEMS);
    sqlite3_bind_text(st, 1, array, -1, SQLITE_STATIC);
    int rc;
    int result = ERR_SUCC;
    while (result == ERR_SUCC && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *item = (const char *)sqlite3_column_text(st, 0);
        if (item != NULL) fn(item, ctx);
        else if (sqlite3_column_type(st, 0) != SQLITE_NULL) result = ERR_OUT_OF_MEMORY;
    }
    if (result == ERR_SUCC && rc != SQLITE_DONE) result = fail(s, "read array");
    stmt_done(st);
    return result;
}
