/* The SQL of the JSON shape checks: see json_check_sql.h. Parsing is SQLite's JSON functions. */
#include "util/json_check_sql.h"

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

/* A Message written into the store by its owner, never sent (TIMMsgSaveMsg, TIMMsgImportMsgList:
 * TIMMessageManager.h 1393-1454), as SQL expression m: an object naming no member twice, with a
 * non-empty element array of objects with an integer elem_type (never a group tip or report, which
 * only the server sends, 778), its own sender (a non-empty id), times (integers >= 0), id and
 * custom fields of the vendor's types (7.12), and never an online message (which is not stored). */
#define LOCAL_MESSAGE_OK(m)                                                                                       \
    " coalesce((json_type(" m ") = 'object' AND json_type(" m ", '$.message_elem_array') = 'array'"               \
    " AND json_array_length(" m ", '$.message_elem_array') > 0"                                                   \
    " AND NOT EXISTS (SELECT 1 FROM json_each(" m ", '$.message_elem_array') e WHERE e.type <> 'object'"         \
    "  OR json_type(e.value, '$.elem_type') IS NOT 'integer' OR json_extract(e.value, '$.elem_type') IN (5, 8))"  \
    " AND NOT EXISTS (SELECT 1 FROM json_each(" m ") d GROUP BY d.key HAVING count(*) > 1)"                       \
    " AND NOT EXISTS (SELECT 1 FROM json_each(" m ") f WHERE"                                                     \
    "  (f.key IN ('message_sender', 'message_msg_id', 'message_custom_str', 'message_cloud_custom_str')"          \
    "   AND f.type <> 'text')"                                                                                    \
    "  OR (f.key = 'message_sender' AND f.value = '')"                                                            \
    "  OR (f.key IN ('message_client_time', 'message_server_time') AND (f.type <> 'integer' OR f.value < 0))"     \
    "  OR (f.key = 'message_custom_int' AND f.type <> 'integer')"                                                 \
    "  OR (f.key IN ('message_excluded_from_last_message', 'message_is_excluded_from_unread_count')"              \
    "   AND f.type NOT IN ('true', 'false'))"                                                                     \
    "  OR (f.key = 'message_is_online_msg' AND f.type <> 'false'))), 0)"

/* Each query yields 1 in its first column when ?1 has the right shape. CASE guards every
 * json_* call behind json_valid, since those raise an error on malformed text. */
const char *const check_sql[CHECK_COUNT] = {
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
    /* A MsgGetMsgListParam (TIMMessageManager.h 2439-2457): each key of its type when present.
     * Columns: ok, count (default 20), is_forward, the start message's message_seq and
     * message_server_time, last_msg_seq, time_begin, time_period (0 when absent), then texts: the
     * start message's message_msg_id, the seq array and the type array (NULL when absent or empty;
     * the type array also when is_ramble is true: 2446 makes it apply only without roaming). */
    [CHECK_MSG_LIST_PARAM] =
        "SELECT CASE WHEN json_valid(?1) THEN"
        " json_type(?1) = 'object'"
        " AND coalesce(json_type(?1, '$.msg_getmsglist_param_count'), 'integer') = 'integer'"
        " AND coalesce(json_extract(?1, '$.msg_getmsglist_param_count'), 20) BETWEEN 1 AND 1000000"
        " AND coalesce(json_type(?1, '$.msg_getmsglist_param_last_msg'), 'object') = 'object'"
        " AND coalesce(json_type(?1, '$.msg_getmsglist_param_last_msg.message_seq'), 'integer') = 'integer'"
        " AND coalesce(json_type(?1, '$.msg_getmsglist_param_last_msg.message_server_time'), 'integer') = 'integer'"
        " AND coalesce(json_type(?1, '$.msg_getmsglist_param_last_msg.message_msg_id'), 'text') = 'text'"
        " AND coalesce(json_type(?1, '$.msg_getmsglist_param_is_forward'), 'false') IN ('true', 'false')"
        " AND coalesce(json_type(?1, '$.msg_getmsglist_param_is_ramble'), 'false') IN ('true', 'false')"
        " AND NOT EXISTS (SELECT 1 FROM json_each(?1) WHERE key IN ('msg_getmsglist_param_last_msg_seq',"
        "   'msg_getmsglist_param_time_begin', 'msg_getmsglist_param_time_period') AND (type <> 'integer' OR value < 0))"
        " AND coalesce(json_type(?1, '$.msg_getmsglist_param_message_seq_array'), 'array') = 'array'"
        " AND NOT EXISTS (SELECT 1 FROM json_each(?1, '$.msg_getmsglist_param_message_seq_array')"
        "   WHERE type <> 'integer' OR value < 0)"
        " AND coalesce(json_type(?1, '$.msg_getmsglist_param_message_type_array'), 'array') = 'array'"
        " AND NOT EXISTS (SELECT 1 FROM json_each(?1, '$.msg_getmsglist_param_message_type_array') WHERE type <> 'integer')"
        " ELSE 0 END,"
        " CASE WHEN json_valid(?1) THEN coalesce(json_extract(?1, '$.msg_getmsglist_param_count'), 20) END,"
        " CASE WHEN json_valid(?1) THEN coalesce(json_extract(?1, '$.msg_getmsglist_param_is_forward'), 0) END,"
        " CASE WHEN json_valid(?1) THEN max(0, coalesce(json_extract(?1, '$.msg_getmsglist_param_last_msg.message_seq'), 0)) END,"
        " CASE WHEN json_valid(?1) THEN"
        "  max(0, coalesce(json_extract(?1, '$.msg_getmsglist_param_last_msg.message_server_time'), 0)) END,"
        " CASE WHEN json_valid(?1) THEN coalesce(json_extract(?1, '$.msg_getmsglist_param_last_msg_seq'), 0) END,"
        " CASE WHEN json_valid(?1) THEN coalesce(json_extract(?1, '$.msg_getmsglist_param_time_begin'), 0) END,"
        " CASE WHEN json_valid(?1) THEN coalesce(json_extract(?1, '$.msg_getmsglist_param_time_period'), 0) END,"
        " CASE WHEN json_valid(?1) THEN json_extract(?1, '$.msg_getmsglist_param_last_msg.message_msg_id') END,"
        " CASE WHEN json_valid(?1) AND json_array_length(?1, '$.msg_getmsglist_param_message_seq_array') > 0"
        "  THEN json_extract(?1, '$.msg_getmsglist_param_message_seq_array') END,"
        " CASE WHEN json_valid(?1) AND json_array_length(?1, '$.msg_getmsglist_param_message_type_array') > 0"
        "  AND NOT coalesce(json_extract(?1, '$.msg_getmsglist_param_is_ramble'), 0)"
        "  THEN json_extract(?1, '$.msg_getmsglist_param_message_type_array') END",
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
    /* An array of MsgLocators (TIMMessageManager.h 8.2): objects whose keys, when present, have the
     * vendor's types (integers >= 0 for time, seq, rand and unique id; bools). Column: ok. */
    [CHECK_LOCATOR_ARRAY] =
        "SELECT CASE WHEN json_valid(?1) THEN json_type(?1) = 'array'"
        " AND NOT EXISTS (SELECT 1 FROM json_each(?1) l WHERE l.type <> 'object' OR EXISTS (SELECT 1 FROM json_each(l.value) f"
        "  WHERE (f.key IN ('message_locator_time', 'message_locator_seq', 'message_locator_rand',"
        "   'message_locator_unique_id') AND (f.type <> 'integer' OR f.value < 0))"
        "  OR (f.key IN ('message_locator_is_revoked', 'message_locator_is_self') AND f.type NOT IN ('true', 'false'))))"
        " ELSE 0 END",
    /* A MessageSearchParam (TIMMessageManager.h 2479-2503): each key of its type when present.
     * Columns: ok, the match type, conv type, time position, time period, page index, page size,
     * how many keywords, then texts: the keywords, senders and types (JSON arrays; NULL when absent
     * or empty), the conversation id. */
    [CHECK_SEARCH_PARAM] =
        "SELECT CASE WHEN json_valid(?1) THEN json_type(?1) = 'object'"
        " AND coalesce(json_type(?1, '$.msg_search_param_keyword_array'), 'array') = 'array'"
        " AND NOT EXISTS (SELECT 1 FROM json_each(?1, '$.msg_search_param_keyword_array') WHERE type <> 'text')"
        " AND coalesce(json_type(?1, '$.msg_search_param_send_identifier_array'), 'array') = 'array'"
        " AND NOT EXISTS (SELECT 1 FROM json_each(?1, '$.msg_search_param_send_identifier_array') WHERE type <> 'text')"
        " AND coalesce(json_type(?1, '$.msg_search_param_message_type_array'), 'array') = 'array'"
        " AND NOT EXISTS (SELECT 1 FROM json_each(?1, '$.msg_search_param_message_type_array') WHERE type <> 'integer')"
        " AND coalesce(json_type(?1, '$.msg_search_param_conv_id'), 'text') = 'text'"
        " AND coalesce(json_extract(?1, '$.msg_search_param_conv_type'), 0) IN (0, 1, 2)"
        " AND coalesce(json_extract(?1, '$.msg_search_param_keyword_list_match_type'), 0) IN (0, 1)"
        " AND NOT EXISTS (SELECT 1 FROM json_each(?1) WHERE key IN ('msg_search_param_conv_type',"
        "   'msg_search_param_keyword_list_match_type', 'msg_search_param_search_time_position',"
        "   'msg_search_param_search_time_period', 'msg_search_param_page_index', 'msg_search_param_page_size')"
        "   AND (type <> 'integer' OR value < 0))"
        " ELSE 0 END,"
        " CASE WHEN json_valid(?1) THEN coalesce(json_extract(?1, '$.msg_search_param_keyword_list_match_type'), 0) END,"
        " CASE WHEN json_valid(?1) THEN coalesce(json_extract(?1, '$.msg_search_param_conv_type'), 0) END,"
        " CASE WHEN json_valid(?1) THEN coalesce(json_extract(?1, '$.msg_search_param_search_time_position'), 0) END,"
        " CASE WHEN json_valid(?1) THEN coalesce(json_extract(?1, '$.msg_search_param_search_time_period'), 0) END,"
        " CASE WHEN json_valid(?1) THEN coalesce(json_extract(?1, '$.msg_search_param_page_index'), 0) END,"
        " CASE WHEN json_valid(?1) THEN coalesce(json_extract(?1, '$.msg_search_param_page_size'), 0) END,"
        " CASE WHEN json_valid(?1) THEN coalesce(json_array_length(?1, '$.msg_search_param_keyword_array'), 0) END,"
        " CASE WHEN json_valid(?1) AND json_array_length(?1, '$.msg_search_param_keyword_array') > 0"
        "  THEN json_extract(?1, '$.msg_search_param_keyword_array') END,"
        " CASE WHEN json_valid(?1) AND json_array_length(?1, '$.msg_search_param_send_identifier_array') > 0"
        "  THEN json_extract(?1, '$.msg_search_param_send_identifier_array') END,"
        " CASE WHEN json_valid(?1) AND json_array_length(?1, '$.msg_search_param_message_type_array') > 0"
        "  THEN json_extract(?1, '$.msg_search_param_message_type_array') END,"
        " CASE WHEN json_valid(?1) THEN json_extract(?1, '$.msg_search_param_conv_id') END",
    /* A FriendShipGetProfileListParam (TIMManager.h 8.1). Columns: ok, the number of ids, the ids. */
    [CHECK_PROFILE_LIST_PARAM] =
        "SELECT CASE WHEN json_valid(?1) THEN json_type(?1) = 'object'"
        " AND json_type(?1, '$.friendship_getprofilelist_param_identifier_array') = 'array'"
        " AND NOT EXISTS (SELECT 1 FROM json_each(?1, '$.friendship_getprofilelist_param_identifier_array')"
        "   WHERE type <> 'text')"
        " ELSE 0 END,"
        " CASE WHEN json_valid(?1) THEN json_array_length(?1, '$.friendship_getprofilelist_param_identifier_array') END,"
        " CASE WHEN json_valid(?1) THEN json_extract(?1, '$.friendship_getprofilelist_param_identifier_array') END",
    /* Column: a JSON object of the one key ?1 whose value is the text ?2 (see json_object_of). */
    [CHECK_OBJECT_OF] = "SELECT json_object(?1, ?2)",
    /* Column: whether ?1 is a JSON object (json_check_fields, json_check_object). */
    [CHECK_IS_OBJECT] = "SELECT CASE WHEN json_valid(?1) THEN json_type(?1) = 'object' ELSE 0 END",
    /* Columns: whether member ?2 of object ?1 has one of the types ?3 (json_type names separated by
     * spaces, or "texts": an array of strings), or is absent and not required (?4); its value. */
    [CHECK_FIELD] =
        "SELECT CASE WHEN json_type(?1, ?2) IS NULL THEN NOT ?4"
        " WHEN ?3 = 'texts' THEN json_type(?1, ?2) = 'array' AND NOT EXISTS (SELECT 1 FROM json_each(?1, ?2) WHERE type <> 'text')"
        " ELSE instr(' ' || ?3 || ' ', ' ' || json_type(?1, ?2) || ' ') > 0 END,"
        " json_extract(?1, ?2)",
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
    /* A Message to save (LOCAL_MESSAGE_OK). Column: ok. */
    [CHECK_LOCAL_MESSAGE] = "SELECT CASE WHEN json_valid(?1) THEN" LOCAL_MESSAGE_OK("?1") " ELSE 0 END",
    /* An array of Messages to import (LOCAL_MESSAGE_OK each). Columns: ok, its length. */
    [CHECK_LOCAL_MESSAGES] =
        "SELECT CASE WHEN json_valid(?1) THEN json_type(?1) = 'array'"
        " AND NOT EXISTS (SELECT 1 FROM json_each(?1) l WHERE NOT" LOCAL_MESSAGE_OK("l.value") ")"
        " ELSE 0 END,"
        " CASE WHEN json_valid(?1) AND json_type(?1) = 'array' THEN json_array_length(?1) END",
    /* A GroupAttributes array (TIMGroupManager.h 10.11): objects whose key and value are strings. */
    [CHECK_GROUP_ATTRIBUTES] =
        "SELECT CASE WHEN json_valid(?1) THEN json_type(?1) = 'array'"
        " AND NOT EXISTS (SELECT 1 FROM json_each(?1) WHERE type <> 'object'"
        "  OR json_type(value, '$.group_attribute_key') IS NOT 'text' OR json_type(value, '$.group_attribute_value') IS NOT 'text')"
        " ELSE 0 END",
    /* A GroupCounter array (10.12): objects whose key is a string and value an integer (int64). */
    [CHECK_GROUP_COUNTERS] =
        "SELECT CASE WHEN json_valid(?1) THEN json_type(?1) = 'array'"
        " AND NOT EXISTS (SELECT 1 FROM json_each(?1) WHERE type <> 'object'"
        "  OR json_type(value, '$.group_counter_key') IS NOT 'text' OR json_type(value, '$.group_counter_value') IS NOT 'integer')"
        " ELSE 0 END",
};
