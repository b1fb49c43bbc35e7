// Only the reentrant API: every call takes a context, so each task owns its own.
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>
