/* Allocation failure on demand, for tests: the engine's own allocations (malloc, calloc, realloc,
 * strdup, strndup, wrapped at link time with -Wl,--wrap=...) and SQLite's (its allocator replaced
 * through SQLITE_CONFIG_MALLOC) are counted, and the Nth one fails (returns NULL).
 *
 * faulty_alloc_install() before anything uses SQLite; faulty_alloc_arm(n) fails the nth allocation
 * from now (0: none); faulty_alloc_count() counts those since the last arm; faulty_alloc_failed()
 * tells whether the armed one came. Link with
 * -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=strdup,--wrap=strndup. */
#ifndef TIMCONV_TEST_FAULTY_ALLOC_H_
#define TIMCONV_TEST_FAULTY_ALLOC_H_

#include <sqlite3.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

static atomic_long alloc_count;
static atomic_long alloc_target;
static atomic_bool alloc_hit;

static bool alloc_fail_now(void) {
    long n = atomic_fetch_add(&alloc_count, 1) + 1;
    long target = atomic_load(&alloc_target);
    if (target > 0 && n == target) {
        atomic_store(&alloc_hit, true);
        return true;
    }
    return false;
}

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

void *__wrap_malloc(size_t size) { return alloc_fail_now() ? NULL : __real_malloc(size); }
void *__wrap_calloc(size_t count, size_t size) { return alloc_fail_now() ? NULL : __real_calloc(count, size); }
void *__wrap_realloc(void *p, size_t size) { return alloc_fail_now() ? NULL : __real_realloc(p, size); }
char *__wrap_strdup(const char *s) { return alloc_fail_now() ? NULL : __real_strdup(s); }
char *__wrap_strndup(const char *s, size_t n) { return alloc_fail_now() ? NULL : __real_strndup(s, n); }

static sqlite3_mem_methods sqlite_real_mem;
static sqlite3_mem_methods sqlite_faulty_mem;

static void *faulty_sqlite_malloc(int size) { return alloc_fail_now() ? NULL : sqlite_real_mem.xMalloc(size); }
static void *faulty_sqlite_realloc(void *p, int size) {
    return alloc_fail_now() ? NULL : sqlite_real_mem.xRealloc(p, size);
}

static int faulty_alloc_install(void) {
    int rc = sqlite3_config(SQLITE_CONFIG_GETMALLOC, &sqlite_real_mem);
    sqlite_faulty_mem = sqlite_real_mem;
    sqlite_faulty_mem.xMalloc = faulty_sqlite_malloc;
    sqlite_faulty_mem.xRealloc = faulty_sqlite_realloc;
    return rc == SQLITE_OK ? sqlite3_config(SQLITE_CONFIG_MALLOC, &sqlite_faulty_mem) : rc;
}

static void faulty_alloc_arm(long n) {
    atomic_store(&alloc_target, 0);
    atomic_store(&alloc_count, 0);
    atomic_store(&alloc_hit, false);
    atomic_store(&alloc_target, n);
}

static long faulty_alloc_count(void) { return atomic_load(&alloc_count); }
static bool faulty_alloc_failed(void) { return atomic_load(&alloc_hit); }

#endif  /* TIMCONV_TEST_FAULTY_ALLOC_H_ */
