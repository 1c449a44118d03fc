/* Delivery: the data root plays the server's part, so a message sent to a C2C peer lands in that
 * user's store, and a group message in the store of every member of the group (the group
 * registry says who they are). The recipient's process (this one later, or another one now)
 * announces it. Worker thread only. */
#ifndef TIMCONV_DELIVERY_H_
#define TIMCONV_DELIVERY_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "runtime/engine.h"
#include "store/store.h"

/* A new message's identity: message_msg_id (TEXT_ID_MAX + 1 bytes), unique id (below 2^63) and
 * random number, made at time now. */
void message_identity(uint64_t now, char *msg_id, size_t msg_id_size, uint64_t *unique_id, uint32_t *rand);

/* A stored message going to others: the sender's store (kept open while delivering), the
 * conversation as the recipients see it, the stored Message and the fields it was built with. */
struct delivery {
    const struct store *sender_store;
    const char *conv_id;
    int conv_type;
    const struct message_body *body;
    const struct message_fields *fields;
    bool hold; /* a batch of queued sends: a recipient's transaction may stay open (store_cache_hold) */
};

/* Delivers to one user (never to the sender). */
void deliver_to(const char *recipient, const struct delivery *d);

/* Delivers to every user of a JSON array of user ids (the sender's store reads it). */
void deliver_to_each(struct store *sender_store, const char *recipients, const struct delivery *d);

/* Revokes, in recipient's store, the copy of message msg_id of the conversation (as the
 * recipient sees it) that revoker revoked; the recipient's process announces it. */
void revoke_delivered(const char *recipient, const struct store *sender_store, const char *conv_id, int conv_type,
                      const char *msg_id, const char *revoker);

/* The open group registry; on failure r is set and NULL returned. */
struct registry *group_registry(struct task_result *r);

#endif  /* TIMCONV_DELIVERY_H_ */
