/* Presence: see presence.h. */
#define _POSIX_C_SOURCE 200809L
#include "store/presence.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store.h"

#define LOCK_NAME "/online.lock"

static char *lock_path(const char *root, uint64_t app_id, const char *user_id) {
    char *path = store_user_dir(root, app_id, user_id, sizeof LOCK_NAME);
    if (path != NULL) strcat(path, LOCK_NAME);
    return path;
}

static struct flock whole_file(short type) {
    struct flock lock;
    memset(&lock, 0, sizeof lock);
    lock.l_type = type;
    lock.l_whence = SEEK_SET; /* start 0, length 0: the whole file */
    return lock;
}

int presence_claim(const char *root, uint64_t app_id, const char *user_id) {
    char *path = lock_path(root, app_id, user_id);
    int fd = path != NULL ? open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600) : -1;
    free(path);
    if (fd < 0) return -1;
    struct flock lock = whole_file(F_WRLCK);
    /* Held by another process already (the same user logged in twice): that one marks it. */
    if (fcntl(fd, F_SETLK, &lock) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

void presence_release(int fd) {
    if (fd >= 0) close(fd); /* closing drops the lock */
}

bool presence_online(const char *root, uint64_t app_id, const char *user_id) {
    char *path = lock_path(root, app_id, user_id);
    int fd = path != NULL ? open(path, O_RDWR | O_CLOEXEC | O_NOFOLLOW) : -1;
    free(path);
    if (fd < 0) return false; /* never logged in here */
    struct flock lock = whole_file(F_WRLCK);
    bool online = fcntl(fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
    close(fd);
    return online;
}
