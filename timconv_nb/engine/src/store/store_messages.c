/* The store's messages: sending, receiving (and the inbox other processes deliver into), and
 * marking read (see store.h; the history's pages are store_history.c's). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "TIMCloudDef.h"
#include "store/store_internal.h"
#include "util/sql_text.h"

/* Builds the copy of message `body` this store keeps (*stored) and its summary (*summary). */
static int build_message(struct store *s, int conv_type, const char *conv_id, const struct message_body *body,
                         const struct message_fields *f, bool from_self, int64_t seq, char **stored, char **summary) {
    sqlite3_stmt *st = stmt(s, ST_MSG_BUILD);
    sqlite3_bind_text(st, 1, from_self ? body->base : body->peer_base, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, conv_id, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 3, conv_type);
    sqlite3_bind_text(st, 4, f->sender, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 5, from_self ? 1 : 0);
    sqlite3_bind_int64(st, 6, (sqlite3_int64)f->now);
    sqlite3_bind_text(st, 7, f->msg_id, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 8, seq);
    sqlite3_bind_int64(st, 9, f->rand);
    sqlite3_bind_int64(st, 10, (sqlite3_int64)f->unique_id);
    sqlite3_bind_int(st, 11, body->excluded_from_unread ? 1 : 0);
    sqlite3_bind_text(st, 12, body->elems, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 13, body->given);
    int result = ERR_SUCC;
    if (sqlite3_step(st) == SQLITE_ROW) {
        bool oom = false;
        *stored = sql_text_copy(st, 0, &oom);
        *summary = sql_text_copy(st, 1, &oom);
        if (*stored == NULL || *summary == NULL) result = ERR_OUT_OF_MEMORY;
    } else {
        result = fail(s, "build message");
    }
    stmt_done(st);
    return result;
}

/* Records message `body` in conversation (conv_type, conv_id), creating or activating it. */
static int record_message(struct store *s, int conv_type, const char *conv_id, const struct message_body *body,
                          const struct message_fields *f, bool from_self, bool *created, char **stored) {
    *stored = NULL;
    *created = false;
    int64_t order = 0, seq = 0;
    char *summary = NULL;
    int result = ERR_SUCC;
    if (!f->online) { /* an online message changes nothing stored: it is only built */
        sqlite3_stmt *exists = bind_key(s, ST_CONV_EXISTS, conv_id, conv_type);
        int rc = sqlite3_step(exists);
        *created = rc == SQLITE_DONE;
        stmt_done(exists);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) return fail(s, "read conversation");
        result = next_active_order(s, &order);
    }
    if (result == ERR_SUCC && !f->online && f->seq > 0) {
        seq = f->seq; /* the group's seq, the same in every member's store */
    } else if (result == ERR_SUCC && !f->online) {
        result = query_int(s, bind_key(s, ST_NEXT_SEQ, conv_id, conv_type), &seq, "next message seq");
    }
    if (result == ERR_SUCC) result = build_message(s, conv_type, conv_id, body, f, from_self, seq, stored, &summary);
    if (result == ERR_SUCC && !f->online) {
        sqlite3_stmt *st = bind_key(s, ST_MSG_INSERT, conv_id, conv_type);
        sqlite3_bind_int64(st, 3, seq);
        sqlite3_bind_text(st, 4, *stored, -1, SQLITE_STATIC);
        result = exec_stmt(s, st, "store message");
    }
    if (result == ERR_SUCC && !f->online) {
        sqlite3_stmt *st = bind_key(s, ST_CONV_RECORD_MSG, conv_id, conv_type);
        sqlite3_bind_int64(st, 3, (sqlite3_int64)f->now);
        sqlite3_bind_int64(st, 4, order);
        sqlite3_bind_int(st, 5, body->excluded_from_last ? 1 : 0);
        if (f->group_name != NULL) {
            sqlite3_bind_text(st, 6, f->group_name, -1, SQLITE_STATIC);
            sqlite3_bind_int(st, 7, f->group_type);
        }
        sqlite3_bind_text(st, 8, *stored, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 9, from_self ? 0 : 1);
        sqlite3_bind_text(st, 10, summary, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 11, body->excluded_from_unread ? 1 : 0);
        if (f->group_face_url != NULL) sqlite3_bind_text(st, 12, f->group_face_url, -1, SQLITE_STATIC);
        result = exec_stmt(s, st, "record the message in its conversation");
    }
    if (result == ERR_SUCC && !f->online && !from_self && conv_type == kTIMConv_Group) {
        sqlite3_stmt *st = bind_key(s, ST_CONV_RECORD_AT, conv_id, conv_type);
        sqlite3_bind_text(st, 3, *stored, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 4, seq);
        result = exec_stmt(s, st, "record the @ information");
    }
    free(summary);
    if (result != ERR_SUCC) {
        free(*stored);
        *stored = NULL;
    }
    return result;
}

int store_msg_send(struct store *s, const char *conv_id, int conv_type, const struct message_body *body,
                   const struct message_fields *f, bool *created, char **sent, char **info) {
    *sent = NULL;
    if (info != NULL) *info = NULL;
    /* record_message, after its first write, fails only as SQLite does (or on a seq already taken,
     * which only a store out of step with the group registry could give) */
    int result = begin_lean(s);
    if (result != ERR_SUCC) return result;
    result = record_message(s, conv_type, conv_id, body, f, true, created, sent);
    if (result == ERR_SUCC && !f->online && info != NULL) result = conv_info(s, conv_id, conv_type, info);
    result = finish(s, result);
    if (result != ERR_SUCC) {
        free(*sent);
        *sent = NULL;
        if (info != NULL) {
            free(*info);
            *info = NULL;
        }
    }
    return result;
}

int to_inbox(struct store *s, const char *conv_id, int conv_type, bool created, const char *json, int kind) {
    sqlite3_stmt *st = bind_key(s, ST_INBOX_INSERT, conv_id, conv_type);
    sqlite3_bind_int(st, 3, created ? 1 : 0);
    sqlite3_bind_text(st, 4, json, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 5, kind);
    return exec_stmt(s, st, "announce delivery");
}

int store_msg_receive(struct store *s, const char *conv_id, int conv_type, const struct message_body *body,
                      const struct message_fields *f) {
    int result = begin_lean(s); /* as store_msg_send */
    if (result != ERR_SUCC) return result;
    bool known = true;
    if (result == ERR_SUCC) { /* kTIMRecvMsgOpt_Not_Receive: the message never arrives */
        int64_t opt = 0;
        result = query_int(s, bind_key(s, ST_RECV_OPT_OF, conv_id, conv_type), &opt, "read receive option");
        known = opt != kTIMRecvMsgOpt_Not_Receive;
    }
    if (result == ERR_SUCC && known) {
        bool created = false;
        char *stored = NULL;
        result = record_message(s, conv_type, conv_id, body, f, false, &created, &stored);
        if (result == ERR_SUCC) result = to_inbox(s, conv_id, conv_type, created, stored, INBOX_MESSAGE);
        free(stored);
    }
    return finish(s, result);
}

/* Marks a conversation's messages read up to `upto` (0: all; see ST_MSG_CLEAN_UNREAD) inside an
 * open transaction; *changed tells whether its unread count changed. */
/* Advances the read position of a conversation to upto (0: its latest message); *moved tells. */
static int advance_read_position(struct store *s, const char *conv_id, int conv_type, uint64_t upto, uint64_t now,
                                 bool *moved) {
    sqlite3_stmt *st = bind_key(s, conv_type == kTIMConv_C2C ? ST_CONV_READ_TIMESTAMP : ST_CONV_READ_SEQUENCE, conv_id,
                                conv_type);
    sqlite3_bind_int64(st, 3, (sqlite3_int64)upto);
    sqlite3_bind_int64(st, 4, (sqlite3_int64)now);
    int result = exec_stmt(s, st, "advance read position");
    *moved = result == ERR_SUCC && sqlite3_changes(s->db) > 0;
    return result;
}

static int clean_unread(struct store *s, const char *conv_id, int conv_type, uint64_t upto, uint64_t now,
                        bool *changed) {
    bool moved = false;
    int result = advance_read_position(s, conv_id, conv_type, upto, now, &moved);
    int64_t marked = 0;
    if (upto != 0) {
        sqlite3_stmt *st = bind_key(s, ST_MSG_CLEAN_UNREAD, conv_id, conv_type);
        sqlite3_bind_int64(st, 3, (sqlite3_int64)upto);
        result = exec_stmt(s, st, "mark messages read");
        marked = sqlite3_changes(s->db);
    }
    if (result == ERR_SUCC && conv_type == kTIMConv_Group) {
        sqlite3_stmt *st = bind_key(s, ST_CONV_CLEAR_AT, conv_id, conv_type);
        sqlite3_bind_int64(st, 3, (sqlite3_int64)upto);
        result = exec_stmt(s, st, "clear the @ information");
        moved = moved || (result == ERR_SUCC && sqlite3_changes(s->db) > 0);
    }
    bool unread_changed = false;
    if (result == ERR_SUCC) {
        sqlite3_stmt *st = bind_key(s, ST_CONV_CLEAN_UNREAD, conv_id, conv_type);
        sqlite3_bind_int64(st, 3, (sqlite3_int64)upto);
        sqlite3_bind_int64(st, 4, marked);
        result = exec_stmt(s, st, "mark conversation read");
        unread_changed = result == ERR_SUCC && sqlite3_changes(s->db) > 0;
    }
    *changed = unread_changed || moved;
    /* Marking all: the messages only when there was something unread (most calls find nothing). */
    if (result == ERR_SUCC && upto == 0 && unread_changed) {
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
        if (!sql_text_into(keys, 1, grown[*count].id, sizeof grown[*count].id)) {
            result = ERR_OUT_OF_MEMORY;
            break;
        }
        (*count)++;
    }
    if (result == ERR_SUCC && rc != SQLITE_DONE) result = fail(s, "find unread conversations");
    stmt_done(keys);
    return result;
}

int store_clean_unread(struct store *s, int conv_type, const char *conv_id, uint64_t clean_timestamp,
                       uint64_t clean_sequence, uint64_t now, char **infos) {
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
        result = clean_unread(s, list[i].id, list[i].type, upto, now, &changed);
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

int store_inbox_reset(struct store *s) { return exec_stmt(s, stmt(s, ST_INBOX_CLEAR), "clear inbox"); }

int store_inbox_trim(struct store *s, int64_t announced) {
    sqlite3_stmt *st = stmt(s, ST_INBOX_TRIM);
    sqlite3_bind_int64(st, 1, announced);
    sqlite3_busy_timeout(s->db, 0); /* the worker's poll never waits for another process */
    int rc = sqlite3_step(st);
    stmt_done(st);
    sqlite3_busy_timeout(s->db, STORE_BUSY_TIMEOUT_MS);
    return rc == SQLITE_DONE || (rc & 0xff) == SQLITE_BUSY ? ERR_SUCC : fail(s, "trim inbox");
}

void inbox_news_clear(struct inbox_news *news) {
    free(news->messages);
    free(news->added);
    free(news->updated);
    free(news->tips);
    free(news->revoked);
    free(news->modified);
    *news = (struct inbox_news){0};
}

int store_inbox_since(struct store *s, int64_t *last_id, struct inbox_news *news) {
    *news = (struct inbox_news){0};
    sqlite3_stmt *st = stmt(s, ST_INBOX_SINCE);
    sqlite3_bind_int64(st, 1, *last_id);
    int result = ERR_SUCC;
    if (sqlite3_step(st) == SQLITE_ROW) {
        *last_id = sqlite3_column_int64(st, 0);
        char **out[] = {&news->messages, &news->added, &news->updated, &news->tips, &news->revoked, &news->modified};
        for (int i = 0; i < 6; i++) {
            bool oom = false;
            *out[i] = sql_text_copy(st, i + 1, &oom);
            if (*out[i] == NULL) result = ERR_OUT_OF_MEMORY;
        }
    } else {
        result = fail(s, "read inbox");
    }
    stmt_done(st);
    if (result != ERR_SUCC) inbox_news_clear(news);
    return result;
}
