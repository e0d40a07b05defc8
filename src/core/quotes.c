/*
 * quotes.c
 *		The quote extractor's driver: pair the marks (quotes_pairing.c),
 *		drop titles, names and bare terms (quotes_filter.c), attribute
 *		(quotes_attrib.c, quotes_speaker.c), then hand back the quotes.
 */
#include "quotes_internal.h"

NcStatus
nc_quotes_extract(const NcEnv *env, const NcDoc *doc, const NcEntities *ents,
				  NcQuotes *out)
{
	QCtx		cx;
	NcStatus	st;
	int32_t    *newidx;
	uint32_t	n = 0;

	out->quotes = NULL;
	out->nquote = 0;
	memset(&cx, 0, sizeof(cx));
	cx.env = env;
	cx.doc = doc;
	cx.ents = ents;
	cx.prev_ent = -1;
	if (doc->ntok == 0)
		return NC_OK;
	if (nc_should_stop(env))
		return NC_ECANCEL;
	if ((st = nc_q_pair(&cx)) != NC_OK)
		return st;
	if (cx.n == 0)
		return NC_OK;
	cx.cls = nc_alloc(env, doc->ntok);
	if (cx.cls == NULL)
		return NC_ENOMEM;
	memset(cx.cls, QCLS_UNKNOWN, doc->ntok);
	if ((st = nc_q_filter(&cx)) != NC_OK ||
		(st = nc_q_attribute(&cx)) != NC_OK)
		return st;
	if (cx.n == 0)
		return NC_OK;

	/* drop what is no quote, renumbering what continues what */
	newidx = nc_alloc(env, sizeof(int32_t) * cx.n);
	if (newidx == NULL)
		return NC_ENOMEM;
	for (uint32_t k = 0; k < cx.n; k++)
	{
		if (cx.sp[k].drop)
		{
			newidx[k] = -1;
			continue;
		}
		newidx[k] = (int32_t) n;
		cx.q[n] = cx.q[k];
		if (cx.q[n].continues >= 0)
			cx.q[n].continues = newidx[cx.q[n].continues];
		n++;
	}
	out->quotes = cx.q;
	out->nquote = n;
	return NC_OK;
}

int32_t
nc_quotes_at(const NcQuotes *quotes, uint32_t tok)
{
	uint32_t	lo = 0,
				hi = quotes->nquote;

	/* the last quote whose opening mark is at or before tok */
	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;

		if (quotes->quotes[mid].tok_first <= tok + 1)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return -1;
	lo--;
	/*
	 * The opening mark or a quoted token.  The closing mark is not told
	 * apart here: without the document, tok_end may as well be the first
	 * token of the next paragraph after an unclosed quote.
	 */
	if (tok + 1 >= quotes->quotes[lo].tok_first && tok < quotes->quotes[lo].tok_end)
		return (int32_t) lo;
	return -1;
}
