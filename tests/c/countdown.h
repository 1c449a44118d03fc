/* The Nth of a stream of operations, for fault injection (faulty_vfs.h, faulty_alloc.h): armed
 * with n, it counts the operations and says when the nth comes. Atomic: the engine works on its
 * own thread. */
#ifndef TIMCONV_TEST_COUNTDOWN_H_
#define TIMCONV_TEST_COUNTDOWN_H_

#include <stdatomic.h>
#include <stdbool.h>

struct countdown {
    atomic_long count;  /* operations since the last arm */
    atomic_long target; /* the one to fail; 0: none */
    atomic_bool hit;    /* the target came */
};

/* Counts one operation; true when it is the one to fail. */
static bool countdown_tick(struct countdown *c) {
    long n = atomic_fetch_add(&c->count, 1) + 1;
    long target = atomic_load(&c->target);
    if (target > 0 && n == target) {
        atomic_store(&c->hit, true);
        return true;
    }
    return false;
}

/* Fails the nth operation from now (0: none). */
static void countdown_arm(struct countdown *c, long n) {
    atomic_store(&c->target, 0);
    atomic_store(&c->count, 0);
    atomic_store(&c->hit, false);
    atomic_store(&c->target, n);
}

#endif  /* TIMCONV_TEST_COUNTDOWN_H_ */
