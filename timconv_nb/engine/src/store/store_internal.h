/* What the store's source files share: the statement ids (their SQL is in store_sql.c), the store
 * itself, and the helpers every store operation is made of. Writer connection only (worker
 * thread); see store.h. */
#ifndef TIMCONV_STORE_INTERNAL_H_
#define TIMCONV_STORE_INTERNAL_H_

#include <sqlite3.h>

#include "TIMErrorCode.h"
#include "store/store.h"
#include "util/text.h"

enum stmt_id {
    ST_BEGIN,
    ST_COMMIT,
    ST_ROLLBACK,
    ST_SAVEPOINT,
    ST_RELEASE,
    ST_ROLLBACK_TO,
    ST_SET_OWNER,
    ST_SESSION_TAKE,
    ST_SESSION_HOLDER,
    ST_CONV_EXISTS,
    ST_CONV_INFO,
    ST_BUMP_ACTIVE_ORDER,
    ST_ACTIVE_ORDER,
    ST_SET_ACTIVE_ORDER,
    ST_CONV_INSERT,
    ST_CONV_DELETE,
    ST_CONV_LIST,
    ST_CONV_COLUMNS,
    ST_CONV_INFO_BATCH,
    ST_DRAFT_SET,
    ST_DRAFT_CLEAR,
    ST_MSG_DELETE_ALL,
    ST_CONV_PIN,
    ST_TOTAL_UNREAD,
    ST_CONV_PAGE,
    ST_NEXT_SEQ,
    ST_MSG_BUILD,
    ST_MSG_INSERT,
    ST_CONV_RECORD_MSG,
    ST_INBOX_INSERT,
    ST_MSG_LIST,
    ST_CONV_CLEAN_UNREAD,
    ST_MSG_CLEAN_UNREAD,
    ST_CONV_RECORD_AT,
    ST_CONV_CLEAR_AT,
    ST_CONV_READ_TIMESTAMP,
    ST_CONV_READ_SEQUENCE,
    ST_UNREAD_KEYS,
    ST_DATA_VERSION,
    ST_INBOX_SINCE,
    ST_INBOX_CLEAR,
    ST_INBOX_TRIM,
    ST_ARRAY_ITEMS,
    ST_ARRAY_LENGTH,
    ST_OP_RESULT,
    ST_CONV_MARK,
    ST_CONV_ADD_TO_GROUP,
    ST_GROUP_COUNT,
    ST_GROUP_EXISTS,
    ST_GROUP_INSERT,
    ST_GROUP_LIST,
    ST_GROUP_DELETE,
    ST_GROUP_RENAME,
    ST_GROUP_MEMBER_COUNT,
    ST_GROUP_MEMBER_KEYS,
    ST_GROUP_MEMBER_INFOS,
    ST_CONV_IN_GROUP,
    ST_CONV_REMOVE_FROM_GROUP,
    ST_CONVS_RENAME_GROUP,
    ST_CONV_CUSTOM_DATA,
    ST_RECV_OPT_SET,
    ST_RECV_OPT_CHANGING,
    ST_CONV_SET_RECV_OPT,
    ST_CONV_INFOS_OF,
    ST_RECV_OPT_GET,
    ST_RECV_OPT_OF,
    ST_MSG_FIND,
    ST_MSG_REVOKE,
    ST_CONV_LAST_MSG_IS,
    ST_MSG_COUNT_SEQS,
    ST_MSG_SEQS_OF,
    ST_MSG_DELETE_SEQS,
    ST_CONV_AFTER_DELETE,
    ST_CONV_CLEARED,
    ST_GROUP_SELF_INFO,
    ST_GROUP_CONV_ENSURE,
    ST_FILTER_UNREAD,
    ST_MSG_LIST_NEWER,
    ST_MSG_LIST_SEQS,
    ST_MSG_KEY_OF_ID,
    ST_MSG_KEY_OF_SEQ,
    ST_MSG_KEY_AT_OR_BEFORE,
    ST_MSG_KEY_AT_OR_AFTER,
    ST_MSG_FIND_IDS,
    ST_MSG_FIND_SEQ_LOCATORS,
    ST_MSG_FIND_TIME_LOCATORS,
    ST_SEARCH_MATCH_ONE,
    ST_SEARCH_MATCH_ALL,
    ST_SEARCH_SCAN_ONE,
    ST_SEARCH_SCAN_ALL,
    ST_SEARCH_FILTER_ONE,
    ST_SEARCH_FILTER_ALL,
    ST_CONV_FACES_CHANGING,
    ST_CONV_FACES_SET,
    ST_CONV_PEERS,
    ST_MSG_BY_ID,
    ST_MSG_EDIT_REFUSAL,
    ST_MSG_PATCH,
    ST_CONV_LAST_MSG_ID,
    ST_IMPORT_SENDERS_OK,
    ST_MSG_IMPORT,
    ST_CONV_LAST_NEWEST,
    ST_COUNT
};

/* How long a store's connection waits for another process's write before giving up. */
#define STORE_BUSY_TIMEOUT_MS 5000

/* The schema's version (PRAGMA user_version), and the SQL of store_sql.c. */
#define SCHEMA_VERSION 6
#define SCHEMA_VERSION_TEXT "6"
extern const char store_schema_sql[];
extern const char store_view_sql[];
extern const char store_unread_index_sql[];   /* version 2 */
extern const char store_v3_sql[];             /* version 3 */
extern const char store_v4_sql[];             /* version 4 */
extern const char store_v5_sql[];             /* version 5 */
extern const char store_v6_sql[];             /* version 6 */
extern const char *const store_stmt_sql[ST_COUNT];

struct store {
    sqlite3 *db;     /* writer: worker thread only */
    sqlite3 *reader; /* reader: engine lock held */
    sqlite3_stmt *stmt[ST_COUNT];
    sqlite3_stmt *reader_exists;
    int64_t data_version; /* the writer's PRAGMA data_version when last polled */
    bool in_batch;        /* inside store_batch_begin: begin() and finish() use a savepoint (see begin_lean) */
    int batch_failure;    /* ERR_SUCC, or the failure that lost the whole batch */
    bool lean;            /* the write in progress began with begin_lean inside a batch */
    int64_t lean_changes; /* sqlite3_total_changes64 when it began */
    /* Inside a batch the activation counter is read once, counted here and written back once,
     * before the COMMIT (the batch holds the store's write lock, so no other process moves it). */
    bool batch_order_read;
    int64_t batch_order;
    char error[256];
};

/* Opens a connection to the database file at path as every store (and the group registry)
 * does: busy timeout, no checkpoint on close, synchronous NORMAL, a larger page cache. */
int store_open_connection(const char *path, sqlite3 **db);

/* The prepared statement `id`, compiled on first use (NULL only when SQLite cannot compile it). */
sqlite3_stmt *stmt(struct store *s, enum stmt_id id);

/* Resets a statement and clears its bindings, ready for its next use; NULL (a statement that did
 * not compile) is allowed, so a broken statement fails its call instead of the process. */
void stmt_done(sqlite3_stmt *st);

/* Records the writer's last error as "what: message" and returns its TIMErrCode. */
int fail(struct store *s, const char *what);

/* Statement `id` with ?1 = conv_type and ?2 = conv_id bound. */
sqlite3_stmt *bind_key(struct store *s, enum stmt_id id, const char *conv_id, int conv_type);

/* Step a statement, then reset it and clear its bindings: exec_stmt ignores rows; query_text
 * gives the first column of the first row as a malloc'd copy (NULL: no row); query_int gives an
 * integer (no row is a failure). */
int exec_stmt(struct store *s, sqlite3_stmt *st, const char *what);
int query_text(struct store *s, sqlite3_stmt *st, char **out, const char *what);
int query_int(struct store *s, sqlite3_stmt *st, int64_t *out, const char *what);

/* BEGIN IMMEDIATE; finish commits when result is ERR_SUCC, else rolls back, and returns the
 * first failure. Inside a batch (store_batch_begin) they open and release a savepoint instead, so
 * a failed call undoes only its own changes. */
int begin(struct store *s);
int finish(struct store *s, int result);
/* begin() for a write whose statements after its first can fail only as SQLite itself fails (I/O,
 * a full disk, memory): inside a batch it opens no savepoint, since each would copy every page the
 * write touches into a sub-journal (a fifth of a queued send's time). If such a write fails after
 * changing rows, finish() cannot undo them alone: the whole batch is lost (batch_failure), as when
 * its commit fails. A failure before any change (or in the statement that failed, which SQLite
 * undoes itself) loses nothing else. */
int begin_lean(struct store *s);

/* The ConvInfo of one conversation (*info NULL when it does not exist). */
int conv_info(struct store *s, const char *conv_id, int conv_type, char **info);

/* The activation counter's next value: the most recently active conversation has the highest
 * (inside a batch, counted in memory: see struct store). */
int next_active_order(struct store *s, int64_t *order);

/* Records an inbox row of `kind` (INBOX_MESSAGE, INBOX_REVOKED, INBOX_MODIFIED) for the owner's
 * process to announce, inside the caller's transaction. */
enum inbox_kind { INBOX_MESSAGE, INBOX_REVOKED, INBOX_MODIFIED };
int to_inbox(struct store *s, const char *conv_id, int conv_type, bool created, const char *json, int kind);

/* Appends item to a JSON array being built (kept open as "[a,b" until closed with "]"). */
int append_item(char **array, size_t *len, const char *item);

/* The body of store_conv_batch inside the caller's transaction, arrays left open; close_batch
 * closes them (or frees them when result is a failure) and returns result. */
int batch_apply(struct store *s, const char *keys_json, store_conv_op op, const void *arg, char **results,
              size_t *results_len, char **changed, size_t *changed_len);
int close_batch(int result, char **results, char **changed);

/* Applies UPDATE `id` bound as (type, id, ?3 = third or third_text[, ?4 = fourth]) and reports
 * the updated ConvInfo (unless info is NULL); ERR_INVALID_CONVERSATION when no row matched. */
int update_conv(struct store *s, enum stmt_id id, const char *conv_id, int conv_type, sqlite3_int64 third,
                const char *third_text, sqlite3_int64 fourth, char **info);

#endif  /* TIMCONV_STORE_INTERNAL_H_ */
