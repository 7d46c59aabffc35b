package serve

import (
	"testing"
)

// BenchmarkValidateRoundTrip is the live check of one typed value on the
// largest example: apply the page's edit to the text in memory, parse,
// validate and place the findings — what the page waits for as the user
// types (issue 20 asks for under 100 ms). Measure with
// go test ./assemble/serve -run XXX -bench ValidateRoundTrip -benchmem
func BenchmarkValidateRoundTrip(b *testing.B) {
	t := &testing.T{}
	a := start(t, "invented-kestermoor-2025.toml")
	f := a.s.files[0]
	_, hash, err := f.read()
	if err != nil {
		b.Fatal(err)
	}
	req := validateRequest{Base: hash, Values: map[string]string{"partners[0].delegate.name": "Pat Newman", "partnership.date": "2025-13-01"}}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		resp, err := a.s.liveCheck(f, req)
		if err != nil || len(resp.Problems) != 1 {
			b.Fatalf("%v %+v", err, resp.Problems)
		}
	}
}
