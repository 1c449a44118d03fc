/* Conversation groups (TIMConversationManager.h, section 7): argument checks on the caller's
 * thread, store work on the worker, then an Update event for the conversations that changed and
 * the group callback of the change. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/calls.h"

/* A group name over GROUP_NAME_MAX bytes is answered, in call order, with the vendor's code. */
static void refuse_long_name(struct task *t, const char *name) {
    if (t->answer_code == ERR_SUCC && strlen(name) > GROUP_NAME_MAX) {
        t->answer_code = ERR_SVR_CONV_CONV_GROUP_NAME_EXCEED_LENGTH;
    }
}

/* Records the Update event for `changed` (taken) and the group note (with a copy of it). */
static void note_group_change(struct task_result *r, enum listener_kind kind, const char *name, const char *new_name,
                              char *changed) {
    char *copy = changed != NULL ? strdup(changed) : NULL;
    task_result_note(r, LISTENER_CONV_EVENT, kTIMConvEvent_Update, changed);
    task_result_group_note(r, kind, name, new_name, copy);
}

static void run_group_add(struct task *t, struct store *s, struct task_result *r) {
    const struct group_args *a = &t->args.group;
    char *changed = NULL;
    int code = store_group_add(s, a->name, a->create, a->ids, &r->json, &changed);
    if (code != ERR_SUCC) {
        task_result_fail(r, code, "%s", store_error(s));
        return;
    }
    note_group_change(r, a->create ? LISTENER_GROUP_CREATED : LISTENER_GROUP_ADDED, a->name, NULL, changed);
}

static void run_group_remove(struct task *t, struct store *s, struct task_result *r) {
    const struct group_args *a = &t->args.group;
    char *changed = NULL;
    int code = store_group_remove(s, a->name, a->ids, &r->json, &changed);
    if (code != ERR_SUCC) {
        task_result_fail(r, code, "%s", store_error(s));
        return;
    }
    if (changed != NULL) note_group_change(r, LISTENER_GROUP_REMOVED, a->name, NULL, changed);
}

/* The calls naming a group and conversations: create, add, remove. */
static int submit_group_batch(const char *api, task_run_fn run, const char *group_name, const char *ids,
                              bool create, TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(true);
    int64_t count = 0;
    if (code == TIM_SUCC) code = check_group_name(group_name);
    if (code == TIM_SUCC) code = check_id_array(ids, &count);
    if (code != TIM_SUCC) return code;
    struct task *t = batch_task(api, run, ARGS_GROUP, ids, count, cb, user_data);
    if (t == NULL) return TIM_ERR_PARAM;
    snprintf(t->args.group.name, sizeof t->args.group.name, "%s", group_name);
    t->args.group.create = create;
    refuse_long_name(t, group_name);
    return engine_submit(t, ADMIT_LOGGED_IN);
}

int TIMConvCreateConversationGroup(const char *group_name, const char *conversation_id_array, TIMCommCallback cb,
                                   const void *user_data) {
    return submit_group_batch("TIMConvCreateConversationGroup", run_group_add, group_name, conversation_id_array, true,
                              cb, user_data);
}

int TIMConvAddConversationsToGroup(const char *group_name, const char *conversation_id_array, TIMCommCallback cb,
                                   const void *user_data) {
    return submit_group_batch("TIMConvAddConversationsToGroup", run_group_add, group_name, conversation_id_array,
                              false, cb, user_data);
}

int TIMConvDeleteConversationsFromGroup(const char *group_name, const char *conversation_id_array, TIMCommCallback cb,
                                        const void *user_data) {
    return submit_group_batch("TIMConvDeleteConversationsFromGroup", run_group_remove, group_name,
                              conversation_id_array, false, cb, user_data);
}

static void run_group_list(struct task *t, struct store *s, struct task_result *r) {
    int code = store_group_list(s, &r->json);
    if (code != ERR_SUCC) store_failed(r, s, code, t);
}

int TIMConvGetConversationGroupList(TIMCommCallback cb, const void *user_data) {
    return submit_store_call("TIMConvGetConversationGroupList", run_group_list, cb, user_data);
}

static void run_group_delete(struct task *t, struct store *s, struct task_result *r) {
    char *changed = NULL;
    int code = store_group_delete(s, t->args.group.name, &changed);
    if (code != ERR_SUCC) {
        task_result_fail(r, code, "%s", store_error(s));
        return;
    }
    task_result_note(r, LISTENER_CONV_EVENT, kTIMConvEvent_Update, changed);
    task_result_group_note(r, LISTENER_GROUP_DELETED, t->args.group.name, NULL, NULL);
}

int TIMConvDeleteConversationGroup(const char *group_name, TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(true);
    if (code == TIM_SUCC) code = check_group_name(group_name);
    if (code != TIM_SUCC) return code;
    struct task *t = task_new("TIMConvDeleteConversationGroup", run_group_delete, ARGS_GROUP, cb, user_data);
    if (t == NULL) return TIM_ERR_PARAM;
    snprintf(t->args.group.name, sizeof t->args.group.name, "%s", group_name);
    return engine_submit(t, ADMIT_LOGGED_IN);
}

static void run_group_rename(struct task *t, struct store *s, struct task_result *r) {
    const struct group_args *a = &t->args.group;
    char *changed = NULL;
    int code = store_group_rename(s, a->name, a->new_name, &changed);
    if (code != ERR_SUCC) {
        task_result_fail(r, code, "%s", store_error(s));
        return;
    }
    task_result_note(r, LISTENER_CONV_EVENT, kTIMConvEvent_Update, changed);
    task_result_group_note(r, LISTENER_GROUP_RENAMED, a->name, a->new_name, NULL);
}

int TIMConvRenameConversationGroup(const char *old_name, const char *new_name, TIMCommCallback cb,
                                   const void *user_data) {
    int code = engine_precheck(true);
    if (code == TIM_SUCC) code = check_group_name(old_name);
    if (code == TIM_SUCC) code = check_group_name(new_name);
    if (code != TIM_SUCC) return code;
    struct task *t = task_new("TIMConvRenameConversationGroup", run_group_rename, ARGS_GROUP, cb, user_data);
    if (t == NULL || (t->args.group.new_name = strdup(new_name)) == NULL) {
        task_free(t);
        return TIM_ERR_PARAM;
    }
    snprintf(t->args.group.name, sizeof t->args.group.name, "%s", old_name);
    refuse_long_name(t, new_name);
    return engine_submit(t, ADMIT_LOGGED_IN);
}
