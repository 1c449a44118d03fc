/* Presence: whether a user is online, that is logged in on the local engine by some process
 * (online messages reach only those, TIMMessageManager.h 2284-2289). The logged-in process holds
 * a write lock (fcntl) on "online.lock" in the user's folder; the kernel drops it when the process
 * logs out, uninitialises or dies, so a crash never leaves a user online. A login that finds the
 * mark held (by a login of the same user that it sends offline) takes it once it is free: the
 * engine's worker tries again each time it polls. */
#ifndef TIMCONV_PRESENCE_H_
#define TIMCONV_PRESENCE_H_

#include <stdbool.h>
#include <stdint.h>

/* Marks user_id online; returns the descriptor holding the mark (-1 when it cannot be made). */
int presence_claim(const char *root, uint64_t app_id, const char *user_id);

/* Ends a mark made by presence_claim (-1 is allowed). */
void presence_release(int fd);

/* Whether another process has user_id online. Never call it for the user this process has
 * online: closing the file would drop this process's own lock. */
bool presence_online(const char *root, uint64_t app_id, const char *user_id);

#endif  /* TIMCONV_PRESENCE_H_ */
