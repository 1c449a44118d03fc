/* What a callback code means, in words: the meaning of its row in TIMErrorCode.h. */
#ifndef TIMCONV_ERROR_MEANING_H_
#define TIMCONV_ERROR_MEANING_H_

#include <stdint.h>

/* The meaning of `code` (a TIMErrCode), "unknown error" for any other value; never NULL, static. */
const char *error_meaning(int32_t code);

#endif  /* TIMCONV_ERROR_MEANING_H_ */
