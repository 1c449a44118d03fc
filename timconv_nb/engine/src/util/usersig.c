/* UserSig verification: see usersig.h. */
#define _POSIX_C_SOURCE 200809L
#include "util/usersig.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "TIMCloudDef.h"
#include "TIMErrorCode.h"
#include "util/error_meaning.h"
#include "util/json_check.h"

/* Far beyond any real UserSig (a few hundred bytes): bounds every buffer below. */
#define USERSIG_MAX 8192
#define DOC_MAX 65536

/* Refuses with code, described by why (NULL: the code's meaning). */
static int refuse(int code, char *desc, size_t desc_size, const char *why) {
    snprintf(desc, desc_size, "%s", why != NULL ? why : error_meaning(code));
    return code;
}

/* Tencent's URL-safe base64 back to the standard alphabet, then decoded. *out is malloc'd. */
static int decode_base64(const char *sig, size_t len, unsigned char **out, int *out_len) {
    if (len % 4 != 0) return -1;
    char *text = malloc(len + 1);
    unsigned char *bytes = malloc(len / 4 * 3 + 1);
    int n = -1;
    if (text != NULL && bytes != NULL) {
        for (size_t i = 0; i < len; i++) {
            char c = sig[i];
            text[i] = c == '*' ? '+' : c == '-' ? '/' : c == '_' ? '=' : c;
        }
        text[len] = '\0';
        n = EVP_DecodeBlock(bytes, (const unsigned char *)text, (int)len);
        for (size_t i = len; n > 0 && i > 0 && text[i - 1] == '='; i--) n--; /* padding decodes as zeros */
    }
    free(text);
    if (n < 0) {
        free(bytes);
        return -1;
    }
    *out = bytes;
    *out_len = n;
    return 0;
}

int usersig_verify(const char *user_sig, const char *secret_key, uint64_t app_id, const char *user_id, uint64_t now,
                   char *desc, size_t desc_size) {
    size_t len = user_sig != NULL ? strnlen(user_sig, USERSIG_MAX + 1) : 0;
    if (len == 0) return refuse(ERR_SVR_ACCOUNT_USERSIG_EMPTY, desc, desc_size, NULL);
    unsigned char *compressed = NULL;
    int compressed_len = 0;
    if (len > USERSIG_MAX || decode_base64(user_sig, len, &compressed, &compressed_len) != 0) {
        return refuse(ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED, desc, desc_size, "not a UserSig: bad base64");
    }
    char *doc = malloc(DOC_MAX);
    uLongf doc_len = DOC_MAX - 1;
    int inflated = doc != NULL && uncompress((Bytef *)doc, &doc_len, compressed, (uLong)compressed_len) == Z_OK;
    free(compressed);
    if (!inflated) {
        free(doc);
        return refuse(ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED, desc, desc_size, "not a UserSig: bad compression");
    }
    doc[doc_len] = '\0';
    int64_t sdk_app_id = 0, expire = 0, issued = 0;
    char *identifier = NULL, *signature = NULL;
    int fields = json_check_usersig(doc, &sdk_app_id, &expire, &issued, &identifier, &signature);
    free(doc);
    int code = ERR_SUCC;
    if (fields != TIM_SUCC) {
        code = refuse(ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED, desc, desc_size, "not a UserSig: bad document");
    } else if (strcmp(identifier, user_id) != 0) {
        code = refuse(ERR_SVR_ACCOUNT_USERSIG_MISMATCH_ID, desc, desc_size, NULL);
    } else if ((uint64_t)sdk_app_id != app_id) {
        code = refuse(ERR_SVR_ACCOUNT_USERSIG_MISMATCH_SDKAPPID, desc, desc_size, NULL);
    } else {
        char content[512];
        int content_len = snprintf(content, sizeof content, "TLS.identifier:%s\nTLS.sdkappid:%lld\nTLS.time:%lld\nTLS.expire:%lld\n",
                                   identifier, (long long)sdk_app_id, (long long)issued, (long long)expire);
        unsigned char mac[EVP_MAX_MD_SIZE];
        unsigned int mac_len = 0;
        unsigned char expected[4 * ((EVP_MAX_MD_SIZE + 2) / 3) + 1];
        int expected_len = 0;
        if (HMAC(EVP_sha256(), secret_key, (int)strlen(secret_key), (const unsigned char *)content, (size_t)content_len,
                 mac, &mac_len) != NULL) {
            expected_len = EVP_EncodeBlock(expected, mac, (int)mac_len);
        }
        if (expected_len == 0 || strlen(signature) != (size_t)expected_len ||
            CRYPTO_memcmp(expected, signature, (size_t)expected_len) != 0) {
            code = refuse(ERR_SVR_ACCOUNT_USERSIG_MISMATCH_PUBLICKEY, desc, desc_size, NULL);
        } else if (issued < 0 || expire < 0 || (uint64_t)issued + (uint64_t)expire < now) {
            code = refuse(ERR_SVR_ACCOUNT_USERSIG_EXPIRED, desc, desc_size, NULL);
        }
    }
    free(identifier);
    free(signature);
    return code;
}
