#!/bin/sh
# The upload step of the CI workflows: turns the CI's secrets into the files npm run deploy reads,
# then uploads dist/ to every target in DEPLOY_TARGETS.
set -eu

if [ -z "${DEPLOY_TARGETS:-}" ]; then
  echo "没有设置 DEPLOY_TARGETS：网站已构建，不上传。"
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ -n "${SSH_PRIVATE_KEY:-}" ]; then
  printf '%s\n' "$SSH_PRIVATE_KEY" > "$work/key"
  chmod 600 "$work/key"
  export DEPLOY_SSH_KEY="$work/key"
fi
if [ -n "${SSH_HOST_KEY:-}" ]; then
  printf '%s\n' "$SSH_HOST_KEY" > "$work/known_hosts"
  export DEPLOY_SSH_KNOWN_HOSTS="$work/known_hosts"
fi

# Targets other than s3:// are uploaded with rsync over SSH.
if printf '%s\n' $DEPLOY_TARGETS | grep -qv '^s3://' && ! command -v rsync >/dev/null; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq rsync openssh-client >/dev/null
  else
    echo "✖ 上传要用 rsync，但运行器上没有 rsync：请换用装有 rsync 的镜像" >&2
    exit 1
  fi
fi

npm run deploy -- --dir dist
