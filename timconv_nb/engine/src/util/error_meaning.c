/* Callback codes in words: see error_meaning.h. */
#include "util/error_meaning.h"

#include "TIMCloud.h"

const char *error_meaning(int32_t code) {
    switch (code) {
#define ERROR_MEANING_CASE(name, value, meaning) \
    case name: return meaning;
        TIMCONV_ERROR_CODES(ERROR_MEANING_CASE)
#undef ERROR_MEANING_CASE
    default: return "unknown error";
    }
}
