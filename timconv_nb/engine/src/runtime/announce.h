/* Announcing: what a task produced (its notes, then the unread totals that may have moved), and
 * what other processes delivered to the logged-in user. Worker thread only: its state (the last
 * total announced, the last inbox row seen) is the worker's. */
#ifndef TIMCONV_ANNOUNCE_H_
#define TIMCONV_ANNOUNCE_H_

#include "runtime/task.h"

/* Fires r's notes in order through the registered callbacks, then the changes of the total
 * unread count and of the subscribed totals by filter. */
void announce_result(struct store *s, struct task_result *r);

/* Announces what other processes delivered to s since the last look. */
void announce_deliveries(struct store *s);

/* At login: the store's current totals become the baseline (deliveries made while nobody was
 * logged in are not announced). ERR_SUCC or the store's failure. */
int announce_baseline(struct store *s);

#endif  /* TIMCONV_ANNOUNCE_H_ */
