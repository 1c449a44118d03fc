/* Allocation failure on demand, for tests: the engine's own allocations (malloc, calloc, realloc,
 * strdup, strndup, wrapped at link time with -Wl,--wrap=...) and SQLite's (its allocator replaced
 * through SQLITE_CONFIG_MALLOC) are counted, and the Nth one fails (returns NULL).
 *
 * faulty_alloc_install() before anything uses SQLite; countdown_arm(&faulty_allocs, n) fails the
 * nth allocation from now (countdown.h). Link with
 * -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=strdup,--wrap=strndup. */
#ifndef TIMCONV_TEST_FAULTY_ALLOC_H_
#define TIMCONV_TEST_FAULTY_ALLOC_H_

#include <sqlite3.h>
#include <stddef.h>

#include "countdown.h"

static struct countdown faulty_allocs;

void *__real_malloc(size_t size);
void *__real_calloc(size_t count, size_t size);
void *__real_realloc(void *p, size_t size);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);

void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t count, size_t size);
void *__wrap_realloc(void *p, size_t size);
char *__wrap_strdup(const char *s);
char *__wrap_strndup(const char *s, size_t n);

void *__wrap_malloc(size_t size) { return countdown_tick(&faulty_allocs) ? NULL : __real_malloc(size); }
void *__wrap_calloc(size_t count, size_t size) { return countdown_tick(&faulty_allocs) ? NULL : __real_calloc(count, size); }
void *__wrap_realloc(void *p, size_t size) { return countdown_tick(&faulty_allocs) ? NULL : __real_realloc(p, size); }
char *__wrap_strdup(const char *s) { return countdown_tick(&faulty_allocs) ? NULL : __real_strdup(s); }
char *__wrap_strndup(const char *s, size_t n) { return countdown_tick(&faulty_allocs) ? NULL : __real_strndup(s, n); }

static sqlite3_mem_methods sqlite_real_mem;
static sqlite3_mem_methods sqlite_faulty_mem;

static void *faulty_sqlite_malloc(int size) { return countdown_tick(&faulty_allocs) ? NULL : sqlite_real_mem.xMalloc(size); }
static void *faulty_sqlite_realloc(void *p, int size) {
    return countdown_tick(&faulty_allocs) ? NULL : sqlite_real_mem.xRealloc(p, size);
}

static int faulty_alloc_install(void) {
    int rc = sqlite3_config(SQLITE_CONFIG_GETMALLOC, &sqlite_real_mem);
    sqlite_faulty_mem = sqlite_real_mem;
    sqlite_faulty_mem.xMalloc = faulty_sqlite_malloc;
    sqlite_faulty_mem.xRealloc = faulty_sqlite_realloc;
    return rc == SQLITE_OK ? sqlite3_config(SQLITE_CONFIG_MALLOC, &sqlite_faulty_mem) : rc;
}

#endif  /* TIMCONV_TEST_FAULTY_ALLOC_H_ */
