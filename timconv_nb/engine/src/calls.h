/* Helpers shared by the API files: the checks and task set-up common to calls on one
 * conversation, and the mapping of store failures onto a call's result. */
#ifndef TIMCONV_CALLS_H_
#define TIMCONV_CALLS_H_

#include "engine.h"

struct store;

/* TIM_ERR_PARAM for a bad id, TIM_ERR_CONV for a type other than C2C or Group, else TIM_SUCC. */
int check_conv_key(const char *conv_id, int conv_type);

/* The task of a call on one conversation that needs the user's store; NULL when out of memory. */
struct task *conv_task(const char *api, task_run_fn run, const char *conv_id, int conv_type, TIMCommCallback cb,
                       const void *user_data);

/* Sets r from a store failure, naming the conversation when it does not exist. */
void store_failed(struct task_result *r, struct store *s, int code, const struct task *t);

#endif  /* TIMCONV_CALLS_H_ */
