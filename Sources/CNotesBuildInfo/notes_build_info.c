#include "notes_build_info.h"

/* Package.swift defines NOTES_BUILD_COMMIT for this file only when the build's environment sets it
   (`make dist` does), so a plain `swift build` needs no git and says "unknown". */
#ifndef NOTES_BUILD_COMMIT
#define NOTES_BUILD_COMMIT "unknown"
#endif

const char *notes_build_commit(void) {
    return NOTES_BUILD_COMMIT;
}
