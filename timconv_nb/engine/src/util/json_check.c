/* JSON shape checks: see json_check.h.
 *
 * Lock discipline: `checker_lock` guards `checker` and its prepared statements; it is held
 * only for the duration of one check and never while taking another lock. */
#define _POSIX_C_SOURCE 200809L
#include "util/json_check.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "TIMCloudDef.h"
#include "util/json_check_sql.h"
#include "util/sql_text.h"
#include "util/text.h"

static pthread_mutex_t checker_lock = PTHREAD_MUTEX_INITIALIZER;
static sqlite3 *checker;
static sqlite3_stmt *checker_stmt[CHECK_COUNT];

static void close_locked(void) {
    for (int i = 0; i < CHECK_COUNT; i++) {
        sqlite3_finalize(checker_stmt[i]);
        checker_stmt[i] = NULL;
    }
    sqlite3_close(checker);
    checker = NULL;
}

int json_check_open(void) {
    int rc = 0;
    pthread_mutex_lock(&checker_lock);
    if (checker == NULL) {
        rc = sqlite3_open_v2(":memory:", &checker, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
        for (int i = 0; rc == SQLITE_OK && i < CHECK_COUNT; i++) {
            rc = sqlite3_prepare_v3(checker, check_sql[i], -1, SQLITE_PREPARE_PERSISTENT, &checker_stmt[i], NULL);
        }
        if (rc != SQLITE_OK) close_locked();
    }
    pthread_mutex_unlock(&checker_lock);
    return rc;
}

void json_check_close(void) {
    pthread_mutex_lock(&checker_lock);
    close_locked();
    pthread_mutex_unlock(&checker_lock);
}

/* Copies a text column into a malloc'd string; NULL for SQL NULL. *ok turns false when memory
 * runs out. */
static char *copy_text_column(sqlite3_stmt *stmt, int col, int *ok) {
    bool oom = false;
    char *copy = sql_text_copy(stmt, col, &oom);
    if (oom) *ok = 0;
    return copy;
}

/* Runs one check. On success, columns 1.. go to ints[] (integer columns) or texts[] (the
 * trailing text columns), as each check's comment lays them out. */
static int run_check(enum check_kind kind, const char *json, int64_t *ints, int n_ints, char **texts, int n_texts) {
    if (!text_is_utf8(json, strlen(json))) return TIM_ERR_JSON;
    int result = TIM_ERR_JSON;
    pthread_mutex_lock(&checker_lock);
    sqlite3_stmt *stmt = checker_stmt[kind];
    if (stmt == NULL) {
        pthread_mutex_unlock(&checker_lock);
        return TIM_ERR_SDKUNINIT;
    }
    if (sqlite3_bind_text(stmt, 1, json, -1, SQLITE_STATIC) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW &&
        sqlite3_column_int(stmt, 0) == 1) {
        result = TIM_SUCC;
        int ok = 1;
        for (int i = 0; i < n_ints; i++) ints[i] = sqlite3_column_int64(stmt, 1 + i);
        for (int i = 0; i < n_texts; i++) texts[i] = copy_text_column(stmt, 1 + n_ints + i, &ok);
        if (!ok) {
            for (int i = 0; i < n_texts; i++) free(texts[i]), texts[i] = NULL;
            result = TIM_ERR_PARAM;
        }
    }
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    pthread_mutex_unlock(&checker_lock);
    return result;
}

int json_check_draft(const char *json) { return run_check(CHECK_DRAFT, json, NULL, 0, NULL, 0); }

int json_check_conv_info_param(const char *json) { return run_check(CHECK_CONV_INFO_PARAM, json, NULL, 0, NULL, 0); }

/* Runs CHECK_MESSAGE or CHECK_PREPARE_MESSAGE into *body (cleared first). */
static int message_parts(enum check_kind kind, const char *json, struct message_body *body, bool *online) {
    *body = (struct message_body){0};
    int64_t ints[4] = {0, 0, 0, 0};
    char *texts[3] = {NULL, NULL, NULL};
    int code = run_check(kind, json, ints, 4, texts, 3);
    if (code == TIM_SUCC && (texts[0] == NULL || texts[1] == NULL || texts[2] == NULL)) { /* no element array */
        for (int i = 0; i < 3; i++) free(texts[i]);
        return TIM_ERR_JSON;
    }
    if (online != NULL) *online = ints[0] != 0;
    *body = (struct message_body){.base = texts[0], .elems = texts[1], .peer_base = texts[2],
                                  .excluded_from_last = ints[1] != 0, .excluded_from_unread = ints[2] != 0,
                                  .given = (int)ints[3]};
    return code;
}

int json_check_message(const char *json, bool *online, struct message_body *body) {
    return message_parts(CHECK_MESSAGE, json, body, online);
}

int json_prepare_message(const char *json, struct message_body *body) {
    return message_parts(CHECK_PREPARE_MESSAGE, json, body, NULL);
}

void message_body_clear(struct message_body *body) {
    free(body->base);
    free(body->elems);
    free(body->peer_base);
    *body = (struct message_body){0};
}

int json_check_sdk_config(const char *json, char **config_path, char **log_path, char **secret_key) {
    *config_path = *log_path = *secret_key = NULL;
    /* SQLite cuts decoded strings at an escaped NUL, which would silently shorten a path. */
    if (strstr(json, "\\u0000") != NULL) return TIM_ERR_PARAM;
    char *texts[3] = {NULL, NULL, NULL};
    int code = run_check(CHECK_SDK_CONFIG, json, NULL, 0, texts, 3);
    *config_path = texts[0];
    *log_path = texts[1];
    *secret_key = texts[2];
    return code;
}

int json_check_usersig(const char *json, int64_t *sdk_app_id, int64_t *expire, int64_t *issued, char **identifier,
                       char **signature) {
    int64_t ints[3] = {0, 0, 0};
    char *texts[2] = {NULL, NULL};
    int code = run_check(CHECK_USERSIG, json, ints, 3, texts, 2);
    *sdk_app_id = ints[0];
    *expire = ints[1];
    *issued = ints[2];
    *identifier = texts[0];
    *signature = texts[1];
    return code;
}

int json_check_filter(const char *json, int *conv_type, int *has_unread, bool *mark_set, uint64_t *mark_type,
                      int *has_group_at_info, char **group) {
    int64_t ints[5] = {0, -1, 0, 0, -1};
    *group = NULL;
    int code = run_check(CHECK_FILTER, json, ints, 5, group, 1);
    *conv_type = (int)ints[0];
    *has_unread = (int)ints[1];
    *mark_set = ints[2] != 0;
    *mark_type = (uint64_t)ints[3];
    *has_group_at_info = (int)ints[4];
    return code;
}

int json_check_id_array(const char *json, int64_t *length) {
    *length = 0;
    return run_check(CHECK_ID_ARRAY, json, length, 1, NULL, 0);
}

int json_check_msg_list_param(const char *json, struct msg_list_param *p) {
    int64_t ints[7] = {20, 0, 0, 0, 0, 0, 0};
    char *texts[3] = {NULL, NULL, NULL};
    int code = run_check(CHECK_MSG_LIST_PARAM, json, ints, 7, texts, 3);
    *p = (struct msg_list_param){.count = ints[0], .forward = ints[1] != 0, .given_seq = ints[2], .given_time = ints[3],
                                 .last_msg_seq = ints[4], .time_begin = ints[5], .time_period = ints[6],
                                 .msg_id = texts[0], .seq_array = texts[1], .type_array = texts[2]};
    return code;
}

int json_check_locator_array(const char *json) { return run_check(CHECK_LOCATOR_ARRAY, json, NULL, 0, NULL, 0); }

int json_check_group_attributes(const char *json) { return run_check(CHECK_GROUP_ATTRIBUTES, json, NULL, 0, NULL, 0); }

int json_check_group_counters(const char *json) { return run_check(CHECK_GROUP_COUNTERS, json, NULL, 0, NULL, 0); }

int json_check_search_param(const char *json, struct search_param *p) {
    int64_t ints[7] = {0};
    char *texts[4] = {NULL, NULL, NULL, NULL};
    int code = run_check(CHECK_SEARCH_PARAM, json, ints, 7, texts, 4);
    *p = (struct search_param){.match_all = ints[0] == 1, .conv_type = (int)ints[1], .time_position = ints[2],
                               .time_period = ints[3], .page_index = ints[4], .page_size = ints[5],
                               .keyword_count = ints[6], .keywords = texts[0], .senders = texts[1],
                               .types = texts[2], .conv_id = texts[3]};
    return code;
}

bool json_array_has(const char *json, const char *text) {
    bool has = false;
    pthread_mutex_lock(&checker_lock);
    sqlite3_stmt *stmt = checker_stmt[CHECK_ARRAY_HAS];
    if (stmt != NULL && sqlite3_bind_text(stmt, 1, json, -1, SQLITE_STATIC) == SQLITE_OK &&
        sqlite3_bind_text(stmt, 2, text, -1, SQLITE_STATIC) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW) {
        has = sqlite3_column_int(stmt, 0) == 1;
    }
    if (stmt != NULL) {
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
    }
    pthread_mutex_unlock(&checker_lock);
    return has;
}

int json_check_experimental(const char *json, int64_t *ui_platform, int *log_level, char **operation, char **log_line) {
    int64_t ints[2] = {0, 4};
    char *texts[2] = {NULL, NULL};
    int code = run_check(CHECK_EXPERIMENTAL, json, ints, 2, texts, 2);
    *ui_platform = ints[0];
    *log_level = (int)ints[1];
    *operation = texts[0];
    *log_line = texts[1];
    return code;
}

char *json_array_of(const char *text) {
    char *array = NULL;
    pthread_mutex_lock(&checker_lock);
    sqlite3_stmt *stmt = checker_stmt[CHECK_ARRAY_OF];
    if (stmt != NULL && sqlite3_bind_text(stmt, 1, text, -1, SQLITE_STATIC) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW) {
        bool oom = false;
        array = sql_text_copy(stmt, 0, &oom);
    }
    if (stmt != NULL) {
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
    }
    pthread_mutex_unlock(&checker_lock);
    return array;
}

int json_check_read_message(const char *json, int64_t *server_time, int64_t *seq) {
    int64_t ints[2] = {0, 0};
    int code = run_check(CHECK_READ_MESSAGE, json, ints, 2, NULL, 0);
    *server_time = ints[0];
    *seq = ints[1];
    return code;
}

int json_check_group_create(const char *json, char **name) {
    *name = NULL;
    return run_check(CHECK_GROUP_CREATE, json, NULL, 0, name, 1);
}

int json_check_member_param(const char *json, char **group_id) {
    *group_id = NULL;
    return run_check(CHECK_MEMBER_PARAM, json, NULL, 0, group_id, 1);
}

int json_check_msg_ref(const char *json, char **msg_id) {
    *msg_id = NULL;
    return run_check(CHECK_MSG_REF, json, NULL, 0, msg_id, 1);
}

int json_check_delete_param(const char *json, char **msg_id) {
    *msg_id = NULL;
    return run_check(CHECK_DELETE_PARAM, json, NULL, 0, msg_id, 1);
}

int json_check_local_messages(const char *json, bool array, int64_t *count) {
    *count = 1;
    return array ? run_check(CHECK_LOCAL_MESSAGES, json, count, 1, NULL, 0) : run_check(CHECK_LOCAL_MESSAGE, json, NULL, 0, NULL, 0);
}

int json_check_msg_array(const char *json, int64_t *length, char **msg_ids) {
    *length = 0;
    *msg_ids = NULL;
    return run_check(CHECK_MSG_ARRAY, json, length, 1, msg_ids, 1);
}

/* One field of json_check_fields (under checker_lock): TIM_SUCC, TIM_ERR_JSON, or TIM_ERR_PARAM
 * when the copy of its text runs out of memory. */
static int check_field_locked(const char *json, const struct json_field *f, char **text) {
    sqlite3_stmt *stmt = checker_stmt[CHECK_FIELD];
    sqlite3_bind_text(stmt, 1, json, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 2, f->path, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 3, f->types, -1, SQLITE_STATIC);
    sqlite3_bind_int(stmt, 4, f->required ? 1 : 0);
    int result = TIM_ERR_JSON, ok = 1;
    if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_int(stmt, 0) == 1) {
        result = TIM_SUCC;
        if (text != NULL) *text = copy_text_column(stmt, 1, &ok);
        if (!ok) result = TIM_ERR_PARAM;
    }
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    return result;
}

int json_check_fields(const char *json, const struct json_field *fields, size_t count, char **first_text) {
    if (first_text != NULL) *first_text = NULL;
    if (!text_is_utf8(json, strlen(json))) return TIM_ERR_JSON;
    pthread_mutex_lock(&checker_lock);
    sqlite3_stmt *is_object = checker_stmt[CHECK_IS_OBJECT];
    if (is_object == NULL) {
        pthread_mutex_unlock(&checker_lock);
        return TIM_ERR_SDKUNINIT;
    }
    sqlite3_bind_text(is_object, 1, json, -1, SQLITE_STATIC);
    int result = sqlite3_step(is_object) == SQLITE_ROW && sqlite3_column_int(is_object, 0) == 1 ? TIM_SUCC : TIM_ERR_JSON;
    sqlite3_reset(is_object);
    sqlite3_clear_bindings(is_object);
    for (size_t i = 0; result == TIM_SUCC && i < count; i++) {
        result = check_field_locked(json, &fields[i], i == 0 ? first_text : NULL);
    }
    pthread_mutex_unlock(&checker_lock);
    if (result != TIM_SUCC && first_text != NULL) {
        free(*first_text);
        *first_text = NULL;
    }
    return result;
}

char *json_object_of(const char *key, const char *text) {
    char *object = NULL;
    pthread_mutex_lock(&checker_lock);
    sqlite3_stmt *stmt = checker_stmt[CHECK_OBJECT_OF];
    if (stmt != NULL && sqlite3_bind_text(stmt, 1, key, -1, SQLITE_STATIC) == SQLITE_OK &&
        sqlite3_bind_text(stmt, 2, text, -1, SQLITE_STATIC) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW) {
        bool oom = false;
        object = sql_text_copy(stmt, 0, &oom);
    }
    if (stmt != NULL) {
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
    }
    pthread_mutex_unlock(&checker_lock);
    return object;
}

int json_check_profile_list_param(const char *json, int64_t *count, char **ids) {
    *count = 0;
    *ids = NULL;
    return run_check(CHECK_PROFILE_LIST_PARAM, json, count, 1, ids, 1);
}

int json_check_object(const char *json) { return run_check(CHECK_IS_OBJECT, json, NULL, 0, NULL, 0); }
