/* Linked into every %%tim_c program, before main runs: the process as the notebook shows it.
 * Its stdout is a pipe to the kernel, which the C library would fill in blocks of 4 KiB before
 * writing; line-buffered, each line reaches the notebook as it is printed, with no change to the
 * learner's code (a setvbuf of the program's own still wins: it comes later). A crash writes no
 * core file into the data folder, which is the program's working directory. */
#include <stdio.h>
#include <sys/resource.h>

__attribute__((constructor)) static void course_process_setup(void) {
    setvbuf(stdout, NULL, _IOLBF, BUFSIZ);
    const struct rlimit no_core = {0, 0};
    setrlimit(RLIMIT_CORE, &no_core);
}
