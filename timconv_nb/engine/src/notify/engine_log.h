/* The engine's log: each line goes to the log file (when TIMInit named a log folder) and to the
 * registered log callback. */
#ifndef TIMCONV_ENGINE_LOG_H_
#define TIMCONV_ENGINE_LOG_H_

#include <stdio.h>

#include "TIMCloud.h"

/* Makes f (or NULL: none) the log file, closing the previous one. Called only while no worker
 * runs (TIMInit, TIMUninit), so engine_log reads it without a lock. */
void engine_log_set_file(FILE *f);

/* Writes a line to the log file and the log callback. Worker thread only. */
void engine_log(enum TIMLogLevel level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif  /* TIMCONV_ENGINE_LOG_H_ */
