/*
 * The bare libgit2 walk that scripts/bench measures notes against: the least work any libgit2 program
 * does to read a history. It walks REV (and, with a second argument, hides HIDE), looks up every commit
 * and writes what `git log --format=%H%x00%an%x00%at%x00%B` writes: id, author name, author time and
 * the raw message. No parsing, grouping or rendering; one thread; libgit2's defaults.
 *
 *     bench-walk REPO REV [HIDE]
 *
 * Built by scripts/bench with `cc -O2 bench-walk.c $(pkg-config --cflags --libs libgit2)` into
 * .build-bench/bench-walk. Exit 1 with a message on stderr when the repository or a revision fails.
 */
#include <git2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void check(int rc, const char *what) {
    if (rc < 0) {
        const git_error *e = git_error_last();
        fprintf(stderr, "bench-walk: %s: %s\n", what, e && e->message ? e->message : "failed");
        exit(1);
    }
}

static void push_rev(git_repository *repo, git_revwalk *walk, const char *rev, int hide) {
    git_object *obj = NULL;
    check(git_revparse_single(&obj, repo, rev), rev);
    git_object *commit = NULL;
    check(git_object_peel(&commit, obj, GIT_OBJECT_COMMIT), rev);
    check(hide ? git_revwalk_hide(walk, git_object_id(commit)) : git_revwalk_push(walk, git_object_id(commit)),
          rev);
    git_object_free(commit);
    git_object_free(obj);
}

int main(int argc, char **argv) {
    if (argc < 3 || argc > 4) {
        fprintf(stderr, "usage: bench-walk REPO REV [HIDE]\n");
        return 2;
    }
    git_libgit2_init();
    git_repository *repo = NULL;
    check(git_repository_open(&repo, argv[1]), argv[1]);
    git_revwalk *walk = NULL;
    check(git_revwalk_new(&walk, repo), "revwalk");
    push_rev(repo, walk, argv[2], 0);
    if (argc == 4) push_rev(repo, walk, argv[3], 1);

    static char buf[1 << 16];
    setvbuf(stdout, buf, _IOFBF, sizeof buf);
    git_oid oid;
    char hex[GIT_OID_HEXSZ + 1];
    unsigned long count = 0;
    while (git_revwalk_next(&oid, walk) == 0) {
        git_commit *commit = NULL;
        check(git_commit_lookup(&commit, repo, &oid), "commit");
        const git_signature *author = git_commit_author(commit);
        git_oid_tostr(hex, sizeof hex, &oid);
        printf("%s%c%s%c%lld%c%s\n", hex, 0, author->name, 0, (long long)author->when.time, 0,
               git_commit_message(commit));
        git_commit_free(commit);
        count++;
    }
    fflush(stdout);
    git_revwalk_free(walk);
    git_repository_free(repo);
    git_libgit2_shutdown();
    return count > 0 ? 0 : 1;
}
