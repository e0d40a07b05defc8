/*
 * nc_json.h
 *		A growable byte buffer and JSON text writing, shared by the CLI and
 *		the backend's analyze() so that both print the same document.
 */
#ifndef NC_JSON_H
#define NC_JSON_H

#include <string.h>

#include "nc_env.h"
#include "nc_swar.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

typedef struct NcBuf
{
	const NcEnv *env;
	char	   *data;
	uint32_t	len;
	uint32_t	cap;			/* cap - len is the room left: none while
								 * data is NULL or once failed, which the
								 * inline appends need not test apart */
	bool		failed;			/* an allocation failed: contents incomplete */
	/*
	 * Optional (NULL after nc_buf_init): a writer that takes the contents
	 * whenever they pass NC_BUF_FLUSH_AT bytes, so that a long document is
	 * streamed out instead of held whole.  It returns false on failure,
	 * which marks the buffer failed.
	 */
	bool		(*flush) (void *ctx, const char *data, size_t len);
	void	   *flush_ctx;
} NcBuf;

#define NC_BUF_FLUSH_AT (1u << 20)

extern void nc_buf_init(NcBuf *buf, const NcEnv *env);
/* nc_buf_append when the buffer must grow, flush or has failed */
extern void nc_buf_append_slow(NcBuf *buf, const char *s, size_t len);
extern void nc_buf_int(NcBuf *buf, long long v);
/* make room for `more` bytes at once (a hint: appends grow the buffer anyway) */
extern void nc_buf_reserve(NcBuf *buf, size_t more);

/*
 * Append s[0..len), keeping the contents NUL-terminated.  Inline while the
 * buffer has room: a JSON document is mostly short constant pieces, for
 * which the copy is then a few moves.
 */
static inline void
nc_buf_append(NcBuf *buf, const char *s, size_t len)
{
	if (len < (size_t) buf->cap - buf->len)
	{
		memcpy(buf->data + buf->len, s, len);
		buf->len += (uint32_t) len;
		buf->data[buf->len] = '\0';
		return;
	}
	nc_buf_append_slow(buf, s, len);
}

static inline void
nc_buf_puts(NcBuf *buf, const char *s)
{
	nc_buf_append(buf, s, strlen(s));
}
/* A JSON string literal of s[0..len), escaped; invalid UTF-8 becomes U+FFFD. */
extern void nc_json_string(NcBuf *buf, const char *s, size_t len);
/* "key": prefix, with a comma first unless *first */
extern void nc_json_key(NcBuf *buf, const char *key, bool *first);

/*
 * Writing in place, for a writer that knows a bound of what comes next:
 * nc_buf_room makes room for `more` bytes and the NUL after them and says
 * where they go (NULL once the buffer has failed); the caller writes there
 * and nc_buf_commit ends the contents where it stopped.  One room check
 * per piece of several parts, and no copy through a scratch array.
 */
extern char *nc_buf_room_slow(NcBuf *buf, size_t more);

static inline char *
nc_buf_room(NcBuf *buf, size_t more)
{
	if (more < (size_t) buf->cap - buf->len)
		return buf->data + buf->len;
	return nc_buf_room_slow(buf, more);
}

static inline void
nc_buf_commit(NcBuf *buf, char *end)
{
	buf->len = (uint32_t) (end - buf->data);
	*end = '\0';
}

/* Room nc_json_int_at needs at p (it may write past the digits). */
#define NC_JSON_INT_ROOM 24

/*
 * The digits of v written at p: returns their end.  Out of line for what
 * nc_json_int_at's fast path does not take.
 */
extern char *nc_json_int_at_slow(char *p, long long v);

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define NC_JSON_SWAR_DIGITS 1

/*
 * The four digits of u < 10^4, leading zeros included, one per byte
 * (binary 0-9), the first in the lowest byte: worked out at once by
 * multiplications, the hundreds, then the tens of each half.
 */
static inline uint32_t
nc_json_digits4(uint32_t u)
{
	uint32_t	hi = (u * 5243) >> 19;
	uint32_t	hundreds = ((u - 100 * hi) << 16) + hi;
	uint32_t	tens = ((hundreds * 103) >> 10) & UINT32_C(0x000F000F);

	return ((hundreds - 10 * tens) << 8) + tens;
}

/*
 * Eight digits as nc_json_digits4 gives them, stored at p as text shifted
 * past the leading zeros (at most 7: 0 is written "0"); returns their end.
 * No loop and no branch on the number of digits, which changes from one
 * value to the next.
 */
static inline char *
nc_json_put_digits8(char *p, uint64_t digits)
{
	int			zeros = __builtin_ctzll(digits | (UINT64_C(1) << 56)) >> 3;

	digits = (digits | UINT64_C(0x3030303030303030)) >> (8 * zeros);
	memcpy(p, &digits, 8);
	return p + 8 - zeros;
}
#endif

static inline char *
nc_json_int_at(char *p, long long v)
{
#ifdef NC_JSON_SWAR_DIGITS
	/* 0 <= v < 10^8: every position and number analyze writes */
	if ((unsigned long long) v < 100)
	{
		/* two digits (ids, sentences): tens and ones, the tens dropped if 0 */
		uint32_t	u = (uint32_t) v;
		uint32_t	tens = (u * 103) >> 10;
		uint32_t	digits = (tens | ((u - 10 * tens) << 8) | 0x3030) >> (8 * (u < 10));

		memcpy(p, &digits, 2);
		return p + 2 - (u < 10);
	}
	if ((unsigned long long) v < 10000)
	{
		/* four digits (most positions): no division, zeros above them */
		return nc_json_put_digits8(p, (uint64_t) nc_json_digits4((uint32_t) v) << 32);
	}
	if ((unsigned long long) v < 100000000ULL)
	{
		uint32_t	u = (uint32_t) v;

		return nc_json_put_digits8(p, nc_json_digits4(u / 10000) |
								   (uint64_t) nc_json_digits4(u % 10000) << 32);
	}
#endif
	return nc_json_int_at_slow(p, v);
}

/*
 * The bytes of w a JSON string cannot hold as they are (controls, quote,
 * backslash, DEL) or that need a look at their UTF-8 (from 0x80 up).  One
 * mask for all: a byte has its high bit set in w itself (from 0x80 up), in
 * w - 0x20 (controls), in w + 1 (DEL) or in its xor with the quote or the
 * backslash, minus 1.  A carry or borrow starts only at such a byte and
 * marks only bytes above it, so "no mark" and the lowest mark are exact.
 */
static inline uint64_t
nc_json_special8(uint64_t w)
{
	uint64_t	q = w ^ (NC_SWAR_ONES * '"');
	uint64_t	b = w ^ (NC_SWAR_ONES * '\\');

	return (w | (w - NC_SWAR_ONES * 0x20) | (w + NC_SWAR_ONES) |
			(q - NC_SWAR_ONES) | (b - NC_SWAR_ONES)) & NC_SWAR_HIGHS;
}

#ifdef __SSE2__
/*
 * The same for 16 bytes, a byte per lane: v + 1 is below 0x21 as a signed
 * byte from 0x7F to 0x1F (DEL, 0x80 up, controls), and the two compares.
 */
static inline __m128i
nc_json_special16(__m128i v)
{
	__m128i		low = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(1)),
									 _mm_set1_epi8(0x21));

	return _mm_or_si128(low, _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
										  _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
}
#endif

/*
 * Copy s[0..len) to d, testing for those bytes: false when there is one,
 * and what was copied is then to be thrown away.  Words are loaded once for
 * both, the last overlapping the one before, so there is no loop over bytes
 * and no call; short strings take two overlapping halves or three bytes.
 * Inlined whole, whatever the compiler would weigh: the writers call it
 * for nearly every string member, and a call costs about what it does.
 */
#if defined(__GNUC__)
#define NC_JSON_INLINE static inline __attribute__((always_inline))
#else
#define NC_JSON_INLINE static inline
#endif

NC_JSON_INLINE bool
nc_json_copy_plain(char *d, const char *s, size_t len)
{
	uint64_t	w;
	uint64_t	m = 0;

#ifdef __SSE2__
	if (len >= 16)
	{
		/* 16 bytes at a time for the long strings (quotes, claims) */
		__m128i		v,
					acc = _mm_setzero_si128();

		for (size_t i = 0; i + 16 < len; i += 16)
		{
			v = _mm_loadu_si128((const __m128i *) (s + i));
			acc = _mm_or_si128(acc, nc_json_special16(v));
			_mm_storeu_si128((__m128i *) (d + i), v);
		}
		v = _mm_loadu_si128((const __m128i *) (s + len - 16));
		acc = _mm_or_si128(acc, nc_json_special16(v));
		_mm_storeu_si128((__m128i *) (d + len - 16), v);
		return _mm_movemask_epi8(acc) == 0;
	}
#endif
	if (len >= 8)
	{
		for (size_t i = 0; i + 8 < len; i += 8)
		{
			w = nc_swar_load(s + i);
			m |= nc_json_special8(w);
			memcpy(d + i, &w, 8);
		}
		w = nc_swar_load(s + len - 8);
		m |= nc_json_special8(w);
		memcpy(d + len - 8, &w, 8);
	}
	else if (len >= 4)
	{
		uint32_t	a,
					b;

		memcpy(&a, s, 4);
		memcpy(&b, s + len - 4, 4);
		m = nc_json_special8((uint64_t) a | ((uint64_t) b << 32));
		memcpy(d, &a, 4);
		memcpy(d + len - 4, &b, 4);
	}
	else if (len > 0)
	{
		/* first, middle and last cover 1 to 3 bytes; repeated to fill a word */
		uint64_t	a = (unsigned char) s[0],
					b = (unsigned char) s[len >> 1],
					c = (unsigned char) s[len - 1];

		w = a | (b << 8) | (c << 16);
		m = nc_json_special8(w | (w << 24) | (w << 48));
		d[0] = (char) a;
		d[len >> 1] = (char) b;
		d[len - 1] = (char) c;
	}
	return m == 0;
}

#endif							/* NC_JSON_H */
