/* Tasks and their results: see task.h. */
#define _POSIX_C_SOURCE 200809L
#include "runtime/task.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/engine.h"
#include "util/error_meaning.h"

struct task *task_new(const char *api, task_run_fn run, enum task_args_kind kind, TIMCommCallback cb,
                      const void *user_data) {
    assert(api != NULL && run != NULL);
    struct task *t = calloc(1, sizeof *t);
    if (t == NULL) return NULL;
    t->api = api;
    t->run = run;
    t->kind = kind;
    t->needs_store = true;
    t->has_callback = true;
    t->cb = cb;
    t->user_data = user_data;
    t->accepted_at = engine_now();
    return t;
}

void task_free(struct task *t) {
    if (t == NULL) return;
    switch (t->kind) {
    case ARGS_LOGIN: free(t->args.login.user_sig); break;
    case ARGS_DRAFT: free(t->args.draft.draft); break;
    case ARGS_IDS:
        free(t->args.ids.ids);
        free(t->args.ids.text);
        break;
    case ARGS_INFO: free(t->args.info.params); break;
    case ARGS_GROUP:
        free(t->args.group.ids);
        free(t->args.group.new_name);
        break;
    case ARGS_SEND:
        message_body_clear(&t->args.send.body);
        group_change_clear(&t->args.send.group);
        break;
    case ARGS_EXPERIMENTAL: free(t->args.experimental.log_line); break;
    case ARGS_RECV_OPT: free(t->args.recv_opt.ids); break;
    case ARGS_IM_GROUP:
        free(t->args.im_group.json);
        free(t->args.im_group.key);
        break;
    case ARGS_MSG_REF:
        free(t->args.msg_ref.msg_ids);
        free(t->args.msg_ref.msg_id);
        break;
    case ARGS_MSG_QUERY: free(t->args.msg_query.json); break;
    case ARGS_SEARCH: search_param_clear(&t->args.search); break;
    case ARGS_PROFILE: free(t->args.profile.json); break;
    case ARGS_NONE:
    case ARGS_CONV:
    case ARGS_PIN:
    case ARGS_FILTER:
    case ARGS_CLEAN: break;
    case ARGS_MSG_LIST: msg_list_param_clear(&t->args.msg_list.param); break;
    }
    free(t);
}

const struct conv_ref *task_conv(const struct task *t) {
    switch (t->kind) {
    case ARGS_CONV: return &t->args.conv;
    case ARGS_PIN: return &t->args.pin.conv;
    case ARGS_DRAFT: return &t->args.draft.conv;
    case ARGS_CLEAN: return &t->args.clean.conv;
    case ARGS_SEND: return &t->args.send.conv;
    case ARGS_MSG_LIST: return &t->args.msg_list.conv;
    case ARGS_MSG_REF: return &t->args.msg_ref.conv;
    case ARGS_MSG_QUERY: return &t->args.msg_query.conv;
    default: return NULL;
    }
}

const char *task_ids(const struct task *t) {
    switch (t->kind) {
    case ARGS_IDS: return t->args.ids.ids;
    case ARGS_GROUP: return t->args.group.ids;
    default: return NULL;
    }
}

void task_result_fail(struct task_result *r, int32_t code, const char *fmt, ...) {
    assert(code != ERR_SUCC);
    r->code = code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->desc, sizeof r->desc, fmt, ap);
    va_end(ap);
}

void task_result_answer(struct task_result *r, const struct task *t) {
    task_result_fail(r, t->answer_code, "%s", t->answer_desc != NULL ? t->answer_desc : error_meaning(t->answer_code));
}

void task_result_changed(struct task_result *r) { r->changed = true; }

/* The first free note of r, or NULL (every task records fewer notes than TASK_MAX_NOTES). */
static struct note *free_note(struct task_result *r) {
    for (int i = 0; i < TASK_MAX_NOTES; i++) {
        if (r->notes[i].kind == LISTENER_NONE) return &r->notes[i];
    }
    assert(!"a task recorded more than TASK_MAX_NOTES notes");
    return NULL;
}

void task_result_note(struct task_result *r, enum listener_kind kind, int64_t value, char *array) {
    assert(kind > LISTENER_NONE && kind < LISTENER_KIND_COUNT); /* any listener's: announce_result tells them all */
    if (array == NULL) return;
    r->changed = true;
    struct note *n = free_note(r);
    if (n == NULL) {
        free(array);
        return;
    }
    *n = (struct note){.kind = kind, .value = value, .json = array};
}

void task_result_event(struct task_result *r, enum TIMConvEvent event, char *info) {
    size_t n = strlen(info);
    char *array = malloc(n + 3);
    if (array != NULL) {
        array[0] = '[';
        memcpy(array + 1, info, n);
        memcpy(array + 1 + n, "]", 2);
    }
    free(info);
    task_result_note(r, LISTENER_CONV_EVENT, event, array);
}

void task_result_group_note(struct task_result *r, enum listener_kind kind, const char *group_name,
                            const char *new_group_name, char *array) {
    assert(kind >= LISTENER_GROUP_CREATED && kind <= LISTENER_GROUP_REMOVED && group_name != NULL);
    assert((kind == LISTENER_GROUP_RENAMED) == (new_group_name != NULL));
    r->changed = true;
    struct note *n = free_note(r);
    char *name = n != NULL ? strdup(group_name) : NULL;
    char *new_name = name != NULL && new_group_name != NULL ? strdup(new_group_name) : NULL;
    if (name == NULL || (new_group_name != NULL && new_name == NULL)) {
        free(name);
        free(array);
        return;
    }
    *n = (struct note){.kind = kind, .json = array, .name = name, .new_name = new_name};
}

void task_result_clear(struct task_result *r) {
    free(r->json);
    for (int i = 0; i < TASK_MAX_NOTES; i++) {
        free(r->notes[i].json);
        free(r->notes[i].name);
        free(r->notes[i].new_name);
    }
}
