/* The engine's own SQLite: the amalgamation in sqlite/ (third_party/sqlite/README.md says where
 * it comes from), compiled into the engine with the options below, its symbols hidden (the
 * engine is built with -fvisibility=hidden). Being the engine's own, its process-wide settings
 * are the engine's to choose, whatever SQLite the host process (a Jupyter kernel: IPython's
 * history, Python's sqlite3) loads and configures, and its behaviour (the JSON functions the
 * engine checks and builds with) is the same on every machine.
 *
 * The one place these options are written: every build of the engine compiles this file. */

/* No memory statistics: with them on, every SQLite allocation takes one process-wide mutex,
 * for which the engine's worker and a caller checking its JSON contend (docs/performance.md). */
#define SQLITE_DEFAULT_MEMSTATUS 0
/* No mutex per connection: each connection is used by one thread at a time. The stores' writer
 * connections and the group registry's are opened, used and closed by the worker alone (or
 * while no worker runs); a store's reader only under the engine's lock (runtime/engine.c); the
 * JSON checker's only under its own lock (util/json_check.c). SQLite's process-wide state keeps
 * its mutexes. */
#define SQLITE_THREADSAFE 2
/* The engine loads no extensions: nothing to load, no dlopen. */
#define SQLITE_OMIT_LOAD_EXTENSION 1
/* Double quotes name identifiers only (a misspelt column is an error, not a string). */
#define SQLITE_DQS 0
/* What the engine never uses, as SQLite's documentation recommends leaving out. */
#define SQLITE_OMIT_DEPRECATED 1
#define SQLITE_OMIT_SHARED_CACHE 1
#define SQLITE_LIKE_DOESNT_MATCH_BLOBS 1
/* Full-text search of the message history (TIMMsgSearchLocalMessages): FTS5, its trigram
 * tokenizer matching any substring of three characters or more (store/store_search.c). */
#define SQLITE_ENABLE_FTS5 1

#include "sqlite/sqlite3.c"
