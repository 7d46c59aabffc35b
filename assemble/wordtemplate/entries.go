package wordtemplate

import (
	"bytes"
	"fmt"
	"io"
	"sync"
)

// copiedEntries holds the entries of a template's package that callers
// asked for through Entry, inflated once for every rendering.
type copiedEntries struct {
	mu       sync.Mutex
	m        map[string][]byte
	inflated int64 // for maxAllBytes, apart from what parsing counted
}

// Entries lists the names of the entries of the template's package in
// archive order: the entries, and the order, of every rendering's package
// (before RenderOptions.Finish adds any).
func (t *Template) Entries() []string {
	out := make([]string, len(t.pkg.files))
	for i, f := range t.pkg.files {
		out[i] = f.Name
	}
	return out
}

// Entry returns one entry of the template's package inflated, as a
// rendering copies it when neither the engine nor RenderOptions.Finish
// changes it; ok is false when the package has no such entry. The entry is
// inflated once, within the per-part and total limits, and shared by every
// caller: the bytes must not be changed. It is safe for concurrent use.
func (t *Template) Entry(name string) (b []byte, ok bool, err error) {
	c := &t.copied
	c.mu.Lock()
	defer c.mu.Unlock()
	if b, ok := c.m[name]; ok {
		return b, true, nil
	}
	for _, f := range t.pkg.files {
		if f.Name != name {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, true, fmt.Errorf("%s: entry %s cannot be read: %v", t.name, name, err)
		}
		defer rc.Close()
		buf := bytes.NewBuffer(make([]byte, 0, min(f.UncompressedSize64, maxPartBytes)+512))
		n, err := io.Copy(buf, io.LimitReader(rc, maxPartBytes+1))
		if err != nil {
			return nil, true, fmt.Errorf("%s: entry %s cannot be read: %v", t.name, name, err)
		}
		if n > maxPartBytes {
			return nil, true, fmt.Errorf("%s: entry %s inflates past the %d MiB limit per part", t.name, name, maxPartBytes>>20)
		}
		if c.inflated += n; c.inflated > maxAllBytes {
			return nil, true, fmt.Errorf("%s: entry %s takes the entries read past %d MiB in all", t.name, name, maxAllBytes>>20)
		}
		if c.m == nil {
			c.m = map[string][]byte{}
		}
		c.m[name] = buf.Bytes()
		return buf.Bytes(), true, nil
	}
	return nil, false, nil
}
