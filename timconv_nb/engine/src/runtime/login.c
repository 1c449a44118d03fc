/* Login and logout (TIMManager.h): the session they attach and detach, the UserSig check when a
 * secret key was set, and the totals a new login takes as its baseline. */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "notify/engine_log.h"
#include "notify/unread_filters.h"
#include "runtime/announce.h"
#include "runtime/engine.h"
#include "runtime/group_news.h"
#include "runtime/profile_news.h"
#include "store/presence.h"
#include "store/store_cache.h"
#include "timconv_ext.h"
#include "util/usersig.h"

/* Announces the conversation sync that follows a login. The vendor's SDK fetches the list from its
 * server after every login and says so through the conversation event callback: Start, the
 * conversations the sync changed, then Finish, Start and Finish with an empty json_conv_array
 * (TIMConversationManager.h: enum TIMConvEvent and the TIMConvEventCallback example). Locally the
 * store is the server's copy already, so nothing comes between them. */
static void announce_sync(struct task_result *r) {
    char *start = strdup(""), *finish = strdup("");
    if (start == NULL || finish == NULL) { /* out of memory: announce neither, never half */
        free(start);
        free(finish);
        return;
    }
    task_result_note(r, LISTENER_CONV_EVENT, kTIMConvEvent_Start, start);
    task_result_note(r, LISTENER_CONV_EVENT, kTIMConvEvent_Finish, finish);
}

/* A login's session token: random, non-zero, below 2^63 (as SQLite stores integers). */
static int64_t session_token(void) {
    uint64_t bits = 0;
    if (getrandom(&bits, sizeof bits, 0) != (ssize_t)sizeof bits) bits = (uint64_t)time(NULL) ^ (uint64_t)getpid() << 32;
    return (int64_t)(bits >> 1) | 1;
}

/* Forgets the current user (its store stays in the worker's cache); `why` ends the log line. */
static void detach(const char *why) {
    if (engine_store() == NULL) return;
    engine_log(kTIMLog_Info, "%s logged out%s", engine_user_id(), why);
    profile_news_logged_out();
    engine_session_detach();
}

static void run_login(struct task *t, struct store *unused, struct task_result *r) {
    (void)unused;
    const struct login_args *a = &t->args.login;
    if (engine_secret_key() != NULL) {
        char why[256];
        int refused = usersig_verify(a->user_sig, engine_secret_key(), engine_app_id(), a->user_id, engine_now(), why,
                                     sizeof why);
        if (refused != ERR_SUCC) {
            engine_login_status_settle(false);
            task_result_fail(r, refused, "%s", why);
            engine_log(kTIMLog_Warn, "login of %s refused: %s", a->user_id, why);
            return;
        }
    }
    if (engine_store() != NULL && strcmp(engine_user_id(), a->user_id) == 0) {
        /* Logging in again takes the session back from a login elsewhere (TIMManager.h 239);
         * while it still holds the session, nothing changes. */
        int64_t holder = 0, token = session_token();
        if (store_session_holder(engine_store(), &holder) == ERR_SUCC && holder != engine_session_token() &&
            store_session_take(engine_store(), token) == ERR_SUCC) {
            engine_session_renew(token);
        }
        engine_login_status_settle(false);
        announce_sync(r);
        return;
    }
    detach(" for another login");
    char err[512] = "";
    int code = ERR_SUCC;
    struct store *s = store_cache_open(engine_data_root(), engine_app_id(), a->user_id, NULL, &code, err, sizeof err);
    /* This login takes the user's session: a login of the same user elsewhere is sent offline. */
    int64_t token = session_token();
    if (code == ERR_SUCC) code = store_session_take(s, token);
    if (code == ERR_SUCC) code = announce_baseline(s);
    if (code != ERR_SUCC && err[0] == '\0') snprintf(err, sizeof err, "%s", store_error(s));
    if (code != ERR_SUCC) {
        engine_login_status_settle(false);
        task_result_fail(r, code, "%s", err);
        engine_log(kTIMLog_Error, "login of %s failed: %s", a->user_id, err);
        return;
    }
    engine_session_attach(s, a->user_id, presence_claim(engine_data_root(), engine_app_id(), a->user_id), token);
    profile_news_baseline(s, a->user_id); /* a failure is logged: the login goes on */
    group_news_baseline();
    engine_log(kTIMLog_Info, "%s logged in", a->user_id);
    unread_filters_check(s); /* the new user's totals, taken silently */
    announce_sync(r);
}

int TIMLogin(const char *user_id, const char *user_sig, TIMCommCallback cb, const void *user_data) {
    int code = engine_precheck(false);
    if (code != TIM_SUCC) return code;
    if (!text_is_valid_id(user_id) || !text_is_json_size_ok(user_sig)) return TIM_ERR_PARAM;
    struct task *t = task_new("TIMLogin", run_login, ARGS_LOGIN, cb, user_data);
    if (t == NULL || (t->args.login.user_sig = strdup(user_sig)) == NULL) {
        task_free(t);
        return TIM_ERR_PARAM;
    }
    t->needs_store = false;
    snprintf(t->args.login.user_id, sizeof t->args.login.user_id, "%s", user_id);
    return engine_submit(t, ADMIT_LOGIN);
}

static void run_logout(struct task *t, struct store *unused, struct task_result *r) {
    (void)t;
    (void)unused;
    (void)r;
    detach("");
    engine_login_status_settle(true); /* a login accepted after this logout owns the status */
}

/* A logout task; NULL when out of memory. */
static struct task *logout_task(const char *api, TIMCommCallback cb, const void *user_data) {
    struct task *t = task_new(api, run_logout, ARGS_NONE, cb, user_data);
    if (t != NULL) t->needs_store = false;
    return t;
}

int TIMLogout(TIMCommCallback cb, const void *user_data) {
    struct task *t = logout_task("TIMLogout", cb, user_data);
    return t != NULL ? engine_submit(t, ADMIT_LOGOUT) : TIM_ERR_PARAM;
}

int timconv_fault_drop_login(void) {
    struct task *t = logout_task("timconv_fault_drop_login", NULL, NULL);
    if (t == NULL) return TIM_ERR_PARAM;
    t->has_callback = false;
    return engine_submit(t, ADMIT_DROP_LOGIN);
}
