package bodydrain

// NewAnalyzer builds an analyzer whose Close-drains threshold is from, so
// that the go ≥ 1.27 side can be tested on this machine's older toolchain.
var NewAnalyzer = newAnalyzer
