/* JSON shape checks: see json_check.h.
 *
 * Lock discipline: `checker_lock` guards `checker` and its prepared statements; it is held
 * only for the duration of one check and never while taking another lock. */
#define _POSIX_C_SOURCE 200809L
#include "json_check.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "TIMCloudDef.h"
#include "text.h"

enum check_kind { CHECK_DRAFT, CHECK_CONV_INFO_PARAM, CHECK_SDK_CONFIG, CHECK_COUNT };

/* Each query yields 1 in its first column when ?1 has the right shape. CASE guards every
 * json_* call behind json_valid, since those raise an error on malformed text. */
static const char *const check_sql[CHECK_COUNT] = {
    [CHECK_DRAFT] =
        "SELECT CASE WHEN json_valid(?1) THEN"
        " json_type(?1) = 'object'"
        " AND json_type(?1, '$.draft_msg') = 'object'"
        " AND json_type(?1, '$.draft_msg.message_elem_array') = 'array'"
        " AND coalesce(json_type(?1, '$.draft_user_define'), 'text') = 'text'"
        " AND coalesce(json_type(?1, '$.draft_edit_time'), 'integer') = 'integer'"
        " AND coalesce(json_extract(?1, '$.draft_edit_time'), 0) >= 0"
        " AND NOT EXISTS (SELECT 1 FROM json_each(?1, '$.draft_msg.message_elem_array')"
        "   WHERE type <> 'object' OR json_type(value, '$.elem_type') IS NOT 'integer')"
        " ELSE 0 END",
    [CHECK_CONV_INFO_PARAM] =
        "SELECT CASE WHEN json_valid(?1) THEN"
        " json_type(?1) = 'array'"
        " AND NOT EXISTS (SELECT 1 FROM json_each(?1) WHERE type <> 'object'"
        "   OR json_type(value, '$.get_conversation_list_param_conv_id') IS NOT 'text'"
        "   OR json_type(value, '$.get_conversation_list_param_conv_type') IS NOT 'integer')"
        " ELSE 0 END",
    [CHECK_SDK_CONFIG] =
        "SELECT CASE WHEN json_valid(?1) THEN"
        " json_type(?1) = 'object'"
        " AND coalesce(json_type(?1, '$.sdk_config_config_file_path'), 'text') = 'text'"
        " AND coalesce(json_type(?1, '$.sdk_config_log_file_path'), 'text') = 'text'"
        " ELSE 0 END,"
        " CASE WHEN json_valid(?1) THEN json_extract(?1, '$.sdk_config_config_file_path') END,"
        " CASE WHEN json_valid(?1) THEN json_extract(?1, '$.sdk_config_log_file_path') END",
};

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
    if (sqlite3_column_type(stmt, col) == SQLITE_NULL) return NULL;
    char *copy = strdup((const char *)sqlite3_column_text(stmt, col));
    if (copy == NULL) *ok = 0;
    return copy;
}

static int run_check(enum check_kind kind, const char *json, char **col1, char **col2) {
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
        if (col1 != NULL) {
            int ok = 1;
            *col1 = copy_text_column(stmt, 1, &ok);
            *col2 = copy_text_column(stmt, 2, &ok);
            if (!ok) {
                free(*col1);
                free(*col2);
                *col1 = *col2 = NULL;
                result = TIM_ERR_PARAM;
            }
        }
    }
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    pthread_mutex_unlock(&checker_lock);
    return result;
}

int json_check_draft(const char *json) { return run_check(CHECK_DRAFT, json, NULL, NULL); }

int json_check_conv_info_param(const char *json) { return run_check(CHECK_CONV_INFO_PARAM, json, NULL, NULL); }

int json_check_sdk_config(const char *json, char **config_path, char **log_path) {
    *config_path = *log_path = NULL;
    /* SQLite cuts decoded strings at an escaped NUL, which would silently shorten a path. */
    if (strstr(json, "\\u0000") != NULL) return TIM_ERR_PARAM;
    return run_check(CHECK_SDK_CONFIG, json, config_path, log_path);
}
