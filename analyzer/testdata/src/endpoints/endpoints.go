package endpoints

import (
	"bytes"
	"encoding/json"
	"net/http"
)

const (
	chatURL = "https://api.deepseek.com/chat/completions"
	betaURL = "https://api.deepseek.com/beta/chat/completions"
	fimURL  = "https://api.deepseek.com/beta/completions"
)

func postTo(u string, body any) {
	data, _ := json.Marshal(body)
	http.Post(u, "application/json", bytes.NewReader(data))
}

func prefixOnNonBeta(question string) {
	body := map[string]any{
		"model": "deepseek-flash",
		"messages": []map[string]any{
			{"role": "user", "content": question},
			{"role": "assistant", "content": "```python\n", "prefix": true}, // want `messages\[1\]\.prefix: DeepSeek rejects prefix completion.*\(DS206\)`
		},
	}
	data, _ := json.Marshal(body)
	http.Post(chatURL, "application/json", bytes.NewReader(data))
}

func prefixOnBeta(question string) {
	body := map[string]any{
		"model": "deepseek-flash",
		"messages": []map[string]any{
			{"role": "user", "content": question},
			{"role": "assistant", "content": "```python\n", "prefix": true},
		},
	}
	data, _ := json.Marshal(body)
	http.Post(betaURL, "application/json", bytes.NewReader(data))
}

func prefixNotLast(question string) {
	body := map[string]any{
		"model": "deepseek-flash",
		"messages": []map[string]any{
			{"role": "assistant", "content": "```python\n", "prefix": true}, // want `messages\[0\]\.prefix: DeepSeek accepts "prefix": true.*\(DS205\)`
			{"role": "user", "content": question},
		},
	}
	data, _ := json.Marshal(body)
	http.Post(betaURL, "application/json", bytes.NewReader(data))
}

func fim(prefix, suffix string) {
	body := map[string]any{
		"model":      "deepseek-flash",
		"prompt":     prefix,
		"suffix":     suffix,
		"max_tokens": 8192, // want `max_tokens: DeepSeek's FIM completion allows.*\(DS105\)`
	}
	data, _ := json.Marshal(body)
	http.Post(fimURL, "application/json", bytes.NewReader(data))
}

func fimNonBeta(prefix string) {
	body := map[string]any{ // want `request body: DeepSeek serves FIM completion.*\(DS206\)`
		"model":  "deepseek-flash",
		"prompt": prefix,
	}
	data, _ := json.Marshal(body)
	http.Post("https://api.deepseek.com/completions", "application/json", bytes.NewReader(data))
}

//deepseekvet:payload
type Custom struct {
	Model    string           `json:"model"`
	Messages []map[string]any `json:"messages"`
	TopK     int              `json:"top_k,omitempty"` // want `top_k: top_k is Anthropic's field;.*\(DS501\)`
}

func directive(m string) Custom {
	return Custom{Model: m, Messages: []map[string]any{{"role": "user", "content": "hi"}}, TopK: 3}
}

func imageToProModel(url string) {
	postTo(chatURL, map[string]any{
		"model": "deepseek-v4-pro",
		"messages": []map[string]any{{"role": "user", "content": []map[string]any{
			{"type": "text", "text": "What is this?"},
			{"type": "image_url", "image_url": map[string]any{"url": url}}, // want `messages\[0\]\.content\[1\]\.type: DeepSeek rejects image and.*\(DS209\)`
		}}},
	})
}

func imageInSystem(url string) {
	postTo(chatURL, map[string]any{
		"model": "deepseek-flash",
		"messages": []map[string]any{{"role": "system", "content": []map[string]any{ // want `messages\[0\]\.content: DeepSeek accepts content parts.*\(DS208\)`
			{"type": "image_url", "image_url": map[string]any{"url": url}},
		}}, {"role": "user", "content": "Describe it."}},
	})
}
