/* The worker's open stores, by user: logging back in and delivering to a recent recipient reuse
 * an open store instead of opening (and preparing) it again. Worker thread only: no lock. */
#ifndef TIMCONV_STORE_CACHE_H_
#define TIMCONV_STORE_CACHE_H_

#include <stddef.h>
#include <stdint.h>

struct store;

/* The store of user_id under root for app_id, opened if needed (the least recently used other
 * than `keep` is closed to make room). NULL on failure, with *code and err set. */
struct store *store_cache_open(const char *root, uint64_t app_id, const char *user_id, const struct store *keep,
                               int *code, char *err, size_t err_size);

/* Keeps s (another user's store) in one transaction across consecutive deliveries to it: several
 * queued sends to one peer then cost one commit there. Holding another store first commits the
 * one held, so at most one other user's store is locked at a time (two processes delivering to
 * each other never wait on each other). Returns the outcome of that commit (ERR_SUCC when none
 * was needed); on failure err says why, and the deliveries made under it are lost. If s cannot
 * begin a transaction it is not held: each delivery then commits on its own. */
int store_cache_hold(struct store *s, char *err, size_t err_size);

/* Commits the held store's transaction (none held: ERR_SUCC), as store_cache_hold reports. */
int store_cache_release(char *err, size_t err_size);

/* Closes every cached store (TIMUninit). */
void store_cache_close_all(void);

#endif  /* TIMCONV_STORE_CACHE_H_ */
