/* Scripted faults (timconv_ext.h): rules that make chosen calls fail, or call back late, so that
 * a class can see failure on demand. No rule exists until one is added.
 *
 * Lock discipline: a mutex private to faults.c guards the rules. It is a leaf: held only to read
 * or change a rule, never while a callback runs or another lock is taken. */
#ifndef TIMCONV_FAULTS_H_
#define TIMCONV_FAULTS_H_

#include <stdint.h>

/* The fault for the call of `api` being accepted: 0 (none), a TIMResult below 0 to return at
 * once, or a callback code above 0 to answer it with. Uses up one of the rule's calls. */
int32_t faults_take(const char *api);

/* Milliseconds to hold back the events and callback of a call of `api` (0: none). */
uint32_t faults_delay_ms(const char *api);

#endif  /* TIMCONV_FAULTS_H_ */
