/* Engine state, lifecycle, login, the call queue and the worker thread.
 *
 * Lock discipline. One mutex, `E.lock`, guards every field of `E` that more than one thread
 * touches: the flags, login status and user, the queue and the task being run, and the store's
 * reader connection (through `E.store`). Rules:
 *  - it is never held while a user callback runs, nor while the worker runs a task's SQL on the
 *    writer connection, so any API may be called from inside any callback;
 *  - it may be held while taking the leaf locks of json_check.c (TIMInit), listeners.c,
 *    unread_filters.c and faults.c, never the reverse;
 *  - `E.store` is written only by the worker (under the lock), so the worker reads it without
 *    the lock; other threads use it, and its reader connection, only under the lock;
 *  - the settings fixed at TIMInit (app id, data root, log file) are written only while no
 *    worker runs, so the worker reads them without the lock.
 * The worker is the only thread that invokes user callbacks (call results, events, log), which
 * is what lets TIMUninit promise that none runs once it has joined the worker. */
#define _POSIX_C_SOURCE 200809L
#include "engine.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "faults.h"
#include "fsutil.h"
#include "json_check.h"
#include "listeners.h"
#include "store.h"
#include "store_cache.h"
#include "timconv_ext.h"
#include "unread_filters.h"
#include "usersig.h"

#define ENGINE_VERSION "timconv_nb local engine 0.1.0"
/* Longest data root accepted: leaves room for the store's own path below it. */
#define ROOT_MAX 3072
/* How often a logged-in worker looks for messages other processes delivered. */
#define POLL_INTERVAL_MS 100
/* How long an idle worker watches for the next call before sleeping: a caller making calls one
 * after another (with Python's work between them) then finds it awake, which saves a sleep and a
 * wake-up (two context switches, most of a round trip's cost) per call. Costs at most this much
 * CPU after the last call of a burst. */
#define SPIN_NS 300000
/* At most this many queued writes share one transaction. */
#define BATCH_TASKS_MAX 64

static struct {
    pthread_mutex_t lock;
    pthread_cond_t wake; /* signalled when a task is queued or stopping is set */
    bool initialized;
    bool stopping;       /* TIMUninit is draining the queue */
    pthread_t worker;

    /* fixed while initialised */
    uint64_t app_id;
    char *data_root;
    FILE *log_file;
    char *secret_key; /* when set, TIMLogin verifies UserSigs */

    enum TIMLoginStatus login_status;
    char user_id[TEXT_ID_MAX + 1]; /* the logged-in user, "" when none */
    struct store *store;           /* that user's store, written by the worker only */

    struct task *head, *tail; /* accepted calls not yet run */
    _Atomic unsigned long enqueued; /* calls ever queued: read without the lock by a spinning worker */
    struct task *current;     /* the call (or batch of calls, chained) being run: existence checks */

    /* worker thread only */
    int64_t last_total_unread; /* the total last announced (or found at login) */
    int64_t inbox_last_id;     /* the last inbox row announced */
} E = {
    .lock = PTHREAD_MUTEX_INITIALIZER,
    .wake = PTHREAD_COND_INITIALIZER,
    .login_status = kTIMLoginStatus_UnLogined,
};

/* ---- tasks and results ---- */

struct task *task_new(const char *api, task_run_fn run, TIMCommCallback cb, const void *user_data) {
    struct task *t = calloc(1, sizeof *t);
    if (t == NULL) return NULL;
    t->api = api;
    t->run = run;
    t->has_callback = true;
    t->cb = cb;
    t->user_data = user_data;
    t->accepted_at = engine_now();
    return t;
}

void task_free(struct task *t) {
    if (t == NULL) return;
    free(t->json);
    free(t->extra);
    free(t);
}

void task_result_fail(struct task_result *r, int32_t code, const char *fmt, ...) {
    r->code = code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->desc, sizeof r->desc, fmt, ap);
    va_end(ap);
}

void task_result_changed(struct task_result *r) { r->changed = true; }

bool engine_conv_events_wanted(void) { return listener_get(LISTENER_CONV_EVENT).fn != NULL; }

void task_result_note(struct task_result *r, enum note_kind kind, enum TIMConvEvent event, char *array) {
    if (array == NULL) return;
    r->changed = true;
    for (int i = 0; i < TASK_MAX_NOTES; i++) {
        if (r->notes[i].kind != NOTE_NONE) continue;
        r->notes[i].kind = kind;
        r->notes[i].event = event;
        r->notes[i].json = array;
        return;
    }
    free(array); /* every task records fewer notes than TASK_MAX_NOTES */
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
    task_result_note(r, NOTE_CONV_EVENT, event, array);
}

void task_result_group_note(struct task_result *r, enum note_kind kind, const char *group_name,
                            const char *new_group_name, char *array) {
    r->changed = true;
    for (int i = 0; i < TASK_MAX_NOTES; i++) {
        if (r->notes[i].kind != NOTE_NONE) continue;
        r->notes[i].kind = kind;
        r->notes[i].json = array;
        r->notes[i].group_name = strdup(group_name);
        r->notes[i].new_group_name = new_group_name != NULL ? strdup(new_group_name) : NULL;
        return;
    }
    free(array); /* every task records fewer notes than TASK_MAX_NOTES */
}

static void task_result_clear(struct task_result *r) {
    free(r->json);
    for (int i = 0; i < TASK_MAX_NOTES; i++) {
        free(r->notes[i].json);
        free(r->notes[i].group_name);
        free(r->notes[i].new_group_name);
    }
}

/* ---- clock ---- */

static _Atomic uint64_t fixed_clock; /* 0: the real clock */

uint64_t engine_now(void) {
    uint64_t fixed = fixed_clock;
    return fixed != 0 ? fixed : (uint64_t)time(NULL);
}

void timconv_set_clock(uint64_t epoch_seconds) { fixed_clock = epoch_seconds; }

/* ---- log ---- */

static const char *level_name(enum TIMLogLevel level) {
    static const char *const names[] = {"off", "test", "verbose", "debug", "info", "warn", "error", "assert"};
    return (unsigned)level < sizeof names / sizeof names[0] ? names[level] : "?";
}

void engine_log(enum TIMLogLevel level, const char *fmt, ...) {
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (E.log_file != NULL) {
        fprintf(E.log_file, "%llu [%s] %s\n", (unsigned long long)time(NULL), level_name(level), line);
        fflush(E.log_file);
    }
    struct listener listener = listener_get(LISTENER_LOG);
    if (listener.fn != NULL) ((TIMLogCallback)listener.fn)(level, line, listener.user_data);
}

/* ---- submission ---- */

static int state_check_locked(bool needs_login) {
    if (!E.initialized || E.stopping) return TIM_ERR_SDKUNINIT;
    if (needs_login && E.login_status != kTIMLoginStatus_Logined) return TIM_ERR_NOTLOGIN;
    return TIM_SUCC;
}

int engine_precheck(bool needs_login) {
    pthread_mutex_lock(&E.lock);
    int code = state_check_locked(needs_login);
    pthread_mutex_unlock(&E.lock);
    return code;
}

/* Queues t; the caller signals E.wake after unlocking (so the worker does not wake only to
 * wait for the lock the caller still holds). */
static void enqueue_locked(struct task *t) {
    t->next = NULL;
    if (E.tail != NULL) {
        E.tail->next = t;
    } else {
        E.head = t;
    }
    E.tail = t;
    E.enqueued++;
}

/* Applies a scripted fault (faults.c) to a call being accepted: returns the TIMResult to refuse
 * it with, or TIM_SUCC (a callback code then answers it in its turn, unrun). */
static int take_fault(struct task *t) {
    int32_t code = faults_take(t->api);
    if (code > 0 && t->answer_code == ERR_SUCC) {
        t->answer_code = code;
        t->answer_desc = "scripted fault (timconv_fault_fail_next)";
    }
    return code < 0 ? code : TIM_SUCC;
}

int engine_submit(struct task *t, bool needs_login) {
    int fault = take_fault(t);
    if (fault != TIM_SUCC) {
        task_free(t);
        return fault;
    }
    pthread_mutex_lock(&E.lock);
    int code = state_check_locked(needs_login);
    if (code == TIM_SUCC) enqueue_locked(t);
    pthread_mutex_unlock(&E.lock);
    if (code == TIM_SUCC) pthread_cond_signal(&E.wake);
    if (code != TIM_SUCC) task_free(t);
    return code;
}

/* 1 or 0 when the task changes whether (id, type) exists, else -1. */
static int task_effect_on(const struct task *t, const char *conv_id, int conv_type) {
    if (t->effect == EFFECT_DELETES_LISTED) {
        char key[TEXT_ID_MAX + 16];
        snprintf(key, sizeof key, "%s_%s", conv_type == kTIMConv_C2C ? "c2c" : "group", conv_id);
        return json_array_has(t->json, key) ? 0 : -1;
    }
    if (t->effect == EFFECT_NONE || t->conv_type != conv_type || strcmp(t->conv_id, conv_id) != 0) return -1;
    return t->effect == EFFECT_CREATES;
}

int engine_submit_if_conv_exists(struct task *t) {
    int fault = take_fault(t);
    if (fault != TIM_SUCC) {
        task_free(t);
        return fault;
    }
    pthread_mutex_lock(&E.lock);
    int code = state_check_locked(true);
    if (code == TIM_SUCC) {
        int exists = -1;
        for (const struct task *b = E.current; b != NULL; b = b->next) { /* the running batch, in order */
            int effect = task_effect_on(b, t->conv_id, t->conv_type);
            if (effect >= 0) exists = effect;
        }
        for (const struct task *q = E.head; q != NULL; q = q->next) {
            int effect = task_effect_on(q, t->conv_id, t->conv_type);
            if (effect >= 0) exists = effect;
        }
        if (exists < 0) {
            bool stored = false;
            /* A reader failure counts as unknown: the call is refused rather than queued blind. */
            exists = store_reader_conv_exists(E.store, t->conv_id, t->conv_type, &stored) == ERR_SUCC && stored;
        }
        code = exists ? TIM_SUCC : TIM_ERR_CONV;
    }
    if (code == TIM_SUCC) enqueue_locked(t);
    pthread_mutex_unlock(&E.lock);
    if (code == TIM_SUCC) pthread_cond_signal(&E.wake);
    if (code != TIM_SUCC) task_free(t);
    return code;
}

/* ---- the worker ---- */

/* Announces a change of the total unread count. Worker thread only. */
static void announce_total_unread(void) {
    int64_t total = 0;
    if (E.store == NULL || store_total_unread(E.store, &total) != ERR_SUCC || total == E.last_total_unread) return;
    E.last_total_unread = total;
    struct listener listener = listener_get(LISTENER_TOTAL_UNREAD);
    if (listener.fn != NULL) {
        ((TIMConvTotalUnreadMessageCountChangedCallback)listener.fn)((int)(total > INT32_MAX ? INT32_MAX : total),
                                                                      listener.user_data);
    }
}

/* Fires one note through the callback registered for its kind. */
static void announce_note(enum note_kind kind, enum TIMConvEvent event, const char *json, const char *name,
                          const char *new_name) {
    static const enum listener_kind listener_of[] = {
        [NOTE_CONV_EVENT] = LISTENER_CONV_EVENT,       [NOTE_GROUP_CREATED] = LISTENER_GROUP_CREATED,
        [NOTE_GROUP_DELETED] = LISTENER_GROUP_DELETED, [NOTE_GROUP_RENAMED] = LISTENER_GROUP_RENAMED,
        [NOTE_GROUP_ADDED] = LISTENER_GROUP_ADDED,     [NOTE_GROUP_REMOVED] = LISTENER_GROUP_REMOVED,
    };
    if (kind == NOTE_NEW_MESSAGES) {
        struct listener recv[RECV_LISTENERS_MAX];
        int n = listeners_recv(recv);
        for (int k = 0; k < n; k++) ((TIMRecvNewMsgCallback)recv[k].fn)(json, recv[k].user_data);
        return;
    }
    struct listener l = listener_get(listener_of[kind]);
    const char *array = json != NULL ? json : "[]";
    if (l.fn != NULL && kind == NOTE_CONV_EVENT) ((TIMConvEventCallback)l.fn)(event, array, l.user_data);
    /* A group note whose name could not be copied (out of memory) is not announced. */
    if (l.fn == NULL || kind == NOTE_CONV_EVENT || name == NULL) return;
    switch (kind) {
    case NOTE_GROUP_CREATED: ((TIMConvConversationGroupCreatedCallback)l.fn)(name, array, l.user_data); break;
    case NOTE_GROUP_DELETED: ((TIMConvConversationGroupDeletedCallback)l.fn)(name, l.user_data); break;
    case NOTE_GROUP_RENAMED:
        if (new_name != NULL) ((TIMConvConversationGroupNameChangedCallback)l.fn)(name, new_name, l.user_data);
        break;
    case NOTE_GROUP_ADDED: ((TIMConvConversationsAddedToGroupCallback)l.fn)(name, array, l.user_data); break;
    case NOTE_GROUP_REMOVED: ((TIMConvConversationsDeletedFromGroupCallback)l.fn)(name, array, 0, l.user_data); break;
    default: break;
    }
}

/* Fires a result's notes in order, then the unread totals that may have changed. */
static void announce(struct task_result *r) {
    for (int i = 0; i < TASK_MAX_NOTES; i++) {
        if (r->notes[i].kind == NOTE_NONE) continue;
        announce_note(r->notes[i].kind, r->notes[i].event, r->notes[i].json, r->notes[i].group_name,
                      r->notes[i].new_group_name);
    }
    if (r->unread_may_change) announce_total_unread();
    /* Marks and groups decide which filters a conversation passes: any change may move a total. */
    if (r->changed || r->unread_may_change) unread_filters_check(E.store);
}

static void deliver(struct task *t, struct task_result *r) {
    announce(r);
    if (t->has_callback) {
        if (t->cb != NULL) t->cb(r->code, r->desc, r->json != NULL ? r->json : "", t->user_data);
    } else if (r->code != ERR_SUCC) {
        engine_log(kTIMLog_Error, "%s(%s) failed after it was accepted: %d %s", t->api, t->conv_id, r->code, r->desc);
    }
}

/* Announces what other processes delivered to the logged-in user since the last look.
 * Worker thread only. */
static void poll_deliveries(void) {
    bool changed = false;
    if (E.store == NULL || store_changed_elsewhere(E.store, &changed) != ERR_SUCC || !changed) return;
    char *messages = NULL, *added = NULL, *updated = NULL;
    int64_t before = E.inbox_last_id;
    if (store_inbox_since(E.store, &E.inbox_last_id, &messages, &added, &updated) != ERR_SUCC) {
        engine_log(kTIMLog_Error, "cannot read delivered messages: %s", store_error(E.store));
        return;
    }
    struct task_result r = {.code = ERR_SUCC, .unread_may_change = true};
    if (E.inbox_last_id != before) {
        task_result_note(&r, NOTE_CONV_EVENT, kTIMConvEvent_Add, strcmp(added, "[]") != 0 ? added : NULL);
        task_result_note(&r, NOTE_CONV_EVENT, kTIMConvEvent_Update, strcmp(updated, "[]") != 0 ? updated : NULL);
        task_result_note(&r, NOTE_NEW_MESSAGES, kTIMConvEvent_Update, messages);
        if (strcmp(added, "[]") == 0) free(added);
        if (strcmp(updated, "[]") == 0) free(updated);
    } else {
        free(messages);
        free(added);
        free(updated);
    }
    announce(&r);
    task_result_clear(&r);
}

/* Runs a task (or answers it without running it) into r. */
static void execute(struct task *t, bool cancelled, struct task_result *r) {
    if (cancelled && t->has_callback) {
        task_result_fail(r, ERR_SDK_NOT_INITIALIZED, "TIMUninit ran before %s was executed", t->api);
    } else if (t->answer_code != ERR_SUCC) {
        task_result_fail(r, t->answer_code, "%s", t->answer_desc);
    } else if (t->needs_store && E.store == NULL) {
        task_result_fail(r, ERR_SDK_NOT_LOGGED_IN, "nobody was logged in when %s was executed", t->api);
    } else {
        t->run(t, E.store, r);
    }
}

/* Delivers an executed task's events and callback (after a scripted delay), then frees it. */
static void complete(struct task *t, struct task_result *r) {
    uint32_t delay_ms = faults_delay_ms(t->api);
    if (delay_ms > 0) {
        struct timespec pause = {(time_t)(delay_ms / 1000), (long)(delay_ms % 1000) * 1000000L};
        while (nanosleep(&pause, &pause) != 0 && errno == EINTR) {
        }
    }
    deliver(t, r);
    task_result_clear(r);
    task_free(t);
}

static void forget_current(void) {
    pthread_mutex_lock(&E.lock);
    E.current = NULL;
    pthread_mutex_unlock(&E.lock);
}

/* Runs `count` batchable tasks (chained by next) in one transaction, then delivers each in order:
 * one COMMIT instead of `count`, and no callback before it. If the commit fails, nothing of the
 * batch is stored, and every task that had succeeded is answered with that failure instead. */
static void run_batch(struct task *first, int count) {
    struct task_result *results = calloc((size_t)count, sizeof *results);
    if (results == NULL) { /* no memory for the batch: one by one, each its own transaction */
        for (struct task *t = first, *next; t != NULL; t = next) {
            next = t->next;
            struct task_result r = {.code = ERR_SUCC};
            execute(t, false, &r);
            pthread_mutex_lock(&E.lock);
            E.current = next;
            pthread_mutex_unlock(&E.lock);
            complete(t, &r);
        }
        return;
    }
    /* Without a batch transaction (BEGIN failed) each call commits on its own, as usual. */
    bool batched = store_batch_begin(E.store) == ERR_SUCC;
    int i = 0;
    for (struct task *t = first; t != NULL; t = t->next) execute(t, false, &results[i++]);
    int committed = batched ? store_batch_end(E.store) : ERR_SUCC;
    if (committed != ERR_SUCC) {
        engine_log(kTIMLog_Error, "a batch of %d calls was lost: %s", count, store_error(E.store));
        for (i = 0; i < count; i++) {
            if (results[i].code != ERR_SUCC) continue;
            task_result_clear(&results[i]);
            results[i] = (struct task_result){.code = ERR_SUCC};
            task_result_fail(&results[i], committed, "%s", store_error(E.store));
        }
    }
    forget_current();
    i = 0;
    for (struct task *t = first, *next; t != NULL; t = next) {
        next = t->next;
        complete(t, &results[i++]);
    }
    free(results);
}

static void run_task(struct task *t, bool cancelled) {
    struct task_result r = {.code = ERR_SUCC};
    execute(t, cancelled, &r);
    forget_current();
    complete(t, &r);
}

/* Forgets the current user (its store stays in the worker's cache). Worker thread only. */
static void detach_store(void) {
    pthread_mutex_lock(&E.lock);
    E.store = NULL;
    E.user_id[0] = '\0';
    pthread_mutex_unlock(&E.lock);
}

/* Waits for the next task; while a user is logged in, wakes every POLL_INTERVAL_MS to announce
 * deliveries from other processes. Engine lock held. */
static void spin_for_work_locked(void) {
    unsigned long seen = E.enqueued;
    pthread_mutex_unlock(&E.lock);
    struct timespec start, now;
    clock_gettime(CLOCK_MONOTONIC, &start);
    do {
        clock_gettime(CLOCK_MONOTONIC, &now);
    } while (E.enqueued == seen &&
             (now.tv_sec - start.tv_sec) * 1000000000L + (now.tv_nsec - start.tv_nsec) < SPIN_NS);
    pthread_mutex_lock(&E.lock);
}

static void wait_for_work_locked(void) {
    if (E.head == NULL && !E.stopping) spin_for_work_locked();
    while (E.head == NULL && !E.stopping) {
        if (E.store == NULL) {
            pthread_cond_wait(&E.wake, &E.lock);
            continue;
        }
        struct timespec deadline;
        clock_gettime(CLOCK_MONOTONIC, &deadline);
        deadline.tv_nsec += POLL_INTERVAL_MS * 1000000L;
        deadline.tv_sec += deadline.tv_nsec / 1000000000L;
        deadline.tv_nsec %= 1000000000L;
        if (pthread_cond_timedwait(&E.wake, &E.lock, &deadline) == ETIMEDOUT) {
            pthread_mutex_unlock(&E.lock);
            poll_deliveries();
            pthread_mutex_lock(&E.lock);
        }
    }
}

static void *worker_main(void *unused) {
    (void)unused;
    pthread_mutex_lock(&E.lock);
    for (;;) {
        wait_for_work_locked();
        struct task *t = E.head;
        if (t == NULL) break; /* stopping, and the queue is drained */
        /* Writes queued one after another share one transaction (see run_batch). */
        struct task *last = t;
        int count = 1;
        if (t->batchable && E.store != NULL && !E.stopping) {
            while (last->next != NULL && last->next->batchable && count < BATCH_TASKS_MAX) {
                last = last->next;
                count++;
            }
        }
        E.head = last->next;
        if (E.head == NULL) E.tail = NULL;
        last->next = NULL;
        E.current = t; /* with the rest of its batch chained behind it */
        bool cancelled = E.stopping;
        pthread_mutex_unlock(&E.lock);
        if (count > 1) {
            run_batch(t, count);
        } else {
            run_task(t, cancelled);
        }
        pthread_mutex_lock(&E.lock);
    }
    pthread_mutex_unlock(&E.lock);
    detach_store();
    store_cache_close_all();
    pthread_mutex_lock(&E.lock);
    E.login_status = kTIMLoginStatus_UnLogined;
    pthread_mutex_unlock(&E.lock);
    return NULL;
}

/* ---- lifecycle ---- */

/* Makes path absolute (relative to the current directory). NULL when too long or unreadable. */
static char *absolute_path(const char *path) {
    if (path != NULL && path[0] == '/') return strnlen(path, ROOT_MAX + 1) <= ROOT_MAX ? strdup(path) : NULL;
    char cwd[PATH_MAX];
    if (getcwd(cwd, sizeof cwd) == NULL) return NULL;
    size_t cwd_len = strlen(cwd);
    size_t path_len = path != NULL ? strlen(path) : 0;
    size_t n = cwd_len + (path_len > 0 ? path_len + 1 : 0);
    if (n > ROOT_MAX) return NULL;
    char *out = malloc(n + 1);
    if (out == NULL) return NULL;
    memcpy(out, cwd, cwd_len);
    if (path_len > 0) {
        out[cwd_len] = '/';
        memcpy(out + cwd_len + 1, path, path_len);
    }
    out[n] = '\0';
    return out;
}

static FILE *open_log_file(const char *folder) {
    char *dir = absolute_path(folder);
    if (dir == NULL || fs_make_private_dirs(dir) != 0) {
        free(dir);
        return NULL;
    }
    size_t n = strlen(dir) + sizeof "/timconv_nb.log";
    char *path = malloc(n);
    FILE *f = NULL;
    if (path != NULL) {
        snprintf(path, n, "%s/timconv_nb.log", dir);
        int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (fd >= 0 && (f = fdopen(fd, "a")) == NULL) close(fd);
    }
    free(path);
    free(dir);
    return f;
}

/* Parses the config and fixes the settings. Engine lock held, no worker running. */
static int configure_locked(uint64_t app_id, const char *json_sdk_config) {
    char *config_path = NULL, *log_path = NULL;
    if (json_sdk_config != NULL && json_sdk_config[0] != '\0') {
        if (!text_is_json_size_ok(json_sdk_config)) return TIM_ERR_PARAM;
        int code = json_check_sdk_config(json_sdk_config, &config_path, &log_path, &E.secret_key);
        if (code != TIM_SUCC) return code;
    }
    int code = TIM_SUCC;
    E.data_root = absolute_path(config_path);
    if (E.data_root == NULL) code = TIM_ERR_PARAM;
    if (code == TIM_SUCC && log_path != NULL && (E.log_file = open_log_file(log_path)) == NULL) code = TIM_ERR_PARAM;
    free(config_path);
    free(log_path);
    E.app_id = app_id;
    return code;
}

static void release_settings_locked(void) {
    free(E.data_root);
    E.data_root = NULL;
    free(E.secret_key);
    E.secret_key = NULL;
    if (E.log_file != NULL) fclose(E.log_file);
    E.log_file = NULL;
}

int TIMInit(uint64_t sdk_app_id, const char *json_sdk_config) {
    if (sdk_app_id == 0) return TIM_ERR_PARAM;
    pthread_mutex_lock(&E.lock);
    int code = TIM_SUCC;
    if (E.stopping) {
        code = TIM_ERR_SDKUNINIT; /* TIMUninit is still running on another thread */
    } else if (!E.initialized) {
        /* The worker's timed waits measure on the monotonic clock. */
        pthread_condattr_t attr;
        pthread_condattr_init(&attr);
        pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
        pthread_cond_destroy(&E.wake);
        pthread_cond_init(&E.wake, &attr);
        pthread_condattr_destroy(&attr);
        code = json_check_open() == 0 ? configure_locked(sdk_app_id, json_sdk_config) : TIM_ERR_PARAM;
        if (code == TIM_SUCC && pthread_create(&E.worker, NULL, worker_main, NULL) != 0) code = TIM_ERR_PARAM;
        if (code == TIM_SUCC) {
            E.initialized = true;
            E.login_status = kTIMLoginStatus_UnLogined;
        } else {
            release_settings_locked();
            json_check_close();
        }
    }
    pthread_mutex_unlock(&E.lock);
    return code;
}

int TIMUninit(void) {
    pthread_mutex_lock(&E.lock);
    if (!E.initialized || E.stopping) {
        pthread_mutex_unlock(&E.lock);
        return TIM_ERR_SDKUNINIT;
    }
    if (pthread_equal(pthread_self(), E.worker)) {
        pthread_mutex_unlock(&E.lock);
        return TIM_ERR_PARAM; /* from inside a callback it would wait for itself */
    }
    E.stopping = true;
    pthread_cond_signal(&E.wake);
    pthread_mutex_unlock(&E.lock);

    pthread_join(E.worker, NULL);

    pthread_mutex_lock(&E.lock);
    release_settings_locked();
    E.initialized = false;
    E.stopping = false;
    pthread_mutex_unlock(&E.lock);
    unread_filters_clear();
    timconv_fault_clear();
    json_check_close();
    return TIM_SUCC;
}

const char *TIMGetSDKVersion(void) { return ENGINE_VERSION; }

uint64_t TIMGetServerTime(void) { return engine_now(); }

const char *engine_data_root(void) { return E.data_root; }

uint64_t engine_app_id(void) { return E.app_id; }

const char *engine_user_id(void) { return E.user_id; }

/* ---- login ---- */

static void run_login(struct task *t, struct store *unused, struct task_result *r) {
    (void)unused;
    if (E.secret_key != NULL) {
        char why[256];
        int refused = usersig_verify(t->json, E.secret_key, E.app_id, t->conv_id, engine_now(), why, sizeof why);
        if (refused != ERR_SUCC) {
            pthread_mutex_lock(&E.lock);
            if (E.login_status == kTIMLoginStatus_Logining) E.login_status = E.store != NULL ? kTIMLoginStatus_Logined
                                                                                             : kTIMLoginStatus_UnLogined;
            pthread_mutex_unlock(&E.lock);
            task_result_fail(r, refused, "%s", why);
            engine_log(kTIMLog_Warn, "login of %s refused: %s", t->conv_id, why);
            return;
        }
    }
    if (E.store != NULL && strcmp(E.user_id, t->conv_id) == 0) {
        pthread_mutex_lock(&E.lock);
        E.login_status = kTIMLoginStatus_Logined;
        pthread_mutex_unlock(&E.lock);
        return;
    }
    if (E.store != NULL) {
        engine_log(kTIMLog_Info, "logging %s out to log %s in", E.user_id, t->conv_id);
        detach_store();
    }
    char err[512] = "";
    int code = ERR_SUCC;
    struct store *s = store_cache_open(E.data_root, E.app_id, t->conv_id, NULL, &code, err, sizeof err);
    if (code == ERR_SUCC) {
        /* Deliveries made while nobody was logged in are in the store; there is no one to tell. */
        int64_t total = 0;
        bool ignored;
        code = store_inbox_reset(s);
        if (code == ERR_SUCC) code = store_total_unread(s, &total);
        if (code == ERR_SUCC) code = store_changed_elsewhere(s, &ignored); /* the baseline for polling */
        if (code != ERR_SUCC) {
            snprintf(err, sizeof err, "%s", store_error(s));
            s = NULL;
        }
        E.last_total_unread = total;
        E.inbox_last_id = 0;
        unread_filters_rebase();
    }
    pthread_mutex_lock(&E.lock);
    if (code == ERR_SUCC) {
        E.store = s;
        snprintf(E.user_id, sizeof E.user_id, "%s", t->conv_id);
        E.login_status = kTIMLoginStatus_Logined;
    } else {
        E.login_status = kTIMLoginStatus_UnLogined;
    }
    pthread_mutex_unlock(&E.lock);
    if (code != ERR_SUCC) {
        task_result_fail(r, code, "%s", err);
        engine_log(kTIMLog_Error, "login of %s failed: %s", t->conv_id, err);
    } else {
        engine_log(kTIMLog_Info, "%s logged in", t->conv_id);
        unread_filters_check(E.store); /* the new user's totals, taken silently */
    }
}

int TIMLogin(const char *user_id, const char *user_sig, TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(false);
    if (code != TIM_SUCC) return code;
    if (!text_is_valid_id(user_id) || !text_is_json_size_ok(user_sig)) return TIM_ERR_PARAM;
    struct task *t = task_new("TIMLogin", run_login, cb, user_data);
    if (t == NULL || (t->json = strdup(user_sig)) == NULL) {
        task_free(t);
        return TIM_ERR_PARAM;
    }
    snprintf(t->conv_id, sizeof t->conv_id, "%s", user_id);
    code = take_fault(t);
    if (code != TIM_SUCC) {
        task_free(t);
        return code;
    }
    pthread_mutex_lock(&E.lock);
    code = state_check_locked(false);
    if (code == TIM_SUCC) {
        if (t->answer_code != ERR_SUCC) {
            /* a scripted fault answers it, changing nothing */
        } else if (E.login_status == kTIMLoginStatus_Logining) {
            t->answer_code = ERR_SDK_ACCOUNT_LOGIN_IN_PROCESS; /* answered in order, changing nothing */
            t->answer_desc = "another login is in progress";
        } else if (!(E.login_status == kTIMLoginStatus_Logined && strcmp(E.user_id, user_id) == 0)) {
            E.login_status = kTIMLoginStatus_Logining;
        }
        enqueue_locked(t);
    }
    pthread_mutex_unlock(&E.lock);
    if (code == TIM_SUCC) pthread_cond_signal(&E.wake);
    if (code != TIM_SUCC) task_free(t);
    return code;
}

static void run_logout(struct task *t, struct store *unused, struct task_result *r) {
    (void)t;
    (void)unused;
    (void)r;
    if (E.store != NULL) {
        engine_log(kTIMLog_Info, "%s logged out", E.user_id);
        detach_store();
    }
    pthread_mutex_lock(&E.lock);
    /* A login accepted after this logout owns the status from then on. */
    if (E.login_status != kTIMLoginStatus_Logining) E.login_status = kTIMLoginStatus_UnLogined;
    pthread_mutex_unlock(&E.lock);
}

/* Queues a logout task; needs_login: refused unless someone is logged in. */
static int submit_logout(struct task *t, bool needs_login) {
    int code = take_fault(t);
    if (code != TIM_SUCC) {
        task_free(t);
        return code;
    }
    pthread_mutex_lock(&E.lock);
    code = state_check_locked(needs_login);
    if (code == TIM_SUCC) {
        /* unless a scripted fault answers it, changing nothing */
        if (E.login_status == kTIMLoginStatus_Logined && t->answer_code == ERR_SUCC) {
            E.login_status = kTIMLoginStatus_Logouting;
        }
        enqueue_locked(t);
    }
    pthread_mutex_unlock(&E.lock);
    if (code == TIM_SUCC) pthread_cond_signal(&E.wake);
    if (code != TIM_SUCC) task_free(t);
    return code;
}

int TIMLogout(TIMCommCallback cb, const void *user_data) {
    struct task *t = task_new("TIMLogout", run_logout, cb, user_data);
    return t != NULL ? submit_logout(t, false) : TIM_ERR_PARAM;
}

int timconv_fault_drop_login(void) {
    struct task *t = task_new("timconv_fault_drop_login", run_logout, NULL, NULL);
    if (t == NULL) return TIM_ERR_PARAM;
    t->has_callback = false;
    return submit_logout(t, true);
}

int TIMGetLoginUserID(char *user_id_buffer) {
    pthread_mutex_lock(&E.lock);
    int code = state_check_locked(true);
    if (code == TIM_SUCC && user_id_buffer == NULL) code = TIM_ERR_PARAM;
    if (code == TIM_SUCC) memcpy(user_id_buffer, E.user_id, strlen(E.user_id) + 1);
    pthread_mutex_unlock(&E.lock);
    return code;
}

TIMLoginStatus TIMGetLoginStatus(void) {
    pthread_mutex_lock(&E.lock);
    enum TIMLoginStatus status = E.login_status;
    pthread_mutex_unlock(&E.lock);
    return status;
}
