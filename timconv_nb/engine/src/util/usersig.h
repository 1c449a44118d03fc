/* Verification of UserSigs (Tencent's TLS signature version 2), for a local engine given the
 * app's secret key. HMAC-SHA256 and base64 are OpenSSL's, inflation zlib's, JSON SQLite's. */
#ifndef TIMCONV_USERSIG_H_
#define TIMCONV_USERSIG_H_

#include <stddef.h>
#include <stdint.h>

/* ERR_SUCC when user_sig was signed with secret_key for app_id and user_id and has not expired
 * at `now`; else the vendor's code with a description: 70002 empty, 70003 not a UserSig, 70009
 * signed with another key, 70013 for another user, 70014 for another app, 70001 expired. */
int usersig_verify(const char *user_sig, const char *secret_key, uint64_t app_id, const char *user_id, uint64_t now,
                   char *desc, size_t desc_size);

#endif  /* TIMCONV_USERSIG_H_ */
