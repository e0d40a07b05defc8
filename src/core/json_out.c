/*
 * json_out.c
 *		JSON text output into an arena-backed buffer.
 *
 * Written for throughput: one capacity check per piece, integers without
 * printf, strings copied in runs between the bytes that need escaping, and
 * keys (plain identifiers) copied with their quotes and colon in one go.
 */
#include <string.h>

#include "nc_chars.h"
#include "nc_json.h"
#include "nc_swar.h"

void
nc_buf_init(NcBuf *buf, const NcEnv *env)
{
	buf->env = env;
	buf->data = NULL;
	buf->len = 0;
	buf->cap = 0;
	buf->failed = false;
	buf->flush = NULL;
	buf->flush_ctx = NULL;
}

/* Mark buf failed, with no room left, so that the inline appends stop. */
static bool
buf_fail(NcBuf *buf)
{
	buf->failed = true;
	buf->cap = buf->len;
	return false;
}

/*
 * Make room for `more` bytes and the terminating NUL; false (and the buffer
 * marked failed) when that is impossible.
 */
static inline bool
buf_room(NcBuf *buf, size_t more)
{
	if (buf->failed)
		return false;
	if (buf->data != NULL && more < (size_t) buf->cap - buf->len)
		return true;
	if (buf->flush != NULL && buf->len > 0 && buf->len + more >= NC_BUF_FLUSH_AT)
	{
		if (!buf->flush(buf->flush_ctx, buf->data, buf->len))
			return buf_fail(buf);
		buf->len = 0;
		buf->data[0] = '\0';
		if (more < (size_t) buf->cap)
			return true;
	}
	if (more >= UINT32_MAX - buf->len ||
		!nc_reserve(buf->env, (void **) &buf->data, &buf->cap,
					(uint32_t) (buf->len + more + 1), 1))
		return buf_fail(buf);
	return true;
}

void
nc_buf_append_slow(NcBuf *buf, const char *s, size_t len)
{
	if (!buf_room(buf, len))
		return;
	memcpy(buf->data + buf->len, s, len);
	buf->len += (uint32_t) len;
	buf->data[buf->len] = '\0';
}

/*
 * Room for `more` bytes beyond the contents, asked for once by a writer
 * that can tell how much it will write, so that the buffer does not grow
 * (and copy itself) step by step.
 */
void
nc_buf_reserve(NcBuf *buf, size_t more)
{
	(void) buf_room(buf, more);
}

char *
nc_buf_room_slow(NcBuf *buf, size_t more)
{
	return buf_room(buf, more) ? buf->data + buf->len : NULL;
}

/* "00" .. "99": integers are written two digits per division */
static const char digit_pairs[] =
	"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	"8081828384858687888990919293949596979899";

/* The digits of v, ending at end: returns where they start. */
static inline char *
int_digits(char *end, long long v)
{
	char	   *p = end;
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long) v : (unsigned long long) v;

	while (u >= 100)
	{
		p -= 2;
		memcpy(p, digit_pairs + 2 * (u % 100), 2);
		u /= 100;
	}
	if (u >= 10)
	{
		p -= 2;
		memcpy(p, digit_pairs + 2 * u, 2);
	}
	else
		*--p = (char) ('0' + u);
	if (v < 0)
		*--p = '-';
	return p;
}

char *
nc_json_int_at_slow(char *p, long long v)
{
	char		tmp[24];
	char	   *start = int_digits(tmp + sizeof(tmp), v);
	size_t		n = (size_t) (tmp + sizeof(tmp) - start);

	memcpy(p, start, n);
	return p + n;
}

void
nc_buf_int(NcBuf *buf, long long v)
{
	char	   *p = nc_buf_room(buf, NC_JSON_INT_ROOM);

	if (p != NULL)
		nc_buf_commit(buf, nc_json_int_at(p, v));
}

/*
 * What a byte needs in a JSON string: 0 copy as is, 1 a two-character
 * escape, 2 a \u00XX escape, 3 the start of a multi-byte sequence (decoded
 * to find invalid UTF-8).
 */
static const unsigned char json_byte[256] = {
	2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 2, 2, 1, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
};

/* Index of the first byte at or after i that needs a look, or len. */
static inline size_t
json_skip_plain(const unsigned char *u, size_t i, size_t len)
{
	while (len - i >= 8)
	{
		uint64_t	m = nc_json_special8(nc_swar_load(u + i));

		if (m != 0)
		{
			i = nc_swar_stop(i, m);
			break;
		}
		i += 8;
	}
	while (i < len && json_byte[u[i]] == 0)
		i++;
	return i;
}

/* The escaped literal of s[0..len) from i, its first byte to look at. */
static void json_string_from(NcBuf *buf, const char *s, size_t len, size_t i);

/*
 * Most strings (names, words) need no escape: they are copied between
 * their quotes as they are tested, in one piece.
 */
void
nc_json_string(NcBuf *buf, const char *s, size_t len)
{
	char	   *p = nc_buf_room(buf, len + 2);

	if (p == NULL)
		return;
	p[0] = '"';
	if (nc_json_copy_plain(p + 1, s, len))
	{
		p[len + 1] = '"';
		nc_buf_commit(buf, p + len + 2);
	}
	else
		json_string_from(buf, s, len, json_skip_plain((const unsigned char *) s, 0, len));
}

static void
json_string_from(NcBuf *buf, const char *s, size_t len, size_t i)
{
	const unsigned char *u = (const unsigned char *) s;
	size_t		run = 0;			/* start of bytes not yet copied */

	nc_buf_append(buf, "\"", 1);
	for (;; i = json_skip_plain(u, i, len))
	{
		unsigned char c;
		char		tmp[8];
		size_t		esclen;

		if (i >= len)
			break;
		c = u[i];
		switch (json_byte[c])
		{
			case 0:
				i++;
				continue;
			case 3:
				{
					uint32_t	cp;
					uint32_t	n = nc_u8_decode(u, (uint32_t) len, (uint32_t) i, &cp);

					if (cp == 0xFFFD && n == 1)
					{
						nc_buf_append(buf, s + run, i - run);
						nc_buf_append(buf, "\xEF\xBF\xBD", 3);
						run = i + 1;
					}
					i += n;
					continue;
				}
			case 1:
				tmp[0] = '\\';
				tmp[1] = c == '"' ? '"' : c == '\\' ? '\\' :
					c == '\n' ? 'n' : c == '\r' ? 'r' : 't';
				esclen = 2;
				break;
			default:
				{
					static const char hex[] = "0123456789abcdef";

					memcpy(tmp, "\\u00", 4);
					tmp[4] = hex[c >> 4];
					tmp[5] = hex[c & 15];
					esclen = 6;
					break;
				}
		}
		nc_buf_append(buf, s + run, i - run);
		nc_buf_append(buf, tmp, esclen);
		run = ++i;
	}
	nc_buf_append(buf, s + run, len - run);
	nc_buf_append(buf, "\"", 1);
}

void
nc_json_key(NcBuf *buf, const char *key, bool *first)
{
	size_t		klen = strlen(key);
	bool		plain = true;

	for (size_t i = 0; i < klen; i++)
		if (json_byte[(unsigned char) key[i]] != 0)
			plain = false;
	if (plain && klen < 64)
	{
		/* ,"key": in one piece */
		char		tmp[68];
		size_t		n = 0;

		if (!*first)
			tmp[n++] = ',';
		tmp[n++] = '"';
		memcpy(tmp + n, key, klen);
		n += klen;
		tmp[n++] = '"';
		tmp[n++] = ':';
		*first = false;
		nc_buf_append(buf, tmp, n);
		return;
	}
	if (!*first)
		nc_buf_append(buf, ",", 1);
	*first = false;
	nc_json_string(buf, key, klen);
	nc_buf_append(buf, ":", 1);
}
