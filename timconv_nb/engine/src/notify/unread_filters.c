/* Unread totals by filter: see unread_filters.h (lock discipline included). */
#include "notify/unread_filters.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "notify/engine_log.h"
#include "notify/listeners.h"
#include "util/text.h"

/* A subscription is told apart by conv type, mark and group, as the vendor's header says
 * (TIMConversationManager.h 281); an absent mark or group differs from 0 and "". */
struct subscription {
    uint64_t id;      /* tells a copy's entry apart from one re-added meanwhile */
    int conv_type;
    bool mark_set;
    uint64_t mark_type;
    bool group_set;
    char group[TEXT_ID_MAX + 1];
    int64_t last_total; /* -1: not taken yet */
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct subscription subs[UNREAD_FILTERS_MAX];
static int sub_count;
static uint64_t next_id = 1;

static bool same_filter(const struct subscription *s, const struct conv_filter *f) {
    return s->conv_type == f->conv_type && s->mark_set == f->mark_set && (!f->mark_set || s->mark_type == f->mark_type) &&
           s->group_set == (f->group != NULL) && (f->group == NULL || strcmp(s->group, f->group) == 0);
}

static int find_locked(const struct conv_filter *f) {
    for (int i = 0; i < sub_count; i++) {
        if (same_filter(&subs[i], f)) return i;
    }
    return -1;
}

int unread_filters_add(const struct conv_filter *filter) {
    int code = TIM_SUCC;
    pthread_mutex_lock(&lock);
    if (find_locked(filter) < 0) {
        if (sub_count == UNREAD_FILTERS_MAX) {
            code = TIM_ERR_PARAM;
        } else {
            struct subscription *s = &subs[sub_count++];
            s->id = next_id++;
            s->conv_type = filter->conv_type;
            s->mark_set = filter->mark_set;
            s->mark_type = filter->mark_type;
            s->group_set = filter->group != NULL;
            snprintf(s->group, sizeof s->group, "%s", s->group_set ? filter->group : "");
            s->last_total = -1;
        }
    }
    pthread_mutex_unlock(&lock);
    return code;
}

void unread_filters_remove(const struct conv_filter *filter) {
    pthread_mutex_lock(&lock);
    int i = find_locked(filter);
    if (i >= 0) subs[i] = subs[--sub_count];
    pthread_mutex_unlock(&lock);
}

void unread_filters_clear(void) {
    pthread_mutex_lock(&lock);
    sub_count = 0;
    pthread_mutex_unlock(&lock);
}

void unread_filters_rebase(void) {
    pthread_mutex_lock(&lock);
    for (int i = 0; i < sub_count; i++) subs[i].last_total = -1;
    pthread_mutex_unlock(&lock);
}

void unread_filters_check(struct store *s) {
    struct subscription copy[UNREAD_FILTERS_MAX];
    pthread_mutex_lock(&lock);
    int n = sub_count;
    memcpy(copy, subs, (size_t)n * sizeof copy[0]);
    pthread_mutex_unlock(&lock);
    if (n == 0 || s == NULL) return;

    for (int i = 0; i < n; i++) {
        struct conv_filter filter = {.conv_type = copy[i].conv_type, .has_unread = FILTER_ANY, .mark_set = copy[i].mark_set,
                                     .mark_type = copy[i].mark_type, .group = copy[i].group_set ? copy[i].group : NULL,
                                     .has_group_at_info = FILTER_ANY};
        int64_t total = 0;
        char *filter_json = NULL;
        if (store_unread_by_filter(s, &filter, &total, &filter_json) != ERR_SUCC) {
            engine_log(kTIMLog_Error, "cannot count unread messages by filter: %s", store_error(s));
            continue;
        }
        bool announce = false;
        pthread_mutex_lock(&lock);
        for (int k = 0; k < sub_count; k++) {
            if (subs[k].id != copy[i].id) continue;
            announce = subs[k].last_total >= 0 && subs[k].last_total != total;
            subs[k].last_total = total;
        }
        pthread_mutex_unlock(&lock);
        if (announce) {
            listener_announce(s, &(struct note){.kind = LISTENER_UNREAD_BY_FILTER, .value = total, .json = filter_json});
        }
        free(filter_json);
    }
}
