/* The history of a conversation, paged (TIMMsgGetMsgList): keyset pages in (server time, seq)
 * order over the index message_by_time, from a message, a seq or a time, both ways. A page
 * never skips or repeats a message however deep it starts: it begins strictly past the key of
 * the message it starts from, and the key is unique (seq is, within a conversation). Also
 * finding stored messages by id or by MsgLocator. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "TIMCloudDef.h"
#include "store/store_internal.h"

/* A position in the history's order: (server time, seq). */
struct key {
    int64_t time, seq;
};

static int key_compare(struct key a, struct key b) {
    if (a.time != b.time) return a.time < b.time ? -1 : 1;
    return a.seq < b.seq ? -1 : a.seq > b.seq;
}

/* The key of the row statement `id` (bound with ?3 = value) finds; *found tells whether it did. */
static int find_key(struct store *s, enum stmt_id id, const char *conv_id, int conv_type, sqlite3_int64 value,
                    const char *text, struct key *k, bool *found) {
    sqlite3_stmt *st = bind_key(s, id, conv_id, conv_type);
    if (text != NULL) {
        sqlite3_bind_text(st, 3, text, -1, SQLITE_STATIC);
    } else {
        sqlite3_bind_int64(st, 3, value);
    }
    int rc = sqlite3_step(st);
    *found = rc == SQLITE_ROW;
    if (*found) *k = (struct key){sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1)};
    stmt_done(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? ERR_SUCC : fail(s, "find where the page starts");
}

/* Where the page starts, exclusive (TIMMessageManager.h 1164-1173): past the start message (by
 * its id, else its seq, else the server time and seq it gives), or at the start seq of a group
 * (inclusive: the nearest stored seq on the page's side), or at time_begin; *none when the page is
 * empty (a start seq with nothing on its side, or newer than the newest: nothing given to start
 * from). A backward page without a start begins at the newest message. */
static int page_start(struct store *s, const char *conv_id, int conv_type, const struct msg_list_param *p, struct key *start,
                      bool *none) {
    *none = false;
    bool found = false, started = false;
    int result = ERR_SUCC;
    if (p->msg_id != NULL || p->given_seq > 0 || p->given_time > 0) {
        if (p->msg_id != NULL) result = find_key(s, ST_MSG_KEY_OF_ID, conv_id, conv_type, 0, p->msg_id, start, &found);
        if (result == ERR_SUCC && !found && p->given_seq > 0) {
            result = find_key(s, ST_MSG_KEY_OF_SEQ, conv_id, conv_type, p->given_seq, NULL, start, &found);
        }
        if (!found) *start = (struct key){p->given_time, p->given_seq}; /* a message no longer here */
        started = true;
    } else if (conv_type == kTIMConv_Group && p->last_msg_seq > 0) {
        result = find_key(s, p->forward ? ST_MSG_KEY_AT_OR_AFTER : ST_MSG_KEY_AT_OR_BEFORE, conv_id, conv_type,
                          p->last_msg_seq, NULL, start, &found);
        if (result != ERR_SUCC || !found) {
            *none = true;
            return result;
        }
        start->seq += p->forward ? -1 : 1; /* the start seq's message is on the page */
        started = true;
    }
    if (p->time_begin > 0) { /* the range's near end (1172), or the start message if it is further in */
        struct key at = {p->time_begin, p->forward ? 0 : INT64_MAX};
        if (!started || (p->forward ? key_compare(at, *start) > 0 : key_compare(at, *start) < 0)) *start = at;
        started = true;
    }
    if (!started) {
        *start = (struct key){INT64_MAX, INT64_MAX};
        *none = p->forward;
    }
    return result;
}

int store_msg_list(struct store *s, const char *conv_id, int conv_type, const struct msg_list_param *p, char **list) {
    *list = NULL;
    if (conv_type == kTIMConv_Group && p->seq_array != NULL) { /* 1174: the seqs asked for, first */
        sqlite3_stmt *st = bind_key(s, ST_MSG_LIST_SEQS, conv_id, conv_type);
        sqlite3_bind_text(st, 3, p->seq_array, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 4, p->forward ? 1 : -1);
        if (p->type_array != NULL) sqlite3_bind_text(st, 5, p->type_array, -1, SQLITE_STATIC);
        return query_text(s, st, list, "list messages");
    }
    struct key start;
    bool none = false;
    int result = page_start(s, conv_id, conv_type, p, &start, &none);
    if (result != ERR_SUCC) return result;
    if (none) {
        *list = strdup("[]");
        return *list != NULL ? ERR_SUCC : ERR_OUT_OF_MEMORY;
    }
    /* The range's far end: time_period seconds past time_begin, the page's way (0: no end). */
    int64_t far = p->forward ? INT64_MAX : INT64_MIN;
    if (p->time_begin > 0 && p->time_period > 0) {
        far = p->forward ? (p->time_period > INT64_MAX - p->time_begin ? INT64_MAX : p->time_begin + p->time_period)
                         : p->time_begin - p->time_period;
    }
    sqlite3_stmt *st = bind_key(s, p->forward ? ST_MSG_LIST_NEWER : ST_MSG_LIST, conv_id, conv_type);
    sqlite3_bind_int64(st, 3, p->count);
    sqlite3_bind_int64(st, 4, start.time);
    sqlite3_bind_int64(st, 5, start.seq);
    sqlite3_bind_int64(st, 6, far);
    if (p->type_array != NULL) sqlite3_bind_text(st, 7, p->type_array, -1, SQLITE_STATIC);
    return query_text(s, st, list, "list messages");
}

int store_msg_find_ids(struct store *s, const char *ids, char **list) {
    sqlite3_stmt *st = stmt(s, ST_MSG_FIND_IDS);
    sqlite3_bind_text(st, 1, ids, -1, SQLITE_STATIC);
    return query_text(s, st, list, "find messages");
}

int store_msg_find_locators(struct store *s, const char *conv_id, int conv_type, const char *locators, char **list) {
    sqlite3_stmt *st = bind_key(s, conv_type == kTIMConv_Group ? ST_MSG_FIND_SEQ_LOCATORS : ST_MSG_FIND_TIME_LOCATORS,
                                conv_id, conv_type);
    sqlite3_bind_text(st, 3, locators, -1, SQLITE_STATIC);
    return query_text(s, st, list, "find messages");
}
