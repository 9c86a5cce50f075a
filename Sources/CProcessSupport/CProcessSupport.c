#define _GNU_SOURCE
#include "CProcessSupport.h"
#include <string.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

void mc_release_free_memory(void) {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

void *mc_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length) {
    return memmem(haystack, haystack_length, needle, needle_length);
}

int mc_spawn_file_actions_addchdir(posix_spawn_file_actions_t *actions, const char *path) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 29))
    return posix_spawn_file_actions_addchdir_np(actions, path);
#elif defined(__APPLE__)
    return posix_spawn_file_actions_addchdir_np(actions, path);
#else
    (void)actions; (void)path;
    return -1;
#endif
}

int mc_spawn_file_actions_addclosefrom(posix_spawn_file_actions_t *actions, int lowfd) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
    return posix_spawn_file_actions_addclosefrom_np(actions, lowfd);
#else
    (void)actions; (void)lowfd;
    return -1;
#endif
}

static inline int mc_folded_pair_at(const unsigned char *s, size_t i, unsigned char a, unsigned char b) {
    return (s[i] | 0x20) == a && (s[i + 1] | 0x20) == b;
}

#if defined(__SSE2__)
/// Bit k set when offset p + k holds the pair (16 offsets; reads p[0 ... 16]).
static inline unsigned mc_folded_pair_mask(const unsigned char *p, __m128i a, __m128i b) {
    const __m128i fold = _mm_set1_epi8(0x20);
    __m128i here = _mm_or_si128(_mm_loadu_si128((const __m128i *)p), fold);
    __m128i next = _mm_or_si128(_mm_loadu_si128((const __m128i *)(p + 1)), fold);
    return (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(here, a), _mm_cmpeq_epi8(next, b)));
}
#endif

ptrdiff_t mc_next_folded_pair(const unsigned char *s, size_t start, size_t end, unsigned char a, unsigned char b) {
    size_t i = start;
#if defined(__SSE2__)
    const __m128i va = _mm_set1_epi8((char)a), vb = _mm_set1_epi8((char)b);
    for (; i + 16 <= end; i += 16) {
        unsigned mask = mc_folded_pair_mask(s + i, va, vb);
        if (mask) return (ptrdiff_t)(i + (size_t)__builtin_ctz(mask));
    }
#endif
    for (; i < end; i++) {
        if (mc_folded_pair_at(s, i, a, b)) return (ptrdiff_t)i;
    }
    return -1;
}

ptrdiff_t mc_prev_folded_pair(const unsigned char *s, size_t end, unsigned char a, unsigned char b) {
    size_t i = end;
#if defined(__SSE2__)
    const __m128i va = _mm_set1_epi8((char)a), vb = _mm_set1_epi8((char)b);
    for (; i >= 16; i -= 16) {
        unsigned mask = mc_folded_pair_mask(s + i - 16, va, vb);
        if (mask) return (ptrdiff_t)(i - 16 + (size_t)(31 - __builtin_clz(mask)));
    }
#endif
    while (i > 0) {
        i--;
        if (mc_folded_pair_at(s, i, a, b)) return (ptrdiff_t)i;
    }
    return -1;
}
