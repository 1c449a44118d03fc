/* Synchronous shape checks of the JSON arguments, run on the caller's thread before a call is
 * accepted. Parsing is SQLite's (json_valid, json_type, json_each): no JSON parser of our own. */
#ifndef TIMCONV_JSON_CHECK_H_
#define TIMCONV_JSON_CHECK_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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

/* A MsgGetMsgListParam object: msg_getmsglist_param_count (1 to 1,000,000, default 20) and
 * msg_getmsglist_param_last_msg (a Message whose message_seq, when present, starts the page). */
int json_check_msg_list_param(const char *json, int64_t *count, int64_t *before_seq);

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

/* An array of Messages naming stored ones: *length, and *msg_ids the JSON array of their ids. */
int json_check_msg_array(const char *json, int64_t *length, char **msg_ids);

/* A malloc'd JSON array holding the one string text (NULL when out of memory or closed). */
char *json_array_of(const char *text);

/* A malloc'd JSON object {key: text} (NULL when out of memory or closed). */
char *json_object_of(const char *key, const char *text);

/* A FriendShipGetProfileListParam (TIMManager.h 8.1): an object whose identifier array is an array
 * of strings; *count its length, *ids the array (malloc'd). */
int json_check_profile_list_param(const char *json, int64_t *count, char **ids);

/* A JSON object (a UserProfileItem, a TIMUserStatus: their members are checked when the call runs,
 * with the vendor's callback codes). */
int json_check_object(const char *json);

#endif  /* TIMCONV_JSON_CHECK_H_ */
