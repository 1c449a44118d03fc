/* The friend calls (TIMFriendshipManager.h 4.1-4.7) and the friend request calls (5.1-5.4): their
 * synchronous checks (TIMResult) and runs over the registry (store/registry_friends.h); what
 * their changes tell other processes is runtime/friend_news.h's. Also what the friendship calls
 * share (friend_calls.h). */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "api/calls.h"
#include "api/delivery.h"
#include "api/friend_calls.h"
#include "api/profile.h"
#include "runtime/profile_news.h"

/* ---- shared ---- */

int submit_friend_object(const char *api, task_run_fn run, const char *json, const struct json_field *fields,
                         size_t count, bool id_first, TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(true);
    if (code == TIM_SUCC && !text_is_json_size_ok(json)) code = TIM_ERR_PARAM;
    char *id = NULL;
    if (code == TIM_SUCC) code = json_check_fields(json, fields, count, id_first ? &id : NULL);
    if (code == TIM_SUCC && id_first && !text_is_valid_id(id)) code = TIM_ERR_PARAM;
    free(id);
    if (code != TIM_SUCC) return code;
    char *copy = strdup(json);
    return copy != NULL ? submit_profile_call(api, run, copy, ERR_SUCC, NULL, cb, user_data) : TIM_ERR_PARAM;
}

int submit_friend_array(const char *api, task_run_fn run, const char *json, bool may_be_empty, TIMCommCallback cb,
                        const void *user_data) {
    int code = engine_precheck(true);
    bool none = may_be_empty && (json == NULL || json[0] == '\0');
    int64_t count = 0;
    if (code == TIM_SUCC && !none) {
        code = may_be_empty ? (text_is_json_size_ok(json) ? json_check_id_array(json, &count) : TIM_ERR_PARAM)
                            : check_id_array(json, &count);
    }
    if (code != TIM_SUCC) return code;
    char *copy = strdup(none ? "[]" : json);
    return copy != NULL ? submit_profile_call(api, run, copy, ERR_SUCC, NULL, cb, user_data) : TIM_ERR_PARAM;
}

void friend_call_done(struct task_result *r, struct store *s, struct registry *reg, int code) {
    if (code != ERR_SUCC) {
        task_result_fail(r, code, "%s", registry_error(reg));
        return;
    }
    profile_news_poll(s);
}

/* ---- friends ---- */

static void run_friend_list(struct task *t, struct store *s, struct task_result *r) {
    (void)t;
    struct registry *reg = group_registry(r);
    if (reg != NULL) friend_call_done(r, s, reg, registry_friend_list(reg, engine_user_id(), &r->json));
}

static void run_friends_info(struct task *t, struct store *s, struct task_result *r) {
    struct registry *reg = group_registry(r);
    if (reg != NULL) friend_call_done(r, s, reg, registry_friends_info(reg, engine_user_id(), t->args.profile.json, &r->json));
}

static void run_modify(struct task *t, struct store *s, struct task_result *r) {
    struct registry *reg = group_registry(r);
    if (reg != NULL) friend_call_done(r, s, reg, registry_friend_modify(reg, engine_user_id(), t->args.profile.json));
}

static void run_search(struct task *t, struct store *s, struct task_result *r) {
    struct registry *reg = group_registry(r);
    if (reg != NULL) friend_call_done(r, s, reg, registry_friend_search(reg, engine_user_id(), t->args.profile.json, &r->json));
}

static void run_add(struct task *t, struct store *s, struct task_result *r) {
    struct registry *reg = group_registry(r);
    if (reg != NULL) {
        friend_call_done(r, s, reg, registry_friend_add(reg, engine_user_id(), t->args.profile.json, t->accepted_at, &r->json));
    }
}

static void run_delete(struct task *t, struct store *s, struct task_result *r) {
    struct registry *reg = group_registry(r);
    if (reg != NULL) friend_call_done(r, s, reg, registry_friend_delete(reg, engine_user_id(), t->args.profile.json, &r->json));
}

static void run_check(struct task *t, struct store *s, struct task_result *r) {
    struct registry *reg = group_registry(r);
    if (reg != NULL) friend_call_done(r, s, reg, registry_friend_check(reg, engine_user_id(), t->args.profile.json, &r->json));
}

/* The parameters' members and their types (10.4, 15.1, 11.1, 11.2, 12.1). */
static const struct json_field modify_fields[] = {
    {"$.friendship_modify_friend_profile_param_identifier", "text", true},
    {"$.friendship_modify_friend_profile_param_item", "object", true},
    {"$.friendship_modify_friend_profile_param_item.friend_profile_item_remark", "text", false},
    {"$.friendship_modify_friend_profile_param_item.friend_profile_item_group_name_array", "texts", false},
    {"$.friendship_modify_friend_profile_param_item.friend_profile_item_custom_string_array", "array", false},
};
static const struct json_field search_fields[] = {
    {"$.friendship_search_param_keyword_list", "texts", true},
    {"$.friendship_search_param_search_field_list", "array", false},
};
static const struct json_field add_fields[] = {
    {"$.friendship_add_friend_param_identifier", "text", true},
    {"$.friendship_add_friend_param_friend_type", "integer", false},
    {"$.friendship_add_friend_param_remark", "text", false},
    {"$.friendship_add_friend_param_group_name", "text", false},
    {"$.friendship_add_friend_param_add_source", "text", false},
    {"$.friendship_add_friend_param_add_wording", "text", false},
};
static const struct json_field delete_fields[] = {
    {"$.friendship_delete_friend_param_friend_type", "integer", false},
    {"$.friendship_delete_friend_param_identifier_array", "texts", true},
};
static const struct json_field check_fields[] = {
    {"$.friendship_check_friendtype_param_check_type", "integer", false},
    {"$.friendship_check_friendtype_param_identifier_array", "texts", true},
};
#define COUNT(fields) (sizeof fields / sizeof fields[0])

int TIMFriendshipGetFriendProfileList(TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(true);
    if (code != TIM_SUCC) return code;
    return submit_profile_call("TIMFriendshipGetFriendProfileList", run_friend_list, NULL, ERR_SUCC, NULL, cb, user_data);
}

int TIMFriendshipGetFriendsInfo(const char *friend_id_list, TIMCommCallback cb, const void *user_data) {
    return submit_friend_array("TIMFriendshipGetFriendsInfo", run_friends_info, friend_id_list, false, cb, user_data);
}

int TIMFriendshipModifyFriendProfile(const char *json_modify_friend_info_param, TIMCommCallback cb, const void *user_data) {
    return submit_friend_object("TIMFriendshipModifyFriendProfile", run_modify, json_modify_friend_info_param,
                                modify_fields, COUNT(modify_fields), true, cb, user_data);
}

int TIMFriendshipSearchFriends(const char *json_search_friends_param, TIMCommCallback cb, const void *user_data) {
    return submit_friend_object("TIMFriendshipSearchFriends", run_search, json_search_friends_param, search_fields,
                                COUNT(search_fields), false, cb, user_data);
}

int TIMFriendshipAddFriend(const char *json_add_friend_param, TIMCommCallback cb, const void *user_data) {
    return submit_friend_object("TIMFriendshipAddFriend", run_add, json_add_friend_param, add_fields, COUNT(add_fields),
                                true, cb, user_data);
}

int TIMFriendshipDeleteFriend(const char *json_delete_friend_param, TIMCommCallback cb, const void *user_data) {
    return submit_friend_object("TIMFriendshipDeleteFriend", run_delete, json_delete_friend_param, delete_fields,
                                COUNT(delete_fields), false, cb, user_data);
}

int TIMFriendshipCheckFriendType(const char *json_check_friend_list_param, TIMCommCallback cb, const void *user_data) {
    return submit_friend_object("TIMFriendshipCheckFriendType", run_check, json_check_friend_list_param, check_fields,
                                COUNT(check_fields), false, cb, user_data);
}

/* ---- friend requests ---- */

static void run_requests(struct task *t, struct store *s, struct task_result *r) {
    struct registry *reg = group_registry(r);
    if (reg != NULL) friend_call_done(r, s, reg, registry_friend_requests(reg, engine_user_id(), t->args.profile.json, &r->json));
}

static void run_respond(struct task *t, struct store *s, struct task_result *r) {
    struct registry *reg = group_registry(r);
    if (reg != NULL) {
        friend_call_done(r, s, reg, registry_friend_respond(reg, engine_user_id(), t->args.profile.json, t->accepted_at, &r->json));
    }
}

/* 5.3: a time of 0 is now. */
static void run_requests_read(struct task *t, struct store *s, struct task_result *r) {
    struct registry *reg = group_registry(r);
    uint64_t until = t->args.profile.time_stamp != 0 ? t->args.profile.time_stamp : t->accepted_at;
    if (reg != NULL) friend_call_done(r, s, reg, registry_friend_requests_read(reg, engine_user_id(), until));
}

static void run_requests_delete(struct task *t, struct store *s, struct task_result *r) {
    struct registry *reg = group_registry(r);
    if (reg != NULL) {
        friend_call_done(r, s, reg, registry_friend_requests_delete(reg, engine_user_id(), t->args.profile.json, &r->json));
    }
}

static const struct json_field requests_fields[] = {
    {"$.friendship_get_pendency_list_param_type", "integer", true},
    {"$.friendship_get_pendency_list_param_start_seq", "integer", false},
    {"$.friendship_get_pendency_list_param_start_time", "integer", false},
    {"$.friendship_get_pendency_list_param_limited_size", "integer", false},
};
static const struct json_field respond_fields[] = {
    {"$.friend_response_identifier", "text", true},
    {"$.friend_response_action", "integer", true},
    {"$.friend_response_remark", "text", false},
    {"$.friend_response_group_name", "text", false},
};
static const struct json_field requests_delete_fields[] = {
    {"$.friendship_delete_pendency_param_type", "integer", true},
    {"$.friendship_delete_pendency_param_identifier_array", "texts", true},
};

int TIMFriendshipGetPendencyList(const char *json_get_pendency_list_param, TIMCommCallback cb, const void *user_data) {
    return submit_friend_object("TIMFriendshipGetPendencyList", run_requests, json_get_pendency_list_param,
                                requests_fields, COUNT(requests_fields), false, cb, user_data);
}

int TIMFriendshipHandleFriendAddRequest(const char *json_handle_friend_add_param, TIMCommCallback cb, const void *user_data) {
    return submit_friend_object("TIMFriendshipHandleFriendAddRequest", run_respond, json_handle_friend_add_param,
                                respond_fields, COUNT(respond_fields), true, cb, user_data);
}

int TIMFriendshipReportPendencyReaded(uint64_t time_stamp, TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(true);
    if (code != TIM_SUCC) return code;
    struct task *t = task_new("TIMFriendshipReportPendencyReaded", run_requests_read, ARGS_PROFILE, cb, user_data);
    if (t == NULL) return TIM_ERR_PARAM;
    t->args.profile.time_stamp = time_stamp;
    return engine_submit(t, ADMIT_LOGGED_IN);
}

int TIMFriendshipDeletePendency(const char *json_delete_pendency_param, TIMCommCallback cb, const void *user_data) {
    return submit_friend_object("TIMFriendshipDeletePendency", run_requests_delete, json_delete_pendency_param,
                                requests_delete_fields, COUNT(requests_delete_fields), false, cb, user_data);
}
