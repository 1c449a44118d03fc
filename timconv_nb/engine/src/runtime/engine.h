/* The runtime's interface to the API files: submitting tasks (task.h), the clock, and the
 * settings and session a running task may read. */
#ifndef TIMCONV_ENGINE_H_
#define TIMCONV_ENGINE_H_

#include <stdbool.h>
#include <stdint.h>

#include "TIMCloud.h"
#include "runtime/task.h"

/* What a call needs to be accepted, and what accepting it changes. */
enum admission {
    ADMIT_INITIALIZED, /* TIMInit has run */
    ADMIT_LOGGED_IN,   /* someone is logged in */
    ADMIT_CONV_EXISTS, /* logged in, and the task's conversation exists once every call accepted
                        * before it has run (the synchronous draft calls; else TIM_ERR_CONV) */
    ADMIT_LOGIN,       /* TIMLogin: the status becomes Logining (another login in progress:
                        * answered with ERR_SDK_ACCOUNT_LOGIN_IN_PROCESS, in order) */
    ADMIT_LOGOUT,      /* TIMLogout: the status becomes Logouting */
    ADMIT_DROP_LOGIN,  /* timconv_fault_drop_login: as a logout, refused unless logged in */
};

/* The first checks of every call: TIM_ERR_SDKUNINIT, TIM_ERR_NOTLOGIN (when needs_login and
 * nobody is logged in), or TIM_SUCC. */
int engine_precheck(bool needs_login);

/* The one way a task is queued. Applies a scripted fault, checks the admission rule and queues
 * t, taking ownership in every case. Returns TIM_SUCC, or the code that refused it (nothing
 * then calls back). */
int engine_submit(struct task *t, enum admission rule);

/* The engine's current time in seconds: the real clock, or the one set by timconv_set_clock. */
uint64_t engine_now(void);

/* The settings fixed at TIMInit (read on the worker thread, or while a call is running). */
const char *engine_data_root(void);
uint64_t engine_app_id(void);
const char *engine_secret_key(void); /* NULL: logins are not verified */

/* The logged-in user's id ("" when none) and store (NULL when none). Worker thread only. */
const char *engine_user_id(void);
struct store *engine_store(void);

/* The session, changed by the login and logout tasks (worker thread). */
/* Now logged in as user_id; presence_fd (store/presence.h) is released with the session;
 * session_token is this login's mark in the store (a login elsewhere replaces it: kicked offline). */
void engine_session_attach(struct store *s, const char *user_id, int presence_fd, int64_t session_token);
void engine_session_renew(int64_t session_token);                 /* the same user logged in again */
int64_t engine_session_token(void);                               /* this login's token */
void engine_session_detach(void);                                 /* nobody's store */
/* The login status follows the session (Logined with a store, else UnLogined); with
 * unless_logining, a login accepted after this task keeps its Logining status. */
void engine_login_status_settle(bool unless_logining);

#endif  /* TIMCONV_ENGINE_H_ */
