/* Users' profiles in the group registry's database: see registry_profiles.h. Its own table and
 * statements (every one binding its parameters); the connection, transactions and helpers are
 * the registry's (registry_internal.h). Worker thread only. */
#include "store/registry_profiles.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "TIMCloud.h"
#include "store/registry_friends.h"
#include "store/registry_internal.h"
#include "store/store_internal.h"
#include "util/sql_text.h"

/* Changes take the next value of one counter; the index finds the latest and those past a value. */
const char registry_profiles_schema_sql[] =
    "CREATE TABLE IF NOT EXISTS im_profile ("
    " user_id TEXT PRIMARY KEY,"
    " nick_name TEXT NOT NULL DEFAULT '',"
    " gender INTEGER NOT NULL DEFAULT 0," /* TIMGenderType */
    " face_url TEXT NOT NULL DEFAULT '',"
    " self_signature TEXT NOT NULL DEFAULT '',"
    " add_permission INTEGER NOT NULL DEFAULT 0," /* TIMProfileAddPermission */
    " location TEXT NOT NULL DEFAULT '',"
    " language INTEGER NOT NULL DEFAULT 0,"
    " birthday INTEGER NOT NULL DEFAULT 0,"
    " level INTEGER NOT NULL DEFAULT 0,"
    " role INTEGER NOT NULL DEFAULT 0,"
    " custom TEXT NOT NULL DEFAULT '{}'," /* a JSON object: Tag_Profile_Custom_<key> -> value */
    " change_seq INTEGER NOT NULL) WITHOUT ROWID;"
    "CREATE INDEX IF NOT EXISTS im_profile_change ON im_profile (change_seq);"
    /* Who subscribed to whose profile (kind 0) or status (kind 1): kept with the user, as the
     * vendor's server keeps them; sub_order rises with each, so the oldest go first past 200. */
    "CREATE TABLE IF NOT EXISTS im_subscription ("
    " subscriber TEXT NOT NULL,"
    " kind INTEGER NOT NULL,"
    " target TEXT NOT NULL,"
    " sub_order INTEGER NOT NULL,"
    " PRIMARY KEY (subscriber, kind, target)) WITHOUT ROWID;"
    /* Users' statuses (TIMManager.h 8.2): the custom status, and whether the user is logged in (a
     * login, until a TIMLogout): online is not kept here but read from the user's presence mark
     * (store/presence.h), which the kernel drops with a process that dies, so a user logged in
     * without a process holding the login is offline. */
    "CREATE TABLE IF NOT EXISTS im_user_status ("
    " user_id TEXT PRIMARY KEY,"
    " custom_status TEXT NOT NULL DEFAULT '',"
    " logged_in INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;";

enum profile_stmt {
    P_LIST,
    P_BAD_ID,
    P_CHECK,
    P_ENSURE,
    P_APPLY,
    P_ONE,
    P_SEQ,
    P_NEWS,
    P_FACES,
    P_SUBSCRIBE,
    P_SUBSCRIBE_TRIM,
    P_UNSUBSCRIBE,
    P_STATUSES,
    P_STATUS_TARGETS,
    P_STATUS_CHANGES,
    P_STATUS_CHECK,
    P_STATUS_SET,
    P_LOGGED_IN,
    P_COUNT
};
/* TEXT_ID_MAX (util/text.h) as SQL text. */
#define TEXT_ID_MAX_TEXT "127"
_Static_assert(TEXT_ID_MAX == 127, "TEXT_ID_MAX_TEXT is TEXT_ID_MAX");
_Static_assert(P_COUNT <= REGISTRY_PROFILE_STMTS, "registry_internal.h keeps room for every profile statement");

/* What a C2C conversation of viewer's with user `id` (im_profile row p) shows
 * (TIMConversationManager.h 959-961): the viewer's friend remark, else the nickname, else the id. */
#define PEER_SHOW_NAME(viewer, id) "coalesce(" FRIEND_REMARK(viewer, id) ", nullif(p.nick_name, ''), " id ")"

/* The items of a UserProfileItem (8.4) by the type of their values. */
#define TEXT_ITEMS \
    "'user_profile_item_nick_name', 'user_profile_item_face_url', 'user_profile_item_self_signature'," \
    " 'user_profile_item_location'"
#define NUMBER_ITEMS \
    "'user_profile_item_gender', 'user_profile_item_add_permission', 'user_profile_item_language'," \
    " 'user_profile_item_birthday', 'user_profile_item_level', 'user_profile_item_role'"
#define CUSTOM_ITEM "'user_profile_item_custom_string_array'"

/* A custom key without the Tag_Profile_Custom_ prefix (19 bytes), which the SDK adds when it is
 * missing (TIMManager.h 539). */
#define BARE_KEY(k) "CASE WHEN substr(" k ", 1, 19) = 'Tag_Profile_Custom_' THEN substr(" k ", 20) ELSE " k " END"
#define CUSTOM_KEY "json_extract(value, '$.user_profile_custom_string_info_key')"
#define CUSTOM_VALUE "json_extract(value, '$.user_profile_custom_string_info_value')"

/* A TIMUserStatus (TIMManager.h 8.2) of user `id`, its im_user_status row s, and whether a process
 * holds its login (`online`): online, else offline while logged in, else not logged in (1.4). The
 * local engine names no devices. */
#define USER_STATUS(id, online)                                                                          \
    "json_object('user_status_identifier', " id ", 'user_status_status_type', CASE WHEN " online        \
    " THEN 1 WHEN coalesce(s.logged_in, 0) THEN 2 ELSE 3 END,"                                           \
    " 'user_status_custom_status', coalesce(s.custom_status, ''), 'user_status_online_devices', json_array())"

static const char *const profile_sql[P_COUNT] = {
    /* ?1 a JSON array of user ids */
    [P_LIST] =
        "SELECT json_group_array(json(profile)) FROM (SELECT " USER_PROFILE("q.value") " AS profile"
        " FROM json_each(?1) AS q LEFT JOIN im_profile AS p ON p.user_id = q.value ORDER BY q.key)",
    /* ?1 a JSON array of strings: the first that is not a user id */
    [P_BAD_ID] =
        "SELECT value FROM json_each(?1) WHERE length(CAST(value AS BLOB)) NOT BETWEEN 1 AND " TEXT_ID_MAX_TEXT " LIMIT 1",
    /* The first thing wrong with UserProfileItem ?1, as (code, the item it concerns), in the order
     * a caller fixes them: nothing to change, a value of the wrong type (TIMErrorCode.h 246), a
     * value its field does not take (245), a value too long (244), a custom key (103). No row: it
     * is right. */
    [P_CHECK] =
        "SELECT code, what FROM ("
        " SELECT 40001 AS code, 'no item of UserProfileItem to change' AS what, 0 AS rank"
        "  WHERE NOT EXISTS (SELECT 1 FROM json_each(?1) WHERE key IN (" TEXT_ITEMS ", " NUMBER_ITEMS ", " CUSTOM_ITEM "))"
        " UNION ALL SELECT 40610, key || ' must be a string', 1 FROM json_each(?1)"
        "  WHERE key IN (" TEXT_ITEMS ") AND type <> 'text'"
        " UNION ALL SELECT 40610, key || ' must be an unsigned integer', 2 FROM json_each(?1)"
        "  WHERE key IN (" NUMBER_ITEMS ") AND type <> 'integer'"
        " UNION ALL SELECT 40610, " CUSTOM_ITEM " || ' must be an array of objects with a string key and value', 3"
        "  WHERE json_type(?1, '$.user_profile_item_custom_string_array') IS NOT NULL AND"
        "  (json_type(?1, '$.user_profile_item_custom_string_array') <> 'array' OR EXISTS (SELECT 1"
        "   FROM json_each(?1, '$.user_profile_item_custom_string_array') WHERE type <> 'object'"
        "   OR json_type(value, '$.user_profile_custom_string_info_key') IS NOT 'text'"
        "   OR json_type(value, '$.user_profile_custom_string_info_value') IS NOT 'text'))"
        " UNION ALL SELECT 40605, key || ' takes 0 (unknown), 1 (male) or 2 (female)', 4 FROM json_each(?1)"
        "  WHERE key = 'user_profile_item_gender' AND type = 'integer' AND value NOT IN (0, 1, 2)"
        " UNION ALL SELECT 40605, key || ' takes 1 (allow any), 2 (need confirm) or 3 (deny any)', 5 FROM json_each(?1)"
        "  WHERE key = 'user_profile_item_add_permission' AND type = 'integer' AND value NOT IN (1, 2, 3)"
        " UNION ALL SELECT 40605, key || ' must be from 0 to 4294967295', 6 FROM json_each(?1)"
        "  WHERE key IN (" NUMBER_ITEMS ") AND type = 'integer' AND value NOT BETWEEN 0 AND 4294967295"
        " UNION ALL SELECT 40601, key || ' is longer than 500 bytes', 7 FROM json_each(?1)"
        "  WHERE key IN (" TEXT_ITEMS ") AND type = 'text' AND length(CAST(value AS BLOB)) > 500"
        " UNION ALL SELECT 9001, 'custom key ' || json_quote(" CUSTOM_KEY ") || ' must be 1 to 8 English letters"
        " after the prefix Tag_Profile_Custom_', 8"
        "  FROM json_each(?1, '$.user_profile_item_custom_string_array')"
        "  WHERE json_type(?1, '$.user_profile_item_custom_string_array') = 'array' AND type = 'object'"
        "  AND json_type(value, '$.user_profile_custom_string_info_key') = 'text' AND"
        "  (" BARE_KEY(CUSTOM_KEY) " = '' OR length(CAST(" BARE_KEY(CUSTOM_KEY) " AS BLOB)) > 8"
        "   OR " BARE_KEY(CUSTOM_KEY) " GLOB '*[^A-Za-z]*')"
        " UNION ALL SELECT 40601, 'the value of custom key ' || json_quote(" CUSTOM_KEY ") || ' is longer than 500 bytes', 9"
        "  FROM json_each(?1, '$.user_profile_item_custom_string_array')"
        "  WHERE json_type(?1, '$.user_profile_item_custom_string_array') = 'array' AND type = 'object'"
        "  AND json_type(value, '$.user_profile_custom_string_info_value') = 'text'"
        "  AND length(CAST(" CUSTOM_VALUE " AS BLOB)) > 500"
        ") ORDER BY rank LIMIT 1",
    /* ?1 user */
    [P_ENSURE] =
        "INSERT INTO im_profile (user_id, change_seq) VALUES (?1, 0) ON CONFLICT DO NOTHING",
    /* ?1 user, ?2 a checked UserProfileItem: its items replace the fields they name, its custom
     * fields are set one by one (with the prefix); the change takes the counter's next value. */
    [P_APPLY] =
        "UPDATE im_profile SET"
        " nick_name = coalesce(json_extract(?2, '$.user_profile_item_nick_name'), nick_name),"
        " gender = coalesce(json_extract(?2, '$.user_profile_item_gender'), gender),"
        " face_url = coalesce(json_extract(?2, '$.user_profile_item_face_url'), face_url),"
        " self_signature = coalesce(json_extract(?2, '$.user_profile_item_self_signature'), self_signature),"
        " add_permission = coalesce(json_extract(?2, '$.user_profile_item_add_permission'), add_permission),"
        " location = coalesce(json_extract(?2, '$.user_profile_item_location'), location),"
        " language = coalesce(json_extract(?2, '$.user_profile_item_language'), language),"
        " birthday = coalesce(json_extract(?2, '$.user_profile_item_birthday'), birthday),"
        " level = coalesce(json_extract(?2, '$.user_profile_item_level'), level),"
        " role = coalesce(json_extract(?2, '$.user_profile_item_role'), role),"
        " custom = json_patch(custom, coalesce((SELECT json_group_object('Tag_Profile_Custom_' || " BARE_KEY(CUSTOM_KEY) ","
        "  " CUSTOM_VALUE ") FROM json_each(?2, '$.user_profile_item_custom_string_array')), '{}')),"
        " change_seq = " CHANGE_SEQ_NEXT
        " WHERE user_id = ?1 RETURNING change_seq",
    /* ?1 user */
    [P_ONE] = "SELECT " USER_PROFILE("?1") " FROM (SELECT 1) LEFT JOIN im_profile AS p ON p.user_id = ?1",
    [P_SEQ] = "SELECT " CHANGE_SEQ_LATEST,
    /* ?1 the counter seen last, ?2 the user looking, ?3 the counter of that user's own last change
     * made by this process, ?4 SUBSCRIPTION_INFO: the faces of every changed user and of those
     * whose remark for ?2 changed (friend news, registry_friends.h), the profiles of those ?2
     * subscribed to, ?2's own profile when another process changed it, and the latest counter. */
    [P_NEWS] =
        "WITH news AS (SELECT p.user_id, p.nick_name, p.face_url, p.change_seq, " USER_PROFILE("p.user_id") " AS profile"
        "  FROM im_profile AS p WHERE p.change_seq > ?1 ORDER BY p.change_seq),"
        " faced AS (SELECT user_id AS id FROM news UNION " FRIEND_RENAMED_SINCE("?1", "?2") ")"
        " SELECT (SELECT json_group_array(json_object('" CONV_FACE_ID "', f.id,"
        "   '" CONV_FACE_SHOW_NAME "', " PEER_SHOW_NAME("?2", "f.id") ", '" CONV_FACE_URL "', coalesce(p.face_url, '')))"
        "   FROM faced AS f LEFT JOIN im_profile AS p ON p.user_id = f.id),"
        "  (SELECT json_group_array(json(profile)) FROM news WHERE user_id <> ?2 AND user_id IN"
        "   (SELECT target FROM im_subscription WHERE subscriber = ?2 AND kind = ?4)),"
        "  (SELECT profile FROM news WHERE user_id = ?2 AND change_seq <> ?3),"
        "  max(?1, " CHANGE_SEQ_LATEST ")",
    /* ?1 a JSON array of user ids, ?2 the viewer (NULL: none, for the faces others see): those
     * whose profile gives a name or a face, or whom the viewer gave a remark. */
    [P_FACES] =
        "SELECT json_group_array(json_object('" CONV_FACE_ID "', q.value,"
        "  '" CONV_FACE_SHOW_NAME "', " PEER_SHOW_NAME("?2", "q.value") ", '" CONV_FACE_URL "', coalesce(p.face_url, '')))"
        " FROM json_each(?1) AS q LEFT JOIN im_profile AS p ON p.user_id = q.value" /* by the primary key */
        " WHERE coalesce(p.nick_name, '') <> '' OR coalesce(p.face_url, '') <> ''"
        " OR " FRIEND_REMARK("?2", "q.value") " IS NOT NULL",
    /* ?1 subscriber, ?2 kind, ?3 a JSON array of user ids: subscribing again keeps its place; one's
     * own id is left out (one's own changes come without a subscription, TIMManager.h 573, 667). */
    [P_SUBSCRIBE] =
        "INSERT INTO im_subscription (subscriber, kind, target, sub_order)"
        " SELECT ?1, ?2, value, (SELECT coalesce(max(sub_order), 0) FROM im_subscription) + key + 1 FROM json_each(?3)"
        " WHERE value <> ?1 ON CONFLICT (subscriber, kind, target) DO NOTHING",
    /* Past the limit the first subscribed go (TIMManager.h 572, 668). */
    [P_SUBSCRIBE_TRIM] =
        "DELETE FROM im_subscription WHERE subscriber = ?1 AND kind = ?2 AND sub_order NOT IN"
        " (SELECT sub_order FROM im_subscription WHERE subscriber = ?1 AND kind = ?2 ORDER BY sub_order DESC LIMIT ?3)",
    /* ?1 a JSON array of user ids, ?2 one character per id, '1' for those online: their
     * TIMUserStatus array, in order. */
    [P_STATUSES] =
        "SELECT json_group_array(json(status)) FROM (SELECT " USER_STATUS("q.value", "substr(?2, q.key + 1, 1) = '1'")
        " AS status FROM json_each(?1) AS q LEFT JOIN im_user_status AS s ON s.user_id = q.value ORDER BY q.key)",
    /* ?1 subscriber, ?2 SUBSCRIPTION_STATUS: the users whose statuses it follows, first subscribed first. */
    [P_STATUS_TARGETS] =
        "SELECT json_group_array(target) FROM (SELECT target FROM im_subscription WHERE subscriber = ?1 AND kind = ?2"
        " ORDER BY sub_order)",
    /* The statuses of ?1 (a TIMUserStatus array) that differ from those at the same place in ?2
     * (the same users, in the same order: registry_status_changes). */
    [P_STATUS_CHANGES] =
        "SELECT json_group_array(json(value)) FROM json_each(?1)"
        " WHERE json_extract(?2, '$[' || key || ']') IS NOT value",
    /* What is wrong with a TIMUserStatus ?1 to set (TIMManager.h 643: only the custom status), or no row. */
    [P_STATUS_CHECK] =
        "SELECT CASE WHEN json_type(?1, '$.user_status_custom_status') IS NOT 'text'"
        "  THEN 'user_status_custom_status must be a string'"
        " WHEN length(CAST(json_extract(?1, '$.user_status_custom_status') AS BLOB)) > 100"
        "  THEN 'user_status_custom_status is at most 100 bytes' END AS what WHERE what IS NOT NULL",
    /* ?1 user, ?2 a checked TIMUserStatus */
    [P_STATUS_SET] =
        "INSERT INTO im_user_status (user_id, custom_status) VALUES (?1, json_extract(?2, '$.user_status_custom_status'))"
        " ON CONFLICT (user_id) DO UPDATE SET custom_status = excluded.custom_status",
    /* ?1 user, ?2 whether logged in */
    [P_LOGGED_IN] =
        "INSERT INTO im_user_status (user_id, logged_in) VALUES (?1, ?2)"
        " ON CONFLICT (user_id) DO UPDATE SET logged_in = excluded.logged_in",
    /* ?3 NULL: every subscription of the kind (TIMManager.h 597, 691). */
    [P_UNSUBSCRIBE] =
        "DELETE FROM im_subscription WHERE subscriber = ?1 AND kind = ?2"
        " AND (?3 IS NULL OR target IN (SELECT value FROM json_each(?3)))",
};

static sqlite3_stmt *pstmt(struct registry *r, enum profile_stmt id) {
    if (r->profile_stmt[id] == NULL) {
        sqlite3_prepare_v3(r->db, profile_sql[id], -1, SQLITE_PREPARE_PERSISTENT, &r->profile_stmt[id], NULL);
    }
    return r->profile_stmt[id];
}

/* Statement id with ?1 = text bound (NULL when it cannot compile: the step then reports it). */
static sqlite3_stmt *bind_text1(struct registry *r, enum profile_stmt id, const char *text) {
    sqlite3_stmt *st = pstmt(r, id);
    if (st != NULL) sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
    return st;
}

/* rquery_text for a statement that may not have compiled. */
static int query(struct registry *r, sqlite3_stmt *st, char **out, const char *what) {
    *out = NULL;
    return st != NULL ? rquery_text(r, st, out, what) : rfail(r, what);
}

int registry_check_user_ids(struct registry *r, const char *ids_json, int code) {
    char *bad = NULL;
    int result = query(r, bind_text1(r, P_BAD_ID, ids_json), &bad, "read user ids");
    if (result == ERR_SUCC && bad != NULL) {
        snprintf(r->error, sizeof r->error, "not a user id (1 to 127 bytes): \"%.200s\"", bad);
        result = code;
    }
    free(bad);
    return result;
}

int registry_profiles(struct registry *r, const char *ids_json, char **profiles) {
    *profiles = NULL;
    int result = registry_check_user_ids(r, ids_json, ERR_SVR_PROFILE_INVALID_PARAMETERS);
    return result == ERR_SUCC ? query(r, bind_text1(r, P_LIST, ids_json), profiles, "read profiles") : result;
}

/* The first thing wrong with item_json: its code (described in r->error), or ERR_SUCC. */
static int check_item(struct registry *r, const char *item_json) {
    sqlite3_stmt *st = bind_text1(r, P_CHECK, item_json);
    if (st == NULL) return rfail(r, "check profile item");
    int rc = sqlite3_step(st);
    int result = ERR_SUCC;
    if (rc == SQLITE_ROW) {
        result = sqlite3_column_int(st, 0);
        const unsigned char *what = sqlite3_column_text(st, 1);
        snprintf(r->error, sizeof r->error, "%s", what != NULL ? (const char *)what : "invalid UserProfileItem");
    } else if (rc != SQLITE_DONE) {
        result = rfail(r, "check profile item");
    }
    stmt_done(st);
    return result;
}

int registry_profile_modify(struct registry *r, const char *user, const char *item_json, char **profile,
                            int64_t *seq) {
    *profile = NULL;
    *seq = 0;
    int result = check_item(r, item_json);
    if (result != ERR_SUCC) return result;
    result = rbegin(r);
    if (result != ERR_SUCC) return result;
    result = rexec(r, bind_text1(r, P_ENSURE, user), "add profile");
    sqlite3_stmt *st = result == ERR_SUCC ? bind_text1(r, P_APPLY, user) : NULL;
    if (st != NULL) {
        sqlite3_bind_text(st, 2, item_json, -1, SQLITE_STATIC);
        int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) *seq = sqlite3_column_int64(st, 0);
        result = rc == SQLITE_ROW ? ERR_SUCC : rfail(r, "change profile");
        stmt_done(st);
    } else if (result == ERR_SUCC) {
        result = rfail(r, "change profile");
    }
    if (result == ERR_SUCC) result = query(r, bind_text1(r, P_ONE, user), profile, "read profile");
    result = rfinish(r, result);
    if (result != ERR_SUCC) {
        free(*profile);
        *profile = NULL;
    }
    return result;
}

/* Steps a statement whose first row's column col is an integer. */
static int query_int64(struct registry *r, sqlite3_stmt *st, int col, int64_t *out, const char *what) {
    if (st == NULL) return rfail(r, what);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) *out = sqlite3_column_int64(st, col);
    stmt_done(st);
    return rc == SQLITE_ROW ? ERR_SUCC : rfail(r, what);
}

int registry_profile_seq(struct registry *r, int64_t *seq) {
    *seq = 0;
    return query_int64(r, pstmt(r, P_SEQ), 0, seq, "read profile changes");
}

void profile_news_clear(struct profile_news *n) {
    free(n->faces);
    free(n->subscribed);
    free(n->own);
    *n = (struct profile_news){0};
}

/* A malloc'd array worth reporting: NULL for an empty one (freed). */
static char *unless_empty(char *array) {
    if (array != NULL && strcmp(array, "[]") == 0) {
        free(array);
        return NULL;
    }
    return array;
}

int registry_profile_news(struct registry *r, int64_t since, const char *user, int64_t own_seq,
                          struct profile_news *news) {
    *news = (struct profile_news){.latest = since};
    sqlite3_stmt *st = pstmt(r, P_NEWS);
    if (st == NULL) return rfail(r, "read profile changes");
    sqlite3_bind_int64(st, 1, since);
    sqlite3_bind_text(st, 2, user, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, own_seq);
    sqlite3_bind_int(st, 4, SUBSCRIPTION_INFO);
    int rc = sqlite3_step(st);
    int result = ERR_SUCC;
    if (rc == SQLITE_ROW) {
        bool oom = false;
        news->faces = unless_empty(sql_text_copy(st, 0, &oom));
        news->subscribed = unless_empty(sql_text_copy(st, 1, &oom));
        news->own = sql_text_copy(st, 2, &oom);
        news->latest = sqlite3_column_int64(st, 3);
        if (oom) result = ERR_OUT_OF_MEMORY;
    } else {
        result = rfail(r, "read profile changes");
    }
    stmt_done(st);
    if (result != ERR_SUCC) profile_news_clear(news);
    return result;
}

int registry_subscribe(struct registry *r, const char *subscriber, enum profile_subscription kind, const char *ids_json, bool subscribe) {
    int result = rbegin(r);
    if (result != ERR_SUCC) return result;
    sqlite3_stmt *st = bind_text1(r, subscribe ? P_SUBSCRIBE : P_UNSUBSCRIBE, subscriber);
    if (st != NULL) {
        sqlite3_bind_int(st, 2, (int)kind);
        if (ids_json != NULL) sqlite3_bind_text(st, 3, ids_json, -1, SQLITE_STATIC);
    }
    result = st != NULL ? rexec(r, st, "change subscriptions") : rfail(r, "change subscriptions");
    if (result == ERR_SUCC && subscribe) {
        st = bind_text1(r, P_SUBSCRIBE_TRIM, subscriber);
        if (st != NULL) {
            sqlite3_bind_int(st, 2, (int)kind);
            sqlite3_bind_int(st, 3, PROFILE_SUBSCRIPTIONS_MAX);
        }
        result = st != NULL ? rexec(r, st, "limit subscriptions") : rfail(r, "limit subscriptions");
    }
    return rfinish(r, result);
}

int registry_conv_faces(struct registry *r, const char *viewer, const char *ids_json, char **faces) {
    sqlite3_stmt *st = bind_text1(r, P_FACES, ids_json);
    if (st != NULL && viewer != NULL) sqlite3_bind_text(st, 2, viewer, -1, SQLITE_STATIC);
    return query(r, st, faces, "read conversation faces");
}

void registry_profiles_close(struct registry *r) {
    for (int i = 0; i < P_COUNT; i++) sqlite3_finalize(r->profile_stmt[i]);
}

int registry_statuses(struct registry *r, const char *ids_json, const char *online, char **statuses) {
    sqlite3_stmt *st = bind_text1(r, P_STATUSES, ids_json);
    if (st != NULL) sqlite3_bind_text(st, 2, online, -1, SQLITE_STATIC);
    return query(r, st, statuses, "read user statuses");
}

int registry_status_targets(struct registry *r, const char *subscriber, char **ids) {
    sqlite3_stmt *st = bind_text1(r, P_STATUS_TARGETS, subscriber);
    if (st != NULL) sqlite3_bind_int(st, 2, SUBSCRIPTION_STATUS);
    return query(r, st, ids, "read status subscriptions");
}

int registry_status_changes(struct registry *r, const char *now, const char *before, char **changed) {
    sqlite3_stmt *st = bind_text1(r, P_STATUS_CHANGES, now);
    if (st != NULL) sqlite3_bind_text(st, 2, before, -1, SQLITE_STATIC);
    int result = query(r, st, changed, "compare user statuses");
    if (result == ERR_SUCC) *changed = unless_empty(*changed);
    return result;
}

int registry_set_custom_status(struct registry *r, const char *user, const char *status_json) {
    char *wrong = NULL;
    int result = query(r, bind_text1(r, P_STATUS_CHECK, status_json), &wrong, "check user status");
    if (result == ERR_SUCC && wrong != NULL) {
        snprintf(r->error, sizeof r->error, "%s", wrong);
        result = ERR_INVALID_PARAMETERS;
    }
    free(wrong);
    if (result != ERR_SUCC) return result;
    result = rbegin(r);
    if (result != ERR_SUCC) return result;
    sqlite3_stmt *st = bind_text1(r, P_STATUS_SET, user);
    if (st != NULL) sqlite3_bind_text(st, 2, status_json, -1, SQLITE_STATIC);
    result = st != NULL ? rexec(r, st, "set user status") : rfail(r, "set user status");
    return rfinish(r, result);
}

int registry_set_logged_in(struct registry *r, const char *user, bool logged_in) {
    int result = rbegin(r);
    if (result != ERR_SUCC) return result;
    sqlite3_stmt *st = bind_text1(r, P_LOGGED_IN, user);
    if (st != NULL) sqlite3_bind_int(st, 2, logged_in);
    result = st != NULL ? rexec(r, st, "record a login") : rfail(r, "record a login");
    return rfinish(r, result);
}
