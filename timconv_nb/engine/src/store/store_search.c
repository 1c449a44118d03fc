/* Searching the history (TIMMsgSearchLocalMessages): the search index of store_sql.c (an FTS5
 * trigram table kept in step with every write to message by triggers) queried with a search's
 * keywords and filters, the result shaped as the vendor's MessageSearchResult.
 *
 * A keyword of three characters or more is a phrase of the FTS5 query (trigrams: any substring,
 * found through the index); a shorter one cannot be (it has no trigram), so it is a LIKE pattern
 * over the indexed text: checked on the index's hits when every keyword must match and a long one
 * is there, else by reading every indexed text. ASCII letters match whatever their case, other
 * characters as they are, both ways alike. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"

#define SEARCH_KEYWORDS_MAX 5 /* TIMMessageManager.h 2480: "最多支持5个" */

/* How many characters (UTF-8 code points) text has. */
static size_t characters(const char *text) {
    size_t n = 0;
    for (const unsigned char *c = (const unsigned char *)text; *c != '\0'; c++) n += (*c & 0xC0) != 0x80;
    return n;
}

/* c with an ASCII capital in lower case, as SQLite's lower() makes the indexed text. */
static char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c; }

/* text quoted as an FTS5 string (a phrase): in double quotes, each double quote doubled, its
 * ASCII letters in lower case (the index's are). */
static char *fts_phrase(const char *text) {
    size_t n = strlen(text), quotes = 0;
    for (size_t i = 0; i < n; i++) quotes += text[i] == '"';
    char *out = malloc(n + quotes + 3), *o = out;
    if (out == NULL) return NULL;
    *o++ = '"';
    for (size_t i = 0; i < n; i++) {
        if (text[i] == '"') *o++ = '"';
        *o++ = ascii_lower(text[i]);
    }
    *o++ = '"';
    *o = '\0';
    return out;
}

/* A LIKE pattern finding text anywhere (ESCAPE '\'). */
static char *like_pattern(const char *text) {
    size_t n = strlen(text);
    char *out = malloc(2 * n + 3), *o = out;
    if (out == NULL) return NULL;
    *o++ = '%';
    for (size_t i = 0; i < n; i++) {
        if (text[i] == '%' || text[i] == '_' || text[i] == '\\') *o++ = '\\';
        *o++ = ascii_lower(text[i]);
    }
    *o++ = '%';
    *o = '\0';
    return out;
}

/* What a search's keywords become: an FTS5 query of the long ones and LIKE patterns. */
struct keyword_query {
    char *match;                          /* NULL: no long keyword */
    char *like[SEARCH_KEYWORDS_MAX];      /* the short keywords' patterns, or (scan) every keyword's */
    bool scan;                            /* read every indexed text */
};

static void keyword_query_clear(struct keyword_query *q) {
    free(q->match);
    for (int i = 0; i < SEARCH_KEYWORDS_MAX; i++) free(q->like[i]);
    *q = (struct keyword_query){0};
}

/* Appends phrase to the FTS5 query, joined by AND or OR. */
static int append_phrase(char **match, const char *phrase, bool all) {
    size_t have = *match != NULL ? strlen(*match) : 0;
    char *grown = realloc(*match, have + strlen(phrase) + 6);
    if (grown == NULL) return ERR_OUT_OF_MEMORY;
    if (have > 0) {
        strcpy(grown + have, all ? " AND " : " OR ");
    } else {
        grown[0] = '\0';
    }
    strcat(grown, phrase);
    *match = grown;
    return ERR_SUCC;
}

static int keyword_query_make(struct store *s, const struct search_param *p, struct keyword_query *q) {
    *q = (struct keyword_query){0};
    const char *words[SEARCH_KEYWORDS_MAX] = {0};
    char *copies[SEARCH_KEYWORDS_MAX] = {0};
    int count = 0, result = ERR_SUCC;
    sqlite3_stmt *st = stmt(s, ST_ARRAY_ITEMS);
    sqlite3_bind_text(st, 1, p->keywords, -1, SQLITE_STATIC);
    int rc = SQLITE_DONE;
    while (result == ERR_SUCC && count < SEARCH_KEYWORDS_MAX && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *word = (const char *)sqlite3_column_text(st, 0);
        copies[count] = strdup(word != NULL ? word : "");
        if (copies[count] == NULL) result = ERR_OUT_OF_MEMORY;
        words[count] = copies[count];
        count++;
    }
    if (result == ERR_SUCC && rc != SQLITE_ROW && rc != SQLITE_DONE) result = fail(s, "read the keywords");
    stmt_done(st);
    bool any_short = false, any_long = false;
    for (int i = 0; i < count; i++) {
        bool is_long = characters(words[i]) >= 3;
        any_long = any_long || is_long;
        any_short = any_short || !is_long;
    }
    /* The index serves when every keyword is long, or when all must match and one is long. */
    q->scan = any_short && (!p->match_all || !any_long);
    int likes = 0;
    for (int i = 0; result == ERR_SUCC && i < count; i++) {
        bool is_long = characters(words[i]) >= 3;
        if (!q->scan && is_long) {
            char *phrase = fts_phrase(words[i]);
            result = phrase != NULL ? append_phrase(&q->match, phrase, p->match_all) : ERR_OUT_OF_MEMORY;
            free(phrase);
        } else if ((q->like[likes++] = like_pattern(words[i])) == NULL) {
            result = ERR_OUT_OF_MEMORY;
        }
    }
    for (int i = 0; i < count; i++) free(copies[i]);
    if (result != ERR_SUCC) keyword_query_clear(q);
    return result;
}

int store_msg_search(struct store *s, const struct search_param *p, uint64_t now, char **result_json) {
    *result_json = NULL;
    struct keyword_query q = {0};
    int result = p->keywords != NULL ? keyword_query_make(s, p, &q) : ERR_SUCC;
    if (result != ERR_SUCC) return result;
    bool one = p->conv_type != 0;
    enum stmt_id id = p->keywords == NULL ? (one ? ST_SEARCH_FILTER_ONE : ST_SEARCH_FILTER_ALL)
                      : q.scan            ? (one ? ST_SEARCH_SCAN_ONE : ST_SEARCH_SCAN_ALL)
                                          : (one ? ST_SEARCH_MATCH_ONE : ST_SEARCH_MATCH_ALL);
    /* 2489-2491: back from the time position (0: now) over the period (0: no limit). */
    int64_t latest = p->time_position > 0 ? p->time_position : INT64_MAX;
    int64_t from = (p->time_position > 0 ? p->time_position : (int64_t)now) - p->time_period;
    int64_t earliest = p->time_period > 0 ? from : INT64_MIN;
    /* 2493-2495: page page_index of page_size hits (0: every hit). */
    int64_t limit = p->page_size > 0 ? p->page_size : -1;
    int64_t offset = p->page_size > 0 && p->page_index <= INT64_MAX / p->page_size ? p->page_index * p->page_size : 0;
    if (p->page_size > 0 && p->page_index > INT64_MAX / p->page_size) limit = 0;
    sqlite3_stmt *st = stmt(s, id);
    if (q.match != NULL) sqlite3_bind_text(st, 1, q.match, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, p->conv_type);
    sqlite3_bind_text(st, 3, p->conv_id != NULL ? p->conv_id : "", -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 4, earliest);
    sqlite3_bind_int64(st, 5, latest);
    if (p->senders != NULL) sqlite3_bind_text(st, 6, p->senders, -1, SQLITE_STATIC);
    if (p->types != NULL) sqlite3_bind_text(st, 7, p->types, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 8, p->match_all ? 1 : 0);
    for (int i = 0; i < SEARCH_KEYWORDS_MAX; i++) {
        if (q.like[i] != NULL) sqlite3_bind_text(st, 9 + i, q.like[i], -1, SQLITE_STATIC);
    }
    sqlite3_bind_int64(st, 14, limit);
    sqlite3_bind_int64(st, 15, offset);
    result = query_text(s, st, result_json, "search messages");
    keyword_query_clear(&q);
    return result;
}
