# Sourced by the scripts that rebuild a shipped model (train_*_model.sh).
#
#   source "$root/scripts/model_lib.sh"
#   newsloom=$(newsloom_binary "$root")
#
# newsloom_binary prints the newsloom to run: $NEWSLOOM when set, else the
# release build, brought up to date with the release preset first.
newsloom_binary() {
  local root=$1
  if [[ -n ${NEWSLOOM:-} ]]; then
    echo "$NEWSLOOM"
    return
  fi
  if [[ ! -f $root/build/release/build.ninja ]]; then
    (cd "$root" && cmake --preset release >/dev/null)
  fi
  cmake --build "$root/build/release" -j2 --target newsloom >/dev/null
  echo "$root/build/release/src/cli/newsloom"
}
