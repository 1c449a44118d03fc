/* The vendor's functions the local engine does not implement (yet), declared in the not-here block
 * at the end of their public header and defined one line each in not_here_<header>.c, so that a
 * client binding the whole API (the vendor's Electron wrapper does) runs on the engine (spec
 * section 10). What they do:
 *
 * - a call answers ERR_SDK_INTERFACE_NOT_SUPPORT (7013) through its callback, on the worker thread
 *   in its turn like every callback, user_data passed back, with a description saying why: the
 *   function is local but not implemented yet (NOT_YET), or it needs Tencent's cloud (CLOUD). Its
 *   arguments are not read, so every input gets the same answer. TIMResult: TIM_ERR_SDKUNINIT
 *   before TIMInit (every call's first check), else TIM_SUCC, logged in or not; a NULL callback
 *   is accepted (nothing then calls back);
 * - a setter accepts its callback and never calls it: the event cannot happen on the local engine
 *   until the function behind it is implemented (or ever, for the cloud's). */
#ifndef TIMCONV_NOT_HERE_H_
#define TIMCONV_NOT_HERE_H_

#include <stddef.h>

#include "TIMCloud.h"

/* Submits the answer: a task answered 7013 with why (a static string), on the worker thread. */
int not_here_answer(const char *api, const char *why, TIMCommCallback cb, const void *user_data);

/* The descriptions, following the function's name: what it is, or what it would need. */
#define NOT_YET(feature) " is local (" feature ") but not implemented by the local engine yet: it answers 7013 until it is"
#define CLOUD(needs) " needs Tencent's cloud (" needs "): the local engine answers 7013"

/* A call answering 7013 through `callback` (the parameter its answer goes to; the others are not
 * read, hence -Wunused-parameter off in the files using these). */
#define NOT_HERE_CALL(name, params, callback, why) \
    int name params { return not_here_answer(#name, #name why, callback, user_data); }

/* The same for a call with an invitation id out-parameter (the vendor's buffer of 128 bytes, or
 * NULL): it is left empty, no invitation having been made. */
#define NOT_HERE_CALL_ID(name, params, buffer, why)          \
    int name params {                                        \
        if (buffer != NULL) buffer[0] = '\0';                \
        return not_here_answer(#name, #name why, cb, user_data); \
    }

/* A setter accepting a callback it never calls; why says why the event does not happen here (read
 * by tests/test_vendor_abi.py, which holds docs/vendor.md's table to it). */
#define NOT_HERE_SETTER(name, callback_type, why) \
    void name(callback_type cb, const void *user_data) { (void)cb, (void)user_data; }

#pragma GCC diagnostic ignored "-Wunused-parameter"

#endif  /* TIMCONV_NOT_HERE_H_ */
