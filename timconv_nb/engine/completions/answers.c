/* The answer queue: see answers.h. Compiled into timconv_nb._callbacks with the waiter.
 *
 * Lock discipline: `lock` guards every field of a queue and the `next` links of its queued
 * tickets; a ticket's reply is written by the answering thread before it is queued (under the
 * lock) and read by the owner after taking it (under the lock), so the lock orders both.
 * Lifetime: `pending` counts tickets handed out and neither answered nor cancelled. The queue is
 * freed when its owner has closed it and none is pending, by whichever of the two comes last. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "answers.h"

struct timconv_answers {
    pthread_mutex_t lock;
    int fd;
    int signalled;  /* the eventfd has been written since the queue was last emptied */
    int closed;
    size_t pending;
    timconv_ticket* head;
    timconv_ticket* tail;
};

timconv_answers* timconv_answers_new(void) {
    timconv_answers* answers = calloc(1, sizeof *answers);
    if (answers == NULL) return NULL;
    answers->fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (answers->fd < 0) {
        free(answers);
        return NULL;
    }
    pthread_mutex_init(&answers->lock, NULL);
    return answers;
}

int timconv_answers_fd(timconv_answers* answers) { return answers->fd; }

static void free_queue(timconv_answers* answers) {
    close(answers->fd);
    pthread_mutex_destroy(&answers->lock);
    free(answers);
}

static void free_ticket(timconv_ticket* ticket) {
    timconv_reply_clear(&ticket->reply);
    free(ticket);
    timconv_completion_freed();
}

timconv_ticket* timconv_ticket_new(timconv_answers* answers, uint64_t id) {
    timconv_ticket* ticket = calloc(1, sizeof *ticket);
    if (ticket == NULL) return NULL;
    timconv_completion_opened();
    ticket->id = id;
    ticket->answers = answers;
    pthread_mutex_lock(&answers->lock);
    answers->pending++;
    pthread_mutex_unlock(&answers->lock);
    return ticket;
}

/* One pending ticket is settled (lock held); true when the queue must now be freed. */
static int settle(timconv_answers* answers) {
    answers->pending--;
    return answers->closed && answers->pending == 0;
}

void timconv_ticket_done(int32_t code, const char* desc, const char* json_params, const void* user_data) {
    timconv_ticket* ticket = (timconv_ticket*)user_data;
    timconv_answers* answers = ticket->answers;
    timconv_reply_store(&ticket->reply, code, desc, json_params);
    pthread_mutex_lock(&answers->lock);
    int last = settle(answers);
    int wake = 0;
    if (answers->closed) {
        free_ticket(ticket);
    } else {
        if (answers->tail != NULL) answers->tail->next = ticket;
        else answers->head = ticket;
        answers->tail = ticket;
        wake = !answers->signalled;
        answers->signalled = 1;
    }
    /* Written under the lock, so a close cannot free the descriptor first. A failed write
     * (the counter full: never at one per batch) leaves it readable anyway. */
    if (wake) {
        uint64_t one = 1;
        ssize_t written = write(answers->fd, &one, sizeof one);
        (void)written;
    }
    pthread_mutex_unlock(&answers->lock);
    if (last) free_queue(answers);
}

void timconv_ticket_cancel(timconv_ticket* ticket) {
    timconv_answers* answers = ticket->answers;
    pthread_mutex_lock(&answers->lock);
    int last = settle(answers);
    pthread_mutex_unlock(&answers->lock);
    free_ticket(ticket);
    if (last) free_queue(answers);
}

size_t timconv_answers_pending(timconv_answers* answers) {
    pthread_mutex_lock(&answers->lock);
    size_t pending = answers->pending;
    pthread_mutex_unlock(&answers->lock);
    return pending;
}

size_t timconv_answers_take(timconv_answers* answers, timconv_ticket** taken, size_t most) {
    size_t count = 0;
    pthread_mutex_lock(&answers->lock);
    while (count < most && answers->head != NULL) {
        timconv_ticket* ticket = answers->head;
        answers->head = ticket->next;
        ticket->next = NULL;
        taken[count++] = ticket;
    }
    if (answers->head == NULL) {
        answers->tail = NULL;
        if (answers->signalled) {  /* emptied: the next answer wakes the owner again */
            uint64_t counter;
            ssize_t got = read(answers->fd, &counter, sizeof counter);
            (void)got;
            answers->signalled = 0;
        }
    }
    pthread_mutex_unlock(&answers->lock);
    return count;
}

void timconv_tickets_free(timconv_ticket** taken, size_t count) {
    for (size_t i = 0; i < count; i++) free_ticket(taken[i]);
}

void timconv_answers_close(timconv_answers* answers) {
    pthread_mutex_lock(&answers->lock);
    timconv_ticket* dropped = answers->head;
    answers->head = answers->tail = NULL;
    answers->closed = 1;
    int last = answers->pending == 0;
    pthread_mutex_unlock(&answers->lock);
    while (dropped != NULL) {
        timconv_ticket* next = dropped->next;
        free_ticket(dropped);
        dropped = next;
    }
    if (last) free_queue(answers);
}
