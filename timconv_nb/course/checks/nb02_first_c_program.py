"""The exercises of notebook 02, your first C program."""

from __future__ import annotations

import re

from ..exercises import Unmet, exercise, lines_matching, ran, uses
from ..session import RunResult

#: The calls that wait for a callback: the course's, or a condition variable or semaphore of one's own.
WAITS = r"\b(course_wait|pthread_cond_wait|pthread_cond_timedwait|sem_wait|sem_timedwait)\s*\("
#: The calls that only pause, guessing how long the SDK takes.
SLEEPS = r"\b(sleep|usleep|nanosleep|thrd_sleep)\s*\("


def refuse_sleeps(run: RunResult) -> None:
    """Unmet when the program sleeps instead of waiting for a callback."""
    sleep = re.search(SLEEPS, run.source)
    if sleep:
        raise Unmet(f"main calls {sleep.group(1)}() instead of waiting for the callback",
                    "a sleep guesses how long the SDK takes: too short on a busy machine, too long otherwise; "
                    "have the callback call course_done() and main wait with course_wait(1, 5)")


def waits_after(run: RunResult, function: str) -> bool:
    """The program's source waits for a callback after its last call of ``function``."""
    calls = list(re.finditer(rf"\b{function}\s*\(", run.source))
    return bool(calls) and re.search(WAITS, run.source[calls[-1].end():]) is not None


SLEEP_WRONG = r"""
#include <stdio.h>
#include <unistd.h>
#include "TIMCloud.h"
#include "timconv_course.h"

static void on_login(int32_t code, const char* desc, const char* json_params, const void* user_data) {
    (void)desc, (void)json_params, (void)user_data;
    printf("logged in: code %d\n", code);
}

int main(void) {
    if (TIMInit(1400000001, "") != TIM_SUCC) return 1;
    TIMLogin("carol", "", on_login, NULL);
    sleep(1);   /* long enough, on this machine, today */
    printf("status %d\n", TIMGetLoginStatus());
    TIMUninit();
    return 0;
}
"""


@exercise("2.1", "02-first-c-program", "Wait for the login", "c", wrong=SLEEP_WRONG,
          wrong_hint="a sleep guesses")
def wait_for_the_login(run: RunResult) -> None:
    lines = ran(run)
    statuses = lines_matching(lines, r"status (-?\d+)$")
    if not statuses:
        raise Unmet("main never prints `status N`",
                    "after waiting for the callback, print TIMGetLoginStatus() as status N; main waits with "
                    "course_wait(1, 5) once the callback calls course_done()")
    uses(run, "TIMGetLoginStatus")
    refuse_sleeps(run)
    callback = lines_matching(lines, r"logged in: code (-?\d+)$")
    if not callback or lines.index(callback[0].string) > lines.index(statuses[0].string):
        raise Unmet("`status N` came before the callback's `logged in: code 0`",
                    "main read the status while the login was still running: the callback runs later, on the "
                    "SDK's thread; wait for it (course_done in the callback, course_wait in main) first")
    if callback[0].group(1) != "0":
        raise Unmet(f"the callback said code {callback[0].group(1)}",
                    "6013 means TIMUninit ran first: wait for the login's callback before TIMUninit")
    if statuses[0].group(1) != "1":
        raise Unmet(f"main printed status {statuses[0].group(1)}, not 1 (kTIMLoginStatus_Logined)",
                    "print the status after the callback has run, and before TIMUninit")


DELETE_WRONG = r"""
#include <stdio.h>
#include "TIMCloud.h"
#include "timconv_course.h"

static int codes[2], called;

static void on_delete(int32_t code, const char* desc, const char* json_params, const void* user_data) {
    (void)desc, (void)json_params, (void)user_data;
    if (called < 2) codes[called++] = code;
    course_done();
}

int main(void) {
    if (TIMInit(1400000001, "") != TIM_SUCC) return 1;
    TIMLogin("dave", "", course_print, "TIMLogin");
    if (!course_wait(1, 5)) return 1;
    printf("returned %d\n", TIMConvDelete("nobody", kTIMConv_C2C, on_delete, NULL));
    printf("returned %d\n", TIMConvDelete("", kTIMConv_C2C, on_delete, NULL));
    course_wait(2, 1);
    for (int i = 0; i < called; i++) printf("callback %d\n", codes[i]);
    TIMUninit();
    return 0;
}
"""


@exercise("2.2", "02-first-c-program", "Return code or callback code?", "c", wrong=DELETE_WRONG,
          wrong_hint="never calls back")
def return_or_callback_code(run: RunResult) -> None:
    lines = ran(run)
    returned = [int(m.group(1)) for m in lines_matching(lines, r"returned (-?\d+)$")]
    callbacks = [int(m.group(1)) for m in lines_matching(lines, r"callback (-?\d+)$")]
    if len(returned) != 2:
        raise Unmet(f"{len(returned)} `returned N` lines, not 2",
                    "print what each of the two TIMConvDelete calls returns, as returned N")
    if returned != [0, -4]:
        raise Unmet(f"the calls returned {returned[0]} and {returned[1]}, not 0 and -4",
                    "delete the C2C conversation with \"nobody\" first, then the one with \"\"")
    refuse_sleeps(run)
    if not waits_after(run, "TIMConvDelete"):
        raise Unmet("main does not wait for a callback after the TIMConvDelete calls",
                    "a callback comes later, on the SDK's thread, so main prints nothing (or, by luck, what "
                    "came already): course_wait(1, 5) after the calls waits for the one that will come")
    if not callbacks:
        raise Unmet("no `callback N` line",
                    "print each code the callback stored (codes[0] ... codes[called - 1]) after the wait has "
                    "returned, as callback N")
    if callbacks != [6004]:
        raise Unmet(f"the callbacks said {callbacks}, not one callback 6004",
                    "only the accepted call calls back, with 6004 (the conversation does not exist); print "
                    "each code once, after the wait")
