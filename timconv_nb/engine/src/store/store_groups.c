/* Conversation groups and custom data in the store: see store.h. A conversation's groups are the
 * JSON array in its group_array column (in the order they were joined); conv_group lists the
 * groups that exist. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"

/* Whether conversation group `name` exists. */
static int group_exists(struct store *s, const char *name, bool *exists) {
    sqlite3_stmt *st = stmt(s, ST_GROUP_EXISTS);
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    int64_t count = 0;
    int result = query_int(s, st, &count, "find conversation group");
    *exists = count > 0;
    return result;
}

/* ERR_SVR_CONV_CONV_GROUP_NOT_EXIST (described) unless group `name` exists. */
static int require_group(struct store *s, const char *name) {
    bool exists = false;
    int result = group_exists(s, name, &exists);
    if (result == ERR_SUCC && !exists) {
        snprintf(s->error, sizeof s->error, "no conversation group %s", name);
        result = ERR_SVR_CONV_CONV_GROUP_NOT_EXIST;
    }
    return result;
}

/* The group being added to and how many conversations it holds so far. */
struct group_fill {
    const char *name;
    int64_t members;
};

static int op_add_to_group(struct store *s, const char *conv_id, int conv_type, const void *arg, char **info) {
    struct group_fill *fill = (struct group_fill *)arg; /* store_group_add's own, writable */
    sqlite3_stmt *in_group = bind_key(s, ST_CONV_IN_GROUP, conv_id, conv_type);
    sqlite3_bind_text(in_group, 3, fill->name, -1, SQLITE_STATIC);
    int64_t already = 0;
    int result = query_int(s, in_group, &already, "find conversation in group");
    if (result != ERR_SUCC) return result;
    if (already) return conv_info(s, conv_id, conv_type, info);
    if (fill->members >= STORE_GROUP_CONVS_MAX) {
        snprintf(s->error, sizeof s->error, "a conversation group holds at most %d conversations", STORE_GROUP_CONVS_MAX);
        return ERR_SVR_CONV_CONV_MARK_TOTAL_COUNT_EXCEED_LIMIT;
    }
    result = update_conv(s, ST_CONV_ADD_TO_GROUP, conv_id, conv_type, 0, fill->name, 0, info);
    if (result == ERR_SUCC) fill->members++;
    return result;
}

/* A conversation not in the group succeeds with *info NULL: nothing changed. */
static int op_remove_from_group(struct store *s, const char *conv_id, int conv_type, const void *group, char **info) {
    sqlite3_stmt *st = bind_key(s, ST_CONV_REMOVE_FROM_GROUP, conv_id, conv_type);
    sqlite3_bind_text(st, 3, group, -1, SQLITE_STATIC);
    int result = exec_stmt(s, st, "remove conversation from group");
    if (result != ERR_SUCC || sqlite3_changes(s->db) > 0) {
        return result == ERR_SUCC ? conv_info(s, conv_id, conv_type, info) : result;
    }
    char *unchanged = NULL;
    result = conv_info(s, conv_id, conv_type, &unchanged);
    if (result == ERR_SUCC && unchanged == NULL) result = ERR_INVALID_CONVERSATION;
    free(unchanged);
    return result;
}

int store_group_add(struct store *s, const char *name, bool create, const char *keys_json, char **results,
                    char **changed) {
    *results = *changed = NULL;
    size_t results_len = 0, changed_len = 0;
    int result = begin(s);
    if (result != ERR_SUCC) return result;
    int64_t groups = 0;
    bool exists = false;
    result = query_int(s, stmt(s, ST_GROUP_COUNT), &groups, "count conversation groups");
    if (result == ERR_SUCC) result = group_exists(s, name, &exists);
    if (result == ERR_SUCC && !create && !exists) {
        snprintf(s->error, sizeof s->error, "no conversation group %s", name);
        result = ERR_SVR_CONV_CONV_GROUP_NOT_EXIST;
    } else if (result == ERR_SUCC && create && exists) {
        snprintf(s->error, sizeof s->error, "conversation group %s exists", name);
        result = ERR_INVALID_PARAMETERS;
    } else if (result == ERR_SUCC && create && groups >= STORE_GROUPS_MAX) {
        snprintf(s->error, sizeof s->error, "at most %d conversation groups", STORE_GROUPS_MAX);
        result = ERR_SVR_CONV_CONV_GROUP_TOTAL_COUNT_EXCEED_LIMIT;
    }
    if (result == ERR_SUCC && create) {
        sqlite3_stmt *st = stmt(s, ST_GROUP_INSERT);
        sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
        result = exec_stmt(s, st, "create conversation group");
    }
    struct group_fill fill = {name, 0};
    if (result == ERR_SUCC) {
        sqlite3_stmt *st = stmt(s, ST_GROUP_MEMBER_COUNT);
        sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
        result = query_int(s, st, &fill.members, "count conversations in group");
    }
    if (result == ERR_SUCC) {
        result = batch_apply(s, keys_json, op_add_to_group, &fill, results, &results_len, changed, &changed_len);
    }
    if (result == ERR_SUCC && create && *changed == NULL) {
        /* The array is required and must not be empty (TIMConversationManager.h 770): a group starts
         * with a conversation, so a create that none of its conversations joined makes no group. */
        snprintf(s->error, sizeof s->error, "no conversation of the array could join %s: the group was not created", name);
        result = ERR_INVALID_PARAMETERS;
    }
    return close_batch(finish(s, result), results, changed);
}

int store_group_remove(struct store *s, const char *name, const char *keys_json, char **results, char **changed) {
    *results = *changed = NULL;
    size_t results_len = 0, changed_len = 0;
    int result = begin(s);
    if (result != ERR_SUCC) return result;
    result = require_group(s, name);
    if (result == ERR_SUCC) {
        result = batch_apply(s, keys_json, op_remove_from_group, name, results, &results_len, changed, &changed_len);
    }
    return close_batch(finish(s, result), results, changed);
}

int store_group_list(struct store *s, char **list) {
    return query_text(s, stmt(s, ST_GROUP_LIST), list, "list conversation groups");
}

int store_group_delete(struct store *s, const char *name, char **changed) {
    *changed = NULL;
    int result = begin(s);
    if (result != ERR_SUCC) return result;
    result = require_group(s, name);
    char *members = NULL, *results = NULL;
    size_t results_len = 0, changed_len = 0;
    if (result == ERR_SUCC) {
        sqlite3_stmt *st = stmt(s, ST_GROUP_MEMBER_KEYS);
        sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
        result = query_text(s, st, &members, "find conversations in group");
    }
    if (result == ERR_SUCC) {
        result = batch_apply(s, members, op_remove_from_group, name, &results, &results_len, changed, &changed_len);
    }
    if (result == ERR_SUCC) {
        sqlite3_stmt *st = stmt(s, ST_GROUP_DELETE);
        sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
        result = exec_stmt(s, st, "delete conversation group");
    }
    free(members);
    result = close_batch(finish(s, result), &results, changed);
    free(results);
    return result;
}

/* Runs statement `id` bound as (?1 old name, ?2 new name). */
static int exec_rename(struct store *s, enum stmt_id id, const char *old_name, const char *new_name) {
    sqlite3_stmt *st = stmt(s, id);
    sqlite3_bind_text(st, 1, old_name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, new_name, -1, SQLITE_STATIC);
    return exec_stmt(s, st, "rename conversation group");
}

int store_group_rename(struct store *s, const char *old_name, const char *new_name, char **changed) {
    *changed = NULL;
    int result = begin(s);
    if (result != ERR_SUCC) return result;
    result = require_group(s, old_name);
    bool taken = false;
    if (result == ERR_SUCC) result = group_exists(s, new_name, &taken);
    if (result == ERR_SUCC && taken) {
        snprintf(s->error, sizeof s->error, "conversation group %s exists", new_name);
        result = ERR_INVALID_PARAMETERS;
    }
    if (result == ERR_SUCC) result = exec_rename(s, ST_GROUP_RENAME, old_name, new_name);
    if (result == ERR_SUCC) result = exec_rename(s, ST_CONVS_RENAME_GROUP, old_name, new_name);
    if (result == ERR_SUCC) {
        sqlite3_stmt *st = stmt(s, ST_GROUP_MEMBER_INFOS);
        sqlite3_bind_text(st, 1, new_name, -1, SQLITE_STATIC);
        result = query_text(s, st, changed, "read conversations in group");
    }
    result = finish(s, result);
    if (result == ERR_SUCC && *changed != NULL && strcmp(*changed, "[]") == 0) {
        free(*changed);
        *changed = NULL;
    }
    if (result != ERR_SUCC) {
        free(*changed);
        *changed = NULL;
    }
    return result;
}

int store_op_custom_data(struct store *s, const char *conv_id, int conv_type, const void *custom_data, char **info) {
    return update_conv(s, ST_CONV_CUSTOM_DATA, conv_id, conv_type, 0, custom_data, 0, info);
}
