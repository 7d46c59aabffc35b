package partnership

import (
	"bytes"
	"fmt"
	"os"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"mou/assemble/internal/atomicfile"
)

// A data file must be UTF-8. Windows programs save text in two other ways
// that people meet without choosing them: Notepad's "Unicode" (UTF-16, with
// a byte order mark or NUL bytes between the letters) and "ANSI"
// (Windows-1252, where Word's dashes and curly quotes are single bytes
// such as 0x96 and 0x92 that UTF-8 refuses). Both are recognised here, so
// the message can say what happened and offer `mou fix-encoding`, and the
// text is read as converted, so the rest of the file is still checked.

// textEncoding names how a file's bytes were saved.
type textEncoding struct {
	name    string // "UTF-16" or "Windows-1252"
	decoder encoding.Encoding
	first   int    // line of the first byte UTF-8 refuses (Windows-1252)
	example string // that byte and what it stands for
}

// cp1252Names says what the Windows-1252 bytes people meet stand for.
var cp1252Names = map[byte]string{
	0x91: "‘ (an opening quote)", 0x92: "’ (an apostrophe)", 0x93: "“ (an opening quote)", 0x94: "” (a closing quote)",
	0x96: "– (a dash)", 0x97: "— (a long dash)", 0x85: "… (an ellipsis)", 0xA3: "£ (a pound sign)", 0xA0: "a non-breaking space",
	0xE9: "é", 0x80: "€ (a euro sign)",
}

// detectEncoding reports how b was saved when it is not UTF-8 (ok false
// when it is).
func detectEncoding(b []byte) (textEncoding, bool) {
	switch {
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return textEncoding{name: "UTF-16", decoder: unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)}, true
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return textEncoding{name: "UTF-16", decoder: unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)}, true
	case bytes.IndexByte(b, 0) >= 0:
		// No byte order mark: in UTF-16 text that is mostly plain letters,
		// every other byte is NUL (the letters' high halves), which also
		// says which way round it is. Other bytes with NULs in them are not
		// text at all, and left to the parser's message.
		even, odd := 0, 0
		for i, c := range b {
			if c == 0 {
				if i%2 == 0 {
					even++
				} else {
					odd++
				}
			}
		}
		half := len(b) / 2
		switch {
		case odd*10 >= half*8:
			return textEncoding{name: "UTF-16", decoder: unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)}, true
		case even*10 >= half*8:
			return textEncoding{name: "UTF-16", decoder: unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)}, true
		}
		return textEncoding{}, false
	case !utf8.Valid(b):
		enc := textEncoding{name: "Windows-1252", decoder: charmap.Windows1252}
		for i := 0; i < len(b); {
			r, size := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && size <= 1 {
				enc.first = bytes.Count(b[:i], []byte("\n")) + 1
				enc.example = fmt.Sprintf("0x%02X", b[i])
				if name, ok := cp1252Names[b[i]]; ok {
					enc.example += ", which Windows-1252 reads as " + name
				}
				break
			}
			i += size
		}
		return enc, true
	}
	return textEncoding{}, false
}

// toUTF8 converts b from enc.
func (enc textEncoding) toUTF8(b []byte) ([]byte, error) {
	out, err := enc.decoder.NewDecoder().Bytes(b)
	if err != nil {
		return nil, fmt.Errorf("cannot read it as %s either: %w", enc.name, err)
	}
	return out, nil
}

// encodingFinding is the message for a file not saved as UTF-8.
func encodingFinding(file string, enc textEncoding) Finding {
	// A file in UTF-16 is wrong as a whole: its message is on line 1.
	f := Finding{Severity: Error, Rule: "data.encoding", File: file, Line: max(enc.first, 1),
		Hint: fmt.Sprintf("run `mou fix-encoding %s`: it converts the file to UTF-8 and keeps the original as %s.bak; or, in Notepad, File › Save as, Encoding: UTF-8", file, file)}
	if enc.name == "UTF-16" {
		f.Message = "the file is saved as UTF-16 (Notepad's \"Unicode\"), not UTF-8: mou read it as UTF-16 to check the rest, but will not build from it until it is saved as UTF-8"
	} else {
		f.Message = fmt.Sprintf("the file is saved as Windows-1252 (\"ANSI\"), not UTF-8: line %d has the byte %s; mou read it as Windows-1252 to check the rest, but will not build from it until it is saved as UTF-8", enc.first, enc.example)
	}
	return f
}

// FixEncoding converts a data file saved as UTF-16 or Windows-1252 to
// UTF-8 in place, after copying the original to FILE.bak (never over an
// existing .bak). It returns a sentence saying what it did, or that the
// file was already UTF-8 and nothing was done.
func FixEncoding(path string) (string, error) {
	st, err := statOnce(path)
	if err != nil {
		return "", err
	}
	if err := regular(path, st); err != nil {
		return "", err
	}
	b, over, err := readData(path)
	if err != nil {
		return "", err
	}
	if over != nil {
		return "", fmt.Errorf("%s: %s", path, over.Message)
	}
	enc, ok := detectEncoding(b)
	if !ok {
		if bytes.HasPrefix(b, []byte("\uFEFF")) {
			return fmt.Sprintf("%s is already UTF-8 (with a byte order mark, which mou reads): nothing changed", path), nil
		}
		return fmt.Sprintf("%s is already UTF-8: nothing changed", path), nil
	}
	out, err := enc.toUTF8(b)
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	out = bytes.TrimPrefix(out, []byte("\uFEFF"))
	backup := path + ".bak"
	if _, err := os.Lstat(backup); err == nil {
		return "", fmt.Errorf("%s already exists: move it away (it may be an earlier original) and run `mou fix-encoding %s` again; %s is unchanged", backup, path, path)
	}
	if err := atomicfile.Create(backup, b, st.Mode().Perm()); err != nil {
		return "", fmt.Errorf("cannot keep a copy of %s, so it is unchanged: %w", path, err)
	}
	if err := atomicfile.Write(path, out, st.Mode().Perm()); err != nil {
		return "", fmt.Errorf("cannot write %s (the original is kept as %s): %w", path, backup, err)
	}
	changed := 0
	for _, r := range string(out) {
		if r > 0x7F {
			changed++
		}
	}
	what := fmt.Sprintf("converted %s from %s to UTF-8", path, enc.name)
	if changed > 0 {
		what += fmt.Sprintf(" (%s beyond plain ASCII, such as dashes, curly quotes and £, now stored as UTF-8)", plural(changed, "character"))
	}
	return what + "; the original is kept as " + backup + ": run `mou validate " + path + "` next", nil
}
