/*
 * env.c
 *		Status messages and the growable-array helper every extractor uses.
 */
#include <string.h>

#include "nc_env.h"

const char *
nc_status_message(NcStatus status)
{
	switch (status)
	{
		case NC_OK:
			return "success";
		case NC_ENOMEM:
			return "out of memory";
		case NC_ECANCEL:
			return "canceled";
		case NC_ETOOBIG:
			return "text too large to analyse";
		case NC_EINTERNAL:
			return "internal error";
	}
	return "unknown error";
}

bool
nc_reserve_grow(const NcEnv *env, void **array, uint32_t *capacity,
				uint32_t need, size_t elsize)
{
	size_t		newcap;
	void	   *p;

	/* (nc_reserve has seen that the array lacks room) */
	newcap = *capacity ? (size_t) *capacity : 64;
	while (newcap < need)
		newcap *= 2;
	if (newcap > UINT32_MAX)
		newcap = UINT32_MAX;
	if (newcap < need || newcap > SIZE_MAX / elsize)
		return false;
	if (*array == NULL)
		p = env->alloc(env->ctx, newcap * elsize);
	else
		p = env->grow(env->ctx, *array, newcap * elsize);
	if (p == NULL)
		return false;
	*array = p;
	*capacity = (uint32_t) newcap;
	return true;
}
