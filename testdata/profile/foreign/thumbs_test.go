package thumbs

import (
	"image"
	"image/color"
	"testing"
)

func BenchmarkShrink(b *testing.B) {
	src := image.NewGray(image.Rect(0, 0, 512, 512))
	for i := range src.Pix {
		src.Pix[i] = uint8(i)
	}
	_ = color.Gray{}
	for b.Loop() {
		Shrink(src)
	}
}
