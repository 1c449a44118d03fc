/* cffi declarations: the answer queue, the one completion of awaited calls, where calls are
 * answered without entering Python (API mode; the code is answers.c). A call made with timconv_ticket_done as its callback and a ticket
 * as its user_data is answered on the library's thread into the ticket's queue, whose file
 * descriptor then becomes readable; the queue's owner (an asyncio loop, watching that descriptor)
 * takes the answers in batches on its own thread: one wake-up per batch, no GIL on the library's
 * thread. A queue is used by one thread (its owner); the library's threads only answer. Valid C
 * too: the preprocessor lines are dropped for cffi. */

#ifndef TIMCONV_ANSWERS_H
#define TIMCONV_ANSWERS_H

#include <stddef.h>
#include <stdint.h>

#include "reply.h"

typedef struct timconv_answers timconv_answers;
typedef struct timconv_ticket {
    uint64_t id;                  /* the owner's name for the call */
    timconv_reply reply;          /* set once answered */
    timconv_answers* answers;     /* the queue it is answered into */
    struct timconv_ticket* next;  /* the next answer in that queue */
} timconv_ticket;

timconv_answers* timconv_answers_new(void);
/* An eventfd, readable while answers wait to be taken. */
int timconv_answers_fd(timconv_answers* answers);
/* A ticket for one call (user_data for timconv_ticket_done); NULL when out of memory. */
timconv_ticket* timconv_ticket_new(timconv_answers* answers, uint64_t id);
void timconv_ticket_done(int32_t code, const char* desc, const char* json_params, const void* user_data);
/* The call was refused (or never made): no answer will come for this ticket; frees it. */
void timconv_ticket_cancel(timconv_ticket* ticket);
/* How many of its tickets have not been answered or cancelled yet. */
size_t timconv_answers_pending(timconv_answers* answers);
/* Moves up to `most` answered tickets, oldest first, into `taken`; returns how many. */
size_t timconv_answers_take(timconv_answers* answers, timconv_ticket** taken, size_t most);
/* Frees `count` taken tickets. */
void timconv_tickets_free(timconv_ticket** taken, size_t count);
/* The owner is done: answers not taken are dropped, later ones are freed as they come; the
 * queue goes when its last pending ticket has been answered or cancelled. */
void timconv_answers_close(timconv_answers* answers);

#endif
