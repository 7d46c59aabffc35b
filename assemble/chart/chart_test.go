package chart

import (
	"bytes"
	"image/png"
	"testing"
)

// TestBarsAreProportional: a column of pixels through each bar's middle
// holds as many pixels of the bar's colour as the figure's share of the
// tallest, and the bytes are the same each time.
func TestBarsAreProportional(t *testing.T) {
	values := [][]float64{{120000, 118500}, {60000, 0}, {30000, 45000}}
	b, err := PNG(values)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := PNG(values)
	if !bytes.Equal(b, again) {
		t.Error("the same figures drew different bytes")
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if img.Bounds().Dx() != Width || img.Bounds().Dy() != Height {
		t.Fatalf("size %v", img.Bounds())
	}
	full := float64(Baseline - Top)
	for i, g := range Bars(values) {
		for j, r := range g {
			x := (r.Min.X + r.Max.X) / 2
			n := 0
			for y := 0; y < Height; y++ {
				cr, cg, cb, _ := img.At(x, y).RGBA()
				c := Colours[j]
				if cr>>8 == uint32(c.R) && cg>>8 == uint32(c.G) && cb>>8 == uint32(c.B) {
					n++
				}
			}
			want := values[i][j] / 120000 * full
			if d := float64(n) - want; d > 1 || d < -1 {
				t.Errorf("bar %d.%d: %d pixels high, want %.1f", i, j, n, want)
			}
		}
	}
}

func TestNoFigures(t *testing.T) {
	if _, err := PNG(nil); err != nil {
		t.Fatal(err)
	}
	if _, err := PNG([][]float64{{0, 0}}); err != nil {
		t.Fatal(err)
	}
}
