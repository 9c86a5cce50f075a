#ifndef C_PROCESS_SUPPORT_H
#define C_PROCESS_SUPPORT_H
#include <spawn.h>

/// posix_spawn_file_actions_addchdir_np, which Swift's Glibc module does not expose.
int mc_spawn_file_actions_addchdir(posix_spawn_file_actions_t *actions, const char *path);

/// Closes every descriptor from `lowfd` up in the child (glibc 2.34+; -1 elsewhere).
int mc_spawn_file_actions_addclosefrom(posix_spawn_file_actions_t *actions, int lowfd);

/// memmem(3), which Swift's Glibc module does not expose (it needs _GNU_SOURCE).
#include <stddef.h>
void *mc_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

/// The first offset i in [start, end) where (s[i] | 0x20) == a and (s[i + 1] | 0x20) == b, or -1:
/// where a two-byte ASCII pattern may start in any case (a and b have bit 5 set; the caller checks
/// the candidate). Reads s[start ... end], so the buffer holds at least end + 1 bytes. Sixteen
/// offsets per step where SSE2 is there.
ptrdiff_t mc_next_folded_pair(const unsigned char *s, size_t start, size_t end, unsigned char a, unsigned char b);

/// Like mc_next_folded_pair, the last such offset below `end`, or -1.
ptrdiff_t mc_prev_folded_pair(const unsigned char *s, size_t end, unsigned char a, unsigned char b);

/// malloc_trim(0): returns freed heap pages to the system (glibc; does nothing elsewhere).
void mc_release_free_memory(void);

#endif
