#ifndef NOTES_CGIT2_SHIM_H
#define NOTES_CGIT2_SHIM_H
#include <git2.h>

/* git_libgit2_opts is variadic and cannot be called from Swift. */
static inline int notes_git_set_owner_validation(int enabled) {
    return git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, enabled);
}
static inline int notes_git_set_search_path_none(int level) {
    return git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, "");
}
/* Per-type object cache limit in bytes; 0 keeps objects of that type out of the cache. */
static inline int notes_git_set_cache_object_limit(git_object_t type, size_t bytes) {
    return git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, (int)type, bytes);
}
/* Whether every object read is hashed again to check its id (libgit2's default: on; git does not). */
static inline int notes_git_set_strict_hash_verification(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}
#endif
