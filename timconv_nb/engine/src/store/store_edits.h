/* Edits of stored messages, and messages their owner writes into the store without sending them
 * (TIMMessageManager.h 4.6, 6.3, 6.7, 6.8). Conventions as store.h's; worker thread only. */
#ifndef TIMCONV_STORE_EDITS_H_
#define TIMCONV_STORE_EDITS_H_

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"
#include "util/text.h"

/* What an edit may change of a stored message. */
enum msg_edit {
    /* TIMMsgModifyMessage: its elements and cloud custom data (which every copy takes) and the
     * owner's custom fields (which stay here); its message_version rises by one. */
    EDIT_MODIFY,
    /* TIMMsgSetLocalCustomData: the owner's custom fields (message_custom_str, _int) only. */
    EDIT_LOCAL_DATA,
};

/* The message an edit found. */
struct edited_message {
    int conv_type;
    char conv_id[TEXT_ID_MAX + 1];
    bool shared; /* the edit changes what every copy shows (elements, cloud custom data) */
    char *msg;   /* malloc'd: the Message as stored after the edit (after a failure: as it is) */
};

/* Finds the message Message `named` names (by its message_msg_id) in any conversation: out's
 * conv_type, conv_id and msg (ERR_INVALID_PARAMETERS when no such message is stored). */
int store_msg_locate(struct store *s, const char *named, struct edited_message *out);

/* Edits the owner's copy of the message Message `param` names (by its message_msg_id) with the
 * members of `param` that `edit` changes. ERR_INVALID_PARAMETERS when no such message is stored,
 * or the edit is refused (a revoked message; elements changed in number or type, or not text,
 * custom, face or location); ERR_SDK_MSG_MODIFY_CONFLICT (a modification) when param's
 * message_version (absent: 0) is not the stored one: another modification came first. After a
 * failure out->msg is the Message as it is (NULL when none was found). The last message follows:
 * *info is the ConvInfo when the message is its conversation's last (else NULL). out->msg is
 * freed by the caller, also after a failure. */
int store_msg_edit(struct store *s, enum msg_edit edit, const char *param, struct edited_message *out, char **info);

/* Modification `modified` (the Message as its modifier's store keeps it) reaching this store's
 * copy of that message in conversation (conv_type, conv_id) as the owner sees it: its elements,
 * cloud custom data and message_version, never the modifier's custom fields; recorded in the
 * inbox for the owner's process to announce. No copy here (never delivered, or deleted since):
 * nothing. */
int store_msg_modified(struct store *s, const char *conv_id, int conv_type, const char *modified);

/* Writes Messages into conversation (conv_type, conv_id) of `owner` at time now, never to be
 * delivered: a JSON array of them (TIMMsgImportMsgList), or one Message (TIMMsgSaveMsg), each
 * kTIMMsg_LocalImported with its own sender and times (see ST_MSG_IMPORT), creating the
 * conversation (*created). A C2C message's sender is the owner or the peer, else
 * ERR_INVALID_PARAMETERS; a message already stored (by its given id) is not written again (a save
 * of one: ERR_INVALID_PARAMETERS). The newest message becomes the last (*info: the ConvInfo when
 * the conversation was created or its last message changed, else NULL). *saved (when not NULL):
 * the first Message stored. */
int store_msg_import(struct store *s, const char *conv_id, int conv_type, const char *owner, const char *messages,
                     uint64_t now, bool *created, char **saved, char **info);

#endif  /* TIMCONV_STORE_EDITS_H_ */
