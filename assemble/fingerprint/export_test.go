package fingerprint

// For the tests of package fingerprint_test: a code made by an older
// canonical form.
var (
	FromWordsVersion = fromWords
	MainWordsVersion = mainWords
)
