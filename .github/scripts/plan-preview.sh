#!/usr/bin/env bash
# Validates and plans every environment a pull request changes, against its recorded
# snapshot, writing <env>.md (the comment section) and <env>.plan.json into OUT_DIR.
# Usage: plan-preview.sh BASE_SHA OUT_DIR   (TANDEM: the command to run, default `tandem`)
# Environment names come from the pull request's paths: only plain names are used.
set -euo pipefail
base="$1"
out="$2"
read -r -a tandem <<<"${TANDEM:-tandem}"
mkdir -p "$out"
status=0

mapfile -t envs < <(git diff --name-only "$base" HEAD -- environments/ | awk -F/ 'NF >= 3 { print $2 }' | sort -u)
if [ "${#envs[@]}" -eq 0 ]; then
  echo "no environment changed"
  exit 0
fi

for env in "${envs[@]}"; do
  if ! [[ "$env" =~ ^[A-Za-z0-9][A-Za-z0-9._-]*$ ]]; then
    echo "skipping environment with an unusable name" >&2
    continue
  fi
  dir="environments/$env"
  md="$out/$env.md"
  if [ ! -d "$dir" ]; then
    printf '<!-- tandem-plan -->\n### `%s` removed\n\nThe pull request removes this environment; reconcile will stop at its last revision (an empty desired state never prunes a node).\n' "$env" >"$md"
    continue
  fi
  observed=()
  [ -d "$dir/observed" ] && observed=(--observed "$dir/observed")
  set +e
  "${tandem[@]}" plan "$dir" --base "$base" --head HEAD "${observed[@]}" --format markdown >"$md" 2>"$out/$env.err"
  code=$?
  set -e
  case "$code" in
    0 | 2 | 3)
      "${tandem[@]}" plan "$dir" --base "$base" --head HEAD "${observed[@]}" --format json --out "$out/$env.plan.json" >/dev/null 2>&1 || true
      ;;
    *)
      # Invalid or not plannable: the comment shows tandem's diagnostics instead.
      {
        printf '<!-- tandem-plan -->\n### :x: `%s` is not valid\n\n```\n' "$env"
        head -c 20000 "$out/$env.err"
        printf '\n```\n'
      } >"$md"
      ;;
  esac
  echo "$env: plan exit code $code"
  # Invalid (1) or refused (3) fails the check, after the comment material is written.
  if [ "$code" = 1 ] || [ "$code" = 3 ] || [ "$code" -gt 3 ]; then status=1; fi
done
exit "$status"
