/* A test-only SQLite VFS shim, as SQLite's own tests use: it wraps the default VFS, counts every
 * write, sync and truncate of every file SQLite opens, and fails the Nth one with an I/O error
 * (SQLITE_IOERR_WRITE, _FSYNC, _TRUNCATE). Installed as the default VFS before the engine opens
 * anything, so the engine's stores and group registry go through it unchanged.
 *
 * faulty_vfs_install() once; countdown_arm(&faulty_writes, n) fails the nth operation from now
 * (countdown.h). */
#ifndef TIMCONV_TEST_FAULTY_VFS_H_
#define TIMCONV_TEST_FAULTY_VFS_H_

#include <sqlite3.h>
#include <string.h>

#include "countdown.h"

struct faulty_file {
    sqlite3_file base;
    sqlite3_file *real; /* the wrapped VFS's file, allocated right after this struct */
};

static sqlite3_vfs *faulty_real_vfs;
static sqlite3_vfs faulty_vfs;
static struct countdown faulty_writes; /* writes, syncs and truncates */

#define REAL(file) (((struct faulty_file *)(file))->real)

static int faulty_close(sqlite3_file *f) {
    int rc = REAL(f)->pMethods->xClose(REAL(f));
    return rc;
}
static int faulty_read(sqlite3_file *f, void *buf, int amount, sqlite3_int64 offset) {
    return REAL(f)->pMethods->xRead(REAL(f), buf, amount, offset);
}
static int faulty_write(sqlite3_file *f, const void *buf, int amount, sqlite3_int64 offset) {
    return countdown_tick(&faulty_writes) ? SQLITE_IOERR_WRITE : REAL(f)->pMethods->xWrite(REAL(f), buf, amount, offset);
}
static int faulty_truncate(sqlite3_file *f, sqlite3_int64 size) {
    return countdown_tick(&faulty_writes) ? SQLITE_IOERR_TRUNCATE : REAL(f)->pMethods->xTruncate(REAL(f), size);
}
static int faulty_sync(sqlite3_file *f, int flags) {
    return countdown_tick(&faulty_writes) ? SQLITE_IOERR_FSYNC : REAL(f)->pMethods->xSync(REAL(f), flags);
}
static int faulty_file_size(sqlite3_file *f, sqlite3_int64 *size) { return REAL(f)->pMethods->xFileSize(REAL(f), size); }
static int faulty_lock(sqlite3_file *f, int level) { return REAL(f)->pMethods->xLock(REAL(f), level); }
static int faulty_unlock(sqlite3_file *f, int level) { return REAL(f)->pMethods->xUnlock(REAL(f), level); }
static int faulty_check_reserved(sqlite3_file *f, int *out) {
    return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}
static int faulty_file_control(sqlite3_file *f, int op, void *arg) {
    return REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
}
static int faulty_sector_size(sqlite3_file *f) { return REAL(f)->pMethods->xSectorSize(REAL(f)); }
static int faulty_device_characteristics(sqlite3_file *f) {
    return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}
static int faulty_shm_map(sqlite3_file *f, int page, int size, int extend, void volatile **out) {
    return REAL(f)->pMethods->xShmMap(REAL(f), page, size, extend, out);
}
static int faulty_shm_lock(sqlite3_file *f, int offset, int n, int flags) {
    return REAL(f)->pMethods->xShmLock(REAL(f), offset, n, flags);
}
static void faulty_shm_barrier(sqlite3_file *f) { REAL(f)->pMethods->xShmBarrier(REAL(f)); }
static int faulty_shm_unmap(sqlite3_file *f, int delete_flag) { return REAL(f)->pMethods->xShmUnmap(REAL(f), delete_flag); }
static int faulty_fetch(sqlite3_file *f, sqlite3_int64 offset, int amount, void **out) {
    return REAL(f)->pMethods->xFetch(REAL(f), offset, amount, out);
}
static int faulty_unfetch(sqlite3_file *f, sqlite3_int64 offset, void *page) {
    return REAL(f)->pMethods->xUnfetch(REAL(f), offset, page);
}

static const sqlite3_io_methods faulty_methods = {
    3, faulty_close, faulty_read, faulty_write, faulty_truncate, faulty_sync, faulty_file_size, faulty_lock,
    faulty_unlock, faulty_check_reserved, faulty_file_control, faulty_sector_size, faulty_device_characteristics,
    faulty_shm_map, faulty_shm_lock, faulty_shm_barrier, faulty_shm_unmap, faulty_fetch, faulty_unfetch,
};

static int faulty_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out_flags) {
    (void)vfs;
    struct faulty_file *file = (struct faulty_file *)f;
    file->real = (sqlite3_file *)(file + 1);
    memset(file->real, 0, (size_t)faulty_real_vfs->szOsFile);
    int rc = faulty_real_vfs->xOpen(faulty_real_vfs, name, file->real, flags, out_flags);
    file->base.pMethods = rc == SQLITE_OK && file->real->pMethods != NULL ? &faulty_methods : NULL;
    return rc;
}
static int faulty_delete(sqlite3_vfs *vfs, const char *name, int sync_dir) {
    (void)vfs;
    return faulty_real_vfs->xDelete(faulty_real_vfs, name, sync_dir);
}
static int faulty_access(sqlite3_vfs *vfs, const char *name, int flags, int *out) {
    (void)vfs;
    return faulty_real_vfs->xAccess(faulty_real_vfs, name, flags, out);
}
static int faulty_full_pathname(sqlite3_vfs *vfs, const char *name, int size, char *out) {
    (void)vfs;
    return faulty_real_vfs->xFullPathname(faulty_real_vfs, name, size, out);
}
static int faulty_randomness(sqlite3_vfs *vfs, int size, char *out) {
    (void)vfs;
    return faulty_real_vfs->xRandomness(faulty_real_vfs, size, out);
}
static int faulty_sleep(sqlite3_vfs *vfs, int microseconds) {
    (void)vfs;
    return faulty_real_vfs->xSleep(faulty_real_vfs, microseconds);
}
static int faulty_current_time(sqlite3_vfs *vfs, double *out) {
    (void)vfs;
    return faulty_real_vfs->xCurrentTime(faulty_real_vfs, out);
}
static int faulty_last_error(sqlite3_vfs *vfs, int size, char *out) {
    (void)vfs;
    return faulty_real_vfs->xGetLastError(faulty_real_vfs, size, out);
}
static int faulty_current_time_int64(sqlite3_vfs *vfs, sqlite3_int64 *out) {
    (void)vfs;
    return faulty_real_vfs->xCurrentTimeInt64(faulty_real_vfs, out);
}

static int faulty_vfs_install(void) {
    faulty_real_vfs = sqlite3_vfs_find(NULL);
    if (faulty_real_vfs == NULL) return SQLITE_ERROR;
    faulty_vfs = (sqlite3_vfs){
        .iVersion = 2,
        .szOsFile = (int)sizeof(struct faulty_file) + faulty_real_vfs->szOsFile,
        .mxPathname = faulty_real_vfs->mxPathname,
        .zName = "faulty",
        .xOpen = faulty_open,
        .xDelete = faulty_delete,
        .xAccess = faulty_access,
        .xFullPathname = faulty_full_pathname,
        .xDlOpen = NULL,
        .xRandomness = faulty_randomness,
        .xSleep = faulty_sleep,
        .xCurrentTime = faulty_current_time,
        .xGetLastError = faulty_last_error,
        .xCurrentTimeInt64 = faulty_current_time_int64,
    };
    return sqlite3_vfs_register(&faulty_vfs, 1);
}

#undef REAL

#endif  /* TIMCONV_TEST_FAULTY_VFS_H_ */
