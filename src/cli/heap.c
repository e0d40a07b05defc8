/*
 * heap.c
 *		The command-line twin's malloc policy.
 *
 * eval analyses text after text, each in an arena freed when the text is
 * done.  By default glibc gives the top of the heap back to the kernel as
 * soon as 128 kB of it is free, and serves every block of 128 kB or more
 * with its own mmap: each text then shrinks the heap, or unmaps its larger
 * arrays, and the next one faults the same pages in again, zero-filled by
 * the kernel.  Over short texts that was a tenth of the run's time.  So up
 * to TRIM_KEEP of free heap is kept for the next text, and only blocks of
 * MMAP_FROM or more get their own mapping: those are the arrays of one
 * huge document, and they still go back to the kernel when freed, so the
 * peak memory of such a document hardly moves (875 MB against 869 MB for
 * one of 100 MB).
 *
 * The backend never calls this: there the memory contexts of PostgreSQL
 * hold the memory.
 */
#include "cli.h"				/* stdio.h first: it defines __GLIBC__ */

#ifdef __GLIBC__
#include <malloc.h>
#endif

#define TRIM_KEEP	(64 * 1024 * 1024)
#define MMAP_FROM	(4 * 1024 * 1024)

void
cli_heap_policy(void)
{
#ifdef __GLIBC__
	/* either call failing leaves glibc's default: slower, never wrong */
	(void) mallopt(M_TRIM_THRESHOLD, TRIM_KEEP);
	(void) mallopt(M_MMAP_THRESHOLD, MMAP_FROM);
#endif
}
