"""The exercises of notebook 06, organizing conversations: marks (a 64-bit set of bits, extension
marks ``0x1LL << n`` with 32 <= n < 64: the vendor's ``TIMConversationManager.h`` 616-621) and a
conversation group with its callbacks."""

from __future__ import annotations

import re

from ..exercises import Unmet, exercise, json_after, lines_matching, ran, uses
from ..session import RunResult

STAR = 1
BIT_40 = 1 << 40

MARKS_WRONG = r"""
#include <cstdio>
#include <json/json.h>
#include "TIMCloud.h"
#include "timconv_course.h"

static Json::Value answer;

static void keep_json(int32_t code, const char* desc, const char* json_params, const void* user_data) {
    (void)desc, (void)user_data;
    answer = Json::Value();
    if (code == ERR_SUCC) Json::Reader().parse(json_params, answer);
    course_done();
}

static void print_marks(void) {
    TIMConvGetConvInfo("[{\"get_conversation_list_param_conv_id\":\"erin\",\"get_conversation_list_param_conv_type\":1}]",
                       keep_json, NULL);
    course_wait(1, 5);
    printf("marks:");
    for (const Json::Value& mark : answer[0][kTIMConvMarkArray]) printf(" %llu", (unsigned long long)mark.asUInt64());
    printf("\n");
}

int main() {
    if (TIMInit(1400000001, "") != TIM_SUCC) return 1;
    TIMLogin("alice", "", course_print, "TIMLogin");
    if (!course_wait(1, 5)) return 1;
    const char* erin = "[\"c2c_erin\"]";
    TIMConvMarkConversation(erin, 0xFFFFFFFF0000000FULL, false, keep_json, NULL);
    course_wait(1, 5);
    TIMConvMarkConversation(erin, kTIMConversationMarkTypeStar | (0x1 << 40), true, keep_json, NULL);
    course_wait(1, 5);
    print_marks();
    TIMConvMarkConversation(erin, kTIMConversationMarkTypeStar, false, keep_json, NULL);
    course_wait(1, 5);
    print_marks();
    TIMUninit();
    return 0;
}
"""


def _marks(line: str) -> set[int]:
    return {int(word) for word in line.split()}


def _named(marks: set[int]) -> str:
    """Marks as the learner wrote them: 1 the star, another as its bit, ``0x1LL << n``."""
    return ", ".join("1 (the star)" if mark == STAR else f"{mark} (0x1LL << {mark.bit_length() - 1})"
                     for mark in sorted(marks)) or "none"


def _without_comments(source: str) -> str:
    return re.sub(r"//[^\n]*", "", re.sub(r"/\*.*?\*/", "", source, flags=re.S))


def _call_before_the_wait(source: str, function: str) -> str | None:
    """The call main makes next after a call of ``function`` when it comes before any course_wait
    (so the wait that follows counts ``function``'s callback as its own), else None."""
    code = _without_comments(source)
    for call in re.finditer(rf"\b{function}\s*\(", code):
        following = re.search(r"\b(course_wait|TIM\w+|print_marks)\s*\(", code[call.end():])
        if following is not None and following.group(1) != "course_wait":
            return following.group(1)
    return None


@exercise("6.1", "06-organize", "Two marks in one call", "c++", wrong=MARKS_WRONG, wrong_hint="0x1LL << 40")
def two_marks_in_one_call(run: RunResult) -> None:
    lines = ran(run)
    uses(run, "TIMConvMarkConversation")
    printed = [_marks(m.group(1)) for m in lines_matching(lines, r"marks:((?: \d+)*)\s*$")]
    if not printed:
        raise Unmet("the program prints no `marks: ...` line", "call print_marks() after setting the marks")
    hurried = _call_before_the_wait(run.source, "TIMConvMarkConversation")
    if hurried is not None:
        raise Unmet(f"main calls {hurried} after TIMConvMarkConversation without waiting for its callback",
                    "the mark's answer comes later, on the SDK's thread: the next course_wait counts it as its "
                    "own, and print_marks may then print the mark's answer instead of erin's marks; "
                    "course_wait(1, 5) after each call")
    first = printed[0]
    if first != {STAR, BIT_40}:
        what = f"after the first call erin's marks are {_named(first)}, not 1 (the star) and {_named({BIT_40})}"
        other = sorted(first - {STAR, BIT_40})
        if other:
            hint = (f"{_named(set(other))} is not the mark asked for: n in 0x1LL << n is the bit's number, "
                    "so the mark of bit 40 is 0x1LL << 40")
        elif BIT_40 not in first and re.search(r"\b(0x)?1[uU]?\s*<<\s*40\b", run.source):
            hint = ("write the extension mark 0x1LL << 40: without LL, 0x1 << 40 shifts a 32-bit int past its "
                    "width (the compiler warns) and the mark is lost")
        elif BIT_40 not in first:
            hint = "set both in one mark_type, or-ed together: kTIMConversationMarkTypeStar | (0x1LL << 40)"
        else:
            hint = "the star is kTIMConversationMarkTypeStar: or it into the same mark_type as 0x1LL << 40"
        raise Unmet(what, hint)
    if len(printed) < 2:
        raise Unmet("the marks are printed once, not twice",
                    "clear the star (enable_mark false, mark_type kTIMConversationMarkTypeStar), then print_marks() again")
    if printed[1] != {BIT_40}:
        raise Unmet(f"after clearing, erin's marks are {_named(printed[1])}, not {_named({BIT_40})} alone",
                    "clearing takes the bits to clear: mark_type kTIMConversationMarkTypeStar with enable_mark false "
                    "clears the star and leaves the other marks")


GROUP_WRONG = r"""
#include <stdio.h>
#include "TIMCloud.h"
#include "timconv_course.h"

static void on_created(const char* group_name, const char* conversation_array, const void* user_data) {
    (void)conversation_array, (void)user_data;
    printf("created %s\n", group_name);
}

static void on_renamed(const char* old_name, const char* new_name, const void* user_data) {
    (void)user_data;
    printf("renamed %s to %s\n", old_name, new_name);
}

static void on_deleted(const char* group_name, const void* user_data) {
    (void)user_data;
    printf("deleted %s\n", group_name);
}

static void quietly(int32_t code, const char* desc, const char* json_params, const void* user_data) {
    (void)code, (void)desc, (void)json_params, (void)user_data;
    course_done();
}

int main(void) {
    if (TIMInit(1400000001, "") != TIM_SUCC) return 1;
    TIMLogin("alice", "", course_print, "TIMLogin");
    if (!course_wait(1, 5)) return 1;
    TIMConvDeleteConversationGroup("family", quietly, NULL);
    TIMConvDeleteConversationGroup("home", quietly, NULL);
    course_wait(2, 5);
    TIMSetConvConversationGroupCreatedCallback(on_created, NULL);
    TIMSetConvConversationGroupNameChangedCallback(on_renamed, NULL);
    TIMSetConvConversationGroupDeletedCallback(on_deleted, NULL);
    TIMConvCreateConversationGroup("family", "[\"c2c_erin\",\"c2c_frank\"]", course_print, "create");
    course_wait(1, 5);
    TIMConvRenameConversationGroup("family", "home", course_print, "rename");
    course_wait(1, 5);
    TIMConvDeleteConversationGroup("family", course_print, "delete");
    course_wait(1, 5);
    TIMUninit();
    return 0;
}
"""

EXPECTED_CALLBACKS = ["created family", "renamed family to home", "deleted home"]


@exercise("6.2", "06-organize", "A group of your own", "c", wrong=GROUP_WRONG, wrong_hint="home")
def a_group_of_your_own(run: RunResult) -> None:
    lines = ran(run)
    printed = [m.group(0) for m in lines_matching(lines, r"(created|renamed|deleted) .*$")]
    if not printed or printed[0] != EXPECTED_CALLBACKS[0]:
        raise Unmet("no `created family` line", "create the group family with [\"c2c_erin\",\"c2c_frank\"]; the "
                    "created callback prints it (a 6017 answer means a group of that name exists: delete it first)")
    answers = lines_matching(lines, r"create -> code (-?\d+)")
    if not answers:
        raise Unmet("no `create -> code N` line: the answer of TIMConvCreateConversationGroup is not printed",
                    'keep course_print, with "create" as user_data, as its callback, and wait for it')
    if answers[0].group(1) != "0":
        raise Unmet(f"TIMConvCreateConversationGroup called back with code {answers[0].group(1)}",
                    "read its desc: 6017 is a name in use (the program deletes family and home first: keep that), "
                    "51010 the 21st group")
    results = {result.get("conversation_operation_result_conversation_id"):
               result.get("conversation_operation_result_result_code")
               for result in json_after(answers[0].string, "create -> code 0:")}
    failed = {conversation_id: code for conversation_id, code in results.items() if code != 0}
    if failed:
        raise Unmet("the group was made, but not with erin and frank: "
                    + ", ".join(f"{conversation_id} got {code}" for conversation_id, code in failed.items()),
                    "each conversation has its own result code, and the callback's 0 says only that the call ran; "
                    "6017: not a conversation ID (c2c_erin, not erin), 6004: no such conversation. The vendor "
                    "requires a non-empty array of conversations (TIMConversationManager.h, 770)")
    if sorted(results) != ["c2c_erin", "c2c_frank"]:
        raise Unmet(f"the group was made with {', '.join(sorted(results)) or 'no conversation'}, not c2c_erin and "
                    "c2c_frank", 'create it with "[\"c2c_erin\",\"c2c_frank\"]"')
    if "renamed family to home" not in printed:
        raise Unmet("no `renamed family to home` line",
                    "set a callback with TIMSetConvConversationGroupNameChangedCallback (it gets the old and the new "
                    "name), then call TIMConvRenameConversationGroup(\"family\", \"home\", ...) and wait for its answer")
    if "deleted home" not in printed:
        raise Unmet("no `deleted home` line",
                    "after the rename the group is called home: delete \"home\", with a callback set by "
                    "TIMSetConvConversationGroupDeletedCallback, and wait for the answer before TIMUninit")
    if printed != EXPECTED_CALLBACKS:
        raise Unmet(f"the callbacks printed {printed}, not {EXPECTED_CALLBACKS}",
                    "one call of each, in this order, each awaited before the next")
    uses(run, "TIMConvRenameConversationGroup", "TIMConvDeleteConversationGroup")
