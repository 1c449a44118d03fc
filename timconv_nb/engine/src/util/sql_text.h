/* Reading text columns safely: sqlite3_column_text() returns NULL for an SQL NULL and also when
 * memory runs out while it converts a value, which a plain strdup() or "%s" would then trip on. */
#ifndef TIMCONV_SQL_TEXT_H_
#define TIMCONV_SQL_TEXT_H_

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

/* Column col as a malloc'd copy; NULL for an SQL NULL (*oom false) or when memory ran out (*oom
 * true). */
char *sql_text_copy(sqlite3_stmt *st, int col, bool *oom);

/* Copies column col into out (size bytes, cut to fit; "" for an SQL NULL); false when memory ran
 * out. */
bool sql_text_into(sqlite3_stmt *st, int col, char *out, size_t size);

#endif  /* TIMCONV_SQL_TEXT_H_ */
