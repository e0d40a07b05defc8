/*
 * nc_swar.h
 *		Eight bytes at a time, for the scans that skip plain text: paragraph
 *		lines, sentence terminators, JSON escapes.  Each tests a machine word
 *		of text for the bytes it stops at.
 *
 * A byte equal to c is a zero byte of w ^ (c * ONES), found by the usual
 * (x - ONES) & ~x & HIGHS.  A borrow can mark a byte above a real match but
 * never one below, so "no mark" is exact, and so is the lowest mark.
 */
#ifndef NC_SWAR_H
#define NC_SWAR_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define NC_SWAR_ONES	UINT64_C(0x0101010101010101)
#define NC_SWAR_HIGHS	UINT64_C(0x8080808080808080)

/* the 8 bytes at p as one word */
static inline uint64_t
nc_swar_load(const void *p)
{
	uint64_t	w;

	memcpy(&w, p, sizeof(w));
	return w;
}

/* marks (high bits) of the bytes of w equal to c */
static inline uint64_t
nc_swar_eq(uint64_t w, unsigned char c)
{
	uint64_t	x = w ^ (NC_SWAR_ONES * c);

	return (x - NC_SWAR_ONES) & ~x & NC_SWAR_HIGHS;
}

/* marks of the bytes of w below c (c at most 0x80) */
static inline uint64_t
nc_swar_below(uint64_t w, unsigned char c)
{
	return (w - NC_SWAR_ONES * c) & ~w & NC_SWAR_HIGHS;
}

/* marks of the bytes of w that are not ASCII */
static inline uint64_t
nc_swar_high(uint64_t w)
{
	return w & NC_SWAR_HIGHS;
}

/*
 * Where a scan that reached position i stops, given the marks m (not 0) of
 * the word there: the lowest marked byte when the byte order tells which
 * that is, else i itself (the caller goes on byte by byte from there).
 */
static inline size_t
nc_swar_stop(size_t i, uint64_t m)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	return i + (size_t) (__builtin_ctzll(m) >> 3);
#else
	(void) m;
	return i;
#endif
}

#endif							/* NC_SWAR_H */
