/* The engine's state and lifecycle, the call queue and the worker thread.
 *
 * Lock discipline. One mutex, `E.lock`, owned by this file, guards every field of `E` that more
 * than one thread touches: the flags, login status and user, the queue and the task being run,
 * and the store's reader connection (through `E.store`). Rules:
 *  - it is never held while a user callback runs, nor while the worker runs a task's SQL on the
 *    writer connection, so any API may be called from inside any callback;
 *  - it may be held while taking the leaf locks of json_check.c (TIMInit), listeners.c,
 *    unread_filters.c and faults.c, never the reverse;
 *  - `E.store` is written only by the worker (under the lock), so the worker reads it without
 *    the lock; other threads use it, and its reader connection, only under the lock;
 *  - the settings fixed at TIMInit (settings.c) are written only while no worker runs, so the
 *    worker reads them without the lock.
 * The worker is the only thread that invokes user callbacks (call results, events, log), which
 * is what lets TIMUninit promise that none runs once it has joined the worker. */
#define _POSIX_C_SOURCE 200809L
#include "runtime/engine.h"

#include <assert.h>
#include <errno.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "notify/engine_log.h"
#include "notify/listeners.h"
#include "notify/unread_filters.h"
#include "runtime/announce.h"
#include "runtime/faults.h"
#include "runtime/group_news.h"
#include "runtime/profile_news.h"
#include "runtime/settings.h"
#include "store/presence.h"
#include "store/registry.h"
#include "store/store_cache.h"
#include "timconv_ext.h"
#include "util/json_check.h"

/* The package's version (timconv_nb/__init__.py, passed by setup.py): the one place it is kept. */
#ifndef TIMCONV_VERSION
#define TIMCONV_VERSION "unversioned"
#endif
#define ENGINE_VERSION "timconv_nb local engine " TIMCONV_VERSION
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

    enum TIMLoginStatus login_status;
    char user_id[TEXT_ID_MAX + 1]; /* the logged-in user, "" when none */
    struct store *store;           /* that user's store, written by the worker only */
    int presence_fd;               /* the user's online mark (store/presence.h), worker only; -1: none */
    int64_t session_token;         /* this login's token in the user's store, worker only */

    struct task *head, *tail;       /* accepted calls not yet run */
    _Atomic unsigned long enqueued; /* calls ever queued: read without the lock by a spinning worker */
    struct task *current;           /* the call (or batch of calls, chained) being run: existence checks */
} E = {
    .lock = PTHREAD_MUTEX_INITIALIZER,
    .wake = PTHREAD_COND_INITIALIZER,
    .login_status = kTIMLoginStatus_UnLogined,
    .presence_fd = -1,
};

/* ---- the session (worker thread, see engine.h) ---- */

const char *engine_user_id(void) { return E.user_id; }

struct store *engine_store(void) { return E.store; }

void engine_session_attach(struct store *s, const char *user_id, int presence_fd, int64_t session_token) {
    assert(s != NULL && text_is_valid_id(user_id) && E.presence_fd < 0);
    E.presence_fd = presence_fd;
    E.session_token = session_token;
    pthread_mutex_lock(&E.lock);
    E.store = s;
    snprintf(E.user_id, sizeof E.user_id, "%s", user_id);
    E.login_status = kTIMLoginStatus_Logined;
    pthread_mutex_unlock(&E.lock);
}

void engine_session_renew(int64_t session_token) { E.session_token = session_token; }

int64_t engine_session_token(void) { return E.session_token; }

void engine_session_detach(void) {
    presence_release(E.presence_fd);
    E.presence_fd = -1;
    pthread_mutex_lock(&E.lock);
    E.store = NULL;
    E.user_id[0] = '\0';
    pthread_mutex_unlock(&E.lock);
}

void engine_login_status_settle(bool unless_logining) {
    pthread_mutex_lock(&E.lock);
    if (!(unless_logining && E.login_status == kTIMLoginStatus_Logining)) {
        E.login_status = E.store != NULL ? kTIMLoginStatus_Logined : kTIMLoginStatus_UnLogined;
    }
    pthread_mutex_unlock(&E.lock);
}

int TIMGetLoginUserID(char *user_id_buffer) {
    pthread_mutex_lock(&E.lock);
    int code = !E.initialized || E.stopping ? TIM_ERR_SDKUNINIT
               : E.login_status != kTIMLoginStatus_Logined ? TIM_ERR_NOTLOGIN
               : user_id_buffer == NULL ? TIM_ERR_PARAM
                                        : TIM_SUCC;
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

/* 1 or 0 when the task changes whether conv exists, else -1. */
static int task_effect_on(const struct task *t, const struct conv_ref *conv) {
    if (t->effect == EFFECT_DELETES_LISTED) {
        char key[TEXT_ID_MAX + 16];
        snprintf(key, sizeof key, "%s_%s", conv->type == kTIMConv_C2C ? "c2c" : "group", conv->id);
        return json_array_has(task_ids(t), key) ? 0 : -1;
    }
    const struct conv_ref *own = task_conv(t);
    if (t->effect == EFFECT_NONE || own == NULL || own->type != conv->type || strcmp(own->id, conv->id) != 0) return -1;
    return t->effect == EFFECT_CREATES;
}

/* Whether conv exists once every call accepted so far has run. */
static bool conv_will_exist_locked(const struct conv_ref *conv) {
    int exists = -1;
    for (const struct task *b = E.current; b != NULL; b = b->next) { /* the running batch, in order */
        int effect = task_effect_on(b, conv);
        if (effect >= 0) exists = effect;
    }
    for (const struct task *q = E.head; q != NULL; q = q->next) {
        int effect = task_effect_on(q, conv);
        if (effect >= 0) exists = effect;
    }
    if (exists >= 0) return exists == 1;
    bool stored = false;
    /* A reader failure counts as unknown: the call is refused rather than queued blind. */
    return store_reader_conv_exists(E.store, conv->id, conv->type, &stored) == ERR_SUCC && stored;
}

/* Checks the admission rule and applies what accepting t changes (engine lock held): TIM_SUCC,
 * or the code that refuses t. */
static int admit_locked(struct task *t, enum admission rule) {
    bool needs_login = rule == ADMIT_LOGGED_IN || rule == ADMIT_CONV_EXISTS || rule == ADMIT_DROP_LOGIN;
    int code = state_check_locked(needs_login);
    if (code != TIM_SUCC) return code;
    bool answered = t->answer_code != ERR_SUCC; /* a scripted fault answers it, changing nothing */
    switch (rule) {
    case ADMIT_INITIALIZED:
    case ADMIT_LOGGED_IN: break;
    case ADMIT_CONV_EXISTS:
        assert(task_conv(t) != NULL);
        if (!conv_will_exist_locked(task_conv(t))) code = TIM_ERR_CONV;
        break;
    case ADMIT_LOGIN:
        assert(t->kind == ARGS_LOGIN);
        if (answered) break;
        if (E.login_status == kTIMLoginStatus_Logining) {
            t->answer_code = ERR_SDK_ACCOUNT_LOGIN_IN_PROCESS; /* answered in order, changing nothing */
        } else if (!(E.login_status == kTIMLoginStatus_Logined && strcmp(E.user_id, t->args.login.user_id) == 0)) {
            E.login_status = kTIMLoginStatus_Logining;
        }
        break;
    case ADMIT_LOGOUT:
    case ADMIT_DROP_LOGIN:
        if (!answered && E.login_status == kTIMLoginStatus_Logined) E.login_status = kTIMLoginStatus_Logouting;
        break;
    }
    return code;
}

int engine_submit(struct task *t, enum admission rule) {
    assert(t != NULL && t->next == NULL);
    /* A scripted fault (faults.c): a TIMResult refuses the call at once; a callback code answers
     * it, in its turn, unrun. */
    int32_t fault = faults_take(t->api);
    if (fault < 0) {
        task_free(t);
        return fault;
    }
    if (fault > 0 && t->answer_code == ERR_SUCC) {
        t->answer_code = fault;
        t->answer_desc = "scripted fault (timconv_fault_fail_next)";
    }
    pthread_mutex_lock(&E.lock);
    int code = admit_locked(t, rule);
    if (code == TIM_SUCC) {
        if (E.tail != NULL) {
            E.tail->next = t;
        } else {
            E.head = t;
        }
        E.tail = t;
        E.enqueued++;
    }
    pthread_mutex_unlock(&E.lock);
    /* Signalled after unlocking, so the worker does not wake only to wait for the lock. */
    if (code == TIM_SUCC) {
        pthread_cond_signal(&E.wake);
    } else {
        task_free(t);
    }
    return code;
}

/* ---- the worker ---- */

/* Runs a task (or answers it without running it) into r. */
static void execute(struct task *t, bool cancelled, struct task_result *r) {
    assert(t->run != NULL);
    if (cancelled && t->has_callback) {
        task_result_fail(r, ERR_SDK_NOT_INITIALIZED, "TIMUninit ran before %s was executed", t->api);
    } else if (t->answer_code != ERR_SUCC) {
        task_result_answer(r, t);
    } else if (t->needs_store && E.store == NULL) {
        task_result_fail(r, ERR_SDK_NOT_LOGGED_IN, "nobody was logged in when %s was executed", t->api);
    } else {
        t->run(t, E.store, r);
    }
}

/* Announces an executed task's notes, calls its callback (after a scripted delay), then frees it. */
static void complete(struct task *t, struct task_result *r) {
    uint32_t delay_ms = faults_delay_ms(t->api);
    if (delay_ms > 0) {
        struct timespec pause = {(time_t)(delay_ms / 1000), (long)(delay_ms % 1000) * 1000000L};
        while (nanosleep(&pause, &pause) != 0 && errno == EINTR) {
        }
    }
    announce_result(E.store, r);
    if (t->has_callback) {
        if (t->cb != NULL) t->cb(r->code, r->desc, r->json != NULL ? r->json : "", t->user_data);
    } else if (r->code != ERR_SUCC) {
        const struct conv_ref *conv = task_conv(t);
        engine_log(kTIMLog_Error, "%s(%s) failed after it was accepted: %d %s", t->api, conv != NULL ? conv->id : "",
                   r->code, r->desc);
    }
    task_result_clear(r);
    task_free(t);
}

static void set_current(struct task *t) {
    pthread_mutex_lock(&E.lock);
    E.current = t;
    pthread_mutex_unlock(&E.lock);
}

/* A task's work after its commit (see task_after_fn), when it succeeded. */
static void after_commit(struct task *t, struct task_result *r, bool batched) {
    if (r->code == ERR_SUCC && t->after_commit != NULL) t->after_commit(t, E.store, r, batched);
}

/* Runs `count` batchable tasks (chained by next) in one transaction, then delivers each in order:
 * one COMMIT instead of `count`, and no callback before it. The group seqs the batch's sends take
 * share one registry transaction too, committed first (store/registry.h). If a commit fails,
 * nothing of the batch is stored, and every task that had succeeded is answered with that failure
 * instead. What each does in others' stores comes after the commit, and only for those that
 * succeeded. */
static void run_transaction(struct task *first, int count) {
    struct task_result *results = calloc((size_t)count, sizeof *results);
    if (results == NULL) { /* no memory for the batch: one by one, each its own transaction */
        for (struct task *t = first, *next; t != NULL; t = next) {
            next = t->next;
            struct task_result r = {.code = ERR_SUCC};
            execute(t, false, &r);
            after_commit(t, &r, false);
            set_current(next);
            complete(t, &r);
        }
        return;
    }
    /* Without a batch transaction (BEGIN failed) each call commits on its own, as usual. */
    bool batched = store_batch_begin(E.store) == ERR_SUCC;
    if (batched) registry_batch_begin();
    int i = 0;
    for (struct task *t = first; t != NULL; t = t->next) execute(t, false, &results[i++]);
    assert(i == count);
    int committed = ERR_SUCC;
    if (batched) {
        char err[512] = "";
        committed = registry_batch_end(err, sizeof err);
        committed = committed == ERR_SUCC ? store_batch_end(E.store) : store_batch_fail(E.store, committed, err);
    }
    if (committed != ERR_SUCC) {
        engine_log(kTIMLog_Error, "a batch of %d calls was lost: %s", count, store_error(E.store));
        for (i = 0; i < count; i++) {
            if (results[i].code != ERR_SUCC) continue;
            task_result_clear(&results[i]);
            results[i] = (struct task_result){.code = ERR_SUCC};
            task_result_fail(&results[i], committed, "%s", store_error(E.store));
        }
    }
    i = 0;
    for (struct task *t = first; t != NULL; t = t->next) after_commit(t, &results[i++], true);
    char err[512] = "";
    if (store_cache_release(err, sizeof err) != ERR_SUCC) {
        engine_log(kTIMLog_Error, "deliveries of a batch of calls were lost: %s", err);
    }
    set_current(NULL);
    i = 0;
    for (struct task *t = first, *next; t != NULL; t = next) {
        next = t->next;
        complete(t, &results[i++]);
    }
    free(results);
}

static void run_one(struct task *t, bool cancelled) {
    struct task_result r = {.code = ERR_SUCC};
    execute(t, cancelled, &r);
    after_commit(t, &r, false);
    set_current(NULL);
    complete(t, &r);
}

/* Watches for the next task for SPIN_NS before sleeping. Engine lock held. */
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

/* Whether the same user logged in elsewhere since this login (its token no longer holds the
 * store): then this login ends, as the vendor's ends when the user logs in on another device
 * (TIMManager.h 238), and the kicked-offline callback says so. Worker thread. */
static bool kicked_offline(void) {
    int64_t holder = 0;
    if (store_session_holder(E.store, &holder) != ERR_SUCC || holder == E.session_token) return false;
    engine_log(kTIMLog_Warn, "%s logged in elsewhere: logged out here", E.user_id);
    engine_session_detach();
    engine_login_status_settle(true);
    listener_announce(E.store, &(struct note){.kind = LISTENER_KICKED_OFFLINE});
    return true;
}

/* Takes the user's presence mark when this login has none: it was held at login, by a login of the
 * same user elsewhere that this one sends offline and that lets go of it once it notices. Until
 * then that other process kept the user online; from then on this one does. Worker thread. */
static void claim_presence_if_unmarked(void) {
    if (E.store != NULL && E.presence_fd < 0) {
        E.presence_fd = presence_claim(engine_data_root(), engine_app_id(), E.user_id);
    }
}

/* Waits for the next task; while a user is logged in, wakes every POLL_INTERVAL_MS to announce
 * deliveries from other processes (or to find the user logged in elsewhere), and to take the
 * user's presence mark if this login lacks it. Engine lock held. */
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
            if (!kicked_offline()) {
                claim_presence_if_unmarked();
                announce_deliveries(E.store);
                profile_news_poll(E.store);
                group_news_poll(E.store);
            }
            pthread_mutex_lock(&E.lock);
        }
    }
}

/* TIMInit connects the SDK to its server (the vendor's TIMManager.h 221); the local engine's server
 * is the data folder on this machine, reached at once: Connecting, then Connected, before the
 * worker runs any call. */
static void announce_connected(void) {
    listener_announce(NULL, &(struct note){.kind = LISTENER_NETWORK_STATUS, .value = kTIMConnecting});
    listener_announce(NULL, &(struct note){.kind = LISTENER_NETWORK_STATUS, .value = kTIMConnected});
}

static void *worker_main(void *unused) {
    (void)unused;
    announce_connected();
    pthread_mutex_lock(&E.lock);
    for (;;) {
        wait_for_work_locked();
        struct task *t = E.head;
        if (t == NULL) break; /* stopping, and the queue is drained */
        /* Writes queued one after another share one transaction (see run_transaction). */
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
            run_transaction(t, count);
        } else {
            run_one(t, cancelled);
        }
        pthread_mutex_lock(&E.lock);
    }
    pthread_mutex_unlock(&E.lock);
    engine_session_detach();
    store_cache_close_all();
    registry_close();
    pthread_mutex_lock(&E.lock);
    E.login_status = kTIMLoginStatus_UnLogined;
    pthread_mutex_unlock(&E.lock);
    return NULL;
}

/* ---- lifecycle ---- */

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
        code = json_check_open() == 0 ? settings_configure(sdk_app_id, json_sdk_config) : TIM_ERR_PARAM;
        if (code == TIM_SUCC && pthread_create(&E.worker, NULL, worker_main, NULL) != 0) {
            settings_release();
            code = TIM_ERR_PARAM;
        }
        if (code == TIM_SUCC) {
            E.initialized = true;
            E.login_status = kTIMLoginStatus_UnLogined;
        } else {
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
    assert(E.head == NULL && E.current == NULL);
    settings_release();
    E.initialized = false;
    E.stopping = false;
    pthread_mutex_unlock(&E.lock);
    /* A new session starts clean: no subscriptions, no scripted faults, the real clock. */
    unread_filters_clear();
    timconv_fault_clear();
    timconv_set_clock(0);
    json_check_close();
    return TIM_SUCC;
}

const char *TIMGetSDKVersion(void) { return ENGINE_VERSION; }

const char *timconv_sqlite_version(void) { return sqlite3_libversion(); }
