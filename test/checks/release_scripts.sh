#!/bin/sh
# Released extension scripts are never edited: every script listed in
# test/released-scripts.sha256 still has its checksum, the default version
# has an install or upgrade path from every release, and the Makefile ships
# every script.  When a release is made, add its script's line:
#   sha256sum newsclaims--0.2.sql newsclaims--0.1--0.2.sql >> test/released-scripts.sha256
cd "${NC_ROOT:-.}" || exit 2
while read -r sum file; do
	if [ ! -f "$file" ]; then
		echo "not ok release_scripts $file # released script is missing"
	elif [ "$(sha256sum "$file" | cut -d' ' -f1)" = "$sum" ]; then
		echo "ok release_scripts $file unchanged"
	else
		echo "not ok release_scripts $file # released script was edited: ship the change as an upgrade script instead"
	fi
done <test/released-scripts.sha256
dflt=$(sed -n "s/^default_version *= *'\(.*\)'.*/\1/p" newsclaims.control)
if [ -f "newsclaims--$dflt.sql" ] || ls newsclaims--*--"$dflt".sql >/dev/null 2>&1; then
	echo "ok release_scripts default version $dflt has a script"
else
	echo "not ok release_scripts default version $dflt # no newsclaims--$dflt.sql nor an upgrade script to it"
fi
# every script is installed by make install
shipped=$(make -s -f Makefile -f - show-data <<'MK' 2>/dev/null
show-data: ; @echo $(DATA)
MK
)
missing=
for f in newsclaims--*.sql; do
	case " $shipped " in *" $f "*) ;; *) missing="$missing $f" ;; esac
done
if [ -z "$missing" ]; then
	echo "ok release_scripts make install ships every script"
else
	echo "not ok release_scripts make install does not ship:$missing"
fi
