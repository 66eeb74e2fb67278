package suppress

import (
	"bytes"
	"encoding/json"
	"net/http"
)

func post(body any) {
	data, _ := json.Marshal(body)
	http.Post("https://api.deepseek.com/chat/completions", "application/json", bytes.NewReader(data))
}

func silenced() {
	post(map[string]any{
		"model":    "deepseek-flash",
		"messages": []map[string]any{{"role": "user", "content": "Hi"}},
		//deepseekvet:ignore DS501 our gateway maps max_completion_tokens to max_tokens
		"max_completion_tokens": 512,
		"top_k":                 3, //deepseekvet:ignore DS501,DS502 measured: the relay strips it
	})
}

//deepseekvet:ignore DS102 this path is only used against a replay server that still knows the name
func wholeDeclaration() {
	post(map[string]any{
		"model":    "deepseek-chat",
		"messages": []map[string]any{{"role": "user", "content": "Hi"}},
	})
}

func malformed() {
	post(map[string]any{
		"model":    "deepseek-flash",
		"messages": []map[string]any{{"role": "user", "content": "Hi"}},
		"seed":     7, //deepseekvet:ignore DS501 // want `malformed deepseekvet:ignore directive: it gives no reason.*\(DS901\)` `seed: seed is OpenAI's field.*\(DS501\)`
	})
}

func stale() {
	post(map[string]any{
		"model":    "deepseek-flash",
		"messages": []map[string]any{{"role": "user", "content": "Hi"}}, //deepseekvet:ignore DS104 no longer needed // want `this deepseekvet:ignore directive silences nothing \(DS104\); remove it \(DS902\)`
	})
}
