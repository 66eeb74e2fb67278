// Command flowmain: in package main nothing outside sets a field, so a declared
// omitempty field no code sets is never sent.
package main

import (
	"bytes"
	"encoding/json"
	"net/http"
)

type message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

type request struct { // want request:"deepseek:chat"
	Model    string    `json:"model"`
	Messages []message `json:"messages"`
	TopK     int       `json:"top_k,omitempty"`
	Seed     int       `json:"seed,omitempty"` // want `seed: .*\(DS501\)`
}

func main() {
	data, _ := json.Marshal(request{Model: "deepseek-flash", Messages: []message{{Role: "user", Content: "hi"}}, Seed: 7})
	http.Post("https://api.deepseek.com/chat/completions", "application/json", bytes.NewReader(data))
}
