#!/usr/bin/env bash
# Drives the search page of the test portal in headless Chromium and checks what a reader
# gets: queries typed without diacritics find the Vietnamese text, phrases, filters, highlights,
# and a document by its số ký hiệu typed loosely; then the documents list's filters.
#
#   scripts/search-check.sh
#
# Needs Debian's chromium (installed when missing) and python3 for a loopback server.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/need.sh
need_program chromium
WORK=$(mktemp -d "${TMPDIR:-/tmp}/portal-search.XXXXXX")
. scripts/lib/loopback.sh
trap 'stop_loopback; rm -rf "$WORK"' EXIT
./scripts/setup.sh
swift run -q build-site --source Tests/Fixtures/portal --output "$WORK/public" --quiet  # the test portal
start_loopback "$WORK/public"

failures=0
# look PATH_AND_QUERY FROM UNTIL "text the part must contain" ["text it must not contain"]: the
# page's DOM after its scripts ran, from the marker FROM to UNTIL (not the sidebar).
look() {
  local dom part
  dom=$(chromium --headless --no-sandbox --disable-gpu --virtual-time-budget=5000 --dump-dom \
    "http://127.0.0.1:$PORT/$1" 2>/dev/null)
  part=${dom#*"$2"}
  part=${part%%"$3"*}
  if [[ "$part" != *"$4"* ]]; then
    echo "search-check: /$1: expected “$4”" >&2
    failures=$((failures + 1))
  elif [ -n "${5:-}" ] && [[ "$part" == *"$5"* ]]; then
    echo "search-check: /$1: did not expect “$5”" >&2
    failures=$((failures + 1))
  else
    echo "search-check: /$1: ok"
  fi
}
# expect QUERY_STRING "text the results must contain" ["text they must not contain"]
expect() { look "tim-kiem/?$1" 'id="search-status"' '</ol>' "$2" "${3:-}"; }
# expect_documents QUERY_STRING "text the documents list must contain" ["text it must not contain"]
expect_documents() { look "van-ban/?$1" 'id="documents-count"' '</table>' "$2" "${3:-}"; }
expect "q=thi+dua" "Cụm <mark>thi</mark> <mark>đua</mark> 5 huyện Biên giới"
expect "q=ha+lang" "<mark>Hạ</mark> <mark>Lang</mark>"
expect "q=DONG" "miền <mark>Đông</mark>"
expect "q=%22nong+thon+moi%22" "Tìm thấy 3 kết quả" "Biên giới"
expect "q=thi+dua&year=2020" "Tìm thấy 2 kết quả"  # the 2020 news and the 2020 document
expect "q=vinh+quang" "Tìm thấy 1 kết quả"  # deep in one article's body, past its snippet
expect "q=xyzabc" "Không tìm thấy kết quả nào"
# A document by its number as it is written, without Đ, in lower case, with spaces for the signs.
expect "q=30%2FKH-UBND" "<mark>30</mark>/<mark>KH</mark>-<mark>UBND</mark></a>"
expect "q=30+kh+ubnd" "Kế hoạch số <mark>30</mark>/<mark>KH</mark>-<mark>UBND</mark></a>"
# The document itself first, then the one whose body names it.
expect "q=45%2Fkh-ubnd" 'Tìm thấy 2 kết quả cho “45/kh-ubnd”.</p>
<ol id="search-results" class="search-results"><li class="search-result"><h2><a href="/van-ban/45-kh-ubnd-2019/">'

# …and by words of its trích yếu, shown as the result's snippet.
expect "q=phong+trao+yeu+nuoc+nam+2020" "Tổ chức <mark>phong</mark> <mark>trào</mark> thi đua <mark>yêu</mark>"

expect_documents "nam=2020" "1 văn bản phù hợp (trong 2 văn bản)" "45/KH-UBND"
expect_documents "loai=ke-hoach&nam=2019" ">45/KH-UBND</a>" "30/KH-UBND"
expect_documents "linh_vuc=thi-dua-khen-thuong" "status-con-hieu-luc\">Còn hiệu lực" "45/KH-UBND"
expect_documents "nam=2019&linh_vuc=thi-dua-khen-thuong" "Không có văn bản nào phù hợp"
expect_documents "" "2 văn bản. Tình trạng hiệu lực tính đến ngày"
[ "$failures" = 0 ] || { echo "search-check: $failures failure(s)" >&2; exit 1; }
echo "search-check: all queries behaved"
