package jsontext

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
)

// The findings inside the JSON text are on the lines below.
// want +4 `model: model "deepseek-reasoner" was retired.*\(DS102\)`
// want +5 `max_completion_tokens: max_completion_tokens is OpenAI's field;.*\(DS501\)`
// want +5 `temperature: 3 is outside the documented range \[0, 2\].*\(DS105\)`
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
		bytes.NewBufferString("{\"model\": \"deepseek-flash\", \"messages\": [{\"role\": \"developer\", \"content\": \"x\"}], \"user\": \"u1\"}")) // want `messages\[0\]\.role: DeepSeek rejects role "developer".*\(DS104\)` `user: user is OpenAI's field;.*\(DS501\)`
}

func bytesConv() {
	data := []byte(`{"model": "deepseek-flash", "messages": [{"role": "user", "content": "Hi"}], "top_p": 0}`) // want `top_p: DeepSeek rejects 0 with.*\(DS105\)`
	http.Post("https://api.deepseek.com/chat/completions", "application/json", bytes.NewReader(data))
}

func notJSON() {
	strings.NewReader(`{"messages": not json}`)
}

// JSON spelled by a format: its constants are checked, its verbs are run-time values.
func sprintf(history string, temp float64) {
	data := []byte(fmt.Sprintf(`{"model": "deepseek-reasoner", "messages": %s, "temperature": %.1f, "user": "%s"}`, history, temp, "u1")) // want `model: model "deepseek-reasoner" was retired.*\(DS102\)` `user: user is OpenAI's field;.*\(DS501\)`
	http.Post("https://api.deepseek.com/chat/completions", "application/json", bytes.NewReader(data))
}
