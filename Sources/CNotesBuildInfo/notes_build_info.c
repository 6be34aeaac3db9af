#include "notes_build_info.h"

/* Package.swift defines NOTES_BUILD_COMMIT for this file only when the build's environment sets it
   (`make dist` does), so a plain `swift build` needs no git and says "unknown". */
#ifndef NOTES_BUILD_COMMIT
#define NOTES_BUILD_COMMIT "unknown"
#endif

const char *notes_build_commit(void) {
    return NOTES_BUILD_COMMIT;
}

/* The portable binary links libgit2 1.5 statically with `-Xlinker --wrap=git_mbedtls_stream_global_init`
   (scripts/dist/build), so git_libgit2_init calls this instead: libgit2 would otherwise read and decode the
   system's CA certificate bundle on every start (3 ms, 7% of a draft), for HTTPS transports notes never
   uses: it reads the remote's URL for links and never fetches or pushes through libgit2. Other builds do not
   wrap the symbol, and this function is then never called. */
int __wrap_git_mbedtls_stream_global_init(void);
int __wrap_git_mbedtls_stream_global_init(void) {
    return 0;
}
