package chat

import "testing"

func TestBody(t *testing.T) {
	body := map[string]any{
		"model":    "deepseek-flash",
		"messages": []map[string]any{{"role": "developer", "content": "test"}},
	}
	if _, err := post(body); err == nil {
		t.Log("sent")
	}
}
