"""The exercises of notebook 03, conversations in C."""

from __future__ import annotations

import re

from ..exercises import Unmet, exercise, lines_matching, ran, uses
from ..session import RunResult

LATE_CALLBACK_WRONG = r"""
#include <stdio.h>
#include "TIMCloud.h"
#include "timconv_course.h"

static void on_conv_event(enum TIMConvEvent event, const char* json_conv_array, const void* user_data) {
    (void)json_conv_array, (void)user_data;
    if (event == kTIMConvEvent_Start) printf("event kTIMConvEvent_Start\n");
    if (event == kTIMConvEvent_Finish) {
        printf("event kTIMConvEvent_Finish\n");
        course_done();
    }
}

int main(void) {
    if (TIMInit(1400000001, "") != TIM_SUCC) return 1;
    TIMLogin("heidi", "", course_print, "TIMLogin");
    if (!course_wait(1, 5)) return 1;
    TIMSetConvEventCallback(on_conv_event, NULL);
    printf("synced\n");
    TIMUninit();
    return 0;
}
"""


@exercise("3.1", "03-conversations-in-c", "Hear the sync", "c", wrong=LATE_CALLBACK_WRONG,
          wrong_hint="before TIMLogin")
def hear_the_sync(run: RunResult) -> None:
    lines = ran(run)
    uses(run, "TIMSetConvEventCallback")
    if "event kTIMConvEvent_Start" not in lines or "event kTIMConvEvent_Finish" not in lines:
        raise Unmet("the event callback never printed `event kTIMConvEvent_Start` and `event kTIMConvEvent_Finish`",
                    "set it with TIMSetConvEventCallback before TIMLogin: the SDK announces the sync during the "
                    "login, and a callback set after it has missed both events")
    start, finish = lines.index("event kTIMConvEvent_Start"), lines.index("event kTIMConvEvent_Finish")
    if finish < start:
        raise Unmet("`event kTIMConvEvent_Finish` came before `event kTIMConvEvent_Start`",
                    "print each event's name as the callback receives it")
    if "synced" not in lines:
        raise Unmet("main never prints `synced`",
                    "call course_done() in the callback on kTIMConvEvent_Finish; in main, wait for it (and the "
                    "login's callback: course_wait(2, 5)), then print synced")
    if lines.index("synced") < finish:
        raise Unmet("main printed `synced` before `event kTIMConvEvent_Finish`",
                    "wait for kTIMConvEvent_Finish (course_done in the callback, course_wait in main) before "
                    "printing synced")
    if "course_wait: " in run.stderr:
        raise Unmet("a course_wait timed out: it waited for more callbacks than came",
                    "count what calls course_done(): the login's course_print and the callback on "
                    "kTIMConvEvent_Finish, two in all")


PIN_CONVERSATION_ID_WRONG = r"""
#include <stdio.h>
#include <string.h>
#include "TIMCloud.h"
#include "timconv_course.h"

static void print_conv_ids(const char* prefix, const char* json) {
    char key[32];
    snprintf(key, sizeof key, "\"%s\":\"", kTIMConvId);
    for (const char* at = strstr(json, key); at != NULL; at = strstr(at, key)) {
        at += strlen(key);
        printf("%s%.*s\n", prefix, (int)strcspn(at, "\""), at);
    }
}

static void on_created(int32_t code, const char* desc, const char* json_params, const void* user_data) {
    (void)code, (void)desc, (void)json_params, (void)user_data;
    course_done();
}

static void on_list(int32_t code, const char* desc, const char* json_params, const void* user_data) {
    (void)desc, (void)user_data;
    if (code == 0) print_conv_ids("conv_id ", json_params);
    course_done();
}

int main(void) {
    if (TIMInit(1400000001, "") != TIM_SUCC) return 1;
    TIMLogin("ivan", "", course_print, "TIMLogin");
    if (!course_wait(1, 5)) return 1;
    const char* peers[] = {"bob", "carol", "dave"};
    for (int i = 0; i < 3; i++) TIMConvCreate(peers[i], kTIMConv_C2C, on_created, NULL);
    if (!course_wait(3, 5)) return 1;
    TIMConvPinConversation("c2c_bob", kTIMConv_C2C, true, course_print, "TIMConvPinConversation");
    if (!course_wait(1, 5)) return 1;
    TIMConvGetConvList(on_list, NULL);
    if (!course_wait(1, 5)) return 1;
    TIMUninit();
    return 0;
}
"""

PINNED_ORDER = ["bob", "dave", "carol"]


@exercise("3.2", "03-conversations-in-c", "Pin one, list them", "c", wrong=PIN_CONVERSATION_ID_WRONG,
          wrong_hint="the conversation ID")
def pin_one_list_them(run: RunResult) -> None:
    lines = ran(run)
    uses(run, "TIMConvPinConversation")
    listed = [m.group(1) for m in lines_matching(lines, r"conv_id (.+)$")]
    if not listed:
        raise Unmet("the program printed no `conv_id` line",
                    "keep the TIMConvGetConvList call with on_list, after the pin, and wait for it")
    if listed == PINNED_ORDER:
        return
    if listed[0] != "bob" and re.search(r'TIMConvPinConversation\s*\(\s*"(c2c|group)_', run.source):
        raise Unmet(f"bob is not first: the list is {', '.join(listed)}",
                    'TIMConvPinConversation takes the conv_id, "bob", with kTIMConv_C2C; "c2c_bob" is the '
                    "conversation ID, for the calls that take many conversations (its callback said 6004)")
    if listed[0] != "bob":
        raise Unmet(f"bob is not first: the list is {', '.join(listed)}",
                    'pin it with TIMConvPinConversation("bob", kTIMConv_C2C, true, ...) and wait for its callback '
                    "before asking for the list")
    raise Unmet(f"the list is {', '.join(listed)}, not {', '.join(PINNED_ORDER)}",
                "pin bob alone: a conversation pinned on an earlier run stays pinned (the SDK keeps it); unpin "
                "it with is_pinned false")


CONV_IDS_WRONG = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "TIMCloud.h"
#include "timconv_course.h"

static void print_results(int32_t code, const char* desc, const char* json_params, const void* user_data) {
    (void)desc, (void)user_data;
    char id_key[64], code_key[64];
    snprintf(id_key, sizeof id_key, "\"%s\":\"", kTIMConversationOperationResultConversationID);
    snprintf(code_key, sizeof code_key, "\"%s\":", kTIMConversationOperationResultResultCode);
    printf("callback code %d\n", code);
    for (const char* at = strstr(json_params, id_key); at != NULL; at = strstr(at, id_key)) {
        at += strlen(id_key);
        const char* result = strstr(at, code_key);
        printf("%.*s: %d\n", (int)strcspn(at, "\""), at, result ? atoi(result + strlen(code_key)) : -1);
    }
    course_done();
}

static void on_created(int32_t code, const char* desc, const char* json_params, const void* user_data) {
    (void)code, (void)desc, (void)json_params, (void)user_data;
    course_done();
}

int main(void) {
    if (TIMInit(1400000001, "") != TIM_SUCC) return 1;
    TIMLogin("judy", "", course_print, "TIMLogin");
    if (!course_wait(1, 5)) return 1;
    TIMConvCreate("bob", kTIMConv_C2C, on_created, NULL);
    TIMConvCreate("book-club", kTIMConv_Group, on_created, NULL);
    if (!course_wait(2, 5)) return 1;
    int result = TIMConvDeleteConversationList("[\"bob\", \"book-club\"]", true, print_results, NULL);
    if (result != TIM_SUCC || !course_wait(1, 5)) return 1;
    TIMUninit();
    return 0;
}
"""

BOTH_DELETED = {"c2c_bob": 0, "group_book-club": 0}


@exercise("3.3", "03-conversations-in-c", "Delete two in one call", "c", wrong=CONV_IDS_WRONG,
          wrong_hint="conversation IDs")
def delete_two_in_one_call(run: RunResult) -> None:
    lines = ran(run)
    uses(run, "TIMConvDeleteConversationList")
    answers = [int(m.group(1)) for m in lines_matching(lines, r"callback code (-?\d+)$")]
    if not answers:
        raise Unmet("print_results never ran: there is no `callback code` line",
                    "keep print_results as the callback of TIMConvDeleteConversationList, and wait for it with "
                    "course_wait(1, 5) before TIMUninit")
    if len(answers) > 1:
        raise Unmet(f"print_results ran {len(answers)} times: the conversations were deleted in separate calls",
                    'delete both in one call: one JSON array holding both conversation IDs')
    if answers[0] != 0:
        raise Unmet(f"the callback's code is {answers[0]}", "the call did not run: read the code in TIMErrorCode.h")
    results = {m.group(1): int(m.group(2)) for m in lines_matching(lines, r"(\S+): (-?\d+)$")}
    if results == BOTH_DELETED:
        return
    if 6017 in results.values():
        raise Unmet(f"results {results}: 6017 says an element is not a conversation ID",
                    'the array holds conversation IDs, "c2c_" + the user id or "group_" + the group id, not '
                    "conv_ids: bob's chat is c2c_bob, the group's group_book-club")
    if not results:
        raise Unmet("the callback's array is empty: no conversation was deleted",
                    "conversation_ids is a JSON array of conversation IDs, written as a C string: "
                    '"[\\"c2c_...\\", ...]"')
    raise Unmet(f"the results are {results}, not c2c_bob: 0 and group_book-club: 0",
                "bob is a C2C conversation (c2c_bob) and book-club a group (group_book-club); 6004 names a "
                "conversation that does not exist")
