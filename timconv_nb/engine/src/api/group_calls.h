/* What the group calls (group.c, group_info.c, group_members.c) share: their synchronous checks and
 * submission, and the notice of a change (a tip or report) that every member receives. */
#ifndef TIMCONV_GROUP_CALLS_H_
#define TIMCONV_GROUP_CALLS_H_

#include <stddef.h>

#include "runtime/engine.h"
#include "store/registry.h"
#include "util/json_check.h"

/* A group id argument: 1 to 48 bytes of UTF-8 (TIM_ERR_GROUP otherwise, as the vendor's
 * TIMResult names an invalid group). */
int check_group_id(const char *group_id);

/* A group task naming group_id (may be NULL) with json (taken; may be NULL), for its caller to fill
 * in further and submit; NULL when out of memory (json freed). */
struct task *group_task(const char *api, task_run_fn run, const char *group_id, char *json, TIMCommCallback cb,
                        const void *user_data);

/* Submits a group task naming group_id (may be NULL) with json (taken; may be NULL). */
int submit_group_call(const char *api, task_run_fn run, const char *group_id, char *json, TIMCommCallback cb,
                      const void *user_data);

/* What a call's one JSON argument (checked as `fields` says) gives its task: the group it names
 * (fields[0], the group id, checked; the JSON kept), the JSON alone, or nothing (checked only). */
enum group_param_use { PARAM_NAMES_GROUP, PARAM_KEPT, PARAM_CHECKED_ONLY };

/* A call whose one argument is a JSON object: checked (logged in, size, the members' types as
 * `fields` says), then submitted as `use` says. */
int submit_group_param_call(const char *api, task_run_fn run, const char *json, const struct json_field *fields,
                            size_t count, enum group_param_use use, TIMCommCallback cb, const void *user_data);

/* A static array of json_field as the (fields, count) arguments above. */
#define GROUP_FIELDS(fields) (fields), (sizeof (fields) / sizeof (fields)[0])

/* Answers a registry failure with the vendor's code and the registry's description. */
void registry_failed(struct task_result *r, struct registry *reg, int code);

/* Sends c's notice (a tip or report; nothing when it has none) as the logged-in user, who made the
 * change: their own copy (when they are among those to tell) with its conversation event and
 * tips, then every other member's. The change itself has succeeded: a failure here is logged,
 * not answered. */
void tell_members(struct task *t, struct store *s, struct task_result *r, const struct group_change *c);

#endif  /* TIMCONV_GROUP_CALLS_H_ */
