/*
 * nc_json.h
 *		A growable byte buffer and JSON text writing, shared by the CLI and
 *		the backend's analyze() so that both print the same document.
 */
#ifndef NC_JSON_H
#define NC_JSON_H

#include <string.h>

#include "nc_env.h"

typedef struct NcBuf
{
	const NcEnv *env;
	char	   *data;
	uint32_t	len;
	uint32_t	cap;
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
	if (buf->data != NULL && !buf->failed && len < (size_t) buf->cap - buf->len)
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
 * The same for a key that needs no escaping, given as the constant
 * ,"key": and its length: nothing is looked at or measured.
 */
static inline void
nc_json_key_lit(NcBuf *buf, const char *lit, size_t len, bool *first)
{
	/* the comma is left out before the first key */
	if (*first)
	{
		*first = false;
		nc_buf_append(buf, lit + 1, len - 1);
	}
	else
		nc_buf_append(buf, lit, len);
}

/*
 * A whole member: nc_json_key_lit's key and its value, an integer (or null)
 * or nc_json_string's literal of s[0..len), appended at once.
 */
extern void nc_json_key_int(NcBuf *buf, const char *lit, size_t len, bool *first, long long v,
							bool isnull);
extern void nc_json_key_string(NcBuf *buf, const char *lit, size_t litlen, bool *first,
							   const char *s, size_t len);

#endif							/* NC_JSON_H */
