/* The engine's log: see engine_log.h. */
#include "notify/engine_log.h"

#include <stdarg.h>
#include <time.h>

#include "notify/listeners.h"

static FILE *log_file;

void engine_log_set_file(FILE *f) {
    if (log_file != NULL) fclose(log_file);
    log_file = f;
}

static const char *level_name(enum TIMLogLevel level) {
    static const char *const names[] = {"off", "test", "verbose", "debug", "info", "warn", "error", "assert"};
    return (unsigned)level < sizeof names / sizeof names[0] ? names[level] : "?";
}

void engine_log(enum TIMLogLevel level, const char *fmt, ...) {
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (log_file != NULL) {
        fprintf(log_file, "%llu [%s] %s\n", (unsigned long long)time(NULL), level_name(level), line);
        fflush(log_file);
    }
    listener_announce(NULL, &(struct note){.kind = LISTENER_LOG, .value = level, .text = line});
}
