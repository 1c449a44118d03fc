/* Shared base of the timconv_nb engine headers: integer and bool types, export macros.
 * Mirrors the vendor SDK's TIMCloudComm.h so that code written for it compiles unchanged. */
#ifndef TIMCONV_TIM_CLOUD_COMM_H_
#define TIMCONV_TIM_CLOUD_COMM_H_

#include <stdint.h>
#include <sys/types.h>

#ifndef __cplusplus
/* The vendor header typedefs bool as unsigned char in C; C11's _Bool has the same size and
 * calling convention on the platforms we build for. */
#include <stdbool.h>
#endif

#if defined(_WIN32)
#define TIM_API
#else
#define TIM_API __attribute__((visibility("default")))
#endif
#define TIM_DECL TIM_API

/* The vendor declares its JSON keys as `static const char*` in headers; this keeps
 * -Wunused-variable quiet in translation units that use only some of them. */
#if defined(__GNUC__)
#define TIM_KEY_ATTR __attribute__((unused))
#else
#define TIM_KEY_ATTR
#endif

#endif  /* TIMCONV_TIM_CLOUD_COMM_H_ */
