// Package chart draws the yearly report's bar charts as PNG pictures with
// the standard library only: bars and axes, no words. The words — what
// each bar is and its figure — are in the picture's alternative text and
// in the table printed beside it, so no font is needed and a screen reader
// gets the figures from the table. A picture, not a native Word chart:
// Word, LibreOffice and every PDF converter show a PNG the same way, pixel
// for pixel, where each draws a chart part with its own chart engine (and
// LibreOffice's PDF of one is vector drawing, not a picture).
package chart

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
)

// The picture's size in pixels; the document shows it 6 by 3 inches
// (200 pixels an inch, sharp in print).
const (
	Width  = 1200
	Height = 600
)

// The plot area: bars stand on the baseline and the tallest reaches Top.
const (
	left     = 24
	right    = Width - 16
	Top      = 24
	Baseline = Height - 24
	axis     = 3 // the axes' thickness
)

// Colours of the series, in order: dark blue then orange, each with a
// contrast of more than 3:1 against the white ground and apart in grey.
var Colours = []color.RGBA{
	{0x1F, 0x4E, 0x79, 0xFF},
	{0xC5, 0x5A, 0x11, 0xFF},
}

var (
	white = color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}
	black = color.RGBA{0x40, 0x40, 0x40, 0xFF}
)

// Bars lays out a bar chart of groups, values[i] the figures of group i,
// one per series (at most len(Colours)): the rectangle of each bar, in the
// same order. A bar's height is its figure over the largest figure times
// the plot's height, rounded; a figure of nought or less has no height.
func Bars(values [][]float64) [][]image.Rectangle {
	maxV := 0.0
	series := 1
	for _, g := range values {
		series = max(series, len(g))
		for _, v := range g {
			maxV = max(maxV, v)
		}
	}
	n := len(values)
	out := make([][]image.Rectangle, n)
	if n == 0 {
		return out
	}
	slot := (right - left - axis) / n // each group's width, a gap each side
	gap := slot / 6
	barW := (slot - 2*gap) / series
	for i, g := range values {
		x := left + axis + i*slot + gap
		for j, v := range g {
			h := 0
			if maxV > 0 && v > 0 {
				h = int(v/maxV*float64(Baseline-Top) + 0.5)
			}
			x0 := x + j*barW
			out[i] = append(out[i], image.Rect(x0+2, Baseline-h, x0+barW-2, Baseline))
		}
	}
	return out
}

// PNG draws the chart Bars lays out. The same figures give the same bytes.
func PNG(values [][]float64) ([]byte, error) {
	pal := color.Palette{white, black}
	for _, c := range Colours {
		pal = append(pal, c)
	}
	img := image.NewPaletted(image.Rect(0, 0, Width, Height), pal)
	draw.Draw(img, img.Bounds(), image.NewUniform(white), image.Point{}, draw.Src)
	for _, g := range Bars(values) {
		for j, r := range g {
			draw.Draw(img, r, image.NewUniform(Colours[j%len(Colours)]), image.Point{}, draw.Src)
		}
	}
	// The axes: up the left, along the baseline.
	draw.Draw(img, image.Rect(left, Top-8, left+axis, Baseline+axis), image.NewUniform(black), image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(left, Baseline, right, Baseline+axis), image.NewUniform(black), image.Point{}, draw.Src)
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Where the yearly report's template wants a chart: a paragraph of its own
// holding only this text, which the build replaces with the picture.
const (
	SpendingMarker = "[chart: year.spending]"
	TrainingMarker = "[chart: year.training]"
)
