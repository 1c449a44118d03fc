/* The binding's completions (timconv_nb/engine/completions/) against the real engine: the answer
 * queue (calls answered into a queue on the engine's thread and taken by an owner thread that
 * watches the queue's eventfd, as an asyncio loop does) and the waiter (copying or lending the
 * reply; refused, timed out, and waited on from several threads at once). Built under
 * AddressSanitizer + UndefinedBehaviorSanitizer (with leak checks: a closed queue and its late
 * tickets are freed) and under ThreadSanitizer. */
#define _POSIX_C_SOURCE 200809L
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "TIMCloud.h"
#include "answers.h"
#include "check.h"
#include "timconv_ext.h"
#include "waiter.h"

#define APP_ID 1400000001ULL
#define SENDS 3000
#define MESSAGE "{\"message_elem_array\":[{\"elem_type\":0,\"text_elem_content\":\"hello\"}]}"

/* Blocks until the queue's descriptor is readable (5 s at most); 1 when it is. */
static int readable(timconv_answers* answers, int timeout_ms) {
    struct pollfd watched = {timconv_answers_fd(answers), POLLIN, 0};
    return poll(&watched, 1, timeout_ms) == 1 && (watched.revents & POLLIN);
}

/* Takes `count` answers, `batch` at a time, waking only when the descriptor says so; checks that
 * they come in the order the calls were made (ids first_id, first_id + 1, ...), all succeeded,
 * and each carries its reply's JSON. */
struct owner {
    timconv_answers* answers;
    int count;
    uint64_t first_id;
    size_t batch;
    int taken, out_of_order, failed, empty_json, wakeups;
};

static void* own(void* arg) {
    struct owner* o = arg;
    timconv_ticket* taken[64];
    while (o->taken < o->count && readable(o->answers, 5000)) {
        o->wakeups++;
        size_t n;
        while ((n = timconv_answers_take(o->answers, taken, o->batch)) > 0) {
            for (size_t i = 0; i < n; i++) {
                if (taken[i]->id != o->first_id + (uint64_t)o->taken) o->out_of_order++;
                if (taken[i]->reply.code != TIM_SUCC) o->failed++;
                if (strstr(taken[i]->reply.json, "message_msg_id") == NULL) o->empty_json++;
                o->taken++;
            }
            timconv_tickets_free(taken, n);
        }
    }
    return NULL;
}

static void test_sends_answered_in_order_to_a_watching_owner(void) {
    timconv_answers* answers = timconv_answers_new();
    CHECK(answers != NULL);
    CHECK(!readable(answers, 0)); /* nothing answered yet */
    struct owner o = {answers, SENDS, 1, 5, 0, 0, 0, 0, 0};
    pthread_t owner_thread;
    pthread_create(&owner_thread, NULL, own, &o);
    int refused = 0;
    for (uint64_t id = 1; id <= SENDS; id++) {
        timconv_ticket* ticket = timconv_ticket_new(answers, id);
        if (TIMMsgSendMessage("bob", kTIMConv_C2C, MESSAGE, NULL, timconv_ticket_done, ticket) != TIM_SUCC) {
            timconv_ticket_cancel(ticket);
            refused++;
        }
    }
    pthread_join(owner_thread, NULL);
    CHECK_EQ_INT(refused, 0);
    CHECK_EQ_INT(o.taken, SENDS);
    CHECK_EQ_INT(timconv_answers_pending(answers), 0);
    CHECK_EQ_INT(o.out_of_order, 0);
    CHECK_EQ_INT(o.failed, 0);
    CHECK_EQ_INT(o.empty_json, 0);
    CHECK(o.wakeups >= 1 && o.wakeups < SENDS); /* answers come in batches */
    CHECK(!readable(answers, 0));                /* emptied: the descriptor was reset */
    timconv_answers_close(answers);
}

static void test_a_refused_call_cancels_its_ticket(void) {
    timconv_answers* answers = timconv_answers_new();
    timconv_ticket* ticket = timconv_ticket_new(answers, 1);
    CHECK_EQ_INT(timconv_answers_pending(answers), 1);
    CHECK_EQ_INT(TIMMsgSendMessage("bob", kTIMConv_C2C, "{not json", NULL, timconv_ticket_done, ticket), TIM_ERR_JSON);
    timconv_ticket_cancel(ticket); /* no answer will come: the queue has nothing pending */
    CHECK_EQ_INT(timconv_answers_pending(answers), 0);
    CHECK(!readable(answers, 100));
    timconv_answers_close(answers); /* frees it at once (ASan's leak check would tell) */
}

static void test_the_descriptor_stays_readable_until_the_queue_is_empty(void) {
    timconv_answers* answers = timconv_answers_new();
    for (uint64_t id = 1; id <= 20; id++) {
        CHECK_EQ_INT(TIMMsgSendMessage("carol", kTIMConv_C2C, MESSAGE, NULL, timconv_ticket_done,
                                       timconv_ticket_new(answers, id)), TIM_SUCC);
    }
    timconv_ticket* taken[20];
    size_t got = 0;
    while (got < 20 && readable(answers, 5000)) {
        size_t n = timconv_answers_take(answers, taken + got, 3); /* fewer than are waiting */
        got += n;
        timconv_tickets_free(taken + got - n, n);
    }
    CHECK_EQ_INT(got, 20);
    CHECK(!readable(answers, 0));
    CHECK_EQ_INT(timconv_answers_take(answers, taken, 20), 0);
    timconv_answers_close(answers);
}

static void test_a_queue_closed_with_calls_pending_goes_with_its_last_answer(void) {
    timconv_answers* answers = timconv_answers_new();
    for (uint64_t id = 1; id <= 500; id++) {
        CHECK_EQ_INT(TIMMsgSendMessage("dave", kTIMConv_C2C, MESSAGE, NULL, timconv_ticket_done,
                                       timconv_ticket_new(answers, id)), TIM_SUCC);
    }
    timconv_answers_close(answers); /* some answered and dropped, the rest freed as they come */
    CHECK_EQ_INT(TIMUninit(), TIM_SUCC); /* returns once every call has called back */
}

static void test_a_copied_reply_outlives_the_callback(void) {
    timconv_waiter* w = timconv_waiter_new(0);
    CHECK_EQ_INT(TIMConvCreate("erin", kTIMConv_C2C, timconv_waiter_done, w), TIM_SUCC);
    CHECK(timconv_waiter_wait(w, 5.0));
    const timconv_reply* reply = timconv_waiter_reply(w);
    CHECK_EQ_INT(reply->code, TIM_SUCC);
    CHECK(!reply->json_lent && strstr(reply->json, "\"erin\"") != NULL);
    timconv_waiter_release(w);
}

/* A lent reply holds the engine's thread until the waiting side lets go: a call made meanwhile
 * is answered only after the release. */
static void test_a_lent_reply_is_read_in_place_while_the_engine_waits(void) {
    timconv_waiter* w = timconv_waiter_new(1);
    CHECK_EQ_INT(TIMConvGetConvList(timconv_waiter_done, w), TIM_SUCC);
    CHECK(timconv_waiter_wait(w, 5.0));
    const timconv_reply* reply = timconv_waiter_reply(w);
    CHECK(reply->json_lent && strstr(reply->json, "\"erin\"") != NULL);
    timconv_answers* answers = timconv_answers_new();
    CHECK_EQ_INT(TIMConvCreate("fred", kTIMConv_C2C, timconv_ticket_done, timconv_ticket_new(answers, 1)), TIM_SUCC);
    CHECK(!readable(answers, 200)); /* the engine's thread is still lending the list */
    timconv_waiter_release(w);
    CHECK(readable(answers, 5000));
    timconv_ticket* taken[1];
    CHECK_EQ_INT(timconv_answers_take(answers, taken, 1), 1);
    timconv_tickets_free(taken, 1);
    timconv_answers_close(answers);
}

/* The waiting side gives up first: the late callback neither lends nor blocks the engine. */
static void test_a_lending_waiter_that_timed_out_holds_nothing(void) {
    CHECK_EQ_INT(timconv_fault_delay("TIMConvGetConvList", 300), TIM_SUCC);
    timconv_waiter* w = timconv_waiter_new(1);
    CHECK_EQ_INT(TIMConvGetConvList(timconv_waiter_done, w), TIM_SUCC);
    CHECK(!timconv_waiter_wait(w, 0.05));
    timconv_waiter_release(w);
    CHECK_EQ_INT(timconv_fault_delay("TIMConvGetConvList", 0), TIM_SUCC);
    timconv_waiter* next = timconv_waiter_new(1);
    CHECK_EQ_INT(TIMConvGetConvList(timconv_waiter_done, next), TIM_SUCC);
    CHECK(timconv_waiter_wait(next, 5.0)); /* the engine went on after the abandoned one */
    timconv_waiter_release(next);
}

static void test_a_refused_call_lets_go_of_its_waiter(void) {
    timconv_waiter* w = timconv_waiter_new(1);
    CHECK_EQ_INT(TIMConvCreate("", kTIMConv_C2C, timconv_waiter_done, w), TIM_ERR_PARAM);
    timconv_waiter_refused(w);
    timconv_waiter_release(w);
}

/* Threads wait on lent and copied replies at once, as several Python threads would (each counts
 * its own replies: the CHECK counters are not shared between threads). */
struct waiting_thread {
    int lend;
    int answered;
};

static void* wait_many(void* arg) {
    struct waiting_thread* t = arg;
    for (int i = 0; i < 200; i++) {
        timconv_waiter* w = timconv_waiter_new(t->lend);
        int accepted = TIMConvGetTotalUnreadMessageCount(timconv_waiter_done, w) == TIM_SUCC;
        if (!accepted) timconv_waiter_refused(w);
        else if (timconv_waiter_wait(w, 5.0) && strstr(timconv_waiter_reply(w)->json, "unread_count") != NULL) {
            t->answered++;
        }
        timconv_waiter_release(w);
    }
    return NULL;
}

static void test_waiters_on_several_threads(void) {
    pthread_t threads[4];
    struct waiting_thread waiting[4] = {{0, 0}, {1, 0}, {0, 0}, {1, 0}};
    for (int i = 0; i < 4; i++) pthread_create(&threads[i], NULL, wait_many, &waiting[i]);
    for (int i = 0; i < 4; i++) {
        pthread_join(threads[i], NULL);
        CHECK_EQ_INT(waiting[i].answered, 200);
    }
}

int main(int argc, char** argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s DATA_FOLDER\n", argv[0]);
        return 2;
    }
    char config[4096];
    snprintf(config, sizeof config, "{\"sdk_config_config_file_path\": \"%s\"}", argv[1]);
    CHECK_EQ_INT(TIMInit(APP_ID, config), TIM_SUCC);
    timconv_answers* login = timconv_answers_new();
    CHECK_EQ_INT(TIMLogin("alice", "sig", timconv_ticket_done, timconv_ticket_new(login, 7)), TIM_SUCC);
    timconv_ticket* taken[1];
    CHECK(readable(login, 5000));
    CHECK_EQ_INT(timconv_answers_take(login, taken, 1), 1);
    CHECK_EQ_INT(taken[0]->id, 7);
    CHECK_EQ_INT(taken[0]->reply.code, TIM_SUCC);
    CHECK(taken[0]->reply.thread != (uint64_t)pthread_self()); /* answered on the engine's thread */
    timconv_tickets_free(taken, 1);
    timconv_answers_close(login);
    test_sends_answered_in_order_to_a_watching_owner();
    test_a_refused_call_cancels_its_ticket();
    test_the_descriptor_stays_readable_until_the_queue_is_empty();
    test_a_copied_reply_outlives_the_callback();
    test_a_lent_reply_is_read_in_place_while_the_engine_waits();
    test_a_lending_waiter_that_timed_out_holds_nothing();
    test_a_refused_call_lets_go_of_its_waiter();
    test_waiters_on_several_threads();
    test_a_queue_closed_with_calls_pending_goes_with_its_last_answer(); /* uninitialises */
    CHECK_EQ_INT(timconv_completions_live(), 0); /* every waiter and ticket was freed */
    return check_summary("test_completions");
}
