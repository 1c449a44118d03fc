/* A task: one accepted call, with its arguments typed (a tagged union, one struct per shape of
 * arguments), and what running it produced (a task_result: the callback's code, description and
 * JSON, and the notes to announce before it).
 *
 * A call is checked on the caller's thread, becomes a task, and is submitted (engine.h); the
 * worker runs tasks one by one in submission order, announces what each produced, then calls
 * its callback. */
#ifndef TIMCONV_TASK_H_
#define TIMCONV_TASK_H_

#include <stdbool.h>
#include <stdint.h>

#include "TIMCloud.h"
#include "notify/listeners.h"
#include "store/registry.h"
#include "store/store.h"
#include "util/text.h"

/* A conversation named by a call. */
struct conv_ref {
    char id[TEXT_ID_MAX + 1];
    int type;
};

/* How a task changes which conversations exist, for the synchronous existence checks of the
 * draft calls (EFFECT_DELETES_LISTED: it deletes the conversations its ids list). */
enum conv_effect { EFFECT_NONE, EFFECT_CREATES, EFFECT_DELETES, EFFECT_DELETES_LISTED };

/* Which member of task.args a task carries. */
enum task_args_kind {
    ARGS_NONE,        /* lists, totals, mark all read, logout, filter subscriptions */
    ARGS_LOGIN,       /* TIMLogin */
    ARGS_CONV,        /* create, delete, report read */
    ARGS_PIN,         /* TIMConvPinConversation */
    ARGS_DRAFT,       /* TIMConvSetDraft, TIMConvCancelDraft */
    ARGS_IDS,         /* the batch calls over conversation ids */
    ARGS_INFO,        /* TIMConvGetConvInfo */
    ARGS_FILTER,      /* the paged list and the unread total by filter */
    ARGS_GROUP,       /* the calls naming a conversation group */
    ARGS_CLEAN,       /* TIMConvCleanConversationUnreadMessageCount */
    ARGS_SEND,        /* TIMMsgSendMessage */
    ARGS_MSG_LIST,    /* TIMMsgGetMsgList */
    ARGS_EXPERIMENTAL, /* callExperimentalAPI */
    ARGS_RECV_OPT,    /* the receive option calls */
    ARGS_IM_GROUP,    /* the group calls (TIMGroupManager.h) */
    ARGS_MSG_REF,     /* revoke, delete, delete list, clear history */
    ARGS_MSG_QUERY,   /* finding messages */
    ARGS_SEARCH,      /* searching messages */
    ARGS_PROFILE,     /* the profile and user status calls (TIMManager.h 6.1-6.8), the friendship calls */
};

struct login_args {
    char user_id[TEXT_ID_MAX + 1];
    char *user_sig; /* malloc'd */
};

struct pin_args {
    struct conv_ref conv;
    bool pinned;
};

struct draft_args {
    struct conv_ref conv;
    char *draft; /* malloc'd Draft JSON; NULL cancels the draft */
};

/* A batch call: a JSON array of conversation keys, and what the call does to each. */
struct ids_args {
    char *ids;          /* malloc'd */
    bool flag;          /* delete list: clear messages; mark: enable the mark */
    uint64_t mark_type; /* mark only */
    char *text;         /* malloc'd custom data (custom data only) */
};

struct info_args {
    char *params; /* malloc'd GetConversationListParam array */
};

struct filter_args {
    struct conv_filter filter; /* its group: see filter_group() in api/calls.h */
    bool group_set;            /* the filter names a group (possibly ""): in group */
    char group[TEXT_ID_MAX + 1];
    uint64_t next_seq; /* the paged list only */
    uint32_t count;
};

struct group_args {
    char name[TEXT_ID_MAX + 1];
    char *ids;      /* malloc'd conversation keys (create, add, remove), or NULL */
    bool create;    /* create the group before adding */
    char *new_name; /* malloc'd (rename only), or NULL */
};

struct clean_args {
    struct conv_ref conv; /* type 0: every type; id "": every conversation of the type */
    uint64_t timestamp;
    uint64_t sequence;
};

struct send_args {
    struct conv_ref conv;
    struct message_body body; /* the Message's parts (json_check_message) */
    char msg_id[TEXT_ID_MAX + 1];
    uint64_t unique_id; /* below 2^63, as SQLite stores integers */
    uint32_t rand;
    bool online; /* message_is_online_msg: neither stored nor counted, only to users online */
    struct group_change group; /* a group message: its seq, group and recipients (from the registry) */
};

struct msg_list_args {
    struct conv_ref conv;
    struct msg_list_param param; /* what the page asks for (json_check.h) */
};

/* An experimental operation (callExperimentalAPI). */
enum experimental_operation { EXPERIMENTAL_SET_UI_PLATFORM, EXPERIMENTAL_WRITE_LOG };

struct experimental_args {
    enum experimental_operation operation;
    int64_t ui_platform;
    enum TIMLogLevel log_level;
    char *log_line; /* malloc'd (write log only), or NULL */
};

/* The receive option calls: ids of conv_type, and the option to set (the get call: unused). */
struct recv_opt_args {
    char *ids; /* malloc'd JSON array of user or group ids */
    int conv_type;
    int opt;
};

/* A group call: the group it names ("" when none) and its JSON parameter (or NULL). */
struct im_group_args {
    char group_id[TEXT_ID_MAX + 1];
    char *json; /* malloc'd; TIMGroupJoin's: the hello message (text, or NULL) */
    uint64_t time_stamp; /* TIMGroupReportPendencyReaded's */
    char *key;           /* malloc'd: a counter's key (TIMGroupIncreaseGroupCounter, Decrease), or NULL */
    int64_t value;       /* the counter's change; TIMGroupMarkGroupMemberList's mark type */
    bool flag;           /* a decrease; TIMGroupMarkGroupMemberList's enable_mark */
};

/* A call on stored messages of a conversation: a JSON array of their message_msg_id (NULL: every
 * message, for clearing the history). */
struct msg_ref_args {
    struct conv_ref conv;
    char *msg_ids; /* malloc'd */
    char *msg_id;  /* malloc'd: the one message of a revoke, or NULL */
};

/* A query over stored messages: its conversation (find by locators; else unused) and its JSON
 * argument (message ids, locators). */
struct msg_query_args {
    struct conv_ref conv;
    char *json; /* malloc'd */
};

/* A profile or user status call: its JSON parameter (a list of user ids, a UserProfileItem, a
 * TIMUserStatus), or NULL. */
struct profile_args {
    char *json; /* malloc'd */
    uint64_t time_stamp; /* TIMFriendshipReportPendencyReaded's */
};

#define TASK_MAX_NOTES 4

/* What a task produced. Its notes (notify/listeners.h: a conversation event, new messages, a
 * change of conversation groups, group tips) own their strings; unused ones are LISTENER_NONE. */
struct task_result {
    int32_t code;    /* ERR_SUCC or a TIMErrCode */
    char desc[512];  /* "" on success */
    char *json;      /* malloc'd callback JSON; NULL means "" */
    struct note notes[TASK_MAX_NOTES];
    bool unread_may_change; /* the worker then checks the total and announces a change */
    bool changed;           /* conversations changed (set by notes, or by task_result_changed) */
};

struct task;
/* Runs on the worker thread. store is the logged-in user's store (never NULL when the task
 * needs a store). */
typedef void (*task_run_fn)(struct task *t, struct store *store, struct task_result *r);

/* Runs on the worker thread after a task that succeeded had its writes committed, before its
 * callback: work in other users' stores (deliveries), which a lost batch must never have done.
 * batched: the task ran with other queued calls (store_cache_hold may then keep a recipient's
 * transaction open for the next one; the worker releases it after the batch). */
typedef void (*task_after_fn)(struct task *t, struct store *store, struct task_result *r, bool batched);

struct task {
    struct task *next;
    const char *api;      /* the API function's name: the log, faults */
    task_run_fn run;
    task_after_fn after_commit; /* NULL: none */
    bool needs_store;     /* without a logged-in user it fails with ERR_SDK_NOT_LOGGED_IN */
    bool has_callback;    /* false for the synchronous calls: their failures go to the log */
    bool batchable;       /* writes to the user's store (others' only in after_commit): may share a transaction */
    enum conv_effect effect;
    TIMCommCallback cb;
    const void *user_data;
    uint64_t accepted_at; /* seconds since the epoch when the call was accepted */
    int32_t answer_code;  /* when not ERR_SUCC: answered with this code instead of being run */
    const char *answer_desc; /* static; NULL: the code's meaning (TIMErrorCode.h) */
    enum task_args_kind kind;
    union {
        struct login_args login;
        struct conv_ref conv;
        struct pin_args pin;
        struct draft_args draft;
        struct ids_args ids;
        struct info_args info;
        struct filter_args filter;
        struct group_args group;
        struct clean_args clean;
        struct send_args send;
        struct msg_list_args msg_list;
        struct experimental_args experimental;
        struct recv_opt_args recv_opt;
        struct im_group_args im_group;
        struct msg_ref_args msg_ref;
        struct msg_query_args msg_query;
        struct search_param search;
        struct profile_args profile;
    } args;
};

/* A zeroed task of `kind`, with accepted_at set, needing the user's store (the callers of the few
 * that do not clear needs_store); NULL when out of memory. */
struct task *task_new(const char *api, task_run_fn run, enum task_args_kind kind, TIMCommCallback cb,
                      const void *user_data);

/* Frees t and what its arguments own. NULL is allowed. */
void task_free(struct task *t);

/* The conversation a task names, or NULL when its arguments name none. */
const struct conv_ref *task_conv(const struct task *t);

/* The JSON array of conversation keys a task carries, or NULL. */
const char *task_ids(const struct task *t);

/* Sets r's code and a printf-style description. */
void task_result_fail(struct task_result *r, int32_t code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Answers r with t's answer_code and answer_desc (t is not run). */
void task_result_answer(struct task_result *r, const struct task *t);

/* Records a note of `kind` with value (a TIMConvEvent for LISTENER_CONV_EVENT; else unused) and a
 * JSON array: a conversation event, new messages (LISTENER_RECV_MSG), group tips, modified
 * messages (LISTENER_MSG_UPDATE), changed profiles and statuses (LISTENER_USER_INFO_CHANGED,
 * LISTENER_USER_STATUS_CHANGED; LISTENER_SELF_INFO_UPDATED: one UserProfile), friendship news;
 * takes ownership of array (NULL is ignored). */
void task_result_note(struct task_result *r, enum listener_kind kind, int64_t value, char *array);

/* Records an event holding the one-element array [info]; takes ownership of info. */
void task_result_event(struct task_result *r, enum TIMConvEvent event, char *info);

/* Records a conversation-group note (LISTENER_GROUP_CREATED to LISTENER_GROUP_REMOVED): the names
 * are copied (a note whose copy fails, out of memory, is not recorded); array (the ConvInfo
 * concerned; NULL means none) is taken. */
void task_result_group_note(struct task_result *r, enum listener_kind kind, const char *group_name,
                            const char *new_group_name, char *array);

/* Marks r as having changed conversations without an event to announce (nobody listens), so
 * that unread totals by filter are still checked. */
void task_result_changed(struct task_result *r);

/* Frees what r holds. */
void task_result_clear(struct task_result *r);

#endif  /* TIMCONV_TASK_H_ */
