#!/usr/bin/env bash
# Finishes the jpackage app image for Linux (called by `./mvnw -Pbundle package`):
# adds the desktop entry and a top-level `leaderlab` link, packs one tar.gz, then
# unpacks that archive outside the checkout and starts it with no JDK on PATH and
# no JAVA_HOME, so a broken image fails the build instead of a classroom.
#
#   finish-image.sh TARGET_DIR VERSION
set -euo pipefail
target="$1"
version="$2"
image="$target/bundle/leaderlab"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

mkdir -p "$image/share/applications"
cp "$here/leaderlab.desktop" "$image/share/applications/leaderlab.desktop"
# `leaderlab` at the top of the unpacked folder and in bin/ (add either to PATH).
ln -sfn bin/leaderlab "$image/leaderlab"

archive="$target/leaderlab-$version-linux-$(uname -m).tar.gz"
tar -czf "$archive" -C "$target/bundle" leaderlab
echo "leaderlab bundle: $archive ($(du -h "$archive" | cut -f1))"

check="$(mktemp -d)"
trap 'rm -rf "$check"' EXIT
tar -xzf "$archive" -C "$check"
# A clean environment: PATH is an empty directory (no java, no JDK tools), no JAVA_HOME.
mkdir "$check/empty-path"
if env -i PATH="$check/empty-path" /bin/sh -c 'command -v java' >/dev/null; then
  echo "leaderlab bundle: java is still on the check's PATH" >&2
  exit 1
fi
out="$(cd "$check" && env -i HOME="$check" PATH="$check/empty-path" ./leaderlab/bin/leaderlab --no-gui --seed 1 \
  -e "create topic t --partitions 1" -e "describe t")"
if ! grep -q "Topic: t" <<<"$out"; then
  echo "leaderlab bundle: the unpacked image did not start:" >&2
  echo "$out" >&2
  exit 1
fi
echo "leaderlab bundle: the unpacked image starts with no JDK on PATH and no JAVA_HOME"

# --kafka from the bundle: the Kafka nodes are child JVMs of the bundle's own runtime (lib/runtime/bin/java,
# kept by jlink) on the app's classpath. One controller and one broker, started, used and stopped, in the
# same clean environment; afterwards nothing may still run from the unpacked image.
started=$(date +%s)
out="$(cd "$check" && env -i HOME="$check" PATH="$check/empty-path" ./leaderlab/bin/leaderlab --kafka \
  --brokers 1 --controllers 1 -e "create topic k --partitions 1" -e "describe k" 2>&1)" || true
if ! grep -q "Topic: k" <<<"$out"; then
  echo "leaderlab bundle: the unpacked image did not run real Kafka (--kafka):" >&2
  echo "$out" >&2
  exit 1
fi
leftover=""
for cmdline in /proc/[0-9]*/cmdline; do
  command="$({ tr '\0' ' ' <"$cmdline"; } 2>/dev/null)" || continue
  if [[ "$command" == *"$check/leaderlab/"* ]]; then
    leftover+="${cmdline%/cmdline}: $command"$'\n'
  fi
done
if [[ -n "$leftover" ]]; then
  echo "leaderlab bundle: processes of the unpacked image outlived it:" >&2
  echo "$leftover" >&2
  exit 1
fi
echo "leaderlab bundle: the unpacked image runs real Kafka (--kafka) in $(($(date +%s) - started)) s and leaves nothing running"
