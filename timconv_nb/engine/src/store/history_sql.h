/* The SQL of the history's columns, indexes and search index, and of the searches, as macros
 * for store_sql.c (the one table of the store's SQL): the parts the schema, its version 6 and
 * the search statements share. */
#ifndef TIMCONV_HISTORY_SQL_H_
#define TIMCONV_HISTORY_SQL_H_

/* The TIMElemType of a message as a type filter reads it: its first element's. */
#define MSG_TYPE "json_extract(msg, '$.message_elem_array[0].elem_type')"

/* The history's columns and indexes: each message's server time and id, read from its JSON by
 * SQLite (generated, never written twice), so that pages run in (server time, seq) order from
 * any message or time, and messages are found by id (TIMMsgGetMsgList, TIMMsgFindMessages):
 * keyset ranges over an index, never an OFFSET. Real columns, not expression indexes: SQLite
 * uses an index for a row-value range such as (time, seq) < (?, ?) only over columns. */
#define MESSAGE_COLUMNS_SQL \
    "ALTER TABLE message ADD COLUMN time INTEGER AS (json_extract(msg, '$.message_server_time'));" \
    "ALTER TABLE message ADD COLUMN msg_id TEXT AS (json_extract(msg, '$.message_msg_id'));" \
    "CREATE INDEX message_by_time ON message (conv_type, conv_id, time, seq);" \
    "CREATE INDEX message_by_id ON message (msg_id);"

/* The searchable text of Message JSON m: its elements' texts, custom data, descriptions and
 * extensions and file names, one element a line, its ASCII letters in lower case (SQLite's
 * lower(), as LIKE compares: a search ignores the case of ASCII letters, the same whether the
 * index or a reading of the texts answers it; other letters are compared as they are). */
#define SEARCH_BODY(m) \
    "(SELECT lower(group_concat(coalesce(json_extract(e.value, '$.text_elem_content'), '')" \
    " || coalesce(' ' || json_extract(e.value, '$.custom_elem_data'), '')" \
    " || coalesce(' ' || json_extract(e.value, '$.custom_elem_desc'), '')" \
    " || coalesce(' ' || json_extract(e.value, '$.custom_elem_ext'), '')" \
    " || coalesce(' ' || json_extract(e.value, '$.file_elem_file_name'), ''), char(10)))" \
    " FROM json_each(" m ", '$.message_elem_array') e)"
/* Whether message m is searched (TIMMessageManager.h 1533, 2483): not revoked, not a group tip
 * or report. */
#define SEARCHABLE(m) \
    "(coalesce(json_extract(" m ", '$.message_status'), 0) <> 6" \
    " AND coalesce(json_extract(" m ", '$.message_elem_array[0].elem_type'), -1) NOT IN (5, 8))"
/* The search index of a message (conv_type, conv_id, seq, msg) made by its row in message_search. */
#define SEARCH_INDEX(row) \
    "INSERT INTO message_search (conv_type, conv_id, seq, sender, time, type) SELECT " row ".conv_type, " row \
    ".conv_id, " row ".seq, json_extract(" row ".msg, '$.message_sender'), " row ".time," \
    " json_extract(" row ".msg, '$.message_elem_array[0].elem_type') WHERE " SEARCHABLE(row ".msg") ";" \
    "INSERT INTO message_fts (rowid, body) SELECT id, " SEARCH_BODY(row ".msg") " FROM message_search" \
    " WHERE conv_type = " row ".conv_type AND conv_id = " row ".conv_id AND seq = " row ".seq;"
#define SEARCH_UNINDEX(row) \
    "DELETE FROM message_fts WHERE rowid = (SELECT id FROM message_search WHERE conv_type = " row ".conv_type" \
    " AND conv_id = " row ".conv_id AND seq = " row ".seq);" \
    "DELETE FROM message_search WHERE conv_type = " row ".conv_type AND conv_id = " row ".conv_id AND seq = " row ".seq;"

/* The search index (TIMMsgSearchLocalMessages): a row per searchable message with what a search
 * filters by, and an FTS5 table of their text by the same id (trigram: any substring of three
 * characters or more is found through the index). Triggers keep both in step with every write
 * to message: a send or delivery, an import, a revoke (out of the index), an edit, a delete, a
 * clear; marking read changes neither text nor status, so it costs no index work. */
#define MESSAGE_SEARCH_SQL \
    "CREATE TABLE message_search (id INTEGER PRIMARY KEY, conv_type INTEGER NOT NULL, conv_id TEXT NOT NULL," \
    " seq INTEGER NOT NULL, sender TEXT, time INTEGER, type INTEGER);" \
    "CREATE UNIQUE INDEX message_search_by_key ON message_search (conv_type, conv_id, seq);" \
    "CREATE VIRTUAL TABLE message_fts USING fts5 (body, tokenize = 'trigram case_sensitive 1');" \
    "CREATE TRIGGER message_search_insert AFTER INSERT ON message BEGIN " SEARCH_INDEX("NEW") " END;" \
    "CREATE TRIGGER message_search_delete AFTER DELETE ON message BEGIN " SEARCH_UNINDEX("OLD") " END;" \
    "CREATE TRIGGER message_search_update AFTER UPDATE OF msg ON message" \
    " WHEN json_extract(OLD.msg, '$.message_status') IS NOT json_extract(NEW.msg, '$.message_status')" \
    " OR json_extract(OLD.msg, '$.message_elem_array') IS NOT json_extract(NEW.msg, '$.message_elem_array')" \
    " OR OLD.time IS NOT NEW.time BEGIN " SEARCH_UNINDEX("OLD") SEARCH_INDEX("NEW") " END;"

/* What every search filters by (MessageSearchParam, TIMMessageManager.h 2481-2499): ?2 conv type
 * (0: every conversation) and ?3 id, the time range ?4 to ?5, ?6 a JSON array of senders, ?7
 * one of TIMElemType values (NULL: any). */
#define SEARCH_FILTER \
    " (?2 = 0 OR (s.conv_type = ?2 AND s.conv_id = ?3)) AND s.time BETWEEN ?4 AND ?5" \
    " AND (?6 IS NULL OR s.sender IN (SELECT value FROM json_each(?6)))" \
    " AND (?7 IS NULL OR s.type IN (SELECT value FROM json_each(?7)))"
#define LIKE_OR_NULL(n) "(?" #n " IS NULL OR f.body LIKE ?" #n " ESCAPE '\\')"
#define LIKE_AND_NULL(n) "(?" #n " IS NOT NULL AND f.body LIKE ?" #n " ESCAPE '\\')"
#define HITS_MATCH \
    "SELECT s.conv_type, s.conv_id, s.seq, s.time FROM message_fts f JOIN message_search s ON s.id = f.rowid" \
    " WHERE message_fts MATCH ?1 AND" SEARCH_FILTER " AND " LIKE_OR_NULL(9) " AND " LIKE_OR_NULL(10) \
    " AND " LIKE_OR_NULL(11) " AND " LIKE_OR_NULL(12) " AND " LIKE_OR_NULL(13)
#define HITS_SCAN \
    "SELECT s.conv_type, s.conv_id, s.seq, s.time FROM message_fts f JOIN message_search s ON s.id = f.rowid" \
    " WHERE" SEARCH_FILTER " AND CASE WHEN ?8 THEN " LIKE_OR_NULL(9) " AND " LIKE_OR_NULL(10) " AND " \
    LIKE_OR_NULL(11) " AND " LIKE_OR_NULL(12) " AND " LIKE_OR_NULL(13) " ELSE " LIKE_AND_NULL(9) " OR " \
    LIKE_AND_NULL(10) " OR " LIKE_AND_NULL(11) " OR " LIKE_AND_NULL(12) " OR " LIKE_AND_NULL(13) " END"
#define HITS_FILTER "SELECT s.conv_type, s.conv_id, s.seq, s.time FROM message_search s WHERE" SEARCH_FILTER
/* MessageSearchResult (2504-2528) of one conversation: its hits newest first, page ?14 rows
 * from row ?15 (?14 -1: all). */
#define SEARCH_RESULT_ONE(hits) \
    "WITH hits AS MATERIALIZED (" hits ")" \
    " SELECT json_object('msg_search_result_total_count', (SELECT count(*) FROM hits)," \
    " 'msg_search_result_item_array', CASE WHEN NOT EXISTS (SELECT 1 FROM hits) THEN json('[]') ELSE json_array(" \
    "  json_object('msg_search_result_item_conv_id', ?3, 'msg_search_result_item_conv_type', ?2," \
    "  'msg_search_result_item_total_message_count', (SELECT count(*) FROM hits)," \
    "  'msg_search_result_item_message_array', json('[' || coalesce((SELECT group_concat(msg, ',') FROM" \
    "   (SELECT m.msg FROM hits h JOIN message m ON m.conv_type = h.conv_type AND m.conv_id = h.conv_id" \
    "    AND m.seq = h.seq ORDER BY h.time DESC, h.seq DESC LIMIT ?14 OFFSET ?15)), '') || ']'))) END)"
/* Of every conversation: the conversations with hits, most recent hit first, page ?14 from row
 * ?15; each with its count, and its one hit when it has only one (2514-2518). */
#define SEARCH_RESULT_ALL(hits) \
    "WITH hits AS MATERIALIZED (" hits "), convs AS MATERIALIZED (SELECT conv_type, conv_id, count(*) AS n," \
    " max(time) AS latest, max(seq) AS last_seq FROM hits GROUP BY conv_type, conv_id)" \
    " SELECT json_object('msg_search_result_total_count', (SELECT count(*) FROM convs)," \
    " 'msg_search_result_item_array', json('[' || coalesce((SELECT group_concat(item, ',') FROM" \
    "  (SELECT json_object('msg_search_result_item_conv_id', c.conv_id, 'msg_search_result_item_conv_type', c.conv_type," \
    "   'msg_search_result_item_total_message_count', c.n, 'msg_search_result_item_message_array'," \
    "   json('[' || CASE WHEN c.n = 1 THEN (SELECT m.msg FROM message m WHERE m.conv_type = c.conv_type" \
    "    AND m.conv_id = c.conv_id AND m.seq = c.last_seq) ELSE '' END || ']')) AS item" \
    "   FROM convs c ORDER BY c.latest DESC, c.conv_type, c.conv_id LIMIT ?14 OFFSET ?15)), '') || ']'))"

#endif  /* TIMCONV_HISTORY_SQL_H_ */
