/* The engine's clock: the real one, or a fixed time set by timconv_set_clock (timconv_ext.h). */
#define _POSIX_C_SOURCE 200809L
#include <time.h>

#include "runtime/engine.h"
#include "timconv_ext.h"

static _Atomic uint64_t fixed_clock; /* 0: the real clock */

uint64_t engine_now(void) {
    uint64_t fixed = fixed_clock;
    if (fixed != 0) return fixed;
    /* Not time(NULL): glibc reads it from the coarse clock, which lags up to a tick behind, so
     * just after a second begins it could date a change before the call that made it. */
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    return (uint64_t)now.tv_sec;
}

void timconv_set_clock(uint64_t epoch_seconds) { fixed_clock = epoch_seconds; }

uint64_t TIMGetServerTime(void) { return engine_now(); }
