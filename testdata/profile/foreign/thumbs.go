// Package thumbs shrinks images; it is another program, whose profile
// (foreign.pgo) covers nothing of the order service.
package thumbs

import (
	"image"
	"image/color"
)

// Shrink halves an image by averaging 2x2 blocks.
func Shrink(src *image.Gray) *image.Gray {
	b := src.Bounds()
	dst := image.NewGray(image.Rect(0, 0, b.Dx()/2, b.Dy()/2))
	for y := 0; y < b.Dy()/2; y++ {
		for x := 0; x < b.Dx()/2; x++ {
			sum := int(src.GrayAt(2*x, 2*y).Y) + int(src.GrayAt(2*x+1, 2*y).Y) +
				int(src.GrayAt(2*x, 2*y+1).Y) + int(src.GrayAt(2*x+1, 2*y+1).Y)
			dst.SetGray(x, y, color.Gray{Y: uint8(sum / 4)})
		}
	}
	return dst
}
