/* auth_guard.c: route_guard until logins exist: every guarded route is refused. */
#include "response.h"
#include "route.h"

int route_guard(struct req *r, unsigned flags)
{
	resp_error(r, 403, "guarded route (flags %u) without login support", flags);
	return -1;
}
