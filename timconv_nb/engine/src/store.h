/* One user's persistent store: an SQLite database per (sdk_app_id, user) under the data root.
 *
 * A store holds two connections. The writer is used only by the engine's worker thread (every
 * store_* function below except store_reader_*). The reader answers the synchronous existence
 * checks of the draft calls and is used only with the engine lock held (engine.c).
 *
 * Functions returning int return ERR_SUCC or a TIMErrCode (ERR_IO_OPERATION_FAILED,
 * ERR_OUT_OF_MEMORY, ERR_INVALID_CONVERSATION); store_error() then describes the failure.
 * JSON results are malloc'd strings the caller frees. */
#ifndef TIMCONV_STORE_H_
#define TIMCONV_STORE_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct store;

/* Opens (creating if needed) the store of user_id under root. On failure *out is NULL and
 * err receives a description. */
int store_open(const char *root, uint64_t app_id, const char *user_id, struct store **out, char *err, size_t err_size);

/* Closes both connections. NULL is allowed. */
void store_close(struct store *s);

/* Description of the last failure on the writer connection. */
const char *store_error(const struct store *s);

/* Creates the conversation unless it exists; *created tells which. *info: its ConvInfo. */
int store_conv_create(struct store *s, const char *conv_id, int conv_type, uint64_t now, bool *created, char **info);

/* Deletes the conversation; ERR_INVALID_CONVERSATION when unknown. *info: its ConvInfo as it
 * was before the delete. */
int store_conv_delete(struct store *s, const char *conv_id, int conv_type, char **info);

/* *list: the JSON array of every ConvInfo, pinned first, then most recently active first. */
int store_conv_list(struct store *s, char **list);

/* *list: the JSON array of the ConvInfo named by a GetConversationListParam array, in the
 * order asked, skipping unknown ones. */
int store_conv_info_batch(struct store *s, const char *param_json, char **list);

/* Sets the draft (draft_edit_time filled with `now` when absent) or, with draft_json NULL,
 * removes it. ERR_INVALID_CONVERSATION when unknown. *info: the updated ConvInfo. */
int store_draft_write(struct store *s, const char *conv_id, int conv_type, const char *draft_json, uint64_t now,
                      char **info);

/* Reader side (engine lock held): whether the conversation is stored. */
int store_reader_conv_exists(struct store *s, const char *conv_id, int conv_type, bool *exists);

#endif  /* TIMCONV_STORE_H_ */
