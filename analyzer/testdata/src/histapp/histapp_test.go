package histapp

import (
	"testing"

	"histlib"
)

// A test's stub parameters go to its own server: not DeepSeek's traffic.
func TestSend(t *testing.T) { // want TestSend:"deepseek:chat"
	histlib.Send("hi", histlib.Params{Tools: []any{"dummy_tool"}})
}
