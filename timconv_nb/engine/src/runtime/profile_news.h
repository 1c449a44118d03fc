/* Profile news: what the logged-in user's process does when profiles change, its own or others'
 * (TIMManager.h 2.4, 2.6; TIMConversationManager.h 957-961). A change is written once, in the
 * registry (store/registry_profiles.h); every process of the app learns of it by polling the
 * registry's change counter (every 100 ms while a user is logged in), then makes it its own user's:
 * the C2C conversations with the changed users take their new show names and faces (an Update
 * event), subscribers hear TIMUserInfoChangedCallback, and another process of the changed user
 * TIMSelfInfoUpdatedCallback; friend news (friend_news.h), which shares the counter, is announced
 * by the same poll. So a change costs its writer one registry row, and each process
 * online one indexed query and one store update, whatever the number of users holding a
 * conversation with the user; a user logged in later has their conversations brought up to date
 * at login.
 *
 * Worker thread only (its state, the counter seen last and the user's own face, is the worker's). */
#ifndef TIMCONV_PROFILE_NEWS_H_
#define TIMCONV_PROFILE_NEWS_H_

#include <stdint.h>

#include "runtime/task.h"
#include "store/registry.h"

/* At login, as user: the counter now seen, the user's own face, and every C2C conversation of s
 * brought up to date with its peer's profile (silently: the list the login is followed by shows
 * them); the user recorded as logged in, and the statuses the user follows taken as the baseline.
 * ERR_SUCC or the failure (then logged, the login goes on). */
int profile_news_baseline(struct store *s, const char *user);

/* At each poll: announces the profile changes made since the last look (above), and the changes
 * of the statuses the user follows (TIMUserStatusChangedCallback). */
void profile_news_poll(struct store *s);

/* This process changed its user's own profile: the change's counter (the poll does not announce
 * it again). */
void profile_news_own_change(int64_t seq);

/* A C2C conversation with peer was created in s: it shows the peer's name and face from the start;
 * *info (its ConvInfo, when read) is read again when they changed it. A failure is logged: the
 * conversation exists, its face waits for the peer's next change. */
void profile_news_new_c2c(struct store *s, const char *peer, char **info);

/* A recipient's store got a C2C message from the logged-in user: the conversation shows the
 * sender's name and face as the recipient sees them (their remark first; one update, only when
 * there is a name or face to show). */
void profile_news_delivered(struct store *recipient, const char *recipient_id);

/* User statuses (TIMManager.h 6.5-6.8). The statuses of the users of a JSON array of ids, each
 * online while a process holds its login (the presence mark; the logged-in user is online here),
 * as a TIMUserStatus array (registry_statuses); ERR_SUCC or the failure (the store's or the
 * registry's, described by store_error or registry_error). */
int profile_news_statuses(struct store *s, struct registry *reg, const char *ids_json, char **statuses);

/* The users the logged-in user follows the statuses of changed (subscriptions): their statuses
 * now become the ones later changes are told against (nothing is announced). */
void profile_news_status_rebase(struct store *s);

/* The logged-in user logs out (TIMLogout, or a login of another user): not logged in from now on,
 * for others' status calls. */
void profile_news_logged_out(void);

#endif  /* TIMCONV_PROFILE_NEWS_H_ */
