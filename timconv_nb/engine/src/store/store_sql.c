/* The store's SQL, all of it in one place: the schema (and the one definition of the ConvInfo
 * JSON, as a view) and every statement, by id (store_internal.h). Every statement binds its
 * parameters; no value ever becomes part of an SQL text. */
#include "store/store_internal.h"
#include "store/edits_sql.h"
#include "store/history_sql.h"

/* The members of a last message (the Message JSON `msg`) that the list's columns carry: its
 * elements (its text), sender, server time and status (a third of the message's size: listing
 * 100,000 conversations as columns then moves 22 MB instead of 55). Every statement that writes
 * last_msg writes last_summary of the same message (a trigger cost each send a second write of
 * the row). */
#define LAST_SUMMARY(msg) \
    "json_object('message_elem_array', json(json_extract(" msg ", '$.message_elem_array'))," \
    " 'message_sender', json_extract(" msg ", '$.message_sender')," \
    " 'message_server_time', json_extract(" msg ", '$.message_server_time')," \
    " 'message_status', json_extract(" msg ", '$.message_status'))"


/* Version 2 added the index of conversations with unread messages: the unread totals then read
 * only those, not every conversation (a total is taken after every change that may move it). */
const char store_unread_index_sql[] =
    "CREATE INDEX IF NOT EXISTS conversation_unread ON conversation (recv_opt, unread) WHERE unread > 0;";

/* Version 3 keeps one mark per element of mark_array (a value of several bits had been kept as
 * one element, which a filter on one of its marks missed): existing elements are split into
 * their bits. It also keeps the receive options. */
const char store_v3_sql[] =
    "ALTER TABLE conversation ADD COLUMN read_timestamp INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE conversation ADD COLUMN read_sequence INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE conversation ADD COLUMN at_info TEXT NOT NULL DEFAULT '[]';"
    "DROP VIEW IF EXISTS conv_info;"
    "CREATE TABLE IF NOT EXISTS receive_option ("
    " conv_type INTEGER NOT NULL,"
    " conv_id TEXT NOT NULL,"
    " opt INTEGER NOT NULL," /* TIMReceiveMessageOpt, kept before the conversation exists */
    " PRIMARY KEY (conv_type, conv_id)) WITHOUT ROWID;"
    "UPDATE conversation SET mark_array = (SELECT json_group_array(bit) FROM"
    " (WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 63) SELECT 1 << i AS bit FROM n)"
    " WHERE EXISTS (SELECT 1 FROM json_each(mark_array) WHERE (value & bit) <> 0))"
    " WHERE mark_array <> '[]';";

/* Version 4 keeps a group conversation's group type (TIMGroupType, from the group registry) and
 * tells the inbox's kinds of delivery apart (a message, or the revoke of one). */
const char store_v4_sql[] =
    "ALTER TABLE conversation ADD COLUMN group_type INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE inbox ADD COLUMN kind INTEGER NOT NULL DEFAULT 0;"
    "DROP VIEW IF EXISTS conv_info;";

/* Version 5 writes the ConvInfo view without re-parsing its stored members (store_view_sql), and
 * keeps each last message's summary for the list's columns (ST_CONV_COLUMNS). */
const char store_v5_sql[] =
    "DROP VIEW IF EXISTS conv_info;"
    "ALTER TABLE conversation ADD COLUMN last_summary TEXT;"
    "UPDATE conversation SET last_summary = " LAST_SUMMARY("last_msg") " WHERE last_msg IS NOT NULL;";

/* Version 6 indexes the history (MESSAGE_COLUMNS_SQL) and makes it searchable (MESSAGE_SEARCH_SQL,
 * filled with the messages stored before); the view is made anew after it, as after every
 * upgrade. */
const char store_v6_sql[] =
    "DROP VIEW IF EXISTS conv_info;" MESSAGE_COLUMNS_SQL MESSAGE_SEARCH_SQL
    "INSERT INTO message_search (conv_type, conv_id, seq, sender, time, type) SELECT conv_type, conv_id, seq,"
    " json_extract(msg, '$.message_sender'), time, json_extract(msg, '$.message_elem_array[0].elem_type')"
    " FROM message WHERE " SEARCHABLE("msg") ";"
    "INSERT INTO message_fts (rowid, body) SELECT s.id, " SEARCH_BODY("m.msg") " FROM message_search s"
    " JOIN message m ON m.conv_type = s.conv_type AND m.conv_id = s.conv_id AND m.seq = s.seq;";

/* The schema (the view conv_info comes after it: store_view_sql). */
const char store_schema_sql[] =
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS conversation ("
    " conv_type INTEGER NOT NULL,"
    " conv_id TEXT NOT NULL,"
    " active_time INTEGER NOT NULL,"  /* seconds: creation or latest message, whichever later */
    " active_order INTEGER NOT NULL," /* rises each time a conversation becomes active: ties */
    " unread INTEGER NOT NULL DEFAULT 0,"
    " recv_opt INTEGER NOT NULL DEFAULT 0,"
    " pinned INTEGER NOT NULL DEFAULT 0,"
    " show_name TEXT NOT NULL,"
    " face_url TEXT NOT NULL DEFAULT '',"
    " custom_data TEXT NOT NULL DEFAULT '',"
    " mark_array TEXT NOT NULL DEFAULT '[]',"
    " group_array TEXT NOT NULL DEFAULT '[]',"
    " draft TEXT,"    /* Draft JSON, NULL when none */
    " last_msg TEXT," /* Message JSON, NULL when none */
    " read_timestamp INTEGER NOT NULL DEFAULT 0," /* C2C: the server time of the last message read */
    " read_sequence INTEGER NOT NULL DEFAULT 0,"  /* group: the seq of the last message read */
    " at_info TEXT NOT NULL DEFAULT '[]',"        /* group: GroupAtInfo array of the unread @ messages */
    " group_type INTEGER NOT NULL DEFAULT 0,"     /* group: TIMGroupType */
    " last_summary TEXT,"  /* LAST_SUMMARY of last_msg, written with it */
    " PRIMARY KEY (conv_type, conv_id)) WITHOUT ROWID;"
    "CREATE INDEX IF NOT EXISTS conversation_list_order ON conversation (pinned DESC, active_order DESC);"
    "CREATE INDEX IF NOT EXISTS conversation_unread ON conversation (recv_opt, unread) WHERE unread > 0;"
    "CREATE TABLE IF NOT EXISTS message ("
    " conv_type INTEGER NOT NULL,"
    " conv_id TEXT NOT NULL,"
    " seq INTEGER NOT NULL,"      /* per conversation, from 1 */
    " msg TEXT NOT NULL,"         /* Message JSON */
    " PRIMARY KEY (conv_type, conv_id, seq)) WITHOUT ROWID;"
    MESSAGE_COLUMNS_SQL MESSAGE_SEARCH_SQL
    /* Messages other processes delivered here, for the owner's process to announce. */
    "CREATE TABLE IF NOT EXISTS inbox ("
    " id INTEGER PRIMARY KEY,"
    " conv_type INTEGER NOT NULL,"
    " conv_id TEXT NOT NULL,"
    " created INTEGER NOT NULL,"  /* the delivery created the conversation */
    " msg TEXT NOT NULL,"         /* kind 0: the Message; 1: the MsgLocator of a revoked one; 2: a modified Message */
    " kind INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE IF NOT EXISTS conv_group (name TEXT PRIMARY KEY) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS receive_option ("
    " conv_type INTEGER NOT NULL,"
    " conv_id TEXT NOT NULL,"
    " opt INTEGER NOT NULL," /* TIMReceiveMessageOpt, kept before the conversation exists */
    " PRIMARY KEY (conv_type, conv_id)) WITHOUT ROWID;"
    "INSERT OR IGNORE INTO meta (key, value) VALUES ('active_order', 0);";


/* The one definition of the ConvInfo JSON (spec section 4), as a view: optional members
 * (conv_last_msg, conv_draft, conv_group_type) are present only when they apply; the read
 * position is conv_c2c_read_timestamp for a C2C conversation, conv_group_read_sequence for a
 * group (TIMConversationManager.h 973, 975). Made anew when a store is upgraded.
 * Written by concatenation, not json_object/json_insert: every scalar goes through json_quote,
 * and the stored JSON members (written by SQLite's JSON functions, so valid and minified) are
 * spliced in as they are, so listing never parses them again (json_insert would re-parse the
 * growing object once per member: 1.65x the json_group_array floor at 100,000 rows). */
const char store_view_sql[] =
    "CREATE VIEW conv_info AS"
    " SELECT conv_type, conv_id, pinned, active_time, active_order, unread, recv_opt, mark_array, group_array, at_info,"
    "  '{\"conv_id\":' || json_quote(conv_id) || ',\"conv_type\":' || json_quote(conv_type)"
    "  || ',\"conv_owner\":' || json_quote((SELECT value FROM meta WHERE key = 'owner'))"
    "  || ',\"conv_unread_num\":' || json_quote(unread) || ',\"conv_active_time\":' || json_quote(active_time)"
    "  || ',\"conv_is_has_lastmsg\":' || CASE WHEN last_msg IS NULL THEN 'false' ELSE 'true' END"
    "  || ',\"conv_is_has_draft\":' || CASE WHEN draft IS NULL THEN 'false' ELSE 'true' END"
    "  || ',\"conv_recv_opt\":' || json_quote(recv_opt)"
    "  || ',\"conv_is_pinned\":' || CASE WHEN pinned THEN 'true' ELSE 'false' END"
    "  || ',\"conv_show_name\":' || json_quote(show_name) || ',\"conv_face_url\":' || json_quote(face_url)"
    "  || ',\"conv_mark_array\":' || replace(mark_array, '-9223372036854775808', '9223372036854775808')"
    "  || ',\"conv_custom_data\":' || json_quote(custom_data)"
    "  || ',\"conv_conversation_group_array\":' || group_array"
    "  || ',\"conv_group_at_info_array\":' || at_info"
    "  || CASE WHEN conv_type = 2 THEN ',\"conv_group_type\":' || json_quote(group_type)"
    "       || ',\"conv_group_read_sequence\":' || json_quote(read_sequence)"
    "     ELSE ',\"conv_c2c_read_timestamp\":' || json_quote(read_timestamp) END"
    "  || CASE WHEN last_msg IS NULL THEN '' ELSE ',\"conv_last_msg\":' || last_msg END"
    "  || CASE WHEN draft IS NULL THEN '' ELSE ',\"conv_draft\":' || draft END || '}' AS info"
    " FROM conversation;";

/* Whether a conversation passes a ConversationListFilter bound as ?2 conv type (0: any), ?3 has
 * unread, ?4 mark, ?5 conversation group, ?6 has group @ info; NULL means the key was absent
 * ("any"), as the vendor documents. mark_array holds one bit per element, so their sum is the
 * conversation's marks as one bit set (bit 63 as the sign bit, as SQLite's integers hold it). */
#define FILTER_PREDICATE \
    "(?2 = 0 OR conv_type = ?2)" \
    " AND (?3 IS NULL OR (unread > 0) = ?3)" \
    " AND (?4 IS NULL OR CASE WHEN ?4 = 0 THEN mark_array = '[]'" \
    "   ELSE ((SELECT coalesce(sum(value), 0) FROM json_each(mark_array)) & ?4) = ?4 END)" \
    " AND (?5 IS NULL OR CASE WHEN ?5 = '' THEN group_array = '[]'" \
    "   ELSE EXISTS (SELECT 1 FROM json_each(group_array) WHERE value = ?5) END)" \
    " AND (?6 IS NULL OR (at_info <> '[]') = ?6)"

/* Where a read report puts the read position (see ST_CONV_READ_TIMESTAMP). */
#define READ_TIMESTAMP "(CASE WHEN ?3 = 0 THEN coalesce(json_extract(last_msg, '$.message_server_time'), ?4) ELSE ?3 END)"
#define READ_SEQUENCE \
    "(CASE WHEN ?3 = 0 THEN (SELECT coalesce(max(seq), 0) FROM message WHERE conv_type = ?1 AND conv_id = ?2) ELSE ?3 END)"

/* The TIMGroupAtType of message ?3 for the store's owner: 1 (@ me), 2 (@ everyone), 3 (both), 0. */
#define AT_TYPE \
    "(EXISTS (SELECT 1 FROM json_each(?3, '$.message_group_at_user_array')" \
    "   WHERE value = (SELECT value FROM meta WHERE key = 'owner'))" \
    " + 2 * EXISTS (SELECT 1 FROM json_each(?3, '$.message_group_at_user_array') WHERE value = '__kImSDK_MessageAtALL__'))"

/* The receive option of conversation (?T, ?I): Receive (0) unless one was set. */
#define RECV_OPT_OF(t, i) "coalesce((SELECT opt FROM receive_option WHERE conv_type = ?" #t " AND conv_id = ?" #i "), 0)"

/* The receive option of group p.gid (ST_GROUP_SELF_INFO). */
#define GROUP_RECV_OPT "coalesce((SELECT opt FROM receive_option WHERE conv_type = 2 AND conv_id = p.gid), 0)"

/* Whether conversation group ?N holds the conversation. */
#define IN_GROUP(n) "EXISTS (SELECT 1 FROM json_each(group_array) WHERE value = ?" #n ")"

const char *const store_stmt_sql[ST_COUNT] = {
    [ST_BEGIN] = "BEGIN IMMEDIATE",
    [ST_COMMIT] = "COMMIT",
    [ST_ROLLBACK] = "ROLLBACK",
    [ST_SAVEPOINT] = "SAVEPOINT call",
    [ST_RELEASE] = "RELEASE call",
    [ST_ROLLBACK_TO] = "ROLLBACK TO call",
    [ST_SET_OWNER] = "INSERT OR REPLACE INTO meta (key, value) VALUES ('owner', ?1)",
    /* The login that holds the store: each login writes its token; another one's token means the
     * user logged in elsewhere since (TIMManager.h 238). */
    [ST_SESSION_TAKE] = "INSERT OR REPLACE INTO meta (key, value) VALUES ('session', ?1)",
    [ST_SESSION_HOLDER] = "SELECT coalesce((SELECT value FROM meta WHERE key = 'session'), 0)",
    [ST_CONV_EXISTS] = "SELECT 1 FROM conversation WHERE conv_type = ?1 AND conv_id = ?2",
    [ST_CONV_INFO] = "SELECT info FROM conv_info WHERE conv_type = ?1 AND conv_id = ?2",
    /* Two plain statements: RETURNING costs SQLite a temporary table per call (a tenth of a send). */
    [ST_BUMP_ACTIVE_ORDER] = "UPDATE meta SET value = value + 1 WHERE key = 'active_order'",
    [ST_ACTIVE_ORDER] = "SELECT value FROM meta WHERE key = 'active_order'",
    [ST_SET_ACTIVE_ORDER] = "UPDATE meta SET value = ?1 WHERE key = 'active_order'",
    [ST_CONV_INSERT] =
        "INSERT INTO conversation (conv_type, conv_id, active_time, active_order, show_name, recv_opt)"
        " VALUES (?1, ?2, ?3, ?4, ?2, " RECV_OPT_OF(1, 2) ")",
    [ST_CONV_DELETE] = "DELETE FROM conversation WHERE conv_type = ?1 AND conv_id = ?2",
    [ST_CONV_LIST] =
        "SELECT '[' || coalesce(group_concat(info, ','), '') || ']' FROM"
        " (SELECT info FROM conv_info ORDER BY pinned DESC, active_order DESC)",
    /* The list as columns (timconv_conv_list_columns): one JSON array per result column, one
     * element per conversation in list order, the columns in the order of the keys
     * store_conv_columns puts them under, in one object. Drafts are spliced in as stored, last
     * messages as their summaries (LAST_SUMMARY); an empty mark, group or @ array is null (a
     * reader then makes no empty list per conversation). One array per result column, not one
     * text joined with ||: each || would copy the growing text again. */
    [ST_CONV_COLUMNS] =
        "SELECT '[' || coalesce(group_concat(json_quote(conv_id), ','), '') || ']',"
        "  '[' || coalesce(group_concat(conv_type, ','), '') || ']',"
        "  '[' || coalesce(group_concat(json_quote(show_name), ','), '') || ']',"
        "  '[' || coalesce(group_concat(unread, ','), '') || ']',"
        "  '[' || coalesce(group_concat(active_time, ','), '') || ']',"
        "  '[' || coalesce(group_concat(CASE WHEN pinned THEN 'true' ELSE 'false' END, ','), '') || ']',"
        "  '[' || coalesce(group_concat(recv_opt, ','), '') || ']',"
        "  '[' || coalesce(group_concat(json_quote(custom_data), ','), '') || ']',"
        "  '[' || coalesce(group_concat(CASE WHEN conv_type = 1 THEN read_timestamp ELSE 'null' END, ','), '') || ']',"
        "  '[' || coalesce(group_concat(CASE WHEN conv_type = 2 THEN read_sequence ELSE 'null' END, ','), '') || ']',"
        "  '[' || coalesce(group_concat(CASE mark_array WHEN '[]' THEN 'null' ELSE replace(mark_array, '-9223372036854775808', '9223372036854775808') END, ','), '') || ']',"
        "  '[' || coalesce(group_concat(CASE group_array WHEN '[]' THEN 'null' ELSE group_array END, ','), '') || ']',"
        "  '[' || coalesce(group_concat(CASE at_info WHEN '[]' THEN 'null' ELSE at_info END, ','), '') || ']',"
        "  '[' || coalesce(group_concat(coalesce(draft, 'null'), ','), '') || ']',"
        "  '[' || coalesce(group_concat(coalesce(last_summary, 'null'), ','), '') || ']',"
        "  '[' || coalesce(group_concat(json_quote(face_url), ','), '') || ']'"
        " FROM (SELECT * FROM conversation ORDER BY pinned DESC, active_order DESC)",
    /* A correlated lookup per entry, so each one uses the primary key. */
    [ST_CONV_INFO_BATCH] =
        "SELECT '[' || coalesce(group_concat(info, ','), '') || ']' FROM"
        " (SELECT (SELECT c.info FROM conv_info AS c"
        "   WHERE c.conv_type = json_extract(p.value, '$.get_conversation_list_param_conv_type')"
        "   AND c.conv_id = json_extract(p.value, '$.get_conversation_list_param_conv_id')) AS info"
        "  FROM json_each(?1) AS p ORDER BY p.key)",
    [ST_DRAFT_SET] =
        "UPDATE conversation SET draft ="
        " json_set(json(?3), '$.draft_edit_time', coalesce(json_extract(?3, '$.draft_edit_time'), ?4))"
        " WHERE conv_type = ?1 AND conv_id = ?2",
    [ST_DRAFT_CLEAR] = "UPDATE conversation SET draft = NULL WHERE conv_type = ?1 AND conv_id = ?2",
    [ST_MSG_DELETE_ALL] = "DELETE FROM message WHERE conv_type = ?1 AND conv_id = ?2",
    [ST_CONV_PIN] = "UPDATE conversation SET pinned = ?3 WHERE conv_type = ?1 AND conv_id = ?2",
    /* Conversations set not to notify (recv_opt other than Receive) do not count, as in the vendor SDK. */
    [ST_TOTAL_UNREAD] = "SELECT coalesce(sum(unread), 0) FROM conversation WHERE recv_opt = 0 AND unread > 0",
    /* One page of the filtered list. Cursor: (pinned << 52) | active_order of the last row given,
     * below 2^53 so that it stays exact through a double (the vendor's JavaScript wrapper passes
     * next_seq as a JS number); ?1 = 0 starts at the top. */
    [ST_CONV_PAGE] =
        "WITH page AS (SELECT info, (pinned << 52) | active_order AS cursor,"
        "  row_number() OVER (ORDER BY pinned DESC, active_order DESC) AS rn FROM ("
        "  SELECT * FROM conv_info"
        "  WHERE (?1 = 0 OR pinned < (?1 >> 52) OR (pinned = (?1 >> 52) AND active_order < (?1 & 4503599627370495)))"
        "  AND " FILTER_PREDICATE
        "  ORDER BY pinned DESC, active_order DESC LIMIT ?7 + 1))"
        " SELECT json_object("
        "  'conversation_list_result_conv_list',"
        "   (SELECT json_group_array(json(info)) FROM (SELECT info FROM page WHERE rn <= ?7 ORDER BY rn)),"
        "  'conversation_list_result_next_seq', coalesce((SELECT cursor FROM page WHERE rn = min(?7, (SELECT count(*) FROM page))), 0),"
        "  'conversation_list_result_is_finished', json(CASE WHEN (SELECT count(*) FROM page) <= ?7 THEN 'true' ELSE 'false' END))",
    [ST_NEXT_SEQ] = "SELECT coalesce(max(seq), 0) + 1 FROM message WHERE conv_type = ?1 AND conv_id = ?2",
    /* A Message as stored, and its summary (LAST_SUMMARY), written by concatenation: the body's
     * base (json_check.h) with the members the SDK sets on this copy, and the defaults of those
     * the caller did not give (?13, the body's `given` bits; the other users' copies never have
     * the sender's custom fields), appended; nothing parsed. ?1 base (the sender's, or the other
     * users'), ?2 conv id, ?3 conv type, ?4 sender, ?5 from self, ?6 now, ?7 msg id, ?8 seq, ?9
     * rand, ?10 unique id, ?11 excluded from the unread count, ?12 elements, ?13 given. */
    [ST_MSG_BUILD] =
        "SELECT substr(?1, 1, length(?1) - 1)"
        " || CASE WHEN ?13 & 1 THEN '' ELSE ',\"message_client_time\":' || ?6 END"
        " || CASE WHEN ?13 & 2 THEN '' ELSE ',\"message_priority\":1' END"
        " || CASE WHEN ?13 & 4 THEN '' ELSE ',\"message_platform\":0' END"
        " || CASE WHEN ?5 AND ?13 & 8 THEN '' ELSE ',\"message_custom_str\":\"\"' END"
        " || CASE WHEN ?5 AND ?13 & 16 THEN '' ELSE ',\"message_custom_int\":0' END"
        " || ',\"message_conv_id\":' || json_quote(?2) || ',\"message_conv_type\":' || ?3"
        " || ',\"message_sender\":' || json_quote(?4) || ',\"message_server_time\":' || ?6"
        " || ',\"message_is_from_self\":' || CASE WHEN ?5 THEN 'true' ELSE 'false' END"
        /* a message excluded from the unread count never waits to be read */
        " || ',\"message_is_read\":' || CASE WHEN ?5 OR ?11 THEN 'true' ELSE 'false' END"
        " || ',\"message_status\":2,\"message_msg_id\":' || json_quote(?7) || ',\"message_seq\":' || ?8"
        " || ',\"message_rand\":' || ?9 || ',\"message_unique_id\":' || ?10"
        " || ',\"message_is_peer_read\":false,\"message_is_online_msg\":false}',"
        " '{\"message_elem_array\":' || ?12 || ',\"message_sender\":' || json_quote(?4)"
        " || ',\"message_server_time\":' || ?6 || ',\"message_status\":2}'",
    [ST_MSG_INSERT] = "INSERT INTO message (conv_type, conv_id, seq, msg) VALUES (?1, ?2, ?3, ?4)",
    /* Records message ?8 (summary ?10) in its conversation, in one write of the row: creates the
     * conversation or makes it the most recently active (?3 now, ?4 order) with the message as its
     * last, unless the message is excluded from being the last message (?5, TIMMessageManager.h
     * 2359): it then moves nothing and the last message stays. A received message (?9) counts as
     * unread unless excluded from the count (?11, 2349). A group message names its group (?6, ?7:
     * name, its id when the name is empty, TIMConversationManager.h 943, and TIMGroupType; NULL for
     * C2C) and may carry its face (?12; NULL: unchanged). */
    [ST_CONV_RECORD_MSG] =
        "INSERT INTO conversation (conv_type, conv_id, active_time, active_order, show_name, face_url, recv_opt,"
        " group_type, last_msg, last_summary, unread)"
        " VALUES (?1, ?2, ?3, ?4, coalesce(nullif(?6, ''), ?2), coalesce(?12, ''), " RECV_OPT_OF(1, 2) ", coalesce(?7, 0),"
        " CASE WHEN ?5 THEN NULL ELSE ?8 END, CASE WHEN ?5 THEN NULL ELSE ?10 END, ?9 AND NOT ?11)"
        " ON CONFLICT (conv_type, conv_id) DO UPDATE SET"
        " active_time = CASE WHEN ?5 THEN active_time ELSE excluded.active_time END,"
        " active_order = CASE WHEN ?5 THEN active_order ELSE excluded.active_order END,"
        " show_name = CASE WHEN ?5 THEN show_name ELSE coalesce(nullif(?6, ''), CASE WHEN ?6 = '' THEN ?2 END, show_name) END,"
        " face_url = coalesce(?12, face_url),"
        " group_type = CASE WHEN ?5 THEN group_type ELSE coalesce(?7, group_type) END,"
        " last_msg = coalesce(excluded.last_msg, last_msg), last_summary = coalesce(excluded.last_summary, last_summary),"
        " unread = unread + excluded.unread",
    [ST_INBOX_INSERT] = "INSERT INTO inbox (conv_type, conv_id, created, msg, kind) VALUES (?1, ?2, ?3, ?4, ?5)",
    /* A page of older messages, newest first: before (server time ?4, seq ?5), at or after time
     * ?6, of the first element types JSON array ?7 lists (NULL: any), at most ?3. */
    [ST_MSG_LIST] =
        "SELECT '[' || coalesce(group_concat(msg, ','), '') || ']' FROM"
        " (SELECT msg FROM message WHERE conv_type = ?1 AND conv_id = ?2 AND (time, seq) < (?4, ?5)"
        "  AND time >= ?6 AND (?7 IS NULL OR " MSG_TYPE " IN (SELECT value FROM json_each(?7)))"
        "  ORDER BY time DESC, seq DESC LIMIT ?3)",
    /* Marks read the messages up to ?3 (0: all): the server time (seconds) of a c2c message, the
     * seq of a group message. */
    [ST_MSG_CLEAN_UNREAD] =
        "UPDATE message SET msg = json_set(msg, '$.message_is_read', json('true'))"
        " WHERE conv_type = ?1 AND conv_id = ?2 AND json_extract(msg, '$.message_is_read') = 0"
        " AND (?3 = 0 OR CASE WHEN ?1 = 1 THEN json_extract(msg, '$.message_server_time') ELSE seq END <= ?3)",
    /* The conversation's side of the same: ?4 messages were marked read. */
    [ST_CONV_CLEAN_UNREAD] =
        "UPDATE conversation SET unread = CASE WHEN ?3 = 0 THEN 0 ELSE max(0, unread - ?4) END,"
        " last_msg = CASE WHEN last_msg IS NOT NULL AND (?3 = 0 OR CASE WHEN ?1 = 1"
        "  THEN json_extract(last_msg, '$.message_server_time') ELSE json_extract(last_msg, '$.message_seq') END <= ?3)"
        "  THEN json_set(last_msg, '$.message_is_read', json('true')) ELSE last_msg END"
        " WHERE conv_type = ?1 AND conv_id = ?2 AND unread > 0",
    /* Advances the read position of conversation (?1, ?2) to ?3 (0: its latest message; a C2C
     * conversation without one: the time ?4), never back (TIMMessageManager.h 2806). */
    [ST_CONV_READ_TIMESTAMP] =
        "UPDATE conversation SET read_timestamp = " READ_TIMESTAMP
        " WHERE conv_type = ?1 AND conv_id = ?2 AND ?1 = 1 AND read_timestamp < " READ_TIMESTAMP,
    [ST_CONV_READ_SEQUENCE] =
        "UPDATE conversation SET read_sequence = " READ_SEQUENCE
        " WHERE conv_type = ?1 AND conv_id = ?2 AND ?1 = 2 AND read_sequence < " READ_SEQUENCE,
    /* A group message ?3 (its seq ?4) that mentions the owner or everyone adds a GroupAtInfo
     * (TIMConversationManager.h 930-934: its seq and TIMGroupAtType, 1 me, 2 all, 3 both). */
    [ST_CONV_RECORD_AT] =
        "UPDATE conversation SET at_info = json_insert(at_info, '$[#]',"
        "  json_object('conv_group_at_info_seq', ?4, 'conv_group_at_info_at_type', " AT_TYPE "))"
        " WHERE conv_type = ?1 AND conv_id = ?2 AND ?1 = 2 AND " AT_TYPE " > 0",
    /* Reading a group up to seq ?3 (0: everything) clears the @ information of what was read. */
    [ST_CONV_CLEAR_AT] =
        "UPDATE conversation SET at_info = CASE WHEN ?3 = 0 THEN '[]' ELSE (SELECT json_group_array(json(value))"
        "  FROM json_each(at_info) WHERE json_extract(value, '$.conv_group_at_info_seq') > ?3) END"
        " WHERE conv_type = ?1 AND conv_id = ?2 AND at_info <> '[]'"
        " AND (?3 = 0 OR EXISTS (SELECT 1 FROM json_each(at_info) WHERE json_extract(value, '$.conv_group_at_info_seq') <= ?3))",
    [ST_UNREAD_KEYS] = "SELECT conv_type, conv_id FROM conversation WHERE unread > 0 AND (?1 = 0 OR conv_type = ?1)",
    [ST_DATA_VERSION] = "PRAGMA data_version",
    /* What other processes delivered since ?1: the new messages, the ConvInfo of the
     * conversations they created and of those they updated, the group tips among the messages
     * (their GroupTipsElem), the MsgLocators of revoked messages, and the modified Messages. */
    [ST_INBOX_SINCE] =
        "SELECT coalesce(max(i.id), ?1),"
        " '[' || coalesce(group_concat(CASE WHEN i.kind = 0 THEN i.msg END, ','), '') || ']',"
        " (SELECT '[' || coalesce(group_concat(c.info, ','), '') || ']' FROM conv_info c WHERE EXISTS"
        "   (SELECT 1 FROM inbox j WHERE j.id > ?1 AND j.created AND j.conv_type = c.conv_type AND j.conv_id = c.conv_id)),"
        " (SELECT '[' || coalesce(group_concat(c.info, ','), '') || ']' FROM conv_info c WHERE EXISTS"
        "   (SELECT 1 FROM inbox j WHERE j.id > ?1 AND j.conv_type = c.conv_type AND j.conv_id = c.conv_id"
        "    AND NOT coalesce(json_extract(j.msg, '$.message_is_online_msg'), 0)" /* online: nothing changed */
        "    AND (j.kind <> 2 OR json_extract(c.info, '$.conv_last_msg.message_msg_id')" /* an edit: when last */
        "     = json_extract(j.msg, '$.message_msg_id')))"
        "   AND NOT EXISTS (SELECT 1 FROM inbox j WHERE j.id > ?1 AND j.created AND j.conv_type = c.conv_type"
        "   AND j.conv_id = c.conv_id)),"
        " (SELECT json_group_array(json(e.value)) FROM inbox j, json_each(j.msg, '$.message_elem_array') e"
        "   WHERE j.id > ?1 AND j.kind = 0 AND json_extract(e.value, '$.elem_type') = 5),"
        " '[' || coalesce(group_concat(CASE WHEN i.kind = 1 THEN i.msg END, ','), '') || ']',"
        " '[' || coalesce(group_concat(CASE WHEN i.kind = 2 THEN i.msg END, ','), '') || ']'"
        " FROM (SELECT * FROM inbox WHERE id > ?1 ORDER BY id) AS i",
    [ST_INBOX_CLEAR] = "DELETE FROM inbox",
    /* Keeps the newest announced row (?1): an INTEGER PRIMARY KEY takes the largest id + 1, so new
     * deliveries still come after what was announced. */
    [ST_INBOX_TRIM] = "DELETE FROM inbox WHERE id < ?1",
    [ST_ARRAY_ITEMS] = "SELECT value FROM json_each(?1) ORDER BY key",
    [ST_ARRAY_LENGTH] = "SELECT json_array_length(?1)",
    [ST_OP_RESULT] =
        "SELECT json_object('conversation_operation_result_conversation_id', ?1,"
        " 'conversation_operation_result_result_code', ?2, 'conversation_operation_result_result_info', ?3)",
    /* Sets (?4 true) or clears mark ?3, keeping the others in their order. */
    /* Sets (?4 true) or clears the marks of bit set ?3, one element per bit (bit 63 is stored as
     * -2^63: the view shows it as 2^63). */
    [ST_CONV_MARK] =
        "UPDATE conversation SET mark_array = (SELECT json_group_array(value) FROM"
        " (SELECT value FROM json_each(mark_array) WHERE (value & ?3) = 0 UNION ALL"
        "  SELECT bit FROM (WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 63)"
        "   SELECT 1 << i AS bit FROM n) WHERE ?4 AND (?3 & bit) <> 0))"
        " WHERE conv_type = ?1 AND conv_id = ?2",
    [ST_CONV_ADD_TO_GROUP] =
        "UPDATE conversation SET group_array = (SELECT json_group_array(value) FROM"
        " (SELECT value FROM json_each(group_array) WHERE value <> ?3 UNION ALL SELECT ?3))"
        " WHERE conv_type = ?1 AND conv_id = ?2",
    [ST_GROUP_COUNT] = "SELECT count(*) FROM conv_group",
    [ST_GROUP_EXISTS] = "SELECT count(*) FROM conv_group WHERE name = ?1",
    [ST_GROUP_INSERT] = "INSERT INTO conv_group (name) VALUES (?1)",
    [ST_GROUP_LIST] = "SELECT json_group_array(name) FROM (SELECT name FROM conv_group ORDER BY name)",
    [ST_GROUP_DELETE] = "DELETE FROM conv_group WHERE name = ?1",
    [ST_GROUP_RENAME] = "UPDATE conv_group SET name = ?2 WHERE name = ?1",
    [ST_GROUP_MEMBER_COUNT] = "SELECT count(*) FROM conversation WHERE " IN_GROUP(1),
    /* The group's conversations as a JSON array of c2c_<id> / group_<id> keys. */
    [ST_GROUP_MEMBER_KEYS] =
        "SELECT json_group_array(CASE conv_type WHEN 1 THEN 'c2c_' ELSE 'group_' END || conv_id)"
        " FROM conversation WHERE " IN_GROUP(1),
    [ST_GROUP_MEMBER_INFOS] =
        "SELECT '[' || coalesce(group_concat(info, ','), '') || ']' FROM conv_info WHERE " IN_GROUP(1),
    [ST_CONV_IN_GROUP] = "SELECT count(*) FROM conversation WHERE conv_type = ?1 AND conv_id = ?2 AND " IN_GROUP(3),
    [ST_CONV_REMOVE_FROM_GROUP] =
        "UPDATE conversation SET group_array = (SELECT json_group_array(value) FROM json_each(group_array) WHERE value <> ?3)"
        " WHERE conv_type = ?1 AND conv_id = ?2 AND " IN_GROUP(3),
    /* Renames group ?1 to ?2 in every conversation, keeping its place in each list. */
    [ST_CONVS_RENAME_GROUP] =
        "UPDATE conversation SET group_array ="
        " (SELECT json_group_array(CASE WHEN value = ?1 THEN ?2 ELSE value END) FROM json_each(group_array))"
        " WHERE " IN_GROUP(1),
    [ST_CONV_CUSTOM_DATA] = "UPDATE conversation SET custom_data = ?3 WHERE conv_type = ?1 AND conv_id = ?2",
    /* The unread total of a filter (bound as for ST_CONV_PAGE), and the filter as the callback
     * names it: conv type, mark type and group. */
    /* Receive options (TIMMsgSetC2CReceiveMessageOpt, TIMMsgSetGroupReceiveMessageOpt): ?1 conv
     * type, ?2 a JSON array of ids, ?3 the option. */
    [ST_RECV_OPT_SET] =
        "INSERT INTO receive_option (conv_type, conv_id, opt) SELECT ?1, value, ?3 FROM json_each(?2) WHERE true"
        " ON CONFLICT (conv_type, conv_id) DO UPDATE SET opt = excluded.opt",
    /* The ids of ?2 whose existing conversation changes option (before the change). */
    [ST_RECV_OPT_CHANGING] =
        "SELECT json_group_array(conv_id) FROM conversation"
        " WHERE conv_type = ?1 AND conv_id IN (SELECT value FROM json_each(?2)) AND recv_opt <> ?3",
    [ST_CONV_SET_RECV_OPT] =
        "UPDATE conversation SET recv_opt = ?3 WHERE conv_type = ?1 AND conv_id IN (SELECT value FROM json_each(?2))",
    [ST_CONV_INFOS_OF] =
        "SELECT json_group_array(json(info)) FROM conv_info WHERE conv_type = ?1 AND conv_id IN (SELECT value FROM json_each(?2))",
    /* A GetC2CRecvMsgOptResult array for the user ids of ?1, in order. */
    [ST_RECV_OPT_GET] =
        "SELECT json_group_array(json_object('msg_recv_msg_opt_result_identifier', value,"
        " 'msg_recv_msg_opt_result_opt', coalesce((SELECT opt FROM receive_option WHERE conv_type = 1 AND conv_id = value), 0)))"
        " FROM json_each(?1)",
    [ST_RECV_OPT_OF] = "SELECT " RECV_OPT_OF(1, 2),
    /* The stored copy of message ?3 (its message_msg_id) of conversation (?1, ?2): seq, the
     * Message, its server time, whether the owner sent it, its sender. */
    [ST_MSG_FIND] =
        "SELECT seq, msg, json_extract(msg, '$.message_server_time'), json_extract(msg, '$.message_is_from_self'),"
        " json_extract(msg, '$.message_sender') FROM message"
        " WHERE conv_type = ?1 AND conv_id = ?2 AND msg_id = ?3",
    /* Marks message seq ?3 revoked by ?4; returns its MsgLocator with the revoker (vendor 2.5), its
     * bools as JSON bools (vendor 8.2: json_extract gives a stored true as 1). */
    [ST_MSG_REVOKE] =
        "UPDATE message SET msg = json_set(msg, '$.message_status', 6, '$.message_revoker_user_id', ?4)"
        " WHERE conv_type = ?1 AND conv_id = ?2 AND seq = ?3"
        " RETURNING json_object('message_locator_conv_id', conv_id, 'message_locator_conv_type', conv_type,"
        "  'message_locator_is_revoked', json('true'), 'message_locator_time', json_extract(msg, '$.message_server_time'),"
        "  'message_locator_seq', seq,"
        "  'message_locator_is_self', json(CASE WHEN json_extract(msg, '$.message_is_from_self') THEN 'true' ELSE 'false' END),"
        "  'message_locator_rand', json_extract(msg, '$.message_rand'),"
        "  'message_locator_unique_id', json_extract(msg, '$.message_unique_id'), 'message_revoker_user_id', ?4)",
    /* The last message follows a revoke: the stored copy of message ?3 replaces it. */
    [ST_CONV_LAST_MSG_IS] =
        "UPDATE conversation SET (last_msg, last_summary) ="
        " (SELECT msg, " LAST_SUMMARY("msg") " FROM message m WHERE m.conv_type = ?1 AND m.conv_id = ?2 AND m.seq = ?3)"
        " WHERE conv_type = ?1 AND conv_id = ?2 AND json_extract(last_msg, '$.message_seq') = ?3",
    /* How many of the seqs of JSON array ?3 name messages of conversation (?1, ?2), and how many of
     * those wait to be read. */
    [ST_MSG_COUNT_SEQS] =
        "SELECT count(*), coalesce(sum(json_extract(msg, '$.message_is_read') = 0), 0) FROM message"
        " WHERE conv_type = ?1 AND conv_id = ?2 AND seq IN (SELECT value FROM json_each(?3))",
    /* The seqs of the messages whose message_msg_id JSON array ?3 lists (as a JSON array). */
    [ST_MSG_SEQS_OF] =
        "SELECT json_group_array(seq) FROM message WHERE conv_type = ?1 AND conv_id = ?2"
        " AND msg_id IN (SELECT value FROM json_each(?3))",
    [ST_MSG_DELETE_SEQS] = "DELETE FROM message WHERE conv_type = ?1 AND conv_id = ?2 AND seq IN (SELECT value FROM json_each(?3))",
    /* After deleting messages: the newest remaining one that may be last (by server time, then seq,
     * as the history is ordered: an imported message keeps its own time) becomes the last message;
     * ?3 unread messages went. */
    [ST_CONV_AFTER_DELETE] =
        "UPDATE conversation SET unread = max(0, unread - ?3),"
        " (last_msg, last_summary) = (SELECT m.msg, " LAST_SUMMARY("m.msg") " FROM message m WHERE m.conv_type = ?1"
        "  AND m.conv_id = ?2 AND NOT coalesce(json_extract(m.msg, '$.message_excluded_from_last_message'), 0)"
        "  ORDER BY m.time DESC, m.seq DESC LIMIT 1),"
        " at_info = CASE WHEN ?3 > 0 AND unread - ?3 <= 0 THEN '[]' ELSE at_info END"
        " WHERE conv_type = ?1 AND conv_id = ?2",
    /* Clearing the history: no last message, nothing unread, no @ information. */
    [ST_CONV_CLEARED] =
        "UPDATE conversation SET last_msg = NULL, last_summary = NULL, unread = 0, at_info = '[]'"
        " WHERE conv_type = ?1 AND conv_id = ?2",
    /* GroupBaseInfo array ?1 with the owner's side of each group: the read seq, the unread count
     * and the receive option of its conversation (TIMGroupManager.h 10.4, 10.5). */
    [ST_GROUP_SELF_INFO] =
        "SELECT json_group_array(json(info)) FROM (SELECT json_set(json(p.value),"
        "  '$.group_base_info_readed_seq', coalesce(c.read_sequence, 0),"
        "  '$.group_base_info_msg_flag', " GROUP_RECV_OPT ","
        "  '$.group_base_info_self_info.group_self_info_unread_num', coalesce(c.unread, 0),"
        "  '$.group_base_info_self_info.group_self_info_msg_flag', " GROUP_RECV_OPT ") AS info"
        " FROM (SELECT key, value, json_extract(value, '$.group_base_info_group_id') AS gid FROM json_each(?1)) AS p"
        " LEFT JOIN conversation c ON c.conv_type = 2 AND c.conv_id = p.gid ORDER BY p.key)",
    /* A member's group conversation (?1 = 2, ?2 id) with the group's name ?3 (its id when the name is
     * empty, TIMConversationManager.h 943), face ?7 and TIMGroupType ?4: created at time ?5
     * (activation ?6), or renamed. */
    [ST_GROUP_CONV_ENSURE] =
        "INSERT INTO conversation (conv_type, conv_id, active_time, active_order, show_name, face_url, recv_opt,"
        " group_type) VALUES (?1, ?2, ?5, ?6, coalesce(nullif(?3, ''), ?2), coalesce(?7, ''), " RECV_OPT_OF(1, 2) ", ?4)"
        " ON CONFLICT (conv_type, conv_id) DO UPDATE SET show_name = excluded.show_name, face_url = excluded.face_url,"
        " group_type = excluded.group_type",
    [ST_FILTER_UNREAD] =
        "SELECT coalesce(sum(unread), 0), (SELECT json_group_object(key, value) FROM ("
        "  SELECT 'conversation_list_filter_conv_type' AS key, ?2 AS value"
        "  UNION ALL SELECT 'conversation_list_filter_mark_type',"
        "   CASE WHEN ?4 < 0 THEN json('9223372036854775808') ELSE ?4 END WHERE ?4 IS NOT NULL"
        "  UNION ALL SELECT 'conversation_list_filter_conversation_group', ?5 WHERE ?5 IS NOT NULL))"
        " FROM conversation WHERE recv_opt = 0 AND unread > 0 AND " FILTER_PREDICATE,
    /* The history (store_history.c). A page of newer messages, oldest first: after (server
     * time ?4, seq ?5), at or before time ?6; otherwise as ST_MSG_LIST. */
    [ST_MSG_LIST_NEWER] =
        "SELECT '[' || coalesce(group_concat(msg, ','), '') || ']' FROM"
        " (SELECT msg FROM message WHERE conv_type = ?1 AND conv_id = ?2 AND (time, seq) > (?4, ?5)"
        "  AND time <= ?6 AND (?7 IS NULL OR " MSG_TYPE " IN (SELECT value FROM json_each(?7)))"
        "  ORDER BY time, seq LIMIT ?3)",
    /* The messages of the seqs JSON array ?3 lists (of the types of ?5, as ST_MSG_LIST), oldest
     * first when ?4 is 1, newest first when -1. */
    [ST_MSG_LIST_SEQS] =
        "SELECT '[' || coalesce(group_concat(msg, ','), '') || ']' FROM"
        " (SELECT msg FROM message WHERE conv_type = ?1 AND conv_id = ?2 AND seq IN (SELECT value FROM json_each(?3))"
        "  AND (?5 IS NULL OR " MSG_TYPE " IN (SELECT value FROM json_each(?5)))"
        "  ORDER BY time * ?4, seq * ?4)",
    /* Where a page starts: the (server time, seq) of the message of id ?3, of seq ?3, of the
     * newest seq at or before ?3, of the oldest at or after ?3. */
    [ST_MSG_KEY_OF_ID] =
        "SELECT time, seq FROM message WHERE msg_id = ?3 AND conv_type = ?1 AND conv_id = ?2",
    [ST_MSG_KEY_OF_SEQ] = "SELECT time, seq FROM message WHERE conv_type = ?1 AND conv_id = ?2 AND seq = ?3",
    [ST_MSG_KEY_AT_OR_BEFORE] =
        "SELECT time, seq FROM message WHERE conv_type = ?1 AND conv_id = ?2 AND seq <= ?3 ORDER BY seq DESC LIMIT 1",
    [ST_MSG_KEY_AT_OR_AFTER] =
        "SELECT time, seq FROM message WHERE conv_type = ?1 AND conv_id = ?2 AND seq >= ?3 ORDER BY seq LIMIT 1",
    /* The messages whose ids JSON array ?1 lists, in its order, in any conversation (TIMMsgFindMessages). */
    [ST_MSG_FIND_IDS] =
        "SELECT '[' || coalesce(group_concat(msg, ','), '') || ']' FROM"
        " (SELECT m.msg FROM json_each(?1) j CROSS JOIN message m WHERE m.msg_id = j.value ORDER BY j.key)",
    /* The messages of conversation (?1, ?2) MsgLocator array ?3 names, in its order: a group's by
     * seq, a C2C conversation's by server time and rand (its seqs are each store's own). */
    [ST_MSG_FIND_SEQ_LOCATORS] =
        "SELECT '[' || coalesce(group_concat(msg, ','), '') || ']' FROM"
        " (SELECT m.msg FROM json_each(?3) j CROSS JOIN message m WHERE m.conv_type = ?1 AND m.conv_id = ?2"
        "  AND m.seq = json_extract(j.value, '$.message_locator_seq') ORDER BY j.key)",
    [ST_MSG_FIND_TIME_LOCATORS] =
        "SELECT '[' || coalesce(group_concat(msg, ','), '') || ']' FROM"
        " (SELECT m.msg FROM json_each(?3) j CROSS JOIN message m WHERE m.conv_type = ?1 AND m.conv_id = ?2"
        "  AND m.time = json_extract(j.value, '$.message_locator_time')"
        "  AND json_extract(m.msg, '$.message_rand') = json_extract(j.value, '$.message_locator_rand') ORDER BY j.key)",
    /* A search (store_search.c): the hits of ?1, an FTS5 query of the keywords of three characters
     * or more, with ?9 to ?13 LIKE patterns of the shorter ones (all must match); or of ?9 to ?13 a
     * LIKE pattern per keyword (?8 true: all must match, else one), scanning every indexed text;
     * or of the filters alone. Each then makes the MessageSearchResult of one conversation or of
     * all. */
    [ST_SEARCH_MATCH_ONE] = SEARCH_RESULT_ONE(HITS_MATCH),
    [ST_SEARCH_MATCH_ALL] = SEARCH_RESULT_ALL(HITS_MATCH),
    [ST_SEARCH_SCAN_ONE] = SEARCH_RESULT_ONE(HITS_SCAN),
    [ST_SEARCH_SCAN_ALL] = SEARCH_RESULT_ALL(HITS_SCAN),
    [ST_SEARCH_FILTER_ONE] = SEARCH_RESULT_ONE(HITS_FILTER),
    [ST_SEARCH_FILTER_ALL] = SEARCH_RESULT_ALL(HITS_FILTER),
    /* What conversations of type ?1 show (store.h, store_conv_faces_set): the ids of those that
     * the faces ?2 change, then the change. Each face looks its conversation up by the primary
     * key (CROSS JOIN, and the faces materialized, keep that order: the planner's own choice, a
     * scan of every face for each conversation, took 76 s for 10,000 of each). */
    [ST_CONV_FACES_CHANGING] =
        "SELECT json_group_array(c.conv_id) FROM json_each(?2) AS f CROSS JOIN conversation AS c"
        " ON c.conv_type = ?1 AND c.conv_id = json_extract(f.value, '$." CONV_FACE_ID "')"
        " WHERE c.show_name IS NOT json_extract(f.value, '$." CONV_FACE_SHOW_NAME "')"
        " OR c.face_url IS NOT json_extract(f.value, '$." CONV_FACE_URL "')",
    [ST_CONV_FACES_SET] =
        "WITH f AS MATERIALIZED (SELECT json_extract(value, '$." CONV_FACE_ID "') AS id,"
        "  json_extract(value, '$." CONV_FACE_SHOW_NAME "') AS show_name,"
        "  json_extract(value, '$." CONV_FACE_URL "') AS face_url FROM json_each(?2))"
        " UPDATE conversation SET show_name = f.show_name, face_url = f.face_url FROM f"
        " WHERE conversation.conv_type = ?1 AND conversation.conv_id = f.id",
    /* The peers of the C2C conversations, a JSON array. */
    [ST_CONV_PEERS] = "SELECT json_group_array(conv_id) FROM conversation WHERE conv_type = 1",
    /* Edits, saves and imports (store_edits.c; their SQL: edits_sql.h). */
    [ST_MSG_BY_ID] = MSG_BY_ID_SQL,
    [ST_MSG_EDIT_REFUSAL] = MSG_EDIT_REFUSAL_SQL,
    [ST_MSG_PATCH] = MSG_PATCH_SQL,
    [ST_CONV_LAST_MSG_ID] = CONV_LAST_MSG_ID_SQL,
    [ST_IMPORT_SENDERS_OK] = IMPORT_SENDERS_OK_SQL,
    [ST_MSG_IMPORT] = MSG_IMPORT_SQL,
    [ST_CONV_LAST_NEWEST] = CONV_LAST_NEWEST_SQL,
};
