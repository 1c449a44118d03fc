/* Editing stored messages (TIMMessageManager.h 3.6, 4.6, 6.3): a modification, which every copy
 * follows (the peer's in a C2C conversation, every member's in a group: the data root plays the
 * server's part, as api/delivery.h says) and every holder's update callback announces; and the
 * custom fields that stay in the caller's store. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/calls.h"
#include "api/delivery.h"
#include "notify/engine_log.h"
#include "store/registry.h"
#include "store/store_cache.h"
#include "store/store_edits.h"
#include "util/json_check.h"

/* The members of the Message a modification reads (vendor 7.12), message_msg_id (which names the
 * stored message) first; the elements' own shape is checked when it runs. */
static const struct json_field modify_fields[] = {
    {"$.message_msg_id", "text", true},
    {"$.message_elem_array", "array", false},
    {"$.message_cloud_custom_str", "text", false},
    {"$.message_custom_str", "text", false},
    {"$.message_custom_int", "integer", false},
    {"$.message_version", "integer", false},
};

/* Those of TIMMsgSetLocalCustomData (vendor 935-967: kTIMMsgCustomStr and kTIMMsgCustomInt). */
static const struct json_field local_data_fields[] = {
    {"$.message_msg_id", "text", true},
    {"$.message_custom_str", "text", false},
    {"$.message_custom_int", "integer", false},
};

/* Whether the logged-in user is a member of group_id (the vendor's guide: only the conversation's
 * members modify its messages); sets r when not. */
static bool is_member(const char *group_id, struct task_result *r) {
    struct registry *reg = group_registry(r);
    if (reg == NULL) return false;
    int role = kTIMMemberRole_None;
    int code = registry_role(reg, group_id, engine_user_id(), &role);
    if (code != ERR_SUCC) {
        task_result_fail(r, code, "%s", registry_error(reg));
        return false;
    }
    if (role == kTIMMemberRole_None) {
        task_result_fail(r, ERR_SVR_GROUP_PERMISSION_DENY, "only the group's members may modify its messages");
        return false;
    }
    return true;
}

/* Records the update callback's note: the one Message msg, as a JSON array. */
static void note_updated(struct task_result *r, const char *msg) {
    size_t size = strlen(msg) + 3;
    char *array = malloc(size);
    if (array != NULL) snprintf(array, size, "[%s]", msg);
    task_result_note(r, LISTENER_MSG_UPDATE, 0, array);
}

/* Runs an edit of the caller's copy; the callback JSON is the Message as it is now, after a
 * failure too (vendor 1262: "无论修改成功或则失败，cb 都会返回最新的消息对象"). A shared
 * modification leaves its conversation in t's arguments for deliver_modified. */
static void run_edit(struct task *t, struct store *s, struct task_result *r, enum msg_edit edit) {
    struct msg_query_args *a = &t->args.msg_query;
    struct edited_message m;
    int code = store_msg_locate(s, a->json, &m);
    if (code == ERR_SUCC && edit == EDIT_MODIFY && m.conv_type == kTIMConv_Group && !is_member(m.conv_id, r)) {
        r->json = m.msg;
        return;
    }
    free(m.msg); /* store_msg_edit gives it again */
    m.msg = NULL;
    char *info = NULL;
    if (code == ERR_SUCC) code = store_msg_edit(s, edit, a->json, &m, &info);
    r->json = m.msg;
    if (code != ERR_SUCC) {
        store_failed(r, s, code, t);
        return;
    }
    if (edit == EDIT_MODIFY) note_updated(r, m.msg); /* the modifier hears it too (vendor 1260) */
    if (info != NULL) task_result_event(r, kTIMConvEvent_Update, info);
    if (edit == EDIT_MODIFY && m.shared) {
        snprintf(a->conv.id, sizeof a->conv.id, "%s", m.conv_id);
        a->conv.type = m.conv_type;
    }
}

static void run_modify(struct task *t, struct store *s, struct task_result *r) { run_edit(t, s, r, EDIT_MODIFY); }

static void run_local_data(struct task *t, struct store *s, struct task_result *r) {
    run_edit(t, s, r, EDIT_LOCAL_DATA);
}

/* The modified Message going to the other holders' copies. */
struct modification {
    const struct store *own;
    const char *conv_id; /* as the recipients see the conversation */
    int conv_type;
    const char *modified;
};

/* Modifies recipient's copy; the recipient's process announces it. */
static void modify_copy(const char *recipient, void *ctx) {
    const struct modification *m = ctx;
    if (strcmp(recipient, engine_user_id()) == 0) return;
    char err[512] = "";
    int code = ERR_SUCC;
    struct store *s = store_cache_open(engine_data_root(), engine_app_id(), recipient, m->own, &code, err, sizeof err);
    if (code == ERR_SUCC && (code = store_msg_modified(s, m->conv_id, m->conv_type, m->modified)) != ERR_SUCC) {
        snprintf(err, sizeof err, "%s", store_error(s));
    }
    if (code != ERR_SUCC) engine_log(kTIMLog_Error, "cannot modify %s's copy of a message: %s", recipient, err);
}

/* After the caller's copy is committed: the peer's copy (the peer sees the conversation as the
 * caller), or every other member's of the group (vendor 1260). */
static void deliver_modified(struct task *t, struct store *s, struct task_result *r, bool batched) {
    (void)batched;
    const struct conv_ref *conv = &t->args.msg_query.conv;
    if (conv->id[0] == '\0' || r->json == NULL) return; /* nothing the others' copies show changed */
    struct modification m = {s, conv->id, conv->type, r->json};
    if (conv->type == kTIMConv_C2C) {
        m.conv_id = engine_user_id();
        modify_copy(conv->id, &m);
        return;
    }
    char err[512] = "";
    int code = ERR_SUCC;
    struct registry *reg = registry_get(engine_data_root(), engine_app_id(), &code, err, sizeof err);
    char *members = NULL;
    if (reg != NULL && (code = registry_members(reg, conv->id, &members)) != ERR_SUCC) {
        snprintf(err, sizeof err, "%s", registry_error(reg));
    }
    if (code == ERR_SUCC) store_array_each(s, members, modify_copy, &m);
    else engine_log(kTIMLog_Error, "cannot tell the group's members of a modification: %s", err);
    free(members);
}

/* Submits an edit of the Message json_msg_param, whose members `fields` lists. */
static int submit_edit(const char *api, task_run_fn run, const char *json_msg_param, const struct json_field *fields,
                       size_t field_count, task_after_fn after, TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(true);
    if (code == TIM_SUCC && !text_is_json_size_ok(json_msg_param)) code = TIM_ERR_PARAM;
    if (code == TIM_SUCC) code = json_check_fields(json_msg_param, fields, field_count, NULL);
    char *copy = code == TIM_SUCC ? strdup(json_msg_param) : NULL;
    struct task *t = copy != NULL ? task_new(api, run, ARGS_MSG_QUERY, cb, user_data) : NULL;
    if (t == NULL) {
        free(copy);
        return code == TIM_SUCC ? TIM_ERR_PARAM : code;
    }
    t->args.msg_query.json = copy;
    t->after_commit = after;
    return engine_submit(t, ADMIT_LOGGED_IN);
}

/* 1250-1289. */
int TIMMsgModifyMessage(const char *json_msg_param, TIMCommCallback cb, const void *user_data) {
    return submit_edit("TIMMsgModifyMessage", run_modify, json_msg_param, modify_fields,
                       sizeof modify_fields / sizeof modify_fields[0], deliver_modified, cb, user_data);
}

/* 935-967. */
int TIMMsgSetLocalCustomData(const char *json_msg_param, TIMCommCallback cb, const void *user_data) {
    return submit_edit("TIMMsgSetLocalCustomData", run_local_data, json_msg_param, local_data_fields,
                       sizeof local_data_fields / sizeof local_data_fields[0], NULL, cb, user_data);
}
