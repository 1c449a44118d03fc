/* Reading text columns safely: see sql_text.h. */
#define _POSIX_C_SOURCE 200809L
#include "util/sql_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The column's text, or NULL (*oom tells why). */
static const char *text_of(sqlite3_stmt *st, int col, bool *oom) {
    const char *text = (const char *)sqlite3_column_text(st, col);
    *oom = text == NULL && sqlite3_errcode(sqlite3_db_handle(st)) == SQLITE_NOMEM;
    return text;
}

char *sql_text_copy(sqlite3_stmt *st, int col, bool *oom) {
    const char *text = text_of(st, col, oom);
    if (text == NULL) return NULL;
    char *copy = strdup(text);
    *oom = copy == NULL;
    return copy;
}

bool sql_text_into(sqlite3_stmt *st, int col, char *out, size_t size) {
    bool oom = false;
    const char *text = text_of(st, col, &oom);
    snprintf(out, size, "%s", text != NULL ? text : "");
    return !oom;
}
