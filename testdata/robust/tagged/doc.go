// Package tagged is only built with -tags=deepseek.
package tagged
