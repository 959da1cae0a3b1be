#!/usr/bin/env bash
# Adds every public symbol the PublicApiAnalyzers report as undeclared (RS0016) to the project's
# PublicAPI.Unshipped.txt, sorted. Review the diff: it is the public API change.
# Usage: eng/update-public-api.sh [project-or-solution]   (default: the solution)
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:-Subscriptions.sln}"
log=$(mktemp)
dotnet build "$target" --no-incremental -p:TreatWarningsAsErrors=false -p:WarningsAsErrors= -clp:NoSummary >"$log" 2>&1 || true
python3 - "$log" <<'PY'
import re, sys, collections, os
adds = collections.defaultdict(set)
for line in open(sys.argv[1], encoding='utf-8', errors='replace'):
    m = re.search(r"warning RS0016: Symbol '(.*)' is not part of the declared public API.*\[(.*\.csproj)", line)
    if m:
        adds[os.path.dirname(m.group(2))].add(m.group(1))
for proj, syms in adds.items():
    path = os.path.join(proj, 'PublicAPI.Unshipped.txt')
    lines = [l.rstrip('\n') for l in open(path, encoding='utf-8')] if os.path.exists(path) else ['#nullable enable']
    body = sorted(set(l for l in lines[1:] if l.strip()) | syms)
    open(path, 'w', encoding='utf-8').write('\n'.join(['#nullable enable'] + body) + '\n')
    print(f"{path}: +{len(syms)}")
PY
grep -E "(error|warning) [A-Z]+[0-9]+" "$log" | grep -v RS0016 | sed 's/ \[.*//' | sort -u || true
rm -f "$log"
