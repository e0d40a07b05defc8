/*
 * newsclaims.c
 *		Module entry: the magic block and newsclaims.version().
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"

#include "nc_version.h"

PG_MODULE_MAGIC;

PG_FUNCTION_INFO_V1(newsclaims_version);

Datum
newsclaims_version(PG_FUNCTION_ARGS)
{
	char		buf[128];

	nc_version_format(buf, sizeof(buf));
	PG_RETURN_TEXT_P(cstring_to_text(buf));
}
