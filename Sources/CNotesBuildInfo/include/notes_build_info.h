#ifndef NOTES_BUILD_INFO_H
#define NOTES_BUILD_INFO_H

/* The git commit notes was built from (`NOTES_BUILD_COMMIT` at build time, see Package.swift), or "unknown". */
const char *notes_build_commit(void);

#endif
