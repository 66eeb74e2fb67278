// Package util holds no payload.
package util

// Double doubles.
func Double(n int) int { return 2 * n }
