/* Subscriptions to the unread total of a conversation filter
 * (TIMConvSubscribeUnreadMessageCountByFilter) and the announcement of their changes.
 *
 * Lock discipline: a mutex private to unread_filters.c guards the list. It is a leaf: the worker
 * copies the list under it, computes the totals and fires the callback without it. */
#ifndef TIMCONV_UNREAD_FILTERS_H_
#define TIMCONV_UNREAD_FILTERS_H_

#include "store/store.h"

/* At most this many filters watched at once. */
#define UNREAD_FILTERS_MAX 32

/* Watches the filter (told apart from others by conv type, mark type and group; watching it
 * again changes nothing). TIM_SUCC, or TIM_ERR_PARAM when UNREAD_FILTERS_MAX are watched. The
 * group is a valid id or "" (checked by the caller). Its total is taken, silently, at the next unread_filters_check. */
int unread_filters_add(const struct conv_filter *filter);

/* Stops watching the filter (not watched: nothing happens). */
void unread_filters_remove(const struct conv_filter *filter);

/* Forgets every subscription (TIMUninit). */
void unread_filters_clear(void);

/* Makes every total unknown again, to be taken silently at the next check (a new login). */
void unread_filters_rebase(void);

/* Worker thread: computes each watched total in s and announces those that changed through the
 * registered callback. Failures go to the engine log. */
void unread_filters_check(struct store *s);

#endif  /* TIMCONV_UNREAD_FILTERS_H_ */
