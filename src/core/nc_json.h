/*
 * nc_json.h
 *		A growable byte buffer and JSON text writing, shared by the CLI and
 *		the backend's analyze() so that both print the same document.
 */
#ifndef NC_JSON_H
#define NC_JSON_H

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
extern void nc_buf_append(NcBuf *buf, const char *s, size_t len);
extern void nc_buf_puts(NcBuf *buf, const char *s);
extern void nc_buf_int(NcBuf *buf, long long v);
/* A JSON string literal of s[0..len), escaped; invalid UTF-8 becomes U+FFFD. */
extern void nc_json_string(NcBuf *buf, const char *s, size_t len);
/* "key": prefix, with a comma first unless *first */
extern void nc_json_key(NcBuf *buf, const char *key, bool *first);

#endif							/* NC_JSON_H */
