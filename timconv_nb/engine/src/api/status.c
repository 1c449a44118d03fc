/* User status (TIMManager.h 6.5-6.8): whether users are online (a process holds their login:
 * store/presence.h), their custom statuses, and following them (the subscription calls are
 * api/profile.h's). What a change announces elsewhere is runtime/profile_news.h's. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "api/calls.h"
#include "api/delivery.h"
#include "api/profile.h"
#include "runtime/profile_news.h"
#include "store/registry_profiles.h"
#include "util/json_check.h"

/* Answers a registry failure with its code and the registry's description. */
static void registry_failed(struct task_result *r, struct registry *reg, int code) {
    task_result_fail(r, code, "%s", registry_error(reg));
}

static void run_get_statuses(struct task *t, struct store *s, struct task_result *r) {
    struct registry *reg = group_registry(r);
    if (reg == NULL) return;
    int code = registry_check_user_ids(reg, t->args.profile.json, ERR_INVALID_PARAMETERS);
    if (code == ERR_SUCC) code = profile_news_statuses(s, reg, t->args.profile.json, &r->json);
    if (code != ERR_SUCC) registry_failed(r, reg, code);
}

/* Sets the custom status, then tells this process (vendor 276, 667: one's own status changes come
 * through the status callback); subscribers' processes see it when they next look. */
static void run_set_self(struct task *t, struct store *s, struct task_result *r) {
    struct registry *reg = group_registry(r);
    if (reg == NULL) return;
    int code = registry_set_custom_status(reg, engine_user_id(), t->args.profile.json);
    char *self = code == ERR_SUCC ? json_array_of(engine_user_id()) : NULL;
    char *status = NULL;
    if (self != NULL) code = profile_news_statuses(s, reg, self, &status);
    free(self);
    if (code != ERR_SUCC) {
        registry_failed(r, reg, code);
        return;
    }
    task_result_note(r, LISTENER_USER_STATUS_CHANGED, 0, status);
}

int TIMGetUserStatus(const char *json_identifier_array, TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(true);
    int64_t count = 0;
    if (code == TIM_SUCC) code = check_id_array(json_identifier_array, &count);
    if (code != TIM_SUCC) return code;
    char *json = strdup(json_identifier_array);
    if (json == NULL) return TIM_ERR_PARAM;
    return submit_profile_call("TIMGetUserStatus", run_get_statuses, json, ERR_SUCC, NULL, cb, user_data);
}

int TIMSetSelfStatus(const char *json_current_user_status, TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(true);
    if (code == TIM_SUCC && !text_is_json_size_ok(json_current_user_status)) code = TIM_ERR_PARAM;
    if (code == TIM_SUCC) code = json_check_object(json_current_user_status);
    if (code != TIM_SUCC) return code;
    char *json = strdup(json_current_user_status);
    if (json == NULL) return TIM_ERR_PARAM;
    return submit_profile_call("TIMSetSelfStatus", run_set_self, json, ERR_SUCC, NULL, cb, user_data);
}

int TIMSubscribeUserStatus(const char *json_identifier_array, TIMCommCallback cb, const void *user_data) {
    return subscription_call("TIMSubscribeUserStatus", SUBSCRIPTION_STATUS, true, json_identifier_array, cb, user_data);
}

int TIMUnsubscribeUserStatus(const char *json_identifier_array, TIMCommCallback cb, const void *user_data) {
    return subscription_call("TIMUnsubscribeUserStatus", SUBSCRIPTION_STATUS, false, json_identifier_array, cb,
                             user_data);
}
