/*
 * nc_version.h
 *		Version reporting.  NC_EXTVERSION comes from the Makefile's
 *		EXTVERSION, so the library, the CLI and the control file agree.
 */
#ifndef NC_VERSION_H
#define NC_VERSION_H

#include <stddef.h>

#ifndef NC_EXTVERSION
#error "NC_EXTVERSION must be defined by the build"
#endif

/* "newsclaims 0.1, ICU 72.1, lexicons 1234abcd" into buf */
extern void nc_version_format(char *buf, size_t size);

#endif							/* NC_VERSION_H */
