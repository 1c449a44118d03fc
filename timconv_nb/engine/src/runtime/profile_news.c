/* Profile news: see profile_news.h. Worker thread only: no lock. */
#define _POSIX_C_SOURCE 200809L
#include "runtime/profile_news.h"

#include <stdlib.h>
#include <string.h>

#include "notify/engine_log.h"
#include "runtime/announce.h"
#include "runtime/engine.h"
#include "runtime/friend_news.h"
#include "store/presence.h"
#include "store/registry_profiles.h"
#include "util/json_check.h"

static int64_t seen_seq;   /* the registry's change counter when last looked at */
static int64_t own_seq;    /* the counter of the user's own last change made here */
static char *status_targets; /* the users whose statuses the user follows (a JSON array); NULL: none */
static char *seen_statuses;  /* their statuses when last looked at */

/* The open registry, or NULL (the failure logged). */
static struct registry *registry(void) {
    char err[512] = "";
    int code = ERR_SUCC;
    struct registry *reg = registry_get(engine_data_root(), engine_app_id(), &code, err, sizeof err);
    if (reg == NULL) engine_log(kTIMLog_Error, "cannot read profiles: %s", err);
    return reg;
}

void profile_news_own_change(int64_t seq) { own_seq = seq; }

/* The {CONV_FACE_*} array, as viewer sees them (NULL: as anyone does), of the users of ids_json
 * whose profile gives a name or a face (or viewer's remark a name); NULL when none (or on a
 * failure, logged). */
static char *faces_of(struct registry *reg, const char *viewer, const char *ids_json) {
    char *faces = NULL;
    if (registry_conv_faces(reg, viewer, ids_json, &faces) != ERR_SUCC) {
        engine_log(kTIMLog_Error, "cannot read conversation faces: %s", registry_error(reg));
    } else if (faces != NULL && strcmp(faces, "[]") == 0) {
        free(faces);
        faces = NULL;
    }
    return faces;
}

int profile_news_baseline(struct store *s, const char *user) {
    profile_news_own_change(0);
    struct registry *reg = registry();
    if (reg == NULL) return ERR_IO_OPERATION_FAILED;
    int code = registry_set_logged_in(reg, user, true);
    if (code != ERR_SUCC) engine_log(kTIMLog_Error, "cannot record the login of %s: %s", user, registry_error(reg));
    profile_news_status_rebase(s);
    code = registry_profile_seq(reg, &seen_seq);
    char *peers = NULL;
    if (code == ERR_SUCC) code = store_conv_peers(s, &peers);
    char *faces = code == ERR_SUCC && peers != NULL ? faces_of(reg, user, peers) : NULL;
    if (faces != NULL) code = store_conv_faces_set(s, kTIMConv_C2C, faces, NULL);
    if (code != ERR_SUCC) engine_log(kTIMLog_Error, "cannot bring conversation faces up to date: %s", store_error(s));
    free(peers);
    free(faces);
    return code;
}

/* Announces the changes of the statuses the user follows since the last look. */
static void poll_statuses(struct store *s, struct registry *reg) {
    char *now = NULL, *changed = NULL;
    if (status_targets == NULL || profile_news_statuses(s, reg, status_targets, &now) != ERR_SUCC ||
        (strcmp(now, seen_statuses) != 0 && registry_status_changes(reg, now, seen_statuses, &changed) != ERR_SUCC)) {
        if (status_targets != NULL) engine_log(kTIMLog_Error, "cannot read user statuses: %s", registry_error(reg));
        free(now);
        return;
    }
    free(seen_statuses);
    seen_statuses = now;
    if (changed != NULL) listener_announce(s, &(struct note){.kind = LISTENER_USER_STATUS_CHANGED, .json = changed});
    free(changed);
}

void profile_news_poll(struct store *s) {
    struct registry *reg = registry();
    if (s == NULL || reg == NULL) return;
    poll_statuses(s, reg);
    int64_t latest = seen_seq;
    if (registry_profile_seq(reg, &latest) != ERR_SUCC || latest == seen_seq) return;
    struct profile_news news;
    if (registry_profile_news(reg, seen_seq, engine_user_id(), own_seq, &news) != ERR_SUCC) {
        engine_log(kTIMLog_Error, "cannot read profile changes: %s", registry_error(reg));
        return;
    }
    friend_news_announce(s, reg, seen_seq, news.latest);
    seen_seq = news.latest;
    struct task_result r = {.code = ERR_SUCC};
    if (news.faces != NULL) {
        char *updated = NULL;
        char **wanted = listener_wanted(LISTENER_CONV_EVENT) ? &updated : NULL;
        if (store_conv_faces_set(s, kTIMConv_C2C, news.faces, wanted) != ERR_SUCC) {
            engine_log(kTIMLog_Error, "cannot change conversation faces: %s", store_error(s));
        } else if (updated != NULL) {
            task_result_note(&r, LISTENER_CONV_EVENT, kTIMConvEvent_Update, updated);
        } else {
            task_result_changed(&r);
        }
    }
    task_result_note(&r, LISTENER_USER_INFO_CHANGED, 0, news.subscribed);
    task_result_note(&r, LISTENER_SELF_INFO_UPDATED, 0, news.own);
    news.subscribed = news.own = NULL; /* taken by the notes */
    announce_result(s, &r);
    task_result_clear(&r);
    profile_news_clear(&news);
}

void profile_news_new_c2c(struct store *s, const char *peer, char **info) {
    struct registry *reg = registry();
    char *ids = reg != NULL ? json_array_of(peer) : NULL;
    char *faces = ids != NULL ? faces_of(reg, engine_user_id(), ids) : NULL;
    free(ids);
    if (faces == NULL) return; /* the peer's profile gives neither: the id it shows is right */
    int code = store_conv_faces_set(s, kTIMConv_C2C, faces, NULL);
    free(faces);
    if (code == ERR_SUCC && info != NULL && *info != NULL) {
        free(*info);
        *info = NULL;
        code = store_conv_info(s, peer, kTIMConv_C2C, info);
    }
    if (code != ERR_SUCC) engine_log(kTIMLog_Error, "cannot show %s's name and face: %s", peer, store_error(s));
}

void profile_news_delivered(struct store *recipient, const char *recipient_id) {
    /* As the recipient sees the sender: their remark first (registry_conv_faces). */
    struct registry *reg = registry();
    char *self = reg != NULL ? json_array_of(engine_user_id()) : NULL;
    char *faces = self != NULL ? faces_of(reg, recipient_id, self) : NULL;
    free(self);
    if (faces != NULL && store_conv_faces_set(recipient, kTIMConv_C2C, faces, NULL) != ERR_SUCC) {
        engine_log(kTIMLog_Error, "cannot show the sender's name and face: %s", store_error(recipient));
    }
    free(faces);
}

/* A growing mask of one character per user id: '1' online, '0' not. */
struct online_mask {
    char *text;
    size_t length, size;
    bool failed;
};

static void note_presence(const char *user, void *ctx) {
    struct online_mask *m = ctx;
    if (m->failed) return;
    if (m->length + 2 > m->size) {
        size_t size = m->size * 2 + 64;
        char *grown = realloc(m->text, size);
        if (grown == NULL) {
            m->failed = true;
            return;
        }
        m->text = grown;
        m->size = size;
    }
    /* This process's own login is its presence mark: never probe it (presence.h). */
    bool online = strcmp(user, engine_user_id()) == 0 || presence_online(engine_data_root(), engine_app_id(), user);
    m->text[m->length++] = online ? '1' : '0';
    m->text[m->length] = '\0';
}

int profile_news_statuses(struct store *s, struct registry *reg, const char *ids_json, char **statuses) {
    *statuses = NULL;
    struct online_mask mask = {0};
    int code = store_array_each(s, ids_json, note_presence, &mask);
    if (code == ERR_SUCC && mask.failed) code = ERR_OUT_OF_MEMORY;
    if (code == ERR_SUCC) code = registry_statuses(reg, ids_json, mask.text != NULL ? mask.text : "", statuses);
    free(mask.text);
    return code;
}

void profile_news_status_rebase(struct store *s) {
    free(status_targets);
    free(seen_statuses);
    status_targets = seen_statuses = NULL;
    struct registry *reg = registry();
    if (reg == NULL || registry_status_targets(reg, engine_user_id(), &status_targets) != ERR_SUCC) {
        if (reg != NULL) engine_log(kTIMLog_Error, "cannot read status subscriptions: %s", registry_error(reg));
        return;
    }
    if (status_targets != NULL && strcmp(status_targets, "[]") == 0) {
        free(status_targets);
        status_targets = NULL;
    }
    if (status_targets != NULL && profile_news_statuses(s, reg, status_targets, &seen_statuses) != ERR_SUCC) {
        engine_log(kTIMLog_Error, "cannot read user statuses: %s", registry_error(reg));
        free(status_targets);
        status_targets = NULL;
    }
}

void profile_news_logged_out(void) {
    struct registry *reg = registry();
    if (reg != NULL && registry_set_logged_in(reg, engine_user_id(), false) != ERR_SUCC) {
        engine_log(kTIMLog_Error, "cannot record the logout of %s: %s", engine_user_id(), registry_error(reg));
    }
}
