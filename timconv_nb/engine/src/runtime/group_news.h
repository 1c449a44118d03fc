/* Group news: what the logged-in user's process does when a group it is a member of has its
 * attributes or counters changed (TIMGroupManager.h 2.2-2.3, 3.2-3.3: "该群所有的成员都能收到"),
 * by any process of the app, its own included. A change is written once, in the registry
 * (store/registry_group_data.h), with the next value of a change counter; every process polls the
 * counter (every 100 ms while a user is logged in) and announces the changes past the value it saw
 * in its user's groups: TIMGroupAttributeChangedCallback with all of a group's attributes,
 * TIMGroupCounterChangedCallback once per counter. So a change costs its writer one row, and each
 * process online one indexed query.
 *
 * Worker thread only (its state, the counter seen last, is the worker's). */
#ifndef TIMCONV_GROUP_NEWS_H_
#define TIMCONV_GROUP_NEWS_H_

#include "store/store.h"

/* At login: the changes made so far are not news. */
void group_news_baseline(void);

/* At each poll: announces the changes made since the last look. */
void group_news_poll(struct store *s);

#endif  /* TIMCONV_GROUP_NEWS_H_ */
