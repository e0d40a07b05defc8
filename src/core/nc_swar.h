/*
 * nc_swar.h
 *		Eight bytes at a time, for the scans that skip plain text: paragraph
 *		lines, sentence terminators, JSON escapes.  Each tests a machine word
 *		of text for the bytes it stops at.
 *
 * A byte equal to c is a zero byte of w ^ (c * ONES), found by the usual
 * (x - ONES) & ~x & HIGHS.  A borrow can mark a byte above a real match but
 * never one below, so "no mark" is exact, and so is the lowest mark.
 *
 * With SSE2 (part of x86-64) the longer scans first go 32 and 16 bytes a
 * step (nc_sse_skip), and the words are left for the last few bytes.
 */
#ifndef NC_SWAR_H
#define NC_SWAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

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

#ifdef __SSE2__
/*
 * Move *i to the first byte of s[*i, len) that mark16 marks (the high bit of
 * its lane set in what it returns for the 16 bytes loaded), while at least
 * 16 bytes are left: 32 a step while that many are (one test answers for
 * both halves), then 16.  True with *i at the marked byte; false with *i
 * where fewer than 16 bytes are left, for the caller to go on from there.
 * mark16 is a constant of the inlined caller, so the call is direct.
 */
static inline bool
nc_sse_skip(const unsigned char *s, uint32_t *i, uint32_t len,
			__m128i (*mark16) (__m128i v))
{
	uint32_t	j = *i;

	while (len - j >= 32)
	{
		__m128i		a = mark16(_mm_loadu_si128((const __m128i *) (s + j))),
					b = mark16(_mm_loadu_si128((const __m128i *) (s + j + 16)));

		if (_mm_movemask_epi8(_mm_or_si128(a, b)) != 0)
		{
			*i = j + (uint32_t) __builtin_ctz((unsigned) _mm_movemask_epi8(a) |
											  (unsigned) _mm_movemask_epi8(b) << 16);
			return true;
		}
		j += 32;
	}
	if (len - j >= 16)
	{
		unsigned	m = (unsigned) _mm_movemask_epi8(mark16(_mm_loadu_si128((const __m128i *) (s + j))));

		if (m != 0)
		{
			*i = j + (uint32_t) __builtin_ctz(m);
			return true;
		}
		j += 16;
	}
	*i = j;
	return false;
}
#endif

#endif							/* NC_SWAR_H */
