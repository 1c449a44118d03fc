/* The functions of TIMExperimentalAPI.h the local engine does not implement (yet), in the vendor's order: one
 * line each (api/not_here.h says what they answer, and why each). */
#include "api/not_here.h"

NOT_HERE_SETTER(TIMSetExperimentalNotifyCallback, TIMExperimentalNotifyCallback, CLOUD("the experimental notifications of Tencent's SDK and servers, which its headers do not document"))
