/* Private folders and files: see fsutil.h. */
#define _POSIX_C_SOURCE 200809L
#include "util/fsutil.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int make_dir(const char *path) {
    if (mkdir(path, 0700) == 0) return 0;
    if (errno != EEXIST) return errno;
    struct stat st;
    if (stat(path, &st) != 0) return errno;
    return S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
}

int fs_make_private_dirs(const char *path) {
    char *copy = strdup(path);
    if (copy == NULL) return ENOMEM;
    int err = 0;
    for (char *p = copy + 1; *p != '\0' && err == 0; p++) {
        if (*p != '/') continue;
        *p = '\0';
        err = make_dir(copy);
        *p = '/';
    }
    if (err == 0) err = make_dir(copy);
    free(copy);
    return err;
}

int fs_make_private_file(const char *path) {
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) return errno;
    int err = fchmod(fd, 0600) == 0 ? 0 : errno;
    close(fd);
    return err;
}
