/* The worker's open stores: see store_cache.h. Worker thread only, so no lock. */
#define _POSIX_C_SOURCE 200809L
#include "store/store_cache.h"

#include <stdio.h>
#include <string.h>

#include "TIMErrorCode.h"
#include "store/store.h"
#include "util/text.h"

#define CACHE_SIZE 32

static struct {
    struct store *store;
    char user_id[TEXT_ID_MAX + 1];
    uint64_t app_id;
    uint64_t last_used;
} cache[CACHE_SIZE];
static uint64_t use_counter;
static struct store *held; /* see store_cache_hold; never closed to make room */

struct store *store_cache_open(const char *root, uint64_t app_id, const char *user_id, const struct store *keep,
                               int *code, char *err, size_t err_size) {
    int victim = -1;
    for (int i = 0; i < CACHE_SIZE; i++) {
        if (cache[i].store != NULL && cache[i].app_id == app_id && strcmp(cache[i].user_id, user_id) == 0) {
            cache[i].last_used = ++use_counter;
            *code = ERR_SUCC;
            return cache[i].store;
        }
        if ((cache[i].store == keep && keep != NULL) || (cache[i].store == held && held != NULL)) continue;
        if (victim < 0 || cache[i].store == NULL ||
            (cache[victim].store != NULL && cache[i].last_used < cache[victim].last_used)) {
            victim = i;
        }
    }
    struct store *s = NULL;
    *code = store_open(root, app_id, user_id, &s, err, err_size);
    if (*code != ERR_SUCC) return NULL;
    store_close(cache[victim].store);
    cache[victim].store = s;
    cache[victim].app_id = app_id;
    snprintf(cache[victim].user_id, sizeof cache[victim].user_id, "%s", user_id);
    cache[victim].last_used = ++use_counter;
    return s;
}

int store_cache_hold(struct store *s, char *err, size_t err_size) {
    if (s == held) return ERR_SUCC;
    int released = store_cache_release(err, err_size);
    if (store_batch_begin(s) == ERR_SUCC) held = s;
    return released;
}

int store_cache_release(char *err, size_t err_size) {
    if (held == NULL) return ERR_SUCC;
    int code = store_batch_end(held);
    if (code != ERR_SUCC) snprintf(err, err_size, "%s", store_error(held));
    held = NULL;
    return code;
}

void store_cache_close_all(void) {
    char err[512];
    store_cache_release(err, sizeof err); /* the worker releases after every batch: nothing is held here */
    for (int i = 0; i < CACHE_SIZE; i++) {
        store_close(cache[i].store);
        cache[i].store = NULL;
    }
}
