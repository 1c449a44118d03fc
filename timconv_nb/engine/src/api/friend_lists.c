/* The block list calls (TIMFriendshipManager.h 6.1-6.3) and the friend group calls (7.1-7.4)
 * (friend_calls.h; store/registry_friend_lists.c). */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>

#include "api/delivery.h"
#include "api/friend_calls.h"

static void run_blocked_list(struct task *t, struct store *s, struct task_result *r) {
    (void)t;
    struct registry *reg = group_registry(r);
    if (reg != NULL) friend_call_done(r, s, reg, registry_blocked_list(reg, engine_user_id(), &r->json));
}

static void run_block(struct task *t, struct store *s, struct task_result *r) {
    struct registry *reg = group_registry(r);
    if (reg != NULL) {
        friend_call_done(r, s, reg, registry_block(reg, engine_user_id(), t->args.profile.json, true, t->accepted_at, &r->json));
    }
}

static void run_unblock(struct task *t, struct store *s, struct task_result *r) {
    struct registry *reg = group_registry(r);
    if (reg != NULL) {
        friend_call_done(r, s, reg, registry_block(reg, engine_user_id(), t->args.profile.json, false, t->accepted_at, &r->json));
    }
}

int TIMFriendshipGetBlackList(TIMCommCallback cb, const void *user_data) {
    return submit_friend_array("TIMFriendshipGetBlackList", run_blocked_list, NULL, true, cb, user_data);
}

int TIMFriendshipAddToBlackList(const char *json_add_to_blacklist_param, TIMCommCallback cb, const void *user_data) {
    return submit_friend_array("TIMFriendshipAddToBlackList", run_block, json_add_to_blacklist_param, false, cb, user_data);
}

int TIMFriendshipDeleteFromBlackList(const char *json_delete_from_blacklist_param, TIMCommCallback cb, const void *user_data) {
    return submit_friend_array("TIMFriendshipDeleteFromBlackList", run_unblock, json_delete_from_blacklist_param, false,
                               cb, user_data);
}

/* ---- friend groups ---- */

static void run_group_create(struct task *t, struct store *s, struct task_result *r) {
    struct registry *reg = group_registry(r);
    if (reg != NULL) {
        friend_call_done(r, s, reg, registry_friend_group_create(reg, engine_user_id(), t->args.profile.json, &r->json));
    }
}

static void run_group_list(struct task *t, struct store *s, struct task_result *r) {
    struct registry *reg = group_registry(r);
    if (reg != NULL) {
        friend_call_done(r, s, reg, registry_friend_group_list(reg, engine_user_id(), t->args.profile.json, &r->json));
    }
}

static void run_group_delete(struct task *t, struct store *s, struct task_result *r) {
    struct registry *reg = group_registry(r);
    if (reg != NULL) friend_call_done(r, s, reg, registry_friend_group_delete(reg, engine_user_id(), t->args.profile.json));
}

static void run_group_modify(struct task *t, struct store *s, struct task_result *r) {
    struct registry *reg = group_registry(r);
    if (reg != NULL) {
        friend_call_done(r, s, reg, registry_friend_group_modify(reg, engine_user_id(), t->args.profile.json, &r->json));
    }
}

/* CreateFriendGroupParam (14.1), FriendshipModifyFriendGroupParam (14.3). */
static const struct json_field create_fields[] = {
    {"$.friendship_create_friend_group_param_name_array", "texts", true},
    {"$.friendship_create_friend_group_param_identifier_array", "texts", false},
};
static const struct json_field modify_fields[] = {
    {"$.friendship_modify_friend_group_param_name", "text", true},
    {"$.friendship_modify_friend_group_param_new_name", "text", false},
    {"$.friendship_modify_friend_group_param_delete_identifier_array", "texts", false},
    {"$.friendship_modify_friend_group_param_add_identifier_array", "texts", false},
};

int TIMFriendshipCreateFriendGroup(const char *json_create_friend_group_param, TIMCommCallback cb, const void *user_data) {
    return submit_friend_object("TIMFriendshipCreateFriendGroup", run_group_create, json_create_friend_group_param,
                                create_fields, sizeof create_fields / sizeof create_fields[0], false, cb, user_data);
}

/* NULL, "" or []: every group (the vendor is silent on an empty list). */
int TIMFriendshipGetFriendGroupList(const char *json_get_friend_group_list_param, TIMCommCallback cb, const void *user_data) {
    return submit_friend_array("TIMFriendshipGetFriendGroupList", run_group_list, json_get_friend_group_list_param, true,
                               cb, user_data);
}

int TIMFriendshipDeleteFriendGroup(const char *json_delete_friend_group_param, TIMCommCallback cb, const void *user_data) {
    return submit_friend_array("TIMFriendshipDeleteFriendGroup", run_group_delete, json_delete_friend_group_param, false,
                               cb, user_data);
}

int TIMFriendshipModifyFriendGroup(const char *json_modify_friend_group_param, TIMCommCallback cb, const void *user_data) {
    return submit_friend_object("TIMFriendshipModifyFriendGroup", run_group_modify, json_modify_friend_group_param,
                                modify_fields, sizeof modify_fields / sizeof modify_fields[0], false, cb, user_data);
}
