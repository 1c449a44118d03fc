/* One user's persistent store: an SQLite database per (sdk_app_id, user) under the data root.
 *
 * A store holds two connections. The writer is used only by the engine's worker thread (every
 * store_* function below except store_reader_*). The reader answers the synchronous existence
 * checks of the draft calls and is used only with the engine lock held (engine.c).
 *
 * Functions returning int return ERR_SUCC or a TIMErrCode (ERR_IO_OPERATION_FAILED,
 * ERR_OUT_OF_MEMORY, ERR_INVALID_CONVERSATION); store_error() then describes the failure.
 * JSON results are malloc'd strings the caller frees. */
#ifndef TIMCONV_STORE_H_
#define TIMCONV_STORE_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/json_check.h" /* struct message_body */

struct store;

/* A ConversationListFilter. As the vendor documents (TIMConversationManager.h 981-988), a key
 * that is absent means "any"; a present key means what its value says. */
#define FILTER_ANY (-1)
struct conv_filter {
    int conv_type;         /* 0: any */
    int has_unread;        /* FILTER_ANY; 1: with unread messages; 0: without */
    bool mark_set;         /* false: any marks */
    uint64_t mark_type;    /* with mark_set: 0 the conversations without marks, else those with every bit */
    const char *group;     /* NULL: any; "": in no conversation group; else in that group */
    int has_group_at_info; /* FILTER_ANY; 1: with @ information; 0: without */
};

/* What the SDK assigns to a message when it is sent. */
struct message_fields {
    const char *sender;
    uint64_t now;
    const char *msg_id;
    uint32_t rand;
    uint64_t unique_id; /* below 2^63 */
    bool online;        /* message_is_online_msg: neither stored nor counted (only built and handed on) */
    int64_t seq;        /* a group message's seq from the group registry; 0: the conversation's next */
    const char *group_name; /* a group message: its group's name and TIMGroupType; NULL for C2C */
    int group_type;
    const char *group_face_url; /* a group's face, which its conversation shows; NULL: unchanged */
};

/* Opens (creating if needed) the store of user_id under root. On failure *out is NULL and
 * err receives a description. */
int store_open(const char *root, uint64_t app_id, const char *user_id, struct store **out, char *err, size_t err_size);

/* The folder of user_id's store under root (malloc'd, with room more bytes to append to it); NULL
 * when out of memory. */
char *store_user_dir(const char *root, uint64_t app_id, const char *user_id, size_t room);

/* Closes both connections. NULL is allowed. */
void store_close(struct store *s);

/* Description of the last failure on the writer connection. */
const char *store_error(const struct store *s);

/* Runs the store calls that follow in one transaction, each call's own transaction becoming a
 * savepoint (a call that fails undoes only its changes), until store_batch_end commits them all:
 * one COMMIT for many calls. store_batch_end returns ERR_SUCC, or the failure that lost the whole
 * batch (then nothing of it is stored, whatever each call returned). */
int store_batch_begin(struct store *s);
int store_batch_end(struct store *s);
/* Ends the batch as lost (rolled back) for a failure outside the store (``why``, store_error's text
 * from then): returns code. */
int store_batch_fail(struct store *s, int code, const char *why);

/* What a conversation shows changed (TIMConversationManager.h 957-961: a C2C conversation the
 * peer's friend remark, nickname or id and face; a group its name or id and face): faces is a
 * JSON array of {CONV_FACE_ID, CONV_FACE_SHOW_NAME, CONV_FACE_URL} objects, and every conversation
 * of conv_type it names that shows something else takes them, in one transaction. *updated (when
 * not NULL): the ConvInfo array of the conversations changed, for an Update event; NULL when none
 * changed. The one path of a change of name or face: a peer's profile (runtime/profile_news.c),
 * and a group's name or face alike. */
int store_conv_faces_set(struct store *s, int conv_type, const char *faces, char **updated);
#define CONV_FACE_ID "id"
#define CONV_FACE_SHOW_NAME "show_name"
#define CONV_FACE_URL "face_url"

/* One conversation's ConvInfo (*info NULL when it does not exist). */
int store_conv_info(struct store *s, const char *conv_id, int conv_type, char **info);

/* The peers of the store's C2C conversations, a JSON array of user ids. */
int store_conv_peers(struct store *s, char **peers);

/* Creates the conversation unless it exists; *created tells which. *info: its ConvInfo. */
int store_conv_create(struct store *s, const char *conv_id, int conv_type, uint64_t now, bool *created, char **info);

/* Deletes the conversation (and, with clear_messages, its messages); ERR_INVALID_CONVERSATION
 * when unknown. *info: its ConvInfo as it was before the delete. */
int store_conv_delete(struct store *s, const char *conv_id, int conv_type, bool clear_messages, char **info);

/* One conversation's part of a batch call, inside the batch's transaction: a TIMErrCode, and
 * in *info the ConvInfo to report (as it was before a delete, as it is after other changes). */
typedef int (*store_conv_op)(struct store *s, const char *conv_id, int conv_type, const void *arg, char **info);

/* Runs op for each conversation named by a JSON array of c2c_<id> / group_<id> strings, in one
 * transaction. *results: one ConversationOperationResult per key, in order (code 0, 6004 for an
 * unknown conversation, 6017 for a malformed key). *changed: JSON array of the ConvInfo op
 * reported for each success, or NULL when none succeeded. */
int store_conv_batch(struct store *s, const char *keys_json, store_conv_op op, const void *arg, char **results,
                     char **changed);

/* Batch operations: delete (arg: bool clear_messages), set or clear marks (arg: struct
 * conv_mark: each bit of mark_type is a mark of its own in conv_mark_array). */
struct conv_mark {
    uint64_t mark_type;
    bool enable;
};
int store_op_delete(struct store *s, const char *conv_id, int conv_type, const void *clear_messages, char **info);
int store_op_mark(struct store *s, const char *conv_id, int conv_type, const void *mark, char **info);

/* The vendor's limit on conversation groups. */
#define STORE_GROUPS_MAX 20

/* Adds the conversations of keys_json to conversation group `name` (results as for
 * store_conv_batch). With create, makes the group first: an existing name is then
 * ERR_INVALID_PARAMETERS, and more than STORE_GROUPS_MAX groups
 * ERR_SVR_CONV_CONV_GROUP_TOTAL_COUNT_EXCEED_LIMIT; without, an unknown group is
 * ERR_SVR_CONV_CONV_GROUP_NOT_EXIST. */
int store_group_add(struct store *s, const char *name, bool create, const char *keys_json, char **results,
                    char **changed);

/* The vendor's limit on conversations in one conversation group: adding past it is a per-id
 * ERR_SVR_CONV_CONV_MARK_TOTAL_COUNT_EXCEED_LIMIT. */
#define STORE_GROUP_CONVS_MAX 1000

/* Removes the conversations of keys_json from group `name` (results as for store_conv_batch; a
 * conversation not in the group succeeds unchanged and is not in *changed).
 * ERR_SVR_CONV_CONV_GROUP_NOT_EXIST when there is no such group. */
int store_group_remove(struct store *s, const char *name, const char *keys_json, char **results, char **changed);

/* *list: JSON array of the conversation group names, in name order. */
int store_group_list(struct store *s, char **list);

/* Deletes group `name`, taking it out of every conversation. *changed: JSON array of the ConvInfo
 * of those conversations (NULL when none). ERR_SVR_CONV_CONV_GROUP_NOT_EXIST when unknown. */
int store_group_delete(struct store *s, const char *name, char **changed);

/* Renames group old_name to new_name everywhere. *changed as for store_group_delete. Unknown:
 * ERR_SVR_CONV_CONV_GROUP_NOT_EXIST; new_name taken: ERR_INVALID_PARAMETERS. */
int store_group_rename(struct store *s, const char *old_name, const char *new_name, char **changed);

/* Batch operation setting conv_custom_data (arg: the text). */
int store_op_custom_data(struct store *s, const char *conv_id, int conv_type, const void *custom_data, char **info);

/* Pins or unpins; ERR_INVALID_CONVERSATION when unknown. *info: the updated ConvInfo (not read
 * when info is NULL). */
int store_conv_pin(struct store *s, const char *conv_id, int conv_type, bool pinned, char **info);

/* Unread messages over the conversations whose receive option is Receive. */
int store_total_unread(struct store *s, int64_t *total);

/* *page: a ConversationListResult object with up to `count` conversations after cursor next_seq
 * (0: from the top) that pass the filter. */
int store_conv_page(struct store *s, const struct conv_filter *filter, uint64_t next_seq, uint32_t count, char **page);

/* *total: unread messages over the conversations passing the filter whose receive option is
 * Receive. *filter_json (when not NULL): the filter's conv type, mark type and group as JSON. */
int store_unread_by_filter(struct store *s, const struct conv_filter *filter, int64_t *total, char **filter_json);

/* Sets the receive option (TIMReceiveMessageOpt) of the conversations of conv_type whose ids a
 * JSON array of strings lists, kept also for those that do not exist yet (they take it when they
 * appear). *changed: JSON array of the ConvInfo of existing conversations whose option changed,
 * or NULL when none did. */
int store_recv_opt_set(struct store *s, int conv_type, const char *ids_json, int opt, char **changed);

/* *result: a GetC2CRecvMsgOptResult array (identifier, option) for the user ids of ids_json. */
int store_recv_opt_get(struct store *s, const char *ids_json, char **result);

/* Stores a message the owner sends (its body, with the fields f), creating the conversation if
 * needed (*created), making it the last message and the conversation the most recently active.
 * *sent: the stored Message; *info: the conversation's ConvInfo (info NULL: not read). An online
 * message (f->online) is only built: *sent is it, *info NULL, nothing stored. */
int store_msg_send(struct store *s, const char *conv_id, int conv_type, const struct message_body *body,
                   const struct message_fields *f, bool *created, char **sent, char **info);

/* Stores a message delivered to the owner (unread +1) and records it in the inbox for the
 * owner's process to announce; nothing when the owner set kTIMRecvMsgOpt_Not_Receive for that
 * conversation. */
int store_msg_receive(struct store *s, const char *conv_id, int conv_type, const struct message_body *body,
                      const struct message_fields *f);

/* A stored message, as the revoke rules need it. */
struct found_message {
    int64_t seq;
    int64_t server_time;
    bool from_self;
    char sender[128];
};

/* Finds message msg_id of a conversation: ERR_INVALID_PARAMETERS when it is not there. */
int store_msg_find(struct store *s, const char *conv_id, int conv_type, const char *msg_id, struct found_message *m);

/* Marks message seq revoked by revoker (kTIMMsg_Revoked), the last message following. *info:
 * the ConvInfo when the last message changed (else NULL). With announce, the revoke also goes
 * to the inbox, for the owner's process to call its revoke callback. */
int store_msg_revoke(struct store *s, const char *conv_id, int conv_type, int64_t seq, const char *revoker,
                     bool announce, char **info);

/* The seq of message msg_id in the owner's copy (0 when it never arrived). */
int store_msg_seq_of(struct store *s, const char *conv_id, int conv_type, const char *msg_id, int64_t *seq);

/* Deletes the messages whose message_msg_id a JSON array lists, all or none (one missing:
 * ERR_INVALID_PARAMETERS); the last message and the unread count follow. *info: the ConvInfo. */
int store_msg_delete(struct store *s, const char *conv_id, int conv_type, const char *msg_ids_json, char **info);

/* Deletes every message of a conversation: no last message, nothing unread. *info: the ConvInfo
 * (ERR_INVALID_CONVERSATION when unknown). */
int store_msg_clear(struct store *s, const char *conv_id, int conv_type, char **info);

/* The owner's conversation of a group they are a member of, with the group's name and type:
 * created (*created) or renamed. *info: its ConvInfo. */
int store_group_conv_ensure(struct store *s, const char *group_id, const char *name, const char *face_url, int group_type, uint64_t now,
                            bool *created, char **info);

/* A GroupBaseInfo array with the owner's read seq, unread count and receive option of each group. */
int store_group_self_info(struct store *s, const char *base_infos, char **out);

/* Calls fn with each element of a JSON array (as JSON text). */
int store_array_each(struct store *s, const char *array, void (*fn)(const char *item, void *ctx), void *ctx);

/* *list: a page of the conversation's Messages as MsgGetMsgListParam p asks (store_history.c):
 * backward newest first, forward oldest first. */
int store_msg_list(struct store *s, const char *conv_id, int conv_type, const struct msg_list_param *p, char **list);

/* *list: the stored Messages whose message_msg_id JSON array ids lists, in its order (ids not
 * stored are left out), in any conversation. */
int store_msg_find_ids(struct store *s, const char *ids, char **list);

/* *list: the Messages of conversation (conv_type, conv_id) each MsgLocator of JSON array locators
 * names, in its order: a group's by seq, a C2C conversation's by server time and rand. */
int store_msg_find_locators(struct store *s, const char *conv_id, int conv_type, const char *locators, char **list);

/* *result: the MessageSearchResult of search p (store_search.c) at time now (seconds): at most 5
 * keywords (the caller checks), a conversation named when p->conv_type is not 0. */
int store_msg_search(struct store *s, const struct search_param *p, uint64_t now, char **result);

/* Marks read the messages of conversation (conv_type, conv_id), and advances its read position
 * (conv_c2c_read_timestamp, conv_group_read_sequence: to the bound, or with 0 to the latest
 * message; a C2C conversation without messages: to now), or with conv_id NULL of every
 * conversation of conv_type (0: all types): c2c messages up to server time clean_timestamp,
 * group messages up to seq clean_sequence (0: all). ERR_INVALID_CONVERSATION when a named
 * conversation is unknown. *infos: JSON array of the ConvInfo of those whose unread count or read
 * position changed, or NULL when none did. */
int store_clean_unread(struct store *s, int conv_type, const char *conv_id, uint64_t clean_timestamp,
                       uint64_t clean_sequence, uint64_t now, char **infos);

/* The login session holding the store: store_session_take records `token` as its holder;
 * store_session_holder reads the holder's token (0: none yet). */
int store_session_take(struct store *s, int64_t token);
int store_session_holder(struct store *s, int64_t *token);

/* Whether another connection (another process) committed since the last call. */
int store_changed_elsewhere(struct store *s, bool *changed);

/* Forgets what the inbox holds (at login: nobody was there to announce it). */
int store_inbox_reset(struct store *s);

/* What the inbox received after *last_id (which it advances), as JSON arrays. */
struct inbox_news {
    char *messages; /* the new messages */
    char *added;    /* the ConvInfo of the conversations the deliveries created */
    char *updated;  /* the ConvInfo of those they updated */
    char *tips;     /* the GroupTipsElem of the group tips among the messages */
    char *revoked;  /* the MsgLocator of each revoked message */
    char *modified; /* the modified Messages (store_edits.h) */
};
int store_inbox_since(struct store *s, int64_t *last_id, struct inbox_news *news);
void inbox_news_clear(struct inbox_news *news);

/* Lets go of the inbox rows up to `announced` (the last id store_inbox_since gave), once their
 * news was announced. Gives up at once (ERR_SUCC) while another process writes the store: the
 * next poll trims them. */
int store_inbox_trim(struct store *s, int64_t announced);

/* Calls fn for every user with a store under root for app_id. */
int store_for_each_user(const char *root, uint64_t app_id, void (*fn)(const char *user_id, void *ctx), void *ctx);

/* *list: the JSON array of every ConvInfo, pinned first, then most recently active first. */
int store_conv_list(struct store *s, char **list);
/* The same list as columns (timconv_conv_list_columns). */
int store_conv_columns(struct store *s, char **columns);

/* *list: the JSON array of the ConvInfo named by a GetConversationListParam array, in the
 * order asked, skipping unknown ones. */
int store_conv_info_batch(struct store *s, const char *param_json, char **list);

/* Sets the draft (draft_edit_time filled with `now` when absent) or, with draft_json NULL,
 * removes it. ERR_INVALID_CONVERSATION when unknown. *info: the updated ConvInfo (not read when
 * info is NULL). */
int store_draft_write(struct store *s, const char *conv_id, int conv_type, const char *draft_json, uint64_t now,
                      char **info);

/* Reader side (engine lock held): whether the conversation is stored. */
int store_reader_conv_exists(struct store *s, const char *conv_id, int conv_type, bool *exists);

#endif  /* TIMCONV_STORE_H_ */
