/* course_done, course_wait and course_print (timconv_course.h).
 *
 * Lock discipline: `lock` guards `arrived`, the callbacks counted and not yet taken by a wait;
 * course_done takes it on the SDK's thread, course_wait on the program's; nothing else is done
 * while it is held but printing course_wait's timeout. `changed` is signalled on each arrival
 * and measures time on CLOCK_MONOTONIC, so a change of the wall clock cannot stretch a wait. */
#define _POSIX_C_SOURCE 200809L /* flockfile */

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>

#include "timconv_course.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed;
static long arrived;

__attribute__((constructor)) static void course_wait_setup(void) {
    pthread_condattr_t attributes;
    pthread_condattr_init(&attributes);
    pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC);
    pthread_cond_init(&changed, &attributes);
    pthread_condattr_destroy(&attributes);
}

void course_done(void) {
    pthread_mutex_lock(&lock);
    arrived++;
    pthread_cond_broadcast(&changed);
    pthread_mutex_unlock(&lock);
}

bool course_wait(int count, double seconds) {
    /* a week at most; NaN and negative waits are no wait */
    double limited = seconds > 0 ? (seconds < 604800 ? seconds : 604800) : 0;
    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    time_t whole = (time_t)limited;
    deadline.tv_sec += whole;
    deadline.tv_nsec += (long)((limited - (double)whole) * 1e9);
    if (deadline.tv_nsec >= 1000000000L) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&lock);
    int status = 0;
    while (arrived < count && status != ETIMEDOUT) {
        status = pthread_cond_timedwait(&changed, &lock, &deadline);
    }
    bool complete = arrived >= count;
    if (complete) {
        arrived -= count;
    } else {
        fprintf(stderr, "course_wait: %ld of %d callback%s arrived within %g s\n", arrived, count,
                count == 1 ? "" : "s", seconds);
        arrived = 0;
    }
    pthread_mutex_unlock(&lock);
    return complete;
}

void course_print(int32_t code, const char* desc, const char* json_params, const void* user_data) {
    const char* label = user_data != NULL ? (const char*)user_data : "callback";
    flockfile(stdout); /* one line, even when the program prints on another thread meanwhile */
    printf("%s -> code %d", label, (int)code);
    if (desc != NULL && desc[0] != '\0') {
        printf(" (%s)", desc);
    }
    if (json_params != NULL && json_params[0] != '\0') {
        printf(": %s", json_params);
    }
    putchar('\n');
    funlockfile(stdout);
    course_done();
}
