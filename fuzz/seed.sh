#!/bin/sh
# Seeds the fuzz corpora (fuzz/corpus/<target>/, not committed) from the repository's
# real inputs: content/, tests/fixtures/, tests/invalid/, tests/accepted/, the judged
# queries of tests/search/, and the inputs kept in tests/fuzz-regressions/. Files over
# 64 KB are left out (libFuzzer mutates inputs of a few KB). Run from anywhere:
#
#     fuzz/seed.sh
#
# Each target's first bytes choose what its harness does (see fuzz/src/): the kind of a
# directory file, the language of a Markdown body, the language, kinds and limit of a
# search. Re-running adds nothing twice (names are content hashes).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
corpus="$root/fuzz/corpus"
mkdir -p "$corpus/front_matter" "$corpus/directory_yaml" "$corpus/markdown" "$corpus/search_query"

# Writes stdin to $corpus/$1/<sha1 of the content>.
put() {
    tmp=$(mktemp)
    cat > "$tmp"
    sum=$(sha1sum "$tmp" | cut -c1-16)
    mv "$tmp" "$corpus/$1/$sum"
}

sources="$root/content $root/tests/fixtures $root/tests/invalid $root/tests/accepted"

# Markdown files: whole for front_matter; the body after the front matter, behind a
# language byte (0 es, 1 el, 2 en), for markdown.
find $sources -name '*.md' -size -64k -type f | sort | while read -r f; do
    put front_matter < "$f"
    case "$f" in
        *.el.md) lang='\001' ;;
        *.en.md) lang='\002' ;;
        *) lang='\000' ;;
    esac
    { printf "$lang"; awk 'n >= 2 { print } /^---\r?$/ { n++ }' "$f"; } | put markdown
done

# Directory files behind the byte of their kind, in the order of puerta's Kind::ALL.
i=0
for kind in organizations services locations seminars cities networks partnerships holidays; do
    byte=$(printf '\\%03o' "$i")
    find $sources -path "*/content/directory/$kind/*" -size -64k -type f | sort | while read -r f; do
        { printf "$byte"; cat "$f"; } | put directory_yaml
    done
    i=$((i + 1))
done

# Judged queries: typed text (mode 0 es, 1 el, 2 en; every kind; limit 10), and the
# same as the JSON request of the browser runtime (modes 3, 4, 5).
i=0
for lang in es el en; do
    typed=$(printf '\\%03o' "$i")
    json=$(printf '\\%03o' $((i + 3)))
    grep -v '^#' "$root/tests/search/$lang.tsv" | cut -f1 | while read -r q; do
        [ -n "$q" ] || continue
        { printf "$typed\000\012"; printf '%s' "$q"; } | put search_query
        { printf "$json\000\012"; printf '{"q":"%s","kinds":["article"],"limit":5}' "$q"; } | put search_query
    done
    i=$((i + 1))
done

# The inputs that once broke a target are the best seeds of all.
for dir in "$root"/tests/fuzz-regressions/*/; do
    target=$(basename "$dir")
    [ -d "$corpus/$target" ] || continue
    for f in "$dir"*; do
        [ -f "$f" ] && put "$target" < "$f"
    done
done

for dir in "$corpus"/*/; do
    echo "$(basename "$dir"): $(ls "$dir" | wc -l) inputs"
done
