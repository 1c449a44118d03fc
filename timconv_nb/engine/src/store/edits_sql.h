/* The SQL of edits, saves and imports (store_edits.c), as macros for store_sql.c (the one table of
 * the store's SQL), as history_sql.h keeps the history's: each statement's text with what it does.
 * LAST_SUMMARY is store_sql.c's. */
#ifndef TIMCONV_EDITS_SQL_H_
#define TIMCONV_EDITS_SQL_H_

/* The stored copy of the message Message ?1 names by its
 * message_msg_id, in any conversation (a store keeps one copy of a message): its conversation,
 * seq and Message. */
#define MSG_BY_ID_SQL \
    "SELECT conv_type, conv_id, seq, msg FROM message WHERE msg_id = json_extract(?1, '$.message_msg_id') LIMIT 1"

/* Whether modification ?1 (a Message) may change stored Message ?2 (TIMMessageManager.h
 * 1259-1262; the vendor's guide: any member of the conversation changes the cloud custom data
 * of any message, and the content of a text, custom, face or location message). Columns:
 * whether ?1's message_version (absent: 0) is not ?2's (a conflict: 1261); why it may not, or
 * NULL (a revoked message is final; the elements, when they change, keep their number and their
 * types, each one of those four); the version after it; whether it changes what every copy
 * shows. */
#define MSG_EDIT_REFUSAL_SQL \
    "SELECT coalesce(json_extract(?1, '$.message_version'), 0) <> coalesce(json_extract(?2, '$.message_version'), 0)," \
    " CASE WHEN coalesce(json_extract(?2, '$.message_status'), 0) = 6 THEN 'a revoked message cannot be modified'" \
    " WHEN json_type(?1, '$.message_elem_array') IS NULL" \
    "  OR json(json_extract(?1, '$.message_elem_array')) = json(json_extract(?2, '$.message_elem_array')) THEN NULL" \
    " WHEN json_type(?1, '$.message_elem_array') <> 'array'" \
    "  OR json_array_length(?1, '$.message_elem_array') <> json_array_length(?2, '$.message_elem_array')" \
    "  OR EXISTS (SELECT 1 FROM json_each(?1, '$.message_elem_array') n" \
    "   LEFT JOIN json_each(?2, '$.message_elem_array') o ON o.key = n.key WHERE n.type <> 'object'" \
    "   OR json_type(n.value, '$.elem_type') IS NOT 'integer'" \
    "   OR json_extract(n.value, '$.elem_type') IS NOT json_extract(o.value, '$.elem_type')" \
    "   OR json_extract(n.value, '$.elem_type') NOT IN (0, 3, 6, 7))" \
    "  THEN 'only the content of text, custom, face and location elements can be modified, each keeping its type'" \
    " END, coalesce(json_extract(?2, '$.message_version'), 0) + 1," \
    " json_type(?1, '$.message_elem_array') IS NOT NULL OR json_type(?1, '$.message_cloud_custom_str') IS NOT NULL"

/* Patches Message seq ?3 of conversation (?1, ?2) with the members of Message ?4 that JSON
 * array ?5 names (those ?4 has: a merge patch, arrays replaced whole), and with ?6 as its
 * message_version unless NULL; returns the Message as stored. The search index follows (its
 * trigger reads the elements). */
#define MSG_PATCH_SQL \
    "UPDATE message SET msg = json_patch(msg, (SELECT json_group_object(key, value) FROM" \
    " json_each(CASE WHEN ?6 IS NULL THEN ?4 ELSE json_set(?4, '$.message_version', ?6) END)" \
    " WHERE key IN (SELECT value FROM json_each(?5))))" \
    " WHERE conv_type = ?1 AND conv_id = ?2 AND seq = ?3 RETURNING msg"

/* The last message follows a change of the message Message ?3 names (its message_msg_id) when
 * it is that message. */
#define CONV_LAST_MSG_ID_SQL \
    "UPDATE conversation SET (last_msg, last_summary) =" \
    " (SELECT msg, " LAST_SUMMARY("msg") " FROM message m WHERE m.conv_type = ?1 AND m.conv_id = ?2" \
    "  AND m.msg_id = json_extract(?3, '$.message_msg_id'))" \
    " WHERE conv_type = ?1 AND conv_id = ?2 AND json_extract(last_msg, '$.message_msg_id') = json_extract(?3, '$.message_msg_id')"

/* Whether every Message of array ?3 (a Message alone: itself) is of a user of C2C conversation
 * (?1, ?2): the owner ?4 (a message without a sender is the owner's) or the peer. A group's
 * members come and go: its history's senders are not checked. */
#define IMPORT_SENDERS_OK_SQL \
    "SELECT ?1 <> 1 OR NOT EXISTS (SELECT 1 FROM json_each(CASE WHEN json_type(?3) = 'object' THEN json_array(json(?3))" \
    " ELSE ?3 END) WHERE coalesce(json_extract(value, '$.message_sender'), ?4) NOT IN (?4, ?2))"

/* Imports Message array ?3 (a Message alone: itself) into conversation (?1, ?2) of owner ?4 at
 * time ?5 (TIMMessageManager.h 1406-1454), each Message as given with the members the SDK
 * sets: status kTIMMsg_LocalImported (46), read, its own server time (else its client time,
 * else ?5) and sender (else the owner), its id when given and not stored yet (a message
 * already stored, or given before in ?3, is not imported again), else a new one. Seqs follow
 * the messages' times: a C2C conversation's after its last (each store's own); a group's below
 * its first and below 0 (a group's positive seqs are the server's, which no local message may
 * take; their message_seq is 0). Returns the Messages stored. */
#define MSG_IMPORT_SQL \
    "WITH given AS MATERIALIZED (SELECT key AS k, value AS m, json_extract(value, '$.message_msg_id') AS given_id," \
    "  coalesce(json_extract(value, '$.message_server_time'), json_extract(value, '$.message_client_time'), ?5) AS t," \
    "  coalesce(json_extract(value, '$.message_sender'), ?4) AS sender," \
    "  random() & 9223372036854775807 AS unique_id, random() & 4294967295 AS rand," \
    "  row_number() OVER (PARTITION BY json_extract(value, '$.message_msg_id') ORDER BY key) AS nth" \
    "  FROM json_each(CASE WHEN json_type(?3) = 'object' THEN json_array(json(?3)) ELSE ?3 END))," \
    " kept AS (SELECT *, row_number() OVER (ORDER BY t, k) AS n FROM given g WHERE g.given_id IS NULL" \
    "  OR (g.nth = 1 AND NOT EXISTS (SELECT 1 FROM message WHERE msg_id = g.given_id)))," \
    " base AS (SELECT CASE WHEN ?1 = 1 THEN coalesce(max(seq), 0) ELSE min(0, coalesce(min(seq), 0)) END AS seq" \
    "  FROM message WHERE conv_type = ?1 AND conv_id = ?2)" \
    " INSERT INTO message (conv_type, conv_id, seq, msg)" \
    " SELECT ?1, ?2, CASE WHEN ?1 = 1 THEN base.seq + n ELSE base.seq - n END," \
    "  json_insert(json_set(json_remove(m, '$.message_conv_id', '$.message_conv_type', '$.message_is_from_self'," \
    "   '$.message_is_read', '$.message_status', '$.message_seq', '$.message_rand', '$.message_unique_id'," \
    "   '$.message_is_peer_read', '$.message_version')," \
    "   '$.message_conv_id', ?2, '$.message_conv_type', ?1, '$.message_sender', sender, '$.message_server_time', t," \
    "   '$.message_is_from_self', json(CASE WHEN sender = ?4 THEN 'true' ELSE 'false' END)," \
    "   '$.message_is_read', json('true'), '$.message_status', 5," \
    "   '$.message_msg_id', coalesce(given_id, unique_id || '-' || t || '-' || rand)," \
    "   '$.message_seq', CASE WHEN ?1 = 1 THEN base.seq + n ELSE 0 END, '$.message_rand', rand," \
    "   '$.message_unique_id', unique_id, '$.message_is_peer_read', json('false')," \
    "   '$.message_is_online_msg', json('false'))," \
    "  '$.message_client_time', t, '$.message_priority', 1, '$.message_platform', 0, '$.message_custom_str', ''," \
    "  '$.message_custom_int', 0)" \
    " FROM kept, base WHERE true RETURNING msg"

/* After an import: the newest message (by server time, then seq) that may be last becomes the
 * last message, unless it is already, the conversation then most recently active (?3 its
 * activation order) as of that message's time at the latest. */
#define CONV_LAST_NEWEST_SQL \
    "WITH newest AS (SELECT m.msg, m.msg_id, m.time FROM message m WHERE m.conv_type = ?1 AND m.conv_id = ?2" \
    "  AND NOT coalesce(json_extract(m.msg, '$.message_excluded_from_last_message'), 0)" \
    "  ORDER BY m.time DESC, m.seq DESC LIMIT 1)" \
    " UPDATE conversation SET (last_msg, last_summary) = (SELECT msg, " LAST_SUMMARY("msg") " FROM newest)," \
    " active_time = max(active_time, (SELECT time FROM newest)), active_order = ?3" \
    " WHERE conv_type = ?1 AND conv_id = ?2 AND EXISTS (SELECT 1 FROM newest)" \
    " AND (SELECT msg_id FROM newest) IS NOT json_extract(last_msg, '$.message_msg_id')"

#endif  /* TIMCONV_EDITS_SQL_H_ */
