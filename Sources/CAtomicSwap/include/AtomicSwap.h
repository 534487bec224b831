#ifndef ATOMIC_SWAP_H
#define ATOMIC_SWAP_H

/// Atomically exchanges two paths on the same file system (Linux renameat2
/// with RENAME_EXCHANGE). Returns 0, or -1 with errno set; errno is ENOSYS or
/// EINVAL where the kernel or file system cannot exchange.
int portal_exchange_paths(const char *a, const char *b);

#endif
