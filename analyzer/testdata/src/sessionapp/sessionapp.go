// Package sessionapp resumes a saved session against DeepSeek.
package sessionapp

import (
	"bytes"
	"encoding/json"
	"net/http"

	"sessions"
)

type chatRequest struct { // want chatRequest:"deepseek:chat"
	Model    string             `json:"model"`
	Messages []sessions.Message `json:"messages"`
}

func Resume(path, q string) error { // want Resume:"deepseek:chat"
	s, err := sessions.Load(path)
	if err != nil {
		return err
	}
	msgs := append(s.Messages, sessions.Message{Role: "user", Content: q})
	body, _ := json.Marshal(chatRequest{Model: s.Model, Messages: msgs}) // want `model: model "deepseek-chat" was retired.*\(DS102\)`
	_, err = http.Post("https://api.deepseek.com/chat/completions", "application/json", bytes.NewReader(body))
	return err
}
