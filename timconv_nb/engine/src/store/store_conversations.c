/* The store's conversations: create, delete, list, look up, drafts, pins, the batch calls over
 * conversation keys, paging and unread totals (see store.h). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "TIMCloudDef.h"
#include "TIMConversationManager.h"
#include "store/store_internal.h"
#include "util/sql_text.h"

int conv_info(struct store *s, const char *conv_id, int conv_type, char **info) {
    return query_text(s, bind_key(s, ST_CONV_INFO, conv_id, conv_type), info, "read conversation");
}

int next_active_order(struct store *s, int64_t *order) {
    if (s->in_batch) {
        if (!s->batch_order_read) {
            int result = query_int(s, stmt(s, ST_ACTIVE_ORDER), &s->batch_order, "active order");
            if (result != ERR_SUCC) return result;
            s->batch_order_read = true;
        }
        *order = ++s->batch_order;
        return ERR_SUCC;
    }
    int result = exec_stmt(s, stmt(s, ST_BUMP_ACTIVE_ORDER), "next active order");
    return result == ERR_SUCC ? query_int(s, stmt(s, ST_ACTIVE_ORDER), order, "next active order") : result;
}

int store_conv_create(struct store *s, const char *conv_id, int conv_type, uint64_t now, bool *created, char **info) {
    *created = false;
    *info = NULL;
    int result = begin(s);
    if (result != ERR_SUCC) return result;
    sqlite3_stmt *exists = bind_key(s, ST_CONV_EXISTS, conv_id, conv_type);
    int rc = sqlite3_step(exists);
    stmt_done(exists);
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

int store_conv_columns(struct store *s, char **columns) {
    /* The object's members, in the order ST_CONV_COLUMNS selects their arrays. */
    const char *const keys[] = {
        kTIMConvId, kTIMConvType, kTIMConvShowName, kTIMConvUnReadNum, kTIMConvActiveTime, kTIMConvIsPinned,
        kTIMConvRecvOpt, kTIMConvCustomData, kTIMConvC2CReadTimestamp, kTIMConvGroupReadSequence,
        kTIMConvMarkArray, kTIMConvConversationGroupArray, kTIMConvGroupAtInfoArray, kTIMConvDraft,
        kTIMConvLastMsg, kTIMConvFaceUrl,
    };
    enum { KEYS = sizeof keys / sizeof keys[0] };
    *columns = NULL;
    sqlite3_stmt *st = stmt(s, ST_CONV_COLUMNS);
    int rc = sqlite3_step(st);
    int result = ERR_SUCC;
    if (rc != SQLITE_ROW || sqlite3_column_count(st) != KEYS) {
        result = fail(s, "list conversations");
    } else {
        /* {"key":array,...}: each array is written once, into a buffer of its final size. */
        const char *arrays[KEYS];
        size_t lengths[KEYS], total = 2;
        for (int i = 0; i < KEYS && result == ERR_SUCC; i++) {
            arrays[i] = (const char *)sqlite3_column_text(st, i);
            lengths[i] = (size_t)sqlite3_column_bytes(st, i);
            if (arrays[i] == NULL) result = ERR_OUT_OF_MEMORY; /* the SQL never gives NULL */
            total += strlen(keys[i]) + 4 + lengths[i];
        }
        char *out = result == ERR_SUCC ? malloc(total) : NULL;
        if (result == ERR_SUCC && out == NULL) result = ERR_OUT_OF_MEMORY;
        if (out != NULL) {
            size_t at = 0;
            out[at++] = '{';
            for (int i = 0; i < KEYS; i++) {
                at += (size_t)sprintf(out + at, "%s\"%s\":", i ? "," : "", keys[i]);
                memcpy(out + at, arrays[i], lengths[i]);
                at += lengths[i];
            }
            out[at++] = '}';
            out[at] = '\0';
            *columns = out;
        }
    }
    stmt_done(st);
    return result;
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

/* Runs op for each key of a JSON array of c2c_<id> / group_<id> strings, inside the caller's
 * transaction. Appends one ConversationOperationResult per key to *results and the ConvInfo op
 * reports for each success to *changed (both left open, "[a,b"). A storage failure (I/O, out of
 * memory) ends the batch and is returned; other codes (6004, 6017, ...) are per-key results. */
int batch_apply(struct store *s, const char *keys_json, store_conv_op op, const void *arg, char **results,
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
        bool oom = false;
        char *key = sql_text_copy(items, 0, &oom);
        if (grown != NULL) keys = grown;
        if (grown == NULL || key == NULL) {
            free(key);
            result = ERR_OUT_OF_MEMORY;
            break;
        }
        keys[count++] = key;
    }
    if (result == ERR_SUCC && rc != SQLITE_DONE) result = fail(s, "read conversation ids");
    stmt_done(items);
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
    result = finish(s, batch_apply(s, keys_json, op, arg, results, &results_len, changed, &changed_len));
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
    /* An absent key stays NULL: "any" (FILTER_PREDICATE). */
    sqlite3_bind_int(st, 2, filter->conv_type);
    if (filter->has_unread != FILTER_ANY) sqlite3_bind_int(st, 3, filter->has_unread);
    if (filter->mark_set) sqlite3_bind_int64(st, 4, (sqlite3_int64)filter->mark_type); /* bit 63: the sign bit */
    if (filter->group != NULL) sqlite3_bind_text(st, 5, filter->group, -1, SQLITE_STATIC);
    if (filter->has_group_at_info != FILTER_ANY) sqlite3_bind_int(st, 6, filter->has_group_at_info);
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
            bool oom = false;
            *filter_json = sql_text_copy(st, 1, &oom);
            if (*filter_json == NULL) result = ERR_OUT_OF_MEMORY;
        }
    } else {
        result = fail(s, "count unread messages by filter");
    }
    stmt_done(st);
    return result;
}

int store_conv_faces_set(struct store *s, int conv_type, const char *faces, char **updated) {
    if (updated != NULL) *updated = NULL;
    /* Read first: a change that alters nothing (the usual case of a delivery) writes nothing. */
    char *changing = NULL;
    sqlite3_stmt *st = stmt(s, ST_CONV_FACES_CHANGING);
    sqlite3_bind_int(st, 1, conv_type);
    sqlite3_bind_text(st, 2, faces, -1, SQLITE_STATIC);
    int result = query_text(s, st, &changing, "read conversation faces");
    if (result != ERR_SUCC || changing == NULL || strcmp(changing, "[]") == 0) {
        free(changing);
        return result;
    }
    result = begin(s);
    if (result != ERR_SUCC) {
        free(changing);
        return result;
    }
    st = stmt(s, ST_CONV_FACES_SET);
    sqlite3_bind_int(st, 1, conv_type);
    sqlite3_bind_text(st, 2, faces, -1, SQLITE_STATIC);
    result = exec_stmt(s, st, "set conversation faces");
    if (result == ERR_SUCC && updated != NULL) {
        st = stmt(s, ST_CONV_INFOS_OF);
        sqlite3_bind_int(st, 1, conv_type);
        sqlite3_bind_text(st, 2, changing, -1, SQLITE_STATIC);
        result = query_text(s, st, updated, "read conversations");
    }
    free(changing);
    result = finish(s, result);
    if (result != ERR_SUCC && updated != NULL) {
        free(*updated);
        *updated = NULL;
    }
    return result;
}

int store_conv_peers(struct store *s, char **peers) {
    return query_text(s, stmt(s, ST_CONV_PEERS), peers, "list conversation peers");
}

int store_conv_info(struct store *s, const char *conv_id, int conv_type, char **info) {
    return conv_info(s, conv_id, conv_type, info);
}
