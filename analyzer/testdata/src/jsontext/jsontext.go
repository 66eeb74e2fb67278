package jsontext

import (
	"bytes"
	"net/http"
	"strings"
)

const body = `{
  "model": "deepseek-reasoner",
  "messages": [{"role": "user", "content": "Hi"}],
  "max_completion_tokens": 100,
  "temperature": 3
}`

func rawConst() {
	http.Post("https://api.deepseek.com/chat/completions", "application/json", strings.NewReader(body))
}

func interpreted() {
	http.Post("https://api.deepseek.com/chat/completions", "application/json",
		bytes.NewBufferString("{\"model\": \"deepseek-flash\", \"messages\": [{\"role\": \"developer\", \"content\": \"x\"}], \"user\": \"u1\"}"))
}

func bytesConv() {
	data := []byte(`{"model": "deepseek-flash", "messages": [{"role": "user", "content": "Hi"}], "top_p": 0}`)
	http.Post("https://api.deepseek.com/chat/completions", "application/json", bytes.NewReader(data))
}

func notJSON() {
	strings.NewReader(`{"messages": not json}`)
}
