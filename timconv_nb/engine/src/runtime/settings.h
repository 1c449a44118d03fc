/* The settings TIMInit fixes: app id, data root, secret key, log file. Written only while no
 * worker runs (TIMInit, TIMUninit, with the engine lock held), so the worker reads them without
 * a lock. */
#ifndef TIMCONV_SETTINGS_H_
#define TIMCONV_SETTINGS_H_

#include <stdint.h>

/* Parses the SdkConfig JSON (NULL or "": defaults) and fixes the settings: TIM_SUCC, or
 * TIM_ERR_JSON / TIM_ERR_PARAM with nothing fixed. */
int settings_configure(uint64_t app_id, const char *json_sdk_config);

/* Forgets them (closing the log file). */
void settings_release(void);

#endif  /* TIMCONV_SETTINGS_H_ */
