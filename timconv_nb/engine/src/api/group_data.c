/* A group's attributes and counters (TIMGroupManager.h 5.4-5.7, 5.9-5.12): kept in the group
 * registry (store/registry_group_data.c), told to every member's process by runtime/group_news.c.
 *
 * What the vendor's SDK keeps per process, kept here per login (the worker's, no lock): the
 * version of each group's attributes this process last read or wrote, on which its next change is
 * made (TIMGroupManager.h 698-699: 10056 when another changed them since), and the frequency
 * limits of 696-697 (8511). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/calls.h"
#include "api/delivery.h"
#include "api/group_calls.h"
#include "store/registry_group_data.h"

/* 696-697: the changes (5.4-5.6 together) at most 10 in 5 seconds, the reads 20. */
#define WINDOW_MS 5000
#define CHANGES_PER_WINDOW 10
#define READS_PER_WINDOW 20

struct seen_version {
    char group_id[REGISTRY_GROUP_ID_MAX + 1];
    int64_t version;
};

/* The last calls' times (ms, monotonic), a ring of `limit`. */
struct rate_window {
    uint64_t at[READS_PER_WINDOW];
    size_t next, limit;
};

static struct {
    int64_t session; /* the login this state is of (engine_session_token) */
    struct seen_version *seen;
    size_t seen_count;
    struct rate_window changes, reads;
} login_state;

/* The state of the current login, cleared when it is another's. */
static void keep_to_login(void) {
    if (login_state.session == engine_session_token()) return;
    free(login_state.seen);
    login_state.seen = NULL;
    login_state.seen_count = 0;
    login_state.changes = (struct rate_window){.limit = CHANGES_PER_WINDOW};
    login_state.reads = (struct rate_window){.limit = READS_PER_WINDOW};
    login_state.session = engine_session_token();
}

static uint64_t now_ms(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (uint64_t)now.tv_sec * 1000u + (uint64_t)now.tv_nsec / 1000000u;
}

/* Whether one more call fits in w's window (then counted). */
static bool within_rate(struct rate_window *w) {
    uint64_t now = now_ms(), oldest = w->at[w->next];
    if (oldest != 0 && now - oldest < WINDOW_MS) return false;
    w->at[w->next] = now;
    w->next = (w->next + 1) % w->limit;
    return true;
}

static bool rate_refused(struct task_result *r, struct rate_window *w, const char *what) {
    if (within_rate(w)) return false;
    task_result_fail(r, ERR_SDK_GROUP_ATTR_FREQUENCY_LIMIT, "at most %zu group attribute %s in 5 seconds", w->limit,
                     what);
    return true;
}

static struct seen_version *seen_of(const char *group_id) {
    for (size_t i = 0; i < login_state.seen_count; i++) {
        if (strcmp(login_state.seen[i].group_id, group_id) == 0) return &login_state.seen[i];
    }
    return NULL;
}

/* This process has read or written version `version` of group_id's attributes. */
static void remember_version(const char *group_id, int64_t version) {
    struct seen_version *v = seen_of(group_id);
    if (v == NULL) {
        struct seen_version *grown = realloc(login_state.seen, (login_state.seen_count + 1) * sizeof *grown);
        if (grown == NULL) return; /* the next change is then refused with 10056, and a read fixes it */
        login_state.seen = grown;
        v = &grown[login_state.seen_count++];
        snprintf(v->group_id, sizeof v->group_id, "%s", group_id);
    }
    v->version = version;
}

/* ---- attributes ---- */

static void change_attributes(struct task *t, struct task_result *r, enum attributes_change how) {
    keep_to_login();
    if (rate_refused(r, &login_state.changes, "changes")) return;
    struct registry *reg = group_registry(r);
    if (reg == NULL) return;
    const struct im_group_args *a = &t->args.im_group;
    const struct seen_version *seen = seen_of(a->group_id);
    int64_t version = 0;
    int code = registry_change_attributes(reg, a->group_id, engine_user_id(), how, a->json,
                                          seen != NULL ? seen->version : 0, &version);
    if (code != ERR_SUCC) {
        registry_failed(r, reg, code);
        return;
    }
    remember_version(a->group_id, version);
}

static void run_init_attributes(struct task *t, struct store *s, struct task_result *r) {
    (void)s;
    change_attributes(t, r, ATTRIBUTES_INIT);
}

static void run_set_attributes(struct task *t, struct store *s, struct task_result *r) {
    (void)s;
    change_attributes(t, r, ATTRIBUTES_SET);
}

static void run_delete_attributes(struct task *t, struct store *s, struct task_result *r) {
    (void)s;
    change_attributes(t, r, ATTRIBUTES_DELETE);
}

static void run_get_attributes(struct task *t, struct store *s, struct task_result *r) {
    (void)s;
    keep_to_login();
    if (rate_refused(r, &login_state.reads, "reads")) return;
    struct registry *reg = group_registry(r);
    if (reg == NULL) return;
    const struct im_group_args *a = &t->args.im_group;
    int64_t version = 0;
    int code = registry_attributes(reg, a->group_id, engine_user_id(), a->json, &r->json, &version);
    if (code != ERR_SUCC) {
        registry_failed(r, reg, code);
        return;
    }
    remember_version(a->group_id, version);
}

/* ---- counters ---- */

static void run_set_counters(struct task *t, struct store *s, struct task_result *r) {
    (void)s;
    struct registry *reg = group_registry(r);
    if (reg == NULL) return;
    const struct im_group_args *a = &t->args.im_group;
    int code = registry_set_counters(reg, a->group_id, engine_user_id(), a->json, &r->json);
    if (code != ERR_SUCC) registry_failed(r, reg, code);
}

static void run_get_counters(struct task *t, struct store *s, struct task_result *r) {
    (void)s;
    struct registry *reg = group_registry(r);
    if (reg == NULL) return;
    const struct im_group_args *a = &t->args.im_group;
    int code = registry_counters(reg, a->group_id, engine_user_id(), a->json, &r->json);
    if (code != ERR_SUCC) registry_failed(r, reg, code);
}

static void run_change_counter(struct task *t, struct store *s, struct task_result *r) {
    (void)s;
    struct registry *reg = group_registry(r);
    if (reg == NULL) return;
    const struct im_group_args *a = &t->args.im_group;
    int code = registry_change_counter(reg, a->group_id, engine_user_id(), a->key, a->value, a->flag, &r->json);
    if (code != ERR_SUCC) registry_failed(r, reg, code);
}

/* ---- the API ---- */

/* An optional JSON array of keys: NULL, "" or [] ask for every key (kept as NULL). */
static int copy_keys(const char *json, char **keys) {
    *keys = NULL;
    if (json == NULL || json[0] == '\0') return TIM_SUCC;
    if (!text_is_json_size_ok(json)) return TIM_ERR_PARAM;
    int64_t count = 0;
    int code = json_check_id_array(json, &count);
    if (code != TIM_SUCC || count == 0) return code;
    *keys = strdup(json);
    return *keys != NULL ? TIM_SUCC : TIM_ERR_PARAM;
}

/* A call on group_id's attributes or counters with a JSON argument: an array of the shape `check`
 * accepts (required), or of keys (check NULL: optional). */
static int submit_data_call(const char *api, task_run_fn run, const char *group_id, const char *json,
                            int (*check)(const char *), TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(true);
    if (code == TIM_SUCC) code = check_group_id(group_id);
    char *copy = NULL;
    if (code == TIM_SUCC && check != NULL) {
        code = text_is_json_size_ok(json) ? check(json) : TIM_ERR_PARAM;
        copy = code == TIM_SUCC ? strdup(json) : NULL;
        if (code == TIM_SUCC && copy == NULL) code = TIM_ERR_PARAM;
    } else if (code == TIM_SUCC) {
        code = copy_keys(json, &copy);
    }
    return code == TIM_SUCC ? submit_group_call(api, run, group_id, copy, cb, user_data) : code;
}

int TIMGroupInitGroupAttributes(const char *group_id, const char *json_group_attributes, TIMCommCallback cb,
                                const void *user_data) {
    return submit_data_call("TIMGroupInitGroupAttributes", run_init_attributes, group_id, json_group_attributes,
                            json_check_group_attributes, cb, user_data);
}

int TIMGroupSetGroupAttributes(const char *group_id, const char *json_group_attributes, TIMCommCallback cb,
                               const void *user_data) {
    return submit_data_call("TIMGroupSetGroupAttributes", run_set_attributes, group_id, json_group_attributes,
                            json_check_group_attributes, cb, user_data);
}

int TIMGroupDeleteGroupAttributes(const char *group_id, const char *json_keys, TIMCommCallback cb,
                                  const void *user_data) {
    return submit_data_call("TIMGroupDeleteGroupAttributes", run_delete_attributes, group_id, json_keys, NULL, cb,
                            user_data);
}

int TIMGroupGetGroupAttributes(const char *group_id, const char *json_keys, TIMCommCallback cb, const void *user_data) {
    return submit_data_call("TIMGroupGetGroupAttributes", run_get_attributes, group_id, json_keys, NULL, cb, user_data);
}

int TIMGroupSetGroupCounters(const char *group_id, const char *json_group_counter_array, TIMCommCallback cb,
                             const void *user_data) {
    return submit_data_call("TIMGroupSetGroupCounters", run_set_counters, group_id, json_group_counter_array,
                            json_check_group_counters, cb, user_data);
}

int TIMGroupGetGroupCounters(const char *group_id, const char *json_group_counter_key_array, TIMCommCallback cb,
                             const void *user_data) {
    return submit_data_call("TIMGroupGetGroupCounters", run_get_counters, group_id, json_group_counter_key_array,
                            NULL, cb, user_data);
}

static int submit_counter_change(const char *api, const char *group_id, const char *key, int64_t value, bool decrease,
                                 TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(true);
    if (code == TIM_SUCC) code = check_group_id(group_id);
    /* A key's length is the registry's rule (10004); here only some text at all. */
    if (code == TIM_SUCC &&
        (key == NULL || key[0] == '\0' || !text_is_json_size_ok(key) || !text_is_utf8(key, strlen(key)))) {
        code = TIM_ERR_PARAM;
    }
    if (code != TIM_SUCC) return code;
    struct task *t = group_task(api, run_change_counter, group_id, NULL, cb, user_data);
    if (t == NULL) return TIM_ERR_PARAM;
    t->args.im_group.key = strdup(key);
    t->args.im_group.value = value;
    t->args.im_group.flag = decrease;
    if (t->args.im_group.key == NULL) {
        task_free(t);
        return TIM_ERR_PARAM;
    }
    return engine_submit(t, ADMIT_LOGGED_IN);
}

int TIMGroupIncreaseGroupCounter(const char *group_id, const char *group_counter_key, int64_t group_counter_value,
                                 TIMCommCallback cb, const void *user_data) {
    return submit_counter_change("TIMGroupIncreaseGroupCounter", group_id, group_counter_key, group_counter_value,
                                 false, cb, user_data);
}

int TIMGroupDecreaseGroupCounter(const char *group_id, const char *group_counter_key, int64_t group_counter_value,
                                 TIMCommCallback cb, const void *user_data) {
    return submit_counter_change("TIMGroupDecreaseGroupCounter", group_id, group_counter_key, group_counter_value,
                                 true, cb, user_data);
}
