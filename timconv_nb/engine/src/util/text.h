/* Byte-string checks and encodings shared by every entry point. Pure functions, no state. */
#ifndef TIMCONV_TEXT_H_
#define TIMCONV_TEXT_H_

#include <stdbool.h>
#include <stddef.h>

/* Longest id the API accepts: ids must fit the API's 128-byte buffers with their NUL. */
#define TEXT_ID_MAX 127
/* Longest JSON argument the API accepts. */
#define TEXT_JSON_MAX (1024 * 1024)

/* True when s[0..n) is well-formed UTF-8 (no overlongs, surrogates or code points past
 * U+10FFFF). */
bool text_is_utf8(const char *s, size_t n);

/* True when id is 1..TEXT_ID_MAX bytes of UTF-8. NULL is not a valid id. */
bool text_is_valid_id(const char *id);

/* True when s is not NULL and is one or more bytes of printable ASCII (0x20-0x7e). */
bool text_is_printable_ascii(const char *s);

/* True when json is not NULL and at most TEXT_JSON_MAX bytes long. */
bool text_is_json_size_ok(const char *json);

/* Writes the lowercase hex encoding of s (NUL-terminated) into out, which must hold at least
 * 2 * strlen(s) + 1 bytes. */
void text_hex_encode(const char *s, char *out);

/* Splits Tencent's conversation id ("c2c_<id>" or "group_<id>") into its type (1 or 2) and id,
 * copied into id (TEXT_ID_MAX + 1 bytes). False when key is not of that form or the id is
 * invalid. */
bool text_parse_conv_key(const char *key, int *conv_type, char *id);

#endif  /* TIMCONV_TEXT_H_ */
