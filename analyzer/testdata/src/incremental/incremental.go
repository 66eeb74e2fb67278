package incremental

import (
	"bytes"
	"encoding/json"
	"net/http"
)

const url = "https://api.deepseek.com/v1/chat/completions"

type Message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

type Request struct { // want Request:"deepseek:chat"
	Model    string    `json:"model"`
	Messages []Message `json:"messages"`
	Stream   bool      `json:"stream,omitempty"`
	Options  *Options  `json:"stream_options,omitempty"`
	N        int       `json:"n,omitempty"` // want `n: n is OpenAI's field;.*\(DS501\)`
}

type Options struct {
	IncludeUsage bool `json:"include_usage"`
}

func mapBuilt(question string, stream bool) {
	body := map[string]any{}
	body["model"] = "deepseek-flash"
	body["messages"] = []map[string]string{{"role": "user", "content": question}}
	body["max_completion_tokens"] = 256 // want `max_completion_tokens: max_completion_tokens is OpenAI's field;.*\(DS501\)`
	if stream {
		body["stream"] = true
	}
	body["stream_options"] = map[string]bool{"include_usage": true}
	data, _ := json.Marshal(body)
	http.Post(url, "application/json", bytes.NewReader(data))
}

func structBuilt(question string) {
	var req Request
	req.Model = "deepseek-flash"
	req.Messages = append(req.Messages, Message{Role: "system", Content: "Be brief."})
	req.Messages = append(req.Messages, Message{Role: "developer", Content: question}) // want `messages\[1\]\.role: DeepSeek rejects role "developer".*\(DS104\)`
	req.Options = &Options{IncludeUsage: true}                                         // want `stream_options: DeepSeek rejects stream_options without.*\(DS201\)`
	req.N = 2
	data, _ := json.Marshal(req)
	http.Post(url, "application/json", bytes.NewReader(data))
}

func streamKnown(question string) {
	req := &Request{Model: "deepseek-flash", Stream: true}
	req.Messages = []Message{{Role: "user", Content: question}}
	req.Options = &Options{IncludeUsage: true}
	data, _ := json.Marshal(req)
	http.Post(url, "application/json", bytes.NewReader(data))
}

func escapes(question string) {
	req := &Request{Model: "deepseek-flash"}
	req.Messages = []Message{{Role: "user", Content: question}}
	configure(req)
	req.Options = &Options{IncludeUsage: true}
	data, _ := json.Marshal(req)
	http.Post(url, "application/json", bytes.NewReader(data))
}

func configure(r *Request) { r.Stream = true }
