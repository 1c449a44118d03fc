/* The store's receive options (TIMMessageManager.h 5.1 to 5.3): see store.h. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>

#include "store/store_internal.h"

/* Binds ?1 conv type, ?2 ids, ?3 option to statement id. */
static sqlite3_stmt *bind_ids(struct store *s, enum stmt_id id, int conv_type, const char *ids_json, int opt) {
    sqlite3_stmt *st = stmt(s, id);
    sqlite3_bind_int(st, 1, conv_type);
    sqlite3_bind_text(st, 2, ids_json, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 3, opt);
    return st;
}

int store_recv_opt_set(struct store *s, int conv_type, const char *ids_json, int opt, char **changed) {
    *changed = NULL;
    char *changing = NULL;
    int result = begin(s);
    if (result != ERR_SUCC) return result;
    result = query_text(s, bind_ids(s, ST_RECV_OPT_CHANGING, conv_type, ids_json, opt), &changing, "read options");
    if (result == ERR_SUCC) result = exec_stmt(s, bind_ids(s, ST_RECV_OPT_SET, conv_type, ids_json, opt), "set option");
    if (result == ERR_SUCC) {
        result = exec_stmt(s, bind_ids(s, ST_CONV_SET_RECV_OPT, conv_type, ids_json, opt), "set conversation option");
    }
    if (result == ERR_SUCC && changing != NULL && changing[0] == '[' && changing[1] != ']') {
        sqlite3_stmt *st = stmt(s, ST_CONV_INFOS_OF);
        sqlite3_bind_int(st, 1, conv_type);
        sqlite3_bind_text(st, 2, changing, -1, SQLITE_STATIC);
        result = query_text(s, st, changed, "read conversations");
    }
    free(changing);
    result = finish(s, result);
    if (result != ERR_SUCC) {
        free(*changed);
        *changed = NULL;
    }
    return result;
}

int store_recv_opt_get(struct store *s, const char *ids_json, char **result) {
    sqlite3_stmt *st = stmt(s, ST_RECV_OPT_GET);
    sqlite3_bind_text(st, 1, ids_json, -1, SQLITE_STATIC);
    return query_text(s, st, result, "read options");
}
