/* Umbrella header of the timconv_nb local engine, as in the vendor SDK. */
#ifndef TIMCONV_TIM_CLOUD_H_
#define TIMCONV_TIM_CLOUD_H_

#include "TIMConversationManager.h"
#include "TIMErrorCode.h"
#include "TIMExperimentalAPI.h"
#include "TIMGroupManager.h"
#include "TIMManager.h"
#include "TIMMessageManager.h"

#endif  /* TIMCONV_TIM_CLOUD_H_ */
