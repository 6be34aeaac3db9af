/*
 * The portable binary's glibc floor (README "Installing", scripts/dist/build).
 *
 * The portable binary is linked on Debian 12 (glibc 2.36), and a dynamic symbol takes the version of the
 * glibc it was linked against. Four symbols asked for a glibc newer than 2.34, although notes needs nothing
 * they add:
 *   arc4random@GLIBC_2.36            Foundation's random numbers (glibc added the arc4random family in 2.36)
 *   hypot@GLIBC_2.35, hypotf@...2.35 Foundation; glibc 2.35 gave them a new version (a faster, errno-only
 *                                    implementation)
 *   _dl_find_object@GLIBC_2.35       the static C++ unwinder (libgcc_eh, GCC 12), to find a frame's unwind
 *                                    table when toml++ throws a parse error
 * scripts/dist/build links with -Xlinker --wrap=SYMBOL for each, so the binary's references go to the
 * __wrap_ functions below, which use only what glibc 2.34 and older have: getrandom(2) (2.25), hypotl
 * (2.2.5 on x86_64, 2.17 on aarch64), dl_iterate_phdr (2.2.4). Other builds do not wrap the
 * symbols and never call these functions. scripts/test-dist fails when the binary asks for more than the
 * floor the README states. Linux with glibc only; elsewhere this file is empty.
 */
#if defined(__linux__)
#define _GNU_SOURCE
#include <features.h>
#endif

#if defined(__linux__) && defined(__GLIBC__)
#include <dlfcn.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <link.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

/* --- arc4random, arc4random_buf, arc4random_uniform (glibc 2.36's API) from getrandom(2) ------------- */

/* Fills buffer with size bytes from the kernel's CSPRNG; /dev/urandom when the kernel has no getrandom
   (before Linux 3.17). Like glibc's own arc4random, it aborts when no randomness can be had at all: a
   caller of arc4random has no way to receive an error. */
static void notes_random_bytes(void *buffer, size_t size) {
    unsigned char *bytes = buffer;
    while (size > 0) {
        ssize_t got = getrandom(bytes, size, 0);
        if (got > 0) {
            bytes += got;
            size -= (size_t)got;
        } else if (got < 0 && errno == EINTR) {
            continue;
        } else if (got < 0 && errno == ENOSYS) {
            int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
            if (fd < 0) abort();
            while (size > 0) {
                ssize_t n = read(fd, bytes, size);
                if (n > 0) {
                    bytes += n;
                    size -= (size_t)n;
                } else if (!(n < 0 && errno == EINTR)) {
                    abort();
                }
            }
            close(fd);
        } else {
            abort();
        }
    }
}

static uint32_t notes_random_uniform(uint32_t upper_bound) {
    if (upper_bound < 2) return 0;
    /* Reject the values below 2^32 mod upper_bound, so every remainder is equally likely. */
    uint32_t minimum = (uint32_t)(-upper_bound) % upper_bound;
    for (;;) {
        uint32_t value;
        notes_random_bytes(&value, sizeof value);
        if (value >= minimum) return value % upper_bound;
    }
}

uint32_t __wrap_arc4random(void);
uint32_t __wrap_arc4random(void) {
    uint32_t value;
    notes_random_bytes(&value, sizeof value);
    return value;
}

void __wrap_arc4random_buf(void *buffer, size_t size);
void __wrap_arc4random_buf(void *buffer, size_t size) {
    notes_random_bytes(buffer, size);
}

uint32_t __wrap_arc4random_uniform(uint32_t upper_bound);
uint32_t __wrap_arc4random_uniform(uint32_t upper_bound) {
    return notes_random_uniform(upper_bound);
}

/* --- hypot, hypotf: through hypotl, which glibc never re-versioned ------------------------------------ */

/* Not through the old hypot@GLIBC_2.2.5 by .symver: gold (the Swift toolchain's linker) applies --wrap=hypot
   to that versioned reference too, and the wrapper would call itself. hypotl (2.2.5 on x86_64, 2.17 on
   aarch64) has a wider format than double and float, so the result, rounded once more, is within glibc's
   own hypot error bound; infinities and NaNs follow hypotl's (IEEE) rules. */
#include <math.h>

double __wrap_hypot(double x, double y);
double __wrap_hypot(double x, double y) { return (double)hypotl(x, y); }

float __wrap_hypotf(float x, float y);
float __wrap_hypotf(float x, float y) { return (float)hypotl(x, y); }

/* --- _dl_find_object, from dl_iterate_phdr ------------------------------------------------------------ */

/* What the unwinder reads (libgcc's unwind-dw2-fde-dip.c, GCC 12): the return value, dlfo_eh_frame (the
   object's PT_GNU_EH_FRAME segment, the .eh_frame_hdr) and, where the struct has it, dlfo_eh_dbase. The map
   range is the object's loaded segments; dlfo_link_map stays NULL (the unwinder does not read it, and
   finding it needs dladdr1, which is newer than the floor). */
struct notes_find_state {
    uintptr_t address;
    struct dl_find_object *result;
    int found;
};

static int notes_find_callback(struct dl_phdr_info *info, size_t size, void *data) {
    (void)size;
    struct notes_find_state *state = data;
    uintptr_t start = UINTPTR_MAX, end = 0;
    int inside = 0;
    const void *eh_frame = NULL;
    for (ElfW(Half) i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *segment = &info->dlpi_phdr[i];
        uintptr_t from = (uintptr_t)info->dlpi_addr + segment->p_vaddr;
        if (segment->p_type == PT_LOAD) {
            uintptr_t to = from + segment->p_memsz;
            if (from < start) start = from;
            if (to > end) end = to;
            if (state->address >= from && state->address < to) inside = 1;
        } else if (segment->p_type == PT_GNU_EH_FRAME) {
            eh_frame = (const void *)from;
        }
    }
    if (!inside) return 0;
    memset(state->result, 0, sizeof *state->result);
    state->result->dlfo_map_start = (void *)start;
    state->result->dlfo_map_end = (void *)end;
    state->result->dlfo_eh_frame = (void *)eh_frame;
#if DLFO_STRUCT_HAS_EH_DBASE
    state->result->dlfo_eh_dbase = NULL;
#endif
    state->found = 1;
    return 1;
}

static int notes_find_object(void *address, struct dl_find_object *result) {
    struct notes_find_state state = { (uintptr_t)address, result, 0 };
    dl_iterate_phdr(notes_find_callback, &state);
    return state.found ? 0 : -1;
}

int __wrap__dl_find_object(void *address, struct dl_find_object *result);
int __wrap__dl_find_object(void *address, struct dl_find_object *result) {
    return notes_find_object(address, result);
}

#endif /* __linux__ && __GLIBC__ */
