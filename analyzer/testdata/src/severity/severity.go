package severity

import (
	"bytes"
	"encoding/json"
	"net/http"
)

func send() {
	data, _ := json.Marshal(map[string]any{
		"model":                 "deepseek-flash",
		"messages":              []map[string]any{{"role": "user", "content": "Hi"}},
		"max_completion_tokens": 512, // a warning: not reported with -severity=error
		"temperature":           2.5, // want `temperature: 2\.5 is outside the documented range \[0, 2\].*\(DS105\)`
	})
	http.Post("https://api.deepseek.com/chat/completions", "application/json", bytes.NewReader(data))
}
