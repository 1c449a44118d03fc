/* Profiles (TIMManager.h 6.1-6.4): reading anyone's, changing one's own, subscribing to others'.
 * They are kept in the registry (store/registry_profiles.h), shared by every process of the app;
 * what a change does elsewhere (conversations' names and faces, the callbacks of subscribers and
 * of the user's other processes) is runtime/profile_news.h's. */
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

static void run_get_profiles(struct task *t, struct store *s, struct task_result *r) {
    (void)s;
    struct registry *reg = group_registry(r);
    if (reg == NULL) return;
    int code = registry_profiles(reg, t->args.profile.json, &r->json);
    if (code != ERR_SUCC) registry_failed(r, reg, code);
}

/* Changes the profile, then tells this process (TIMSelfInfoUpdatedCallback, before the callback);
 * the others learn it from the registry (profile_news.h). */
static void run_modify(struct task *t, struct store *s, struct task_result *r) {
    (void)s;
    struct registry *reg = group_registry(r);
    if (reg == NULL) return;
    char *profile = NULL;
    int64_t seq = 0;
    int code = registry_profile_modify(reg, engine_user_id(), t->args.profile.json, &profile, &seq);
    if (code != ERR_SUCC) {
        registry_failed(r, reg, code);
        return;
    }
    profile_news_own_change(seq);
    task_result_note(r, LISTENER_SELF_INFO_UPDATED, 0, profile);
}

/* Subscribing or unsubscribing (the task's kind by its run function). */
static void run_subscription(struct task *t, struct store *s, struct task_result *r, enum profile_subscription kind,
                             bool subscribe) {
    struct registry *reg = group_registry(r);
    if (reg == NULL) return;
    int code = registry_subscribe(reg, engine_user_id(), kind, t->args.profile.json, subscribe);
    if (code != ERR_SUCC) {
        registry_failed(r, reg, code);
        return;
    }
    /* What the followed users' statuses are now is the baseline, not a change. */
    if (kind == SUBSCRIPTION_STATUS) profile_news_status_rebase(s);
}

static void run_subscribe_info(struct task *t, struct store *s, struct task_result *r) {
    run_subscription(t, s, r, SUBSCRIPTION_INFO, true);
}
static void run_unsubscribe_info(struct task *t, struct store *s, struct task_result *r) {
    run_subscription(t, s, r, SUBSCRIPTION_INFO, false);
}
static void run_subscribe_status(struct task *t, struct store *s, struct task_result *r) {
    run_subscription(t, s, r, SUBSCRIPTION_STATUS, true);
}
static void run_unsubscribe_status(struct task *t, struct store *s, struct task_result *r) {
    run_subscription(t, s, r, SUBSCRIPTION_STATUS, false);
}

int submit_profile_call(const char *api, task_run_fn run, char *json, int32_t answer_code,
                               const char *answer_desc, TIMCommCallback cb, const void *user_data) {
    struct task *t = task_new(api, run, ARGS_PROFILE, cb, user_data);
    if (t == NULL) {
        free(json);
        return TIM_ERR_PARAM;
    }
    t->args.profile.json = json;
    t->answer_code = answer_code;
    t->answer_desc = answer_desc;
    return engine_submit(t, ADMIT_LOGGED_IN);
}

int TIMProfileGetUserProfileList(const char *json_get_user_profile_list_param, TIMCommCallback cb,
                                 const void *user_data) {
    int code = engine_precheck(true);
    if (code == TIM_SUCC && !text_is_json_size_ok(json_get_user_profile_list_param)) code = TIM_ERR_PARAM;
    int64_t count = 0;
    char *ids = NULL;
    if (code == TIM_SUCC) code = json_check_profile_list_param(json_get_user_profile_list_param, &count, &ids);
    if (code != TIM_SUCC) return code;
    /* The vendor's codes for no user (TIMErrorCode.h 236) and too many at once (235). */
    int32_t answer = count == 0 ? ERR_SVR_PROFILE_ACCOUNT_MISS
                     : count > PROFILE_LIST_MAX ? ERR_SVR_PROFILE_INVALID_PARAMETERS
                                                : ERR_SUCC;
    const char *why = count == 0 ? "friendship_getprofilelist_param_identifier_array names no user"
                      : answer != ERR_SUCC ? "at most 100 users per TIMProfileGetUserProfileList"
                                           : NULL;
    return submit_profile_call("TIMProfileGetUserProfileList", run_get_profiles, ids, answer, why, cb, user_data);
}

int TIMProfileModifySelfUserProfile(const char *json_modify_self_user_profile_param, TIMCommCallback cb,
                                    const void *user_data) {
    int code = engine_precheck(true);
    if (code == TIM_SUCC && !text_is_json_size_ok(json_modify_self_user_profile_param)) code = TIM_ERR_PARAM;
    if (code == TIM_SUCC) code = json_check_object(json_modify_self_user_profile_param);
    if (code != TIM_SUCC) return code;
    char *json = strdup(json_modify_self_user_profile_param);
    if (json == NULL) return TIM_ERR_PARAM;
    return submit_profile_call("TIMProfileModifySelfUserProfile", run_modify, json, ERR_SUCC, NULL, cb, user_data);
}

int subscription_call(const char *api, enum profile_subscription kind, bool subscribe, const char *json_ids,
                      TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(true);
    int64_t count = 0;
    /* Unsubscribing with NULL, "" or an empty array: every subscription (TIMManager.h 597, 691). */
    bool all = !subscribe && (json_ids == NULL || json_ids[0] == '\0');
    if (code == TIM_SUCC && !all) {
        code = subscribe ? check_id_array(json_ids, &count)
               : text_is_json_size_ok(json_ids) ? json_check_id_array(json_ids, &count)
                                                : TIM_ERR_PARAM;
        all = code == TIM_SUCC && count == 0;
    }
    if (code != TIM_SUCC) return code;
    char *json = all ? NULL : strdup(json_ids);
    if (!all && json == NULL) return TIM_ERR_PARAM;
    task_run_fn run = kind == SUBSCRIPTION_INFO ? (subscribe ? run_subscribe_info : run_unsubscribe_info)
                      : subscribe              ? run_subscribe_status
                                               : run_unsubscribe_status;
    return submit_profile_call(api, run, json, ERR_SUCC, NULL, cb, user_data);
}

int TIMSubscribeUserInfo(const char *json_user_id_list, TIMCommCallback cb, const void *user_data) {
    return subscription_call("TIMSubscribeUserInfo", SUBSCRIPTION_INFO, true, json_user_id_list, cb, user_data);
}

int TIMUnsubscribeUserInfo(const char *json_user_id_list, TIMCommCallback cb, const void *user_data) {
    return subscription_call("TIMUnsubscribeUserInfo", SUBSCRIPTION_INFO, false, json_user_id_list, cb, user_data);
}
