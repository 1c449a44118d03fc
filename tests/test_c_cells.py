"""``%%tim_c``: C and C++ cells compiled against the engine and run from a real IPython kernel
(ipykernel, driven through jupyter_client as a notebook front end drives it), what the learner
sees in each case, the vendor header's C++ examples run as cells, and the Electron extract.

Every folder the kernels write (their working directory, TMPDIR, IPython's folder, the data
folders) is under the test's temporary folder, and the checkout is checked unchanged."""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import nbformat
import pytest
from jupyter_client import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from conftest import REPO
from timconv_nb import DEFAULT_APP_ID, Client, vendor
from timconv_nb.course import electron

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
#: The header that includes the rest, and the course's own, for the C cells below.
PRELUDE = '#include <stdio.h>\n#include "TIMCloud.h"\n#include "timconv_course.h"\n'


@dataclass
class Output:
    """One stream message as the front end received it."""

    at: float
    name: str
    text: str


@dataclass
class Cell:
    """What a front end shows of one executed cell, and the kernel's reply."""

    status: str
    ename: Optional[str] = None
    evalue: str = ""
    traceback: list = field(default_factory=list)
    outputs: list = field(default_factory=list)
    others: list = field(default_factory=list)  # every other output message (errors, results, displays)

    def text(self, name: str) -> str:
        return ANSI.sub("", "".join(o.text for o in self.outputs if o.name == name))

    @property
    def stdout(self) -> str:
        return self.text("stdout")

    @property
    def stderr(self) -> str:
        return self.text("stderr")


def kernel_environment(root: Path) -> dict[str, str]:
    """A kernel whose temporary files, IPython profile and working directory are all under root."""
    for name in ("tmp", "ipython", "cwd"):
        (root / name).mkdir(parents=True, exist_ok=True)
    return {**os.environ, "TMPDIR": str(root / "tmp"), "IPYTHONDIR": str(root / "ipython")}


def kernel_manager(root: Path) -> KernelManager:
    return KernelManager(kernel_name="python3", connection_file=str(root / "kernel.json"))


class Kernel:
    """A real ipykernel with the course loaded; ``run`` executes a cell as a notebook does."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.manager = kernel_manager(root)
        self.manager.start_kernel(cwd=str(root / "cwd"), env=kernel_environment(root))
        self.client = self.manager.client()
        self.client.start_channels()
        self.client.wait_for_ready(timeout=60)
        assert self.run("%load_ext timconv_nb.course").status == "ok"

    def start(self, code: str) -> str:
        return self.client.execute(code)

    def collect(self, msg_id: str, timeout: float = 60, until: Optional[str] = None) -> Cell:
        """The cell's outputs until it is idle (or, with ``until``, until that text has been
        printed: the cell is then still running)."""
        cell = Cell(status="running")
        deadline = time.monotonic() + timeout
        while True:
            message = self.client.get_iopub_msg(timeout=max(deadline - time.monotonic(), 0.1))
            if message["parent_header"].get("msg_id") != msg_id:
                continue
            kind, content = message["msg_type"], message["content"]
            if kind == "stream":
                cell.outputs.append(Output(time.monotonic(), content["name"], content["text"]))
                if until is not None and until in cell.stdout:
                    return cell
            elif kind in ("error", "execute_result", "display_data"):
                cell.others.append(message)
            elif kind == "status" and content["execution_state"] == "idle":
                break
        reply = self.client.get_shell_msg(timeout=max(deadline - time.monotonic(), 0.1))["content"]
        cell.status = reply["status"]
        cell.ename, cell.evalue = reply.get("ename"), reply.get("evalue", "")
        cell.traceback = reply.get("traceback", [])
        return cell

    def finish(self, msg_id: str, partial: Cell, timeout: float = 60) -> Cell:
        """The rest of a cell ``collect(until=...)`` left running."""
        rest = self.collect(msg_id, timeout)
        rest.outputs[:0] = partial.outputs
        return rest

    def run(self, code: str, timeout: float = 60) -> Cell:
        return self.collect(self.start(code), timeout)

    def python(self, code: str) -> str:
        """Runs Python in the kernel that must succeed; returns what it printed."""
        cell = self.run(code)
        assert cell.status == "ok", (cell.evalue, cell.stderr, cell.traceback)
        return cell.stdout

    def close(self) -> None:
        self.client.stop_channels()
        self.manager.shutdown_kernel(now=False)


def git_status() -> list[str]:
    """The checkout's changed, new and ignored files (Python's bytecode caches aside)."""
    status = subprocess.run(["git", "status", "--porcelain", "--ignored", "--untracked-files=all"], cwd=REPO,
                            capture_output=True, text=True, check=True).stdout
    return [line for line in status.splitlines() if "__pycache__/" not in line]


@pytest.fixture(scope="module")
def kernel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Kernel]:
    before = git_status()
    root = tmp_path_factory.mktemp("kernel")
    running = Kernel(root)
    yield running
    running.close()
    assert list((root / "cwd").iterdir()) == [], "the kernel's working directory was written"
    assert list((root / "tmp").iterdir()) == [], "the course's folder outlived the kernel"
    assert git_status() == before, "the checkout was written"


def assert_process_gone(pid: int, within: float = 10) -> None:
    """The process has ended and been reaped (by its parent, or by init for an orphan)."""
    deadline = time.monotonic() + within
    while Path(f"/proc/{pid}").exists():
        assert time.monotonic() < deadline, f"process {pid} is still there: {Path(f'/proc/{pid}/stat').read_text()}"
        time.sleep(0.05)


def assert_kernel_alive(kernel: Kernel) -> None:
    assert kernel.python("print(6 * 7)") == "42\n"


def assert_learner_sees_no_traceback(cell: Cell) -> None:
    """A UsageError: one line, no Python frames, no error output with a traceback."""
    assert cell.status == "error" and cell.ename == "UsageError", (cell.ename, cell.evalue)
    assert cell.traceback == [] and cell.others == []
    assert "Traceback" not in cell.stderr and "File " not in cell.stderr
    assert cell.stderr.rstrip().splitlines()[-1] == f"UsageError: {cell.evalue}"


# ---- running C ----

def test_hello_world_with_a_callback_from_the_engine_thread(kernel: Kernel) -> None:
    cell = kernel.run("%%tim_c\n" + PRELUDE + r"""
#include <pthread.h>

static pthread_t main_thread;

static void on_login(int32_t code, const char* desc, const char* json_params, const void* user_data) {
    (void)desc; (void)json_params; (void)user_data;
    printf("logged in: code %d, on the engine's thread: %s\n", code,
           pthread_equal(pthread_self(), main_thread) ? "no" : "yes");
    course_done();
}

int main(void) {
    main_thread = pthread_self();
    printf("hello from C\n");
    if (TIMInit(1400000001, "") != TIM_SUCC) return 1;   /* "": data in the working directory */
    TIMLogin("alice", "", on_login, NULL);
    if (!course_wait(1, 5)) return 1;
    TIMUninit();
    return 0;
}
""")
    assert cell.status == "ok", cell.stderr
    assert cell.stdout == "hello from C\nlogged in: code 0, on the engine's thread: yes\n"
    assert cell.stderr == "" and cell.others == []


def test_output_arrives_line_by_line_while_the_program_runs(kernel: Kernel) -> None:
    cell = kernel.run("%%tim_c\n#include <stdio.h>\n#include <unistd.h>\n"
                      'int main(void) {\n    printf("first\\n");\n    sleep(1);\n    printf("second\\n");\n'
                      '    fprintf(stderr, "third, on stderr\\n");\n    return 0;\n}\n')
    assert cell.status == "ok"
    first, second = (next(o for o in cell.outputs if word in o.text) for word in ("first", "second"))
    assert second.at - first.at > 0.8, "the first line waited for the program to end"
    assert cell.stdout == "first\nsecond\n" and cell.stderr == "third, on stderr\n"


def test_a_compile_error_shows_the_cells_line_numbers_and_no_traceback(kernel: Kernel) -> None:
    cell = kernel.run("%%tim_c\n" + PRELUDE + "\nint main(void) {\n    int count = 3;\n    return cuont;\n}\n")
    assert_learner_sees_no_traceback(cell)
    # the numbers the notebook shows beside the cell: %%tim_c is line 1, "return cuont;" line 8
    assert "cell.c:8:12: error: ‘cuont’ undeclared (first use in this function); did you mean ‘count’?" in cell.stderr
    assert "    8 |     return cuont;\n" in cell.stderr
    assert "/tmp" not in cell.stderr and str(kernel.root) not in cell.stderr
    assert cell.evalue == "the C11 program did not compile: 1 error, at line 8 of the cell"
    assert_kernel_alive(kernel)


def test_a_link_error_names_the_cells_line(kernel: Kernel) -> None:
    cell = kernel.run("%%tim_c\n" + PRELUDE + "int TIMNoSuchCall(void);\n\nint main(void) {\n"
                      "    return TIMNoSuchCall();\n}\n")
    assert_learner_sees_no_traceback(cell)
    assert re.search(r"cell\.c:8:.*undefined reference to `TIMNoSuchCall'", cell.stderr), cell.stderr
    assert "/tmp" not in cell.stderr
    assert cell.evalue == "the C11 program did not link: see the linker's message above"


@pytest.mark.parametrize("crash,name,number,words", [
    ("int *nowhere = NULL; return *nowhere;", "SIGSEGV", 11, "Segmentation fault"),
    ("abort();", "SIGABRT", 6, "Aborted"),
])
def test_a_crash_is_reported_in_words_and_the_kernel_lives_on(kernel: Kernel, crash: str, name: str, number: int,
                                                               words: str) -> None:
    cell = kernel.run("%%tim_c\n#include <stdio.h>\n#include <stdlib.h>\n"
                      f'int main(void) {{\n    printf("before the crash\\n");\n    {crash}\n}}\n')
    assert_learner_sees_no_traceback(cell)
    assert cell.stdout == "before the crash\n"
    assert cell.evalue == f"the program was killed by {name} (signal {number}: {words})"
    assert_kernel_alive(kernel)


def test_a_nonzero_exit_status_is_reported(kernel: Kernel) -> None:
    cell = kernel.run('%%tim_c\n#include <stdio.h>\nint main(void) {\n    puts("giving up");\n    return 3;\n}\n')
    assert_learner_sees_no_traceback(cell)
    assert cell.stdout == "giving up\n" and cell.evalue == "the program exited with status 3"


#: A program whose child (once it has printed its pid) pauses for ever; the parent then does THEN.
FORK_AND_HANG = r"""#include <stdio.h>
#include <unistd.h>
int main(void) {
    int ready[2];
    if (pipe(ready) != 0) return 1;
    pid_t child = fork();
    if (child == 0) {
        printf("child %d\n", (int)getpid());
        if (write(ready[1], "!", 1) != 1) return 1;
        for (;;) pause();
    }
    char byte;
    if (read(ready[0], &byte, 1) != 1) return 1;
    printf("parent %d\n", (int)getpid());
    THEN
}
"""


def pids(text: str) -> list[int]:
    return [int(found) for found in re.findall(r"(?:child|parent) (\d+)", text)]


def test_a_hang_ends_at_the_timeout_with_its_whole_process_group(kernel: Kernel) -> None:
    started = time.monotonic()
    cell = kernel.run("%%tim_c --timeout 1\n" + FORK_AND_HANG.replace("THEN", "for (;;) pause();"))
    assert time.monotonic() - started < 6
    assert_learner_sees_no_traceback(cell)
    assert cell.evalue == ("the program was still running after 1 s and was stopped (its process group was killed); "
                           "--timeout S gives it longer")
    found = pids(cell.stdout)
    assert len(found) == 2
    for pid in found:
        assert_process_gone(pid)


def test_what_a_finished_program_left_running_is_stopped(kernel: Kernel) -> None:
    started = time.monotonic()
    cell = kernel.run("%%tim_c\n" + FORK_AND_HANG.replace("THEN", "return 0;"))
    assert cell.status == "ok" and time.monotonic() - started < 5, cell.stderr
    (child,) = pids(re.sub(r"parent \d+", "", cell.stdout))
    assert_process_gone(child)


def test_kernel_interrupt_stops_the_program(kernel: Kernel) -> None:
    msg_id = kernel.start("%%tim_c\n" + FORK_AND_HANG.replace("THEN", 'printf("waiting\\n");\n    for (;;) pause();'))
    partial = kernel.collect(msg_id, until="waiting")
    kernel.manager.interrupt_kernel()  # Kernel -> Interrupt
    cell = kernel.finish(msg_id, partial)
    assert_learner_sees_no_traceback(cell)
    assert re.fullmatch(r"interrupted: the program was stopped after \d+\.\d s \(its process group was killed\)",
                        cell.evalue)
    for pid in pids(cell.stdout):
        assert_process_gone(pid)
    assert_kernel_alive(kernel)


def test_a_program_that_prints_forever_is_cut_short(kernel: Kernel) -> None:
    cell = kernel.run('%%tim_c --timeout 60 --name flood\n#include <stdio.h>\nint main(void) {\n'
                      '    for (long i = 0; i < 2000000; i++) printf("line %ld\\n", i);\n    return 0;\n}\n')
    assert cell.status == "ok"
    assert "the rest is not shown]" in cell.stderr
    assert 900_000 < len(cell.stdout) <= 1_000_000
    assert kernel.python("from timconv_nb import course\nr = course.last_run('flood')\n"
                         "print(r.truncated, r.exit_status, len(r.stdout) <= 1_000_000)") == "True 0 True\n"


# ---- the data folder ----

def test_the_default_data_folder_is_the_programs_working_directory(kernel: Kernel) -> None:
    cell = kernel.run("%%tim_c\n#include <stdio.h>\n#include <stdlib.h>\n#include <unistd.h>\n"
                      "int main(void) {\n    char here[4096];\n"
                      '    printf("%s\\n%s\\n", getcwd(here, sizeof here), getenv("TIMCONV_DATA_DIR"));\n'
                      "    return 0;\n}\n")
    assert cell.status == "ok"
    folder = kernel.python("from timconv_nb import course\nprint(course.data_dir())").strip()
    assert cell.stdout == f"{folder}\n{folder}\n"
    assert Path(folder).is_relative_to(kernel.root / "tmp")


def test_a_c_program_and_the_notebooks_client_share_conversations(kernel: Kernel, tmp_path: Path) -> None:
    shared = tmp_path / "shared data"  # a space, as a learner's folder may have
    kernel.python(f"from timconv_nb import Client\nshared = {str(shared)!r}\n"
                  "with Client(data_dir=shared) as client:\n"
                  "    client.login('alice')\n"
                  "    client.create_conversation('bob')\n"
                  f"    assert client.app_id == {DEFAULT_APP_ID}\n")
    cell = kernel.run('%%tim_c --data "{shared}"\n' + PRELUDE + r"""
#include <string.h>

static void print_ids(int32_t code, const char* desc, const char* json_params, const void* user_data) {
    (void)desc; (void)user_data;
    /* the list's JSON, one conversation id per line */
    for (const char* at = json_params; code == 0 && (at = strstr(at, "\"conv_id\":\"")) != NULL; ) {
        at += strlen("\"conv_id\":\"");
        printf("listed %.*s\n", (int)strcspn(at, "\""), at);
    }
    course_done();
}

int main(void) {
    if (TIMInit(1400000001, "") != TIM_SUCC) return 1;
    TIMLogin("alice", "", course_print, "TIMLogin");
    if (!course_wait(1, 5)) return 1;  /* the other calls need the login done */
    TIMConvGetConvList(print_ids, NULL);
    TIMConvCreate("carol", kTIMConv_C2C, course_print, "TIMConvCreate");
    if (!course_wait(2, 5)) return 1;  /* TIMUninit would cancel a call not yet run */
    TIMUninit();
    return 0;
}
""")
    assert cell.status == "ok", cell.stderr
    assert cell.stdout.splitlines()[:2] == ["TIMLogin -> code 0", "listed bob"]
    assert cell.stdout.splitlines()[2].startswith('TIMConvCreate -> code 0: {"conv_id":"carol"')
    listed = kernel.python("with Client(data_dir=shared) as client:\n"
                           "    client.login('alice')\n"
                           "    print(sorted(c.conv_id for c in client.conversation_list()))\n")
    assert listed == "['bob', 'carol']\n"


# ---- C++ ----

def test_cpp_cells_build_json_with_jsoncpp_and_the_json_adapter(kernel: Kernel) -> None:
    cell = kernel.run("%%tim_c --cpp\n" + r"""#include <json/json.h>
#include <cstdio>
#include <ctime>
#include <string>
#include "TIMCloud.h"
#include "timconv_course.h"
#include "timconv_json.h"

static std::string listed;

int main() {
    TIMInit(1400000001, "");
    TIMLogin("alice", "", course_print, "TIMLogin");
    if (!course_wait(1, 5)) return 1;
    TIMConvCreate("Windows-02", kTIMConv_C2C, course_print, "TIMConvCreate");
    if (!course_wait(1, 5)) return 1;

    Json::Value text;                                   // the seed's draft, with jsoncpp
    text[kTIMElemType] = kTIMElem_Text;
    text[kTIMTextElemContent] = "this draft";
    Json::Value draft;
    draft[kTIMDraftEditTime] = (Json::Int64)time(NULL);
    draft[kTIMDraftMsg][kTIMMsgElemArray].append(text);
    if (TIMConvSetDraft("Windows-02", TIMConvType::kTIMConv_C2C, draft.toStyledString().c_str()) != TIM_SUCC) return 1;

    TIMConvGetConvList([](int32_t, const char*, const char* json_param, const void*) {
        listed = json_param;
        course_done();
    }, nullptr);
    if (!course_wait(1, 5)) return 1;
    Json::Value list;
    Json::Reader reader;
    if (!reader.parse(listed, list)) return 1;
    std::printf("jsoncpp: %s\n",
                list[0][kTIMConvDraft][kTIMDraftMsg][kTIMMsgElemArray][0][kTIMTextElemContent].asCString());

    json::Value same = json::Deserialize(listed);       // the demos' json:: API, over jsoncpp
    std::printf("json::   %s, has draft %d\n", same[0][kTIMConvId].ToString().c_str(),
                same[0][kTIMConvIsHasDraft].ToBool());
    json::Object filter;
    filter[kTIMConversationListFilterConvType] = kTIMConv_C2C;
    filter[kTIMConversationListFilterMarkType] = (uint64_t)kTIMConversationMarkTypeUnread | (0x1LL << 32);
    std::printf("%s\n", json::Serialize(filter).c_str());
    TIMUninit();
    return 0;
}
""")
    assert cell.status == "ok", cell.stderr
    assert cell.stdout.splitlines()[2:] == [
        "jsoncpp: this draft",
        "json::   Windows-02, has draft 1",
        '{"conversation_list_filter_conv_type":1,"conversation_list_filter_mark_type":4294967298}',
    ]


def test_the_seed_documents_cpp_examples_run_unchanged_as_a_cell(kernel: Kernel) -> None:
    """tests/c/seed_examples.cpp, the seed's examples in a program of their own, pasted whole into
    a cell; its one argument is the data folder: "." is the program's working directory."""
    program = (REPO / "tests" / "c" / "seed_examples.cpp").read_text(encoding="utf-8")
    cell = kernel.run("%%tim_c --cpp --args .\n" + program)
    assert cell.status == "ok", cell.stderr
    assert re.fullmatch(r"seed_examples: \d+ passed, 0 failed\n", cell.stdout)


# ---- results for exercise checks ----

def test_runs_are_kept_by_name_with_their_arguments(kernel: Kernel) -> None:
    cell = kernel.run("%%tim_c --name echo --args one 'two words' --three\n#include <stdio.h>\n"
                      "int main(int argc, char** argv) {\n"
                      '    for (int i = 1; i < argc; i++) printf("[%s]\\n", argv[i]);\n'
                      '    fprintf(stderr, "done\\n");\n    return argc == 4 ? 0 : 1;\n}\n')
    assert cell.status == "ok", cell.stderr
    kept = json.loads(kernel.python(
        "import dataclasses, json\nfrom timconv_nb import course\n"
        "print(json.dumps(dataclasses.asdict(course.last_run('echo'))))"))
    assert kept["stdout"] == "[one]\n[two words]\n[--three]\n" and kept["stderr"] == "done\n"
    assert kept["exit_status"] == 0 and kept["signal"] is None and kept["compiled"] and kept["language"] == "C11"
    assert kept["source"].startswith("#include <stdio.h>\nint main(int argc")

    broken = kernel.run("%%tim_c --name broken\nint main(void) { return missing; }\n")
    assert broken.status == "error"
    kept = json.loads(kernel.python(
        "r = course.last_run('broken')\nprint(json.dumps([r.compiled, r.exit_status, r.diagnostics, r.ok, r.outcome,"
        " course.last_run().name]))"))
    assert kept[:2] == [False, None] and kept[3:] == [False, "the C11 program did not compile", "broken"]
    assert "cell.c:2:25: error: ‘missing’ undeclared" in kept[2] and "\x1b" not in kept[2]

    unknown = kernel.run("from timconv_nb import course\ncourse.last_run('nothing')")
    assert unknown.ename == "LookupError" and "no %%tim_c run was kept under 'nothing'" in unknown.evalue


def test_bad_options_are_one_line_usage_errors(kernel: Kernel) -> None:
    for line, message in [("--timeout 0", "--timeout takes a number of seconds above 0, not 0"),
                          ("--timeout soon", "--timeout takes a number of seconds above 0, not soon"),
                          ("--colour", "unrecognized arguments: --colour")]:
        cell = kernel.run(f"%%tim_c {line}\nint main(void) {{ return 0; }}\n")
        assert_learner_sees_no_traceback(cell)
        assert message in cell.evalue


# ---- the vendor's C++ examples (TIMConversationManager.h, @code{.cpp}) ----

#: Examples that compile nowhere as written, by the header line of their `@code{.cpp}`.
CANNOT_COMPILE = {
    87: "ConvEventCallback's body lacks the function's closing brace",
    355: "Json::Object and Json::Array are no jsoncpp types (and no json:: ones: it mixes the two styles)",
    517: "a JSON literal (the draft it makes) is pasted after the code",
}
#: What an example needs in the store before it runs (beside the three conversations every
#: program creates), by header line: C++ lines in the wrapper's main.
SETUP = {
    830: 'TIMConvCreateConversationGroup("my_group_name", "[\\"c2c_conversation_id1\\"]", course_print, "setup");',
    850: 'TIMConvCreateConversationGroup("old_name", "[\\"c2c_conversation_id1\\"]", course_print, "setup");',
    871: 'TIMConvCreateConversationGroup("my_group_name", "[\\"c2c_user1\\"]", course_print, "setup");',
    897: 'TIMConvCreateConversationGroup("my_group_name", '
         '"[\\"c2c_conversation_id1\\",\\"group_conversation_id2\\"]", course_print, "setup");',
}
#: Examples whose callback prints nothing: checked by what they leave in the store.
CREATES = {1052: ("Windows-02", "c2c"), 1067: ("Windows-Group-01", "group")}
#: Examples that take no callback (the call answers with its TIMResult alone, which they ignore).
NO_CALLBACK = {701, 721}

WRAPPER = r"""#include <json/json.h>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <string>
#include "TIMCloud.h"
#include "timconv_course.h"
#include "timconv_json.h"

int main() {
    if (TIMInit(1400000001, "") != TIM_SUCC) return 1;
    TIMLogin("example_user", "", course_print, "setup");
    if (!course_wait(1, 5)) return 1;
    TIMConvCreate("conversation_id1", kTIMConv_C2C, course_print, "setup");
    TIMConvCreate("conversation_id2", kTIMConv_Group, course_print, "setup");
    TIMConvCreate("user1", kTIMConv_C2C, course_print, "setup");
    %(setup)s
    if (!course_wait(%(setup_calls)d, 5)) return 1;
    // the names the examples use without declaring them
    const char* conv_id = "conversation_id1";
    TIMConvType conv_type = kTIMConv_C2C;
    (void)conv_id;
    (void)conv_type;
    {
%(example)s
    }
    // callbacks come in the order their calls were accepted: this one comes after the example's
    TIMConvGetTotalUnreadMessageCount(course_print, "after the example");
    if (!course_wait(1, 5)) return 1;
    TIMUninit();
    return 0;
}
"""


def vendor_examples(header: Path) -> dict[int, str]:
    """Every `@code{.cpp}` block of a vendor header, by the line of its `@code{.cpp}`, with the
    comment's ` * ` taken off."""
    examples, current, start = {}, None, 0
    for number, line in enumerate(header.read_text(encoding="utf-8").splitlines(), 1):
        if "@code{.cpp}" in line:
            current, start = [], number
        elif "@endcode" in line and current is not None:
            examples[start] = "\n".join(current)
            current = None
        elif current is not None:
            current.append(re.sub(r"^\s*\* ?", "", line))
    return examples


VENDOR_HEADER = vendor.cache_dir() / "include" / "TIMConversationManager.h"


@pytest.mark.skipif(not VENDOR_HEADER.is_file(),
                    reason="the vendor headers were not fetched (python -m timconv_nb.vendor fetch needs npm)")
def test_every_cpp_example_of_the_vendor_conversation_header_runs(kernel: Kernel, tmp_path: Path) -> None:
    examples = vendor_examples(VENDOR_HEADER)
    assert len(examples) == 21 and set(CANNOT_COMPILE) | set(SETUP) | set(CREATES) | NO_CALLBACK <= set(examples)
    ran = 0
    for line, example in examples.items():
        program = WRAPPER % {"setup": SETUP.get(line, ""), "setup_calls": 3 + (line in SETUP), "example": example}
        data = tmp_path / f"example-{line}"
        cell = kernel.run(f"%%tim_c --cpp --data {data} --name example-{line}\n{program}")
        where = f"TIMConversationManager.h:{line}"
        if line in CANNOT_COMPILE:
            assert cell.evalue.startswith("the C++11 program did not compile"), (where, cell.evalue)
            continue
        assert cell.status == "ok", f"{where}:\n{example}\n{cell.stderr}"
        printed = cell.stdout.splitlines()
        assert printed[-1].startswith("after the example -> code 0"), (where, printed)
        if line in CREATES:
            conv_id, kind = CREATES[line]
            found = kernel.python(f"from timconv_nb import Client\nwith Client(data_dir={str(data)!r}) as client:\n"
                                  "    client.login('example_user')\n"
                                  f"    print(client.conversation({conv_id!r}, {kind!r}).conv_id)\n")
            assert found == f"{conv_id}\n", where
        elif line not in NO_CALLBACK:
            (answer,) = [text for text in printed if not text.startswith(("setup ->", "after the example"))]
            assert re.search(r"code:0\|", answer), (where, answer)
            per_id = re.findall(r'"conversation_operation_result_result_code":(\d+)', answer)
            assert set(per_id) <= {"0"}, (where, answer)  # each conversation of a batch succeeded too
        ran += 1
    assert ran == len(examples) - len(CANNOT_COMPILE) == 18


# ---- Run all, in a notebook ----

def test_run_all_stops_at_a_failing_c_cell_and_leaves_no_files(tmp_path: Path) -> None:
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("%load_ext timconv_nb"),
        nbformat.v4.new_code_cell("%%tim_c\n" + PRELUDE + "int main(void) {\n    TIMInit(1400000001, \"\");\n"
                                  '    TIMConvCreate("bob", kTIMConv_C2C, NULL, NULL);\n    puts("ran");\n'
                                  "    TIMUninit();\n    return 0;\n}\n"),
        nbformat.v4.new_code_cell("%%tim_c\nint main(void) {\n    return nothing;\n}\n"),
        nbformat.v4.new_code_cell("print('after')"),
    ])
    manager = kernel_manager(tmp_path)
    environment = kernel_environment(tmp_path)
    client = NotebookClient(notebook, km=manager, timeout=60, resources={"metadata": {"path": str(tmp_path / "cwd")}})
    try:
        with pytest.raises(CellExecutionError) as stopped:
            client.execute(env=environment)
    finally:
        client.kc.stop_channels()
        manager.shutdown_kernel(now=False)  # the kernel exits as it does when its notebook is closed
    assert "UsageError: the C11 program did not compile: 1 error, at line 3 of the cell" in str(stopped.value)
    loaded, ran, failed, after = notebook.cells
    assert ran.outputs == [{"output_type": "stream", "name": "stdout", "text": "ran\n"}]
    shown = ANSI.sub("", "".join(output.get("text", "") for output in failed.outputs))
    assert "cell.c:3:12: error: ‘nothing’ undeclared" in shown and "Traceback" not in shown
    assert [output["output_type"] for output in failed.outputs] == ["stream", "stream"]  # no error output
    assert after.execution_count is None and after.outputs == []  # Run all stopped
    assert list((tmp_path / "cwd").iterdir()) == [] and list((tmp_path / "tmp").iterdir()) == []


# ---- the Electron wrapper ----

@pytest.mark.skipif(vendor.cached_renderer_types() is None,
                    reason="renderer.d.ts was not fetched (python -m timconv_nb.vendor fetch needs npm)")
def test_the_committed_electron_extract_matches_the_fetched_declarations() -> None:
    fetched = electron.extract_methods(vendor.cached_renderer_types().read_text(encoding="utf-8"))
    assert fetched == electron.electron_methods(), \
        "the extract drifted: python -m timconv_nb.course.electron > timconv_nb/course/electron_methods.json"


def test_the_call_table_lines_up_python_c_and_electron() -> None:
    table = electron.call_table([Client.create_conversation, Client.login, Client.send_text])
    assert table.to_dict("records") == [
        {"Python method": "create_conversation()", "C function": "TIMConvCreate",
         "Electron method": "TIMConvCreate(convCreate): Promise<convInfo>"},
        {"Python method": "login()", "C function": "TIMLogin",
         "Electron method": "TIMLogin(loginParam): Promise<commonResult<string>>"},
        {"Python method": "send_text()", "C function": Client.send_text.c_function,
         "Electron method": table["Electron method"][2]},
    ]
    whole = electron.call_table()
    assert len(whole) > 40 and not any(name.endswith("_async()") for name in whole["Python method"])
    for row in whole.to_dict("records"):
        assert row["Electron method"] == "—" or row["Electron method"].startswith(row["C function"] + "(")
    with pytest.raises(TypeError, match="not a Client method that calls C"):
        electron.call_table([print])
