/* Byte-string checks and encodings: see text.h. */
#define _POSIX_C_SOURCE 200809L
#include "util/text.h"

#include <string.h>

bool text_is_utf8(const char *s, size_t n) {
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        unsigned char c = p[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t len;
        unsigned int cp;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
        } else {
            return false; /* continuation byte, overlong lead (C0, C1) or past F4 */
        }
        if (n - i < len) return false;
        for (size_t k = 1; k < len; k++) {
            if ((p[i + k] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)) return false; /* overlong */
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += len;
    }
    return true;
}

bool text_is_valid_id(const char *id) {
    if (id == NULL) return false;
    size_t n = strnlen(id, TEXT_ID_MAX + 1);
    return n >= 1 && n <= TEXT_ID_MAX && text_is_utf8(id, n);
}

bool text_is_printable_ascii(const char *s) {
    if (s == NULL || *s == '\0') return false;
    for (; *s != '\0'; s++) {
        if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7e) return false;
    }
    return true;
}

bool text_is_json_size_ok(const char *json) {
    return json != NULL && strnlen(json, TEXT_JSON_MAX + 1) <= TEXT_JSON_MAX;
}

void text_hex_encode(const char *s, char *out) {
    static const char digits[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s;
    for (; *p; p++) {
        *out++ = digits[*p >> 4];
        *out++ = digits[*p & 0x0F];
    }
    *out = '\0';
}

bool text_parse_conv_key(const char *key, int *conv_type, char *id) {
    static const struct {
        const char *prefix;
        int type;
    } kinds[] = {{"c2c_", 1}, {"group_", 2}};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        size_t n = strlen(kinds[i].prefix);
        if (strncmp(key, kinds[i].prefix, n) == 0 && text_is_valid_id(key + n)) {
            *conv_type = kinds[i].type;
            memcpy(id, key + n, strlen(key + n) + 1);
            return true;
        }
    }
    return false;
}
