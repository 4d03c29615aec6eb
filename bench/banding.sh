#!/usr/bin/env bash
# Compare two checkouts on the same machine in one run, alternating, so that the machine's
# speed between sessions does not enter the ratio. Usage:
#   bench/banding.sh OLD_TREE NEW_TREE > bench/out/banding.txt
# Each tree needs a .venv (a symlink to one is fine) and, for quick_compute, the generated files
# bench/out/kota_benchmark.csv and bench/out/evaluasi_1x_program_kegiatan.csv.
set -euo pipefail
lama=$(cd "$1" && pwd); baru=$(cd "$2" && pwd)
jalankan() {  # tree, label, script args...
  local tree=$1 label=$2; shift 2
  echo "### $label ($(git -C "$tree" rev-parse --short HEAD))"
  (cd "$tree" && .venv/bin/python "$@" 2>&1 | grep -v '^Task \|hostname was supplied')
}
echo "# banding $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "## engine: load 40 plans x 2 years, compute 400 tables (quick_compute; first call imports)"
for tree in "$lama" "$baru"; do jalankan "$tree" warm-up bench/quick_compute.py >/dev/null; done
for ulang in 1 2; do
  jalankan "$lama" "old #$ulang" bench/quick_compute.py
  jalankan "$baru" "new #$ulang" bench/quick_compute.py
done
echo "## pages and a cell save (bench_halaman, PostgreSQL)"
jalankan "$lama" old bench/bench_halaman.py
jalankan "$baru" new bench/bench_halaman.py
echo "## import_plan, 98,541 rows (bench_import, SQLite)"
jalankan "$lama" old bench/bench_import.py --db sqlite
jalankan "$baru" new bench/bench_import.py --db sqlite
