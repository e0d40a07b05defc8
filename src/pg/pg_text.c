/*
 * pg_text.c
 *		Server encodings in, SQL positions and values out.
 *
 * The core reads UTF-8.  In a UTF8 database the text goes in as it is.  In
 * SQL_ASCII it must already be UTF-8 (we check, since such databases hold
 * anything) and positions count bytes, as substr() there does.  In any other
 * encoding the text is converted, and since every such conversion maps one
 * character to one code point (but for a few JIS-2004 characters, handled
 * with a map), code point positions are the original's character positions.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/rangetypes.h"
#include "utils/typcache.h"

#include "nc_chars.h"
#include "nc_pg.h"

/* Code points in s[0..len) of UTF-8. */
static int32
count_code_points(const char *s, size_t len)
{
	int32		n = 0;

	for (size_t i = 0; i < len; i++)
		if (((unsigned char) s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/* Map code point offsets to character offsets when they differ. */
static int32 *
build_cp_map(const char *orig, int origlen, int32 ncp)
{
	int32	   *map = palloc_extended(sizeof(int32) * ((Size) ncp + 1), MCXT_ALLOC_HUGE);
	int32		cp = 0,
				ch = 0;
	int			i = 0;

	while (i < origlen && cp <= ncp)
	{
		int			l = pg_mblen(orig + i);
		char	   *u = pg_server_to_any(orig + i, l, PG_UTF8);
		int32		k = count_code_points(u, strlen(u));

		for (int32 j = 0; j < k && cp < ncp; j++)
			map[cp++] = ch;
		ch++;
		i += l;
	}
	while (cp <= ncp)
		map[cp++] = ch;
	return map;
}

void
nc_pg_prepare_input(text *body, NcPgInput *in)
{
	const char *data = VARDATA_ANY(body);
	int			len = VARSIZE_ANY_EXHDR(body);
	int			enc = GetDatabaseEncoding();

	memset(in, 0, sizeof(NcPgInput));
	in->utf8 = data;
	in->len = len;
	/* one type cache lookup per call, not one per span */
	in->range_tc = lookup_type_cache(INT4RANGEOID, TYPECACHE_RANGE_INFO);

	if (enc == PG_UTF8)
		return;
	if (enc == PG_SQL_ASCII)
	{
		int			valid = pg_encoding_verifymbstr(PG_UTF8, data, len);

		if (valid != len)
			ereport(ERROR,
					(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
					 errmsg("text is not valid UTF-8"),
					 errdetail("The byte at position %d is not part of a valid UTF-8 character; in a SQL_ASCII database newsclaims reads text as UTF-8.",
							   valid + 1)));
		in->byte_positions = true;
		return;
	}
	in->convert_out = true;
	if (len == 0)
		return;
	in->utf8 = pg_server_to_any(data, len, PG_UTF8);
	/* NUL-terminated when converted; unchanged (ASCII-safe) otherwise */
	in->len = (in->utf8 == data) ? (size_t) len : strlen(in->utf8);
	{
		int32		ncp = count_code_points(in->utf8, in->len);

		if (ncp != pg_mbstrlen_with_len(data, len))
			in->cp_to_char = build_cp_map(data, len, ncp);
	}
}

int32
nc_pg_position(const NcPgInput *in, uint32_t byte_off, uint32_t cp_off)
{
	if (in->byte_positions)
		return (int32) byte_off + 1;
	if (in->cp_to_char)
		return in->cp_to_char[cp_off] + 1;
	return (int32) cp_off + 1;
}

Datum
nc_pg_text(const NcPgInput *in, uint32_t start, uint32_t end)
{
	const char *p = in->utf8 + start;
	int			len = (int) (end - start);

	if (in->convert_out && len > 0)
	{
		char	   *s = pg_any_to_server(p, len, PG_UTF8);

		if (s != p)
			return PointerGetDatum(cstring_to_text(s));
	}
	return PointerGetDatum(cstring_to_text_with_len(p, len));
}

Datum
nc_pg_span(const NcPgInput *in, uint32_t bstart, uint32_t bend,
		   uint32_t cstart, uint32_t cend)
{
	TypeCacheEntry *typcache = in->range_tc;
	RangeBound	lower,
				upper;

	lower.val = Int32GetDatum(nc_pg_position(in, bstart, cstart));
	lower.infinite = false;
	lower.inclusive = true;
	lower.lower = true;
	upper.val = Int32GetDatum(nc_pg_position(in, bend, cend));
	upper.infinite = false;
	upper.inclusive = false;
	upper.lower = false;
	return RangeTypePGetDatum(make_range(typcache, &lower, &upper, false));
}
