/* yyjson as the listing decoder (timconv_nb/engine/columns) compiles it: its reader of standard
 * JSON only, no writer, no JSON Pointer or Patch. yyjson/README.md says where it comes from.
 *
 * The one place these options are written: every build of the decoder compiles this file. */

#define YYJSON_DISABLE_WRITER 1
#define YYJSON_DISABLE_UTILS 1
#define YYJSON_DISABLE_NON_STANDARD 1

#include "yyjson/yyjson.c"
