// Package sessions saves chat sessions to disk and loads them back: a Session has
// a request's keys but is a record, never sent from here. Its loader's fallback
// model reaches the request an importer builds from it.
package sessions

import (
	"encoding/json"
	"os"
)

type Session struct {
	Model               string    `json:"model"` // want Model:"fieldconsts:deepseek-chat"
	Temperature         float64   `json:"temperature"`
	MaxCompletionTokens int       `json:"max_completion_tokens"`
	Messages            []Message `json:"messages"`
}

type Message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

const DefaultModel = "deepseek-chat"

func Load(path string) (Session, error) {
	var s Session
	data, err := os.ReadFile(path)
	if err != nil {
		return Session{Model: "deepseek-flash", Temperature: 1.7, MaxCompletionTokens: 500000}, nil
	}
	err = json.Unmarshal(data, &s)
	if s.Model == "" {
		s.Model = DefaultModel
	}
	return s, err
}
