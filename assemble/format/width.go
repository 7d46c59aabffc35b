package format

import "strings"

// The default templates set running text in Arial, which LibreOffice draws
// with Liberation Sans: the two share their advance widths, so a width
// worked out here is the width on the page in Word and in LibreOffice.
// Widths are in thousandths of the font size, for the printable ASCII
// characters from the space (32) to the tilde (126).
var arialWidths = [95]int{
	277, 277, 354, 556, 556, 889, 666, 190, 333, 333, 389, 583, 277, 333, 277, 277,
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 277, 277, 583, 583, 583, 556,
	1015, 666, 666, 722, 722, 666, 610, 777, 722, 277, 500, 666, 556, 833, 722, 777,
	666, 777, 722, 666, 610, 722, 666, 943, 666, 666, 610, 277, 277, 277, 469, 556,
	333, 556, 556, 500, 556, 556, 277, 556, 556, 222, 222, 500, 222, 833, 556, 556,
	556, 556, 333, 500, 277, 556, 500, 722, 500, 500, 500, 333, 259, 333, 583,
}

// Widths of the other characters the documents print; any character not
// listed counts as a full em, so an estimate is never too narrow.
var arialOther = map[rune]int{
	'\u00a0': 277, '·': 277, '–': 556, '—': 1000, '‘': 222, '’': 222, '“': 333, '”': 333,
	'…': 1000, '£': 556, '€': 556, 'é': 556, 'è': 556, 'á': 556, 'à': 556, 'â': 556,
	'ç': 500, 'ö': 556, 'ü': 556, 'ñ': 556,
}

// TextWidth is the width in points of s set in Arial (or Liberation Sans)
// at size points, as one line without kerning.
func TextWidth(s string, size float64) float64 {
	total := 0
	for _, r := range s {
		switch w, ok := arialOther[r]; {
		case r >= 32 && r < 127:
			total += arialWidths[r-32]
		case ok:
			total += w
		default:
			total += 1000
		}
	}
	return float64(total) * size / 1000
}

// Fit shortens s to fit on one line of width points at size points: whole
// words are dropped from the end and an ellipsis marks the cut. When not even
// the first word fits, it is cut between letters.
func Fit(s string, width, size float64) string {
	if TextWidth(s, size) <= width {
		return s
	}
	words := strings.Fields(s)
	for n := len(words) - 1; n > 0; n-- {
		t := strings.TrimRight(strings.Join(words[:n], " "), " ,;:·–-") + "…"
		if TextWidth(t, size) <= width {
			return t
		}
	}
	r := []rune(s)
	for n := len(r) - 1; n > 0; n-- {
		if t := string(r[:n]) + "…"; TextWidth(t, size) <= width {
			return t
		}
	}
	return "…"
}
