# test/lib.sh -- shared by test/run-all and test/demo (sourced, POSIX sh).
#
# Installs the Debian packages the project needs, builds and installs the
# extension.  Every function returns non-zero on failure and leaves its log
# in $NC_LOGDIR so the caller decides how to report it.

NC_PG_VERSION=15
NC_PACKAGES="postgresql-$NC_PG_VERSION postgresql-server-dev-$NC_PG_VERSION libicu-dev libcmocka-dev make gcc clang python3 libclang-rt-14-dev valgrind"
: "${NC_LOGDIR:=$(mktemp -d "${TMPDIR:-/tmp}/newsclaims-test.XXXXXX")}"
export NC_LOGDIR

# Use the server version's own pg_config even when another major version
# is installed too (pg_virtualenv -v 15 does the same inside the cluster).
if [ -z "${PG_CONFIG:-}" ] && [ -x /usr/lib/postgresql/$NC_PG_VERSION/bin/pg_config ]; then
	PG_CONFIG=/usr/lib/postgresql/$NC_PG_VERSION/bin/pg_config
fi
: "${PG_CONFIG:=pg_config}"
export PG_CONFIG

nc_say() {
	printf '%s\n' "== $*"
}

# Run a command as root: directly when we are root, through sudo otherwise.
nc_as_root() {
	if [ "$(id -u)" = 0 ]; then
		"$@"
	elif command -v sudo >/dev/null 2>&1; then
		sudo -n true 2>/dev/null || nc_say "sudo may ask for your password to run: $*"
		sudo "$@"
	else
		echo "error: need root (or sudo) to run: $*" >&2
		return 1
	fi
}

# Install whichever of $NC_PACKAGES are missing; apt-get update only then.
nc_install_packages() {
	missing=
	for p in $NC_PACKAGES; do
		st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null) || st=
		case $st in
			*"install ok installed"*) ;;
			*) missing="$missing $p" ;;
		esac
	done
	if [ -z "$missing" ]; then
		nc_say "packages: all present"
		return 0
	fi
	nc_say "packages: installing$missing"
	if ! command -v apt-get >/dev/null 2>&1; then
		echo "error: apt-get not found; install by hand:$missing" >&2
		return 1
	fi
	# shellcheck disable=SC2086
	nc_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q \
		>"$NC_LOGDIR/apt.log" 2>&1 &&
	nc_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		--no-install-recommends $missing >>"$NC_LOGDIR/apt.log" 2>&1
	rc=$?
	if [ $rc -ne 0 ]; then
		echo "error: package installation failed; tail of $NC_LOGDIR/apt.log:" >&2
		tail -40 "$NC_LOGDIR/apt.log" >&2
	fi
	return $rc
}

# Build from clean with -Werror; any compiler warning (e.g. from the clang
# bitcode pass, which -Werror does not reach) fails the build too.
nc_build() {
	make -s clean >/dev/null 2>&1
	if ! make PG_CONFIG="$PG_CONFIG" NC_WERROR=-Werror >"$NC_LOGDIR/build.log" 2>&1; then
		echo "error: build failed; tail of the build log:" >&2
		tail -60 "$NC_LOGDIR/build.log" >&2
		return 1
	fi
	if grep -q 'warning:' "$NC_LOGDIR/build.log"; then
		echo "error: the build printed warnings:" >&2
		grep -A3 'warning:' "$NC_LOGDIR/build.log" | head -60 >&2
		return 1
	fi
	if [ ! -f newsclaims.so ] || [ ! -x bin/newsclaims ]; then
		echo "error: build did not produce newsclaims.so and bin/newsclaims" >&2
		return 1
	fi
	return 0
}

# make install, as root (sudo when not root).
nc_install() {
	if ! nc_as_root make PG_CONFIG="$PG_CONFIG" install >"$NC_LOGDIR/install.log" 2>&1; then
		echo "error: make install failed:" >&2
		tail -40 "$NC_LOGDIR/install.log" >&2
		return 1
	fi
	return 0
}

# Run a command in a throwaway PostgreSQL cluster.  -t keeps the cluster in a
# temporary directory even as root, so a leftover 15/regress cluster from an
# interrupted run can never block us.  Extra pg_virtualenv options first,
# then "--", then the command.
nc_virtualenv() {
	opts=
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do
		opts="$opts $1"
		shift
	done
	[ "${1:-}" = "--" ] && shift
	# shellcheck disable=SC2086
	pg_virtualenv -t -v "$NC_PG_VERSION" $opts "$@"
}
