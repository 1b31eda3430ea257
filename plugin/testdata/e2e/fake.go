package e2e

// The test binary also registers perflintfake, an analyzer of the test's own
// that reports calls to the function its -word flag names (fakeTarget by
// default) and suggests calling fakeFixed instead. It proves the plugin's
// plumbing whatever the suite holds.

func fakeTarget() {}

func fakeFixed() {}

func fakeOther() {}

func useFake() {
	fakeTarget() // e2e: perflintfake
	fakeTarget() //nolint:perflintfake // e2e corpus
	fakeOther()
	fakeFixed()
}
