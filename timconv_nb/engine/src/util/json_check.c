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
#include "util/text.h"
#include "util/sql_text.h"

enum check_kind {
    CHECK_DRAFT,
    CHECK_CONV_INFO_PARAM,
    CHECK_SDK_CONFIG,
    CHECK_MESSAGE,
    CHECK_PREPARE_MESSAGE,
    CHECK_FILTER,
    CHECK_ID_ARRAY,
    CHECK_ARRAY_HAS,
    CHECK_MSG_LIST_PARAM,
    CHECK_USERSIG,
    CHECK_EXPERIMENTAL,
    CHECK_ARRAY_OF,
    CHECK_READ_MESSAGE,
    CHECK_GROUP_CREATE,
    CHECK_MEMBER_PARAM,
    CHECK_MSG_REF,
    CHECK_DELETE_PARAM,
    CHECK_MSG_ARRAY,
    CHECK_OBJECT_OF,
    CHECK_PROFILE_LIST_PARAM,
    CHECK_OBJECT,
    CHECK_COUNT
};

/* A Message's element array: objects, each with an integer elem_type. ?1 is the JSON, the
 * path is spliced in as a literal below. */
#define ELEMS_OK(path)                                                                 \
    " json_type(?1, '" path "') = 'array'"                                             \
    " AND NOT EXISTS (SELECT 1 FROM json_each(?1, '" path "')"                        \
    "   WHERE type <> 'object' OR json_type(value, '$.elem_type') IS NOT 'integer')"

/* The members of a Message the SDK sets on each copy (removed from what the caller gave). */
#define SDK_MEMBERS                                                                                    \
    "'$.message_conv_id', '$.message_conv_type', '$.message_sender', '$.message_server_time',"        \
    " '$.message_is_from_self', '$.message_is_read', '$.message_status', '$.message_msg_id',"          \
    " '$.message_seq', '$.message_rand', '$.message_unique_id', '$.message_is_peer_read',"             \
    " '$.message_is_online_msg'"

/* What storing a Message needs of it (json_check.h, struct message_body), read once here so that
 * each store's copy is written without parsing it again: whether it is excluded from being the
 * last message and from the unread count, which of the members that default when absent it
 * gives (the `given` bits json_check.h lays out), the Message without the members the SDK sets,
 * its elements, and the same without its custom fields, as the other users' copies start. */
#define MESSAGE_PARTS                                                                                        \
    " CASE WHEN json_valid(?1) THEN"                                                                         \
    "  CASE WHEN coalesce(json_extract(?1, '$.message_excluded_from_last_message'), 0) THEN 1 ELSE 0 END END," \
    " CASE WHEN json_valid(?1) THEN"                                                                         \
    "  CASE WHEN coalesce(json_extract(?1, '$.message_is_excluded_from_unread_count'), 0) THEN 1 ELSE 0 END END," \
    " CASE WHEN json_valid(?1) THEN (json_type(?1, '$.message_client_time') IS NOT NULL)"                   \
    "  + 2 * (json_type(?1, '$.message_priority') IS NOT NULL) + 4 * (json_type(?1, '$.message_platform') IS NOT NULL)" \
    "  + 8 * (json_type(?1, '$.message_custom_str') IS NOT NULL)"                                           \
    "  + 16 * (json_type(?1, '$.message_custom_int') IS NOT NULL) END,"                                     \
    " CASE WHEN json_valid(?1) THEN json_remove(?1, " SDK_MEMBERS ") END,"                                  \
    " CASE WHEN json_valid(?1) THEN json_extract(?1, '$.message_elem_array') END,"                          \
    " CASE WHEN json_valid(?1) THEN"                                                                         \
    "  json_remove(?1, " SDK_MEMBERS ", '$.message_custom_str', '$.message_custom_int') END"

/* Each query yields 1 in its first column when ?1 has the right shape. CASE guards every
 * json_* call behind json_valid, since those raise an error on malformed text. */
static const char *const check_sql[CHECK_COUNT] = {
    [CHECK_DRAFT] =
        "SELECT CASE WHEN json_valid(?1) THEN"
        " json_type(?1) = 'object'"
        " AND json_type(?1, '$.draft_msg') = 'object'"
        " AND" ELEMS_OK("$.draft_msg.message_elem_array")
        " AND coalesce(json_type(?1, '$.draft_user_define'), 'text') = 'text'"
        " AND coalesce(json_type(?1, '$.draft_edit_time'), 'integer') = 'integer'"
        " AND coalesce(json_extract(?1, '$.draft_edit_time'), 0) >= 0"
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
        " AND coalesce(json_type(?1, '$.timconv_secret_key'), 'text') = 'text'"
        " ELSE 0 END,"
        " CASE WHEN json_valid(?1) THEN json_extract(?1, '$.sdk_config_config_file_path') END,"
        " CASE WHEN json_valid(?1) THEN json_extract(?1, '$.sdk_config_log_file_path') END,"
        " CASE WHEN json_valid(?1) THEN json_extract(?1, '$.timconv_secret_key') END",
    /* Columns: ok, whether it is an online message, then MESSAGE_PARTS. */
    [CHECK_MESSAGE] =
        "SELECT CASE WHEN json_valid(?1) THEN"
        " json_type(?1) = 'object' AND" ELEMS_OK("$.message_elem_array")
        /* a member named twice: SQLite reads the first, most parsers the last (a forged sender) */
        " AND NOT EXISTS (SELECT 1 FROM json_each(?1) GROUP BY key HAVING count(*) > 1)"
        " AND json_array_length(?1, '$.message_elem_array') > 0"
        /* TIMMessageManager.h 778: group tips and reports come only from the server */
        " AND NOT EXISTS (SELECT 1 FROM json_each(?1, '$.message_elem_array') WHERE json_extract(value, '$.elem_type') IN (5, 8))"
        " AND coalesce(json_type(?1, '$.message_is_online_msg'), 'false') IN ('true', 'false')"
        " AND coalesce(json_type(?1, '$.message_group_at_user_array'), 'array') = 'array'"
        " AND NOT EXISTS (SELECT 1 FROM json_each(?1, '$.message_group_at_user_array') WHERE type <> 'text')"
        " ELSE 0 END,"
        " CASE WHEN json_valid(?1) THEN json_type(?1, '$.message_is_online_msg') = 'true' END," MESSAGE_PARTS,
    /* The same parts of a Message the engine made itself (a group notice). */
    [CHECK_PREPARE_MESSAGE] = "SELECT CASE WHEN json_valid(?1) THEN json_type(?1) = 'object' ELSE 0 END, 0," MESSAGE_PARTS,
    /* Columns: ok, conv_type, has_unread (-1 absent), mark present, mark_type (an integer token
     * past 2^63 - 1, read as a real by SQLite, is 2^63: the only mark there), has_group_at_info (-1
     * absent), group (NULL absent). */
    [CHECK_FILTER] =
        "SELECT CASE WHEN json_valid(?1) THEN"
        " json_type(?1) = 'object'"
        " AND coalesce(json_type(?1, '$.conversation_list_filter_conv_type'), 'integer') = 'integer'"
        " AND coalesce(json_extract(?1, '$.conversation_list_filter_conv_type'), 0) IN (0, 1, 2)"
        " AND coalesce(json_type(?1, '$.conversation_list_filter_has_unread_count'), 'false') IN ('true', 'false')"
        " AND coalesce(json_type(?1, '$.conversation_list_filter_mark_type'), 'integer') = 'integer'"
        " AND coalesce(json_extract(?1, '$.conversation_list_filter_mark_type'), 0) BETWEEN 0 AND 9223372036854775808.0"
        " AND coalesce(json_type(?1, '$.conversation_list_filter_conversation_group'), 'text') = 'text'"
        " AND coalesce(json_type(?1, '$.conversation_list_filter_has_group_at_info'), 'false') IN ('true', 'false')"
        " ELSE 0 END,"
        " CASE WHEN json_valid(?1) THEN coalesce(json_extract(?1, '$.conversation_list_filter_conv_type'), 0) END,"
        " CASE WHEN json_valid(?1) THEN coalesce(json_extract(?1, '$.conversation_list_filter_has_unread_count'), -1) END,"
        " CASE WHEN json_valid(?1) THEN json_type(?1, '$.conversation_list_filter_mark_type') IS NOT NULL END,"
        " CASE WHEN json_valid(?1) THEN CASE"
        "  WHEN typeof(json_extract(?1, '$.conversation_list_filter_mark_type')) = 'real' THEN -9223372036854775808"
        "  ELSE coalesce(json_extract(?1, '$.conversation_list_filter_mark_type'), 0) END END,"
        " CASE WHEN json_valid(?1) THEN coalesce(json_extract(?1, '$.conversation_list_filter_has_group_at_info'), -1) END,"
        " CASE WHEN json_valid(?1) THEN json_extract(?1, '$.conversation_list_filter_conversation_group') END",
    /* Columns: ok, length. */
    [CHECK_ID_ARRAY] =
        "SELECT CASE WHEN json_valid(?1) THEN"
        " json_type(?1) = 'array' AND NOT EXISTS (SELECT 1 FROM json_each(?1) WHERE type <> 'text')"
        " ELSE 0 END,"
        " CASE WHEN json_valid(?1) AND json_type(?1) = 'array' THEN json_array_length(?1) END",
    /* Columns: whether array ?1 holds the text ?2 (binds ?2: see json_array_has). */
    [CHECK_ARRAY_HAS] = "SELECT EXISTS (SELECT 1 FROM json_each(?1) WHERE type = 'text' AND value = ?2)",
    /* Columns: ok, count (default 20), seq of the message to start before (0: the newest). */
    [CHECK_MSG_LIST_PARAM] =
        "SELECT CASE WHEN json_valid(?1) THEN"
        " json_type(?1) = 'object'"
        " AND coalesce(json_type(?1, '$.msg_getmsglist_param_count'), 'integer') = 'integer'"
        " AND coalesce(json_extract(?1, '$.msg_getmsglist_param_count'), 20) BETWEEN 1 AND 1000000"
        " AND coalesce(json_type(?1, '$.msg_getmsglist_param_last_msg'), 'object') = 'object'"
        " AND coalesce(json_type(?1, '$.msg_getmsglist_param_last_msg.message_seq'), 'integer') = 'integer'"
        " ELSE 0 END,"
        " CASE WHEN json_valid(?1) THEN coalesce(json_extract(?1, '$.msg_getmsglist_param_count'), 20) END,"
        " CASE WHEN json_valid(?1) THEN coalesce(json_extract(?1, '$.msg_getmsglist_param_last_msg.message_seq'), 0) END",
    /* Columns: ok, sdkappid, expire, time, identifier, sig. */
    [CHECK_USERSIG] =
        "SELECT CASE WHEN json_valid(?1) THEN"
        " json_type(?1) = 'object' AND json_extract(?1, '$.\"TLS.ver\"') = '2.0'"
        " AND json_type(?1, '$.\"TLS.identifier\"') = 'text' AND json_type(?1, '$.\"TLS.sig\"') = 'text'"
        " AND json_type(?1, '$.\"TLS.sdkappid\"') = 'integer' AND json_type(?1, '$.\"TLS.expire\"') = 'integer'"
        " AND json_type(?1, '$.\"TLS.time\"') = 'integer'"
        " ELSE 0 END,"
        " CASE WHEN json_valid(?1) THEN json_extract(?1, '$.\"TLS.sdkappid\"') END,"
        " CASE WHEN json_valid(?1) THEN json_extract(?1, '$.\"TLS.expire\"') END,"
        " CASE WHEN json_valid(?1) THEN json_extract(?1, '$.\"TLS.time\"') END,"
        " CASE WHEN json_valid(?1) THEN json_extract(?1, '$.\"TLS.identifier\"') END,"
        " CASE WHEN json_valid(?1) THEN json_extract(?1, '$.\"TLS.sig\"') END",
    /* Columns: ok, message_server_time and message_seq (0 when absent) of the Message of a read
     * report. */
    [CHECK_READ_MESSAGE] =
        "SELECT CASE WHEN json_valid(?1) THEN"
        " json_type(?1) = 'object'"
        " AND coalesce(json_type(?1, '$.message_server_time'), 'integer') = 'integer'"
        " AND coalesce(json_extract(?1, '$.message_server_time'), 0) >= 0"
        " AND coalesce(json_type(?1, '$.message_seq'), 'integer') = 'integer'"
        " AND coalesce(json_extract(?1, '$.message_seq'), 0) >= 0"
        " ELSE 0 END,"
        " CASE WHEN json_valid(?1) THEN coalesce(json_extract(?1, '$.message_server_time'), 0) END,"
        " CASE WHEN json_valid(?1) THEN coalesce(json_extract(?1, '$.message_seq'), 0) END",
    /* A CreateGroupParam (TIMGroupManager.h 10.2): a name; the other keys of their types when present. */
    [CHECK_GROUP_CREATE] =
        "SELECT CASE WHEN json_valid(?1) THEN"
        " json_type(?1) = 'object' AND json_type(?1, '$.create_group_param_group_name') = 'text'"
        " AND coalesce(json_type(?1, '$.create_group_param_group_id'), 'text') = 'text'"
        " AND coalesce(json_type(?1, '$.create_group_param_group_type'), 'integer') = 'integer'"
        " AND coalesce(json_type(?1, '$.create_group_param_notification'), 'text') = 'text'"
        " AND coalesce(json_type(?1, '$.create_group_param_introduction'), 'text') = 'text'"
        " AND coalesce(json_type(?1, '$.create_group_param_face_url'), 'text') = 'text'"
        " AND coalesce(json_type(?1, '$.create_group_param_add_option'), 'integer') = 'integer'"
        " AND coalesce(json_type(?1, '$.create_group_param_max_member_num'), 'integer') = 'integer'"
        " AND coalesce(json_type(?1, '$.create_group_param_group_member_array'), 'array') = 'array'"
        " AND NOT EXISTS (SELECT 1 FROM json_each(?1, '$.create_group_param_group_member_array') WHERE type <> 'object'"
        "   OR json_type(value, '$.group_member_info_identifier') IS NOT 'text'"
        "   OR length(CAST(json_extract(value, '$.group_member_info_identifier') AS BLOB)) NOT BETWEEN 1 AND 127"
        "   OR coalesce(json_type(value, '$.group_member_info_member_role'), 'integer') <> 'integer')"
        " ELSE 0 END,"
        /* the name: checked as an id by the caller */
        " CASE WHEN json_valid(?1) THEN json_extract(?1, '$.create_group_param_group_name') END",
    /* A GroupGetMemberInfoListParam (12.2): the group id; user ids and a role flag when present. */
    [CHECK_MEMBER_PARAM] =
        "SELECT CASE WHEN json_valid(?1) THEN"
        " json_type(?1) = 'object' AND json_type(?1, '$.group_get_members_info_list_param_group_id') = 'text'"
        " AND coalesce(json_type(?1, '$.group_get_members_info_list_param_identifier_array'), 'array') = 'array'"
        " AND NOT EXISTS (SELECT 1 FROM json_each(?1, '$.group_get_members_info_list_param_identifier_array')"
        "   WHERE type <> 'text')"
        " AND coalesce(json_type(?1, '$.group_get_members_info_list_param_option'), 'object') = 'object'"
        " AND coalesce(json_type(?1, '$.group_get_members_info_list_param_option.group_member_get_info_option_role_flag'),"
        "   'integer') = 'integer'"
        " AND coalesce(json_type(?1, '$.group_get_members_info_list_param_next_seq'), 'integer') = 'integer'"
        " ELSE 0 END,"
        " CASE WHEN json_valid(?1) THEN json_extract(?1, '$.group_get_members_info_list_param_group_id') END",
    /* A Message that names a stored one: its message_msg_id. */
    [CHECK_MSG_REF] =
        "SELECT CASE WHEN json_valid(?1) THEN json_type(?1) = 'object' AND json_type(?1, '$.message_msg_id') = 'text'"
        " ELSE 0 END,"
        " CASE WHEN json_valid(?1) THEN json_extract(?1, '$.message_msg_id') END",
    /* A MsgDeleteParam (TIMMessageManager.h 8.5): the Message to delete, named by its id. */
    [CHECK_DELETE_PARAM] =
        "SELECT CASE WHEN json_valid(?1) THEN json_type(?1) = 'object'"
        " AND json_type(?1, '$.msg_delete_param_msg.message_msg_id') = 'text'"
        " AND coalesce(json_type(?1, '$.msg_delete_param_is_ramble'), 'false') IN ('true', 'false')"
        " ELSE 0 END,"
        " CASE WHEN json_valid(?1) THEN json_extract(?1, '$.msg_delete_param_msg.message_msg_id') END",
    /* A Message array naming stored messages. Columns: ok, length, the array of their ids. */
    [CHECK_MSG_ARRAY] =
        "SELECT CASE WHEN json_valid(?1) THEN json_type(?1) = 'array'"
        " AND NOT EXISTS (SELECT 1 FROM json_each(?1) WHERE type <> 'object' OR json_type(value, '$.message_msg_id') IS NOT 'text')"
        " ELSE 0 END,"
        " CASE WHEN json_valid(?1) AND json_type(?1) = 'array' THEN json_array_length(?1) END,"
        " CASE WHEN json_valid(?1) AND json_type(?1) = 'array' THEN"
        "  (SELECT json_group_array(json_extract(value, '$.message_msg_id')) FROM json_each(?1)) END",
    /* Column: a JSON object of the one key ?1 whose value is the text ?2 (see json_object_of). */
    [CHECK_OBJECT_OF] = "SELECT json_object(?1, ?2)",
    /* Column: a JSON array holding the text ?1 (see json_array_of). */
    [CHECK_ARRAY_OF] = "SELECT json_array(?1)",
    /* Columns: ok, UI platform (default 0), log level (default kTIMLog_Info), operation, log line. */
    [CHECK_EXPERIMENTAL] =
        "SELECT CASE WHEN json_valid(?1) THEN"
        " json_type(?1) = 'object' AND json_type(?1, '$.request_internal_operation') = 'text'"
        " AND coalesce(json_type(?1, '$.request_set_ui_platform_param'), 'integer') = 'integer'"
        " AND coalesce(json_type(?1, '$.request_write_log_log_level_param'), 'integer') = 'integer'"
        " AND coalesce(json_extract(?1, '$.request_write_log_log_level_param'), 4) BETWEEN 0 AND 7"
        " AND coalesce(json_type(?1, '$.request_write_log_log_content_param'), 'text') = 'text'"
        " ELSE 0 END,"
        " CASE WHEN json_valid(?1) THEN coalesce(json_extract(?1, '$.request_set_ui_platform_param'), 0) END,"
        " CASE WHEN json_valid(?1) THEN coalesce(json_extract(?1, '$.request_write_log_log_level_param'), 4) END,"
        " CASE WHEN json_valid(?1) THEN json_extract(?1, '$.request_internal_operation') END,"
        " CASE WHEN json_valid(?1) THEN coalesce(json_extract(?1, '$.request_write_log_log_content_param'), '') END",
    /* A FriendShipGetProfileListParam (TIMManager.h 8.1). Columns: ok, the number of ids, the ids. */
    [CHECK_PROFILE_LIST_PARAM] =
        "SELECT CASE WHEN json_valid(?1) THEN json_type(?1) = 'object'"
        " AND json_type(?1, '$.friendship_getprofilelist_param_identifier_array') = 'array'"
        " AND NOT EXISTS (SELECT 1 FROM json_each(?1, '$.friendship_getprofilelist_param_identifier_array')"
        "   WHERE type <> 'text')"
        " ELSE 0 END,"
        " CASE WHEN json_valid(?1) THEN json_array_length(?1, '$.friendship_getprofilelist_param_identifier_array') END,"
        " CASE WHEN json_valid(?1) THEN json_extract(?1, '$.friendship_getprofilelist_param_identifier_array') END",
    /* An object (its members checked where they are used). */
    [CHECK_OBJECT] = "SELECT CASE WHEN json_valid(?1) THEN json_type(?1) = 'object' ELSE 0 END",
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

int json_check_msg_list_param(const char *json, int64_t *count, int64_t *before_seq) {
    int64_t ints[2] = {20, 0};
    int code = run_check(CHECK_MSG_LIST_PARAM, json, ints, 2, NULL, 0);
    *count = ints[0];
    *before_seq = ints[1];
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

int json_check_msg_array(const char *json, int64_t *length, char **msg_ids) {
    *length = 0;
    *msg_ids = NULL;
    return run_check(CHECK_MSG_ARRAY, json, length, 1, msg_ids, 1);
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

int json_check_object(const char *json) { return run_check(CHECK_OBJECT, json, NULL, 0, NULL, 0); }
