/* Synchronous shape checks of the JSON arguments, run on the caller's thread before a call is
 * accepted. Parsing is SQLite's (json_valid, json_type, json_each): no JSON parser of our own. */
#ifndef TIMCONV_JSON_CHECK_H_
#define TIMCONV_JSON_CHECK_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

/* Opens the checker's private in-memory SQLite connection. 0 on success. */
int json_check_open(void);

/* Closes it; checks made afterwards fail with TIM_ERR_SDKUNINIT. */
void json_check_close(void);

/* Each returns TIM_SUCC, TIM_ERR_JSON for text that is not UTF-8, does not parse or has the
 * wrong shape, or TIM_ERR_SDKUNINIT when the checker is closed. The caller has already
 * checked that json is not NULL and within TEXT_JSON_MAX. */

/* A Draft: object; draft_msg an object whose message_elem_array is an array of objects with an
 * integer elem_type; draft_user_define a string and draft_edit_time a non-negative integer
 * when present. */
int json_check_draft(const char *json);

/* A GetConversationListParam array: objects with a string conv id and an integer conv type. */
int json_check_conv_info_param(const char *json);

/* An SDK config object whose path keys (and the engine's own timconv_secret_key), when present,
 * are strings without NUL. On success each output is a malloc'd copy of its key's value, or NULL
 * when absent. */
int json_check_sdk_config(const char *json, char **config_path, char **log_path, char **secret_key);

/* The document inside a UserSig: TLS.ver "2.0", string TLS.identifier and TLS.sig, integer
 * TLS.sdkappid, TLS.expire and TLS.time (texts malloc'd). */
int json_check_usersig(const char *json, int64_t *sdk_app_id, int64_t *expire, int64_t *issued, char **identifier,
                       char **signature);

/* A Message as storing it needs it, read once (on the caller's thread, for a send) so that no
 * store parses it again: its base (the Message without the members the SDK sets on each copy:
 * conversation, sender, server time, from-self, read, status, ids, rand, seq, peer-read,
 * online), its message_elem_array, and the base of the other users' copies (without the custom
 * fields either: the sender keeps them, "本地保存，不会发送到对端", TIMMessageManager.h
 * 2342-2345), all malloc'd JSON texts; the flags its members set; and which of the members that
 * default when absent it gives, as bits that ST_MSG_BUILD reads: 1 message_client_time (default:
 * the send time), 2 message_priority (1), 4 message_platform (0), 8 message_custom_str (""), 16
 * message_custom_int (0). */
struct message_body {
    char *base;
    char *elems;
    char *peer_base;
    bool excluded_from_last;   /* message_excluded_from_last_message (TIMMessageManager.h 2359) */
    bool excluded_from_unread; /* message_is_excluded_from_unread_count (2349) */
    int given;                 /* the bits above */
};

/* A Message to send: an object naming no member twice, whose message_elem_array is a non-empty
 * array of objects with an integer elem_type, message_is_online_msg a bool and
 * message_group_at_user_array an array of strings when present (*online: true for an online
 * message); *body its parts (free with message_body_clear; zeroed on failure). */
int json_check_message(const char *json, bool *online, struct message_body *body);

/* The parts of a Message the engine made (a group notice: not checked as a user's would be). */
int json_prepare_message(const char *json, struct message_body *body);

/* Frees a body's texts and zeroes it. */
void message_body_clear(struct message_body *body);


/* A ConversationListFilter: an object whose keys, when present, have the right types (conv
 * type 0, 1 or 2; a mark from 0 to 2^63). Outputs its values; an absent key is FILTER_ANY
 * (has_unread, has_group_at_info), mark_set false, *group NULL (else malloc'd). */
int json_check_filter(const char *json, int *conv_type, int *has_unread, bool *mark_set, uint64_t *mark_type,
                      int *has_group_at_info, char **group);

/* An array of strings; *length is its length. */
int json_check_id_array(const char *json, int64_t *length);

/* Whether a JSON array (already checked) holds the string `text`; false when the checker is
 * closed. */
bool json_array_has(const char *json, const char *text);

/* What a MsgGetMsgListParam (TIMMessageManager.h 2439-2457) asks for: the page size, the
 * direction, the start message (its id, seq and server time as given; 0 or NULL when absent),
 * the start seq, the time range, and the seqs and element types asked for (JSON arrays, NULL
 * when absent or empty). The texts are malloc'd (msg_list_param_clear frees them). */
struct msg_list_param {
    int64_t count;
    bool forward;
    int64_t given_seq, given_time, last_msg_seq, time_begin, time_period;
    char *msg_id, *seq_array, *type_array;
};

/* A MsgGetMsgListParam object: count 1 to 1,000,000 (default 20), the other keys of their types
 * when present (integers >= 0, bools, arrays of integers). */
int json_check_msg_list_param(const char *json, struct msg_list_param *p);

/* Frees what p owns (NULL members are allowed). */
static inline void msg_list_param_clear(struct msg_list_param *p) {
    free(p->msg_id), free(p->seq_array), free(p->type_array);
    p->msg_id = p->seq_array = p->type_array = NULL;
}

/* What a MessageSearchParam (TIMMessageManager.h 2479-2503) asks for: keywords (a JSON array,
 * keyword_count of them), all or any of them (TIMKeywordListMatchType_And / _Or), senders and
 * element types (JSON arrays), one conversation (conv_type 0: all), the time position and period
 * (seconds), the page. Absent or empty arrays are NULL; the texts are malloc'd. */
struct search_param {
    char *keywords, *senders, *types, *conv_id;
    int64_t keyword_count, time_position, time_period, page_index, page_size;
    int conv_type;
    bool match_all;
};

/* A MessageSearchParam object, each key of the vendor's type when present. */
int json_check_search_param(const char *json, struct search_param *p);

/* Frees what p owns. */
static inline void search_param_clear(struct search_param *p) {
    free(p->keywords), free(p->senders), free(p->types), free(p->conv_id);
    p->keywords = p->senders = p->types = p->conv_id = NULL;
}

/* An array of MsgLocator objects, each key of the vendor's type when present (8.2). */
int json_check_locator_array(const char *json);

/* A callExperimentalAPI request: an object with a string request_internal_operation, an integer
 * UI platform, a log level from 0 to 7 (default kTIMLog_Info) and a string log line when present
 * (texts malloc'd). */
int json_check_experimental(const char *json, int64_t *ui_platform, int *log_level, char **operation, char **log_line);

/* The Message of a read report: an object whose message_server_time and message_seq, when
 * present, are integers >= 0 (0 when absent). */
int json_check_read_message(const char *json, int64_t *server_time, int64_t *seq);

/* A CreateGroupParam (TIMGroupManager.h 10.2): a string group name, the other keys of their
 * types when present, initial members as objects with an identifier of 1 to 127 bytes. *name
 * (the group name) is malloc'd. */
int json_check_group_create(const char *json, char **name);

/* A GroupGetMemberInfoListParam (12.2): *group_id malloc'd. */
int json_check_member_param(const char *json, char **group_id);

/* A Message naming a stored one by its string message_msg_id (*msg_id malloc'd). */
int json_check_msg_ref(const char *json, char **msg_id);

/* A MsgDeleteParam whose msg_delete_param_msg names a stored message (*msg_id malloc'd). */
int json_check_delete_param(const char *json, char **msg_id);

/* A Message to save (array false) or an array of Messages to import (true; *count its length):
 * each an object naming no member twice, with a non-empty message_elem_array of objects with an
 * integer elem_type other than a group tip's or report's, and the members a stored message keeps
 * of the caller (sender, times, id, custom fields, the exclusion flags) of the vendor's types;
 * never an online message. */
int json_check_local_messages(const char *json, bool array, int64_t *count);

/* An array of Messages naming stored ones: *length, and *msg_ids the JSON array of their ids. */
int json_check_msg_array(const char *json, int64_t *length, char **msg_ids);

/* A member of a JSON object argument: its path ("$.key"), the json_type names it may have,
 * separated by spaces ("text", "integer", "true false", "array", "object"; "texts": an array of
 * strings), and whether it must be present. */
struct json_field {
    const char *path;
    const char *types;
    bool required;
};

/* An object whose members listed in fields have their types (members not listed are not looked
 * at). *first_text (when not NULL): the value of fields[0] (malloc'd; NULL when absent). */
int json_check_fields(const char *json, const struct json_field *fields, size_t count, char **first_text);

/* A malloc'd JSON array holding the one string text (NULL when out of memory or closed). */
char *json_array_of(const char *text);

/* A malloc'd JSON object {key: text} (NULL when out of memory or closed). */
char *json_object_of(const char *key, const char *text);

/* A FriendShipGetProfileListParam (TIMManager.h 8.1): an object whose identifier array is an array
 * of strings; *count its length, *ids the array (malloc'd). */
int json_check_profile_list_param(const char *json, int64_t *count, char **ids);

/* A GroupAttributes array (TIMGroupManager.h 10.11: keys and values strings) and a GroupCounter array
 * (10.12: string keys, integer values); their limits are the registry's. */
int json_check_group_attributes(const char *json);
int json_check_group_counters(const char *json);

/* A JSON object (a UserProfileItem, a TIMUserStatus: their members are checked when the call runs,
 * with the vendor's callback codes). */
int json_check_object(const char *json);

#endif  /* TIMCONV_JSON_CHECK_H_ */
