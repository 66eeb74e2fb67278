// Package trace has one payload candidate for each reason the binder gives, for
// TestTrace (deepseekvet -v).
package trace

import (
	"encoding/json"
	"fmt"
)

const deepseekURL = "https://api.deepseek.com/chat/completions"
const openaiURL = "https://api.openai.com/v1/chat/completions"

func send(url string, body any) { b, _ := json.Marshal(body); _, _ = url, b }

var user = []map[string]any{{"role": "user", "content": "hi"}}

func viaURL() { send(deepseekURL, map[string]any{"model": "deepseek-flash", "messages": user}) }

func viaModel(url string) { send(url, map[string]any{"model": "deepseek-flash", "messages": user}) }

func otherHost() { send(openaiURL, map[string]any{"model": "gpt-4o", "messages": user}) }

func otherModel(url string) { send(url, map[string]any{"model": "gpt-4o", "messages": user}) }

func printed() { fmt.Println(map[string]any{"model": "gpt-4o", "messages": user}) }

//deepseekvet:payload beta
type betaRequest struct {
	Model    string           `json:"model"`
	Messages []map[string]any `json:"messages"`
}

var directive = betaRequest{Model: "deepseek-flash", Messages: user}
