/* Friend news: see friend_news.h. Worker thread only: no state, no lock. */
#include "runtime/friend_news.h"

#include "notify/engine_log.h"
#include "notify/listeners.h"
#include "runtime/engine.h"
#include "store/registry_friends.h"

/* The notification of each kind of news. */
static const enum listener_kind NOTIFICATION_OF[] = {
    [FRIEND_NEWS_ADDED] = LISTENER_FRIEND_ADDED,
    [FRIEND_NEWS_DELETED] = LISTENER_FRIEND_DELETED,
    [FRIEND_NEWS_PROFILE] = LISTENER_FRIEND_PROFILE_UPDATED,
    [FRIEND_NEWS_REQUEST] = LISTENER_FRIEND_REQUEST,
    [FRIEND_NEWS_REQUEST_DELETED] = LISTENER_FRIEND_REQUESTS_DELETED,
    [FRIEND_NEWS_REQUEST_READ] = LISTENER_FRIEND_REQUESTS_READ,
    [FRIEND_NEWS_BLOCKED] = LISTENER_BLOCKED,
    [FRIEND_NEWS_UNBLOCKED] = LISTENER_UNBLOCKED,
    [FRIEND_NEWS_GROUP_CREATED] = LISTENER_FRIEND_GROUP_CREATED,
    [FRIEND_NEWS_GROUP_DELETED] = LISTENER_FRIEND_GROUP_DELETED,
    [FRIEND_NEWS_GROUP_RENAMED] = LISTENER_FRIEND_GROUP_RENAMED,
    [FRIEND_NEWS_GROUP_ADDED] = LISTENER_FRIENDS_GROUPED,
    [FRIEND_NEWS_GROUP_REMOVED] = LISTENER_FRIENDS_UNGROUPED,
};

static void announce_one(enum friend_news_kind kind, const char *name, const char *new_name, const char *json,
                         void *ctx) {
    if ((unsigned)kind >= sizeof NOTIFICATION_OF / sizeof NOTIFICATION_OF[0] || NOTIFICATION_OF[kind] == LISTENER_NONE) {
        engine_log(kTIMLog_Warn, "friend news of an unknown kind %d skipped", (int)kind);
        return;
    }
    /* The note borrows the row's texts: announced at once. */
    listener_announce(ctx, &(struct note){.kind = NOTIFICATION_OF[kind],
                                          .json = (char *)json,
                                          .name = (char *)(name != NULL ? name : ""),
                                          .new_name = (char *)(new_name != NULL ? new_name : "")});
}

void friend_news_announce(struct store *s, struct registry *reg, int64_t since, int64_t until) {
    if (registry_friend_news(reg, engine_user_id(), since, until, announce_one, s) != ERR_SUCC) {
        engine_log(kTIMLog_Error, "cannot read friend news: %s", registry_error(reg));
    }
}
