/* The friendship tables and every statement of the friendship files (registry_friends_internal.h),
 * each binding its parameters. The JSON keys are the vendor's (TIMFriendshipManager.h, cited by
 * section). Worker thread only. */
#include "store/registry_friends_internal.h"

#include "store/registry_profiles.h"

/* im_friend: owner's friends (10.2), groups a JSON array of group names, custom an object
 * Tag_SNS_Custom_<key> -> value. im_friend_request: a request waiting for receiver (11.3), req_seq
 * rising with each (the pages' seq, 11.4). im_friend_read: when user last read their requests
 * (5.3). im_blocked: owner's block list. im_friend_group: owner's friend groups (14.2).
 * im_friend_news: what each user's processes announce (registry_friends.h), seq the counter
 * shared with im_profile.change_seq. */
const char registry_friends_schema_sql[] =
    "CREATE TABLE IF NOT EXISTS im_friend ("
    " owner TEXT NOT NULL, friend TEXT NOT NULL,"
    " remark TEXT NOT NULL DEFAULT '', groups TEXT NOT NULL DEFAULT '[]', custom TEXT NOT NULL DEFAULT '{}',"
    " add_source TEXT NOT NULL DEFAULT '', add_wording TEXT NOT NULL DEFAULT '', add_time INTEGER NOT NULL DEFAULT 0,"
    " PRIMARY KEY (owner, friend)) WITHOUT ROWID;"
    "CREATE INDEX IF NOT EXISTS im_friend_of ON im_friend (friend, owner);"
    "CREATE TABLE IF NOT EXISTS im_friend_request ("
    " req_seq INTEGER PRIMARY KEY, sender TEXT NOT NULL, receiver TEXT NOT NULL, add_type INTEGER NOT NULL,"
    " remark TEXT NOT NULL, group_name TEXT NOT NULL, add_source TEXT NOT NULL, add_wording TEXT NOT NULL,"
    " add_time INTEGER NOT NULL, UNIQUE (sender, receiver));"
    "CREATE INDEX IF NOT EXISTS im_friend_request_to ON im_friend_request (receiver);"
    "CREATE TABLE IF NOT EXISTS im_friend_read (user_id TEXT PRIMARY KEY, read_time INTEGER NOT NULL) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS im_blocked ("
    " owner TEXT NOT NULL, blocked TEXT NOT NULL, add_time INTEGER NOT NULL, block_order INTEGER NOT NULL,"
    " PRIMARY KEY (owner, blocked)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS im_friend_group (owner TEXT NOT NULL, name TEXT NOT NULL,"
    " PRIMARY KEY (owner, name)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS im_friend_news ("
    " seq INTEGER PRIMARY KEY, user_id TEXT NOT NULL, kind INTEGER NOT NULL,"
    " name TEXT, new_name TEXT, json TEXT, renamed TEXT);"
    "CREATE INDEX IF NOT EXISTS im_friend_news_to ON im_friend_news (user_id, seq);";

/* A FriendProfile (10.2) of user `id` as owner ?1 sees it, from its im_friend row f and
 * im_profile row p (NULL columns when there is none). */
#define FRIEND_PROFILE(id)                                                                                    \
    "json_object('friend_profile_identifier', " id ","                                                        \
    " 'friend_profile_group_name_array', json(coalesce(f.groups, '[]')),"                                     \
    " 'friend_profile_remark', coalesce(f.remark, ''), 'friend_profile_add_wording', coalesce(f.add_wording, ''),"  \
    " 'friend_profile_add_source', coalesce(f.add_source, ''), 'friend_profile_add_time', coalesce(f.add_time, 0)," \
    " 'friend_profile_user_profile', " USER_PROFILE(id) ","                                                   \
    " 'friend_profile_custom_string_array', (SELECT json_group_array(json_object("                            \
    "  'friend_profile_custom_string_info_key', key, 'friend_profile_custom_string_info_value', value))"     \
    "  FROM json_each(coalesce(f.custom, '{}'))))"

/* Whether ?1 has `id` as a friend, and `id` has ?1; their relation as TIMFriendshipRelationType
 * (1.6) and TIMFriendCheckRelation (1.4) both number it: none, mine only, theirs only, both. */
#define MINE(id) "EXISTS (SELECT 1 FROM im_friend WHERE owner = ?1 AND friend = " id ")"
#define THEIRS(id) "EXISTS (SELECT 1 FROM im_friend WHERE owner = " id " AND friend = ?1)"
#define RELATION(id) "(" MINE(id) " + 2 * " THEIRS(id) ")"

/* A FriendInfoGetResult (15.2) of `id`. */
#define INFO_RESULT(id)                                                                                       \
    "json_object('friendship_friend_info_get_result_identifier', " id ","                                      \
    " 'friendship_friend_info_get_result_relation_type', " RELATION(id) ","                                    \
    " 'friendship_friend_info_get_result_error_code', 0, 'friendship_friend_info_get_result_error_message', 'OK'," \
    " 'friendship_friend_info_get_result_field_info', " FRIEND_PROFILE(id) ")"

/* A FriendResult (13.1) of `id`: code 0 when `ok`, else `code` with `desc`. */
#define FRIEND_RESULT(id, ok, code, desc)                                                                    \
    "json_object('friend_result_identifier', " id ", 'friend_result_code', CASE WHEN " ok " THEN 0 ELSE " code \
    " END, 'friend_result_desc', CASE WHEN " ok " THEN '' ELSE " desc " END)"

/* The rows of a JSON array of ids with their friend and profile rows, in order. */
#define IDS_AS_FRIENDS(ids)                                                                                  \
    " FROM json_each(" ids ") AS q LEFT JOIN im_friend AS f ON f.owner = ?1 AND f.friend = q.value"           \
    " LEFT JOIN im_profile AS p ON p.user_id = q.value ORDER BY q.key"

#define ITEM "'$.friendship_modify_friend_profile_param_item"
#define CUSTOM_KEY "json_extract(value, '$.friend_profile_custom_string_info_key')"
#define CUSTOM_VALUE "json_extract(value, '$.friend_profile_custom_string_info_value')"
/* A custom key without the Tag_SNS_Custom_ prefix (15 bytes), which the SDK adds when it is
 * missing (TIMFriendshipManager.h 642, 1302). */
#define BARE_KEY "CASE WHEN substr(" CUSTOM_KEY ", 1, 15) = 'Tag_SNS_Custom_' THEN substr(" CUSTOM_KEY ", 16) ELSE " CUSTOM_KEY " END"
#define SEARCH_FIELD(bit)                                                                                     \
    "(json_type(?2, '$.friendship_search_param_search_field_list') IS NULL OR EXISTS (SELECT 1 FROM"           \
    " json_each(?2, '$.friendship_search_param_search_field_list') WHERE value = " bit "))"
#define PENDENCY_TYPE "json_extract(?2, '$.friendship_delete_pendency_param_type')"
#define REQUEST_BETWEEN(id)                                                                                   \
    "EXISTS (SELECT 1 FROM im_friend_request WHERE (" PENDENCY_TYPE " IN (0, 2) AND sender = " id " AND receiver = ?1)" \
    " OR (" PENDENCY_TYPE " IN (1, 2) AND sender = ?1 AND receiver = " id "))"
#define IS_BLOCKED(id) "EXISTS (SELECT 1 FROM im_blocked WHERE owner = ?1 AND blocked = " id ")"
#define GROUP_NAMES_OF(owner_friends) \
    "(SELECT json_group_array(friend) FROM (SELECT f.friend FROM im_friend AS f, json_each(f.groups) AS m WHERE " owner_friends " ORDER BY f.friend))"

const char *const friend_sql[F_COUNT] = {
    /* ?1 owner */
    [F_LIST] = "SELECT json_group_array(json(x)) FROM (SELECT " FRIEND_PROFILE("f.friend") " AS x FROM im_friend AS f"
               " LEFT JOIN im_profile AS p ON p.user_id = f.friend WHERE f.owner = ?1 ORDER BY f.add_time, f.friend)",
    /* ?1 owner, ?2 a JSON array of user ids */
    [F_INFO] = "SELECT json_group_array(json(x)) FROM (SELECT " INFO_RESULT("q.value") " AS x" IDS_AS_FRIENDS("?2") ")",
    [F_PROFILES] = "SELECT json_group_array(json(x)) FROM (SELECT " FRIEND_PROFILE("q.value") " AS x" IDS_AS_FRIENDS("?2") ")",
    /* ?2 a FriendSearchParam (15.1): 1 to 5 keywords (1536), fields of TIMFriendshipSearchFieldKey (1.5). */
    [F_SEARCH_CHECK] =
        "SELECT code, what FROM ("
        " SELECT 6017 AS code, 'give 1 to 5 keywords in friendship_search_param_keyword_list' AS what, 0 AS rank"
        "  WHERE json_array_length(?2, '$.friendship_search_param_keyword_list') NOT BETWEEN 1 AND 5"
        " UNION ALL SELECT 6017, 'a keyword is empty', 1 FROM json_each(?2, '$.friendship_search_param_keyword_list')"
        "  WHERE value = ''"
        " UNION ALL SELECT 6017, 'friendship_search_param_search_field_list takes 1 (user id), 2 (nickname), 4 (remark)', 2"
        "  FROM json_each(?2, '$.friendship_search_param_search_field_list') WHERE type <> 'integer' OR value NOT IN (1, 2, 4)"
        ") ORDER BY rank LIMIT 1",
    /* ?1 owner, ?2 a checked FriendSearchParam: a friend matches when a keyword is in a field
     * searched (all when none is named), letters of either case alike. */
    [F_SEARCH] =
        "SELECT json_group_array(json(x)) FROM (SELECT " INFO_RESULT("f.friend") " AS x FROM im_friend AS f"
        " LEFT JOIN im_profile AS p ON p.user_id = f.friend WHERE f.owner = ?1 AND EXISTS (SELECT 1"
        "  FROM json_each(?2, '$.friendship_search_param_keyword_list') AS k WHERE"
        "  (" SEARCH_FIELD("1") " AND instr(lower(f.friend), lower(k.value)))"
        "  OR (" SEARCH_FIELD("2") " AND instr(lower(coalesce(p.nick_name, '')), lower(k.value)))"
        "  OR (" SEARCH_FIELD("4") " AND instr(lower(f.remark), lower(k.value))))"
        " ORDER BY f.add_time, f.friend)",
    /* ?1 owner, ?2 a FriendshipModifyFriendProfileParam (10.4) whose member types were checked:
     * the first thing wrong, in the order a caller fixes them. */
    [F_MODIFY_CHECK] =
        "SELECT code, what FROM ("
        " SELECT 30001 AS code, 'not a friend: ' || json_extract(?2, '$.friendship_modify_friend_profile_param_identifier')"
        "  AS what, 0 AS rank WHERE NOT " MINE("json_extract(?2, '$.friendship_modify_friend_profile_param_identifier')")
        " UNION ALL SELECT 6017, 'no item of FriendProfileItem to change', 1 WHERE NOT EXISTS (SELECT 1 FROM json_each(?2, " ITEM "')"
        "  WHERE key IN ('friend_profile_item_remark', 'friend_profile_item_group_name_array',"
        "  'friend_profile_item_custom_string_array'))"
        " UNION ALL SELECT 9002, 'friend_profile_item_remark is longer than 96 bytes', 2"
        "  WHERE length(CAST(json_extract(?2, " ITEM ".friend_profile_item_remark') AS BLOB)) > 96"
        " UNION ALL SELECT 9005, 'a friend group name is empty or longer than 30 bytes', 3"
        "  FROM json_each(?2, " ITEM ".friend_profile_item_group_name_array') WHERE length(CAST(value AS BLOB)) NOT BETWEEN 1 AND 30"
        " UNION ALL SELECT 6017, 'friend_profile_item_custom_string_array takes objects with a string key and value', 4"
        "  FROM json_each(?2, " ITEM ".friend_profile_item_custom_string_array') WHERE type <> 'object'"
        "  OR json_type(value, '$.friend_profile_custom_string_info_key') IS NOT 'text'"
        "  OR json_type(value, '$.friend_profile_custom_string_info_value') IS NOT 'text'"
        " UNION ALL SELECT 9001, 'custom key ' || json_quote(" CUSTOM_KEY ") || ' must be 1 to 8 English letters', 5"
        "  FROM json_each(?2, " ITEM ".friend_profile_item_custom_string_array') WHERE type = 'object'"
        "  AND json_type(value, '$.friend_profile_custom_string_info_key') = 'text'"
        "  AND (" BARE_KEY " = '' OR length(CAST(" BARE_KEY " AS BLOB)) > 8 OR " BARE_KEY " GLOB '*[^A-Za-z]*')"
        " UNION ALL SELECT 9001, 'the value of custom key ' || json_quote(" CUSTOM_KEY ") || ' is longer than 500 bytes', 6"
        "  FROM json_each(?2, " ITEM ".friend_profile_item_custom_string_array') WHERE type = 'object'"
        "  AND length(CAST(" CUSTOM_VALUE " AS BLOB)) > 500"
        ") ORDER BY rank LIMIT 1",
    /* ?1 owner, ?2 a checked FriendshipModifyFriendProfileParam: the items given replace the
     * remark and the groups; custom fields are set one by one, with the prefix. */
    [F_MODIFY] =
        "UPDATE im_friend SET remark = coalesce(json_extract(?2, " ITEM ".friend_profile_item_remark'), remark),"
        " groups = CASE WHEN json_type(?2, " ITEM ".friend_profile_item_group_name_array') = 'array' THEN"
        "  (SELECT json_group_array(value) FROM (SELECT DISTINCT value FROM"
        "   json_each(?2, " ITEM ".friend_profile_item_group_name_array') ORDER BY value)) ELSE groups END,"
        " custom = json_patch(custom, coalesce((SELECT json_group_object('Tag_SNS_Custom_' || " BARE_KEY ", " CUSTOM_VALUE ")"
        "  FROM json_each(?2, " ITEM ".friend_profile_item_custom_string_array')), '{}'))"
        " WHERE owner = ?1 AND friend = json_extract(?2, '$.friendship_modify_friend_profile_param_identifier')",
    /* ?2 a checked FriendshipModifyFriendProfileParam: the FriendProfileUpdate array of the news
     * (2.3: the item as given), the friend when the remark changes, the groups named. */
    [F_MODIFY_NEWS] =
        "SELECT json_array(json_object('friend_profile_update_identifier',"
        "  json_extract(?2, '$.friendship_modify_friend_profile_param_identifier'),"
        "  'friend_profile_update_item', json(json_extract(?2, " ITEM "')))),"
        " CASE WHEN json_type(?2, " ITEM ".friend_profile_item_remark') IS NOT NULL"
        "  THEN json_array(json_extract(?2, '$.friendship_modify_friend_profile_param_identifier')) END,"
        " json_extract(?2, " ITEM ".friend_profile_item_group_name_array')",
    /* ?1 owner, ?2 a JSON array of group names: those missing are made. */
    [F_GROUPS_ENSURE] =
        "INSERT INTO im_friend_group (owner, name) SELECT ?1, value FROM json_each(?2) WHERE true ON CONFLICT DO NOTHING",
    /* ?1 user, ?2 peer: struct friend_state's columns. A user who never set a profile needs
     * confirmation, as the vendor's server's default (AllowType_Type_NeedConfirm). */
    [F_STATE] = "SELECT " MINE("?2") ", " THEIRS("?2") ", " IS_BLOCKED("?2") ","
                " EXISTS (SELECT 1 FROM im_blocked WHERE owner = ?2 AND blocked = ?1),"
                " coalesce((SELECT nullif(add_permission, 0) FROM im_profile WHERE user_id = ?2), 2)",
    /* ?2 a FriendshipAddFriendParam (11.1) whose member types were checked: the user, the type,
     * remark, group, source and wording ("" when absent). The source takes the AddSource_Type_
     * prefix the vendor's examples show when it lacks it (TIMErrorCode.h 106; TIMFriendshipManager.h
     * 171, 761). */
    [F_ADD_PARAM] =
        "SELECT json_extract(?2, '$.friendship_add_friend_param_identifier'),"
        " coalesce(json_extract(?2, '$.friendship_add_friend_param_friend_type'), 1),"
        " coalesce(json_extract(?2, '$.friendship_add_friend_param_remark'), ''),"
        " coalesce(json_extract(?2, '$.friendship_add_friend_param_group_name'), ''),"
        " CASE WHEN coalesce(json_extract(?2, '$.friendship_add_friend_param_add_source'), '') IN ('', 'AddSource_Type_')"
        "  OR substr(json_extract(?2, '$.friendship_add_friend_param_add_source'), 1, 15) = 'AddSource_Type_'"
        "  THEN coalesce(json_extract(?2, '$.friendship_add_friend_param_add_source'), '')"
        "  ELSE 'AddSource_Type_' || json_extract(?2, '$.friendship_add_friend_param_add_source') END,"
        " coalesce(json_extract(?2, '$.friendship_add_friend_param_add_wording'), '')",
    /* ?1 owner, ?2 friend, ?3 remark, ?4 groups (a JSON array), ?5 source, ?6 wording, ?7 time */
    [F_INSERT] = "INSERT INTO im_friend (owner, friend, remark, groups, add_source, add_wording, add_time)"
                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING",
    /* ?1 id, ?2 desc, ?3 code */
    [F_RESULT] = "SELECT json_object('friend_result_identifier', ?1, 'friend_result_code', ?3, 'friend_result_desc', ?2)",
    /* ?1 owner, ?2 user ids, ?3 1 both ways: a FriendResult each (31704 for one that is no friend
     * either way deleted), the ids in owner's list, the ids whose list holds owner (both ways only). */
    [F_DELETE_RESULTS] =
        "SELECT json_group_array(" FRIEND_RESULT("q.value", "(" MINE("q.value") " OR (?3 = 1 AND " THEIRS("q.value") "))",
                                                 "31704", "'not a friend'") "),"
        " json_group_array(q.value) FILTER (WHERE " MINE("q.value") "),"
        " json_group_array(q.value) FILTER (WHERE ?3 = 1 AND " THEIRS("q.value") ") FROM json_each(?2) AS q",
    [F_DELETE] = "DELETE FROM im_friend WHERE (owner = ?1 AND friend IN (SELECT value FROM json_each(?2)))"
                 " OR (?3 = 1 AND friend = ?1 AND owner IN (SELECT value FROM json_each(?2)))",
    /* ?1 owner, ?2 user ids, ?3 the TIMFriendType checked: one way, whether owner has them (1.4: 0
     * or 1); both ways, the relation. */
    [F_CHECK] = "SELECT json_group_array(json_object('friendship_check_friendtype_result_identifier', q.value,"
                " 'friendship_check_friendtype_result_relation', CASE WHEN ?3 = 0 THEN " MINE("q.value") " ELSE "
                RELATION("q.value") " END, 'friendship_check_friendtype_result_code', 0,"
                " 'friendship_check_friendtype_result_desc', '')) FROM json_each(?2) AS q",
    /* ?1 to, ?2 json, ?3 kind, ?4 name, ?5 new_name, ?6 renamed */
    [F_NEWS_ADD] = "INSERT INTO im_friend_news (seq, user_id, kind, name, new_name, json, renamed)"
                   " VALUES (" CHANGE_SEQ_NEXT ", ?1, ?3, ?4, ?5, ?2, ?6)",
    /* ?1 user, ?2 since, ?3 until */
    [F_NEWS] = "SELECT kind, name, new_name, json FROM im_friend_news WHERE user_id = ?1 AND seq > ?2 AND seq <= ?3"
               " ORDER BY seq",
    /* ?1 sender, ?2 receiver, ?3 type, ?4 remark, ?5 group, ?6 source, ?7 wording, ?8 time: asking
     * again replaces the request, which becomes the latest. */
    [F_REQUEST_UPSERT] =
        "INSERT INTO im_friend_request (req_seq, sender, receiver, add_type, remark, group_name, add_source, add_wording,"
        " add_time) VALUES ((SELECT coalesce(max(req_seq), 0) + 1 FROM im_friend_request), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
        " ON CONFLICT (sender, receiver) DO UPDATE SET req_seq = excluded.req_seq, add_type = excluded.add_type,"
        " remark = excluded.remark, group_name = excluded.group_name, add_source = excluded.add_source,"
        " add_wording = excluded.add_wording, add_time = excluded.add_time",
    /* ?1 sender, ?2 receiver: the request as a FriendAddPendency array (11.3) for the receiver. */
    [F_REQUEST_PENDENCY] =
        "SELECT json_array(json_object('friend_add_pendency_type', 0, 'friend_add_pendency_identifier', r.sender,"
        " 'friend_add_pendency_nick_name', coalesce(p.nick_name, ''), 'friend_add_pendency_face_url', coalesce(p.face_url, ''),"
        " 'friend_add_pendency_add_time', r.add_time, 'friend_add_pendency_add_source', r.add_source,"
        " 'friend_add_pendency_add_wording', r.add_wording)) FROM im_friend_request AS r"
        " LEFT JOIN im_profile AS p ON p.user_id = r.sender WHERE r.sender = ?1 AND r.receiver = ?2",
    /* ?1 sender, ?2 receiver */
    [F_REQUEST_GET] = "SELECT add_type, remark, group_name, add_source, add_wording FROM im_friend_request"
                      " WHERE sender = ?1 AND receiver = ?2",
    [F_REQUEST_DROP] = "DELETE FROM im_friend_request WHERE (sender = ?1 AND receiver = ?2) OR (sender = ?2 AND receiver = ?1)",
    /* ?1 user, ?2 a FriendshipGetPendencyListParam (11.4): the requests of the type past the start
     * seq and time, up to the limit (0: all), as a PendencyPage (11.5). */
    [F_REQUEST_PAGE] =
        "WITH asked AS (SELECT r.req_seq, 0 AS type, r.sender AS who, r.add_time, r.add_source, r.add_wording"
        "  FROM im_friend_request AS r WHERE r.receiver = ?1"
        "  AND json_extract(?2, '$.friendship_get_pendency_list_param_type') IN (0, 2)"
        " UNION ALL SELECT r.req_seq, 1, r.receiver, r.add_time, r.add_source, r.add_wording FROM im_friend_request AS r"
        "  WHERE r.sender = ?1 AND json_extract(?2, '$.friendship_get_pendency_list_param_type') IN (1, 2)),"
        " page AS (SELECT * FROM asked WHERE req_seq > coalesce(json_extract(?2, '$.friendship_get_pendency_list_param_start_seq'), 0)"
        "  AND add_time >= coalesce(json_extract(?2, '$.friendship_get_pendency_list_param_start_time'), 0) ORDER BY req_seq"
        "  LIMIT CASE WHEN coalesce(json_extract(?2, '$.friendship_get_pendency_list_param_limited_size'), 0) > 0"
        "  THEN json_extract(?2, '$.friendship_get_pendency_list_param_limited_size') ELSE -1 END)"
        " SELECT json_object('pendency_page_start_time', coalesce(json_extract(?2, '$.friendship_get_pendency_list_param_start_time'), 0),"
        " 'pendency_page_unread_num', (SELECT count(*) FROM im_friend_request WHERE receiver = ?1"
        "  AND add_time > coalesce((SELECT read_time FROM im_friend_read WHERE user_id = ?1), 0)),"
        " 'pendency_page_current_seq', coalesce((SELECT max(req_seq) FROM page), 0),"
        " 'pendency_page_pendency_info_array', (SELECT json_group_array(json(x)) FROM (SELECT json_object("
        "  'friend_add_pendency_info_type', page.type, 'friend_add_pendency_info_identifier', page.who,"
        "  'friend_add_pendency_info_nick_name', coalesce(p.nick_name, ''), 'friend_add_pendency_info_face_url', coalesce(p.face_url, ''),"
        "  'friend_add_pendency_info_add_time', page.add_time, 'friend_add_pendency_info_add_source', page.add_source,"
        "  'friend_add_pendency_info_add_wording', page.add_wording) AS x"
        "  FROM page LEFT JOIN im_profile AS p ON p.user_id = page.who ORDER BY page.req_seq)))",
    /* ?1 user, ?3 time */
    [F_REQUEST_READ] = "INSERT INTO im_friend_read (user_id, read_time) VALUES (?1, ?3)"
                       " ON CONFLICT (user_id) DO UPDATE SET read_time = excluded.read_time",
    /* ?1 user, ?2 a FriendshipDeletePendencyParam (11.8): a FriendResult per id (30614: no such
     * request of the type), and the ids of the requests found. */
    [F_REQUEST_RESULTS] =
        "SELECT json_group_array(" FRIEND_RESULT("q.value", REQUEST_BETWEEN("q.value"), "30614", "'no such friend request'") "),"
        " json_group_array(q.value) FILTER (WHERE " REQUEST_BETWEEN("q.value") ")"
        " FROM json_each(?2, '$.friendship_delete_pendency_param_identifier_array') AS q",
    [F_REQUESTS_DELETE] =
        "DELETE FROM im_friend_request WHERE (" PENDENCY_TYPE " IN (0, 2) AND receiver = ?1 AND sender IN"
        " (SELECT value FROM json_each(?2, '$.friendship_delete_pendency_param_identifier_array')))"
        " OR (" PENDENCY_TYPE " IN (1, 2) AND sender = ?1 AND receiver IN"
        " (SELECT value FROM json_each(?2, '$.friendship_delete_pendency_param_identifier_array')))",
    /* ?1 owner */
    [F_BLOCKED_LIST] =
        "SELECT json_group_array(json(x)) FROM (SELECT " FRIEND_PROFILE("b.blocked") " AS x FROM im_blocked AS b"
        " LEFT JOIN im_friend AS f ON f.owner = ?1 AND f.friend = b.blocked LEFT JOIN im_profile AS p ON p.user_id = b.blocked"
        " WHERE b.owner = ?1 ORDER BY b.block_order)",
    /* ?1 owner, ?2 user ids, ?3 1 to block, 0 to unblock: a FriendResult each (blocking one
     * blocked already succeeds; unblocking one not blocked answers 30001), and the ids that change. */
    [F_BLOCK_RESULTS] =
        "SELECT json_group_array(" FRIEND_RESULT("q.value", "(q.value <> ?1 AND (?3 = 1 OR " IS_BLOCKED("q.value") "))",
                                                 "30001", "CASE WHEN q.value = ?1 THEN 'one cannot block oneself' ELSE 'not blocked' END") "),"
        " json_group_array(q.value) FILTER (WHERE q.value <> ?1 AND ?3 = 1 - " IS_BLOCKED("q.value") ")"
        " FROM json_each(?2) AS q",
    /* ?1 owner, ?2 user ids, ?3 time */
    [F_BLOCK] = "INSERT INTO im_blocked (owner, blocked, add_time, block_order) SELECT ?1, value, ?3,"
                " (SELECT coalesce(max(block_order), 0) FROM im_blocked) + key + 1 FROM json_each(?2) WHERE true"
                " ON CONFLICT DO NOTHING",
    [F_UNBLOCK] = "DELETE FROM im_blocked WHERE owner = ?1 AND blocked IN (SELECT value FROM json_each(?2))",
    /* ?1 blocker, ?2 user */
    [F_IS_BLOCKED] = "SELECT " IS_BLOCKED("?2"),
    /* ?1 owner, ?2 friend ids, ?3 group name */
    [F_GROUP_ADD] = "UPDATE im_friend SET groups = (SELECT json_group_array(value) FROM (SELECT value FROM json_each(groups)"
                    " UNION SELECT ?3 ORDER BY 1)) WHERE owner = ?1 AND friend IN (SELECT value FROM json_each(?2))",
    [F_GROUP_REMOVE] = "UPDATE im_friend SET groups = (SELECT json_group_array(value) FROM json_each(groups) WHERE value <> ?3)"
                       " WHERE owner = ?1 AND friend IN (SELECT value FROM json_each(?2))",
    /* ?1 owner, ?2 user ids: a FriendResult each (31704 for one that is not a friend), and the friends. */
    [F_GROUP_MEMBER_RESULTS] =
        "SELECT json_group_array(" FRIEND_RESULT("q.value", MINE("q.value"), "31704", "'not a friend'") "),"
        " json_group_array(q.value) FILTER (WHERE " MINE("q.value") ") FROM json_each(?2) AS q",
    /* ?1 owner, ?2 group names ([]: every group): FriendGroupInfos (14.2), by name. */
    [F_GROUP_LIST] =
        "SELECT json_group_array(json(x)) FROM (SELECT json_object('friend_group_info_name', g.name,"
        " 'friend_group_info_count', (SELECT count(*) FROM im_friend AS f, json_each(f.groups) AS m"
        "  WHERE f.owner = ?1 AND m.value = g.name),"
        " 'friend_group_info_identifier_array', " GROUP_NAMES_OF("f.owner = ?1 AND m.value = g.name") ") AS x"
        " FROM im_friend_group AS g WHERE g.owner = ?1"
        " AND (json_array_length(?2) = 0 OR g.name IN (SELECT value FROM json_each(?2))) ORDER BY g.name)",
    /* ?1 owner, ?2 group names */
    [F_GROUP_DELETE] = "DELETE FROM im_friend_group WHERE owner = ?1 AND name IN (SELECT value FROM json_each(?2))",
    [F_GROUP_UNSET] = "UPDATE im_friend SET groups = (SELECT json_group_array(g.value) FROM json_each(groups) AS g"
                      " WHERE g.value NOT IN (SELECT value FROM json_each(?2))) WHERE owner = ?1",
    /* ?1 owner, ?2 old name, ?3 new name */
    [F_GROUP_RENAME] = "UPDATE im_friend_group SET name = ?3 WHERE owner = ?1 AND name = ?2",
    [F_GROUP_RENAME_MEMBERS] =
        "UPDATE im_friend SET groups = (SELECT json_group_array(v) FROM (SELECT DISTINCT CASE WHEN value = ?2 THEN ?3"
        " ELSE value END AS v FROM json_each(groups) ORDER BY v))"
        " WHERE owner = ?1 AND EXISTS (SELECT 1 FROM json_each(groups) WHERE value = ?2)",
    /* ?1 owner, ?2 group names, ?3 1: they must exist, 0: they must not (7.1, 995). */
    [F_GROUP_PARAM_CHECK] =
        "SELECT code, what FROM ("
        " SELECT 9005 AS code, 'a friend group name is empty or longer than 30 bytes' AS what, 0 AS rank"
        "  FROM json_each(?2) WHERE length(CAST(value AS BLOB)) NOT BETWEEN 1 AND 30"
        " UNION ALL SELECT 30001, 'no friend group ' || json_quote(value), 1 FROM json_each(?2) WHERE ?3 = 1"
        "  AND NOT EXISTS (SELECT 1 FROM im_friend_group WHERE owner = ?1 AND name = value)"
        " UNION ALL SELECT 30001, 'the friend group ' || json_quote(value) || ' exists', 2 FROM json_each(?2) WHERE ?3 = 0"
        "  AND EXISTS (SELECT 1 FROM im_friend_group WHERE owner = ?1 AND name = value)"
        ") ORDER BY rank LIMIT 1",
    /* ?1 a JSON object, ?2 a path */
    [F_MEMBER] = "SELECT json_extract(?1, ?2)",
    /* ?1 a JSON array */
    [F_EACH] = "SELECT value FROM json_each(?1)",
    /* ?1 a JSON object, ?2 a path, ?3 the largest value: a row when the member is there and is not
     * an integer from 0 to ?3 (an enum's value). */
    [F_ENUM_CHECK] = "SELECT 1 WHERE json_type(?1, ?2) IS NOT NULL AND (json_type(?1, ?2) <> 'integer'"
                     " OR json_extract(?1, ?2) NOT BETWEEN 0 AND ?3)",
};
