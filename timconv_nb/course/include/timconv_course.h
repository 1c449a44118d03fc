/* timconv_course.h: a little help for the course's C programs, beside Tencent's own API.
 *
 * The SDK answers on its own thread: a callback runs after the call has returned, and main must
 * not return before the callbacks it waits for have run. End each callback with course_done()
 * and wait for them in main with course_wait():
 *
 *     TIMLogin("alice", "", course_print, "TIMLogin");   // course_print prints, then course_done()
 *     if (!course_wait(1, 5)) return 1;                  // one callback, at most 5 seconds
 *
 * Every %%tim_c program is linked with these functions; a program that does not include this
 * header is plain vendor-style C and works the same. C11 and C++11. */
#ifndef TIMCONV_COURSE_H
#define TIMCONV_COURSE_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Counts one callback as arrived; safe on any thread, inside a callback too. */
void course_done(void);

/* Waits until `count` callbacks have arrived (course_done) since the previous course_wait, or
 * `seconds` have passed. True when they arrived; false on the timeout, after printing on stderr
 * how many came (those are then taken, and a late one counts toward the next wait). */
bool course_wait(int count, double seconds);

/* A TIMCommCallback that prints its result on one line, then calls course_done():
 *     TIMLogin -> code 0
 *     TIMConvCreate -> code 0: {"conv_id":"bob",...}
 * user_data, when not NULL, is the label (a C string) printed first. */
void course_print(int32_t code, const char* desc, const char* json_params, const void* user_data);

#ifdef __cplusplus
}
#endif

#endif /* TIMCONV_COURSE_H */
