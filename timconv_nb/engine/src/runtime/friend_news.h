/* Friend news: the friendship notifications (TIMFriendshipManager.h 2.1-2.13) in each process of
 * the users they concern. A friendship change writes one news row per user whose lists it changed
 * (store/registry_friends.h): the user who made it (every process of theirs hears it: 3.1-3.3 say
 * the callbacks keep a user's devices in step) and, where another user's lists changed too (a
 * friend added both ways or deleted, a request made, answered or refused), that user. The rows
 * take the change counter of the profiles, so the profile news poll (profile_news.h) finds them:
 * it announces them here, then brings the names of conversations up to date (a remark, the
 * first of a C2C conversation's names, TIMConversationManager.h 959-961). The process that made
 * the change polls at once, so its callbacks come before the call's own.
 *
 * Worker thread only. */
#ifndef TIMCONV_FRIEND_NEWS_H_
#define TIMCONV_FRIEND_NEWS_H_

#include <stdint.h>

#include "store/registry.h"
#include "store/store.h"

/* Announces the logged-in user's friend news with a counter value in (since, until]. */
void friend_news_announce(struct store *s, struct registry *reg, int64_t since, int64_t until);

#endif  /* TIMCONV_FRIEND_NEWS_H_ */
