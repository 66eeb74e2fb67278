package gen

import "testing"

var testBody = map[string]any{
	"model":    "deepseek-chat",
	"messages": []map[string]any{{"role": "user", "content": "hi"}},
}

func TestNothing(t *testing.T) { _ = testBody }
