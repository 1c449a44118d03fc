/* The settings TIMInit fixes: see settings.h. */
#define _POSIX_C_SOURCE 200809L
#include "runtime/settings.h"

#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "TIMCloud.h"
#include "notify/engine_log.h"
#include "runtime/engine.h"
#include "util/fsutil.h"
#include "util/json_check.h"
#include "util/text.h"

/* Longest data root accepted: leaves room for the store's own path below it. */
#define ROOT_MAX 3072

static struct {
    uint64_t app_id;
    char *data_root;
    char *secret_key; /* when set, TIMLogin verifies UserSigs */
} S;

const char *engine_data_root(void) { return S.data_root; }

uint64_t engine_app_id(void) { return S.app_id; }

const char *engine_secret_key(void) { return S.secret_key; }

/* Makes path absolute (relative to the current directory). NULL when too long or unreadable. */
static char *absolute_path(const char *path) {
    if (path != NULL && path[0] == '/') return strnlen(path, ROOT_MAX + 1) <= ROOT_MAX ? strdup(path) : NULL;
    char cwd[PATH_MAX];
    if (getcwd(cwd, sizeof cwd) == NULL) return NULL;
    size_t cwd_len = strlen(cwd);
    size_t path_len = path != NULL ? strlen(path) : 0;
    size_t n = cwd_len + (path_len > 0 ? path_len + 1 : 0);
    if (n > ROOT_MAX) return NULL;
    char *out = malloc(n + 1);
    if (out == NULL) return NULL;
    memcpy(out, cwd, cwd_len);
    if (path_len > 0) {
        out[cwd_len] = '/';
        memcpy(out + cwd_len + 1, path, path_len);
    }
    out[n] = '\0';
    return out;
}

static FILE *open_log_file(const char *folder) {
    char *dir = absolute_path(folder);
    if (dir == NULL || fs_make_private_dirs(dir) != 0) {
        free(dir);
        return NULL;
    }
    size_t n = strlen(dir) + sizeof "/timconv_nb.log";
    char *path = malloc(n);
    FILE *f = NULL;
    if (path != NULL) {
        snprintf(path, n, "%s/timconv_nb.log", dir);
        int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (fd >= 0 && (f = fdopen(fd, "a")) == NULL) close(fd);
    }
    free(path);
    free(dir);
    return f;
}

int settings_configure(uint64_t app_id, const char *json_sdk_config) {
    char *config_path = NULL, *log_path = NULL, *secret_key = NULL;
    if (json_sdk_config != NULL && json_sdk_config[0] != '\0') {
        if (!text_is_json_size_ok(json_sdk_config)) return TIM_ERR_PARAM;
        int code = json_check_sdk_config(json_sdk_config, &config_path, &log_path, &secret_key);
        if (code != TIM_SUCC) return code;
    }
    char *data_root = absolute_path(config_path);
    FILE *log_file = NULL;
    int code = data_root != NULL ? TIM_SUCC : TIM_ERR_PARAM;
    if (code == TIM_SUCC && log_path != NULL && (log_file = open_log_file(log_path)) == NULL) code = TIM_ERR_PARAM;
    free(config_path);
    free(log_path);
    if (code != TIM_SUCC) {
        free(data_root);
        free(secret_key);
        return code;
    }
    S.app_id = app_id;
    S.data_root = data_root;
    S.secret_key = secret_key;
    engine_log_set_file(log_file);
    return TIM_SUCC;
}

void settings_release(void) {
    free(S.data_root);
    free(S.secret_key);
    S.data_root = S.secret_key = NULL;
    engine_log_set_file(NULL);
}
