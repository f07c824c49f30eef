#!/bin/sh
# Recalculates xlsx workbooks with LibreOffice headless and writes every sheet as CSV.
#
#   recalc_libreoffice.sh OUTDIR WORKBOOK.xlsx...
#
# LibreOffice does not recalculate xlsx formulas on load by default (it shows the cached
# results): a fresh profile whose registrymodifications.xcu sets OOXMLRecalcMode to 0
# ("always recalculate") forces it. The CSV filter options export all sheets (-1), UTF-8,
# raw values (not as shown), one file per sheet: OUTDIR/<name>-<Sheet>.csv.
# soffice exits 0 even when it fails: the CSV files are checked here.
# Exit 77 when soffice is not installed (the caller skips).
set -eu
out=$1
shift
command -v soffice >/dev/null 2>&1 || { echo "soffice not found: install libreoffice-calc-nogui"; exit 77; }
profile=$(mktemp -d /tmp/lo_profile_XXXXXX)
trap 'rm -rf "$profile"' EXIT
mkdir -p "$profile/user" "$out"
cat > "$profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU
timeout 300 soffice "-env:UserInstallation=file://$profile" --headless --norestore \
    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
    --outdir "$out" "$@" >"$out/soffice.log" 2>&1 || true
for wb in "$@"; do
    base=$(basename "$wb" .xlsx)
    if ! ls "$out/$base"*.csv >/dev/null 2>&1; then
        echo "LibreOffice wrote no CSV for $wb:"
        cat "$out/soffice.log"
        exit 1
    fi
done
