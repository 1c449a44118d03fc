/* What the friendship calls (friendship.c: friends and requests; friend_lists.c: the block list and
 * friend groups) share: their checks, submission and completion. */
#ifndef TIMCONV_FRIEND_CALLS_H_
#define TIMCONV_FRIEND_CALLS_H_

#include <stddef.h>

#include "runtime/engine.h"
#include "store/registry_friends.h"
#include "util/json_check.h"

/* A call whose argument is a JSON object: checked (logged in, size, the members' types as `fields`
 * says; when id_first, fields[0] a user id), copied and submitted to run. */
int submit_friend_object(const char *api, task_run_fn run, const char *json, const struct json_field *fields,
                         size_t count, bool id_first, TIMCommCallback cb, const void *user_data);

/* A call whose argument is a JSON array of strings: not empty, unless may_be_empty (NULL or "" then
 * stand for []). */
int submit_friend_array(const char *api, task_run_fn run, const char *json, bool may_be_empty, TIMCommCallback cb,
                        const void *user_data);

/* Ends a run: a failure answered with the registry's description, else the news the change wrote
 * announced in this process before the call's callback (the profile news poll: friend_news.h). */
void friend_call_done(struct task_result *r, struct store *s, struct registry *reg, int code);

#endif  /* TIMCONV_FRIEND_CALLS_H_ */
