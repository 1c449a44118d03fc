"""The exercises of notebook 02, your first C program."""

from __future__ import annotations

from ..exercises import Unmet, exercise, lines_matching, ran
from ..session import RunResult

WAIT_SKELETON_WRONG = r"""
#include <stdio.h>
#include "TIMCloud.h"
#include "timconv_course.h"

static void on_login(int32_t code, const char* desc, const char* json_params, const void* user_data) {
    (void)desc, (void)json_params, (void)user_data;
    printf("logged in: code %d\n", code);
}

int main(void) {
    if (TIMInit(1400000001, "") != TIM_SUCC) return 1;
    TIMLogin("carol", "", on_login, NULL);
    TIMUninit();
    return 0;
}
"""


@exercise("2.1", "02-first-c-program", "Wait for the login", "c", wrong=WAIT_SKELETON_WRONG,
          wrong_hint="course_wait")
def wait_for_the_login(run: RunResult) -> None:
    lines = ran(run)
    statuses = lines_matching(lines, r"status (-?\d+)$")
    if not statuses:
        raise Unmet("main never prints `status N`",
                    "after waiting for the callback, print TIMGetLoginStatus() as status N; main waits with "
                    "course_wait(1, 5) once the callback calls course_done()")
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
    if callbacks != [6004]:
        raise Unmet(f"the callbacks said {callbacks or 'nothing'}, not one callback 6004",
                    "wait for the one accepted call's callback (course_wait(1, 5)): a refused call never "
                    "calls back, so waiting for two times out")
