/* A tiny test helper for the engine's C test programs: CHECK macros that count failures. */
#ifndef TIMCONV_TEST_CHECK_H_
#define TIMCONV_TEST_CHECK_H_

#include <stdio.h>
#include <string.h>

static int check_failures;
static int check_count;

#define CHECK(cond)                                                                  \
    do {                                                                             \
        check_count++;                                                               \
        if (!(cond)) {                                                               \
            check_failures++;                                                        \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                            \
    } while (0)

#define CHECK_EQ_INT(actual, expected)                                                                      \
    do {                                                                                                    \
        long long check_a_ = (long long)(actual), check_e_ = (long long)(expected);                         \
        check_count++;                                                                                      \
        if (check_a_ != check_e_) {                                                                         \
            check_failures++;                                                                               \
            fprintf(stderr, "%s:%d: %s == %lld, expected %lld\n", __FILE__, __LINE__, #actual, check_a_, check_e_); \
        }                                                                                                   \
    } while (0)

#define CHECK_EQ_STR(actual, expected)                                                                        \
    do {                                                                                                      \
        const char *check_a_ = (actual), *check_e_ = (expected);                                              \
        check_count++;                                                                                        \
        if (check_a_ == NULL || strcmp(check_a_, check_e_) != 0) {                                            \
            check_failures++;                                                                                 \
            fprintf(stderr, "%s:%d: %s == \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #actual,             \
                    check_a_ ? check_a_ : "(null)", check_e_);                                                \
        }                                                                                                     \
    } while (0)

/* Prints the closing line and returns the process exit code. */
static int check_summary(const char *name) {
    printf("%s: %d checks, %d passed, %d failed\n", name, check_count, check_count - check_failures, check_failures);
    return check_failures == 0 ? 0 : 1;
}

#endif
