greet() {
  echo "hello from multi-stage, built $BUILT_AT"
}
