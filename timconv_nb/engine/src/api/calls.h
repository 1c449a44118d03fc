/* Helpers shared by the API files: the checks and task set-up common to calls on one
 * conversation or on a batch of them, and the mapping of store failures onto a call's result. */
#ifndef TIMCONV_CALLS_H_
#define TIMCONV_CALLS_H_

#include "runtime/engine.h"
#include "store/store.h"

/* TIM_ERR_PARAM for a bad id, TIM_ERR_CONV for a type other than C2C or Group, else TIM_SUCC. */
int check_conv_key(const char *conv_id, int conv_type);

/* The task of a call on one conversation (kind: one whose arguments start with the conversation:
 * ARGS_CONV, ARGS_PIN, ARGS_DRAFT, ARGS_CLEAN, ARGS_SEND, ARGS_MSG_LIST); NULL when out of memory. */
struct task *conv_task(const char *api, task_run_fn run, enum task_args_kind kind, const char *conv_id, int conv_type,
                       TIMCommCallback cb, const void *user_data);

/* Sets r from a store failure, naming the conversation when it does not exist. */
void store_failed(struct task_result *r, struct store *s, int code, const struct task *t);

/* The ConvInfo out-parameter for a store call: info when someone gets conversation events, else
 * NULL (the ConvInfo is not read: an event nobody gets costs nothing). */
char **conv_info_if_wanted(char **info);

/* Records a change to one conversation: its event (of kind `event`) with info, or, when info was
 * not read, only that something changed (the unread totals by filter are checked either way). */
void conv_changed(struct task_result *r, enum TIMConvEvent event, char *info);

/* The vendor's limits: conversations per batch call, bytes of a conversation group name. */
#define BATCH_MAX 100
#define GROUP_NAME_MAX 32

/* Checks a JSON array of conversation ids: TIM_ERR_PARAM when missing, over-size or empty,
 * TIM_ERR_JSON when not an array of strings; *count is its length. */
int check_id_array(const char *json, int64_t *count);

/* TIM_ERR_PARAM unless name is a valid conversation group name argument (a valid id; names
 * over GROUP_NAME_MAX bytes are refused later, with the vendor's callback code). */
int check_group_name(const char *name);

/* The task of a batch call over conversation ids (kind ARGS_IDS or ARGS_GROUP; the ids are
 * copied); answered with 51006 past BATCH_MAX ids. NULL when out of memory. */
struct task *batch_task(const char *api, task_run_fn run, enum task_args_kind kind, const char *ids, int64_t count,
                        TIMCommCallback cb, const void *user_data);

/* Submits a call whose only argument is the user's store (lists, totals, mark all read). */
int submit_store_call(const char *api, task_run_fn run, TIMCommCallback cb, const void *user_data);

/* Parses a ConversationListFilter (NULL or "" passes everything) into out. TIM_SUCC,
 * TIM_ERR_JSON or TIM_ERR_PARAM. */
int parse_filter(const char *json, struct filter_args *out);

/* The filter of a, its group pointing into a (wherever a was copied to). */
struct conv_filter filter_of(const struct filter_args *a);

/* Runs a read of ARGS_CLEAN (TIMConvCleanConversationUnreadMessageCount, TIMMsgReportReaded): the
 * unread counts and read positions move, with an Update event for what changed. */
void run_read_up_to(struct task *t, struct store *s, struct task_result *r);

#endif  /* TIMCONV_CALLS_H_ */
