/* The engine's internal interface between the API files (conversation.c, ...) and the state,
 * queue and worker thread that engine.c owns.
 *
 * A call is validated on the caller's thread, becomes a task, and is submitted; the worker
 * thread runs tasks one by one in submission order, fires the events a task produced, then
 * its callback. */
#ifndef TIMCONV_ENGINE_H_
#define TIMCONV_ENGINE_H_

#include <stdbool.h>
#include <stdint.h>

#include "TIMCloud.h"
#include "text.h"

struct store;

/* How a task changes which conversations exist, for the synchronous existence checks. */
/* EFFECT_DELETES_LISTED: deletes the conversations whose keys (c2c_<id> / group_<id>) the task's
 * JSON array lists (TIMConvDeleteConversationList). */
enum conv_effect { EFFECT_NONE, EFFECT_CREATES, EFFECT_DELETES, EFFECT_DELETES_LISTED };

#define TASK_MAX_NOTES 4

/* Something a task tells the global callbacks: a conversation event, new messages, or a change
 * of conversation groups. */
enum note_kind {
    NOTE_NONE,
    NOTE_CONV_EVENT,
    NOTE_NEW_MESSAGES,
    NOTE_GROUP_CREATED,
    NOTE_GROUP_DELETED,
    NOTE_GROUP_RENAMED,
    NOTE_GROUP_ADDED,
    NOTE_GROUP_REMOVED,
};

struct task_result {
    int32_t code;    /* ERR_SUCC or a TIMErrCode */
    char desc[512];  /* "" on success */
    char *json;      /* malloc'd callback JSON; NULL means "" */
    struct {
        enum note_kind kind;
        enum TIMConvEvent event;
        char *json; /* malloc'd JSON array (of ConvInfo, or of Messages) */
        char *group_name; /* malloc'd; group notes only */
        char *new_group_name; /* malloc'd; NOTE_GROUP_RENAMED only */
    } notes[TASK_MAX_NOTES];
    bool unread_may_change; /* the worker then checks the total and announces a change */
    bool changed;           /* conversations changed (set by notes, or by task_result_changed) */
};

struct task;
/* Runs on the worker thread. store is the logged-in user's store (never NULL when the task
 * needs a store). */
typedef void (*task_run_fn)(struct task *t, struct store *store, struct task_result *r);

struct task {
    struct task *next;
    const char *api;     /* the API function's name, for the log */
    task_run_fn run;
    bool needs_store;    /* without a logged-in user it fails with ERR_SDK_NOT_LOGGED_IN */
    bool has_callback;   /* false for the synchronous calls: their failures go to the log */
    bool batchable;      /* a write to the user's store alone: may share a transaction (engine.c) */
    TIMCommCallback cb;
    const void *user_data;
    char conv_id[TEXT_ID_MAX + 1];
    int conv_type;
    enum conv_effect effect;
    char *json;          /* malloc'd copy of the call's JSON argument, or NULL */
    uint64_t accepted_at; /* seconds since the epoch when the call was accepted */
    int32_t answer_code;  /* when not ERR_SUCC: answered with this code instead of being run */
    const char *answer_desc;
    bool flag;            /* the call's bool argument */
    uint64_t numbers[6];  /* the call's numeric arguments, or values fixed when it was accepted */
    char text[TEXT_ID_MAX + 1]; /* a second string argument (a group name, a message id) */
    char *extra;          /* malloc'd copy of a further string argument (custom data, a new group name), or NULL */
};

/* A zeroed task with accepted_at set; NULL when out of memory. */
struct task *task_new(const char *api, task_run_fn run, TIMCommCallback cb, const void *user_data);
void task_free(struct task *t);

/* The first checks of every call: TIM_ERR_SDKUNINIT, TIM_ERR_NOTLOGIN (when needs_login and
 * no login callback has fired), or TIM_SUCC. */
int engine_precheck(bool needs_login);

/* Queues t (taking ownership in every case). Returns TIM_SUCC, or the precheck's code when
 * the state changed since the call's precheck (the task is then freed, nothing calls back). */
int engine_submit(struct task *t, bool needs_login);

/* For the synchronous draft calls: queues t only when its conversation exists once every call
 * accepted before it has run (pending creates and deletes count); else TIM_ERR_CONV. Takes
 * ownership in every case. */
int engine_submit_if_conv_exists(struct task *t);

/* Sets r's code and a printf-style description. */
void task_result_fail(struct task_result *r, int32_t code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Records an event of r holding the one-element array [info]; takes ownership of info. */
void task_result_event(struct task_result *r, enum TIMConvEvent event, char *info);

/* Records a note of r: a conversation event (NOTE_CONV_EVENT) or new messages
 * (NOTE_NEW_MESSAGES) with a JSON array; takes ownership of array (NULL is ignored). */
void task_result_note(struct task_result *r, enum note_kind kind, enum TIMConvEvent event, char *array);

/* Marks r as having changed conversations without an event to announce (nobody listens), so
 * that unread totals by filter are still checked. */
void task_result_changed(struct task_result *r);

/* Whether a conversation event callback is registered: when none is, tasks may skip building
 * the ConvInfo JSON that only an event would carry. */
bool engine_conv_events_wanted(void);

/* Records a conversation-group note of r: its group name (and new name, for a rename) are
 * copied; array (the ConvInfo concerned; NULL means none) is taken. */
void task_result_group_note(struct task_result *r, enum note_kind kind, const char *group_name,
                            const char *new_group_name, char *array);

/* The engine's current time in seconds: the real clock, or the one set by timconv_set_clock. */
uint64_t engine_now(void);

/* The data root and app id fixed at TIMInit (worker thread, or while a call is running). */
const char *engine_data_root(void);
uint64_t engine_app_id(void);

/* The logged-in user's id ("" when none). Worker thread only. */
const char *engine_user_id(void);

/* Writes a line to the log file and log callback. Worker thread only. */
void engine_log(enum TIMLogLevel level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif  /* TIMCONV_ENGINE_H_ */
