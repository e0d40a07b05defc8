/*
 * version.c
 *		What newsclaims() reports as its version: the extension, the ICU it
 *		runs with (the one loaded, not the one compiled against) and a
 *		checksum of the compiled-in lexicons.
 */
#include <stdio.h>

#include <unicode/uversion.h>

#include "nc_version.h"
#include "lexicon_data.h"

void
nc_version_format(char *buf, size_t size)
{
	UVersionInfo v;
	char		icu[U_MAX_VERSION_STRING_LENGTH];

	u_getVersion(v);
	u_versionToString(v, icu);
	snprintf(buf, size, "newsclaims %s, ICU %s, lexicons %s",
			 NC_EXTVERSION, icu, nc_lexicon_version);
}
