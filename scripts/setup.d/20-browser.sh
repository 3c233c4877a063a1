# Sourced by ./test: headless Chromium for the HTML report tests.
need chromium chromium
