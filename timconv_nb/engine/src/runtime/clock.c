/* The engine's clock: the real one, or a fixed time set by timconv_set_clock (timconv_ext.h). */
#include <time.h>

#include "runtime/engine.h"
#include "timconv_ext.h"

static _Atomic uint64_t fixed_clock; /* 0: the real clock */

uint64_t engine_now(void) {
    uint64_t fixed = fixed_clock;
    return fixed != 0 ? fixed : (uint64_t)time(NULL);
}

void timconv_set_clock(uint64_t epoch_seconds) { fixed_clock = epoch_seconds; }

uint64_t TIMGetServerTime(void) { return engine_now(); }
