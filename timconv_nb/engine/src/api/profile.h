/* What the profile calls (api/profile.c) share with the status calls (api/status.c). */
#ifndef TIMCONV_PROFILE_H_
#define TIMCONV_PROFILE_H_

#include <stdbool.h>

#include "TIMCloud.h"
#include "runtime/task.h"
#include "store/registry_profiles.h"

/* Submits a profile, status or friendship call (ARGS_PROFILE) with its JSON parameter (taken; NULL
 * allowed), answered with answer_code and answer_desc when that is not ERR_SUCC. */
int submit_profile_call(const char *api, task_run_fn run, char *json, int32_t answer_code, const char *answer_desc,
                        TIMCommCallback cb, const void *user_data);

/* A subscription call of `kind` (TIMManager.h 6.3, 6.4, 6.7, 6.8): subscribing takes a non-empty
 * JSON array of user ids; unsubscribing NULL, "", [] (every subscription) or such an array. */
int subscription_call(const char *api, enum profile_subscription kind, bool subscribe, const char *json_ids,
                      TIMCommCallback cb, const void *user_data);

#endif  /* TIMCONV_PROFILE_H_ */
